"""The label scheme in the database: adding labels and changing the scheme (inside a
store's session)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from annotator.core.history import SchemeChange
from annotator.core.messages import N_, say
from annotator.core.model import Label
from annotator.store.errors import StoreError
from annotator.store.models import AnnotationRow, LabelRow
from annotator.store.rows import label_of, refuse_clash, specs_json


def add_labels(s: Session, labels: Sequence[Label]) -> None:
    """Add the labels not there yet, after the others."""
    existing = set(s.scalars(select(LabelRow.name)))
    position = s.scalar(select(func.coalesce(func.max(LabelRow.position), -1))) + 1
    for label in labels:
        if label.name in existing:
            continue
        s.add(
            LabelRow(
                name=label.name,
                color=label.color,
                hotkey=label.hotkey,
                description=label.description,
                position=position,
                attributes=specs_json(label),
            )
        )
        existing.add(label.name)
        position += 1
    s.flush()


def change_scheme(s: Session, change: SchemeChange) -> None:
    """Turn the stored scheme ``change.before`` into ``change.after`` (renamed labels
    carry their annotations; a deleted label must have none); :class:`StoreError` if the
    stored labels are not ``change.before`` any more."""
    rows = s.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.name)).all()
    if tuple(label_of(row) for row in rows) != change.before:
        raise StoreError(
            say(N_("the labels were changed elsewhere (another window?) since they were shown"))
        )
    # Renamed labels move to temporary names (a leading space: no label's name can
    # have one) before labels are deleted and the new names given, so that swapping
    # two names, or taking the name of a label deleted in the same edit, works.
    # Annotations follow by ON UPDATE CASCADE.
    for i, (old, _new) in enumerate(change.renames):
        s.execute(update(LabelRow).where(LabelRow.name == old).values(name=f" renaming {i}"))
    s.expire_all()
    # Kept: labels of ``after`` that are not a rename's target (a stored label with
    # such a name is deleted, its name taken over), and the labels being renamed.
    targets = {new for _old, new in change.renames}
    keep = {label.name for label in change.after} - targets
    keep.update(f" renaming {i}" for i in range(len(change.renames)))
    for row in s.scalars(select(LabelRow)).all():
        if row.name in keep:
            continue
        used = s.scalar(select(func.count()).where(AnnotationRow.label == row.name))
        if used:
            raise StoreError(
                say(
                    N_("label {name} is still used by {used} annotation(s)"),
                    name=repr(row.name),
                    used=used,
                )
            )
        s.delete(row)
    s.flush()
    for i, (_old, new) in enumerate(change.renames):
        s.execute(update(LabelRow).where(LabelRow.name == f" renaming {i}").values(name=new))
    s.expire_all()
    old_specs = {label.name: label.attributes for label in change.before}
    was_named = {new: old for old, new in change.renames}
    for position, label in enumerate(change.after):
        row = s.get(LabelRow, label.name) or LabelRow(name=label.name)
        row.color, row.hotkey, row.description = label.color, label.hotkey, label.description
        row.attributes = specs_json(label)
        row.position = position
        s.add(row)
    s.flush()
    for label in change.after:
        if old_specs.get(was_named.get(label.name, label.name)) != label.attributes:
            refuse_clash(s, label.name, None)
