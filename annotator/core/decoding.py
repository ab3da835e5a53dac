"""Telling the encoding of a text file and decoding it without mojibake.

Order (docs/measured-facts.md §6): a byte-order mark wins; then UTF-16 without a mark (told by its
zero bytes); then strict UTF-8; then every candidate encoding (the Windows code pages,
ISO 8859, KOI8, MacRoman, the East Asian standards, and charset-normalizer's answer) that
decodes the bytes is scored on one scale, the bytes of plausible text in its reading, by
orthography (core/alphabets.py), never by statistics learned from samples. The best
reading wins; its lead over the next reading that differs is its confidence.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from annotator.core.alphabets import (
    ALPHABETS,
    INSIDE_WORD,
    NEVER_FIRST,
    OCCASIONAL,
    RARE_SYMBOLS,
    common_characters,
    languages_of,
)
from annotator.core.messages import N_, say

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte candidates, in the order ties go: the encodings people meet most first.
SINGLE_BYTE = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1257", "cp1255", "cp1256", "cp1258",
    "mac_roman", "iso8859_5", "cp866",
)  # fmt: skip
# Multi-byte candidates and the standard whose common characters they are read against.
MULTI_BYTE = {
    "cp932": "jis", "euc_jp": "jis", "gb18030": "gb", "big5": "big5", "cp950": "big5",
    "cp949": "ks", "shift_jis": "jis", "gbk": "gb", "gb2312": "gb", "euc_kr": "ks",
    "big5hkscs": "big5", "euc_jis_2004": "jis", "shift_jis_2004": "jis",
    "shift_jisx0213": "jis", "euc_jisx0213": "jis", "johab": "ks",
}  # fmt: skip
# Points a reading gives up for its encoding being rarer: ties go to the common one.
PRIOR = {
    "cp1252": 0.0, "latin_1": 0.0, "iso8859_15": 0.25, "cp1250": 0.25, "iso8859_2": 0.25,
    "cp1251": 0.0, "koi8_r": 0.25, "koi8_u": 0.5, "cp1253": 0.0, "iso8859_7": 0.25,
    "cp1254": 0.25, "iso8859_9": 0.25, "cp1257": 0.25, "cp1255": 0.0, "cp1256": 0.0,
    "cp1258": 0.5, "mac_roman": 0.5, "iso8859_5": 1.0, "cp866": 1.0,
}  # fmt: skip
UNLISTED_PRIOR = 1.0  # charset-normalizer's answer, where it is none of the above
# The script of the letters a non-Latin single-byte encoding exists for.
SCRIPTS = {
    "cp1251": (0x0400, 0x04FF), "koi8_r": (0x0400, 0x04FF), "koi8_u": (0x0400, 0x04FF),
    "iso8859_5": (0x0400, 0x04FF), "cp866": (0x0400, 0x04FF), "cp1253": (0x0370, 0x03FF),
    "iso8859_7": (0x0370, 0x03FF), "cp1255": (0x0590, 0x05FF), "cp1256": (0x0600, 0x06FF),
}  # fmt: skip
MULTI_BYTE_CANDIDATES = ("cp932", "euc_jp", "gb18030", "big5", "cp950", "cp949")
PRINTABLE_CONTROLS = set("\t\n\r\f\v")
# The bytes weighed: plenty for any language, and a bound on the time a 10 MB file takes.
SAMPLE_BYTES = 24_000


class DecodeError(ValueError):
    """Bytes that are not text in any encoding this program can tell apart."""


NUL_BYTES = N_("binary data, not text (it holds NUL bytes)")


# Below this confidence a reading is uncertain: the window asks the user to confirm it.
UNCERTAIN = 0.9


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate decoding of the same bytes."""

    encoding: str  # a Python codec name
    text: str
    # For an alternative: how closely it rivals the chosen reading (1.0: as plausible),
    # not a probability; only the chosen reading's confidence is shown to users.
    confidence: float  # 0..1


@dataclass(frozen=True, slots=True)
class Decoded:
    """The chosen reading of a text file's bytes. ``confidence`` is 1.0 where the bytes
    leave no doubt (a byte-order mark, valid UTF-8, an encoding the user named);
    ``alternatives`` are the next-best readings whose text differs, best first."""

    text: str
    encoding: str  # a Python codec name, e.g. "utf-8", "cp1252", "gb18030"
    confidence: float = 1.0
    alternatives: tuple[Reading, ...] = ()

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN


