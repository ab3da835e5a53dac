"""Applying the rules to a text.

Each label's rules and exclusions are compiled into one regular expression, exclusions
first: ``(?P<x0>...)|...|(?P<r0>...)|(?P<r1>...)|...``. One left-to-right scan per label
finds, at each position, the first alternative that matches there; a match of an
exclusion consumes its text (a date, a year, an identifier) so that no rule of the label
can start inside it. A rule's ``prefix`` (an optional qualifier such as "more than") is not
part of that expression: it is looked for backwards from where the rest matched, in text
no earlier match took, so that the optional words do not widen the characters every
position is tried with. Then a label with a ``[yield]`` gives way to the labels it names
(:func:`_give_way`). There is no Python loop over characters: a 1 MB text takes well
under a second (``make bench-suggest``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.messages import N_, message_of, say
from annotator.core.reading import resolved
from annotator.core.spans import Interval, SpanIndex
from annotator.core.suggest.firstchars import first_chars
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.rules import (
    LabelRules,
    Rule,
    RuleError,
    prefixed,
    read_label_rules,
    render_reason,
    rule_files,
    shipped_rules_folder,
    template_groups,
)

__all__ = ["CompiledLabel", "RuleError", "RuleSet", "load_rules", "suggest"]

# Trimmed from both ends of a span: whitespace and clause punctuation. Quotation marks
# are kept (a claim may end with one), except a closing one the span did not open.
_TRIM = " \t\r\n\u00a0,;:"


def _unopened_close(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a closing quotation mark it did not open
    (a span that began inside a quotation: "crime”, it said")."""
    last = text[end - 1]
    if last == "”":
        return text.find("“", start, end) < 0
    return last == '"' and text.count('"', start, end) % 2 == 1


# How far back from a match its rule's prefix is looked for (code points).
PREFIX_REACH = 80


@dataclass(frozen=True)
class CompiledLabel:
    """One label's rules as a single compiled expression."""

    label: str
    rules: tuple[Rule, ...]
    regex: re.Pattern[str]
    files: tuple[str, ...]
    needed: tuple[tuple[str, ...], ...]  # per rule, the groups its reason and boost use
    # per rule, its prefix anchored to end where the match starts, or None
    prefixes: tuple[re.Pattern[str] | None, ...]
    # (rule index, where it applies, its expression) for the rules with ``within``
    scoped: tuple[tuple[int, re.Pattern[str], re.Pattern[str]], ...] = ()
    yields_to: tuple[str, ...] = ()
    keep: re.Pattern[str] | None = None
    trim: re.Pattern[str] | None = None  # anchored at the end of what is left
    joint: re.Pattern[str] | None = None  # anchored where the other span starts


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules for each label; made by :func:`load_rules`."""

    compiled: tuple[CompiledLabel, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the rules cover, in the order their files were read."""
        return tuple(c.label for c in self.compiled if c.rules)

    @property
    def files(self) -> tuple[str, ...]:
        """Every rule file read, in order."""
        return tuple(dict.fromkeys(f for c in self.compiled for f in c.files))

    @property
    def rule_count(self) -> int:
        return sum(len(c.rules) for c in self.compiled)


def load_rules(folders: Sequence[Path] = ()) -> RuleSet:
    """The shipped rules (``resources/suggest``) plus the ``*.toml`` files in ``folders``.

    Folders are read in order (each one's files by name) after the shipped folder; a
    folder that does not exist is skipped. Raises :class:`RuleError` (a ``ValueError``)
    naming the file and the problem when a file cannot be used.
    """
    shipped = shipped_rules_folder()
    try:
        extra = [Path(f) for f in folders if resolved(Path(f)) != shipped.resolve()]
    except OSError as exc:  # a loop of symbolic links
        raise RuleError(message_of(exc)) from None
    return compile_rules(rule_files([shipped, *extra]))


