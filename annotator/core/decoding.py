"""Telling the encoding of a text file and decoding it without mojibake.

Order (DESIGN-NOTES §6): a byte-order mark wins; then strict UTF-8; then UTF-16 without a
mark (told by its zero bytes); then charset-normalizer. Where charset-normalizer names a
Latin single-byte encoding (it takes Windows-1252 text for Windows-1250, ``£`` read as
``Ł``) or a multi-byte one for text whose few non-ASCII bytes stand alone, Windows-1252,
-1250 and -1254 are weighed by which of them turns the words where they differ into
letters that one language uses together.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LATIN_FAMILY = {
    "cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "iso8859_9",
    "cp1254", "mac_latin2", "mac_roman", "cp1257", "iso8859_4", "iso8859_13", "cp850",
    "cp437", "iso8859_16", "iso8859_3", "iso8859_10", "cp1258", "mac_iceland",
    "mac_turkish", "mac_croatian", "mac_romanian", "mac_centeuro", "cp1253", "cp1251",
    "koi8_r", "koi8_u", "iso8859_5", "iso8859_7", "mac_cyrillic", "mac_greek", "cp866",
}  # fmt: skip
MULTI_BYTE = {
    "big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz", "euc_jp", "shift_jis",
    "cp932", "euc_kr", "cp949", "johab", "iso2022_jp", "iso2022_kr", "euc_jis_2004",
    "shift_jis_2004", "shift_jisx0213", "euc_jisx0213", "utf_16", "utf_16_le", "utf_16_be",
    "utf_32", "utf_32_le", "utf_32_be",
}  # fmt: skip
CANDIDATES = ("cp1252", "cp1250", "cp1254", "cp1251", "cp1253")
# Scripts whose words hold no ASCII letters: a word mixing them with ASCII letters is
# a misreading (Latin "café" read as Cyrillic gives "cafй").
SCRIPT_ONLY = {"cp1251", "cp1253"}
_L = frozenset
# Non-ASCII letters that the languages written in each encoding use together; rarer
# languages weigh less.
LANGUAGES: dict[str, tuple[tuple[frozenset[str], float], ...]] = {
    "cp1252": (
        (_L("àâçéèêëîïôœùûüÿ"), 1.0),  # French
        (_L("áéíñóúüºª"), 1.0),  # Spanish
        (_L("áâãàçéêíóôõúºª"), 1.0),  # Portuguese
        (_L("äöüß"), 1.0),  # German
        (_L("àèéìíîòóùúºª"), 1.0),  # Italian
        (_L("éèëïóöüáàäêíôú"), 1.0),  # Dutch, Afrikaans
        (_L("åæøäöéáóü"), 1.0),  # Danish, Norwegian, Swedish, Finnish
        (_L("àçèéíïòóúü"), 1.0),  # Catalan
        (_L("áðéíóúýþæö"), 0.5),  # Icelandic, Faroese
    ),
    "cp1250": (
        (_L("ąćęłńóśźż"), 1.0),  # Polish
        (_L("áčďéěíňóřšťúůýž"), 1.0),  # Czech
        (_L("áäčďéíĺľňóôŕšťúýž"), 1.0),  # Slovak
        (_L("áéíóöőúüű"), 1.0),  # Hungarian
        (_L("čćđšž"), 1.0),  # Croatian, Slovene, Bosnian
        (_L("ăâîşţ"), 1.0),  # Romanian
        (_L("äöüß"), 1.0),  # German
    ),
    "cp1254": (
        (_L("çğıöşüâîû"), 1.0),  # Turkish
        (_L("äöüß"), 1.0),  # German
    ),
    "cp1251": ((_L("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўјљњћџђѓќ"), 1.0),),  # Cyrillic
    "cp1253": ((_L("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ"), 1.0),),  # Greek
}
PRINTABLE_CONTROLS = set("\t\n\r\f\v")
# Words weighed to tell the encodings apart: plenty for any language, and a bound on the
# time a 10 MB file of accented words takes.
MAX_WORDS = 20_000
_WORD = re.compile(rb"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+|[0-9]+[^\x00-\x7f]+")
_ORDINALS = frozenset("ºª")


class DecodeError(ValueError):
    """Bytes that are not text in any encoding this program can tell apart."""


# Below this confidence a reading is uncertain: the window asks the user to confirm it.
UNCERTAIN = 0.9


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate decoding of the same bytes."""

    encoding: str  # a Python codec name
    text: str
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
        raise LookupError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{name!r} is not a text encoding")
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
            raise DecodeError(f"is not {encoding} ({exc.reason} at byte {exc.start})") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not {name} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
            return _checked(Decoded(text, name))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data[:8192]:
        raise DecodeError("binary data, not text (it holds NUL bytes)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _guess(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else None
    # UTF-16/32 without a BOM and without zero bytes is a misreading of short text.
    suspicious_utf = name is not None and name.startswith("utf_") and b"\x00" not in data
    if (
        name is None
        or name in LATIN_FAMILY
        or suspicious_utf
        or (name in MULTI_BYTE and _isolated_high_bytes(data))
    ):
        chosen = _single_byte_choice(data, hint=name)
        if chosen is not None:
            return chosen
    if best is None:
        raise DecodeError("cannot tell its encoding (not UTF-8, and no other encoding fits)")
    return Decoded(str(best), codecs.lookup(best.encoding).name, confidence=1.0 - best.chaos)


def _isolated_high_bytes(data: bytes) -> bool:
    """True when no two bytes >= 0x80 are adjacent, as in accented Latin text; CJK and
    other multi-byte encodings always pair them."""
    previous_high = False
    for byte in data[:65536]:
        high = byte >= 0x80
        if high and previous_high:
            return False
        previous_high = high
    return True


def _single_byte_choice(data: bytes, hint: str | None) -> Decoded | None:
    texts: dict[str, str] = {}
    for name in CANDIDATES:
        try:
            texts[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if not texts:
        return None
    differing = []
    for start, end in _words(data):
        words = {name: text[start:end] for name, text in texts.items()}
        if len(set(words.values())) > 1:  # the same in every candidate says nothing
            differing.append(words)
            if len(differing) == MAX_WORDS:
                break
    # A text is in one language: each candidate scores by its best single language, the
    # number of differing words whose letters that language has (weighted by rarity).
    scores = {
        name: max(
            weight * sum(_fits(words[name], alphabet, name in SCRIPT_ONLY) for words in differing)
            for alphabet, weight in LANGUAGES[name]
        )
        for name in texts
    }
    hinted = {"cp1251": "cp1251", "iso8859_5": "cp1251", "cp1253": "cp1253", "iso8859_7": "cp1253"}
    prefer = hinted.get(hint or "")
    best = min(texts, key=lambda n: (-scores[n], n != prefer, CANDIDATES.index(n)))
    recorded = best
    if best == "cp1252" and not any(0x80 <= byte <= 0x9F for byte in data):
        recorded = "latin_1"  # the same text: only 0x80-0x9F tell Windows-1252 apart
    others = sorted((n for n in texts if texts[n] != texts[best]), key=lambda n: -scores[n])
    total = sum(scores.values()) or 1.0
    return Decoded(
        texts[best],
        codecs.lookup(recorded).name,
        confidence=scores[best] / total if scores[best] else 0.0,
        alternatives=tuple(
            Reading(codecs.lookup(n).name, texts[n], scores[n] / total) for n in others
        ),
    )


def _words(data: bytes) -> Iterator[tuple[int, int]]:
    """Byte ranges of the words holding non-ASCII bytes (in a single-byte encoding a byte
    is a character, so these are character ranges in every candidate's text too)."""
    return (m.span() for m in _WORD.finditer(data) if not m.group().isascii())


def _fits(word: str, alphabet: frozenset[str], script_only: bool = False) -> bool:
    """Whether ``word`` reads as a word of a language with that alphabet: its non-ASCII
    letters all belong to it, and no such letter sits in a number (``Ł5`` is £5); in a
    non-Latin script, no ASCII letter either."""
    letters = {ch for ch in word.lower() if ch.isalpha() and not ch.isascii()}
    if not letters or not letters <= alphabet:
        return False
    if script_only and any(ch.isascii() and ch.isalpha() for ch in word):
        return False
    if any(a.islower() and b.isupper() for a, b in pairwise(word)):
        return False  # "ХрпхсгеЯп": capitals inside a word mean the bytes were misread
    return not any(ch.isdigit() for ch in word) or letters <= _ORDINALS


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 written without a byte-order mark, told by its zero bytes: text in Latin
    scripts has a zero in every other byte."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    for name, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.3 and others < 0.05:
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                return None
    return None


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if "\x00" in text:
        raise DecodeError("binary data, not text (it holds NUL bytes)")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in PRINTABLE_CONTROLS)
    if controls > max(2, len(sample) // 100):
        raise DecodeError("binary data, not text (too many control characters)")
    return decoded
