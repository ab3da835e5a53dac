"""The rules a value must meet wherever it comes from: the window's rules for label
names, annotator names, notes, titles and texts, and the range of whole numbers the
database holds. Each ``*_problem`` function says what is wrong (``None`` when nothing
is); every importer calls them at its boundary, the window's dialogs call them too."""

from __future__ import annotations

import re
from datetime import datetime

from annotator.core.messages import N_, say

MAX_LABEL = 100  # characters of a label name (the labels dialog's; the store's columns use it)
MAX_ANNOTATOR = 100  # characters of an annotator's name
# Offsets, lengths and versions are INTEGER columns: 32 bits on PostgreSQL (the store's
# column checks use this bound too).
MAX_INTEGER = 2**31 - 1

# Said of a date and time that exists only in another time zone (0001-01-01T00:00+14:00).
OUT_OF_RANGE = N_("{value} is outside the times this program holds (years 1 to 9999, in UTC)")

ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip member can carry

# Control characters (C0, DEL, C1) and lone surrogates; a note may hold line breaks and tabs.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOTE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_TITLE_BREAKS = re.compile("\\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\\s*")


def quoted(value: str, width: int = 40) -> str:
    """``value`` quoted as a message shows it, cut to ``width`` characters with "…"."""
    return repr(value if len(value) <= width else value[: width - 1] + "…")


def has_control(value: str) -> bool:
    """Whether ``value`` holds a control character (a line break, a tab) or a lone
    surrogate."""
    return _CONTROL.search(value) is not None


def label_problem(name: str) -> str | None:
    """Why ``name`` cannot be a label's name (as the labels dialog says it), or ``None``."""
    if not name.strip():
        return say(N_("a label has no name"))
    return _name_problem(say(N_("label")), name, MAX_LABEL, "")


def annotator_problem(name: str) -> str | None:
    """Why ``name`` cannot be an annotator's name (the window strips what is typed; a
    name read from a file must be stripped already), or ``None``."""
    if not name.strip():
        return say(N_("the annotator's name is empty"))
    return _name_problem(
        say(N_("annotator")), name, MAX_ANNOTATOR, say(N_(" (a line break or a tab)"))
    )


def _name_problem(kind: str, name: str, limit: int, control: str) -> str | None:
    """What is wrong with a non-blank ``name`` of a ``kind`` ("label"), or ``None``."""
    if name != name.strip():
        return say(
            N_("{kind} {quoted} starts or ends with a space"), kind=kind, quoted=quoted(name)
        )
    if _CONTROL.search(name):
        return say(
            N_("{kind} {quoted} contains a control character{control}"),
            kind=kind,
            quoted=quoted(name),
            control=control,
        )
    if len(name) > limit:
        return say(
            N_("{kind} {name}… is longer than {limit} characters"),
            kind=kind,
            name=repr(name[:20]),
            limit=limit,
        )
    return None


def note_problem(note: str) -> str | None:
    """Why ``note`` cannot be a note (the note editor holds lines and tabs, no other
    control character), or ``None``."""
    found = _NOTE_CONTROL.search(note)
    if found is not None:
        return say(N_("the note contains control character U+{code:04X}"), code=ord(found.group()))
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a document's text (documents in are refused as binary when
    they hold NUL), or ``None``."""
    at = text.find("\x00")
    if at >= 0:
        return say(
            N_("the text holds a NUL character at offset {at} (binary data, not text)"), at=at
        )
    return None


def clean_title(title: str) -> str:
    """``title`` on one line as the properties dialog keeps it: each run of line breaks,
    tabs or other control characters (with the spaces around it) one space, the ends
    trimmed (empty if nothing is left)."""
    return _TITLE_BREAKS.sub(" ", title).strip()


def integer_problem(value: int, least: int = 0) -> str | None:
    """Why ``value`` cannot be stored as an offset, length or version, or ``None``."""
    if value < least:
        return say(N_("{value} is less than {least}"), value=value, least=least)
    if value > MAX_INTEGER:
        return say(
            N_("{value} is more than {MAX_INTEGER:,} (the largest the database holds)"),
            value=value,
            MAX_INTEGER=MAX_INTEGER,
        )
    return None


def zip_time(date_time: tuple[int, int, int, int, int, int]) -> datetime:
    """A zip member's time (``ZipInfo.date_time``); :data:`ZIP_EPOCH` for one that is
    no time (date fields of 0, a 30 February)."""
    try:
        return datetime(*date_time)
    except ValueError:
        return ZIP_EPOCH
