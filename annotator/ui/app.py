"""Starting the GUI: the application object, the database to open, the main window.

A launch on an SQLite file at the current schema paints first, then loads the rest:
:func:`paint_first_screen` shows the window on what :mod:`annotator.store.first_screen`
reads (no SQLAlchemy), then the store is opened and :func:`run` attaches the window to it.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app import preferences
from annotator.app.preferences import launch_identity
from annotator.app.resources import APP_ID, resource_path
from annotator.store import StoreError
from annotator.store.backups import list_backups, restore
from annotator.store.errors import DamagedDatabase
from annotator.store.file_lock import Waiting
from annotator.store.first_screen import FirstScreen, read_first_screen
from annotator.ui import crash_report
from annotator.ui.i18n import install_translation, tr, tr_said
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import launch_database, move_old_preferences, remembered_database
from annotator.ui.termination import closing_on_termination
from annotator.ui.theme import apply_theme

if TYPE_CHECKING:
    from annotator.store import Store

FIRST_PAINT_WAIT_S = 5.0  # a window never painted (no screen?) is attached after this


def application(theme: str | None = None) -> QApplication:
    """The QApplication, created on first use; ``theme`` as :func:`apply_theme` takes it
    (None: the theme stays as it is).

    High-DPI: Qt scales by the screen's factor as it is (125 %, 150 %), not rounded to a
    whole number, so text and lines are sharp and sized as the system asks. This must
    be set before the application object exists.
    """
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Annotator")
    app.setApplicationDisplayName("Annotator")
    app.setDesktopFileName(APP_ID)  # the desktop shows the entry's name and icon for it
    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))  # an SVG: sharp at any scale
    if theme is not None:
        apply_theme(app, theme)
    install_translation(app, preferences.load().language)
    return app


def _ask_password(question: str) -> str | None:
    from annotator.ui.team_database import ask_password

    application()
    return ask_password(None, question)


def open_launch_store(
    target: str | None, on_wait: Waiting | None = None
) -> tuple[Store, str | None]:
    """The store the window opens on launch, and a notice for the user (or None).

    ``target`` (``--db``) wins, then ``$ANNOTATOR_DB``, then the database the window had
    open last (if the file still exists), then the default database. A remembered
    database that no longer opens is passed over for the default, with a notice saying
    why. ``on_wait`` is told when opening waits for a restore of the database to finish.
    Raises :class:`StoreError` when the database chosen cannot be opened.
    """
    from annotator.app.opening import open_store

    move_old_preferences()  # the first launch after an upgrade: window.ini's values
    remembered = None if target or os.environ.get("ANNOTATOR_DB") else remembered_database()
    if remembered is not None:
        try:
            return open_store(
                remembered, seed=True, ask_password=_ask_password, on_wait=on_wait
            ), None
        except DamagedDatabase as exc:
            if list_backups(Path(exc.path)):
                raise  # the user decides whether to restore it, never passed over quietly
            notice = f"Could not reopen the last database ({tr_said(exc)}); opened the default one."
            return open_store(None, seed=True, on_wait=on_wait), notice
        except StoreError as exc:
            notice = f"Could not reopen the last database ({tr_said(exc)}); opened the default one."
            return open_store(None, seed=True, on_wait=on_wait), notice
    return open_store(target, seed=True, ask_password=_ask_password, on_wait=on_wait), None


def settle() -> None:
    """Once the window is up: move everything made so far (modules, widgets, the open
    document) out of the garbage collector's sight, so later full collections do not walk
    it again; on a 10,000-annotation document they otherwise add ~50 ms to every other
    document opened."""
    gc.collect()
    gc.freeze()


def launch_file(target: str | None) -> Path | None:
    """The SQLite file :func:`open_launch_store` opens first for ``target``, when it is
    a plain file path (None for a URL, or when the default database would be chosen)."""
    move_old_preferences()  # the first launch after an upgrade: window.ini's values
    chosen = launch_database(target)
    if not chosen or "://" in chosen:
        return None
    return Path(chosen).expanduser()


def paint_first_screen(target: str | None, *, theme: str | None = None) -> MainWindow | None:
    """The main window on the first screen of the database :func:`open_launch_store`
    would open for ``target``, shown and painted before the store (and SQLAlchemy) is
    loaded; None when that database is not a plain SQLite file at the current schema,
    and the store's path (with its checks, notices and dialogs) should open it instead.

    The window handles no input until :func:`run` attaches it to the store."""
    file = launch_file(target)
    first = None if file is None else read_first_screen(file)
    if first is None:
        return None
    application(theme or preferences.load().theme)
    crash_report.install()
    window = create_window(first)
    window.show()
    window.raise_()
    window.activateWindow()
    wait_for_first_paint(window)
    return window


def wait_for_first_paint(window: MainWindow) -> None:
    """Run the event loop until the window's text has been painted, leaving the keys
    and clicks meanwhile queued (for the window attached to its store)."""
    painted: list[bool] = []

    def note(_painter: object, _area: object) -> None:
        painted.append(True)

    window.text_view.add_overlay(note)
    deadline = time.monotonic() + FIRST_PAINT_WAIT_S
    # Neither input nor timers: what the window does next (loading the rest of a long
    # document, suggestions, catching up) waits for the store, as the keys do.
    flags = (
        QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        | QEventLoop.ProcessEventsFlag.X11ExcludeTimers
    )
    try:
        while not painted and window.isVisible() and time.monotonic() < deadline:
            QApplication.processEvents(flags | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    finally:
        window.text_view.remove_overlay(note)
    QApplication.processEvents(flags)  # the painted frame goes to the screen


def discard(window: MainWindow) -> None:
    """Close a first-screen window whose database then did not open (nothing saved)."""
    window.hide()
    window.deleteLater()


def create_window(store: Store | FirstScreen, show_document: str | None = None) -> MainWindow:
    """The main window on ``store`` (or a database's first screen, see
    :meth:`MainWindow.attach`), showing ``show_document`` or the last one open.

    It annotates as :func:`launch_identity` says, inviting a first-time user to change
    the name."""
    name, invite = launch_identity()
    window = MainWindow(store, name, invite=invite)
    window.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    window.open_initial_document(show_document)
    return window


def run(
    store: Store,
    show_document: str | None = None,
    *,
    theme: str | None = None,
    notice: str | None = None,
    imports: Sequence[Path] = (),
    window: MainWindow | None = None,
) -> int:
    """Open the main window and run the event loop; returns the exit code (0 too when
    SIGTERM closed it).

    ``theme`` (None: the one chosen in Preferences) colours the window for this launch.
    ``notice`` is shown in the status bar (e.g. why another database was opened).
    ``imports`` are imported once the window shows, as its Import does: files that
    cannot be read are listed there, with an offer to import the others. ``window``,
    from :func:`paint_first_screen`, is attached to ``store`` if it shows the same
    database (else replaced by a new window)."""
    if window is not None and window.store.location != store.location:
        discard(window)  # the remembered database did not open: another one did
        window = None
    if window is not None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window.attach(store)
        if not window.isVisible():
            return 0  # closed (by the window manager) before it was attached: done
    else:
        app = application(theme or preferences.load().theme)
        crash_report.install()
        window = create_window(store, show_document)
    if notice:
        window.statusBar().showMessage(notice, 30000)
    window.show()
    window.raise_()
    window.activateWindow()
    settle()
    if imports:
        QTimer.singleShot(0, window, lambda: window.import_files(list(imports)))
    with closing_on_termination(app):  # SIGTERM closes the window as the user would
        return app.exec()


def offer_restore(error: DamagedDatabase) -> bool:
    """Show why the database cannot be opened and offer to restore its newest backup;
    returns whether it was restored (the damaged file is kept in the backup folder)."""
    from annotator.ui.backup_dialog import offer_newest_backup

    application()
    database = Path(error.path)
    chosen = offer_newest_backup(tr_said(error), database)
    if chosen is None:
        return False
    try:
        restore(database, chosen)
    except StoreError as exc:
        QMessageBox.critical(None, tr("Annotator cannot restore the backup"), tr_said(exc))
        return False
    return True


def show_startup_error(message: str) -> None:
    """Tell a user who launched the app why it could not open (a modal dialog)."""
    application()
    QMessageBox.critical(None, tr("Annotator cannot start"), message)
