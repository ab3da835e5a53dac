"""Annotations held as columns give back exactly the annotations put in."""

from __future__ import annotations

from datetime import UTC, datetime

from annotator.core.annotation_rows import AnnotationRows
from annotator.core.model import Annotation

T0 = datetime(2026, 3, 1, 9, 30, 15, 123456)
T1 = datetime(2026, 3, 2, 10, 0)


def sample() -> list[Annotation]:
    return [
        Annotation("b", "doc", "claim", 5, 9, "a note", "alice", T0, T1, (("speaker", "Siu"),)),
        Annotation("a", "doc", "statistic", 0, 4, None, "bob", T0, T0, orphaned=True, version=3),
        Annotation("c", "doc", "claim", 5, 9, None, "bob", T1, T1, source="suggested", rule="r1"),
        Annotation("z", "doc", "claim", 1, 2, None, "bob", T0.replace(tzinfo=UTC), T1),
    ]


def test_rows_give_back_every_field_of_every_annotation():
    annotations = sample()
    rows = AnnotationRows(annotations)
    assert list(rows) == annotations
    assert [rows[r] for r in range(len(rows))] == annotations
    assert rows.label(0) == "claim" and rows.annotator(1) == "bob" and rows.orphaned(1)


def test_sorted_insert_delete_and_where_keep_rows_whole():
    annotations = sample()
    rows = AnnotationRows(annotations).sorted()
    expected = sorted(annotations, key=lambda a: (a.start, a.end, a.label, a.id))
    assert list(rows) == expected
    assert rows.sorted() is rows  # in order already: no copy
    gone = rows.delete(1)
    assert gone == expected[1] and list(rows) == expected[:1] + expected[2:]
    rows.insert(1, gone)
    assert list(rows) == expected
    bobs = rows.where(lambda r: rows.annotator(r) == "bob")
    assert list(bobs) == [a for a in expected if a.annotator == "bob"]
    assert rows.row_of("c") == [a.id for a in expected].index("c")
    assert rows.row_of("nope") is None


def test_equal_rows_are_the_same_annotations_whatever_the_name_tables():
    annotations = sample()
    forwards = AnnotationRows(annotations[:3])
    backwards = AnnotationRows(reversed(annotations[:3])).take([2, 1, 0])
    assert forwards == backwards
    changed = AnnotationRows([*annotations[:2], annotations[2]._replace(label="statistic")])
    assert forwards != changed
