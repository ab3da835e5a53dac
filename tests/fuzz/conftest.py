from __future__ import annotations

from tests.formats.conftest import rich_db  # noqa: F401  (the sets' fixture, shared)
