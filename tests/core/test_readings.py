"""Where two decodings of the same bytes disagree, as whole words."""

from __future__ import annotations

from annotator.core.readings import differences, first_difference

POLISH = "Zaświadczenie o niekaralności wydano dnia 2 maja w Łodzi."


def test_the_words_two_readings_disagree_on():
    other = POLISH.encode("cp1250").decode("cp1252")
    found = differences(POLISH, other)
    assert [(POLISH[d.start : d.end], other[d.other_start : d.other_end]) for d in found] == [
        ("Zaświadczenie", "Zaœwiadczenie"),
        ("niekaralności", "niekaralnoœci"),
        ("Łodzi", "£odzi"),
    ]
    assert first_difference(POLISH, other) == "Zaœwiadczenie"


def test_same_texts_and_different_lengths():
    assert differences(POLISH, POLISH) == [] and first_difference(POLISH, POLISH) == ""
    shift = "日本語のテキスト、東京都の発表。"
    other = shift.encode("shift_jis").decode("cp1252", errors="replace")
    found = differences(shift, other)
    assert found and found[0].start == 0 and found[-1].other_end <= len(other)


def test_touching_differences_are_one_passage_and_the_limit_holds():
    text = "aé bé cé dé"
    other = "aè bè cè dè"
    assert len(differences(text, other)) == 4
    assert len(differences(text, other, limit=2)) == 2
    assert differences("éé", "èè") == [(0, 2, 0, 2)]
