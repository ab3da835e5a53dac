"""Placing annotations in a new version of a text: exact, by quote, fuzzily, or orphaned."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.reanchor import (
    EXACT,
    FUZZY,
    FUZZY_THRESHOLD,
    ORPHANED,
    QUOTE,
    TextDiff,
    edit_distances,
    equal_blocks,
    reanchor,
    version_diff,
)
from annotator.core.text import normalise_text

# Few letters, so that texts repeat themselves (the hard case for a diff), plus astral
# characters (emoji, mathematical letters), CJK, a combining mark and line breaks.
ALPHABET = "ab c.\n😀𝒜中\u0301"
texts = st.text(ALPHABET, min_size=0, max_size=120)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def spans_in(text: str, data: st.DataObject, count: int = 6) -> list[tuple[int, int]]:
    if not text:
        return []
    out = []
    for _ in range(data.draw(st.integers(1, count))):
        start = data.draw(st.integers(0, len(text) - 1))
        out.append((start, data.draw(st.integers(start + 1, len(text)))))
    return out


def check_placement(old: str, new: str, span: tuple[int, int], placed) -> None:
    """Every placement's promise: exact and quote land on the quote itself, fuzzy on
    text at least FUZZY_THRESHOLD similar, an orphan nowhere."""
    quote = old[span[0] : span[1]]
    if placed.how in (EXACT, QUOTE):
        assert new[placed.start : placed.end] == quote
    elif placed.how == FUZZY:
        found = new[placed.start : placed.end]
        assert 0 <= placed.start < placed.end <= len(new)
        assert 1 - levenshtein(quote, found) / len(quote) >= FUZZY_THRESHOLD - 1e-9
        assert abs(placed.score - (1 - levenshtein(quote, found) / len(quote))) < 1e-9
    else:
        assert placed.how == ORPHANED and (placed.start, placed.end) == (-1, -1)


@PROPERTY
@given(texts, texts, st.data())
def test_a_placement_is_never_on_other_text(old, new, data):
    spans = spans_in(old, data)
    for span, placed in zip(spans, reanchor(old, new, spans), strict=True):
        check_placement(old, new, span, placed)


@PROPERTY
@given(texts, texts)
def test_equal_blocks_are_an_alignment(old, new):
    a = b = 0
    for block in equal_blocks(old, new):
        assert block.length > 0
        assert block.old_start >= a and block.new_start >= b
        end_a, end_b = block.old_start + block.length, block.new_start + block.length
        assert old[block.old_start : end_a] == new[block.new_start : end_b]
        a, b = end_a, end_b


@PROPERTY
@given(texts, st.data())
def test_annotations_outside_an_edit_keep_exactly_their_quote(old, data):
    assume(old)
    i = data.draw(st.integers(0, len(old)))
    j = data.draw(st.integers(i, len(old)))
    inserted = data.draw(st.text(ALPHABET, max_size=20))
    new = old[:i] + inserted + old[j:]
    spans = [(s, e) for s, e in spans_in(old, data) if e <= i or s >= j]
    for (s, e), placed in zip(spans, reanchor(old, new, spans), strict=True):
        # An edit elsewhere never moves an annotation onto different text, nor loses it.
        assert placed.how in (EXACT, QUOTE), (s, e, placed)
        assert new[placed.start : placed.end] == old[s:e]


WORDS = st.lists(
    st.text("abcdefghij", min_size=1, max_size=4), min_size=4, max_size=40, unique=True
)


@PROPERTY
@given(WORDS, st.data())
def test_in_distinct_words_an_edit_elsewhere_moves_a_span_by_the_edit(words, data):
    # Each word once (numbered), so the text says where everything went.
    tokens = [f"{w}{n}" for n, w in enumerate(words)]
    old = " ".join(tokens)
    k = data.draw(st.integers(0, len(tokens) - 1))
    replacement = data.draw(st.sampled_from(["", "NEW", "NEW WORDS HERE 😀"]))
    edited = (
        [*tokens[:k], replacement, *tokens[k + 1 :]]
        if replacement
        else tokens[:k] + tokens[k + 1 :]
    )
    new = " ".join(edited)
    i = sum(len(t) + 1 for t in tokens[:k])
    delta = len(new) - len(old)
    for n, token in enumerate(tokens):
        if n == k:
            continue
        s = sum(len(t) + 1 for t in tokens[:n])
        placed = reanchor(old, new, [(s, s + len(token))])[0]
        assert placed.how == EXACT
        assert placed.start == (s if s < i else s + delta)


@PROPERTY
@given(texts, texts, st.text("ΑΒΓΔΕ·", min_size=1, max_size=60), st.data())
def test_a_deleted_passages_annotations_are_orphaned(before, after, passage, data):
    old = before + passage + after
    new = before + data.draw(st.sampled_from(["", "b c", "中."])) + after
    spans = [(len(before) + s, len(before) + e) for s, e in spans_in(passage, data)]
    for placed in reanchor(old, new, spans):
        assert placed.how == ORPHANED


def test_crlf_born_text_and_astral_characters_are_placed_exactly():
    # Version 1 came from a Windows file, version 2 from an LF one with a line added.
    first = normalise_text("\ufeffIntro 😀 line\r\nThe 𝒜 claim here.\r\nEnd 中文\r\n")
    second = normalise_text("Intro 😀 line\nA new line 🎉.\nThe 𝒜 claim here.\nEnd 中文\n")
    spans = [(first.index("𝒜 claim"), first.index(" here")), (first.index("中文"), len(first) - 1)]
    placed = reanchor(first, second, spans)
    assert [p.how for p in placed] == [EXACT, EXACT]
    assert second[placed[0].start : placed[0].end] == "𝒜 claim"
    assert second[placed[1].start : placed[1].end] == "中文"


def test_a_moved_paragraph_is_found_by_its_quote():
    one = "The minister said the cameras would stay for years.\n\n"
    two = "A spokesman declined to say how much the system cost.\n\n"
    three = "Three hundred people protested outside the council.\n"
    old, new = one + two + three, three + one + two.replace("spokesman", "spokeswoman")
    start = old.index("Three hundred")
    placed = reanchor(old, new, [(start, start + len("Three hundred people"))])[0]
    assert placed.how == QUOTE
    assert new[placed.start : placed.end] == "Three hundred people"
    # Around the edited word, the unchanged words are still exact.
    start = old.index("declined")
    placed = reanchor(old, new, [(start, old.index(" how"))])[0]
    assert placed.how == EXACT and new[placed.start : placed.end] == "declined to say"


def test_an_edited_sentence_is_placed_fuzzily_with_its_score():
    old = "Intro.\nThe Security Bureau said the cameras would not record faces.\nEnd.\n"
    new = "Intro.\nThe Security Bureau said its cameras would never record faces.\nEnd.\n"
    start = old.index("The Security")
    end = old.index("faces.") + len("faces.")
    placed = reanchor(old, new, [(start, end)])[0]
    assert placed.how == FUZZY
    assert new[placed.start : placed.end] == new[new.index("The") : new.index("faces.") + 6]
    assert FUZZY_THRESHOLD <= placed.score < 1


def test_a_changed_number_and_a_short_changed_quote_are_orphaned():
    old = "Police said 2,000 cameras were installed in Kowloon last year.\n"
    new = "Police said 2,500 cameras were installed in Kowloon last year.\n"
    number = (old.index("2,000"), old.index(" were"))
    sentence = (0, len(old) - 1)
    placed = reanchor(old, new, [number, sentence])
    # Even a long quote: a fuzzy match must keep its digits.
    assert [p.how for p in placed] == [ORPHANED, ORPHANED]
    short_old, short_new = "Ask Mr Siu now.", "Ask Mr Sze now."
    placed = reanchor(short_old, short_new, [(4, 10)])[0]
    assert placed.how == ORPHANED  # too short to be placed fuzzily


def test_a_common_word_in_a_deleted_passage_is_not_placed_on_another():
    keep = "The council met on Monday and the mayor spoke first. "
    gone = "Then the police chief answered questions. "
    old = keep + gone + "Finally the vote was taken."
    new = keep + "Finally the vote was taken."
    the = old.index("the police")
    placed = reanchor(old, new, [(the, the + 3)])[0]
    assert placed.how == ORPHANED


def test_empty_spans_map_as_points():
    old, new = "abc def", "xx abc def"
    assert reanchor(old, new, [(4, 4)])[0][:3] == (EXACT, 7, 7)


def test_long_texts_with_small_edits():
    paragraph = "Paragraph {n} cites {m} cameras and says more about them here.\n"
    old = "".join(paragraph.format(n=n, m=n * 7) for n in range(16_000))  # a megabyte
    cut = old.index("Paragraph 9000")
    new = "New opening line.\n" + old[: old.index("Paragraph 8000")] + old[cut:] + "Last.\n"
    spans = [(s, s + 9) for s in range(0, len(old) - 10, 997)]
    diff = TextDiff(old, new)
    placed = [diff.place(s, e) for s, e in spans]
    for (s, e), p in zip(spans, placed, strict=True):
        if old.index("Paragraph 8000") <= s < cut:
            continue
        assert p.how == EXACT and new[p.start : p.end] == old[s:e]


@settings(max_examples=300, deadline=None)
@given(st.text("abc", min_size=1, max_size=10), st.text("abc", max_size=20), st.booleans())
def test_bit_parallel_edit_distances_equal_the_textbook_table(pattern, text, anchored):
    expected = []
    previous = list(range(len(pattern) + 1))
    for j, ch in enumerate(text):
        current = [j + 1 if anchored else 0]
        for i in range(1, len(pattern) + 1):
            current.append(
                min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (pattern[i - 1] != ch))
            )
        previous = current
        expected.append(current[-1])
    assert edit_distances(pattern, text, anchored=anchored) == expected


def test_a_new_version_is_the_same_source_or_the_same_title_with_half_the_text_kept():
    old = "The bureau counted 1,204 cameras in 2023. " * 4
    edited = old.replace("1,204", "1,310")
    other = "A different story about budgets altogether. " * 4
    assert version_diff(old, edited, same_source=True) is not None
    assert version_diff(old, other, same_source=True) is not None  # the same file: always
    assert version_diff(old, edited, same_source=False) is not None
    assert version_diff(old, other, same_source=False) is None  # a title alone is not enough
