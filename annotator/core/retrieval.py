"""Retrieving coded passages across the corpus: annotations as key-word-in-context rows,
chosen by a query whose kinds of filter all hold (values of one kind are alternatives).

Offsets are code points; ``left`` is up to ``context`` code points before the span (fewer at
the start of a text), ``right`` up to ``context`` after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple

from annotator.core.choices import CONTEXT
from annotator.core.filters import ExportFilter
from annotator.core.messages import N_, message_of, say
from annotator.core.model import Annotation, AttributeValue, Document

PLACES = ("quote", "note", "context", "memo")  # where a text match is looked for
OPERATORS = ("equals", "between", "contains")
_LOOKS_AT_THE_END = re.compile(r"\$|\\[bBZ]|\(\?[=!]")  # $, \b, \B, \Z, look-aheads
_LEADING_BOUNDARY = re.compile(r"^(?:\\[bB])+")  # before a non-empty match: inside it
_PROBES = ("", "a", " ", "a a", "a\n", "1.")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class QueryError(ValueError):
    """A query that cannot be run (a bad regular expression, a malformed filter)."""


@dataclass(frozen=True, slots=True)
class AttributeTest:
    """What an annotation's attribute ``name`` must hold. ``equals``: the value (a number
    compares as a number, ``2000`` equals ``2000.0``; text and booleans as given).
    ``between``: a number from ``value`` to ``upper``, both included, either ``None`` for
    no bound. ``contains``: ``value`` in the attribute's text, case ignored. An annotation
    without the attribute fails every test."""

    name: str
    op: str = "equals"
    value: AttributeValue | None = None
    upper: float | None = None

    def holds(self, have: AttributeValue) -> bool:
        if self.op == "contains":
            return str(self.value or "").casefold() in _as_text(have).casefold()
        if self.op == "between":
            if isinstance(have, bool) or not isinstance(have, int | float):
                return False
            low = self.value
            return (low is None or have >= low) and (self.upper is None or have <= self.upper)  # type: ignore[operator]
        return _equal(have, self.value)


@dataclass(frozen=True, slots=True)
class Query:
    """``attributes``: tests that must all hold. ``match``: a regular expression (or with
    ``regex`` off a plain text whose case is ignored) searched in the places named by
    ``match_in``: ``quote`` the span's text; ``context`` the whole line a row shows, from
    ``context`` code points before the span to as many after it; ``note`` the note. The
    quote and the context are stretches of the document searched in place (Python's
    ``pattern.search(text, start, end)``): ``\\b`` and look-behinds see the text before a
    stretch, and its end counts as the end of the text.
    ``documents``: ids or title patterns, as exports take them; ``authors``: texts an
    author must contain (case ignored). ``since`` and ``until``: ISO dates (or their start:
    ``2024``, ``2024-02``) that a document's publication date must not be before or after;
    a document without one is left out by either. ``done``: only documents marked done
    (``True``) or not (``False``).
    ``ids``: only these annotations. ``memo`` in ``match_in`` has :func:`search_memos`
    look in the memos too."""

    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    attributes: tuple[AttributeTest, ...] = ()
    match: str | None = None
    regex: bool = True
    match_in: tuple[str, ...] = PLACES
    documents: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    done: bool | None = None
    ids: frozenset[str] | None = None
    context: int = CONTEXT


class Hit(NamedTuple):
    """One retrieved annotation; its quote and ``context`` code points of text each side
    are sliced from the document when asked for (a query keeps a hundred thousand hits
    cheaply; a table shows a screenful)."""

    document: Document
    annotation: Annotation
    context: int = CONTEXT

    @property
    def quote(self) -> str:
        return self.document.text[self.annotation.start : self.annotation.end]

    @property
    def left(self) -> str:
        start = self.annotation.start
        return self.document.text[max(0, start - self.context) : start]

    @property
    def right(self) -> str:
        end = self.annotation.end
        return self.document.text[end : end + self.context]


class MemoHit(NamedTuple):
    """One place a memo holds a query's match: ``memo[start:end]``, with up to ``context``
    code points of the memo each side."""

    document: Document | None  # None: the project's memo
    memo: str
    start: int
    end: int
    context: int = CONTEXT

    @property
    def quote(self) -> str:
        return self.memo[self.start : self.end]

    @property
    def left(self) -> str:
        return self.memo[max(0, self.start - self.context) : self.start]

    @property
    def right(self) -> str:
        return self.memo[self.end : self.end + self.context]


def _as_text(value: AttributeValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(raw: str, what: str) -> float | None:
    if not raw.strip():
        return None
    try:
        return float(raw)
    except ValueError:
        raise QueryError(
            say(N_("{what}: {raw} is not a number"), what=what, raw=repr(raw))
        ) from None


def parse_attribute(text: str) -> AttributeTest:
    """A filter as typed: ``NAME=VALUE`` equals (a value that reads as a number is a
    number, ``true`` and ``false`` are booleans, anything else is text); ``NAME=LOW..HIGH``
    a number within (either bound may be left out); ``NAME~TEXT`` contains, case ignored."""
    eq, tilde = text.find("="), text.find("~")
    if tilde != -1 and (eq == -1 or tilde < eq):
        name, raw = text[:tilde], text[tilde + 1 :]
        if not name.strip():
            raise QueryError(
                say(N_("{text}: an attribute filter is NAME=VALUE or NAME~TEXT"), text=repr(text))
            )
        return AttributeTest(name.strip(), "contains", raw)
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise QueryError(
            say(N_("{text}: an attribute filter is NAME=VALUE or NAME~TEXT"), text=repr(text))
        )
    if ".." in raw:
        low, _dots, high = raw.partition("..")
        lower, upper = _number(low, text), _number(high, text)
        return AttributeTest(name.strip(), "between", lower, upper)
    value: AttributeValue = raw
    if raw in ("true", "false"):
        value = raw == "true"
    else:
        try:
            value = float(raw) if any(c in raw for c in ".eE") else int(raw)
        except ValueError:
            value = raw
    return AttributeTest(name.strip(), "equals", value)


def check_date(text: str, what: str) -> str:
    """``text`` if it is an ISO date or its start (``2024``, ``2024-02``, ``2024-02-22``)."""
    if not _DATE.fullmatch(text):
        raise QueryError(
            say(
                N_("{what} {text}: a date is YYYY, YYYY-MM or YYYY-MM-DD"),
                what=what,
                text=repr(text),
            )
        )
    return text


def _equal(have: AttributeValue, want: AttributeValue | None) -> bool:
    if isinstance(have, bool) or isinstance(want, bool):
        return have is want
    if isinstance(have, int | float) and isinstance(want, int | float):
        return float(have) == float(want)
    return have == want


def compile_match(query: Query) -> re.Pattern[str] | None:
    """The query's text match as a pattern; a bad regular expression raises QueryError."""
    if not query.match:
        return None
    if not query.regex:
        return re.compile(re.escape(query.match), re.IGNORECASE)
    try:
        return re.compile(query.match)
    except re.error as exc:
        raise QueryError(
            say(
                N_("{match} is not a regular expression: {exc}"),
                match=repr(query.match),
                exc=message_of(exc),
            )
        ) from None