def codec_name(name: str) -> str:
    """The Python codec a user's encoding name (``latin-1``, ``Windows-1252``, ``sjis``)
    stands for; :class:`LookupError` naming it if there is none, or if it is not a text
    encoding (``rot13``, ``base64``)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise LookupError(say(N_("unknown encoding {name}"), name=repr(name))) from None
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(say(N_("{name} is not a text encoding"), name=repr(name)))
    return info.name


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a text file's bytes, recording the encoding; :class:`DecodeError` if it is
    binary data or no encoding fits. A BOM stays as U+FEFF at the start: normalise_text
    removes exactly one. ``encoding`` (a name :func:`codec_name` knows) forces that
    decoding: bytes it cannot decode are a :class:`DecodeError` naming the first."""
    if encoding is not None:
        codec = codec_name(encoding)
        try:
            return _checked(Decoded(data.decode(codec), codec))
        except UnicodeDecodeError as exc:
            raise DecodeError(
                say(
                    N_("is not {encoding} ({reason} at byte {offset})"),
                    encoding=encoding,
                    reason=exc.reason,
                    offset=exc.start,
                )
            ) from None
    for bom, name in BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    say(
                        N_(
                            "starts with a {encoding} byte-order mark but is not {encoding} "
                            "({reason} at byte {offset})"
                        ),
                        encoding=name,
                        reason=exc.reason,
                        offset=exc.start,
                    )
                ) from None
            return _checked(Decoded(text, name))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data[:8192]:
        raise DecodeError(say(NUL_BYTES))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _guess(data: bytes) -> Decoded:
    """Every candidate encoding that decodes the bytes is scored by how much of its
    reading is plausible text (:func:`_points`); the best wins, ties to the encoding
    people meet most, and the margin over the next different reading is the confidence."""
    sample = data[:SAMPLE_BYTES]
    codecs_ = [*SINGLE_BYTE, *MULTI_BYTE_CANDIDATES]
    suggested = _normalizer_guess(data)
    if suggested is not None and suggested not in codecs_:
        codecs_.append(suggested)
    scored: list[tuple[float, int, str, str]] = []
    for rank, codec in enumerate(codecs_):
        text = _decode_sample(sample, codec, complete=len(data) <= SAMPLE_BYTES)
        if text is not None:
            points = _points(text, codec) - PRIOR.get(codec, UNLISTED_PRIOR)
            scored.append((-points, rank, codec, text))
    scored.sort()
    readings: list[tuple[float, str, str]] = []  # (points, codec, full text), best first
    seen: set[str] = set()
    for negative, _, codec, text in scored:
        if text in seen:
            continue
        try:
            full = text if len(data) <= SAMPLE_BYTES else data.decode(codec)
        except UnicodeDecodeError:
            continue
        seen.add(text)
        readings.append((-negative, codec, full))
        if len(readings) == 4:
            break
    if not readings:
        raise DecodeError(
            say(N_("cannot tell its encoding (not UTF-8, and no other encoding fits)"))
        )
    best_points, best, text = readings[0]
    evidence = _non_ascii_bytes(sample)
    confidences = [
        _confidence(best_points - points, best_points, evidence, _differing(text, other))
        for points, _, other in readings
    ]
    recorded = best
    if best == "cp1252" and not any(0x80 <= byte <= 0x9F for byte in data):
        recorded = "latin_1"  # the same text: only 0x80-0x9F tell Windows-1252 apart
    return Decoded(
        text,
        codecs.lookup(recorded).name,
        confidence=confidences[1]
        if len(readings) > 1
        else _confidence(evidence, best_points, evidence, evidence),
        alternatives=tuple(
            Reading(codecs.lookup(codec).name, full, round(1.0 - confidence, 3))
            for (_, codec, full), confidence in zip(readings[1:], confidences[1:], strict=True)
        ),
    )


MARGIN_HALVING = 2.0  # points of lead that halve the doubt
PLAUSIBLE_SHARE = 0.6  # below this share of plausible non-ASCII text, confidence drops


def _confidence(margin: float, points: float, evidence: int, differing: int) -> float:
    """How sure a reading is: from its lead over the next (in bytes of plausible text),
    the more so when that lead is won on nearly every character where they differ; and
    from how much of its own non-ASCII text is plausible."""
    if evidence == 0:
        return 1.0
    margin = max(margin, 0.0)
    lead = 1.0 - 0.5 ** (margin / MARGIN_HALVING)
    if margin >= 1.0:
        lead = max(lead, 0.7 + 0.25 * min(1.0, margin / max(differing, 1)))
    share = max(0.0, min(1.0, points / evidence))
    return round(lead * min(1.0, share / PLAUSIBLE_SHARE), 3)


