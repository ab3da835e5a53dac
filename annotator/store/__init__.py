"""Persistence: SQLAlchemy models, migrations and the operations the app performs.

The rest of the app talks to :class:`annotator.store.store.Store`, which hands out
plain dataclasses from :mod:`annotator.core.model`, never ORM objects.
"""

from __future__ import annotations

from annotator.store.document_import import CarriedOver, ImportResult
from annotator.store.errors import StoreError
from annotator.store.set_import import SetImportReport
from annotator.store.store import Store

__all__ = ["CarriedOver", "ImportResult", "SetImportReport", "Store", "StoreError"]
