"""The About facts of this process (:mod:`annotator.app.about`) with the Qt versions,
read through QtCore only: no display, no widgets. Help ▸ About and
``annotator --version --verbose`` both take them from here."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion

from annotator.app.about import Fact, about_facts, launch_location
from annotator.ui.settings import launch_database


def window_facts(database: str) -> tuple[Fact, ...]:
    """The facts of a window on ``database`` (its store's location)."""
    return about_facts(database, qt=qVersion(), pyside=PySide6.__version__)


def launch_facts(target: str | None) -> tuple[Fact, ...]:
    """The facts of a window launched with ``--db target`` (None: no ``--db``), its
    database chosen as the launch chooses it; nothing is opened or created."""
    return window_facts(launch_location(launch_database(target)))
