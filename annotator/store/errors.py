from __future__ import annotations


class StoreError(Exception):
    """A database problem, with a message fit to show the user (no traceback needed)."""
