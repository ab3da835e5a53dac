"""Builds the encoding corpus: every (language, encoding) pair of the table below, saved
as several files at lengths spread over four bands.

    python eval/encodings/corpus.py [FOLDER] [--split dev|heldout]

Sources are ``texts/<split>/<code>.txt`` (UTF-8 prose, paragraphs separated by a blank
line). Before a text is encoded, what the encoding lacks is replaced as a writer in it
would type it (curly quotes straight, ``€`` as ``EUR``, dashes as ``-``); Vietnamese in
cp1258 keeps its tone marks as combining characters. A file's expected text is
``data.decode(encoding)``. Deterministic: the same texts give the same bytes. A manifest
(``manifest.json``) lists file, split, language, encoding, characters and band.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
SPLITS = ("dev", "heldout")

# code -> encodings its files are saved in (UTF-16 files carry no byte-order mark).
LANGUAGES: dict[str, tuple[str, ...]] = {
    "en": ("cp1252", "iso8859-1", "iso8859-15", "mac_roman", "utf-16-le", "utf-16-be"),
    "fr": ("cp1252", "iso8859-15", "iso8859-1", "mac_roman"),
    "de": ("cp1252", "iso8859-1", "iso8859-15", "mac_roman", "utf-16-le"),
    "es": ("cp1252", "iso8859-1", "mac_roman"),
    "pt": ("cp1252", "iso8859-1"),
    "it": ("cp1252", "iso8859-15"),
    "pl": ("cp1250", "iso8859-2"),
    "cs": ("cp1250", "iso8859-2"),
    "hu": ("cp1250", "iso8859-2"),
    "ro": ("cp1250", "iso8859-2"),
    "tr": ("cp1254", "iso8859-9"),
    "el": ("cp1253", "iso8859-7", "utf-16-be"),
    "ru": ("cp1251", "koi8-r", "utf-16-le"),
    "uk": ("cp1251", "koi8-u"),
    "bg": ("cp1251",),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "lt": ("cp1257",),
    "lv": ("cp1257",),
    "vi": ("cp1258",),
    "ja": ("shift_jis", "euc-jp"),
    "zh-hans": ("gb18030",),
    "zh-hant": ("big5",),
    "ko": ("euc-kr",),
}
# (name, shortest, longest) in characters of the expected text.
BANDS = (("200-299", 200, 299), ("300-999", 300, 999), ("1000-4999", 1000, 4999),
         ("5000-20000", 5000, 20000))  # fmt: skip
# Files per (language, encoding) and band: the shortest band, the hardest, gets two.
PER_BAND = {"200-299": 2, "300-999": 1, "1000-4999": 1, "5000-20000": 1}

# What a writer types for a character the encoding lacks, tried in order.
SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "“": ('"',), "”": ('"',), "„": ('"',), "«": ('"',), "»": ('"',),
    "‘": ("'",), "’": ("'",), "‚": ("'",), "‹": ("'",), "›": ("'",),
    "「": ('"',), "」": ('"',), "『": ('"',), "』": ('"',),
    "–": ("-",), "—": ("-",), "…": ("...",), "·": (".",),
    "€": ("EUR",), "£": ("GBP",), "₽": ("руб.", "rub."), "₴": ("грн", "UAH"),
    "₺": ("TL",), "₪": ('ש"ח', "ILS"), "¥": ("円", "yen"),
    "ѝ": ("и",), "％": ("%",), "（": ("(",), "）": (")",), "\u00a0": (" ",),
    "\u202f": (" ",), "\u2009": (" ",), "״": ('"',), "־": ("-",), "‑": ("-",), "‐": ("-",),
    "ș": ("ş",), "ț": ("ţ",), "Ș": ("Ş",), "Ț": ("Ţ",), "№": ("N",), "•": ("-",),
    "œ": ("oe",), "Œ": ("OE",), "æ": ("ae",), "Æ": ("AE",), "ß": ("ss",), "ẞ": ("SS",),
    "′": ("'",), "″": ('"',), "×": ("x",), "‰": (" per mille",), "→": ("->",),
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?。！？][\"'»”“」』)）]*(?=\s|$)|[。！？][\"'»”“」』)）]*")


@dataclass(frozen=True)
class Entry:
    file: str
    split: str
    language: str
    encoding: str
    characters: int
    band: str


def typed_in(text: str, encoding: str) -> str:
    """``text`` as a writer using ``encoding`` would have typed it."""
    if encoding.startswith("utf-16"):
        return text
    if encoding == "cp1258":
        return _cp1258_text(text)
    if encoding == "gb18030":
        encoding = "gbk"  # the GBK range only: no four-byte sequences
    out = []
    for i, ch in enumerate(text):
        if _encodable(ch, encoding):
            out.append(ch)
            continue
        for sub in SUBSTITUTES.get(ch, ()):
            if _encodable(sub, encoding):
                if sub.isalpha() and i + 1 < len(text) and text[i + 1].isdigit():
                    sub += " "  # "€14m" -> "EUR 14m"
                out.append(sub)
                break
        else:
            out.append(_fallback(ch, encoding))
    return "".join(out)


def _fallback(ch: str, encoding: str) -> str:
    """What a writer types for a character no substitute is listed for: its compatibility
    form, a digit's ASCII digit, a space, a hyphen or a straight quote."""
    for candidate in (
        unicodedata.normalize("NFKC", ch),
        str(unicodedata.digit(ch, "")),
        unicodedata.normalize("NFKD", ch)[:1],
    ):
        if candidate and _encodable(candidate, encoding):
            return candidate
    category = unicodedata.category(ch)
    if category.startswith("Z"):
        return " "
    if category == "Pd":
        return "-"
    if category in ("Pi", "Pf"):
        return '"'
    print(f"corpus: {encoding} lacks {ch!r}; written as '?'", file=sys.stderr)
    return "?"


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _cp1258_text(text: str) -> str:
    """Decompose, then recompose each base letter with as many of its marks as cp1258
    has precomposed (``ế`` is ``ê`` and a combining acute)."""
    out = []
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        base, marks = cluster[0], cluster[1:]
        for size in range(len(marks), -1, -1):
            found = next(
                (
                    head + "".join(m for m in marks if m not in kept)
                    for kept in combinations(marks, size)
                    if _encodable(
                        head := unicodedata.normalize("NFC", base + "".join(kept)), "cp1258"
                    )
                    and _encodable("".join(m for m in marks if m not in kept), "cp1258")
                ),
                None,
            )
            if found is not None:
                out.append(found)
                break
        else:
            out.append(typed_in(cluster, "cp1252"))  # punctuation: same substitutes
    result = "".join(out)
    result.encode("cp1258")
    return result


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def excerpt(paras: list[str], low: int, high: int, rng: random.Random) -> str:
    """A text of ``low``..``high`` characters from the paragraphs joined in a seeded order,
    starting at a sentence and ending at a sentence or paragraph end."""
    target = rng.randint(low, high)
    stream: list[str] = []
    while sum(len(p) + 2 for p in stream) < high + max(len(p) for p in paras) * 2:
        order = paras[:]
        rng.shuffle(order)
        stream.extend(order)
    text = "\n\n".join(stream)
    starts = [0] + [m.end() for m in re.finditer(r"\n\n|(?<=[.!?])\s+|(?<=[。！？])", text)]
    ends = sorted({m.end() for m in _SENTENCE_END.finditer(text)})
    first = rng.randrange(min(len(starts), 12))
    best = None
    for start in starts[first:] + starts[:first]:
        if start >= len(text) or text[start].isspace():
            continue
        for end in ends:
            if end - start > high:
                break
            if end - start >= low:
                piece = text[start:end]
                score = abs(len(piece) - target)
                if best is None or score < best[0]:
                    best = (score, piece)
        if best is not None and best[0] < (high - low) // 4:
            break
    if best is None:  # no sentence fits the band: cut after a word (or anywhere in CJK)
        piece = text[:target]
        cut = max(piece.rfind(" "), piece.rfind("，"), piece.rfind("、"))
        piece = piece[:cut] if cut >= low else piece
        best = (0, piece.rstrip())
        if len(best[1]) < low:
            raise ValueError(f"no excerpt of {low}-{high} characters")
    return best[1]


