"""Preferences ▸ Keyboard: every action's keys, recorded by pressing them, with clashes
refused or resolved explicitly and reset to the defaults per action or all at once."""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QT_TR_NOOP, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.shortcuts import clashes
from annotator.ui.i18n import tr
from annotator.ui.shortcuts import default_keys, portable

NAME, KEYS, OTHER, RESET = range(4)
HEADERS = (QT_TR_NOOP("Action"), QT_TR_NOOP("Shortcut"), QT_TR_NOOP("Also"), "")
# A mnemonic as Chinese menus write it, after the text: "匯出(&E)…".
TRAILING_MNEMONIC = re.compile(r"\(&\w\)")


def plain_text(text: str) -> str:
    """A menu text without its mnemonic (``&Export…``, ``匯出(&E)…``) or ellipsis."""
    return TRAILING_MNEMONIC.sub("", text).replace("&", "").rstrip("…").strip()


class ShortcutsPage(QWidget):
    """A table of ``actions`` (name → action): the action, its key (click and press the
    new one), its other keys, and a reset button. ``reserved`` keys (portable text → what
    holds them: label hotkeys) cannot be taken."""

    def __init__(self, actions: Mapping[str, QAction], reserved: Mapping[str, str]) -> None:
        super().__init__()
        self._actions = dict(actions)
        self._reserved = {key.casefold(): holder for key, holder in reserved.items()}
        self._keys = {name: portable(a.shortcuts()) for name, a in self._actions.items()}
        self._names = list(self._actions)
        self._pending: tuple[str, str, str] | None = None  # (name, key, holder) to take
        self.table = QTableWidget(len(self._names), 4)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([tr(h) if h else h for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, name in enumerate(self._names):
            action = self._actions[name]
            item = QTableWidgetItem(self.action_text(name))
            item.setToolTip(action.toolTip())
            self.table.setItem(row, NAME, item)
            edit = QKeySequenceEdit()
            edit.setObjectName(f"keys:{name}")
            edit.setMaximumSequenceLength(1)
            # Esc stops recording (the key stays as it was); a second Esc closes the dialog.
            edit.setFinishingKeyCombinations([QKeyCombination(Qt.Key.Key_Escape)])
            edit.setToolTip(tr("Click, then press the new keys"))
            edit.editingFinished.connect(lambda n=name: self._recorded(n))
            self.edits[name] = edit
            self.table.setCellWidget(row, KEYS, edit)
            self.table.setItem(row, OTHER, QTableWidgetItem())
            buttons = QWidget()
            buttons_layout = QHBoxLayout(buttons)
            buttons_layout.setContentsMargins(2, 0, 2, 0)
            buttons_layout.setSpacing(2)
            clear = QPushButton(tr("Clear"))
            clear.setObjectName(f"clear:{name}")
            clear.setToolTip(tr("No keys for this action"))
            clear.clicked.connect(lambda _=False, n=name: self.clear(n))
            reset = QPushButton(tr("Reset"))
            reset.setObjectName(f"reset:{name}")
            reset.setToolTip(tr("Back to this action's default keys"))
            reset.clicked.connect(lambda _=False, n=name: self.reset(n))
            buttons_layout.addWidget(clear)
            buttons_layout.addWidget(reset)
            self.table.setCellWidget(row, RESET, buttons)
            self._show(name)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEYS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(KEYS, 170)
        header.setSectionResizeMode(OTHER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RESET, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setObjectName("shortcutMessage")
        self.message.setWordWrap(True)
        self.take_button = QPushButton(tr("Take it"))
        self.take_button.setToolTip(tr("Give the keys to this action and take them from the other"))
        self.take_button.clicked.connect(self.take)
        self.take_button.hide()
        reset_all = QPushButton(tr("Reset all to defaults"))
        reset_all.setObjectName("resetAllShortcuts")
        reset_all.clicked.connect(self.reset_all)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.message, 1)
        row_layout.addWidget(self.take_button)
        row_layout.addWidget(reset_all)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("Click a shortcut and press the new keys. Label keys are set in Edit labels.")
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(row_layout)

    # -- what is chosen ----------------------------------------------------------------

    def keys(self, name: str) -> list[str]:
        return list(self._keys[name])

    def chosen(self) -> dict[str, list[str]]:
        """The keys that differ from the defaults, by action name (kept in preferences)."""
        return {
            name: keys
            for name, keys in self._keys.items()
            if keys != default_keys(self._actions[name])
        }

    def clashes(self) -> dict[str, list[str]]:
        return clashes(self._keys)

    # -- changes -----------------------------------------------------------------------

    def _show(self, name: str) -> None:
        keys = self._keys[name]
        row = self._names.index(name)
        edit = self.edits[name]
        edit.blockSignals(True)
        edit.setKeySequence(QKeySequence(keys[0]) if keys else QKeySequence())
        edit.blockSignals(False)
        other = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys[1:]
        )
        self.table.item(row, OTHER).setText(other)

    def _holder(self, key: str, name: str) -> str | None:
        """Who else holds ``key``: an action's text, a label's, or None."""
        folded = key.casefold()
        for other, keys in self._keys.items():
            if other != name and folded in (k.casefold() for k in keys):
                return other
        return None

    def action_text(self, name: str) -> str:
        """What the menus call action ``name`` (without mnemonic or ellipsis)."""
        return plain_text(self._actions[name].text())

    def _recorded(self, name: str) -> None:
        if self.edits[name].hasFocus():
            self.table.setFocus()  # out of the edit: the next Esc closes the dialog
        sequence = self.edits[name].keySequence()
        if sequence.isEmpty():
            return
        key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if key in self._keys[name][:1]:
            return  # unchanged (or put back after a refusal): a pending Take stays
        self._pending = None
        self.take_button.hide()
        label = self._reserved.get(key.casefold())
        if label is not None:
            self._refuse(
                name,
                tr(
                    "{key} tags as {label}: choose another key, or change the "
                    "label's key in Label ▸ Edit labels."
                ).format(key=native, label=label),
            )
            return
        holder = self._holder(key, name)
        if holder is not None:
            self._refuse(
                name,
                tr(
                    "{key} is already the key of “{action}”. Press another key, "
                    "or Take it from “{action}”."
                ).format(key=native, action=self.action_text(holder)),
            )
            self._pending = (name, key, holder)
            self.take_button.show()
            return
        self._set(name, [key, *self._keys[name][1:]])
        self.message.setText(
            tr("“{action}”: {key}.").format(action=self.action_text(name), key=native)
        )

    def _refuse(self, name: str, why: str) -> None:
        self.message.setText(why)
        self._show(name)  # the old key back

    def take(self) -> None:
        """Give the pending clashing key to its action, taking it from the other."""
        if self._pending is None:
            return
        name, key, holder = self._pending
        self._pending = None
        self.take_button.hide()
        self._set(holder, [k for k in self._keys[holder] if k.casefold() != key.casefold()])
        self._set(name, [key, *self._keys[name][1:]])
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        self.message.setText(
            tr("{key} is now “{action}”; “{other}” lost it.").format(
                key=native, action=self.action_text(name), other=self.action_text(holder)
            )
        )

    def clear(self, name: str) -> None:
        """No keys for ``name``."""
        self._set(name, [])
        self.message.setText(tr("“{action}”: no keys.").format(action=self.action_text(name)))

    def _set(self, name: str, keys: list[str]) -> None:
        self._keys[name] = keys
        self._show(name)

    def reset(self, name: str) -> None:
        """Back to ``name``'s default keys (taking them from an action that has them)."""
        defaults = default_keys(self._actions[name])
        for key in defaults:
            holder = self._holder(key, name)
            if holder is not None:
                self._set(holder, [k for k in self._keys[holder] if k.casefold() != key.casefold()])
        self._set(name, defaults)
        self.message.setText(
            tr("“{action}”: its default keys.").format(action=self.action_text(name))
        )

    def reset_all(self) -> None:
        for name in self._names:
            self._set(name, default_keys(self._actions[name]))
        self.message.setText(tr("Every shortcut is back to its default."))
        self._pending = None
        self.take_button.hide()
