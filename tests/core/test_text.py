from __future__ import annotations

import pytest

from annotator.core.text import (
    TextDecodeError,
    decode_utf8,
    guess_title,
    normalise_text,
    text_sha256,
)


def test_normalise_drops_bom_and_unifies_line_ends_only():
    raw = "\ufeffone\r\ntwo\rthree\nfour\u2028five\u00a0six\te\u0301"
    assert normalise_text(raw) == "one\ntwo\nthree\nfour\u2028five\u00a0six\te\u0301"


def test_normalise_keeps_inner_bom_and_unicode_forms():
    raw = "a\ufeffb \u00e9 e\u0301  trailing  \n\n"
    assert normalise_text(raw) == raw


def test_normalise_is_idempotent():
    raw = "\ufeffx\r\n\r\ny\r"
    once = normalise_text(raw)
    assert normalise_text(once) == once == "x\n\ny\n"


def test_decode_utf8_with_and_without_bom():
    assert decode_utf8("é😀".encode()) == "é😀"
    assert decode_utf8(b"\xef\xbb\xbfhi") == "\ufeffhi"
    # Exactly one BOM is removed on the way in, as the stored text promises.
    assert normalise_text(decode_utf8(b"\xef\xbb\xbf\xef\xbb\xbfX")) == "\ufeffX"


def test_decode_error_names_byte_offset_and_line():
    with pytest.raises(TextDecodeError) as info:
        decode_utf8(b"ok\nfine\n\xffbad")
    assert "0xff" in str(info.value)
    assert "offset 8" in str(info.value)
    assert "line 3" in str(info.value)


def test_sha256_of_utf8_text():
    assert text_sha256("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_guess_title():
    assert guess_title("\n\n# My heading\nbody", "fallback") == "My heading"
    assert guess_title("   \n  ", "fallback") == "fallback"
    long_line = "x" * 300
    assert len(guess_title(long_line, "f")) == 120