def _differing(text: str, other: str, limit: int = SAMPLE_BYTES) -> int:
    """Characters where two readings of the sample differ (all, if their lengths do)."""
    text, other = text[:limit], other[:limit]
    if len(text) != len(other):
        return sum(not ch.isascii() for ch in text)
    return sum(a != b for a, b in zip(text, other, strict=True))


def _normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's answer as a Python codec name, if it is one to weigh."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name.startswith("utf") or name == "ascii":
        return None  # UTF-16 without a BOM is told by its zero bytes, before this
    return name


def _decode_sample(sample: bytes, codec: str, complete: bool) -> str | None:
    """The sample's reading in ``codec``, or None if it is not valid there; a multi-byte
    character cut at the sample's end is left out."""
    try:
        if complete:
            return sample.decode(codec)
        return codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _non_ascii_bytes(data: bytes) -> int:
    return len(data) - len(data.decode("latin_1").encode("ascii", "ignore"))


# A word: letters, digits, combining marks (Vietnamese tones, Hebrew and Arabic points) and
# the punctuation words hold (apostrophes, Hebrew geresh); or any other one character.
_TOKEN = re.compile(
    r"[\w'’ʼ·״׳\u0300-\u036f\u0591-\u05bd\u05bf-\u05c7\u064b-\u0652\u0670]+|[^\x00-\x7f]",
    re.UNICODE,
)
_IDEOGRAPH_SPACE = re.compile(r"[\u3400-\u9fff] +[\u3400-\u9fff]")
_GLUED_TO_LATIN = re.compile(r"[A-Za-z][^\x00-\x7f]+[A-Za-z]")
_ORDINAL = re.compile(r"[ºª](?=\w)|(?<=[^\WnN\d])[ºª]")
_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def _points(text: str, codec: str) -> float:
    """Bytes of plausible text in a reading, less its signs of misreading."""
    family = MULTI_BYTE.get(codec)
    if family is not None:
        return _cjk_points(text, codec, family)
    fits = dict.fromkeys(range(len(ALPHABETS)), 0.0)
    languages = languages_of(codec)
    points = 0.0
    if codec in SCRIPTS:
        low, high = SCRIPTS[codec]
        if not any(low <= ord(ch) <= high and ch.isalpha() for ch in text):
            points -= 2.0  # a Cyrillic encoding for text without one Cyrillic letter
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.isascii():
            continue
        if len(token) == 1 and not (token.isalnum() or token.isalpha()):
            points += _lone_character(token, text, match.start())
            continue
        credit, alphabets = _word(token)
        if credit < 0:
            points += credit
            continue
        for index in alphabets:
            if index in languages:
                fits[index] += credit * ALPHABETS[index].weight
    return points + max(fits.values())


def _lone_character(ch: str, text: str, at: int) -> float:
    """A character outside any word: punctuation and currency are fine, controls and
    unassigned codes are misreadings, rare symbols nearly so; a symbol between letters
    (``¶`` in ``Ko¶ciół``) is one."""
    category = unicodedata.category(ch)
    if category[0] == "C" or category == "Mn":
        return -2.0
    between = 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()
    if ch in RARE_SYMBOLS:
        if between:
            return -1.0
        return 0.0 if ch in OCCASIONAL else -0.5
    if category[0] == "P" or category == "Sc":
        if between and text[at - 1].islower() and text[at + 1].islower():
            return -0.5  # "a–o": a dash or quote inside a lower-case word
        return 1.0
    return -1.0 if between else -0.25


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[float, tuple[int, ...]]:
    """A word's credit (its non-ASCII characters; half for an all-capital word) and the
    alphabets it fits; a negative credit for a word no language writes."""
    non_ascii = [ch for ch in word if not ch.isascii()]
    letters = set()
    marks = set()
    for ch in non_ascii:
        if unicodedata.category(ch) == "Mn":
            marks.add(ch)
        elif ch.isalpha():
            lower = ch.lower()
            letters.add(lower if len(lower) == 1 else ch)
        elif ch not in INSIDE_WORD:
            return -1.0, ()
    if any(a.islower() and b.isupper() for a, b in pairwise(word)):
        return -1.0, ()  # "ХрпхсгеЯп": capitals inside a word mean the bytes were misread
    if any(
        a.isupper() and b.isupper() and c.islower() and not (a + b).isascii()
        for a, b, c in zip(word, word[1:], word[2:], strict=False)
    ):
        return -1.0, ()  # "ÒThe": a MacRoman quote read as a capital
    if any(_glued(a, b) or _glued(b, a) for a, b in pairwise(word)):
        return -1.0, ()  # "Ł5" is £5
    ascii_letters = any(ch.isascii() and ch.isalpha() for ch in word)
    single = word.lower() if len(word) == 1 else None
    spelled = unicodedata.normalize("NFC", word.lower())
    if _ORDINAL.search(word):
        return 0.0, ()  # "ºi": an ordinal sign belongs after a number (1º, nº)
    fitting = []
    for index, alphabet in enumerate(ALPHABETS):
        if not letters <= alphabet.letters or not marks <= alphabet.marks:
            continue
        if single is not None and alphabet.singles is not None and single not in alphabet.singles:
            continue  # "č" alone is Italian "è" read as Windows-1250
        if alphabet.latin and word[0] in NEVER_FIRST:
            continue
        if ascii_letters and not alphabet.latin:
            continue
        if marks and alphabet.name == "Vietnamese" and not _marks_on_vowels(word):
            continue
        if alphabet.rules is not None and not alphabet.rules.match(spelled):
            continue
        fitting.append(index)
    if not fitting:
        return 0.0, ()
    credit = float(len(non_ascii)) if letters or marks else 0.5  # "it’s": weak evidence
    cased = [ch for ch in word if ch.isalpha() and ch.lower() != ch.upper()]
    if len(cased) >= 3 and all(ch.isupper() for ch in cased):
        credit /= 2  # all capitals: what KOI8-R and Windows-1251 make of each other
    return credit, tuple(fitting)


