"""Moments as a reader of the interface's language says them: ``7 Dec 2026, 17:22`` in
English, ``2026年12月7日 17:22`` in Chinese (the catalogue holds the order and the months)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TR_NOOP

from annotator.ui.i18n import tr

MONTHS = (
    *(QT_TR_NOOP("Jan"), QT_TR_NOOP("Feb"), QT_TR_NOOP("Mar"), QT_TR_NOOP("Apr")),
    *(QT_TR_NOOP("May"), QT_TR_NOOP("Jun"), QT_TR_NOOP("Jul"), QT_TR_NOOP("Aug")),
    *(QT_TR_NOOP("Sep"), QT_TR_NOOP("Oct"), QT_TR_NOOP("Nov"), QT_TR_NOOP("Dec")),
)


def shown_time(moment: datetime) -> str:
    """``moment`` (naive means UTC) in the local time zone, in the interface's language."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return tr("{day} {month} {year}, {time}").format(
        day=local.day, month=tr(MONTHS[local.month - 1]), year=local.year, time=f"{local:%H:%M}"
    )
