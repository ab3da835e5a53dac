"""Every encoding the detector may choose, or the re-read dialog lists, says what it is for."""

from __future__ import annotations

import pytest

from annotator.core.decoding import MULTI_BYTE_CANDIDATES, SINGLE_BYTE
from annotator.core.encoding_names import described, purpose
from annotator.ui.reread_dialog import COMMON_ENCODINGS


@pytest.mark.parametrize("codec", [*SINGLE_BYTE, *MULTI_BYTE_CANDIDATES, *COMMON_ENCODINGS])
def test_every_encoding_offered_has_a_purpose(codec):
    assert purpose(codec), f"{codec} is offered to users without saying what it is for"


def test_any_spelling_python_knows_finds_the_purpose():
    assert purpose("Windows-1252") == purpose("cp1252") == "Windows, Western European"
    assert described("latin-1") == "latin-1 — ISO Latin-1, Western European"
    assert described("KOI8-R") == "KOI8-R — KOI8, Russian"


def test_an_unknown_name_is_shown_as_it_is():
    assert purpose("x-no-such") == ""
    assert described("x-no-such") == "x-no-such"