def text_order(ann: Annotation) -> tuple[int, int, str, str]:
    """The order hits come in within a document: by start, end, label and id."""
    return (ann.start, ann.end, ann.label, ann.id)


def retrieve(
    corpus: Iterable[tuple[Document, Sequence[Annotation]]],
    query: Query,
    *,
    done: Collection[str] | None = None,
    ordered: bool = False,
) -> list[Hit]:
    """The annotations of ``corpus`` (documents and their annotations) that ``query``
    keeps, with their context, in document order and then text order. ``done``: the ids of
    the documents marked done (needed when the query asks about it). ``ordered``: each
    document's annotations come sorted already (by start, end, label and id)."""
    pattern = compile_match(query) if query.regex else None
    needle = query.match.casefold() if query.match and not query.regex else None
    plain = needle or ""
    width_of_plain = len(plain)
    matching = pattern is not None or needle is not None
    prefilter = pattern is not None and _starts_tell(pattern)
    if query.context < 0:
        raise QueryError(say(N_("the context is a number of characters, 0 or more")))
    if query.done is not None and done is None:
        raise ValueError(say(N_("a query about done documents needs the done ones")))
    for date, what in ((query.since, "since"), (query.until, "until")):
        if date is not None:
            check_date(date, what)
    choose = ExportFilter(documents=query.documents)
    labels, annotators = set(query.labels), set(query.annotators)
    authors = [a.casefold() for a in query.authors]
    in_quote, in_note = "quote" in query.match_in, "note" in query.match_in
    in_context = "context" in query.match_in
    in_text = in_quote or in_context
    ids, tests, width = query.ids, query.attributes, query.context
    out: list[Hit] = []
    append, make = out.append, tuple.__new__
    for document, spans in corpus:
        if query.documents and not choose.keeps_document(document):
            continue
        if not _published_within(document, query):
            continue
        if authors and not any(a in (document.author or "").casefold() for a in authors):
            continue
        if done is not None and query.done is not None and (document.id in done) != query.done:
            continue
        text = document.text
        found_at = _occurrences(text, needle, 2 * len(spans) + 16) if needle else None
        # The whole text's matches answer most stretches without a search of their own.
        starts = None
        if pattern is not None and prefilter:
            starts = _match_starts(pattern, text, 2 * len(spans) + 16)
        for ann in spans if ordered else sorted(spans, key=text_order):
            if ann.orphaned:
                continue
            if (labels and ann.label not in labels) or (
                annotators and ann.annotator not in annotators
            ):
                continue
            if ids is not None and ann.id not in ids:
                continue
            if tests:
                have = dict(ann.attributes)
                if not all(t.name in have and t.holds(have[t.name]) for t in tests):
                    continue
            if matching:
                start, end = ann.start, ann.end
                if in_context:
                    low, high = (start - width if start > width else 0), end + width
                else:
                    low, high = start, end
                if not in_text:
                    found = False
                elif pattern is not None:
                    found = _stretch_holds(pattern, text, low, high, starts)
                elif found_at is None:
                    found = plain in text[low:high].casefold()
                else:  # the first occurrence from the stretch's start on, inside it?
                    i = bisect_left(found_at, low)
                    found = i < len(found_at) and found_at[i] + width_of_plain <= high
                if not found and in_note and ann.note:
                    note = ann.note
                    found = bool(
                        pattern.search(note) if pattern is not None else plain in note.casefold()
                    )
                if not found:
                    continue
            append(make(Hit, (document, ann, width)))  # Hit(...) without its checks
    return out


