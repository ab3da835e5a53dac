"""Moments in the interface's language: as core says them in English, in the order and
month names of the catalogue in Traditional Chinese."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from annotator.core.timestamps import local_time
from annotator.ui.times import shown_time

MOMENTS = [
    datetime(2026, m, d, h, 5, tzinfo=UTC) for m, d, h in ((1, 2, 3), (5, 31, 23), (12, 7, 12))
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_in_english_as_core_says_it(qapp, moment):
    assert shown_time(moment) == local_time(moment)


def test_in_chinese_year_month_day(qapp, chinese):
    for moment in MOMENTS:
        local = moment.astimezone()
        assert shown_time(moment) == f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
