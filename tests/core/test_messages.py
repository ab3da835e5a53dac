"""Messages made outside the window: a Said is its English text, keeps what the window needs
to translate it, and survives being put inside another message or an exception."""

from __future__ import annotations

import pickle

from annotator.core.messages import N_, Said, joined, message_of, say


def test_a_said_is_the_english_text_and_keeps_its_template_and_values():
    said = say(N_("{file}: not valid UTF-8 at byte {offset}"), file="a.txt", offset=7)
    assert isinstance(said, str)
    assert said == "a.txt: not valid UTF-8 at byte 7"
    assert str(said) == "a.txt: not valid UTF-8 at byte 7"
    assert type(str(said)) is str
    assert said.template == "{file}: not valid UTF-8 at byte {offset}"
    assert said.params == {"file": "a.txt", "offset": 7}
    assert N_("left {as} it is") == "left {as} it is"


def test_a_message_inside_a_message_stays_a_message():
    inner = say(N_("line {line} is not JSON"), line=3)
    outer = say(N_("{file}: {problem}"), file="set.json", problem=inner)
    assert outer == "set.json: line 3 is not JSON"
    assert outer.params["problem"] is inner
    assert outer.params["problem"].template == "line {line} is not JSON"


def test_an_exception_made_with_a_said_reads_as_before_and_gives_it_back():
    said = say(N_("{file} is empty"), file="b.csv")
    error = ValueError(said)
    assert str(error) == "b.csv is empty"
    assert message_of(error) is said
    assert message_of(OSError(2, "No such file")) == "[Errno 2] No such file"
    assert not isinstance(message_of(ValueError("plain")), Said)


def test_joined_parts_keep_their_own_messages_and_braces_in_the_separator():
    parts = [say(N_("{n} is taken"), n="a"), "plain {text}"]
    together = joined(" {} ", parts)
    assert together == "a is taken {} plain {text}"
    assert together.params["part0"] is parts[0]
    assert joined("; ", []) == ""


def test_a_said_survives_pickling_as_a_said():
    said = say(N_("{file}: {problem}"), file="c.json", problem=say(N_("empty {x}"), x=1))
    again = pickle.loads(pickle.dumps(ValueError(said)))
    assert str(again) == "c.json: empty 1"
    assert message_of(again).params["problem"].template == "empty {x}"
