"""Reaching a team database: a server that never answers is given up on with a message
naming it, connections are kept alive, and a password is never shown in part, even one
holding an unencoded ``@``."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import text

from annotator.cli import main
from annotator.store import Store, StoreError
from annotator.store.database import create_db_engine, describe, with_password, without_password
from tests.silent_server import silent_server

AT_PASSWORD = "p@ss"


@pytest.fixture
def silent_port():
    with silent_server() as port:
        yield port


def test_the_command_line_gives_up_on_a_server_that_never_answers(silent_port, monkeypatch, capsys):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "1")  # libpq's least is 2 s
    url = f"postgresql+psycopg://alice@127.0.0.1:{silent_port}/corpus"
    assert main(["stats", "--db", url]) == 1
    err = capsys.readouterr().err
    assert f"cannot reach the database server at 127.0.0.1:{silent_port} within 2 s" in err
    assert "Traceback" not in err


def test_a_server_that_refuses_the_connection_is_one_line_naming_it(capsys):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again: nothing listens there
    url = f"postgresql+psycopg://alice@127.0.0.1:{port}/corpus"
    assert main(["stats", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {url}: ") and err.count("\n") == 1, err
    assert f'"127.0.0.1", port {port} failed' in err


def ipv6_loopback() -> bool:
    try:
        socket.create_server(("::1", 0), family=socket.AF_INET6).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback here")
def test_an_ipv6_server_is_named_in_brackets(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "2")
    with silent_server("::1") as port:
        refused = pytest.raises(StoreError, match=rf"server at \[::1\]:{port} within 2 s")
        with refused:
            Store.open(f"postgresql+psycopg://alice@[::1]:{port}/corpus")


def test_the_urls_connect_timeout_wins_over_the_environment(silent_port, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "600")
    url = f"postgresql+psycopg://alice@127.0.0.1:{silent_port}/corpus?connect_timeout=2"
    with pytest.raises(StoreError, match=f"127.0.0.1:{silent_port} within 2 s"):
        Store.open(url)


@pytest.mark.parametrize("value", ["soon", "0", "-5", "1.5"])
def test_a_timeout_that_is_no_whole_number_of_seconds_is_refused(value, monkeypatch, capsys):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", value)
    assert main(["stats", "--db", "postgresql+psycopg://alice@127.0.0.1:1/corpus"]) == 1
    err = capsys.readouterr().err
    assert f"$ANNOTATOR_CONNECT_TIMEOUT is {value!r}: give a whole number of seconds" in err


def test_connections_to_a_server_time_out_and_are_kept_alive(pg, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "7")
    store = Store.open(pg.target)
    try:
        with store.engine.connect() as connection:
            parameters = connection.connection.driver_connection.info.get_parameters()
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        store.close()
    assert parameters["connect_timeout"] == "7"
    assert parameters["keepalives"] == "1" and int(parameters["keepalives_idle"]) <= 60
    assert int(parameters["tcp_user_timeout"]) > 0


def test_a_password_with_an_unencoded_at_goes_to_the_intended_host_and_is_never_shown(
    silent_port, monkeypatch, capsys
):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "1")
    url = f"postgresql+psycopg://alice:{AT_PASSWORD}@127.0.0.1:{silent_port}/corpus"
    shown = f"postgresql+psycopg://alice:***@127.0.0.1:{silent_port}/corpus"
    assert describe(url) == shown
    assert without_password(url) == f"postgresql+psycopg://alice@127.0.0.1:{silent_port}/corpus"
    assert main(["stats", "--db", url]) == 1  # it reached 127.0.0.1, which never answered
    err = capsys.readouterr().err
    assert f"{shown}: cannot reach the database server at 127.0.0.1:{silent_port}" in err
    assert "ss@" not in err and AT_PASSWORD not in err
    # The password asked for later is kept whole, and encoded where a URL needs it.
    asked = with_password(without_password(url), "new@pass")
    assert asked == f"postgresql+psycopg://alice:new%40pass@127.0.0.1:{silent_port}/corpus"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # Which part is the password, which the database? Refused, nothing of it shown.
        (
            "postgresql+psycopg://alice:p@s/s@db.example.org/corpus",
            "postgresql+psycopg://alice:***@db.example.org/corpus",
        ),
        # A URL that does not parse at all (a port that is no number).
        (
            "postgresql+psycopg://alice:p@ss@[::1]:port/corpus",
            "postgresql+psycopg://alice:***@[::1]:port/corpus",
        ),
    ],
)
def test_a_url_that_cannot_be_read_safely_is_refused_without_any_of_its_password(
    url, shown, capsys
):
    with pytest.raises(StoreError) as refused:
        create_db_engine(url)
    assert str(refused.value).startswith(f"{shown}: ")
    assert describe(url) == shown and without_password(url) == shown.replace(":***", "")
    assert main(["stats", "--db", url]) == 1
    err = capsys.readouterr().err
    assert shown in err and "p@s" not in err and "s/s" not in err and "ss@" not in err


def test_the_ambiguous_url_says_how_to_write_an_at_in_a_password():
    with pytest.raises(StoreError, match="write each @ in the password as %40"):
        create_db_engine("postgresql+psycopg://alice:p@s/s@db.example.org/corpus")


@pytest.mark.parametrize(
    ("url", "user", "password", "host", "port", "database"),
    [
        (
            "postgresql+psycopg://alice:p@ss@db.example.org/c",
            "alice",
            "p@ss",
            "db.example.org",
            None,
            "c",
        ),
        ("postgresql+psycopg://alice:a@b@c@[::1]:5433/c", "alice", "a@b@c", "::1", 5433, "c"),
        ("postgresql+psycopg://alice:p%40ss@h/c", "alice", "p@ss", "h", None, "c"),
        ("postgresql+psycopg://alice:p/s?s@h/c?sslmode=require", "alice", "p/s?s", "h", None, "c"),
        ("postgresql+psycopg://al@ice@h/c", "al@ice", None, "h", None, "c"),
        ("postgresql+psycopg://h/c?application_name=a@b", None, None, "h", None, "c"),
    ],
)
def test_credentials_end_at_the_last_at_before_the_host(url, user, password, host, port, database):
    engine = create_db_engine(url)  # connects to nothing until asked
    try:
        parsed = engine.url
        assert (parsed.username, parsed.password, parsed.host, parsed.port, parsed.database) == (
            user,
            password,
            host,
            port,
            database,
        )
    finally:
        engine.dispose()
