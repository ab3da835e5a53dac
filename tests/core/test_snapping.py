from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.snapping import is_word_boundary, snap_to_words, word_end, word_start
from annotator.core.spans import trim_span

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧


def marked(case: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Parse ``⟨selected⟩`` and ``⟦expected⟧`` markers out of ``case``."""
    text, found = "", {}
    for ch in case:
        if ch in "⟨⟩⟦⟧":
            found[ch] = len(text)
        else:
            text += ch
    return text, (found["⟨"], found["⟩"]), (found["⟦"], found["⟧"])


CASES = [
    # Numbers stay whole; punctuation after them is not swallowed.
    "about ⟦2,⟨00⟩0⟧. More",
    "⟦2,00⟨0⟩⟧, then",
    "⟦2,0⟨00, 3⟩,000⟧ cameras",
    "rose ⟦12.⟨5⟩⟧ per cent",
    "up ⟦4⟨0⟩.3%⟧.",
    "⟦40.3⟨%⟩⟧ of",
    "costs ⟦H⟨K⟩$⟧ 5",
    "costs ⟦HK$1.⟨2⟩bn⟧, or",
    "⟦⟨£⟩4.2⟧ million",
    "⟦£4.⟨2⟩⟧",
    "in ⟦US⟨$⟩⟧ and",
    "⟦€⟨3⟩⟧ each",
    "⟦5⟨€⟩⟧ each",
    "fell ⟦-3.⟨5⟩⟧ points",
    "(⟦−⟨2⟩⟧)",
    "at ⟦10:⟨30⟩⟧.",
    "on ⟦22/0⟨2⟩/2024⟧.",
    "a ⟦2⟨5⟩°C⟧ day",
    "⟦⟨2⟩⟧\u00a0000 (a no-break space separates)",
    # Words with inner apostrophes, hyphens and full stops.
    "I ⟦do⟨n⟩'t⟧ know",
    "the ⟦government⟨'⟩s⟧ view",
    "the ⟦government’⟨s⟩⟧ view",
    "⟦COVID⟨-⟩19⟧ cases",
    "a ⟦CC⟨TV-cam⟩era⟧.",
    "the ⟦student⟨s⟩⟧' work",
    "students' ⟦⟨work⟩⟧",
    "⟦e.⟨g⟩⟧. this",
    "⟦example.⟨com⟩⟧/path",
    "⟦snake_⟨case⟩⟧",
    "⟦ne⟨w cam⟩eras⟧ here",
    # Already whole, or nothing but whitespace or punctuation: unchanged.
    "a ⟦⟨word⟩⟧ b",
    "a⟦⟨ ⟩⟧b",
    "⟦⟨—⟩⟧",
    "cameras⟦⟨.⟩⟧",
    # Beyond ASCII: letters, marks, astral characters, emoji sequences, flags.
    "⟦ca⟨f⟩é⟧ au lait",
    "⟦ca⟨f⟩e\u0301⟧ au lait",
    "⟦caf⟨e⟩\u0301⟧ x",
    "⟦𝔘𝔫⟨𝔦⟩𝔠𝔬𝔡𝔢⟧ end",
    "⟦Прив⟨ет⟩⟧, мир",
    "⟦الخ⟨صو⟩صية⟧ هنا",
    "⟦हि⟨न्⟩दी⟧ भाषा",
    "⟦한⟨국⟩어⟧ 문장",
    "a ⟦⟨👍⟩🏽⟧ b",
    "⟦⟨1⟩\ufe0f\u20e3⟧ first",
    "⟦👨\u200d⟨👩⟩\u200d👧⟧ family",
    "🇭🇰⟦⟨🇬⟩🇧⟧x",
    "⟦🇭⟨🇰⟩⟧🇬🇧",
    # Scripts without spaces: one character at a time, never the whole run.
    "閉路⟦⟨電⟩⟧視系統",
    "⟦2,0⟨0⟩0⟧部閉路電視",
    "⟦CCT⟨V鏡⟩⟧頭",
    "カ⟦⟨メ⟩⟧ラ",
    "⟦ก⟨ิ⟩⟧น",
    # The ends of the text.
    "⟦H⟨K⟩$⟧",
    "⟦wo⟨rd⟩⟧",
]


@pytest.mark.parametrize("case", CASES)
def test_snaps_to_whole_words_and_numbers(case):
    text, selected, expected = marked(case)
    assert snap_to_words(text, *selected) == expected


def test_word_start_and_end_find_the_nearest_boundaries():
    text = "paid HK$1.2bn."
    assert word_start(text, 9) == 5 and word_end(text, 9) == 13
    assert word_start(text, 13) == word_end(text, 13) == 13  # before the full stop
    assert is_word_boundary(text, 0) and is_word_boundary(text, len(text))
    assert not is_word_boundary(text, 8)


def test_an_empty_span_is_left_alone():
    assert snap_to_words("word", 2, 2) == (2, 2)
    assert snap_to_words("", 0, 0) == (0, 0)


@pytest.mark.parametrize("span", [(2, 1), (-1, 2), (0, 5)])
def test_spans_outside_the_text_are_refused(span):
    with pytest.raises(ValueError):
        snap_to_words("abcd", *span)
    with pytest.raises(IndexError):
        is_word_boundary("abcd", 5)


# -- properties ---------------------------------------------------------------------

INTERESTING = list(
    "a Z9_ '’-.,:/%°$£€¥+−\n\t\u00a0\u200b\u200d\u0301\ufe0f\u20e3é市電カกิ한😀🏽🇭🇰𝔘!?()\"—"
)
texts = st.text(alphabet=st.sampled_from(INTERESTING) | st.characters(), max_size=40)


@st.composite
def text_and_span(draw, source=texts):
    text = draw(source)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=400, deadline=None)
@given(text_and_span())
def test_snapping_widens_minimally_and_is_idempotent(case):
    text, start, end = case
    new_start, new_end = snap_to_words(text, start, end)
    assert 0 <= new_start <= start <= end <= new_end <= len(text)
    assert snap_to_words(text, new_start, new_end) == (new_start, new_end)
    if start < end:
        # It stops at the first boundary on each side: no boundary is skipped.
        assert is_word_boundary(text, new_start) and is_word_boundary(text, new_end)
        assert not any(is_word_boundary(text, p) for p in range(new_start + 1, start + 1))
        assert not any(is_word_boundary(text, p) for p in range(end, new_end))


@settings(max_examples=300, deadline=None)
@given(text_and_span(), st.data())
def test_snapping_a_part_of_a_snapped_span_stays_inside_it(case, data):
    text, start, end = case
    outer = snap_to_words(text, start, end)
    inner_start = data.draw(st.integers(outer[0], outer[1]))
    inner_end = data.draw(st.integers(inner_start, outer[1]))
    inner = snap_to_words(text, inner_start, inner_end)
    assert outer[0] <= inner[0] and inner[1] <= outer[1]


@settings(max_examples=300, deadline=None)
@given(text_and_span())
def test_a_trimmed_span_stays_trimmed_when_snapped(case):
    text, start, end = case
    trimmed = trim_span(text, start, end)
    if trimmed is None:
        return
    new_start, new_end = snap_to_words(text, *trimmed)
    assert not text[new_start].isspace() and not text[new_end - 1].isspace()


# Texts made of known tokens and separators: the expected snap is known exactly.
TOKENS = [
    "2,000", "12.5", "40.3%", "HK$", "HK$1.2", "HK$1.2bn", "£4.2", "US$", "€3", "5€",
    "-3.5", "25°C", "10:30", "22/02/2024", "don't", "government's", "government’s",
    "COVID-19", "CCTV-camera", "café", "cafe\u0301", "word", "e.g", "snake_case",
    "𝔘𝔫𝔦", "Привет", "الخصوصية", "हिन्दी", "한국어",
    "市", "カ", "กิ", "👍🏽", "🇭🇰", FAMILY, "1\ufe0f\u20e3",
]  # fmt: skip
SELF_DELIMITING = {"市", "カ", "กิ", "👍🏽", "🇭🇰", FAMILY}
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "; ", " (", ") ", " – ", "—", "\u3000", '"', "! "]


@st.composite
def tokenised(draw):
    """A text of tokens between separators, with the offsets strictly inside tokens."""
    tokens = draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8))
    text = draw(st.sampled_from(["", *SEPARATORS]))
    inside: set[int] = set()
    for i, token in enumerate(tokens):
        if i:
            glue = SEPARATORS
            if token in SELF_DELIMITING or tokens[i - 1] in SELF_DELIMITING:
                glue = ["", *SEPARATORS]
            text += draw(st.sampled_from(glue))
        inside.update(range(len(text) + 1, len(text) + len(token)))
        text += token
    text += draw(st.sampled_from(["", *SEPARATORS]))
    return text, inside


@settings(max_examples=500, deadline=None)
@given(tokenised(), st.data())
def test_snapping_never_cuts_a_token_and_stops_at_its_edges(sample, data):
    text, inside = sample
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    boundaries = [p for p in range(len(text) + 1) if p not in inside]
    assert [is_word_boundary(text, p) for p in range(len(text) + 1)] == [
        p not in inside for p in range(len(text) + 1)
    ]
    if start < end:
        expected = (
            max(p for p in boundaries if p <= start),
            min(p for p in boundaries if p >= end),
        )
        assert snap_to_words(text, start, end) == expected
