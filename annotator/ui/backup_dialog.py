"""Choosing a backup to restore, and offering the newest when a database is damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator.store.backups import Backup, list_backups
from annotator.ui.i18n import tr


def describe_backup(backup: Backup) -> str:
    return tr("{time} UTC · {size} MB").format(
        time=f"{backup.made:%Y-%m-%d %H:%M:%S}", size=f"{backup.size / 1_000_000:.1f}"
    )


class RestoreDialog(QDialog):
    """Lists a database's backups, newest first; ``chosen()`` after ``exec()``."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.backups = list_backups(database)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Backups of <b>{name}</b>, newest first. Restoring replaces the database "
                "with the backup; the database as it is now is kept in the backup folder, "
                "so nothing is lost."
            ).format(name=database.name)
            if self.backups
            else tr("There are no backups of <b>{name}</b> yet.").format(name=database.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for backup in self.backups:
            item = QListWidgetItem(describe_backup(backup))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Restore"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, 320)

    def chosen(self) -> Path | None:
        row = self.list.currentRow()
        return self.backups[row].path if 0 <= row < len(self.backups) else None


def offer_newest_backup(message: str, database: Path, parent: QWidget | None = None) -> Path | None:
    """Explain that ``database`` cannot be opened and offer its newest backup; returns
    the backup the user chose to restore, or None."""
    backups = list_backups(database)
    box = QMessageBox(parent)
    box.setObjectName("damagedDatabase")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("The database cannot be opened"))
    box.setText(message)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    restore = None
    if backups:
        restore = box.addButton(
            tr("Restore backup of {backup}").format(backup=describe_backup(backups[0])),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(tr("Quit") if parent is None else tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return backups[0].path if restore is not None and box.clickedButton() is restore else None
