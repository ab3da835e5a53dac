"""Phrases tagged by hand found unit by unit (issue 24): exactly what the regular
expressions found before (tests/core/regex_phrases.py), in the same order, ties at
MAX_LEARNED included, and with work linear in the text and the phrases."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from annotator.app.resources import seed_documents
from annotator.core.suggest import learned as learned_module
from annotator.core.suggest.learned import (
    MAX_LEARNED,
    Tagged,
    compile_phrases,
    learned,
    learned_between,
    left_out,
)
from tests.core.regex_phrases import compile_regex, regex_between

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"
LABELS = ("claim", "refusal", "statistic")

# Words and signs that make the cases hard: case (also where lower case is longer, or
# depends on what follows), signs inside and around words, marks that are not word
# characters, astral letters, emoji, digits, underscores and many kinds of whitespace.
TRICKY = [
    "the",
    "prime",
    "minister",
    "Lee",
    "PRIME",
    "Minister",
    "lee",
    "istanbul",
    "ΟΔΟΣ",
    "οδος",
    "σας",
    "ΣΑΣ",
    "Straße",
    "STRASSE",
    "straße",
    "ﬁne",
    "ℂ",
    "ℂity",
    "K",
    "kelvin",
    "s",
    "u.s.",
    "U.S.",
    "U.S",
    "u.s",
    "$5m",
    "5m",
    "$",
    "£12bn",
    "café",
    "café",
    "é",
    "naïve",
    "NAÏVE",
    "😀",
    "👩\u200d💻",
    "😀😀",
    "𝒜",
    "𝒜x",
    "x_y",
    "_",
    "3.5",
    "42",
    "per-cent",
    "minister's",
    "minister’s",
    "o'clock",
    "—",
    "-",
    "–",
    "...",
    "(",
    ")",
    '"',
    "«",
    "»",
    "#",
    "#tag",
    "@ha",
    "ha",
    "haha",
]
SPACES = (" ", " ", " ", "", "", "\n", "  ", "\t", "\u00a0", "\u2003", "\n\n ")


def tricky_text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(TRICKY) + rng.choice(SPACES) for _ in range(words))


def phrases_of(rng: random.Random, text: str, count: int) -> list[Tagged]:
    """``count`` runs of 1 to 5 of the text's units, as written or in another case."""
    units = list(re.finditer(r"\w+|[^\w\s]", text))
    tagged = []
    for _ in range(count):
        at = rng.randrange(len(units))
        last = units[min(len(units) - 1, at + rng.randint(0, 4))]
        phrase = text[units[at].start() : last.end()]
        phrase = rng.choice((phrase, phrase, phrase.upper(), phrase.lower(), phrase.title()))
        tagged.append(Tagged(rng.choice(LABELS), phrase, f"Doc {rng.randrange(3)}"))
    return tagged


def same(text: str, tagged: list[Tagged], rng: random.Random) -> None:
    """Both matchers give the same counts (in the same order) and suggestions: over the
    whole text, in pieces cut anywhere (inside words too), and with phrases left out."""
    mine, theirs = compile_phrases(tagged), compile_regex(tagged)
    cuts = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(4)]
    for start, stop in cuts:
        for lead in (0, min(start, rng.randrange(0, 40))):
            chunk = text[start - lead :]
            got = learned_between(chunk, mine, lead, stop - start + lead)
            want = regex_between(chunk, theirs, lead, stop - start + lead)
            assert list(got[0].items()) == list(want[0].items()), (start, stop, lead)
            assert got[1] == want[1], (start, stop, lead)
    counts, _found = regex_between(text, theirs)
    dropped = left_out(counts)
    # (Counted again, only the phrases kept are counted.)
    assert (
        learned_between(text, mine, dropped=dropped)[1]
        == (regex_between(text, theirs, dropped=dropped)[1])
    )


def test_the_seed_articles_find_what_the_expressions_found():
    rng = random.Random(1)
    for doc in seed_documents():
        same(doc.text, phrases_of(rng, doc.text, 300), rng)


def test_the_dev_articles_and_their_gold_tags_find_what_the_expressions_found():
    rng = random.Random(2)
    documents = json.loads((GOLD / "dev.json").read_text(encoding="utf-8"))["documents"]
    gold = [Tagged(a["label"], a["quote"], d["title"]) for d in documents for a in d["annotations"]]
    for doc in documents:
        same(doc["text"], gold + phrases_of(rng, doc["text"], 200), rng)


@pytest.mark.parametrize("seed", range(12))
def test_tricky_text_finds_what_the_expressions_found(seed):
    rng = random.Random(seed)
    text = tricky_text(rng, 400)
    tagged = phrases_of(rng, text, 150) + phrases_of(rng, tricky_text(rng, 100), 50)
    same(text, tagged, rng)


def test_many_ties_past_the_limit_leave_out_the_same_phrases():
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    text = " ".join(rng.choice(words) for _ in range(4 * MAX_LEARNED))
    tagged = [Tagged(label, f"{a} {b}", "T") for a in words for b in words for label in LABELS[:2]]
    assert learned(text, compile_phrases(tagged))
    same(text, tagged, rng)


def test_a_phrase_at_the_edges_of_a_piece():
    text = "Prime minister Lee. prime  MINISTER lee"
    tagged = [Tagged("claim", "prime minister lee", "T"), Tagged("claim", "minister", "T")]
    phrases, before = compile_phrases(tagged), compile_regex(tagged)
    # From inside "Prime"; from "prime" to just after it; a piece cut after "MINISTER".
    for chunk, start, stop, spans in (
        (text, 1, len(text), [(6, 14), (20, 39), (27, 35)]),
        (text, 20, 21, [(20, 39)]),
        (text[:35], 20, 35, [(27, 35)]),
    ):
        found = learned_between(chunk, phrases, start, stop)
        assert [(s.start, s.end) for s in found[1]] == spans
        assert found == regex_between(chunk, before, start, stop)


def work(words: int, phrases: int) -> int:
    """Units the matcher looks at in a text of ``words`` words with ``phrases`` phrases
    that mostly begin alike (the worst case for a matcher that tries each phrase)."""
    rng = random.Random(words)
    vocabulary = [f"w{i}" for i in range(50)]
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    tagged = [
        Tagged("claim", " ".join(["w1", *rng.choices(vocabulary, k=rng.randint(1, 6))]), "T")
        for _ in range(phrases)
    ]
    tally = [0]
    learned_between(text, compile_phrases(tagged), tally=tally)
    return tally[0]


def test_the_work_grows_with_the_text_and_not_with_the_phrases():
    small = work(20_000, 1_000)
    assert small <= 2 * 20_000  # each word, and a few after those that begin phrases
    assert work(20_000, 10_000) <= 1.3 * small + 7 * 20_000 / 50
    assert work(80_000, 1_000) <= 4.4 * small


@pytest.mark.parametrize("window", [40, 300])
def test_units_listed_a_few_at_a_time_find_the_same(monkeypatch, window):
    # Phrases across the windows' edges, and across whitespace longer than the units
    # listed past a window (followed unit by unit from there).
    rng = random.Random(window)
    text = tricky_text(rng, 300) + "prime" + " " * 2000 + "\nminister Lee " + tricky_text(rng, 50)
    tagged = [*phrases_of(rng, text, 150), Tagged("claim", "prime minister lee", "T")]
    monkeypatch.setattr(learned_module, "WINDOW", window)
    found = learned(text, compile_phrases(tagged))
    assert any(s.end - s.start > 2000 for s in found)
    same(text, tagged, rng)