def build(folder: Path, splits: tuple[str, ...] = SPLITS, texts: Path = TEXTS) -> list[Entry]:
    """Write the corpus of ``splits`` (those whose texts exist) into ``folder``; return its
    manifest, also written as ``folder/manifest.json``."""
    entries: list[Entry] = []
    for split in splits:
        source = texts / split
        if not source.is_dir():
            continue
        out = folder / split
        out.mkdir(parents=True, exist_ok=True)
        for code, encodings in LANGUAGES.items():
            path = source / f"{code}.txt"
            if not path.exists():
                continue
            for encoding in encodings:
                paras = [typed_in(p, encoding) for p in paragraphs(path)]
                for band, low, high in BANDS:
                    for n in range(PER_BAND[band]):
                        rng = random.Random(f"{split}/{code}/{encoding}/{band}/{n}")
                        # Lengths count characters of the expected text: for cp1258
                        # that is after decomposition, as typed_in already did.
                        text = excerpt(paras, low, high, rng)
                        data = text.encode(encoding)
                        name = f"{split}/{code}.{encoding}.{band}.{n}.txt"
                        (folder / name).write_bytes(data)
                        expected = data.decode(encoding)
                        entries.append(Entry(name, split, code, encoding, len(expected), band))
    manifest = [asdict(e) for e in entries]
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return entries


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--split")]
    splits = SPLITS
    for a in argv:
        if a.startswith("--split="):
            splits = (a.split("=", 1)[1],)
    folder = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="encodings-"))
    entries = build(folder, splits)
    print(f"{len(entries)} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
