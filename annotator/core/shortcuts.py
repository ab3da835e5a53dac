"""Keyboard shortcut clashes: one key sequence given to two actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def clashes(assigned: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The key sequences (portable text, compared without case) that more than one of
    ``assigned``'s names holds, each with those names in order."""
    holders: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for name, keys in assigned.items():
        for key in keys:
            folded = key.casefold()
            shown.setdefault(folded, key)
            if name not in holders.setdefault(folded, []):
                holders[folded].append(name)
    return {shown[k]: names for k, names in holders.items() if len(names) > 1}
