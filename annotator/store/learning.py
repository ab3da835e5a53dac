"""What suggestions learn from a database: the phrases tagged by hand, each rule's record
(accepted, rejected) and the rules switched off. Functions of an open session; the
:class:`~annotator.store.store.Store` methods wrap them in transactions."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.suggest.accept import SUGGESTED
from annotator.core.suggest.learned import MAX_PHRASE
from annotator.core.suggest.tag_lists import TagList
from annotator.store.models import AnnotationRow, DocumentRow, RejectionRow, SettingRow

RULES_OFF = "suggest.rules_off"  # a JSON list of rule names ("label:rule")


def hand_tagged(
    s: Session, except_document: str | None = None, only_document: str | None = None
) -> dict[str, TagList]:
    """Each document's phrases tagged by hand (annotations not accepted from a
    suggestion, not orphaned, no longer than :data:`MAX_PHRASE`), by document id, in
    document and text order; none of ``except_document`` (the window has its text and
    annotations already), or only those of ``only_document``. The rows are read as they
    come into compact lists (no object per phrase is held). Each document's text is read
    once and cut in Python: cutting in the database (``substr``) walks the whole text
    again for every annotation (10,000 tags of a 1 MB text: 2 s)."""
    length = AnnotationRow.end_offset - AnnotationRow.start_offset
    query = (
        select(
            AnnotationRow.document_id,
            AnnotationRow.label,
            AnnotationRow.start_offset,
            AnnotationRow.end_offset,
            DocumentRow.title,
        )
        .join(DocumentRow, DocumentRow.id == AnnotationRow.document_id)
        .where(
            (AnnotationRow.source.is_(None)) | (AnnotationRow.source != SUGGESTED),
            AnnotationRow.orphaned.is_(False),
            length > 0,
            length <= MAX_PHRASE,
        )
        .order_by(DocumentRow.position, AnnotationRow.start_offset, AnnotationRow.end_offset)
    )
    if except_document is not None:
        query = query.where(AnnotationRow.document_id != except_document)
    if only_document is not None:
        query = query.where(AnnotationRow.document_id == only_document)
    out: dict[str, TagList] = {}
    doc_id_now, tags, text = None, TagList(""), ""
    for doc_id, label, start, end, title in s.execute(query):
        if doc_id != doc_id_now:  # rows come document by document: one text at a time
            doc_id_now = doc_id
            tags = out.setdefault(doc_id, TagList(title))
            text = s.execute(select(DocumentRow.text).where(DocumentRow.id == doc_id)).scalar_one()
        tags.add(label, text[start:end])
    return out


def rule_records(s: Session) -> dict[str, tuple[int, int]]:
    """Per rule: (accepted, rejected) in the database: annotations with source
    "suggested" and that rule, and rejections recorded with it."""
    records: dict[str, list[int]] = {}
    accepted = (
        select(AnnotationRow.rule, func.count())
        .where(AnnotationRow.source == SUGGESTED, AnnotationRow.rule.is_not(None))
        .group_by(AnnotationRow.rule)
    )
    for rule, count in s.execute(accepted):
        records.setdefault(rule, [0, 0])[0] = count
    rejected = (
        select(RejectionRow.rule, func.count())
        .where(RejectionRow.rule.is_not(None))
        .group_by(RejectionRow.rule)
    )
    for rule, count in s.execute(rejected):
        records.setdefault(rule, [0, 0])[1] = count
    return {rule: (a, r) for rule, (a, r) in records.items()}


def rules_off(s: Session) -> set[str]:
    """The rules switched off in the database."""
    row = s.get(SettingRow, RULES_OFF)
    if row is None:
        return set()
    try:
        names = json.loads(row.value)
    except ValueError:
        return set()
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def switch_rules(s: Session, off: Iterable[str] = (), on: Iterable[str] = ()) -> None:
    """Switch the rules ``off`` off and those ``on`` on (both: on wins)."""
    names = (rules_off(s) | set(off)) - set(on)
    row = s.get(SettingRow, RULES_OFF)
    value = json.dumps(sorted(names), ensure_ascii=False)
    if row is None:
        s.add(SettingRow(key=RULES_OFF, value=value))
    else:
        row.value = value
    s.flush()
