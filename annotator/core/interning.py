"""Values stored once and referred to by number, as compact rows hold labels and rules."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def number_of(name: K, names: list[K], numbers: dict[K, int]) -> int:
    """``name``'s index in ``names``, appended (and recorded in ``numbers``) if new."""
    found = numbers.get(name)
    if found is None:
        found = numbers[name] = len(names)
        names.append(name)
    return found
