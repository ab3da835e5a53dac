"""The About facts (annotator.app.about): the database shown as the window shows it,
never a password; where backups go for each kind of database; nothing created."""

from __future__ import annotations

from pathlib import Path

from annotator.app.about import LICENCE_URL, about_facts, launch_location


def facts_of(database: str) -> dict[str, str]:
    return {f.label: f.value for f in about_facts(database, qt="6.0.0", pyside="6.0.0")}


def test_a_server_database_never_shows_a_password():
    for url in (
        "postgresql+psycopg://ana:pw-one@host/db",
        "postgresql+psycopg://ana@host/db?password=pw-one",
        "postgresql+psycopg://ana:pw@one@host/db",  # an @ left in the password
    ):
        shown = launch_location(url)
        assert "pw" not in shown, shown
        assert facts_of(shown)["Backups"] == "kept by the database server"


def test_a_file_database_is_shown_absolute_with_its_backup_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shown = launch_location("relative.db")
    assert shown == str(tmp_path / "relative.db")
    said = facts_of(shown)
    assert said["Database"] == f"{shown} (not created yet)"
    assert said["Backups"] == f"{shown}.backups"
    assert not Path(shown).exists()


def test_an_in_memory_database_has_no_backups():
    assert facts_of(":memory:")["Backups"] == "none (the database is in memory)"
    assert facts_of(":memory:")["Database"] == ":memory:"


def test_the_licence_is_mit_and_its_text_can_be_read():
    said = facts_of(":memory:")
    assert said["Licence"] == "MIT"
    assert said["Licence text"] == LICENCE_URL or Path(said["Licence text"]).is_file()


def test_the_rules_folder_named_is_the_one_suggestions_read(tmp_path):
    from annotator.app.suggestions import rule_folders

    named = facts_of(":memory:")["Your suggestion rules"]
    assert named.endswith(" (not created yet)")
    folder = Path(named.removesuffix(" (not created yet)"))
    assert folder not in rule_folders()
    folder.mkdir(parents=True)
    assert folder in rule_folders()
    assert facts_of(":memory:")["Your suggestion rules"] == str(folder)
