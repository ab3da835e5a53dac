"""Preferences: one typed file in the user config folder; damage means defaults, never
an error; the environment names the annotator over them."""

from __future__ import annotations

import json

from annotator.app import preferences
from annotator.app.preferences import Preferences


def test_missing_damaged_or_mistyped_preferences_are_the_defaults():
    assert preferences.load() == Preferences()
    path = preferences.preferences_file()
    path.write_bytes(b"\xff{ not json")
    assert preferences.load() == Preferences()
    path.write_text(json.dumps(["a list"]), encoding="utf-8")
    assert preferences.load() == Preferences()
    path.write_text(
        json.dumps({"annotator": 7, "snap_to_words": "yes", "last_database": "/x.db"}),
        encoding="utf-8",
    )
    assert preferences.load() == Preferences(last_database="/x.db")


def test_an_update_keeps_the_rest_and_survives_a_new_process():
    preferences.update(annotator="alice", snap_to_words=True)
    preferences.update(show_suggestions=False)
    kept = json.loads(preferences.preferences_file().read_text(encoding="utf-8"))
    assert kept["annotator"] == "alice" and kept["snap_to_words"] is True
    assert preferences.load() == Preferences("alice", None, None, True, False)


def test_who_annotates_environment_then_kept_name_then_login(monkeypatch):
    monkeypatch.delenv("ANNOTATOR_USER", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert preferences.launch_identity() == ("login", True)  # kept from now on, invited
    assert preferences.load().annotator == "login"
    assert preferences.launch_identity() == ("login", False)
    preferences.update(annotator="alice")
    assert preferences.launch_identity() == ("alice", False)
    preferences.update(annotator="bad\tname")
    assert preferences.remembered_name() is None
    monkeypatch.setenv("ANNOTATOR_USER", "bob")
    assert preferences.launch_identity() == ("bob", False)
    assert preferences.chosen_by_environment()


def test_a_preferences_file_that_cannot_be_written_is_not_a_reason_to_stop(monkeypatch):
    preferences.preferences_file().mkdir()  # something in the way: writes are refused
    monkeypatch.delenv("ANNOTATOR_USER", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert preferences.launch_identity() == ("login", True)
    assert preferences.update(snap_to_words=True).snap_to_words  # this launch only
    assert preferences.load() == Preferences()


def test_reading_and_shortcut_preferences_tolerate_junk_and_stay_in_range():
    path = preferences.preferences_file()
    path.write_text(
        json.dumps(
            {
                "theme": "purple",
                "zoom": 1000,
                "line_spacing": "wide",
                "line_width": 5,
                "reading_size": -3,
                "reading_font": ["x"],
                "shortcuts": {"undo_action": ["Ctrl+U", 7, ""], "bad": "Ctrl+X", "3": None},
                "no_such_preference": 1,
            }
        ),
        encoding="utf-8",
    )
    kept = preferences.load()
    assert kept.theme == "system" and kept.zoom == preferences.ZOOM_RANGE[1]
    assert kept.line_spacing == 100 and kept.line_width == 20 and kept.reading_size == 0.0
    assert kept.reading_font is None
    assert kept.shortcuts == {"undo_action": ["Ctrl+U"]}
    path.write_text(json.dumps({"zoom": float("nan"), "line_spacing": True}), encoding="utf-8")
    assert preferences.load() == Preferences()


def test_update_never_raises_on_bad_values_or_names():
    kept = preferences.update(zoom="big", theme=3, nonsense=1, line_spacing=150.4)
    assert kept.zoom == 0 and kept.theme == "system" and kept.line_spacing == 150
    assert preferences.update(shortcuts={"find_action": ["Ctrl+G"]}).shortcuts == {
        "find_action": ["Ctrl+G"]
    }
    assert preferences.load().shortcuts == {"find_action": ["Ctrl+G"]}
    assert preferences.load().line_spacing == 150
