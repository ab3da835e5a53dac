"""Agreement runs from the store, with the filters CLI and GUI share, and a text table.

:func:`load` reads what an agreement run needs from the store once; :func:`compute`
applies :class:`AgreementOptions` to it and calls the core's
:func:`~annotator.core.agreement.agreement_report`; :func:`render_table` prints the result
for a terminal, :func:`render_json` as JSON. Only the newest version of each document
takes part (as in statistics).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.agreement import AgreementReport, Measure, agreement_report, tokenize
from annotator.core.counts import _width
from annotator.core.curation import GOLD
from annotator.core.filters import ExportFilter
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, Document, DocumentSummary
from annotator.store import Store

# Display names of the report's measures, in the order tables list them.
MEASURE_NAMES = {
    "cohen_kappa": "Cohen's kappa",
    "fleiss_kappa": "Fleiss' kappa",
    "krippendorff_alpha_nominal": "Krippendorff's alpha (nominal)",
    "span_precision_exact": "span precision, exact",
    "span_recall_exact": "span recall, exact",
    "span_f1_exact": "span F1, exact",
    "span_precision_overlap": "span precision, overlapping",
    "span_recall_overlap": "span recall, overlapping",
    "span_f1_overlap": "span F1, overlapping",
}
UNDEFINED = "—"


class AgreementInputError(ValueError):
    """A filter names nothing in the database, or fewer than two annotators take part."""


@dataclass(frozen=True, slots=True)
class AgreementOptions:
    """Which part of the database to compare. Empty tuples mean no restriction.

    ``documents`` holds ids or title patterns as ``annotator export --document`` takes
    them (any may match); ``annotators`` default to everyone with an annotation in the
    chosen documents except the gold layer (annotator ``gold``, made by curation);
    ``labels`` restrict the annotations compared (a document still counts as annotated
    by someone whose annotations there all have other labels); ``done_only`` keeps only
    documents marked done.
    """

    documents: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    done_only: bool = False

    def as_json(self) -> dict[str, Any]:
        """The filters, ``null`` where there is none."""
        return {
            "documents": list(self.documents) or None,
            "labels": list(self.labels) or None,
            "annotators": list(self.annotators) or None,
            "done_only": self.done_only,
        }


@dataclass(frozen=True, slots=True)
class AgreementData:
    """What a run reads from the store: the newest version of every document (in list
    order) with its done mark and annotations, and every label and annotator known."""

    documents: tuple[tuple[DocumentSummary, Document, tuple[Annotation, ...]], ...]
    labels: tuple[str, ...]  # the scheme's labels, then others found in annotations
    annotators: tuple[str, ...]  # everyone with an annotation in any version, sorted

    def annotators_in(self, document_ids: Sequence[str] | None = None) -> tuple[str, ...]:
        """Sorted names of those with annotations in these documents (default: all)."""
        wanted = None if document_ids is None else set(document_ids)
        return tuple(
            sorted(
                {
                    a.annotator
                    for summary, _doc, anns in self.documents
                    if wanted is None or summary.id in wanted
                    for a in anns
                    if not a.orphaned
                }
            )
        )


@dataclass(frozen=True, slots=True)
class AgreementRun:
    """A report with the filters that made it and what it covers.

    ``documents`` are the chosen ``(id, title)``; ``shared_documents`` how many of them
    at least two of the annotators annotated, ``tokens`` the tokens in those.
    """

    options: AgreementOptions
    report: AgreementReport
    documents: tuple[tuple[str, str], ...]
    shared_documents: int
    tokens: int

    def as_json(self) -> dict[str, Any]:
        """``report.as_json()`` plus ``filters``, ``documents``, ``counts`` and ``notes``."""
        return {
            **self.report.as_json(),
            "filters": self.options.as_json(),
            "documents": [{"id": i, "title": t} for i, t in self.documents],
            "counts": {
                "documents": len(self.documents),
                "shared_documents": self.shared_documents,
                "tokens": self.tokens,
            },
            "notes": list(self.report.notes),
        }

    def ordered_measures(self) -> list[Measure]:
        """Measures scope by scope (all labels first, then each label in report order),
        within a scope by :data:`MEASURE_NAMES` order, pairs as the report has them."""
        scopes: list[str | None] = [None, *self.report.labels]
        order = list(MEASURE_NAMES)
        indexed = list(enumerate(self.report.measures))
        indexed.sort(key=lambda im: (scopes.index(im[1].label), order.index(im[1].name), im[0]))
        return [m for _i, m in indexed]


def load(store: Store) -> AgreementData:
    """Read documents, done marks, annotations and label names from ``store``."""
    summaries = store.documents()
    items = {item.document.id: item for item in store.export_documents()}
    documents = tuple(
        (summary, items[summary.id].document, items[summary.id].annotations)
        for summary in summaries
        if summary.id in items
    )
    names = [label.name for label in store.labels()]
    everyone = {a.annotator for item in items.values() for a in item.annotations}
    found = {a.label for item in items.values() for a in item.annotations}
    return AgreementData(
        documents=documents,
        labels=(*names, *sorted(found - set(names))),
        annotators=tuple(sorted(everyone)),
    )


def compute(data: AgreementData, options: AgreementOptions) -> AgreementRun:
    """The agreement report for ``options`` over ``data``.

    Raises :class:`AgreementInputError` for a document pattern matching no document, a
    label or annotator the database does not know, or fewer than two annotators.
    """
    for pattern in options.documents:
        if not any(
            ExportFilter(documents=(pattern,)).keeps_document(d) for _s, d, _a in data.documents
        ):
            raise AgreementInputError(
                say(
                    N_(
                        "no document matches {pattern} (give a document id, or a title or part "
                        "of one; * and ? are wildcards)"
                    ),
                    pattern=repr(pattern),
                )
            )
    for label in options.labels:
        if label not in data.labels:
            raise AgreementInputError(
                say(
                    N_("unknown label {label}; the labels are: {known}"),
                    label=repr(label),
                    known=", ".join(data.labels) or "none",
                )
            )
    for who in options.annotators:
        if who not in data.annotators:
            raise AgreementInputError(
                say(
                    N_("unknown annotator {who}; annotators in the database: {known}"),
                    who=repr(who),
                    known=", ".join(data.annotators) or "none",
                )
            )
    wanted = ExportFilter(documents=options.documents)
    chosen = [
        (summary, doc, anns)
        for summary, doc, anns in data.documents
        if wanted.keeps_document(doc) and (summary.done or not options.done_only)
    ]
    ids = [summary.id for summary, _d, _a in chosen]
    if options.annotators:
        coders = tuple(sorted(set(options.annotators)))
        if len(coders) < 2:
            raise AgreementInputError(
                say(
                    N_("agreement needs at least two annotators; only {coders} was chosen"),
                    coders=repr(coders[0]),
                )
            )
    else:
        # The gold layer (curation) is not an annotator: compared only when named.
        coders = tuple(who for who in data.annotators_in(ids) if who != GOLD)
        if len(coders) < 2:
            where = say(N_("documents marked done")) if options.done_only else say(N_("documents"))
            if coders:
                present = say(N_("only by {name}"), name=repr(coders[0]))
            else:
                present = say(N_("by nobody"))

            raise AgreementInputError(
                say(
                    N_(
                        "agreement needs at least two annotators; the chosen {where} are "
                        "annotated {present}"
                    ),
                    where=where,
                    present=present,
                )
            )
    annotated: dict[str, set[str]] = {who: set() for who in coders}
    kept: list[Annotation] = []
    for summary, _doc, anns in chosen:
        for a in anns:
            if a.orphaned or a.annotator not in annotated:
                continue
            annotated[a.annotator].add(summary.id)
            if not options.labels or a.label in options.labels:
                kept.append(a)
    report = agreement_report(((d.id, d.text) for _s, d, _a in chosen), kept, annotated)
    notes = [
        f"{who} annotated none of the chosen documents" for who in coders if not annotated[who]
    ]
    if not options.annotators and GOLD in data.annotators_in(ids):
        notes.append(
            f"the gold layer ({GOLD!r}, from curation) is not compared; name it as an "
            "annotator to compare it"
        )
    notes += [
        f"label {label!r}: no annotations by these annotators in the chosen documents"
        for label in options.labels
        if label not in report.labels
    ]
    if options.done_only and not chosen:
        notes.append("none of the chosen documents is marked done")
    shared = [d for _s, d, _a in chosen if sum(d.id in annotated[who] for who in coders) >= 2]
    return AgreementRun(
        options=options,
        report=replace(report, notes=(*report.notes, *notes)),
        documents=tuple((s.id, s.title) for s, _d, _a in chosen),
        shared_documents=len(shared),
        tokens=sum(len(tokenize(d.text)) for d in shared),
    )


def run_agreement(store: Store, options: AgreementOptions = AgreementOptions()) -> AgreementRun:
    """:func:`compute` over what :func:`load` reads from ``store``."""
    return compute(load(store), options)


def format_value(value: float | None) -> str:
    """Three decimals, or :data:`UNDEFINED`."""
    return UNDEFINED if value is None else f"{value:.3f}"


def scope_title(label: str | None, options: AgreementOptions) -> str:
    """``All labels`` (or the chosen ones) for ``None``, else ``Label: NAME``."""
    if label is not None:
        return f"Label: {label}"
    return f"All chosen labels ({', '.join(options.labels)})" if options.labels else "All labels"


def measure_cells(measure: Measure) -> tuple[str, str, str, str, str]:
    """Measure, annotators, value, documents and tokens as a table shows them."""
    return (
        MEASURE_NAMES.get(measure.name, measure.name),
        ", ".join(measure.annotators),
        format_value(measure.value),
        str(measure.documents),
        "" if measure.tokens is None else str(measure.tokens),
    )


def summary_lines(run: AgreementRun) -> list[str]:
    """Who is compared, what was chosen and counted, as sentences."""
    opts = run.options
    lines = [
        f"Annotators: {', '.join(run.report.annotators)}",
        f"Documents: {len(run.documents)} chosen"
        f"{' (marked done)' if opts.done_only else ''}, {run.shared_documents} annotated by "
        f"at least two of the annotators, {run.tokens:,} tokens in those",
    ]
    filters = []
    if opts.documents:
        titles = dict(run.documents)  # an id given is shown as its document's title
        shown = (f"“{titles[d]}”" if d in titles else repr(d) for d in opts.documents)
        filters.append("documents " + ", ".join(shown))
    if opts.labels:
        filters.append("labels " + ", ".join(opts.labels))
    if filters:
        lines.append("Filters: " + "; ".join(filters))
    return lines


def render_json(run: AgreementRun) -> str:
    """:meth:`AgreementRun.as_json` as indented JSON text, one newline at the end."""
    return json.dumps(run.as_json(), ensure_ascii=False, indent=2) + "\n"


def render_table(run: AgreementRun, width: int = 88) -> str:
    """A plain-text report: counts, units and notes, then a table per scope."""
    out = ["Inter-annotator agreement", ""]
    out += [textwrap.fill(line, width, subsequent_indent="  ") for line in summary_lines(run)]
    out += ["", textwrap.fill("Units: " + run.report.units, width)]
    out.append(
        textwrap.fill(
            f"Values to 3 decimals; {UNDEFINED} means undefined. Span measures have no "
            "token count.",
            width,
        )
    )
    for note in run.report.notes:
        out.append(textwrap.fill(f"Note: {note}", width, subsequent_indent="  "))
    headers = ("measure", "annotators", "value", "documents", "tokens")
    measures = run.ordered_measures()
    rows = [measure_cells(m) for m in measures]
    widths = [max(_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        left = [c + " " * (w - _width(c)) for c, w in zip(cells[:2], widths[:2], strict=True)]
        right = [c.rjust(w) for c, w in zip(cells[2:], widths[2:], strict=True)]
        return "  ".join([*left, *right]).rstrip()

    scopes: list[str | None] = [None, *run.report.labels]
    for scope in scopes:
        out += ["", scope_title(scope, run.options), line(headers)]
        out.append("  ".join("-" * w for w in widths))
        out += [line(cells) for m, cells in zip(measures, rows, strict=True) if m.label == scope]
    return "\n".join(out) + "\n"
