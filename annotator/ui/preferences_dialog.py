"""Edit ▸ Preferences…: how the text reads, the theme, who annotates, backups, and every
keyboard shortcut. OK keeps and applies the changes, Apply does so and stays open,
Cancel leaves everything as it was when last applied."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.app import preferences
from annotator.app.preferences import (
    SIZE_RANGE,
    SPACING_RANGE,
    WIDTH_RANGE,
    ZOOM_RANGE,
    Preferences,
)
from annotator.core.annotators import name_problem
from annotator.store.backups import EVERY, KEEP, MAX_HOURS, backup_folder
from annotator.ui.i18n import LANGUAGES, tr, tr_said
from annotator.ui.shortcuts_page import ShortcutsPage

THEME_NAMES = {
    "system": QT_TR_NOOP("The system's"),
    "light": QT_TR_NOOP("Light"),
    "dark": QT_TR_NOOP("Dark"),
    "high-contrast": QT_TR_NOOP("High contrast (white on black)"),
}


@dataclass(frozen=True, slots=True)
class Backups:
    """A database's backup policy: keep the newest ``keep``, one every ``hours`` (0: off)."""

    keep: int
    hours: float


@dataclass(frozen=True, slots=True)
class Chosen:
    """What the dialog's OK or Apply hands to the window."""

    preferences: Preferences
    annotator: str
    backups: Backups | None  # None: the database has no backups (a server's)


