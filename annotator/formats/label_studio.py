"""Label Studio JSON tasks for named-entity labelling of text.

Written: a list of tasks ``{"id": 1, "data": {"text": ..., "title": ...}, "annotations":
[...]}``, one annotation (``id`` a whole number unique in the file, as Label Studio's
converters expect) per annotator holding a ``labels`` result per span::

    {"id": ..., "type": "labels", "from_name": "label", "to_name": "text",
     "origin": "manual", "value": {"start": 0, "end": 5, "text": "...",
     "labels": ["claim"]}, "meta": {"text": ["the note"]}}

matching a labelling config ``<Text name="text" value="$text"/>`` with ``<Labels
name="label" toName="text">``. The annotator is written as ``created_username`` (Label
Studio ignores it on import and files the annotation under the importing user, so that
the import never fails over an unknown user); the note as the region's ``meta.text``,
which Label Studio shows and keeps. Times are per annotation there: the earliest
``created_at`` and latest ``updated_at`` of the annotator's spans.

Read: ``labels`` results of the tasks' ``annotations`` (other result types, cancelled
annotations and ``predictions`` are skipped: Annotator imports what people marked). The
text is ``data.text`` (or the task's only string field); the title ``data.title`` or
``meta.title``, else the text's first words. A Label Studio user gets one name whatever
the export's shape (``completed_by`` an id or the user object): their email where the file
gives it for that id anywhere, else ``label-studio user N``; any other
``created_username`` (Annotator's) is the name.

Offsets: Label Studio's Text tag counts code points (since 2022; earlier versions counted
UTF-16 code units). They are written as code points; read as code points unless the
result's ``text`` only matches when they are read as UTF-16 code units.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.importers import shown_path
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, AnnotationSet
from annotator.core.reading import read_head
from annotator.core.set_errors import SetFormatError
from annotator.core.timestamps import iso_utc
from annotator.core.values import label_problem
from annotator.formats.annotation_set import load_json
from annotator.formats.task_files import (
    Span,
    TaskSetBuilder,
    codepoint_offsets,
    file_time,
    json_kind,
    read_file,
)

if TYPE_CHECKING:
    from annotator.formats.rendering import RenderOptions

FROM_NAME, TO_NAME = "label", "text"
UNKNOWN = "label-studio"
# What Label Studio's export writes as created_username: "[first last ]email, id".
_LS_USERNAME = re.compile(r"(?:.*\s)?(?P<email>[^\s,]+@[^\s,]+), (?P<id>\d+)")


def render(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> bytes:
    """The set as a list of Label Studio tasks, one per document."""
    tasks = []
    numbers = count(1)  # annotation ids: whole numbers, unique in the file, as Label Studio's
    for task_id, doc in enumerate(aset.documents, 1):
        text = doc.text if doc.text is not None else texts[doc.id]
        by_annotator: dict[str, list[Annotation]] = {}
        for ann in doc.annotations:
            by_annotator.setdefault(ann.annotator, []).append(ann)
        tasks.append(
            {
                "id": task_id,
                "data": {"text": text, "title": doc.title},
                "annotations": [
                    {
                        "id": next(numbers),
                        "created_username": annotator,
                        "created_at": iso_utc(min(a.created_at for a in anns)),
                        "updated_at": iso_utc(max(a.updated_at for a in anns)),
                        "was_cancelled": False,
                        "ground_truth": False,
                        "result": [_region(a, text) for a in anns],
                    }
                    for annotator, anns in by_annotator.items()
                ],
            }
        )
    if options.compact:
        return (json.dumps(tasks, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return (json.dumps(tasks, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _region(ann: Annotation, text: str) -> dict[str, Any]:
    region: dict[str, Any] = {
        "id": ann.id,
        "type": "labels",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "origin": "manual",
        "value": {
            "start": ann.start,
            "end": ann.end,
            "text": text[ann.start : ann.end],
            "labels": [ann.label],
        },
    }
    if ann.note:
        region["meta"] = {"text": [ann.note]}
    return region


def recognises(path: Path) -> bool:
    """A ``.json`` file whose top level is a list of objects with ``data`` and
    ``annotations`` or ``predictions`` (Annotator's sets are objects, not lists)."""
    if path.suffix.lower() != ".json":
        return False
    head = read_head(path, 4096)
    if head is None or not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return False
    try:
        tasks = json.loads(read_file(path).decode("utf-8").removeprefix("\ufeff"))
    except (OSError, ValueError, RecursionError):
        return False
    return (
        isinstance(tasks, list)
        and bool(tasks)
        and isinstance(tasks[0], dict)
        and isinstance(tasks[0].get("data"), dict)
        and ("annotations" in tasks[0] or "predictions" in tasks[0])
    )


def read(path: Path) -> AnnotationSet:
    """The tasks of a Label Studio JSON file; :class:`SetFormatError` names the file, the
    JSON path of the task or result, and what is wrong."""
    file = shown_path(path)
    tasks = load_json(read_file(path), file=file, what=say(N_("a Label Studio file")))
    when = file_time(path)
    if not isinstance(tasks, list):
        raise SetFormatError(
            file, "", say(N_("expected a list of tasks, got {kind}"), kind=json_kind(tasks))
        )
    if not tasks:
        raise SetFormatError(file, "", say(N_("no tasks: the list is empty")))
    builder = TaskSetBuilder(file, "label-studio")
    emails = _emails(tasks)
    for i, task in enumerate(tasks):
        _task(builder, task, f"[{i}]", when, emails)
    return builder.build()


def _task(
    builder: TaskSetBuilder, task: Any, where: str, when: datetime, emails: Mapping[int, str]
) -> None:
    def fail(path: str, problem: str) -> SetFormatError:
        return SetFormatError(builder.file, f"{where}{path}", problem)

    if not isinstance(task, dict):
        raise fail("", say(N_("expected a task object, got {kind}"), kind=json_kind(task)))
    data = task.get("data")
    if not isinstance(data, dict):
        got = "missing" if data is None else f"expected an object, got {json_kind(data)}"
        raise fail(".data", got)
    text = data.get("text")
    if text is None:
        strings = [value for value in data.values() if isinstance(value, str)]
        text = strings[0] if len(strings) == 1 else None
    if not isinstance(text, str):
        raise fail(".data.text", say(N_("missing: the task has no text to annotate")))
    length, points = codepoint_offsets(text)
    annotations = task.get("annotations", [])
    if not isinstance(annotations, list):
        raise fail(
            ".annotations", say(N_("expected a list, got {kind}"), kind=json_kind(annotations))
        )
    spans: list[Span] = []
    for j, annotation in enumerate(annotations):
        at = f".annotations[{j}]"
        if not isinstance(annotation, dict):
            raise fail(at, say(N_("expected an object, got {kind}"), kind=json_kind(annotation)))
        if annotation.get("was_cancelled") is True:
            continue
        annotator = _annotator(annotation, emails)
        created = _time(annotation.get("created_at"), when)
        updated = max(_time(annotation.get("updated_at"), created), created)
        results = annotation.get("result", [])
        if not isinstance(results, list):
            raise fail(
                f"{at}.result", say(N_("expected a list, got {kind}"), kind=json_kind(results))
            )
        for k, result in enumerate(results):
            here = f"{at}.result[{k}]"
            if not isinstance(result, dict):
                raise fail(here, say(N_("expected an object, got {kind}"), kind=json_kind(result)))
            if result.get("type") != "labels":
                continue  # choices, relations, text areas...: not spans of text
            value = result.get("value")
            if not isinstance(value, dict):
                raise fail(f"{here}.value", say(N_("missing or not an object")))
            start, end = value.get("start"), value.get("end")
            for name, number in (("start", start), ("end", end)):
                if not isinstance(number, int) or isinstance(number, bool):
                    raise fail(
                        f"{here}.value.{name}",
                        say(N_("not a whole number: {value}"), value=json.dumps(number)),
                    )
            if not 0 <= start < end:
                raise fail(
                    f"{here}.value",
                    say(N_("span {start}–{end} is empty or reversed"), start=start, end=end),
                )
            first, last = _placed(text, length, points, start, end, value.get("text"))
            if first is None or last is None:
                quote = value.get("text")
                raise fail(
                    f"{here}.value",
                    say(
                        N_(
                            "span {start}–{end} does not hold its text {quote}, counted in code "
                            "points or in UTF-16 code units"
                        ),
                        start=start,
                        end=end,
                        quote=repr(quote),
                    )
                    if isinstance(quote, str)
                    else say(
                        N_("span {start}–{end} is beyond the text's length {count}"),
                        start=start,
                        end=end,
                        count=len(text),
                    ),
                )
            labels = value.get("labels")
            if not isinstance(labels, list):
                raise fail(
                    f"{here}.value.labels",
                    say(N_("expected a list, got {kind}"), kind=json_kind(labels)),
                )
            note = _note(result.get("meta"))
            for m, label in enumerate(labels):
                problem = (
                    label_problem(label) if isinstance(label, str) else "the label is not a string"
                )
                if problem:
                    raise fail(f"{here}.value.labels[{m}]", problem)
                spans.append(Span(label, first, last, annotator, created, updated, note))
    meta = task.get("meta")
    title = next(
        (
            t
            for t in (data.get("title"), meta.get("title") if isinstance(meta, dict) else None)
            if isinstance(t, str) and t.strip()
        ),
        None,
    )
    builder.add(text, title, f"{builder.file} (task {where})", spans)


def _placed(
    text: str, length: int, points: Any, start: int, end: int, quote: Any
) -> tuple[int | None, int | None]:
    """Code point offsets of a span: as given (code points) when they fit the text and
    hold the quote, else read as UTF-16 code units when those do."""
    if end <= len(text) and (not isinstance(quote, str) or text[start:end] == quote):
        return start, end
    if end <= length:
        first, last = points(start), points(end)
        if (first is not None and last is not None) and (
            not isinstance(quote, str) or text[first:last] == quote
        ):
            return first, last
    return None, None


def _user(annotation: Mapping[str, Any]) -> tuple[int | None, str | None]:
    """The Label Studio user (id, email) an annotation names, as far as it says: in
    ``completed_by`` (an id, or the user object) or in the ``created_username`` Label
    Studio writes (``"[first last] email, id"``)."""
    by = annotation.get("completed_by")
    user_id = _whole(by.get("id")) if isinstance(by, dict) else _whole(by)
    email = by.get("email") if isinstance(by, dict) else None
    email = email.strip() if isinstance(email, str) and email.strip() else None
    name = annotation.get("created_username")
    found = _LS_USERNAME.fullmatch(name.strip()) if isinstance(name, str) else None
    if found and (user_id is None or user_id == int(found["id"])):
        user_id, email = int(found["id"]), email or found["email"]
    return user_id, email


def _emails(tasks: list[Any]) -> dict[int, str]:
    """Each user id's email, where any annotation in the file gives it."""
    out: dict[int, str] = {}
    for task in tasks:
        annotations = task.get("annotations") if isinstance(task, dict) else None
        for annotation in annotations if isinstance(annotations, list) else ():
            if isinstance(annotation, dict):
                user_id, email = _user(annotation)
                if user_id is not None and email is not None:
                    out.setdefault(user_id, email)
    return out


def _annotator(annotation: dict[str, Any], emails: Mapping[int, str]) -> str:
    """One name per person whatever the export's shape: a Label Studio user is their
    email when the file gives it anywhere, else ``label-studio user N``; another name in
    ``created_username`` (Annotator's own export) is kept as it is."""
    user_id, email = _user(annotation)
    if user_id is not None:
        return emails.get(user_id) or email or f"{UNKNOWN} user {user_id}"
    if email is not None:
        return email
    name = annotation.get("created_username")
    if isinstance(name, str) and name.strip():
        return name.strip()
    by = annotation.get("completed_by")
    if isinstance(by, str) and by.strip():
        return by.strip()
    return UNKNOWN


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _note(meta: Any) -> str | None:
    if not isinstance(meta, dict):
        return None
    text = meta.get("text")
    if isinstance(text, str):
        return text or None
    if isinstance(text, list):
        return "\n".join(t for t in text if isinstance(t, str)) or None
    return None


def _time(value: Any, default: datetime) -> datetime:
    """A time Label Studio wrote (ISO 8601), as naive UTC; ``default`` when unreadable."""
    if not isinstance(value, str):
        return default
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # not a time, or beyond year 1 or 9999 in UTC
        return default
    return moment
