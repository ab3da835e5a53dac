"""Data the benchmark suite generates for itself: documents, annotations, databases.

Deterministic (seeded), so every run measures the same work.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from annotator.app.opening import open_store
from annotator.app.resources import default_labels, seed_documents
from annotator.core.model import Annotation, AnnotationSet, Label, NewDocument, SetDocument
from annotator.core.text import text_sha256

LABELS = ("claim", "refusal", "statistic")
DOCUMENTS = 1000
PER_DOCUMENT = 100
EXTRA = ("Family 👨‍👩‍👧 and 😀 in 市民 text, مرحبا.", "Il a dit « non » à 40,3 %.")


def book_text(size: int, paragraph: int = 500) -> str:
    """About ``size`` code points in paragraphs of about ``paragraph``, made of the seed
    article's sentences with emoji, CJK and Arabic mixed in (1 MB: ~2,000 paragraphs)."""
    rng = random.Random(7)
    sentences = [s.strip() + "." for s in seed_documents()[0].text.split(".") if s.strip()]
    sentences += list(EXTRA)
    paragraphs, total = [], 0
    while total < size:
        words, length = [], 0
        while length < paragraph:
            sentence = rng.choice(sentences).replace("\n", " ")
            words.append(sentence)
            length += len(sentence) + 1
        text = " ".join(words)
        paragraphs.append(text)
        total += len(text) + 2
    return "\n\n".join(paragraphs)[:size]


def spans(length: int, count: int, *, overlapping: float = 0.1, seed: int = 42) -> list:
    """``count`` spans over a text of ``length``: most side by side, ``overlapping`` of
    them over another span (nested or crossing)."""
    rng = random.Random(seed)
    plain = count - int(count * overlapping)
    slot = length // plain
    out = []
    for i in range(plain):
        start = i * slot + rng.randrange(0, max(1, slot // 3))
        out.append((start, min(length, start + rng.randint(5, max(6, slot // 2)))))
    for _ in range(count - plain):
        start, end = rng.choice(out[:plain])
        inner = rng.randrange(start, end)
        out.append((inner, min(length, inner + rng.randint(3, 200))))
    return out


def document_database(path: Path, size: int, count: int) -> str:
    """A database holding one document of ``size`` code points with ``count``
    annotations (bulk inserted); returns the document's id."""
    store = open_store(str(path))
    try:
        text = book_text(size)
        doc = store.import_documents([NewDocument("Book", "bench", text)])[0].document
    finally:
        store.close()
    rng = random.Random(1)
    moment = datetime(2026, 1, 1).isoformat(sep=" ", timespec="microseconds")
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, note, "
            "annotator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, 'bench', ?, ?)",
            [
                (f"a{i}", doc.id, rng.choice(LABELS), start, end, moment, moment)
                for i, (start, end) in enumerate(spans(len(text), count))
            ],
        )
    return doc.id


def corpus_set(documents: int = DOCUMENTS) -> AnnotationSet:
    """``documents`` (the seed article, numbered; 1,000 by default) x 100 annotations,
    as a set."""
    rng = random.Random(3)
    seed = seed_documents()[0].text
    labels: tuple[Label, ...] = tuple(default_labels())
    t0 = datetime(2026, 1, 1)
    docs = []
    for d in range(documents):
        text = f"Document {d} 😀\n{seed}"
        doc_id = f"doc-{d:04d}"
        anns = []
        for a in range(PER_DOCUMENT):
            start = rng.randrange(0, len(text) - 80)
            moment = t0 + timedelta(milliseconds=rng.randrange(10**9))
            anns.append(
                Annotation(
                    f"{doc_id}-{a:03d}",
                    doc_id,
                    rng.choice(labels).name,
                    start,
                    start + rng.randint(1, 80),
                    None if a % 3 else "a note",
                    rng.choice(["alice", "bob"]),
                    moment,
                    moment,
                )
            )
        anns.sort(key=lambda x: (x.start, x.end, x.label, x.id))
        docs.append(
            SetDocument(
                doc_id, f"Doc {d}", "bench", text_sha256(text), len(text), text, tuple(anns)
            )
        )
    return AnnotationSet(labels, tuple(docs), exported_at=t0, generator_version="bench")
