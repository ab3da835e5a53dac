"""Translations: every string the window shows goes through :func:`tr`, and
:func:`install_translation` loads the catalogue of the language chosen (Preferences) or the
system's.

Catalogues are Qt Linguist files, ``resources/i18n/annotator_<language>.ts`` (made and
updated with ``make translations``, which runs ``pyside6-lupdate``). A compiled catalogue
is named after its source's content, ``annotator_<language>-<digest>.qm``: an installed
wheel carries it beside the ``.ts`` (hatch_build.py compiles it); otherwise the ``.ts`` is
compiled once with the ``lrelease`` PySide6 ships, into the user's cache folder.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
from pathlib import Path

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.app.resources import resource_path
from annotator.core.messages import Said, message_of

log = logging.getLogger(__name__)

CONTEXT = ""  # lupdate files the strings of bare tr() calls under the empty context
# The catalogues shipped, by the name Preferences shows.
LANGUAGES = {"en": "English", "zh_Hant": "繁體中文 (Traditional Chinese)"}
# Which catalogue a system locale takes (Qt's own files name Traditional Chinese zh_TW).
QT_NAMES = {"zh_Hant": "zh_TW"}


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the language installed. With ``n``, ``%n`` in it becomes the number and
    the catalogue may give a form for it. Variables go in after: ``tr("{n} rows").format``."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def tr_said(value: object) -> str:
    """What ``value`` says in the language installed: a :class:`Said` (a message made
    outside the window) is its template translated, filled with its values translated in
    turn; an exception is its message; anything else is ``str(value)``. A translation whose
    placeholders do not fit gives the English."""
    if isinstance(value, BaseException):
        value = message_of(value)
    if not isinstance(value, Said):
        return str(value)
    params = {name: tr_said(v) if isinstance(v, Said) else v for name, v in value.params.items()}
    try:
        return tr(value.template).format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", value.template)
        return str(value)


def catalogue(language: str) -> Path:
    """The catalogue source of ``language``, shipped or not."""
    return resource_path(f"i18n/annotator_{language}.ts")


def compiled_name(source: Path) -> str:
    """The file name of ``source`` compiled: its stem and the first 16 hex digits of its
    SHA-256 (hatch_build.py names the ``.qm`` a wheel carries the same way)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"{source.stem}-{digest}.qm"


def compiled(language: str) -> Path | None:
    """The ``.qm`` of ``language``: the one shipped beside its ``.ts``, else one compiled
    into the cache; ``None`` if there is no catalogue or it cannot be compiled. Either is
    named after the ``.ts`` it was compiled from, so an edited catalogue is compiled anew."""
    source = catalogue(language)
    if not source.is_file():
        return None
    name = compiled_name(source)
    shipped = source.with_name(name)
    if shipped.is_file():
        return shipped
    cached = Path(user_cache_dir("annotator")) / "i18n" / name
    if cached.is_file():
        return cached
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(lrelease), "-silent", str(source), "-qm", str(cached)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", source, exc)
        return None
    return cached if cached.is_file() else None


def chosen_language(preference: str | None, locale: QLocale | None = None) -> str:
    """The catalogue to load: the one preferred, else the first of the system's languages
    that has one (Traditional Chinese for zh-Hant, zh-TW, zh-HK, zh-MO), else English."""
    if preference in LANGUAGES:
        return preference
    for name in (locale or QLocale.system()).uiLanguages():
        parts = name.replace("-", "_").split("_")
        if parts[0] == "zh" and any(p in ("Hant", "TW", "HK", "MO") for p in parts[1:]):
            return "zh_Hant"
        if parts[0] == "en":
            return "en"
    return "en"


def install_translation(app: QCoreApplication, preference: str | None) -> str:
    """Load the catalogue :func:`chosen_language` picks (and Qt's own, for its standard
    buttons and dialogs) into ``app``; returns the language now shown. Translators loaded
    before are removed first."""
    for old in app.findChildren(QTranslator, "annotatorTranslator"):
        app.removeTranslator(old)
        old.deleteLater()
    language = chosen_language(preference)
    if language == "en":
        return language
    path = compiled(language)
    ours = QTranslator(app, objectName="annotatorTranslator")
    if path is None or not ours.load(str(path)):
        log.warning("no usable catalogue for %s: English shown", language)
        return "en"
    app.installTranslator(ours)
    qt = QTranslator(app, objectName="annotatorTranslator")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{QT_NAMES.get(language, language)}", qt_folder):
        app.installTranslator(qt)
    return language