def compile_rules(files: Sequence[Path]) -> RuleSet:
    """A :class:`RuleSet` from exactly ``files`` (no shipped rules added). The same files
    with the same contents give the same (immutable) set, compiled once a process."""
    try:
        key = tuple((str(f), Path(f).read_bytes()) for f in files)
    except OSError:  # read_label_rules names the file and the problem
        key = None
    if key is not None and key in _COMPILED:
        return _COMPILED[key]
    rules = RuleSet(tuple(_compile_label(lr) for lr in read_label_rules(files)))
    if key is not None:
        if len(_COMPILED) >= 8:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[key] = rules
    return rules


_COMPILED: dict[tuple[tuple[str, bytes], ...], RuleSet] = {}


def _compile_label(lr: LabelRules, guards: bool = True) -> CompiledLabel:
    """One expression for the label; ``guards=False`` leaves out the per-alternative
    first-character guards (same matches, slower: kept to test that they change nothing)."""
    parts = [f"(?P<x{i}>{prefixed(x.pattern, f'x{i}_')})" for i, x in enumerate(lr.excludes)]
    parts += [
        f"(?P<r{i}>{prefixed(r.pattern, f'r{i}_')})"
        for i, r in enumerate(lr.rules)
        if r.within is None
    ]
    if guards:
        guarded = [_guarded(part) for part in parts]
        parts = [part for part, _first in guarded]
        # The union's first characters are its alternatives' (parsing it again took most
        # of the time rules take to compile).
        classes = [first for _part, first in guarded if first is not None]
        whole = bool(parts) and len(classes) == len(parts)
        first = "[" + "".join(c[1:-1] for c in classes) + "]" if whole else None
    try:
        # A match never starts inside a word, and only with a character some rule can
        # start with: the guards skip most positions at once (and each alternative has
        # its own guard, so that most alternatives are not entered).
        body = "|".join(parts) or "(?!)"
        if not guards:
            first = first_chars(body, re.MULTILINE)
        guard = "" if first is None else f"(?={first})"
        regex = re.compile(rf"(?<!\w){guard}(?:{body})", re.MULTILINE)
    except re.error as exc:  # each part compiled alone; only their union can fail here
        raise RuleError(
            say(
                N_("{items}: rules of {label} do not combine: {exc}"),
                items=", ".join(lr.files),
                label=repr(lr.label),
                exc=message_of(exc),
            )
        ) from None
    needed = tuple(
        tuple(dict.fromkeys([*template_groups(r.reason), *(g for g, _ in r.boost)]))
        for r in lr.rules
    )
    prefixes = tuple(
        None if r.prefix is None else re.compile(rf"(?<!\w)(?:{r.prefix})\Z", re.MULTILINE)
        for r in lr.rules
    )
    # Rules that apply only within regions: each its own expression, and its region's.
    scoped = tuple(
        (
            i,
            re.compile(r.within, re.MULTILINE),
            re.compile(rf"(?<!\w)(?P<r{i}>{prefixed(r.pattern, f'r{i}_')})", re.MULTILINE),
        )
        for i, r in enumerate(lr.rules)
        if r.within is not None
    )
    y = lr.yields
    return CompiledLabel(
        lr.label,
        lr.rules,
        regex,
        lr.files,
        needed,
        prefixes,
        scoped=scoped,
        yields_to=() if y is None else y.to,
        keep=None if y is None or y.keep is None else re.compile(y.keep, re.MULTILINE),
        trim=None if y is None or y.trim is None else re.compile(rf"(?:{y.trim})\Z", re.MULTILINE),
        joint=None
        if y is None or y.joint is None
        else re.compile(rf"(?:{y.joint})\Z", re.MULTILINE),
    )


def _guarded(part: str) -> tuple[str, str | None]:
    """``part`` behind a look-ahead on the characters it can start with (an alternative
    that cannot match at a position is skipped there without entering it), and that
    character class (None: any character)."""
    first = first_chars(part, re.MULTILINE)
    return (part if first is None else f"(?={first}){part}"), first


