from __future__ import annotations

import codecs

import pytest

from annotator.core.decoding import DecodeError, decode_bytes
from annotator.core.text import normalise_text

CASES = [
    # (text, encoding it is written in, encoding recorded)
    ("The price was £5 – it’s “cheap”, a café… 10€", "cp1252", "cp1252"),
    ("Façade naïve café crème brûlée à la carte", "latin-1", "iso8859-1"),
    ("Zażółć gęślą jaźń, Łódź i Kraków", "cp1250", "cp1250"),
    (
        "香港警方计划安装摄像头以加强监控。市民的私隐受到关注，当局拒绝透露数量。",
        "gb18030",
        "gb18030",
    ),
    (
        "Привет, это тест камеры наблюдения в городе. Власти отказались отвечать.",
        "cp1251",
        "cp1251",
    ),
    ("日本語のテキストです。監視カメラの数は公表されていません。", "shift_jis", "cp932"),
    ("Árvíztűrő tükörfúrógép, a magyar ékezetek", "cp1250", "cp1250"),
    ("Dobar dan, četvrtak će biti lijep.", "cp1250", "cp1250"),
    ("Guvernul a anunţat măsuri", "cp1250", "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy", "cp1250", "cp1250"),
    ("Łódź", "cp1250", "cp1250"),
    ("¿Qué pasó, señor? El 1º de mayo.", "cp1252", "iso8859-1"),
    ("Þjóðin og ríkið", "cp1252", "iso8859-1"),
    ("Müller and Schröder met in Köln – “straße” costs €5.", "cp1252", "cp1252"),
    ("Dışişleri Bakanlığı açıklama yaptı", "cp1254", "cp1254"),
    ("The ministry (Министерство) said cameras will come.", "cp1251", "cp1251"),
    ("The ministry (Υπουργείο Εσωτερικών) said so.", "iso-8859-7", "cp1253"),
    ("香港警方表示將安裝監控攝像頭，當局拒絕透露。", "big5", "big5"),
    ("경찰은 감시 카메라를 설치할 것이라고 밝혔다.", "euc-kr", "cp949"),
    ("UTF-16 without a byte-order mark, café", "utf-16-le", "utf-16-le"),
    ("plain ascii only", "ascii", "utf-8"),
    ("UTF-8 é 😀 市民", "utf-8", "utf-8"),
]


@pytest.mark.parametrize(
    ("text", "written", "recorded"), CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_legacy_encodings_decode_without_mojibake(text, written, recorded):
    decoded = decode_bytes(text.encode(written))
    assert decoded.text == text
    assert decoded.encoding == recorded


@pytest.mark.parametrize(
    ("bom", "codec", "recorded"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_byte_order_marks_are_honoured_and_removed_once(bom, codec, recorded):
    text = "Line one 😀\r\nLine two é\r"
    decoded = decode_bytes(bom + text.encode(codec))
    assert decoded.encoding == recorded
    assert normalise_text(decoded.text) == "Line one 😀\nLine two é\n"


def test_a_single_accent_in_short_text_is_latin_not_cjk():
    assert decode_bytes("caf\xe9".encode("latin-1")).text == "café"


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03binary\x00", bytes(range(256)) * 4, b"\x7fELF\x02\x01\x01\x00\x00\x00"],
    ids=["nul-bytes", "all-bytes", "elf-header"],
)
def test_binary_garbage_is_refused(data):
    with pytest.raises(DecodeError, match="binary data"):
        decode_bytes(data)


def test_bom_that_lies_is_refused():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"odd")
