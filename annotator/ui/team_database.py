"""Asking for what a team database server needs: its URL, and a password (never kept)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from annotator.ui.i18n import tr

EXAMPLE_URL = "postgresql+psycopg://alice@db.example.org/corpus"


def ask_password(parent: QWidget | None, question: str) -> str | None:
    """The password the user types (shown as dots), or None if they cancel. It is used
    for the connection only: never written to the settings or the log."""
    password, ok = QInputDialog.getText(
        parent, tr("Database password"), question, QLineEdit.EchoMode.Password
    )
    return password if ok else None


def ask_url(parent: QWidget | None) -> str | None:
    """A database URL the user types, or None if they cancel or leave it blank."""
    url, ok = QInputDialog.getText(
        parent,
        tr("Open team database"),
        tr(
            "PostgreSQL URL (leave the password out: you will be asked, or it is read "
            "from ~/.pgpass):\n{example}"
        ).format(example=EXAMPLE_URL),
        QLineEdit.EchoMode.Normal,
    )
    url = url.strip()
    return url if ok and url else None
