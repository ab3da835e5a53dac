"""The Suggestions menu and its actions: show or hide, next and previous, accept, reject,
stop a rule, rules switched off, accept all of a label, bring back the rejected. A part of
:class:`annotator.ui.suggestions.SuggestionsController` (a mixin: its methods use the
controller's state)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.app import preferences
from annotator.ui.i18n import tr
from annotator.ui.menu_text import plain


class MenuMixin:
    def _action(
        self, text: str, slot: object, keys: Sequence[str] = (), tip: str = "", *, text_only: bool
    ) -> QAction:
        """An action of the window (listed in F1, its keys reserved from label hotkeys);
        ``text_only``: its keys work only while the text has the focus."""
        action = QAction(text, self._main.frame)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setStatusTip(tip)
        action.setToolTip(tip or plain(text))
        action.triggered.connect(slot)
        self._main.frame.addAction(action)
        if text_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._view.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.show_action = QAction(tr("&Show suggestions"), self._main.frame)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(preferences.load().show_suggestions)
        self.show_action.setStatusTip(
            tr(
                "Draw the rules' suggestions as dashed outlines (hidden: none drawn, their keys "
                "do nothing)"
            )
        )
        self.show_action.toggled.connect(self.set_shown)
        self.next_action = self._action(
            tr("&Next suggestion"),
            lambda: self.step(1),
            ("]", "Alt+Down"),
            tr("Go to the next open suggestion"),
            text_only=False,
        )
        self.previous_action = self._action(
            tr("&Previous suggestion"),
            lambda: self.step(-1),
            ("[", "Alt+Up"),
            tr("Go to the previous open suggestion"),
            text_only=False,
        )
        self.accept_action = self._action(
            tr("&Accept suggestion"),
            lambda: self.accept_current(),
            ("Enter", "Return"),
            tr("Make the current suggestion an annotation (a label key accepts it as that label)"),
            text_only=True,
        )
        self.reject_action = self._action(
            tr("&Reject suggestion"),
            self.reject_current,
            ("Esc", "X"),
            tr("Reject the current suggestion: it does not come back in this document"),
            text_only=True,
        )
        self.stop_rule_action = self._action(
            tr("S&top suggesting this rule"),
            self.switch_off_current,
            tip=tr(
                "Switch the current suggestion's rule off in this database: it suggests "
                "nothing more, in any document, until switched on again (Ctrl+Z undoes)"
            ),
            text_only=False,
        )
        self.restore_action = self._action(
            tr("Bring back &rejected suggestions"),
            self.restore_rejected,
            tip=tr("Forget the suggestions rejected in this document, so they are offered again"),
            text_only=False,
        )

    def _build_menu(self) -> QMenu:
        menu = QMenu(tr("&Suggestions"), self._main.frame)
        menu.setObjectName("suggestionsMenu")
        menu.addAction(self.show_action)
        menu.addSeparator()
        menu.addAction(self.next_action)
        menu.addAction(self.previous_action)
        menu.addSeparator()
        menu.addAction(self.accept_action)
        menu.addAction(self.reject_action)
        menu.addAction(self.stop_rule_action)
        self.rules_off_menu = menu.addMenu(tr("R&ules switched off"))
        self.rules_off_menu.setObjectName("rulesOff")
        self.rules_off_menu.aboutToShow.connect(self._fill_rules_off)
        menu.addSeparator()
        self.accept_all_menu = menu.addMenu(tr("Accept &all of a label"))
        self.accept_all_menu.aboutToShow.connect(self._fill_accept_all)
        menu.addAction(self.restore_action)
        menu.aboutToShow.connect(self._fill_accept_all)  # enabled only if there are any
        return menu

    def _fill_rules_off(self) -> None:
        self.rules_off_menu.clear()
        for rule in sorted(self._off):
            action = self.rules_off_menu.addAction(
                tr("Suggest «{rule}» again").format(rule=rule.replace("&", "&&")),
                lambda name=rule: self.switch_on(name),
            )
            action.setObjectName(f"ruleOn:{rule}")

    def _fill_accept_all(self) -> None:
        self._flush()
        counts: dict[str, int] = {}
        pending = self._pending
        for row in range(len(pending)):
            label = pending.label(row)
            counts[label] = counts.get(label, 0) + 1
        self.accept_all_menu.clear()
        for label in self._main.labels():
            count = counts.get(label.name, 0)
            text = (
                tr("Accept the 1 {label} suggestion")
                if count == 1
                else tr("Accept all {n} {label} suggestions")
            ).format(n=count, label=label.name.replace("&", "&&"))
            action = self.accept_all_menu.addAction(
                text,
                lambda name=label.name: self.accept_all(name),
            )
            action.setObjectName(f"acceptAll:{label.name}")
            action.setEnabled(count > 0)
        self.accept_all_menu.setEnabled(bool(self._pending))

    def _update_actions(self) -> None:
        usable = self._usable()
        for action in (self.next_action, self.previous_action):
            action.setEnabled(usable and bool(self._pending))
        for action in (self.accept_action, self.reject_action, self.stop_rule_action):
            action.setEnabled(usable and self._current is not None)
        rule = self._current.rule if usable and self._current is not None else None
        self.stop_rule_action.setText(
            tr("S&top suggesting this rule")
            if rule is None
            else tr("S&top suggesting «{rule}»").format(rule=rule.replace("&", "&&"))
        )
        self.rules_off_menu.setEnabled(bool(self._off))
        self.restore_action.setEnabled(usable and bool(self._rejected))
