"""Suggestions for stored documents: what ``annotator suggest`` and the window share.

Which rule files are read, which documents and labels are asked for, what is still open
(not annotated, not rejected, not of a rule switched off), the phrases tagged by hand
suggested elsewhere, applying suggestions as annotations, and each rule's record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.app.preferences import user_rules_folder
from annotator.app.resources import data_dir
from annotator.app.workspace import Workspace
from annotator.core.filters import ExportFilter
from annotator.core.history import Step
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, Document
from annotator.core.suggest import (
    RuleError,
    RuleSet,
    Suggestion,
    accepted_together,
    as_annotation,
    load_rules,
    pending,
    suggest,
)
from annotator.core.suggest.learned import (
    combine,
    compile_phrases,
    is_learned,
    learned,
    learned_rule,
    without_rules,
)

if TYPE_CHECKING:
    from annotator.store import Store


class SuggestInputError(ValueError):
    """A document pattern or label that matches nothing: a message for the user."""


SUGGEST_ERRORS: tuple[type[Exception], ...] = (SuggestInputError, RuleError)


def rule_folders(extra: Sequence[Path] = ()) -> list[Path]:
    """Where rule files are read from, in order: the shipped rules, the user's own
    (``suggest/`` in Annotator's config folder, if it exists), then ``extra``."""
    folders = [data_dir("resources") / "suggest"]
    mine = user_rules_folder()
    if mine.is_dir():
        folders.append(mine)
    folders.extend(extra)
    return folders


@dataclass(frozen=True)
class Found:
    """A document's open suggestions."""

    document: Document
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class SuggestOptions:
    documents: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    include_done: bool = False  # annotated or rejected ones too
    learn: bool = True  # phrases tagged by hand suggested elsewhere too


def find(store: Store, options: SuggestOptions, rules: RuleSet | None = None) -> list[Found]:
    """Open suggestions for the chosen documents (newest versions), in document order:
    the rules' and, with ``options.learn``, every other occurrence of a phrase tagged by
    hand (:mod:`annotator.core.suggest.learned`), without those of rules switched off.

    Raises :class:`SuggestInputError` for a document pattern matching nothing or a label
    the rules do not cover, and ``annotator.core.suggest.RuleError`` for a bad rule file.
    """
    rules = rules if rules is not None else load_rules(rule_folders(options.rules))
    phrases = (
        compile_phrases(chain.from_iterable(store.hand_tagged().values()))
        if options.learn
        else None
    )
    covered = list(rules.labels)
    if phrases is not None:
        covered += sorted(phrases.label_names)
    for label in options.labels:
        if label not in covered:
            raise SuggestInputError(
                say(
                    N_(
                        "no rules for label {label} and no phrase of it tagged by hand; the "
                        "rules cover: {items}"
                    ),
                    label=repr(label),
                    items=", ".join(rules.labels),
                )
            )
    off = store.rules_off()
    summaries = store.documents()
    for pattern in options.documents:
        if not any(ExportFilter(documents=(pattern,)).keeps_document(d) for d in summaries):
            raise SuggestInputError(
                say(
                    N_(
                        "no document matches {pattern} (give a document id, or a title or part "
                        "of one; * and ? are wildcards)"
                    ),
                    pattern=repr(pattern),
                )
            )
    wanted = ExportFilter(documents=options.documents)
    labels = options.labels or None
    out = []
    for summary in summaries:
        if not wanted.keeps_document(summary):
            continue
        document = store.document(summary.id)
        found = suggest(document.text, rules, labels)
        if phrases is not None:
            mine = learned(document.text, phrases)
            found = combine(found, [s for s in mine if labels is None or s.label in labels])
        found = without_rules(found, off)
        if not options.include_done:
            found = pending(
                found, store.annotations(document.id), store.rejected_suggestions(document.id)
            )
        out.append(Found(document, tuple(found)))
    return out


def accepted(
    document_id: str, suggestions: Iterable[Suggestion], annotator: str, moment: datetime
) -> tuple[Annotation, ...]:
    """The annotations that accepting all of ``suggestions`` of one document makes, by
    ``annotator`` with source "suggested" and the rule: where two of a label overlap, only
    what :func:`accepted_together` keeps. The window's "accept all" and ``annotator
    suggest --apply`` both store these."""
    return tuple(
        as_annotation(s, document_id, annotator, moment) for s in accepted_together(suggestions)
    )


def apply(workspace: Workspace, found: Sequence[Found]) -> list[Annotation]:
    """Accept the suggestions in ``found`` whose label the database has, as the
    workspace's annotator, in one transaction and one undo step (:func:`accepted`)."""
    from annotator.store.rows import now_utc

    known = {label.name for label in workspace.store.labels()}
    moment = now_utc()
    made = [
        annotation
        for item in found
        for annotation in accepted(
            item.document.id,
            (s for s in item.suggestions if s.label in known),
            workspace.annotator,
            moment,
        )
    ]
    workspace.apply(Step(say(N_("accept {n} suggestions"), n=len(made)), added=tuple(made)))
    return made


def as_json(found: Sequence[Found]) -> list[dict[str, Any]]:
    """One object per suggestion: document, label, span (code points), quote, confidence,
    reason and rule."""
    return [
        {
            "document_id": item.document.id,
            "document_title": item.document.title,
            "label": s.label,
            "start": s.start,
            "end": s.end,
            "quote": item.document.text[s.start : s.end],
            "confidence": round(s.confidence, 3),
            "reason": s.reason,
            "rule": s.rule,
        }
        for item in found
        for s in item.suggestions
    ]


def render_json(found: Sequence[Found]) -> str:
    return json.dumps(as_json(found), ensure_ascii=False, indent=2) + "\n"


def render_table(found: Sequence[Found], width: int = 60) -> str:
    """A table per document: label, span, confidence, quote (shortened) and reason."""
    lines: list[str] = []
    for item in found:
        lines.append(f"{item.document.title} ({len(item.suggestions)} suggestion(s))")
        for s in item.suggestions:
            quote = " ".join(item.document.text[s.start : s.end].split())
            if len(quote) > width:
                quote = quote[: width - 1] + "…"
            lines.append(
                f"  {s.label:<10} {s.start:>7}–{s.end:<7} {s.confidence:4.2f}  “{quote}”  "
                f"({s.reason})"
            )
        lines.append("")
    return "\n".join(lines) if lines else "no documents\n"


# -- each rule's record, and switching rules off ----------------------------------------


@dataclass(frozen=True)
class RuleRecord:
    """A rule's record in a database: suggestions accepted and rejected, and whether it
    is switched off."""

    rule: str
    accepted: int
    rejected: int
    off: bool


def known_rules(store: Store, rules: RuleSet) -> set[str]:
    """Every rule name that can make suggestions here: the rule files' and the learned
    phrases' of each label of the database."""
    names = {f"{c.label}:{r.name}" for c in rules.compiled for r in c.rules}
    names.update(learned_rule(label.name) for label in store.labels())
    return names


def switch_rules(
    workspace: Workspace, off: Sequence[str], on: Sequence[str], rules: RuleSet | None = None
) -> None:
    """Switch rules off or on in the database (remembered), one undo step. Raises
    :class:`SuggestInputError`, changing nothing, for a name that is no rule here."""
    store = workspace.store
    rules = rules if rules is not None else load_rules(rule_folders())
    known = known_rules(store, rules) | store.rules_off() | set(store.rule_records())
    for name in (*off, *on):
        if name not in known:
            raise SuggestInputError(
                say(
                    N_(
                        "no rule {name} (a rule is named LABEL:RULE, as suggestions show it; "
                        "see --rules-report)"
                    ),
                    name=repr(name),
                )
            )
    workspace.apply(Step(say(N_("switch rules")), rules_off=tuple(off), rules_on=tuple(on)))


def rules_report(store: Store) -> list[RuleRecord]:
    """One row per rule that has a record in the database or is switched off, by name."""
    records = store.rule_records()
    off = store.rules_off()
    return [
        RuleRecord(name, *records.get(name, (0, 0)), name in off)
        for name in sorted(set(records) | off)
    ]


def record_text(accepted: int, rejected: int) -> str:
    """How a rule's record reads in the window and the report."""
    return f"accepted {accepted}, rejected {rejected} in this database"


def render_report_json(report: Sequence[RuleRecord]) -> str:
    rows = [
        {
            "rule": r.rule,
            "accepted": r.accepted,
            "rejected": r.rejected,
            "off": r.off,
            "learned": is_learned(r.rule),
        }
        for r in report
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def render_report_table(report: Sequence[RuleRecord]) -> str:
    """Rule, accepted, rejected, the share accepted and whether it is switched off."""
    if not report:
        return "no rule has a record in this database yet\n"
    width = max(len("rule"), *(len(r.rule) for r in report))
    lines = [f"{'rule':<{width}}  {'accepted':>8}  {'rejected':>8}  {'accepted %':>10}  state"]
    for r in report:
        done = r.accepted + r.rejected
        share = f"{100 * r.accepted / done:.0f}%" if done else "-"
        state = "off" if r.off else "on"
        lines.append(f"{r.rule:<{width}}  {r.accepted:>8}  {r.rejected:>8}  {share:>10}  {state}")
    return "\n".join(lines) + "\n"
