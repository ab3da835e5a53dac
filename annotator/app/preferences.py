"""The user's preferences, in one typed place, and the environment that overrides them.

Kept in ``preferences.json`` in the user config folder (``$XDG_CONFIG_HOME/annotator`` on
Linux): who is annotating (the name new annotations record), the database to reopen, whose
annotations the window shows, comfort switches, the theme, how the text reads (font,
size, zoom, line spacing, line width) and keyboard shortcuts changed. What belongs to the
data lives in the database (backup policy, rules switched off, the document to reopen); only the
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
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from annotator.core.annotators import name_problem
from annotator.core.choices import THEMES
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
    theme: str = "system"  # one of THEMES
    reading_font: str | None = None  # the reading pane's font family; None: the system's
    reading_size: float = 0.0  # its size in points; 0: the system's size + 1 (12 at least)
    zoom: int = 0  # points added to the reading size (Ctrl+= / Ctrl+-; Ctrl+0 resets)
    line_spacing: int = 100  # percent of the font's line height
    line_width: int = 0  # the most characters a line holds (the text centred); 0: any
    # Shortcuts changed from their defaults: action name -> key sequences (portable text);
    # an empty list removes the action's keys.
    shortcuts: dict[str, list[str]] = field(default_factory=dict)
    language: str | None = None  # a catalogue ("zh_Hant"), "en"; None: the system's
    suggestions_explained: bool = False  # the first launch's bar on suggestions dismissed
    last_folder: str | None = None  # where the file dialogs open next


# Allowed ranges; a value outside is brought inside (a hand-edited file stays usable).
ZOOM_RANGE = (-8, 24)
SPACING_RANGE = (100, 200)
SIZE_RANGE = (6.0, 48.0)
WIDTH_RANGE = (0, 400)


def config_location() -> Path:
    """The user config folder of Annotator, which may not exist yet."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("annotator", appauthor=False))


def config_folder() -> Path:
    """The user config folder of Annotator (made if missing)."""
    folder = config_location()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def preferences_file() -> Path:
    """Where the preferences are kept (the folder made if missing)."""
    return config_folder() / FILE


def user_rules_folder() -> Path:
    """Where the user's own suggestion rules are read from: ``suggest/`` in the config
    folder (which may not exist)."""
    return config_location() / "suggest"


def stored() -> bool:
    """Whether preferences have been written yet (else an older window.ini may hold them)."""
    return preferences_file().is_file()


def load() -> Preferences:
    """The preferences kept, each value of the wrong type (or missing) as its default and
    each number outside its range brought inside it."""
    try:
        raw = json.loads((config_location() / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return Preferences()
    return cleaned(raw if isinstance(raw, dict) else {})


def cleaned(raw: dict[str, Any]) -> Preferences:
    """Preferences from ``raw`` (names to values), tolerating anything: unknown names are
    ignored, unusable values replaced by the default."""
    defaults = Preferences()
    kept: dict[str, Any] = {}
    for spec in fields(Preferences):
        value = raw.get(spec.name)
        default = getattr(defaults, spec.name)
        if isinstance(default, bool):
            kept[spec.name] = value if isinstance(value, bool) else default
        elif spec.name == "theme":
            kept[spec.name] = value if value in THEMES else default
        elif spec.name == "shortcuts":
            kept[spec.name] = _shortcuts(value)
        elif isinstance(default, int | float):
            kept[spec.name] = _number(spec.name, value, default)
        else:
            kept[spec.name] = value if isinstance(value, str) and value else None
    return Preferences(**kept)


def _number(name: str, value: object, default: float) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return default
    low, high = {
        "zoom": ZOOM_RANGE,
        "line_spacing": SPACING_RANGE,
        "line_width": WIDTH_RANGE,
        "reading_size": SIZE_RANGE,
    }[name]
    if name == "reading_size":
        return 0.0 if value <= 0 else float(min(max(value, low), high))
    if name == "line_width" and 0 < value < 20:
        return 20  # a narrower line is no reading width
    return int(min(max(round(value), low), high))


def _shortcuts(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    return {
        name: [key for key in keys if isinstance(key, str) and key.strip()]
        for name, keys in value.items()
        if isinstance(name, str) and isinstance(keys, list)
    }


def save(preferences: Preferences) -> None:
    """Keep ``preferences`` (the whole file replaced at once)."""
    data = json.dumps(asdict(preferences), ensure_ascii=False, indent=2) + "\n"
    write_atomically(preferences_file(), data.encode("utf-8"))


def update(**changes: Any) -> Preferences:
    """Keep the preferences with ``changes`` made; returns them. Never raises: unknown
    names and unusable values are dropped as :func:`cleaned` drops them, and where the
    file cannot be written (a read-only or full disk), they hold for this launch only: a
    preference is comfort, never a reason to stop."""
    preferences = cleaned({**asdict(load()), **changes})
    try:
        save(preferences)
    except (OSError, ValueError, TypeError) as exc:
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
