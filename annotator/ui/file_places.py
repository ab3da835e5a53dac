"""Where the file dialogs open: the folder the user last chose a file in (remembered in
the preferences), else their documents folder; never the program's own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.app import preferences


def start_folder() -> Path:
    """The last folder used, if it still exists; else the documents folder (or home)."""
    last = preferences.load().last_folder
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(chosen: str | Path) -> None:
    """Keep the folder of ``chosen`` (a file, or a folder itself) for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder) and folder.is_dir():
        preferences.update(last_folder=str(folder))


def save_file_name(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save a file first called ``name``; ``""`` if cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), filters)
    if path:
        remember_folder(path)
    return path


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Ask for files to open; ``[]`` if cancelled."""
    paths, _filter = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if paths:
        remember_folder(paths[0])
    return list(paths)


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """Ask for one file to open; ``""`` if cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        remember_folder(path)
    return path


def existing_folder(parent: QWidget | None, title: str) -> str:
    """Ask for a folder; ``""`` if cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if folder:
        remember_folder(folder)
    return folder