def suggest(
    text: str,
    rules: RuleSet,
    labels: Iterable[str] | None = None,
    *,
    scan_from: int = 0,
    areas: Areas | None = None,
) -> list[Suggestion]:
    """Suggestions for ``text``, sorted by (start, end, label), one per (label, span).

    Offsets are code points, end exclusive. ``labels`` limits the labels looked for.
    ``scan_from`` and ``areas`` are for a piece of a longer text
    (:mod:`annotator.core.suggest.pieces`): the rules are looked for from ``scan_from``
    on (what comes before it is only looked back at), and ``areas`` adds, per region
    pattern of the rules with ``within``, regions found in earlier pieces; the regions
    found here that reach the end of ``text`` are added to it.
    """
    wanted = None if labels is None else set(labels)
    needed = wanted
    if wanted is not None:  # the labels those asked for give way to are needed too
        needed = wanted | {t for c in rules.compiled if c.label in wanted for t in c.yields_to}
    # One compiled label per label (files of a label are merged): one suggestion a span.
    per_label = {
        c.label: _one_per_span(_label_suggestions(text, c, scan_from, areas))
        for c in rules.compiled
        if needed is None or c.label in needed
    }
    out: list[Suggestion] = []
    for compiled in rules.compiled:
        if compiled.label not in per_label or (wanted is not None and compiled.label not in wanted):
            continue
        mine = per_label[compiled.label]
        if compiled.yields_to:
            others = SpanIndex(
                Interval(s.start, s.end, (label, s.start, s.end))
                for label in compiled.yields_to
                for s in per_label.get(label, ())
            )
            mine = _give_way(text, mine, others, compiled)
        out += mine
    return sorted(out, key=lambda s: (s.start, s.end, s.label))


def _one_per_span(found: Iterable[Suggestion]) -> list[Suggestion]:
    """``found`` with one suggestion per span: the first made there."""
    first: dict[tuple[int, int], Suggestion] = {}
    for s in found:
        first.setdefault((s.start, s.end), s)
    return list(first.values())


def _give_way(
    text: str, mine: list[Suggestion], others: SpanIndex, compiled: CompiledLabel
) -> list[Suggestion]:
    """``mine`` after giving way to ``others`` (the spans of the labels named in the
    label's ``[yield]``), as :class:`annotator.core.suggest.rules.Yield` says."""
    kept = []
    for s in mine:
        start, end = s.start, s.end
        hits = others.overlapping(start, end)
        if hits:
            o_start, o_end = min((h.start, h.end) for h in hits)  # the first it runs into
            if o_start <= start or (
                compiled.keep is not None and not compiled.keep.search(text, start, o_start)
            ):
                continue  # nothing of its own before the other label's span
            joint = compiled.joint
            if o_end >= end and (joint is None or joint.search(text, start, o_start)):
                end = _trimmed(text, start, o_start, compiled.trim)
                if end <= start:
                    continue
                s = s._replace(end=end)
        kept.append(s)
    return kept


