"""doccano's JSONL for sequence labelling: one JSON object per line.

Written: ``{"id": ..., "text": ..., "title": ..., "label": [[start, end, "LABEL"], ...]}``
(doccano keeps ``id`` and ``title`` as the example's metadata). Read: ``text`` with spans
under ``label`` and/or ``entities``, each ``[start, end, "LABEL"]`` or
``{"start_offset": ..., "end_offset": ..., "label": ...}`` (the relation-extraction
shape; its ``relations`` are not read). The title comes from ``title`` or ``meta.title``,
else the text's first words.

doccano's offsets are UTF-16 code units (JavaScript string indices; its "count grapheme
clusters as one character" option is not supported): converted to and from code points.
doccano's JSONL has no place for a span's note or annotator: Annotator writes them in an
extra list, ``annotator_span_info`` (``[{"start", "end", "label", "annotator", "note"},
...]``, one per span, offsets as under ``label``), which doccano keeps as metadata and
writes back on export. Reading matches each entry to the span with its start, end and
label, so spans deleted, added or reordered in doccano keep their own annotator and note:
an entry whose span is gone is reported (in the set's notes), never moved onto another
span; a span without an entry (added in doccano, or a file doccano made itself) is by
``doccano``, without a note. Older files' entries (no start and end) are matched by
position, and only while there are as many as spans under ``label``; otherwise that is
reported and the spans are by ``doccano``. All spans read are timed when the file was
last written.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.importers import shown_path
from annotator.core.messages import N_, say
from annotator.core.model import AnnotationSet
from annotator.core.reading import open_file
from annotator.core.set_errors import SetFormatError
from annotator.core.values import annotator_problem, label_problem
from annotator.formats.annotation_set import load_json
from annotator.formats.task_files import (
    LINE_BREAKS,
    Span,
    TaskSetBuilder,
    codepoint_offsets,
    file_time,
    json_kind,
    read_file,
    utf16_offsets,
)

if TYPE_CHECKING:
    from annotator.formats.rendering import RenderOptions

ANNOTATOR = "doccano"
SPAN_KEYS = ("label", "entities")
INFO = "annotator_span_info"  # each span's start, end, label, annotator and note
SNIFF_BYTES = 64 * 1024 * 1024  # of the first line, to recognise a file


def render(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> bytes:
    """One line per document, spans in the set's order, offsets in UTF-16 code units."""
    lines = []
    for doc in aset.documents:
        text = doc.text if doc.text is not None else texts[doc.id]
        units = utf16_offsets(text)
        line = {
            "id": doc.id,
            "text": text,
            "title": doc.title,
            "label": [[units(a.start), units(a.end), a.label] for a in doc.annotations],
            # Kept by doccano as the example's metadata; read back matched on start, end, label.
            INFO: [
                {
                    "start": units(a.start),
                    "end": units(a.end),
                    "label": a.label,
                    "annotator": a.annotator,
                    "note": a.note,
                }
                for a in doc.annotations
            ],
        }
        lines.append(json.dumps(line, ensure_ascii=False).translate(LINE_BREAKS) + "\n")
    return "".join(lines).encode("utf-8")


def recognises(path: Path) -> bool:
    """A ``.jsonl`` file whose first non-empty line is a doccano example: an object with
    a ``text`` string and ``label`` (a list of ``[start, end, label]``) or ``entities``.
    Annotator's own JSON Lines (documents with ``annotations``) is not."""
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        with open_file(path) as (raw, _size), io.BufferedReader(raw) as handle:
            while line := handle.readline(SNIFF_BYTES):
                if line.strip(b"\xef\xbb\xbf \t\r\n"):
                    break
        item = json.loads(line.decode("utf-8").removeprefix("\ufeff"))
    except (OSError, ValueError, RecursionError):  # the guard's refusals are ValueErrors
        return False
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return False
    if isinstance(item.get("entities"), list):
        return True
    spans = item.get("label")
    return isinstance(spans, list) and all(
        isinstance(span, list) and len(span) == 3 for span in spans
    )


