"""A rule's ``prefix``: optional words just before its match, looked for backwards once the
rest has matched (docs/suggestion-rules.md); errors in it name the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.suggest import RuleError, suggest
from annotator.core.suggest.engine import compile_rules


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "hedge.toml"
    path.write_text(body, encoding="utf-8")
    return path


RULES = """
label = "figure"
[lists]
q = ["more than", "about", "just over"]
[[rule]]
name = "count"
prefix = '(?P<q>\\b(?:{q})\\s+)'
pattern = '(?P<n>\\d+)\\s+(?P<noun>[a-z]+s)\\b'
reason = "count of {noun}[ with '{q}']"
boost = { q = 0.2 }
confidence = 0.5
[[rule]]
name = "word"
pattern = '\\bseveral\\s+[a-z]+'
"""


def found(text: str, tmp_path: Path) -> list[tuple[str, float, str]]:
    rules = compile_rules([write(tmp_path, RULES)])
    return [(text[s.start : s.end], s.confidence, s.reason) for s in suggest(text, rules)]


def test_the_prefix_extends_the_span_and_feeds_reason_and_boost(tmp_path):
    assert found("They found more than 20 cars.", tmp_path) == [
        ("more than 20 cars", 0.7, "count of cars with 'more than'")
    ]
    assert found("They found just over 20 cars.", tmp_path) == [
        ("just over 20 cars", 0.7, "count of cars with 'just over'")
    ]
    assert found("They found 20 cars.", tmp_path) == [("20 cars", 0.5, "count of cars")]


def test_the_prefix_must_end_where_the_match_starts(tmp_path):
    assert found("About the 20 cars.", tmp_path) == [("20 cars", 0.5, "count of cars")]
    assert found("Roundabout 20 cars.", tmp_path) == [("20 cars", 0.5, "count of cars")]


def test_the_prefix_never_reaches_into_an_earlier_match(tmp_path):
    # "several about" is the first match; "about" is taken and stays out of the count.
    assert [t for t, _, _ in found("They saw several about 20 cars.", tmp_path)] == [
        "several about",
        "20 cars",
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("prefix = ''", "rule 'bad': prefix must be a non-empty text"),
        ("prefix = 3", "rule 'bad': prefix must be a non-empty text"),
        ("prefix = '(?P<n>x)'", "rule 'bad': group 'n' is in both prefix and pattern"),
        ("prefix = '(x'", "rule 'bad' (prefix): not a valid regular expression"),
        ("prefix = '{nothing}'", "rule 'bad' refers to {nothing}"),
        ("prefix = 'x'\nspan = 'n'", "rule 'bad': a rule with a prefix cannot also name a span"),
    ],
)
def test_a_bad_prefix_is_an_error_naming_file_and_rule(tmp_path, extra, message):
    path = write(
        tmp_path, f"label = 'figure'\n[[rule]]\nname = 'bad'\npattern = '(?P<n>\\d+)'\n{extra}\n"
    )
    with pytest.raises(RuleError) as err:
        compile_rules([path])
    assert str(path) in str(err.value)
    assert message in str(err.value)
