"""The encoding corpus (eval/encodings/) against issue 18's targets: the app is exact on
every file of 300 characters or more, never below charset-normalizer or chardet on any
length band, and every wrong answer it gives is flagged uncertain."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval" / "encodings"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"eval_encodings_{name}", EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


evaluate = _load("evaluate")  # it imports eval/encodings/corpus.py as ``corpus``
corpus = _load("corpus")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("encodings")
    return folder, evaluate.evaluate(folder)


def test_the_corpus_is_as_the_issue_asks(outcomes):
    folder, _ = outcomes
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    dev = [e for e in manifest if e["split"] == "dev"]
    assert len(dev) >= 150
    assert len({e["language"] for e in dev}) >= 14
    assert {e["encoding"] for e in dev} >= {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
        "cp1258", "iso8859-1", "iso8859-15", "iso8859-2", "iso8859-7", "iso8859-9", "koi8-r",
        "shift_jis", "euc-jp", "euc-kr", "big5", "gb18030", "mac_roman", "utf-16-le",
    }  # fmt: skip
    for entry in manifest:
        low, high = map(int, entry["band"].split("-"))
        assert low <= entry["characters"] <= high
    again = corpus.build(folder / "again")
    assert [(folder / e.file).read_bytes() for e in again[:20]] == [
        (folder / "again" / e.file).read_bytes() for e in again[:20]
    ]


def test_the_app_is_exact_on_every_file_of_300_characters_or_more(outcomes):
    _, results = outcomes
    wrong = [o.entry.file for o in results if o.entry.characters >= 300 and not o.app]
    assert wrong == []


def test_the_app_is_never_below_either_library_on_any_band(outcomes):
    _, results = outcomes
    bands: dict[tuple[str, str], list] = defaultdict(list)
    for o in results:
        bands[o.entry.split, o.entry.band].append(o)
    for key, group in bands.items():
        app = sum(o.app for o in group)
        assert app >= sum(o.normalizer for o in group), key
        assert app >= sum(o.chardet for o in group), key


def test_every_wrong_answer_is_flagged_uncertain(outcomes):
    _, results = outcomes
    assert [o.entry.file for o in results if not o.app and not o.uncertain] == []