def search_memos(
    memos: Mapping[str | None, str],
    documents: Iterable[Document],
    query: Query,
    *,
    done: Collection[str] | None = None,
) -> list[MemoHit]:
    """Every match of the query's text in the memos (``memos``: a document's id, or None
    for the project, to its memo): the project's first, then the documents' in the order
    of ``documents``. Only a query with a text to match and ``memo`` among its places
    looks; one about labels, annotators, attributes or annotation ids finds none (a memo
    has none of them), and one about documents leaves the project's memo out."""
    pattern = compile_match(query)
    if pattern is None or "memo" not in query.match_in:
        return []
    if query.done is not None and done is None:
        raise ValueError(say(N_("a query about done documents needs the done ones")))
    if query.labels or query.annotators or query.attributes or query.ids is not None:
        return []
    about_documents = bool(
        query.documents or query.authors or query.since or query.until or query.done is not None
    )
    chosen: list[tuple[Document | None, str]] = []
    if not about_documents and memos.get(None):
        chosen.append((None, memos[None]))
    choose = ExportFilter(documents=query.documents)
    for document in documents:
        memo = memos.get(document.id)
        if not memo or (query.documents and not choose.keeps_document(document)):
            continue
        if not _published_within(document, query):
            continue
        author = (document.author or "").casefold()
        if query.authors and not any(a.casefold() in author for a in query.authors):
            continue
        if done is not None and query.done is not None and (document.id in done) != query.done:
            continue
        chosen.append((document, memo))
    return [
        MemoHit(document, memo, found.start(), found.end(), query.context)
        for document, memo in chosen
        for found in pattern.finditer(memo)
        if found.end() > found.start()
    ]