class PreferencesDialog(QDialog):
    """``apply(chosen)`` makes the choices real and returns a problem to show, or None.
    ``database`` is the SQLite file whose backups the Backups page sets (None: a server's
    database), ``backups`` its current policy."""

    def __init__(
        self,
        parent: QWidget,
        *,
        actions: Mapping[str, QAction],
        reserved: Mapping[str, str],
        annotator: str,
        reading_font: QFont,
        database: Path | None,
        backups: Backups | None,
        apply: Callable[[Chosen], str | None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(tr("Preferences"))
        self._apply = apply
        kept = preferences.load()
        self._kept = kept
        self.tabs = QTabWidget()

        # Reading
        self.font_box = QFontComboBox()
        self.font_box.setObjectName("readingFont")
        self.font_box.setCurrentFont(QFont(kept.reading_font or reading_font.family()))
        self.system_font = QCheckBox(tr("The system's font"))
        self.system_font.setToolTip(tr("Read in the system's font rather than the one chosen"))
        self.system_font.setChecked(kept.reading_font is None)
        self.system_font.toggled.connect(lambda on: self.font_box.setEnabled(not on))
        self.font_box.setEnabled(kept.reading_font is not None)
        self.size_box = QDoubleSpinBox()
        self.size_box.setObjectName("readingSize")
        self.size_box.setRange(SIZE_RANGE[0] - 0.5, SIZE_RANGE[1])
        self.size_box.setDecimals(1)
        self.size_box.setSingleStep(0.5)
        self.size_box.setSuffix(tr(" pt"))
        self.size_box.setSpecialValueText(tr("Default"))  # at the minimum: the default size
        self.size_box.setValue(kept.reading_size or self.size_box.minimum())
        self.zoom_box = QSpinBox()
        self.zoom_box.setObjectName("zoom")
        self.zoom_box.setRange(*ZOOM_RANGE)
        self.zoom_box.setSuffix(tr(" pt"))
        self.zoom_box.setValue(kept.zoom)
        self.zoom_box.setToolTip(
            tr("Added to the size; Ctrl+= and Ctrl+- change it, Ctrl+0 resets")
        )
        self.spacing_box = QSpinBox()
        self.spacing_box.setObjectName("lineSpacing")
        self.spacing_box.setRange(*SPACING_RANGE)
        self.spacing_box.setSingleStep(10)
        self.spacing_box.setSuffix(" %")
        self.spacing_box.setValue(kept.line_spacing)
        self.width_box = QSpinBox()
        self.width_box.setObjectName("lineWidth")
        self.width_box.setRange(WIDTH_RANGE[0], WIDTH_RANGE[1])
        self.width_box.setSingleStep(10)
        self.width_box.setSuffix(tr(" characters"))
        self.width_box.setSpecialValueText(tr("No maximum"))
        self.width_box.setValue(kept.line_width)
        reading = QWidget()
        form = QFormLayout(reading)
        form.addRow(tr("Font:"), self.font_box)
        form.addRow("", self.system_font)
        form.addRow(tr("Size:"), self.size_box)
        form.addRow(tr("Zoom:"), self.zoom_box)
        form.addRow(tr("Line spacing:"), self.spacing_box)
        form.addRow(tr("Line width at most:"), self.width_box)
        self.tabs.addTab(reading, tr("&Reading"))

        # Appearance
        self.theme_box = QComboBox()
        self.theme_box.setObjectName("theme")
        for theme, text in THEME_NAMES.items():
            self.theme_box.addItem(tr(text), theme)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(kept.theme)))
        self.suggestions_box = QCheckBox(tr("Show the rules' suggestions on the text"))
        self.suggestions_box.setToolTip(tr("Dashed outlines where the rules suggest a tag"))
        self.suggestions_box.setObjectName("showSuggestions")
        self.suggestions_box.setChecked(kept.show_suggestions)
        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        self.language_box.addItem(tr("The system's"), None)
        for language, text in LANGUAGES.items():
            self.language_box.addItem(text, language)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(kept.language)))
        appearance = QWidget()
        form = QFormLayout(appearance)
        form.addRow(tr("Theme:"), self.theme_box)
        form.addRow("", self.suggestions_box)
        form.addRow(tr("Language:"), self.language_box)
        form.addRow("", _wrapped(tr("A new language shows from the next start of Annotator.")))
        self.tabs.addTab(appearance, tr("&Appearance"))

        # You
        self.name_box = QLineEdit(annotator)
        self.name_box.setObjectName("annotatorName")
        you = QWidget()
        form = QFormLayout(you)
        form.addRow(tr("Annotate as:"), self.name_box)
        note = tr("New annotations record this name.")
        if preferences.chosen_by_environment():
            note = tr(
                "New annotations record this name. $ANNOTATOR_USER is set: the next launch "
                "uses it again."
            )
        form.addRow("", _wrapped(note))
        self.tabs.addTab(you, tr("&You"))

        # Backups
        self.keep_box = QSpinBox()
        self.keep_box.setObjectName("backupKeep")
        self.keep_box.setRange(1, 1000)
        self.keep_box.setValue(backups.keep if backups else KEEP)
        self.every_box = QDoubleSpinBox()
        self.every_box.setObjectName("backupEvery")
        self.every_box.setRange(0, MAX_HOURS)
        self.every_box.setDecimals(1)
        self.every_box.setSuffix(tr(" hours"))
        self.every_box.setSpecialValueText(tr("Never (automatic backups off)"))
        self.every_box.setValue(backups.hours if backups else EVERY.total_seconds() / 3600)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("Keep the newest:"), self.keep_box)
        form.addRow(tr("Back up on opening, every:"), self.every_box)
        if database is not None:
            where = tr("Backups of {name} are kept in {folder}.").format(
                name=database.name, folder=backup_folder(database)
            )
        else:
            where = tr("A team database is backed up by its server; these apply to SQLite files.")
            self.keep_box.setEnabled(False)
            self.every_box.setEnabled(False)
        form.addRow("", _wrapped(where))
        self._has_backups = database is not None
        self.tabs.addTab(page, tr("&Backups"))

        # Keyboard
        self.shortcuts = ShortcutsPage(actions, reserved)
        self.tabs.addTab(self.shortcuts, tr("&Keyboard"))

        self.problem = QLabel()
        self.problem.setObjectName("preferencesProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def chosen(self) -> Chosen:
        """What the dialog shows now."""
        size = self.size_box.value()
        current = preferences.load()  # the zoom may have changed outside the dialog
        chosen = replace(
            current,
            reading_font=None
            if self.system_font.isChecked()
            else self.font_box.currentFont().family(),
            reading_size=0.0 if size < SIZE_RANGE[0] else size,
            zoom=self.zoom_box.value(),
            line_spacing=self.spacing_box.value(),
            line_width=self.width_box.value(),
            theme=str(self.theme_box.currentData()),
            show_suggestions=self.suggestions_box.isChecked(),
            language=self.language_box.currentData(),
            shortcuts=self.shortcuts.chosen(),
        )
        backups = (
            Backups(self.keep_box.value(), self.every_box.value()) if self._has_backups else None
        )
        return Chosen(chosen, self.name_box.text().strip(), backups)

    def _family(self) -> str | None:
        return None if self.system_font.isChecked() else self.font_box.currentFont().family()

    def apply(self) -> bool:
        """Check and apply what is chosen; returns whether it was (else the problem shows)."""
        chosen = self.chosen()
        problem = name_problem(chosen.annotator)
        if problem is not None:
            self.tabs.setCurrentIndex(2)
            problem = tr("Your name: {problem}").format(problem=tr_said(problem))
        elif clashing := self.shortcuts.clashes():
            self.tabs.setCurrentIndex(4)
            key, names = next(iter(clashing.items()))
            problem = tr("{key} is the key of more than one action ({actions}).").format(
                key=key, actions=", ".join(self.shortcuts.action_text(n) for n in names)
            )
        else:
            problem = self._apply(chosen)
        self.problem.setText(problem or "")
        return problem is None

    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.RejectRole:
            self.reject()
        elif role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.AcceptRole and self.apply():
            self.accept()


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
