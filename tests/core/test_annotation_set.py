from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import jsonschema
import pytest

from annotator.core.annotation_set import DocumentExport, build_annotation_set, dumps, iso_utc
from annotator.core.model import Annotation, Document, Label
from annotator.core.text import text_sha256
from tests.helpers import check_export

T0 = datetime(2026, 1, 31, 12, 0, 0, 123000)
LABELS = [Label("claim", "#1f77b4", "1", "A claim"), Label("statistic", "#2ca02c", "3", "")]


def make_doc(text: str) -> Document:
    return Document("d1", "Title", "src", text, text_sha256(text), T0)


def make_ann(ann_id: str, label: str, start: int, end: int) -> Annotation:
    return Annotation(ann_id, "d1", label, start, end, None, "tester", T0, T0)


def test_builds_valid_set_with_quotes_and_context():
    text = "Prefix 😀 then 2,000 cameras 👨‍👩‍👧 after"
    start = text.index("2,000")
    doc = make_doc(text)
    anns = [make_ann("b", "statistic", start, start + 5), make_ann("a", "claim", 0, len(text))]
    out = build_annotation_set(
        LABELS, [DocumentExport(doc, anns)], generator_version="9.9", exported_at=T0
    )
    parsed = check_export(dumps(out))
    quotes = [a["quote"] for a in parsed["documents"][0]["annotations"]]
    assert quotes == [text, "2,000"]  # ordered by start
    stat = parsed["documents"][0]["annotations"][1]
    assert stat["prefix"] == text[:start][-32:]
    assert parsed["exported_at"] == "2026-01-31T12:00:00.123Z"
    assert parsed["offset_unit"] == "codepoint"


def test_dumps_is_deterministic_and_keeps_non_ascii():
    doc = make_doc("市民的私隱")
    sets = [
        build_annotation_set(
            LABELS,
            [DocumentExport(doc, [make_ann("x", "claim", 0, 2), make_ann("y", "claim", 0, 2)])],
            generator_version="1",
            exported_at=T0,
        )
        for _ in range(2)
    ]
    assert dumps(sets[0]) == dumps(sets[1])
    assert "市民" in dumps(sets[0])


def test_undeclared_label_or_bad_offsets_are_refused():
    doc = make_doc("abc")
    with pytest.raises(ValueError, match="undeclared"):
        build_annotation_set(
            LABELS,
            [DocumentExport(doc, [make_ann("x", "refusal", 0, 1)])],
            generator_version="1",
            exported_at=T0,
        )
    with pytest.raises(ValueError, match="outside"):
        build_annotation_set(
            LABELS,
            [DocumentExport(doc, [make_ann("x", "claim", 0, 4)])],
            generator_version="1",
            exported_at=T0,
        )


def test_iso_utc_converts_aware_times():
    aware = datetime(2026, 1, 31, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert iso_utc(aware) == "2026-01-31T12:00:00.000Z"
    assert iso_utc(datetime(2026, 1, 31, 12, 0, tzinfo=UTC)) == "2026-01-31T12:00:00.000Z"


def test_schema_rejects_a_broken_set():
    out = build_annotation_set(
        LABELS,
        [DocumentExport(make_doc("abc"), [make_ann("x", "claim", 0, 1)])],
        generator_version="1",
        exported_at=T0,
    )
    out["documents"][0]["annotations"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError):
        check_export(dumps(out))
