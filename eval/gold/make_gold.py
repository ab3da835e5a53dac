"""Build the gold annotation sets ``dev.json``, ``test.json`` and ``test2.json`` from plain files.

Input, per split (``dev``, ``test``, ``test2``: articles written for this project;
``real-dev``, ``real-test``: real published texts), in ``docs/<split>/``:

- ``NAME.txt``: the document, UTF-8, LF line ends; its first line is the title.
- ``NAME.source.toml`` (real splits only): where the text comes from and under which
  licence (``publisher``, ``kind``, ``url``, ``licence``, ``licence_url``, optional
  ``published``, ``retrieved``, ``edits``) and ``sha256``, the hash of the ``.txt`` taken
  when it was saved, before gold was written or any engine ran on it; the build fails if
  the text no longer has that hash.
- ``NAME.ann``: its gold annotations, one per line: ``label | quote`` or
  ``label | quote | N`` where N (1-based) picks the N-th occurrence of the quote in the
  text when it occurs more than once. Blank lines and lines starting with ``#`` are
  comments (the reasons for decisions, kept next to the data).

Each quote is found in the text; a quote that is missing, ambiguous without N, not on
word boundaries, spanning a line break or given twice stops the build with every
problem listed (exit status 1) and nothing written. Output is deterministic: ids are
UUID v5 of the text and span, times are fixed, so a rebuild gives the same bytes.

Usage: ``python eval/gold/make_gold.py`` (write), ``--check`` (fail if the JSON files
on disk differ from what the sources give), ``--stats`` (counts only); ``--split NAME``
(repeatable) limits any of them to those splits.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "test", "test2", "real-dev", "real-test")
REAL_SPLITS = ("real-dev", "real-test")
ANNOTATOR = "gold"
TIMESTAMP = "2026-01-01T00:00:00.000Z"
CONTEXT = 32
MIN_WORDS, MAX_WORDS = 250, 450
# Real texts are openings of published pages: shorter or longer than the invented ones.
REAL_MIN_WORDS, REAL_MAX_WORDS = 80, 1200
KINDS = ("news", "press release", "foi response", "parliamentary answer", "report", "briefing")
SOURCE_KEYS = {"publisher", "kind", "url", "licence", "licence_url", "sha256"}
SOURCE_OPTIONAL = {"published", "retrieved", "edits"}
# annotator.core.ids.DOCUMENT_NAMESPACE: the same text gets the same id as on import.
DOCUMENT_NAMESPACE = uuid.UUID("6f1c1c0e-6a43-4d0e-9a53-8d2f0b7e0a11")
ANNOTATION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "annotator:eval/gold")

# Copied from `annotator export` of a fresh database (the default labels).
LABELS: list[dict[str, Any]] = [
    {
        "name": "claim",
        "color": "#0072b2",
        "hotkey": "1",
        "description": "An assertion of fact or intent made by an official or institution.",
        "attributes": [
            {
                "name": "speaker",
                "type": "text",
                "choices": [],
                "description": "Who makes the claim.",
            },
            {
                "name": "stance",
                "type": "choice",
                "choices": ["supports", "opposes", "neutral", "unclear"],
                "description": "The speaker's stance on the matter at issue.",
            },
        ],
    },
    {
        "name": "refusal",
        "color": "#d55e00",
        "hotkey": "2",
        "description": "A refusal or failure to disclose information that was asked for.",
        "attributes": [
            {
                "name": "what_requested",
                "type": "text",
                "choices": [],
                "description": "What was asked for and not disclosed.",
            },
            {
                "name": "stated_reason",
                "type": "text",
                "choices": [],
                "description": "The reason given for not disclosing, if any.",
            },
        ],
    },
    {
        "name": "statistic",
        "color": "#009e73",
        "hotkey": "3",
        "description": "A number, count, rate or quantity cited as evidence.",
        "attributes": [
            {
                "name": "value",
                "type": "number",
                "choices": [],
                "description": "The number as cited (e.g. 2000 or 12.5).",
            },
            {
                "name": "unit",
                "type": "text",
                "choices": [],
                "description": "Its unit: cameras, %, HK$, people...",
            },
            {
                "name": "what_counted",
                "type": "text",
                "choices": [],
                "description": "What is counted or measured.",
            },
        ],
    },
]
LABEL_NAMES = tuple(label["name"] for label in LABELS)


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int


class GoldError(Exception):
    """Raised with every problem found in the sources, one per line."""


def find_all(text: str, quote: str) -> list[int]:
    """Start offsets (code points) of every occurrence of ``quote``, overlapping ones too."""
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def parse_ann(path: Path, text: str) -> tuple[list[Span], list[str]]:
    """Resolve every line of an ``.ann`` file to a span of ``text``; return spans and problems."""
    spans: list[Span] = []
    problems: list[str] = []
    seen: dict[Span, int] = {}
    shown = path.relative_to(HERE) if path.is_relative_to(HERE) else path
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{shown}:{lineno}"
        parts = line.split(" | ")
        if len(parts) not in (2, 3):
            problems.append(f"{where}: expected 'label | quote' or 'label | quote | N'")
            continue
        label, quote = parts[0].strip(), parts[1]
        if label not in LABEL_NAMES:
            problems.append(f"{where}: unknown label {label!r} (expected one of {LABEL_NAMES})")
            continue
        if quote != quote.strip() or not quote:
            problems.append(f"{where}: quote {quote!r} is empty or has spaces at its ends")
            continue
        starts = find_all(text, quote)
        if not starts:
            problems.append(f"{where}: quote not found in the text: {quote!r}")
            continue
        if len(parts) == 3:
            if not parts[2].strip().isdigit():
                problems.append(f"{where}: occurrence {parts[2]!r} is not a positive whole number")
                continue
            occurrence = int(parts[2])
            if not 1 <= occurrence <= len(starts):
                problems.append(
                    f"{where}: occurrence {occurrence} asked for, "
                    f"but {quote!r} occurs {len(starts)} time(s)"
                )
                continue
        elif len(starts) > 1:
            problems.append(
                f"{where}: {quote!r} occurs {len(starts)} times; add ' | N' to say which"
            )
            continue
        else:
            occurrence = 1
        start = starts[occurrence - 1]
        end = start + len(quote)
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            problems.append(f"{where}: {quote!r} starts or ends inside a word")
            continue
        if "\n" in quote:
            problems.append(f"{where}: {quote!r} spans a line break")
            continue
        span = Span(label, start, end)
        if span in seen:
            problems.append(f"{where}: same {label} span as line {seen[span]}")
            continue
        seen[span] = lineno
        spans.append(span)
    return spans, problems


def read_source(txt: Path, sha: str) -> tuple[dict[str, Any], list[str]]:
    """The ``NAME.source.toml`` beside ``txt``, checked; and the problems found."""
    path = txt.with_suffix(".source.toml")
    where = str(path.relative_to(HERE))
    if not path.exists():
        return {}, [f"{where}: missing (a real text needs its source, licence and hash)"]
    try:
        source = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [f"{where}: not valid TOML: {exc}"]
    problems = []
    missing = SOURCE_KEYS - source.keys()
    unknown = source.keys() - SOURCE_KEYS - SOURCE_OPTIONAL
    if missing:
        problems.append(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if source.get("kind") not in (None, *KINDS):
        problems.append(f"{where}: kind {source['kind']!r} is not one of {KINDS}")
    if "sha256" in source and source["sha256"] != sha:
        problems.append(f"{where}: the text changed since it was hashed (sha256 differs)")
    return source, problems


def annotation(doc_sha: str, text: str, span: Span) -> dict[str, Any]:
    key = f"{doc_sha}/{span.label}/{span.start}/{span.end}"
    return {
        "id": str(uuid.uuid5(ANNOTATION_NAMESPACE, key)),
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "quote": text[span.start : span.end],
        "prefix": text[max(0, span.start - CONTEXT) : span.start],
        "suffix": text[span.end : span.end + CONTEXT],
        "note": None,
        "attributes": {},
        "annotator": ANNOTATOR,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }


def build_split(split: str) -> tuple[dict[str, Any], list[str]]:
    """The annotation set of one split, and the problems found building it."""
    folder = HERE / "docs" / split
    documents: list[dict[str, Any]] = []
    problems: list[str] = []
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        problems.append(f"{folder.relative_to(HERE)}: no documents")
    for txt in texts:
        where = str(txt.relative_to(HERE))
        raw = txt.read_bytes()
        if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{where}: CR or BOM in the file (use UTF-8 with LF line ends)")
            continue
        text = raw.decode("utf-8")
        title = text.split("\n", 1)[0].strip()
        words = len(text.split("\n", 1)[1].split()) if "\n" in text else 0
        low, high = (
            (REAL_MIN_WORDS, REAL_MAX_WORDS) if split in REAL_SPLITS else (MIN_WORDS, MAX_WORDS)
        )
        if not low <= words <= high:
            problems.append(f"{where}: {words} words below the title (want {low}-{high})")
        sha = hashlib.sha256(raw).hexdigest()
        source: dict[str, Any] = {}
        if split in REAL_SPLITS:
            source, found = read_source(txt, sha)
            problems.extend(found)
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            problems.append(f"{where}: no {ann.name}")
            continue
        spans, found = parse_ann(ann, text)
        problems.extend(found)
        anns = [annotation(sha, text, s) for s in spans]
        anns.sort(key=lambda a: (a["start"], a["end"], a["label"], a["id"]))
        documents.append(
            {
                "id": str(uuid.uuid5(DOCUMENT_NAMESPACE, sha)),
                "title": title,
                "source": source.get("url") or f"eval/gold/docs/{split}/{txt.name}",
                "sha256": sha,
                "length": len(text),
                "format": "text",
                "encoding": "utf-8",
                "original_name": txt.name,
                "imported_at": TIMESTAMP,
                "author": source.get("publisher"),
                "published": source.get("published"),
                "text": text,
                "annotations": anns,
            }
        )
    aset = {
        "format": "annotator-annotation-set",
        "format_version": 1,
        "exported_at": TIMESTAMP,
        "generator": {"name": "annotator-gold", "version": "1"},
        "offset_unit": "codepoint",
        "labels": LABELS,
        "documents": documents,
    }
    return aset, problems


def render(aset: dict[str, Any]) -> str:
    return json.dumps(aset, ensure_ascii=False, indent=2) + "\n"


def stats(sets: dict[str, dict[str, Any]]) -> str:
    """A table of documents, words and annotations per label, per split and in total."""
    rows = [f"{'split':9} {'docs':>4} {'words':>6} " + " ".join(f"{n:>9}" for n in LABEL_NAMES)]
    total: Counter[str] = Counter()
    for split, aset in sets.items():
        counts = Counter(a["label"] for d in aset["documents"] for a in d["annotations"])
        words = sum(len(d["text"].split("\n", 1)[1].split()) for d in aset["documents"])
        total.update(counts)
        total["docs"] += len(aset["documents"])
        total["words"] += words
        rows.append(
            f"{split:9} {len(aset['documents']):>4} {words:>6} "
            + " ".join(f"{counts[n]:>9}" for n in LABEL_NAMES)
        )
    rows.append(
        f"{'total':9} {total['docs']:>4} {total['words']:>6} "
        + " ".join(f"{total[n]:>9}" for n in LABEL_NAMES)
    )
    return "\n".join(rows)


def sources_table() -> str:
    """A Markdown table of the real texts' sources: publisher, kind, licence and how many
    documents each split has (the list README and eval/gold/README.md show)."""
    rows: dict[str, dict[str, Any]] = {}
    for split in REAL_SPLITS:
        for txt in sorted((HERE / "docs" / split).glob("*.txt")):
            meta = tomllib.loads(txt.with_suffix(".source.toml").read_text(encoding="utf-8"))
            slug = txt.stem.rsplit("-", 1)[0]
            row = rows.setdefault(
                slug,
                {
                    "publishers": set(),
                    "kinds": set(),
                    "licences": {},
                    "real-dev": 0,
                    "real-test": 0,
                },
            )
            row["publishers"].add(meta["publisher"])
            row["kinds"].add(meta["kind"])
            row["licences"][meta["licence"].split(" (")[0]] = meta["licence_url"]
            row[split] += 1
    lines = [
        "| source | publisher | kind | licence | real-dev | real-test |",
        "|---|---|---|---|---:|---:|",
    ]
    for slug, row in sorted(rows.items()):
        licences = ", ".join(f"[{name}]({url})" for name, url in row["licences"].items())
        lines.append(
            f"| `{slug}` | {'; '.join(sorted(row['publishers']))} | "
            f"{', '.join(sorted(row['kinds']))} | {licences} | {row['real-dev']} | "
            f"{row['real-test']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare with the files on disk")
    mode.add_argument("--stats", action="store_true", help="print counts, write nothing")
    mode.add_argument(
        "--sources", action="store_true", help="print the real texts' sources as a table"
    )
    parser.add_argument("--split", action="append", choices=SPLITS, help="default: every split")
    args = parser.parse_args(argv)
    if args.sources:
        print(sources_table())
        return 0
    sets, problems = {}, []
    for split in args.split or SPLITS:
        sets[split], found = build_split(split)
        problems.extend(found)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    print(stats(sets))
    if args.stats:
        return 0
    stale = []
    for split, aset in sets.items():
        path = HERE / f"{split}.json"
        data = render(aset)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != data:
                stale.append(path.name)
        else:
            path.write_text(data, encoding="utf-8")
    if stale:
        print(f"out of date: {', '.join(stale)} (run make_gold.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
