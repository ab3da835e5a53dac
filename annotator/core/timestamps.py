"""UTC timestamps as the formats write them: ISO 8601 with ``Z``."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_ISO_Z = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$")


def iso_utc(moment: datetime) -> str:
    """``2026-01-31T12:00:00.123Z``; microseconds only when they are not whole
    milliseconds, so what is read back is written back unchanged. Naive means UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    spec = "milliseconds" if moment.microsecond % 1000 == 0 else "microseconds"
    return moment.isoformat(timespec=spec) + "Z"


def parse_iso_utc(text: str) -> datetime:
    """Naive UTC datetime from ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``; ``ValueError`` otherwise."""
    match = _ISO_Z.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a UTC time like 2026-01-31T12:00:00.000Z")
    whole, fraction = match.groups()
    moment = datetime.fromisoformat(whole)
    if fraction:
        moment = moment.replace(microsecond=int(fraction.ljust(6, "0")))
    return moment
