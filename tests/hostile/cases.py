"""Every case of the battery, in one list."""

from __future__ import annotations

from tests.hostile.case import Case
from tests.hostile.databases import database_and_process_cases
from tests.hostile.documents import document_cases
from tests.hostile.files import file_cases
from tests.hostile.interchange import interchange_cases
from tests.hostile.sets import scheme_cases, set_cases


def all_cases() -> list[Case]:
    cases = [
        *document_cases(),
        *set_cases(),
        *scheme_cases(),
        *interchange_cases(),
        *file_cases(),
        *database_and_process_cases(),
    ]
    names = [case.name for case in cases]
    duplicates = {name for name in names if names.count(name) > 1}
    assert not duplicates, f"cases named twice: {sorted(duplicates)}"
    return cases


def by_name() -> dict[str, Case]:
    return {case.name: case for case in all_cases()}
