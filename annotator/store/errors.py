from __future__ import annotations

from annotator.core.messages import N_

# Messages of the store (``{location}``: the database as the user named it).
BUSY = N_(
    "{location}: the database is busy: another program (an import?) has been writing to it "
    "for over {LOCK_WAIT_S:g} s; nothing was changed, try again when it is done"
)
CANNOT_OPEN = N_("cannot open database ({reason})")
DOCUMENT_GONE = N_("{location}: the document of this annotation is gone")
EXISTS_ALREADY = N_("this annotation exists already (made again elsewhere?)")
IDENTICAL = N_("an identical annotation (same label and span) already exists")
NEWER_VERSION = N_("{title} version {version} has a newer version: re-read the newest one")
NO_DOCUMENT = N_("{location}: no document with id {document_id}")
NO_LABEL = N_("{location}: no label named {label}")
ONE_OF_THEM_CHANGED = N_(
    "an annotation was changed or deleted elsewhere (another window?) since it was shown; "
    "the window now shows it as it is"
)
SPAN_OUTSIDE = N_("span {start}-{end} does not fit the text (length {length})")
STILL_SAVING = N_("{location}: another change is still being saved; try again")
THIS_ONE_CHANGED = N_(
    "this annotation was changed or deleted elsewhere (another window?) since it was shown; "
    "the window now shows it as it is"
)


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
