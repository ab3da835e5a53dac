"""Persistence: SQLAlchemy models, migrations and the operations the app performs.

The rest of the app talks to :class:`annotator.store.store.Store`, which hands out
plain dataclasses from :mod:`annotator.core.model`, never ORM objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.store.errors import StoreError

if TYPE_CHECKING:
    from annotator.store.document_import import CarriedOver, ImportResult
    from annotator.store.set_import import SetImportReport
    from annotator.store.store import Store

__all__ = ["CarriedOver", "ImportResult", "SetImportReport", "Store", "StoreError"]
# Imported on first use: the window paints its first screen before SQLAlchemy is loaded,
# and ``from annotator.store import StoreError`` must not load it.
_LAZY = {
    "CarriedOver": "annotator.store.document_import",
    "ImportResult": "annotator.store.document_import",
    "SetImportReport": "annotator.store.set_import",
    "Store": "annotator.store.store",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'annotator.store' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name]), name)
