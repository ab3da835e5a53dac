"""The window's actions whose keys can be changed (Preferences ▸ Keyboard), their default
keys, and applying the keys chosen.

An action is named by the window's attribute that holds it (``find_action`` is
``find``), stable across versions and languages; keys are kept as portable text
(``Ctrl+Shift+F``). Label hotkeys are not among them: they belong to the label scheme
(Label ▸ Edit labels…).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from annotator.core.model import Label
from annotator.core.shortcuts import clashes

DEFAULTS = "defaultShortcuts"  # the action's property holding its default keys
RESIZE_NAMES = (
    "resize_extend_end",
    "resize_shrink_end",
    "resize_extend_start",
    "resize_shrink_start",
)


def portable(keys: Sequence[QKeySequence]) -> list[str]:
    return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys if not k.isEmpty()]


def _named(holder: Any, prefix: str = "") -> dict[str, QAction]:
    return {
        prefix + name.removesuffix("_action"): value
        for name, value in vars(holder).items()
        if name.endswith("_action") and isinstance(value, QAction)
    }


def window_actions(window: Any) -> dict[str, QAction]:
    """The main window's actions by name, in menu-independent but stable order; each
    remembers its default keys (those it had when first listed)."""
    actions = _named(window)
    actions.update(zip(RESIZE_NAMES, getattr(window, "resize_actions", ()), strict=False))
    suggestions = getattr(window, "suggestions", None)
    if suggestions is not None:
        actions.update(_named(suggestions, "suggestions."))
    for action in actions.values():
        if action.property(DEFAULTS) is None:
            action.setProperty(DEFAULTS, portable(action.shortcuts()) or [""])
    return actions


def default_keys(action: QAction) -> list[str]:
    """The keys ``action`` had before any were chosen."""
    value = action.property(DEFAULTS) or []
    return [key for key in value if key]


def apply_shortcuts(
    actions: Mapping[str, QAction],
    chosen: Mapping[str, Sequence[str]],
    reserved: Iterable[str] = (),
) -> list[str]:
    """Give each action the keys ``chosen`` names for it, else its default keys. A chosen
    key that another action would also hold, or that is ``reserved`` (label hotkeys), is
    left out (a hand-edited file must not make two actions share a key, where neither
    would work); returns those left out, as ``"name: key"``."""
    assigned = {
        name: [QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in keys]
        for name, keys in chosen.items()
        if name in actions
    }
    keys_of = {name: assigned.get(name, default_keys(a)) for name, a in actions.items()}
    taken = {key.casefold() for key in reserved}
    dropped = []
    for key, names in clashes(keys_of).items():
        for name in names:
            if name in assigned:
                keys_of[name] = [k for k in keys_of[name] if k.casefold() != key.casefold()]
                dropped.append(f"{name}: {key}")
    for name in assigned:
        for key in keys_of[name]:
            if key.casefold() in taken:
                keys_of[name] = [k for k in keys_of[name] if k != key]
                dropped.append(f"{name}: {key}")
    for name, action in actions.items():
        action.setShortcuts([QKeySequence(key) for key in keys_of[name]])
    return dropped


def label_hotkeys(labels: Iterable[Label]) -> dict[str, str]:
    """Portable key → label name, for the labels that have a hotkey."""
    out: dict[str, str] = {}
    for label in labels:
        if label.hotkey:
            key = QKeySequence(label.hotkey).toString(QKeySequence.SequenceFormat.PortableText)
            out[key] = label.name
    return out
