"""The corpus as the analysis windows read it, kept in memory between queries: every
document's newest version with its annotations in text order, and which documents are
marked done. After the first read only what changed is read again."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from annotator.app.workspace import Changes
from annotator.core.model import Annotation, Document
from annotator.core.retrieval import Hit, MemoHit, Query, retrieve, search_memos, text_order

if TYPE_CHECKING:
    from annotator.store import Store


class LiveCorpus:
    """Reads lazily: nothing until the first :meth:`entries`; then, after :meth:`changed`,
    the changed documents' annotations (or everything, when documents themselves or the
    label scheme changed)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._entries: dict[str, tuple[Document, tuple[Annotation, ...]]] | None = None
        self._done: set[str] = set()
        self._stale: set[str] = set()
        self._memos: dict[str | None, str] | None = None
        self.reads = 0  # whole reads, for tests: one, then only after listed changes

    def changed(self, changes: Changes | None) -> None:
        """Take note of an operation's changes; ``None`` for changes made elsewhere (another
        window or process), after which everything is read again."""
        if changes is None or changes.listed or changes.scheme:
            self._entries = None
            self._stale.clear()
        else:
            self._stale |= changes.documents
        if changes is None or changes.listed or changes.memos:
            self._memos = None

    def entries(self) -> list[tuple[Document, tuple[Annotation, ...]]]:
        """Every document's newest version with its annotations sorted in text order."""
        if self._entries is None:
            self._entries = {
                e.document.id: (e.document, tuple(sorted(e.annotations, key=text_order)))
                for e in self._store.export_documents(newest=True)
            }
            self._done = {d.id for d in self._store.documents() if d.done}
            self.reads += 1
        elif self._stale:
            for document_id in self._stale & self._entries.keys():
                document = self._entries[document_id][0]
                spans = sorted(self._store.annotations(document_id), key=text_order)
                self._entries[document_id] = (document, tuple(spans))
        self._stale.clear()
        return list(self._entries.values())

    def done(self) -> set[str]:
        self.entries()
        return self._done

    def memos(self) -> dict[str | None, str]:
        """Every memo: a document's id (its newest version) or None (the project's) to
        its text."""
        if self._memos is None:
            self._memos = self._store.memos()
        return self._memos

    def find_memos(self, query: Query) -> list[MemoHit]:
        """The places the memos hold the query's text (see :func:`search_memos`)."""
        documents = [document for document, _spans in self.entries()]
        return search_memos(self.memos(), documents, query, done=self._done)

    def find(self, query: Query) -> list[Hit]:
        """The hits of ``query``; raises QueryError for a query that cannot run."""
        entries = self.entries()
        # A hit is a tuple; allocating a hundred thousand of them sets off full garbage
        # collections over the whole corpus held here (measured: 100,000 hits 206 -> 40
        # ms). Hits hold no cycles: nothing is left for the collector to find.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return retrieve(entries, query, done=self._done, ordered=True)
        finally:
            if collecting:
                gc.enable()