def _trimmed(text: str, start: int, end: int, trim: re.Pattern[str] | None) -> int:
    """Where a span cut at ``end`` ends: less ``trim`` at its end, spaces and clause
    punctuation, and a closing quotation mark it did not open."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if trim is not None:
        m = trim.search(text, start, end)
        if m is not None:
            end = m.start()
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end > start and _unopened_close(text, start, end):
        end -= 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
    return end


# Per region pattern (of a rule's ``within``), regions as (start, end) (see suggest).
Areas = dict[str, list[tuple[int, int]]]


def _label_suggestions(
    text: str, compiled: CompiledLabel, scan_from: int = 0, carried: Areas | None = None
) -> Iterable[Suggestion]:
    taken = scan_from  # where the previous match (of a rule or an exclusion) ended
    main: list[Suggestion] = []
    fallback: list[Suggestion] = []  # made by ``unclaimed`` rules
    for m in compiled.regex.finditer(text, scan_from):
        which = m.lastgroup
        previous, taken = taken, m.end()
        if which is None or which[0] != "r":
            continue  # an exclusion
        index = int(which[1:])
        found = _made(text, compiled, m, index, previous)
        if found is not None:
            (fallback if compiled.rules[index].unclaimed else main).append(found)
    yield from main
    if not fallback and not compiled.scoped:
        return
    taken_spans = SpanIndex(Interval(s.start, s.end, i) for i, s in enumerate(main))
    for s in fallback:
        if not taken_spans.any_in(*sentence_around(text, s.start, s.end)):
            yield s
    # Rules applying within regions, where none of the label's other rules matched.
    areas: dict[str, list[tuple[int, int]]] = {}  # rules sharing a region find it once
    for index, region, regex in compiled.scoped:
        attributed = compiled.rules[index].attributed
        if region.pattern not in areas:
            found = [_region(area) for area in region.finditer(text, scan_from)]
            if carried is not None:
                earlier = carried.setdefault(region.pattern, [])
                # those of earlier pieces first, those found here that reach its end kept
                found = [*earlier, *found]
                earlier += [area for area in found[len(earlier) :] if area[1] == len(text)]
            areas[region.pattern] = found
        for a_start, a_end in areas[region.pattern]:
            if attributed and not taken_spans.any_in(a_start, a_end):
                continue
            for m in regex.finditer(text, a_start, a_end):
                found = _made(text, compiled, m, index, a_start)
                if found is not None and not taken_spans.any_in(found.start, found.end):
                    yield found


# Where a sentence ends: a full stop, question or exclamation mark (and closing quotation
# marks or brackets) before a space, or a line end.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s)|\n")
SENTENCE_REACH = 1000  # how far back a sentence's start is looked for (code points)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: from just after the last sentence end
    before ``start`` (at most :data:`SENTENCE_REACH` back) to the first one from ``end``
    on, end included. A rough cut: "Mr." ends a sentence here."""
    after = _SENTENCE_END.search(text, end)
    stop = len(text) if after is None else after.end()
    begin = max(0, start - SENTENCE_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, begin, start)]
    return (ends[-1] if ends else begin), stop


def _region(m: re.Match[str]) -> tuple[int, int]:
    """The region a ``within`` match gives: its group named ``area…`` that took part
    (``area``, ``area2``…: alternatives each name their own), else the whole match."""
    for name in m.re.groupindex:
        if name.startswith("area") and m.start(name) >= 0:
            return m.span(name)
    return m.span()


def _made(
    text: str, compiled: CompiledLabel, m: re.Match[str], index: int, previous: int
) -> Suggestion | None:
    """The suggestion rule ``index`` makes of match ``m`` (None if nothing is left of it
    once trimmed); ``previous`` is where the text its prefix may take in begins."""
    label = compiled.label
    known = m.re.groupindex  # a prefix's groups are not in it
    rule = compiled.rules[index]
    prefix = f"r{index}_"
    groups = {
        name: m.group(prefix + name) if prefix + name in known else None
        for name in compiled.needed[index]
    }
    if rule.span is not None:
        start, end = m.span(prefix + rule.span)
        if start < 0:
            return None
    else:
        start, end = m.span()
    before = compiled.prefixes[index]
    if before is not None and start > previous:
        found = before.search(text, max(previous, start - PREFIX_REACH), start)
        if found is not None:
            start = found.start()
            for name, value in found.groupdict().items():
                if name in groups:
                    groups[name] = value
    while start < end and text[start] in _TRIM:
        start += 1
    end = _trimmed(text, start, end, None)
    if start >= end:
        return None
    confidence = rule.confidence + sum(a for g, a in rule.boost if groups.get(g))
    confidence = round(min(1.0, max(0.01, confidence)), 3)
    return Suggestion(
        label,
        start,
        end,
        confidence,
        render_reason(rule.reason, groups),
        f"{label}:{rule.name}",
    )
