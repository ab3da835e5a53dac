"""How often the app, charset-normalizer alone and chardet read the corpus exactly.

    python eval/encodings/evaluate.py [--split dev|heldout] [-v]

Builds the corpus (both splits whose texts exist) in a temporary folder and prints a
markdown table per split by length band. **Exact** means the decoded text equals the
expected text; a library is read with the encoding it names (none, or one that fails to
decode, is wrong). Also printed for the app: files flagged uncertain, and wrong answers
*not* flagged uncertain (the goal is zero). ``-v`` lists every file the app got wrong.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from corpus import BANDS, SPLITS, Entry, build  # noqa: E402

from annotator.core.decoding import DecodeError, decode_bytes  # noqa: E402


@dataclass
class Outcome:
    entry: Entry
    app: bool
    app_encoding: str
    app_confidence: float
    uncertain: bool
    normalizer: bool
    normalizer_encoding: str | None
    chardet: bool
    chardet_encoding: str | None


def _decodes_to(data: bytes, encoding: str | None, expected: str) -> bool:
    if encoding is None:
        return False
    try:
        return data.decode(encoding) == expected
    except (UnicodeDecodeError, LookupError):
        return False


def normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def chardet_guess(data: bytes) -> str | None:
    import chardet

    return chardet.detect(data)["encoding"]


def judge(folder: Path, entry: Entry) -> Outcome:
    """The three detectors' results on one corpus file."""
    data = (folder / entry.file).read_bytes()
    expected = data.decode(entry.encoding)
    try:
        decoded = decode_bytes(data)
        app, app_encoding = decoded.text == expected, decoded.encoding
        confidence, uncertain = decoded.confidence, decoded.uncertain
    except DecodeError as exc:
        app, app_encoding, confidence, uncertain = False, f"refused: {exc}", 0.0, True
    cn = normalizer_guess(data)
    cd = chardet_guess(data)
    return Outcome(
        entry,
        app,
        app_encoding,
        confidence,
        uncertain,
        _decodes_to(data, cn, expected),
        cn,
        _decodes_to(data, cd, expected),
        cd,
    )


def evaluate(folder: Path, splits: tuple[str, ...] = SPLITS) -> list[Outcome]:
    entries = build(folder, splits)
    return [judge(folder, entry) for entry in entries]


def table(outcomes: list[Outcome]) -> str:
    """The markdown table, one row per split and band."""
    rows = [
        "| split | band (characters) | files | app exact | charset-normalizer exact "
        "| chardet 7.7.0 exact | app uncertain | app wrong, not flagged |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.entry.split, o.entry.band].append(o)
    for split in SPLITS:
        for band, _, _ in BANDS:
            group = groups.get((split, band))
            if not group:
                continue
            n = len(group)
            app = sum(o.app for o in group)
            cn = sum(o.normalizer for o in group)
            cd = sum(o.chardet for o in group)
            unsure = sum(o.uncertain for o in group)
            silent = sum(not o.app and not o.uncertain for o in group)
            rows.append(
                f"| {split} | {band} | {n} | {app} ({app / n:.0%}) | {cn} ({cn / n:.0%}) "
                f"| {cd} ({cd / n:.0%}) | {unsure} | {silent} |"
            )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    splits = SPLITS
    for arg in argv:
        if arg.startswith("--split="):
            splits = (arg.split("=", 1)[1],)
    with tempfile.TemporaryDirectory(prefix="encodings-") as tmp:
        outcomes = evaluate(Path(tmp), splits)
    print(table(outcomes))
    if "-v" in argv:
        for o in outcomes:
            if not o.app or o.uncertain:
                mark = "WRONG" if not o.app else "unsure"
                print(
                    f"{mark} {o.entry.file} ({o.entry.characters} ch): app "
                    f"{o.app_encoding} {o.app_confidence:.2f}, cn {o.normalizer_encoding} "
                    f"{'ok' if o.normalizer else 'x'}, chardet {o.chardet_encoding} "
                    f"{'ok' if o.chardet else 'x'}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
