"""The user's preferences, in one typed place, and the environment that overrides them.

Kept in ``preferences.json`` in the user config folder (``$XDG_CONFIG_HOME/annotator`` on
Linux): who is annotating (the name new annotations record), the database to reopen, whose
annotations the window shows, and two comfort switches. What belongs to the data lives in
the database (backup policy, rules switched off, the document to reopen); only the
window's geometry stays with Qt (``window.ini``: Qt's own bytes). A missing, unreadable or
damaged file, or a value of the wrong type, only means the default is used; every write
replaces the file atomically.

Environment: ``ANNOTATOR_USER`` names the annotator (it wins at every launch),
``ANNOTATOR_DB`` the database (:func:`annotator.store.database.default_database_target`).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from annotator.core.annotators import name_problem
from annotator.core.files import write_atomically
from annotator.core.identity import current_annotator

FILE = "preferences.json"
log = logging.getLogger(__name__)
USER_VARIABLE = "ANNOTATOR_USER"


@dataclass(frozen=True, slots=True)
class Preferences:
    annotator: str | None = None  # the name annotations record; None: not chosen yet
    last_database: str | None = None  # a file path, or a server URL without its password
    shown_annotators: str | None = None  # whose annotations are shown (AnnotatorFilter)
    snap_to_words: bool = False  # selections widened to whole words
    show_suggestions: bool = True  # the rules' suggestions drawn on the text
    suggestions_explained: bool = False  # the first launch's bar on suggestions dismissed
    last_folder: str | None = None  # where the file dialogs open next


def config_folder() -> Path:
    """The user config folder of Annotator (made if missing)."""
    from platformdirs import user_config_dir

    folder = Path(user_config_dir("annotator", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def preferences_file() -> Path:
    return config_folder() / FILE


def stored() -> bool:
    """Whether preferences have been written yet (else an older window.ini may hold them)."""
    return preferences_file().is_file()


def load() -> Preferences:
    """The preferences kept, each value of the wrong type (or missing) as its default."""
    try:
        raw = json.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    defaults = Preferences()
    kept: dict[str, Any] = {}
    for field in fields(Preferences):
        value = raw.get(field.name)
        default = getattr(defaults, field.name)
        if isinstance(default, bool):
            kept[field.name] = value if isinstance(value, bool) else default
        else:
            kept[field.name] = value if isinstance(value, str) and value else None
    return Preferences(**kept)


def save(preferences: Preferences) -> None:
    """Keep ``preferences`` (the whole file replaced at once)."""
    data = json.dumps(asdict(preferences), ensure_ascii=False, indent=2) + "\n"
    write_atomically(preferences_file(), data.encode("utf-8"))


def update(**changes: Any) -> Preferences:
    """Keep the preferences with ``changes`` made; returns them. Where the file cannot be
    written (a read-only or full disk), they hold for this launch only: a preference is
    comfort, never a reason to stop."""
    preferences = replace(load(), **changes)
    try:
        save(preferences)
    except OSError as exc:
        log.warning("could not keep the preferences: %s", exc)
    return preferences


def chosen_by_environment() -> bool:
    """Whether ``$ANNOTATOR_USER`` names the annotator (it wins at every launch)."""
    return bool(os.environ.get(USER_VARIABLE, "").strip())


def remembered_name() -> str | None:
    """The annotator's name kept from an earlier launch, if any (and usable)."""
    name = (load().annotator or "").strip()
    return name if name and name_problem(name) is None else None


def launch_identity() -> tuple[str, bool]:
    """Who annotates in a window opened now, and whether to invite them to change the
    name: ``$ANNOTATOR_USER`` wins (no invitation: it was chosen), then the name kept from
    an earlier launch, else the login name, which is kept from now on and comes with the
    invitation (so only the first launch shows it)."""
    if chosen_by_environment():
        return current_annotator(), False
    kept = remembered_name()
    if kept is not None:
        return kept, False
    name = current_annotator()
    update(annotator=name)
    return name, True
