"""Translations: the catalogue of Traditional Chinese holds a finished translation of every
string the code marks for translation, the window's and the N_() templates of the messages
made outside it (checked by extracting them again with lupdate),
keeps each placeholder and mnemonic, and the window speaks it when it is chosen."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

import annotator
from annotator.ui.i18n import catalogue, chosen_language, compiled, install_translation

PLACEHOLDER = re.compile(r"\{\w*(?:[:!][^{}]*)?\}")  # {name}, {size:.0f}, {name!r}


def messages(path: Path) -> dict[str, tuple[str, str | None]]:
    """source -> (translation, its type: None when finished)."""
    found = {}
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        found[message.findtext("source")] = (translation.text or "", translation.get("type"))
    return found


def test_every_marked_string_has_a_finished_translation(tmp_path):
    shipped = catalogue("zh_Hant")
    again = tmp_path / shipped.name
    shutil.copy(shipped, again)
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    # Every module: the window's tr() strings and the N_() templates of core, store, formats
    # and app (annotator/core/messages.py), as `make translations` extracts them.
    sources = sorted(str(p) for p in Path(annotator.__file__).parent.rglob("*.py"))
    subprocess.run(
        [
            str(lupdate),
            *sources,
            "-tr-function-alias",
            "QT_TR_NOOP+=N_",
            "-ts",
            str(again),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
    )
    now, before = messages(again), messages(shipped)
    assert set(now) == set(before), "the catalogue is not up to date: make translations"
    unfinished = [source for source, (text, kind) in now.items() if kind or not text.strip()]
    assert unfinished == []
    for source, (text, _kind) in now.items():
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        assert source.count("&") == text.count("&"), source  # mnemonics kept


@pytest.mark.parametrize(
    ("locale", "preference", "language"),
    [
        ("zh_TW", None, "zh_Hant"),
        ("zh_HK", None, "zh_Hant"),
        ("zh_CN", None, "en"),  # Simplified Chinese: no catalogue yet
        ("de_DE", None, "en"),
        ("zh_TW", "en", "en"),  # the preference wins
        ("en_GB", "zh_Hant", "zh_Hant"),
    ],
)
def test_the_language_follows_the_preference_else_the_system(locale, preference, language):
    assert chosen_language(preference, QLocale(locale)) == language


def test_the_window_speaks_traditional_chinese_when_chosen(qtbot, db_path):
    from annotator.app.opening import open_store
    from annotator.ui.app import create_window

    app = QApplication.instance()
    assert compiled("zh_Hant") is not None
    assert install_translation(app, "zh_Hant") == "zh_Hant"
    store = open_store(str(db_path), seed=True)
    try:
        window = create_window(store)
        qtbot.addWidget(window)
        dialog = window.show_retrieve()
        assert dialog.windowTitle() == "檢索"
        assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "引文"
        assert "個標註" in dialog.count.text()
        assert dialog.filters.regex.text() == "正規表示式"
    finally:
        install_translation(app, "en")
        store.close()
    assert QApplication.translate("", "Retrieve") == "Retrieve"
