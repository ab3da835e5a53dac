"""Retrieving coded passages across the corpus: annotations as key-word-in-context rows,
chosen by a query whose kinds of filter all hold (values of one kind are alternatives).

Offsets are code points; ``left`` is up to ``context`` code points before the span (fewer at
the start of a text), ``right`` up to ``context`` after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.filters import ExportFilter
from annotator.core.model import Annotation, AttributeValue, Document

CONTEXT = 60  # code points each side, unless asked otherwise


class QueryError(ValueError):
    """A query that cannot be run (a bad regular expression, a malformed filter)."""


@dataclass(frozen=True, slots=True)
class Query:
    """``attributes``: (name, value) pairs an annotation's attribute must equal (a number
    compares as a number: ``2000`` equals ``2000.0``; text and booleans as given).
    ``match``: a regular expression searched in the quote, the note and the context.
    ``documents``: ids or title patterns, as exports take them. ``since`` and ``until``:
    ISO dates (or their start: ``2024``, ``2024-02``) that a document's publication date
    must not be before or after; a document without one is left out by either."""

    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    attributes: tuple[tuple[str, AttributeValue], ...] = ()
    match: str | None = None
    documents: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    context: int = CONTEXT


@dataclass(frozen=True, slots=True)
class Hit:
    """One retrieved annotation and its surroundings."""

    document: Document
    annotation: Annotation
    quote: str
    left: str
    right: str


def parse_attribute(text: str) -> tuple[str, AttributeValue]:
    """``NAME=VALUE`` as a filter: a value that reads as a number is a number, ``true`` and
    ``false`` are booleans, anything else is text."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise QueryError(f"{text!r}: an attribute filter is NAME=VALUE")
    value: AttributeValue = raw
    if raw in ("true", "false"):
        value = raw == "true"
    else:
        try:
            value = float(raw) if any(c in raw for c in ".eE") else int(raw)
        except ValueError:
            value = raw
    return name.strip(), value


def _equal(have: AttributeValue, want: AttributeValue) -> bool:
    if isinstance(have, bool) or isinstance(want, bool):
        return have is want
    if isinstance(have, int | float) and isinstance(want, int | float):
        return float(have) == float(want)
    return have == want


def retrieve(corpus: Iterable[tuple[Document, Sequence[Annotation]]], query: Query) -> list[Hit]:
    """The annotations of ``corpus`` (documents and their annotations) that ``query``
    keeps, with their context, in document order and then text order."""
    try:
        pattern = re.compile(query.match) if query.match else None
    except re.error as exc:
        raise QueryError(f"--match {query.match!r}: {exc}") from None
    if query.context < 0:
        raise QueryError("the context is a number of characters, 0 or more")
    choose = ExportFilter(documents=query.documents)
    labels, annotators = set(query.labels), set(query.annotators)
    out: list[Hit] = []
    for document, spans in corpus:
        if not choose.keeps_document(document) or not _published_within(document, query):
            continue
        text, width = document.text, query.context
        for ann in sorted(spans, key=lambda a: (a.start, a.end, a.label, a.id)):
            if ann.orphaned:
                continue
            if (labels and ann.label not in labels) or (
                annotators and ann.annotator not in annotators
            ):
                continue
            if query.attributes:
                have = dict(ann.attributes)
                if not all(
                    name in have and _equal(have[name], want) for name, want in query.attributes
                ):
                    continue
            hit = Hit(
                document,
                ann,
                text[ann.start : ann.end],
                text[max(0, ann.start - width) : ann.start],
                text[ann.end : ann.end + width],
            )
            if pattern is not None and not any(
                pattern.search(part) for part in (hit.quote, ann.note or "", hit.left, hit.right)
            ):
                continue
            out.append(hit)
    return out


def _published_within(document: Document, query: Query) -> bool:
    if query.since is None and query.until is None:
        return True
    published = document.published
    if not published:
        return False
    if query.since is not None and published < query.since:
        return False
    # "2024" or "2024-02" as an end takes in the whole year or month.
    return query.until is None or published[: len(query.until)] <= query.until
