"""The main window's reading comfort: zoom, the reading font, spacing and line width,
the theme, and the keyboard shortcuts chosen in Preferences.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from annotator.app import preferences
from annotator.app.preferences import ZOOM_RANGE, Preferences
from annotator.store import StoreError
from annotator.store.backups import EVERY_SETTING, KEEP_SETTING, policy
from annotator.ui.i18n import tr, tr_said
from annotator.ui.shortcuts import apply_shortcuts, label_hotkeys, window_actions
from annotator.ui.text_view import default_reading_size
from annotator.ui.theme import apply_theme

if TYPE_CHECKING:
    from annotator.ui.preferences_dialog import Chosen, PreferencesDialog

MIN_POINTS = 6.0
log = logging.getLogger(__name__)


class ReadingMixin:
    """Zoom and the settings of Preferences, applied to the window at once."""

    def apply_reading(self, chosen: Preferences | None = None) -> None:
        """Show the text as ``chosen`` (default: the kept preferences) says."""
        chosen = chosen or preferences.load()
        self.text_view.set_reading(
            chosen.reading_font,
            self.reading_points(chosen),
            chosen.line_spacing,
            chosen.line_width,
        )

    def reading_points(self, chosen: Preferences) -> float:
        """The text's size in points: the chosen size (or the default) plus the zoom."""
        base = chosen.reading_size or default_reading_size(self.text_view._system_font)
        return max(MIN_POINTS, base + chosen.zoom)

    def zoom(self, step: int) -> None:
        """Make the text ``step`` points larger (smaller if negative); 0 resets the zoom.
        Remembered for the next launch."""
        current = preferences.load()
        low, high = ZOOM_RANGE
        zoom = 0 if step == 0 else min(max(current.zoom + step, low), high)
        if step < 0 and self.reading_points(current) + step < MIN_POINTS:
            zoom = current.zoom  # as small as it goes
        chosen = preferences.update(zoom=zoom)
        self.apply_reading(chosen)
        points = self.text_view.reading_size()
        self.statusBar().showMessage(
            tr("Text size {points} pt (Ctrl+0: back to normal)").format(points=f"{points:g}"), 4000
        )

    def apply_preferences(self, chosen: Preferences) -> None:
        """Everything Preferences sets that the window shows, applied now."""
        self.apply_reading(chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, chosen.theme)
        if self.suggestions.show_action.isChecked() != chosen.show_suggestions:
            self.suggestions.show_action.setChecked(chosen.show_suggestions)
        self.apply_shortcuts(chosen)

    def apply_shortcuts(self, chosen: Preferences) -> None:
        """The keys chosen in Preferences, else the defaults (noted on the first call)."""
        dropped = apply_shortcuts(
            window_actions(self), chosen.shortcuts, label_hotkeys(self._labels)
        )
        if dropped:
            log.warning("shortcuts left out (held by another action or label): %s", dropped)

    def show_preferences(self) -> PreferencesDialog:
        """Open Preferences (window-modal); returns the dialog."""
        from annotator.ui.preferences_dialog import Backups, PreferencesDialog

        location = self._store.location
        database = None if "://" in location or location in ("", ":memory:") else Path(location)
        backups = None
        if database is not None:
            keep, every = policy(database)
            backups = Backups(keep, every / timedelta(hours=1))
        label_actions = set(self.label_actions.values())
        actions = {n: a for n, a in window_actions(self).items() if a not in label_actions}
        dialog = PreferencesDialog(
            self,
            actions=actions,
            reserved=label_hotkeys(self._labels),
            annotator=self.workspace.annotator,
            reading_font=self.text_view.font(),
            database=database,
            backups=backups,
            apply=self._apply_chosen,
        )
        dialog.finished.connect(lambda _result: self.activateWindow())
        dialog.open()
        return dialog

    def _apply_chosen(self, chosen: Chosen) -> str | None:
        """Keep and apply what Preferences chose; a problem to show, or None."""
        if chosen.backups is not None:
            try:
                self._store.set_setting(KEEP_SETTING, str(chosen.backups.keep))
                self._store.set_setting(EVERY_SETTING, str(chosen.backups.hours))
            except StoreError as exc:
                return tr("The backup settings could not be kept: {problem}").format(
                    problem=tr_said(exc)
                )
        kept = preferences.update(**asdict(chosen.preferences))
        self.apply_preferences(kept)
        if chosen.annotator != self.workspace.annotator:
            self.set_annotator(chosen.annotator)
        self.statusBar().showMessage(tr("Preferences applied."), 4000)
        return None
