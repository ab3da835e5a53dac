from __future__ import annotations


class StoreError(Exception):
    """A database problem, with a message fit to show the user (no traceback needed)."""


class DamagedDatabase(StoreError):
    """The database file is damaged or is not a database; it was left untouched.

    ``path`` is the file; the newest backup, if any, is what a user may restore."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class PasswordNeeded(StoreError):
    """The database server asks for a password the URL and ``~/.pgpass`` do not give, or
    refused the one given. ``url`` is the URL without any password; ``refused`` says a
    password was tried and refused."""

    def __init__(self, message: str, url: str, refused: bool) -> None:
        super().__init__(message)
        self.url = url
        self.refused = refused
