"""Shortcut clashes: a key held by two actions, found without regard to case."""

from __future__ import annotations

from annotator.core.shortcuts import clashes


def test_a_key_held_twice_is_a_clash_and_each_holder_is_named_once():
    assigned = {
        "find": ["Ctrl+F", "Ctrl+J"],
        "retrieve": ["ctrl+j"],
        "undo": ["Ctrl+Z", "Ctrl+Z"],
        "copy": [],
    }
    assert clashes(assigned) == {"Ctrl+J": ["find", "retrieve"]}
    assert clashes({"a": ["F8"], "b": ["Shift+F8"]}) == {}
