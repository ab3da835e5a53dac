"""The speed measures of the engine change no suggestion: the per-alternative guards give
the same suggestions as the plain expression, and claims and statistics on the seed and
dev texts are those recorded before the speed work (refusal rules changed on purpose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.suggest import RuleSet, load_rules, suggest
from annotator.core.suggest.engine import _compile_label
from annotator.core.suggest.rules import read_label_rules, rule_files, shipped_rules_folder
from tests.core.test_suggest_refusals import NEGATIVES, POSITIVES

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "tests" / "fixtures" / "suggest" / "snapshot_before_speed.json"


def texts() -> dict[str, str]:
    """The seed articles and the dev gold articles, by name (as in the snapshot)."""
    found = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    dev = json.loads((ROOT / "eval" / "gold" / "dev.json").read_text(encoding="utf-8"))
    for doc in dev["documents"]:
        found["dev:" + doc["title"]] = doc["text"]
    return found


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def test_guards_change_no_suggestion(rules):
    plain = RuleSet(
        tuple(
            _compile_label(lr, guards=False)
            for lr in read_label_rules(rule_files([shipped_rules_folder()]))
        )
    )
    corpus = [*texts().values(), *(t for t, _ in POSITIVES), *NEGATIVES]
    assert len(corpus) > 180
    for text in corpus:
        assert suggest(text, rules) == suggest(text, plain)


def test_claims_and_statistics_are_those_before_the_speed_work(rules):
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = texts()
    assert set(snapshot) == set(current)
    for name, text in current.items():
        before = [tuple(s) for s in snapshot[name] if s[0] in ("claim", "statistic")]
        now = [tuple(s) for s in suggest(text, rules, ["claim", "statistic"])]
        assert now == before, name
    assert sum(len(v) for v in snapshot.values()) == 197


def test_prefixes_give_what_optional_leading_groups_give(rules):
    """A rule's ``prefix``, looked for backwards, finds what ``(?:prefix)?pattern`` would.

    Not for an ``unclaimed`` rule: its prefix (a subject, back to where its clause begins)
    is looked for only once the rule matched, so that it never takes text from a precise
    rule that matches inside that subject; inline, it would."""
    from dataclasses import replace

    from tests.core.test_suggest_statistics import NEGATIVES as STAT_NEGATIVES
    from tests.core.test_suggest_statistics import POSITIVES as STAT_POSITIVES

    inline = []
    for lr in read_label_rules(rule_files([shipped_rules_folder()])):
        inlined = tuple(
            r
            if r.prefix is None or r.unclaimed
            else replace(r, pattern=f"(?:{r.prefix})?(?:{r.pattern})", prefix=None)
            for r in lr.rules
        )
        inline.append(_compile_label(replace(lr, rules=inlined)))
    plain = RuleSet(tuple(inline))
    with_prefix = sum(r.prefix is not None for c in rules.compiled for r in c.rules)
    assert with_prefix >= 10  # statistic qualifiers and refusal auxiliaries
    corpus = [
        *texts().values(),
        *(t for t, _ in POSITIVES),
        *NEGATIVES,
        *(t for t, _ in STAT_POSITIVES),
        *STAT_NEGATIVES,
    ]
    for text in corpus:
        assert suggest(text, rules) == suggest(text, plain)


def test_refusal_and_statistic_scans_start_only_where_a_rule_can():
    """Every refusal and statistic rule says which characters it can start with, so that
    the label's one scan skips all other positions (a rule that could start anywhere, such
    as a headline rule written ``[^\\n]*``, would take that away from the whole label)."""
    import re

    from annotator.core.suggest.firstchars import first_chars

    for lr in read_label_rules(rule_files([shipped_rules_folder()])):
        if lr.label not in ("refusal", "statistic"):
            continue
        for rule in lr.rules:
            if rule.within is None:
                assert first_chars(rule.pattern, re.MULTILINE) is not None, rule.name
