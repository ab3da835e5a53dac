"""UTC timestamps as the formats write them: ISO 8601 with ``Z``."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from annotator.core.messages import N_, say

_ISO_Z = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,6}))?Z")


def iso_utc(moment: datetime) -> str:
    """``2026-01-31T12:00:00.123Z``; microseconds only when they are not whole
    milliseconds, so what is read back is written back unchanged. Naive means UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if moment.microsecond % 1000:
        return moment.isoformat(timespec="microseconds") + "Z"
    return moment.isoformat(timespec="milliseconds") + "Z"


def iso_utc_stored(value: object) -> str:
    """:func:`iso_utc` of a time as a database hands it out: a ``datetime``, or ISO 8601
    text (SQLite's ``2026-01-31 12:00:00.123000``, rewritten by slicing once the C parser
    has read it). ``ValueError`` or ``TypeError`` for anything that is not a time."""
    if type(value) is not str:
        if isinstance(value, datetime):
            return iso_utc(value)
        raise TypeError(f"{value!r} is not a time")
    moment = datetime.fromisoformat(value)
    if (
        len(value) == 26
        and moment.tzinfo is None
        and value[4] == "-"
        and value[7] == "-"
        and value[10] == " "
        and value[19] == "."
    ):
        if value.endswith("000"):
            return f"{value[:10]}T{value[11:23]}Z"
        return f"{value[:10]}T{value[11:]}Z"
    return iso_utc(moment)


def parse_iso_utc(text: str) -> datetime:
    """Naive UTC datetime from ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``; ``ValueError`` otherwise."""
    if len(text) in (20, 24, 27) and text[-1] == "Z" and text[10] == "T" and text[4] == "-":
        # The shapes this program writes (no, 3 or 6 fraction digits): the C parser.
        try:
            moment = datetime.fromisoformat(text[:-1])
        except ValueError:
            pass
        else:
            if moment.tzinfo is None and text[19] in ".Z":
                return moment
    match = _ISO_Z.fullmatch(text)
    if match is None:
        raise ValueError(
            say(N_("{text} is not a UTC time like 2026-01-31T12:00:00.000Z"), text=repr(text))
        )
    whole, fraction = match.groups()
    moment = datetime.fromisoformat(whole)
    if fraction:
        moment = moment.replace(microsecond=int(fraction.ljust(6, "0")))
    return moment


def local_time(moment: datetime) -> str:
    """``7 Dec 2026, 17:22``: ``moment`` (naive means UTC) in the local time zone, as a
    reader says it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"
