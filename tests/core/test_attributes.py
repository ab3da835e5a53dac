from __future__ import annotations

import pytest

from annotator.core.attributes import (
    format_value,
    parse_input,
    spec_problems,
    value_problem,
)
from annotator.core.model import AttributeSpec

NUMBER = AttributeSpec("value", "number")
STANCE = AttributeSpec("stance", "choice", ("supports", "opposes"))
YESNO = AttributeSpec("official", "boolean")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2,000", 2000),
        (" 12.5 ", 12.5),
        ("-3", -3),
        ("1,234,567.25", 1234567.25),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1e3", 1000.0),
    ],
)
def test_numbers_are_read_as_typed(typed, value):
    parsed = parse_input(NUMBER, typed)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize(
    "typed", ["abc", "12,5", "1,00", "40.3%", "HK$3", "nan", "1e999", "--1", "9" * 5000]
)
def test_what_is_not_a_number_is_refused_by_name(typed):
    with pytest.raises(ValueError, match=r"^value: "):
        parse_input(NUMBER, typed)


def test_blank_means_unset_for_every_kind():
    for spec in (NUMBER, STANCE, YESNO, AttributeSpec("speaker")):
        assert parse_input(spec, "   ") is None


def test_choices_and_yes_no():
    assert parse_input(STANCE, "opposes") == "opposes"
    with pytest.raises(ValueError, match="not one of supports, opposes"):
        parse_input(STANCE, "maybe")
    assert [parse_input(YESNO, t) for t in ("Yes", "no", "TRUE", "0")] == [
        True,
        False,
        True,
        False,
    ]
    with pytest.raises(ValueError, match="yes or no"):
        parse_input(YESNO, "perhaps")


def test_stored_values_are_checked_by_kind():
    assert value_problem(NUMBER, 3) is None and value_problem(NUMBER, 2.5) is None
    assert value_problem(NUMBER, True) == "expected a number"
    assert value_problem(NUMBER, "3") == "expected a number"
    assert value_problem(YESNO, 1) == "expected true or false"
    assert value_problem(STANCE, "maybe") is not None
    assert value_problem(AttributeSpec("speaker"), 3) == "expected a string"
    assert [format_value(v) for v in (True, False, 2000, 12.5, "Lee")] == [
        "yes",
        "no",
        "2000",
        "12.5",
        "Lee",
    ]


def test_scheme_problems_are_named():
    assert spec_problems([NUMBER, STANCE, YESNO]) == []
    problems = spec_problems(
        [
            AttributeSpec(""),
            AttributeSpec("a"),
            AttributeSpec("a", "number"),
            AttributeSpec("b", "colour"),
            AttributeSpec("c", "choice"),
            AttributeSpec("d", "choice", ("x", "x")),
            AttributeSpec("e", "text", ("x",)),
        ]
    )
    assert problems == [
        "an attribute has no name",
        "attribute 'a' is defined twice",
        "attribute 'b' has unknown type 'colour' (one of text, number, choice, boolean)",
        "choice attribute 'c' lists no choices",
        "choice attribute 'd' lists a choice twice",
        "only choice attributes list choices ('e' is text)",
    ]
