"""Phrase learning: a phrase tagged by hand matched elsewhere as whole words, in any case
and any whitespace, at code-point offsets, overlapping phrases included."""

from __future__ import annotations

from annotator.core.suggest import Suggestion
from annotator.core.suggest.learned import (
    MAX_LEARNED,
    MAX_PHRASE,
    Tagged,
    combine,
    compile_phrases,
    distinctive,
    learned,
    without_rules,
)
from tests.conftest import tracing_memory


def spans(text, *tagged):
    return [
        (s.label, text[s.start : s.end], s.start) for s in learned(text, compile_phrases(tagged))
    ]


def test_whole_words_only():
    text = "Dismay: the mayor may act, may, mayhem"
    assert spans(text, Tagged("hedge", "may", "A")) == [
        ("hedge", "may", text.index("may act")),
        ("hedge", "may", text.index("may,")),
    ]


def test_any_case_and_any_whitespace():
    text = "It MAY\n\n   Well be; it may well; it maywell"
    assert [q for _l, q, _s in spans(text, Tagged("hedge", " may  well ", "A"))] == [
        "MAY\n\n   Well",
        "may well",
    ]


def test_offsets_are_code_points_after_astral_text():
    text = "😀𝒜 may well 𝒜 😀 may well"
    found = learned(text, compile_phrases([Tagged("hedge", "May well", "A")]))
    assert [(s.start, s.end) for s in found] == [(3, 11), (16, 24)]
    assert all(text[s.start : s.end] == "may well" for s in found)


def test_a_phrase_with_an_emoji_matches_as_written():
    text = "ok 😀 fine and 😀 fine"
    assert [s for _l, _q, s in spans(text, Tagged("x", "😀 fine", "A"))] == [3, 14]


def test_overlapping_and_nested_phrases_are_all_found():
    text = "The prime minister Lee said so; ha ha ha."
    found = spans(
        text,
        Tagged("claim", "prime minister", "A"),
        Tagged("claim", "prime minister Lee", "B"),
        Tagged("x", "minister lee said", "C"),
        Tagged("laugh", "ha ha", "D"),
    )
    assert found == [
        ("claim", "prime minister", 4),
        ("claim", "prime minister Lee", 4),
        ("x", "minister Lee said", 10),
        ("laugh", "ha ha", text.index("ha")),
        ("laugh", "ha ha", text.index("ha") + 3),
    ]


def test_a_shorter_phrase_inside_a_word_boundary_case_is_found():
    # "minister" is followed by an apostrophe in "minister's": still a whole word.
    text = "the minister's plan"
    found = spans(text, Tagged("x", "minister", "A"), Tagged("x", "minister's plan", "B"))
    assert found == [("x", "minister", 4), ("x", "minister's plan", 4)]


def test_reason_rule_and_one_suggestion_per_label():
    text = "x may well y"
    found = learned(
        text,
        compile_phrases(
            [
                Tagged("hedge", "may well", "First"),
                Tagged("hedge", "MAY WELL", "Second"),
                Tagged("claim", "may well", "Third"),
            ]
        ),
    )
    assert [(s.label, s.reason, s.rule) for s in found] == [
        ("claim", "you tagged this phrase in «Third»", "claim:learned-phrase"),
        ("hedge", "you tagged this phrase in «First»", "hedge:learned-phrase"),
    ]


def test_phrases_without_words_or_too_long_are_not_learned():
    long = "word " * (MAX_PHRASE // 5 + 1)
    phrases = compile_phrases([Tagged("x", " — ", "A"), Tagged("x", long, "B")])
    assert len(phrases) == 0
    assert learned(f"a — b {long}", phrases) == []


def test_learned_wins_over_a_rule_on_the_same_span_and_label():
    rule = Suggestion("claim", 0, 5, 0.9, "reporting verb", "claim:reporting")
    other = Suggestion("claim", 0, 9, 0.9, "reporting verb", "claim:reporting")
    mine = Suggestion("claim", 0, 5, 0.8, "you tagged this phrase in «A»", "claim:learned-phrase")
    assert combine([rule, other], [mine]) == [mine, other]
    assert without_rules([rule, other, mine], {"claim:reporting"}) == [mine]


def test_a_bare_number_is_not_learned_but_a_counted_thing_or_a_hedge_is():
    tagged = [
        Tagged("statistic", "14", "A"),
        Tagged("statistic", "two", "A"),
        Tagged("statistic", "12 per cent", "A"),
        Tagged("statistic", "HK$1.2 billion", "A"),
        Tagged("statistic", "three cameras", "A"),
        Tagged("hedge", "may", "A"),
    ]
    phrases = compile_phrases(tagged)
    text = "Two of 14 said 12 per cent. Three cameras may move. HK$1.2 billion"
    found = [(s.label, text[s.start : s.end]) for s in learned(text, phrases)]
    # "HK$1.2 billion" has "HK", a word that is not a number: it is learned.
    assert found == [
        ("statistic", "Three cameras"),
        ("hedge", "may"),
        ("statistic", "HK$1.2 billion"),
    ]
    assert not distinctive("14") and not distinctive("a dozen") and distinctive("dozen eggs")


def test_a_phrase_that_would_pass_the_limit_is_left_out_and_the_rarer_kept():
    text = "the police said so. " * (MAX_LEARNED + 500) + "Secretary Lee declined.\n"
    phrases = compile_phrases(
        [Tagged("claim", "the police", "Report"), Tagged("refusal", "Secretary Lee", "Memo")]
    )
    found = learned(text, phrases)
    assert [(s.label, text[s.start : s.end]) for s in found] == [("refusal", "Secretary Lee")]
    few = learned("the police said so. " * 10, phrases)  # under the limit: every one
    assert len(few) == 10


def test_the_limit_leaves_out_whole_phrases_the_most_frequent_first():
    text = "alpha beta. " * 400 + "gamma delta. " * 300
    phrases = compile_phrases(
        [Tagged("claim", "alpha beta", "One"), Tagged("claim", "gamma delta", "Two")]
    )
    found = learned(text, phrases)
    assert {text[s.start : s.end] for s in found} == {"gamma delta"}
    assert len(found) == 300


def test_past_the_limit_learning_holds_no_list_of_every_occurrence():
    # 40,000 occurrences of two phrases, left out past the limit, and 30 of a rarer one:
    # kept as one list, the 40,000 suggestions alone take several MB.
    import tracemalloc

    text = "the police said so, prime minister Lee said. " * 20_000 + "Secretary Lee. " * 30
    phrases = compile_phrases(
        [
            Tagged("claim", "the police", "Report"),
            Tagged("claim", "prime minister Lee", "Report"),
            Tagged("refusal", "Secretary Lee", "Memo"),
        ]
    )
    with tracing_memory():
        found = learned(text, phrases)
        _now, peak = tracemalloc.get_traced_memory()
    assert [text[s.start : s.end] for s in found] == ["Secretary Lee"] * 30
    assert peak < 1_000_000, peak


def test_ties_at_the_limit_leave_out_the_phrase_found_first_as_before():
    # Two phrases as frequent as each other, together past the limit: the one found
    # first in the text goes (the order a single list of them gave).
    text = "beta gamma. alpha delta. " * (MAX_LEARNED // 2 + 10)
    phrases = compile_phrases(
        [Tagged("claim", "alpha delta", "One"), Tagged("claim", "beta gamma", "Two")]
    )
    found = learned(text, phrases)
    assert {text[s.start : s.end] for s in found} == {"alpha delta"}
    assert len(found) == MAX_LEARNED // 2 + 10
