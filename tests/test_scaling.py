"""The hostile battery's scaling cases (issue 17): 4× the input may take at most 6× the
counted work (tests/work.py; no clocks). Before the fixes, HTML with unterminated
constructs and labels coloured one by one took 16× and 10-15×."""

from __future__ import annotations

import pytest

from tests import scaling_inputs as inputs
from tests.work import assert_linear

LABELS = 5_000  # and 20,000: the battery's 20,000 codes or labels
CONSTRUCTS = 12_500  # and 50,000 unterminated <!--, </a or <![CDATA[
UNITS = list(inputs.UNTERMINATED.values())


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("make", [inputs.make_html, inputs.make_epub], ids=["html", "epub"])
def test_50000_unterminated_constructs(make, unit):
    assert_linear(make(unit), CONSTRUCTS)


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("make", [inputs.make_html, inputs.make_epub], ids=["html", "epub"])
def test_a_400_kb_page_of_them(make, unit):
    assert_linear(make(unit, bare=True), inputs.units_in_400k(unit) // 4)


def test_refi_qda_codebook_of_20000_codes():
    assert_linear(inputs.make_refi_qda, LABELS)


def test_w3c_annotations_with_20000_labels():
    assert_linear(inputs.make_w3c, LABELS)


@pytest.mark.parametrize("reader", ["doccano", "label_studio", "brat"])
def test_files_with_20000_labels(tmp_path, reader):
    make = {
        "doccano": inputs.make_doccano,
        "label_studio": inputs.make_label_studio,
        "brat": inputs.make_brat,
    }[reader]
    assert_linear(make(tmp_path), LABELS)
