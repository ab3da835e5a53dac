"""What Help ▸ About and ``annotator --version --verbose`` say (for bug reports): the
versions, the platform, the database and where its backups, the preferences and the
user's rules are kept, the licence. Plain data; reading it opens and creates nothing.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from annotator import __version__
from annotator.app.preferences import FILE, config_location, user_rules_folder
from annotator.core.messages import N_, say
from annotator.core.reading import resolved
from annotator.store.backups import backup_folder
from annotator.store.locations import default_database_file

LICENCE = "MIT"
LICENCE_URL = "https://opensource.org/license/mit"  # the text, when no copy is installed
# The facts the window shows as its licence line, not among the others.
LICENCE_LABELS = (N_("Licence"), N_("Licence text"))
_PACKAGE = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class Fact:
    label: str  # marked with N_: the window shows it translated
    value: str  # a Said (translated by the window too) where it is words, not a name


def about_facts(database: str, *, qt: str, pyside: str) -> tuple[Fact, ...]:
    """The facts, Annotator's version first. ``database`` is shown as given (a path, or
    a URL without its password, as ``Store.location`` and :func:`launch_location` give
    it); ``qt`` (Qt's run-time version) and ``pyside`` are read by the caller, since
    only the ui layer imports Qt."""
    return (
        Fact(N_("Annotator"), __version__),
        Fact(N_("Python"), f"{platform.python_version()} ({platform.python_implementation()})"),
        Fact(N_("Qt"), qt),
        Fact(N_("PySide6"), pyside),
        Fact(N_("SQLAlchemy"), sqlalchemy_version()),
        Fact(N_("Platform"), platform_name()),
        Fact(N_("Database"), shown_database(database)),
        Fact(N_("Backups"), backups_of(database)),
        Fact(N_("Preferences"), _noted(config_location() / FILE)),
        Fact(N_("Your suggestion rules"), _noted(user_rules_folder())),
        Fact(LICENCE_LABELS[0], LICENCE),
        Fact(LICENCE_LABELS[1], licence_text()),
    )


def plain_text(facts: tuple[Fact, ...]) -> str:
    """The facts as ``annotator --version --verbose`` prints them: its first line is what
    ``annotator --version`` prints, then one ``Label: value`` line per fact, in English."""
    version, *rest = facts
    width = max(len(fact.label) for fact in rest) + 1
    lines = [f"annotator {version.value}"]
    lines += [f"{fact.label + ':':<{width}} {fact.value}" for fact in rest]
    return "\n".join(lines)


def launch_location(chosen: str | None) -> str:
    """The database a launch on ``chosen`` (a path or URL; None: the default database)
    opens, shown as the window shows it: an absolute path, or a URL without its
    password. Neither opens nor creates it."""
    if chosen is not None and "://" in chosen:
        from annotator.store.database import describe, to_url  # SQLAlchemy, for URLs only

        return describe(to_url(chosen))
    try:
        path = resolved(default_database_file() if chosen is None else Path(chosen).expanduser())
    except OSError:  # a loop of symbolic links: shown as given (the window will say why)
        return str(chosen)
    return str(path)


def shown_database(database: str) -> str:
    """``database`` (as :func:`about_facts` takes it), noted when it is a file that does
    not exist yet (a launch would create it)."""
    return _noted(Path(database)) if _is_file_path(database) else database


def _noted(path: Path) -> str:
    """``path``, noted when it does not exist yet."""
    return str(path) if path.exists() else say(N_("{path} (not created yet)"), path=str(path))


def _is_file_path(database: str) -> bool:
    """Whether ``database`` is an SQLite file's path (not a server, not in memory)."""
    in_memory = database in ("", ":memory:") or database.startswith("sqlite:")
    return not in_memory and "://" not in database


def backups_of(database: str) -> str:
    """Where the backups of ``database`` (as :func:`about_facts` takes it) are kept."""
    if _is_file_path(database):
        return str(backup_folder(Path(database)))
    if "://" in database and not database.startswith("sqlite:"):
        return say(N_("kept by the database server"))
    return say(N_("none (the database is in memory)"))


def sqlalchemy_version() -> str:
    """SQLAlchemy's version, read from its metadata (importing it would take longer)."""
    try:
        return metadata.version("SQLAlchemy")
    except metadata.PackageNotFoundError:  # a bundle may carry the module only
        import sqlalchemy

        return sqlalchemy.__version__


def platform_name() -> str:
    """The operating system, its release and the machine, e.g. ``Debian GNU/Linux 12
    (bookworm), Linux 6.1.0 (x86_64)``."""
    system = f"{platform.system()} {platform.release()} ({platform.machine()})"
    if sys.platform == "darwin" and platform.mac_ver()[0]:
        return f"macOS {platform.mac_ver()[0]}, {system}"
    if sys.platform.startswith("linux"):
        try:
            name = platform.freedesktop_os_release().get("PRETTY_NAME")
        except OSError:
            name = None
        if name:
            return f"{name}, {system}"
    return system


def licence_text() -> str:
    """Where to read the licence: the copy in the source checkout or installed with the
    package, else its text on the web."""
    candidates = [_PACKAGE / "_data" / "LICENSE"]
    if (_PACKAGE.parent / "pyproject.toml").is_file():  # a source checkout
        candidates.append(_PACKAGE.parent / "LICENSE")
    candidates += _installed_licence_files()
    return next((str(path) for path in candidates if path.is_file()), LICENCE_URL)


def _installed_licence_files() -> list[Path]:
    """The licence files of the installed distribution, if it is this package's."""
    try:
        distribution = metadata.distribution("annotator")
    except metadata.PackageNotFoundError:
        return []
    own = Path(str(distribution.locate_file("annotator/__init__.py")))
    if not own.is_file() or own.resolve() != _PACKAGE / "__init__.py":
        return []  # another copy's metadata (an editable install elsewhere)
    return [
        Path(str(distribution.locate_file(file)))
        for file in distribution.files or ()
        if file.name.upper().startswith(("LICENSE", "LICENCE", "COPYING"))
    ]
