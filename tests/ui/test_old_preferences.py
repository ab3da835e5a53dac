"""An upgrade keeps what an older Annotator remembered in window.ini: the first launch
moves it into the preferences, once."""

from __future__ import annotations

from annotator.app import preferences
from annotator.ui.app import open_launch_store
from annotator.ui.settings import window_settings


def test_the_first_launch_moves_window_ini_preferences_and_keeps_the_layout(tmp_path):
    old = tmp_path / "old.db"
    store, _notice = open_launch_store(str(old))  # makes the file
    store.close()
    ini = window_settings()
    ini.setValue("annotator/name", "alice")
    ini.setValue("database/last", str(old))
    ini.setValue("annotator/show", "mine")
    ini.setValue("text/snap_to_words", True)
    ini.setValue("suggestions/show", False)
    ini.setValue("window/geometry", b"kept")
    ini.sync()
    assert not preferences.stored()

    store, _notice = open_launch_store(None)  # the remembered database, as before
    assert store.location == str(old)
    store.close()
    assert preferences.load() == preferences.Preferences(
        annotator="alice",
        last_database=str(old),
        shown_annotators="mine",
        snap_to_words=True,
        show_suggestions=False,
    )
    ini = window_settings()
    assert ini.contains("window/geometry") and not ini.contains("annotator/name")

    preferences.update(annotator="bob")  # moved once: later launches leave them alone
    ini.setValue("annotator/name", "carol")
    ini.sync()
    open_launch_store(None)[0].close()
    assert preferences.load().annotator == "bob"