def read(path: Path) -> AnnotationSet:
    """The examples of a doccano JSONL file; :class:`SetFormatError` names the file, the
    line and what is wrong. Span info that could not be matched is in the set's notes."""
    data = read_file(path)
    file = shown_path(path)
    when = file_time(path)
    builder = TaskSetBuilder(file, "doccano")
    notes: list[str] = []
    found = 0
    for number, line in enumerate(data.split(b"\n"), 1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip(b" \t\r"):
            continue
        where = f"line {number}"
        try:
            item = load_json(line, file=file, what=say(N_("a line")))
        except SetFormatError as exc:
            path = f"{where}, {exc.path}" if exc.path else where
            raise SetFormatError(file, path, exc.problem) from None
        notes.extend(_example(builder, item, where, when))
        found += 1
    if not found:
        raise SetFormatError(file, "", say(N_("no examples: the file has no JSON lines")))
    return replace(builder.build(), notes=tuple(notes))


@dataclass(frozen=True, slots=True)
class _Found:
    """A span as the line gives it: offsets in UTF-16 code units and in code points."""

    key: str
    label: str
    start: int
    end: int
    first: int
    last: int


def _example(builder: TaskSetBuilder, item: Any, where: str, when: datetime) -> list[str]:
    """Adds the example to ``builder``; returns what could not be carried over."""

    def fail(path: str, problem: str) -> SetFormatError:
        return SetFormatError(builder.file, f"{where}, {path}" if path else where, problem)

    if not isinstance(item, dict):
        raise fail("", say(N_("expected a JSON object, got {kind}"), kind=json_kind(item)))
    text = item.get("text")
    if not isinstance(text, str):
        got = "missing" if text is None else f"expected a string, got {json_kind(text)}"
        raise fail("text", got)
    length, points = codepoint_offsets(text)
    found: list[_Found] = []
    for key in SPAN_KEYS:
        items = item.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise fail(key, say(N_("expected a list of spans, got {kind}"), kind=json_kind(items)))
        for k, raw in enumerate(items):
            at = f"{key}[{k}]"
            if isinstance(raw, list) and len(raw) == 3:
                start, end, label = raw
            elif isinstance(raw, dict):
                start, end, label = (raw.get(n) for n in ("start_offset", "end_offset", "label"))
            else:
                raise fail(
                    at, say(N_("expected [start, end, label] or an object with start_offset"))
                )
            problem = (
                label_problem(label)
                if isinstance(label, str)
                else f"the label is not a string: {json.dumps(label)}"
            )
            if problem:
                raise fail(at, problem)
            for name, value in (("start", start), ("end", end)):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise fail(
                        at,
                        say(
                            N_("{name} is not a whole number: {value}"),
                            name=name,
                            value=json.dumps(value),
                        ),
                    )
            if not 0 <= start < end:
                raise fail(
                    at, say(N_("span {start}–{end} is empty or reversed"), start=start, end=end)
                )
            if end > length:
                raise fail(
                    at,
                    say(
                        N_("end {end} is beyond the text's length {length} (UTF-16 code units)"),
                        end=end,
                        length=length,
                    ),
                )
            first, last = points(start), points(end)
            if first is None or last is None:
                raise fail(
                    at,
                    say(
                        N_(
                            "offset {value} falls inside a character written as a surrogate pair "
                            "(offsets count UTF-16 code units)"
                        ),
                        value=start if first is None else end,
                    ),
                )
            found.append(_Found(key, label, start, end, first, last))
    infos, notes = _infos(item, found, text, (length, points), where)
    spans = []
    for f, info in zip(found, infos, strict=True):
        annotator, note = info or (ANNOTATOR, None)
        spans.append(Span(f.label, f.first, f.last, annotator, when, when, note))
    builder.add(text, _title(item), f"{builder.file} ({where})", spans)
    return notes


Info = tuple[str, str | None]  # annotator, note


def _infos(
    item: dict[str, Any],
    found: list[_Found],
    text: str,
    offsets: tuple[int, Callable[[int], int | None]],
    where: str,
) -> tuple[list[Info | None], list[str]]:
    """The annotator and note Annotator wrote for each span (``None`` where there is
    none), and a note for each entry that fits no span. ``offsets`` is
    :func:`codepoint_offsets` of ``text``."""
    info = item.get(INFO)
    if not isinstance(info, list) or not info:
        return [None] * len(found), []
    if not any(isinstance(entry, dict) and "start" in entry for entry in info):
        return _by_position(item, info, found, where)
    waiting: dict[tuple[int, int, str], deque[Info]] = {}
    notes = []
    unreadable = 0
    for entry in info:
        start, end, label = (
            (entry.get("start"), entry.get("end"), entry.get("label"))
            if isinstance(entry, dict)
            else (None, None, None)
        )
        if not (_whole(start) and _whole(end) and isinstance(label, str)) or label_problem(label):
            unreadable += 1
            continue
        waiting.setdefault((start, end, label), deque()).append(_entry(entry))
    if unreadable:
        notes.append(
            f"{where}: {unreadable} of {len(info)} {INFO} entries have no whole start and "
            "end or no label: ignored"
        )
    infos: list[Info | None] = []
    for f in found:
        matching = waiting.get((f.start, f.end, f.label))
        infos.append(matching.popleft() if matching else None)
    length, points = offsets
    for (start, end, label), left in waiting.items():
        first, last = (points(start), points(end)) if 0 <= start < end <= length else (None, None)
        quote = f" {_short(text[first:last])}" if first is not None and last is not None else ""
        for annotator, note in left:
            notes.append(
                f"{where}: no {label} span at {start}–{end}{quote} any more (deleted in "
                f"doccano, or dropped there as overlapping): its annotator {annotator}"
                + (f" and note {_short(note)}" if note else "")
                + " not imported"
            )
    return infos, notes


def _by_position(
    item: dict[str, Any], info: list[Any], found: list[_Found], where: str
) -> tuple[list[Info | None], list[str]]:
    """An older file's entries: one per span under ``label``, in order."""
    labelled = [f for f in found if f.key == "label"]
    if len(info) != len(labelled):
        return [None] * len(found), [
            f"{where}: {INFO} has {len(info)} entries (without offsets, from an older "
            f"Annotator) for {len(labelled)} spans: spans were added or deleted in doccano, "
            "so no annotator or note could be matched to a span; all are by doccano"
        ]
    entries = iter(info)
    return [_entry(next(entries)) if f.key == "label" else None for f in found], []


def _entry(entry: Any) -> Info:
    """The annotator and note of a well-formed entry, else doccano's own and none."""
    if not isinstance(entry, dict):
        return ANNOTATOR, None
    annotator, note = entry.get("annotator"), entry.get("note")
    good = isinstance(annotator, str) and annotator_problem(annotator) is None
    return (annotator if good else ANNOTATOR), (note if isinstance(note, str) else None)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(text: str, limit: int = 40) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters."""
    return json.dumps(text if len(text) <= limit else text[: limit - 1] + "…", ensure_ascii=False)


def _title(item: dict[str, Any]) -> str | None:
    meta = item.get("meta")
    for title in (item.get("title"), meta.get("title") if isinstance(meta, dict) else None):
        if isinstance(title, str) and title.strip():
            return title
    return None
