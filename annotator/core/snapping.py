"""Snapping spans to whole words: a span is widened so it neither starts nor ends inside one.

A *word* here is whatever a reader would not want cut in two:

* runs of letters and digits (any script, astral ones included), with the combining marks,
  variation selectors, emoji modifiers and zero-width joiners that belong to them, and
  regional indicator pairs (flags) kept together;
* inner apostrophes, hyphens and full stops between two such characters: ``don't``,
  ``government's``, ``COVID-19``, ``CCTV-camera``, ``12.5``, ``e.g`` (a full stop or comma
  with no word character after it is punctuation, so ``2,000.`` snaps to ``2,000``);
* numbers: commas, colons and slashes between digits (``2,000``, ``10:30``, ``22/02/2024``),
  a percent or per-mille sign or a degree sign after digits (``40.3%``, ``25°C``), a sign
  before them (``-3.5``), and currency symbols before or after them together with an
  uppercase prefix such as ``HK$``, ``US$`` or ``S$`` (``HK$1.2bn``, ``£4.2``, ``€3``, ``5€``).

Chinese, Japanese, Thai, Lao, Khmer and Myanmar are written without spaces between words,
and words there cannot be found without a dictionary: each of their characters counts as a
word of its own (with its combining marks), so snapping never swallows a run of such text,
and never joins it to neighbouring Latin letters or digits (``2,000部`` snaps to ``2,000``).
Whitespace (and U+200B ZERO WIDTH SPACE) is never part of a word.

Offsets are code points, spans end-exclusive, as everywhere outside the Qt widgets.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from annotator.core.messages import N_, say

ZWJ = "\u200d"
ZWSP = "\u200b"

# Between two word characters these keep them in one word.
_INNER_JOINERS = frozenset("'’-‐‑.·")
# Between two digits these keep them in one number (Arabic decimal and thousands signs too).
_NUMBER_JOINERS = frozenset(",:/\u066b\u066c")
_SIGNS = frozenset("+-−±")
_NUMBER_SUFFIXES = frozenset("%‰‱°")

# Scripts written without spaces between words (first, last code point of each block).
_UNSPACED_BLOCKS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3038, 0x303C),
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31FF),  # Bopomofo extended, CJK strokes, Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana
    (0x1B000, 0x1B16F),  # Kana supplement and extensions
    (0x20000, 0x3FFFF),  # CJK extensions B onwards, compatibility supplement
)
_UNSPACED_STARTS = [first for first, _last in _UNSPACED_BLOCKS]


def _unspaced(ch: str) -> bool:
    i = bisect_right(_UNSPACED_STARTS, ord(ch)) - 1
    return i >= 0 and ord(ch) <= _UNSPACED_BLOCKS[i][1]


def _separator(ch: str) -> bool:
    return ch.isspace() or ch == ZWSP


def _extender(ch: str) -> bool:
    """Characters that belong to the one before them: marks, ZWJ, skin tones, tags."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == ZWJ
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _wordy(ch: str) -> bool:
    """A letter, digit or underscore of a script that separates its words with spaces."""
    return (ch.isalnum() or ch == "_") and not _unspaced(ch)


def _currency(ch: str) -> bool:
    return unicodedata.category(ch) == "Sc"


def _base(text: str, i: int) -> str:
    """The character carrying whatever extenders end at index ``i`` ("" before the text)."""
    while i > 0 and _extender(text[i]) and not _separator(text[i - 1]):
        i -= 1
    return text[i] if i >= 0 else ""


def _joined(text: str, p: int) -> bool:
    """Whether ``text[p - 1]`` and ``text[p]`` are in one word (``0 < p < len(text)``)."""
    a, b = text[p - 1], text[p]
    if _separator(a) or _separator(b):
        return False
    if _extender(b) or a == ZWJ:
        return True
    if _regional(a) and _regional(b):
        # Flags are pairs: join when an odd number of indicators runs up to ``a``.
        run = 0
        while p - 1 - run >= 0 and _regional(text[p - 1 - run]):
            run += 1
        return run % 2 == 1
    left = _base(text, p - 1)
    if _wordy(left) and _wordy(b):
        return True
    after = text[p + 1] if p + 1 < len(text) else ""
    before = _base(text, p - 2) if p >= 2 else ""
    # An inner apostrophe, hyphen or full stop; a comma, colon or slash inside a number.
    if b in _INNER_JOINERS and _wordy(left) and _wordy(after):
        return True
    if a in _INNER_JOINERS and _wordy(before) and _wordy(b):
        return True
    if b in _NUMBER_JOINERS and left.isdecimal() and after.isdecimal():
        return True
    if a in _NUMBER_JOINERS and before.isdecimal() and b.isdecimal():
        return True
    # Signs, currencies and units around numbers.
    if a in _SIGNS and (b.isdecimal() or _currency(b)) and not _wordy(before):
        return True
    if _currency(b) and (left.isdecimal() or (left.isupper() and _wordy(left))):
        return True  # 5€, HK$, US$
    if _currency(left) and b.isdecimal():
        return True  # $5, £4.2
    if b in _NUMBER_SUFFIXES and left.isdecimal():
        return True  # 40.3%, 25°
    return a == "°" and before.isdecimal() and b.isalpha() and not _unspaced(b)  # 25°C


def is_word_boundary(text: str, offset: int) -> bool:
    """Whether a span may start or end at ``offset`` without cutting a word.

    The ends of the text are boundaries; ``0 <= offset <= len(text)``.
    """
    if not 0 <= offset <= len(text):
        raise IndexError(
            say(N_("offset {offset} outside 0..{count}"), offset=offset, count=len(text))
        )
    return offset in (0, len(text)) or not _joined(text, offset)


def word_start(text: str, offset: int) -> int:
    """The nearest word boundary at or before ``offset``."""
    while not is_word_boundary(text, offset):
        offset -= 1
    return offset


def word_end(text: str, offset: int) -> int:
    """The nearest word boundary at or after ``offset``."""
    while not is_word_boundary(text, offset):
        offset += 1
    return offset


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the smallest span around it that cuts no word.

    The result contains the input span, stays within the text, and snapping it again
    changes nothing. An empty span is returned unchanged: it has no word to widen to.
    Raises :class:`ValueError` unless ``0 <= start <= end <= len(text)``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(
            say(
                N_("span {start}-{end} does not fit the text (length {count})"),
                start=start,
                end=end,
                count=len(text),
            )
        )
    if start == end:
        return start, end
    return word_start(text, start), word_end(text, end)
