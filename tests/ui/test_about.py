"""Help ▸ About: the versions, the database and where its backups go, the licence; Copy
puts the text ``annotator --version --verbose`` prints on the clipboard."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator import __version__
from annotator.ui.about_dialog import AboutDialog


def open_about(app) -> AboutDialog:
    (help_menu,) = (
        a.menu() for a in app.window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    (about,) = (a for a in help_menu.actions() if a.text() == "&About Annotator")
    about.trigger()
    dialog = app.window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None
    app.qtbot.waitExposed(dialog)
    return dialog


def test_about_shows_the_versions_the_database_and_the_licence(app, db_path, qtbot):
    dialog = open_about(app)
    assert dialog.windowTitle() == "About Annotator"
    assert f"Annotator {__version__}" in dialog.title.text()
    assert "MIT licence" in dialog.licence.text() and "Read the licence" in dialog.licence.text()
    # A table: each label on a line, then its value.
    lines = [line for line in dialog.facts.toPlainText().splitlines() if line]
    shown = dict(zip(lines[0::2], lines[1::2], strict=True))
    assert shown["Python"] == f"{platform.python_version()} ({platform.python_implementation()})"
    assert shown["Qt"] == qVersion()
    assert shown["PySide6"] == PySide6.__version__
    assert shown["Database"] == str(db_path)
    assert shown["Backups"] == f"{db_path}.backups"
    assert shown["Preferences"].endswith("preferences.json")
    assert dialog.facts.isReadOnly()
    flags = dialog.facts.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse  # selectable, for a bug report

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == f"annotator {__version__}"
    assert f"Database:              {db_path}" in copied
    assert f"Qt:                    {qVersion()}" in copied
    assert dialog.copy_button.text() == "Copied"

    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert open_about(app) is dialog  # one dialog, shown again with its facts read again
    assert dialog.copy_button.text() == "&Copy"


def test_about_speaks_the_users_language_and_copies_english(app, chinese, qtbot):
    dialog = open_about(app)
    labels = [line for line in dialog.facts.toPlainText().splitlines() if line][0::2]
    assert "偏好設定" in labels and "Preferences" not in labels  # translated as the window is
    assert dialog.copy_button.text() == "複製(&C)"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "\nPreferences:" in copied and "偏好設定" not in copied  # a report anyone reads