def _glued(letter: str, digit: str) -> bool:
    return digit.isdigit() and not letter.isascii() and letter.isalpha() and letter not in "ºª"


def _marks_on_vowels(word: str) -> bool:
    return (
        all(
            unicodedata.category(b) != "Mn"
            or unicodedata.normalize("NFD", a)[0] in _VOWELS
            or unicodedata.category(a) == "Mn"
            for a, b in pairwise(word)
        )
        and unicodedata.category(word[0]) != "Mn"
    )


def _cjk_points(text: str, codec: str, family: str) -> float:
    """Bytes of the standard's common characters and punctuation, a little for its rarer
    ideographs, less what Chinese and Japanese do not write (spaces between ideographs)
    and what no text holds (unassigned or private codes, characters inside a Latin word)."""
    common = common_characters(family)
    points = 0.0
    for ch, count in Counter(ch for ch in text if not ch.isascii()).items():
        width = _width(ch, codec)
        code = ord(ch)
        if ch in common or 0xFF01 <= code <= 0xFF5E or 0x3000 <= code <= 0x303F:
            points += width * count
        elif (
            0x3400 <= code <= 0x9FFF
            or (0x3040 <= code <= 0x30FF and family == "jis")
            or (0xAC00 <= code <= 0xD7A3 and family == "ks")
        ):
            points += 0.3 * width * count
        elif unicodedata.category(ch) in ("Co", "Cn", "Cc"):
            points -= width * count
        elif 0xFF61 <= code <= 0xFF9F:
            points -= 0.5 * count  # half-width katakana: Latin-1 letters read as Shift_JIS
    if family in ("gb", "big5", "jis"):
        points -= 2 * len(_IDEOGRAPH_SPACE.findall(text))
    points -= 2 * len(_GLUED_TO_LATIN.findall(text))
    return points


@lru_cache(maxsize=65536)
def _width(ch: str, codec: str) -> int:
    try:
        return len(ch.encode(codec))
    except UnicodeEncodeError:
        return 2


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 written without a byte-order mark, told by its zero bytes: text in Latin
    scripts has a zero in every other byte; text in one other alphabet (Greek, Cyrillic)
    has its letters' one block number there, and zeros for spaces and digits."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    half = len(sample) // 2
    for name, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                            ("utf-16-be", sample[0::2], sample[1::2])):  # fmt: skip
        zeros, others = high.count(0) / half, low.count(0) / half
        if others >= 0.05 or zeros < 0.05:
            continue
        blocks = Counter(high).most_common(2)
        if zeros > 0.3 or (zeros >= 0.1 and sum(n for _, n in blocks) / half > 0.95):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                return None
    return None


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if "\x00" in text:
        raise DecodeError(say(NUL_BYTES))
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in PRINTABLE_CONTROLS)
    if controls > max(2, len(sample) // 100):
        raise DecodeError(say(N_("binary data, not text (too many control characters)")))
    return decoded