def _occurrences(text: str, needle: str, most: int) -> list[int] | None:
    """Where ``needle`` begins in ``text`` with case ignored, overlaps included; ``None``
    when ignoring case changes the text's length (offsets would not line up) or there are
    more than ``most``."""
    folded = text.casefold()
    if len(folded) != len(text):
        return None
    out: list[int] = []
    at = folded.find(needle)
    while at != -1:
        if len(out) == most:
            return None
        out.append(at)
        at = folded.find(needle, at + 1)
    return out


def _starts_tell(pattern: re.Pattern[str]) -> bool:
    """Whether a stretch's match of ``pattern`` always begins where a match of the whole
    text begins: the pattern never matches an empty string (a probe of a few texts), and
    nothing in it but a leading ``\\b`` or ``\\B`` looks at the text around."""
    if any(m.end() == m.start() for probe in _PROBES for m in pattern.finditer(probe)):
        return False
    return not _LOOKS_AT_THE_END.search(_LEADING_BOUNDARY.sub("", pattern.pattern, count=1))


Matches = tuple[list[int], list[int]]  # where matches of the whole text begin and end


def _match_starts(pattern: re.Pattern[str], text: str, most: int) -> Matches | None:
    """Every position where ``pattern`` matches ``text`` (matches may overlap), with where
    the match found there ends; ``None`` if there are more than ``most`` (searching every
    stretch costs less then)."""
    starts: list[int] = []
    ends: list[int] = []
    found = pattern.search(text)
    while found is not None:
        if len(starts) == most:
            return None
        starts.append(found.start())
        ends.append(found.end())
        found = pattern.search(text, found.start() + 1)
    return starts, ends


def _stretch_holds(
    pattern: re.Pattern[str], text: str, low: int, high: int, matches: Matches | None
) -> bool:
    """``pattern.search(text, low, high)``, answered from the whole text's ``matches``
    where they tell (see :func:`_starts_tell`): no match beginning in the stretch, no
    match; the first one there ending in it too, a match."""
    if matches is not None:
        starts, ends = matches
        i = bisect_left(starts, low)
        if i == len(starts) or starts[i] > high:
            return False
        if ends[i] <= high:
            return True
    return pattern.search(text, low, high) is not None


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


def query_to_dict(query: Query) -> dict[str, Any]:
    """The query as JSON-ready data (a saved query), only what differs from the defaults."""
    default = Query()
    out: dict[str, Any] = {}
    for f in fields(Query):
        value = getattr(query, f.name)
        if value == getattr(default, f.name):
            continue
        if f.name == "attributes":
            value = [asdict(t) for t in value]
        elif isinstance(value, tuple | frozenset):
            value = sorted(value) if isinstance(value, frozenset) else list(value)
        out[f.name] = value
    return out


def query_from_dict(data: dict[str, Any]) -> Query:
    """A query from :func:`query_to_dict`'s data; unknown keys are ignored (a newer
    Annotator's saved query still opens), malformed values raise QueryError."""
    try:
        kwargs: dict[str, Any] = {}
        for f in fields(Query):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "attributes":
                value = tuple(AttributeTest(**t) for t in value)
            elif f.name == "ids":
                value = frozenset(value)
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
        return Query(**kwargs)
    except (TypeError, ValueError) as exc:
        raise QueryError(
            say(N_("a saved query that cannot be read: {exc}"), exc=message_of(exc))
        ) from None
