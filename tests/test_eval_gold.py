"""The gold evaluation set (eval/gold): up to date, valid, importable, built strictly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from annotator.cli import main
from eval.suggest_eval import GOLD, INVENTED_SPLITS, REAL_SPLITS, SPLITS
from tests.helpers import check_export


def run_script(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(folder / "make_gold.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_files_match_their_sources():
    result = run_script(GOLD, "--check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("split", SPLITS)
def test_set_is_valid_and_round_trips_through_a_database(split, tmp_path, capsysbinary):
    path = GOLD / f"{split}.json"
    parsed = check_export(path.read_bytes())
    assert len(parsed["documents"]) == (7 if split in INVENTED_SPLITS else len(texts(split)))
    assert {label["name"] for label in parsed["labels"]} == {"claim", "refusal", "statistic"}
    target = str(tmp_path / "gold.db")
    assert main(["import", "--db", target, str(path)]) == 0
    capsysbinary.readouterr()
    assert main(["export", "--db", target]) == 0
    exported = check_export(capsysbinary.readouterr().out)

    def spans(data: dict) -> dict[str, set[tuple[str, int, int, str, str]]]:
        return {
            d["id"]: {
                (a["label"], a["start"], a["end"], a["quote"], a["annotator"])
                for a in d["annotations"]
            }
            for d in data["documents"]
        }

    assert spans(exported) == spans(parsed)
    counts = {name: 0 for name in ("claim", "refusal", "statistic")}
    for doc in parsed["documents"]:
        for ann in doc["annotations"]:
            counts[ann["label"]] += 1
    if split in INVENTED_SPLITS:
        assert all(n >= 30 for n in counts.values()), counts
    else:
        assert sum(counts.values()) >= 100 and all(counts.values()), counts


def texts(split: str) -> list[Path]:
    return sorted((GOLD / "docs" / split).glob("*.txt"))


def test_the_real_texts_are_enough_and_each_says_where_it_is_from_and_its_licence():
    """Issue 20: at least 30 real documents from at least 15 sources; each with its
    address, publisher, kind and licence; the test split never mixes with dev."""
    sources: dict[str, set[str]] = {}
    kinds = set()
    for split in REAL_SPLITS:
        for txt in texts(split):
            meta = tomllib.loads(txt.with_suffix(".source.toml").read_text(encoding="utf-8"))
            assert meta["url"] and meta["licence"] and meta["licence_url"].startswith("http")
            assert meta["publisher"] and meta["sha256"] and txt.with_suffix(".ann").exists()
            slug = txt.stem.rsplit("-", 1)[0]
            sources.setdefault(slug, set()).add(split)
            kinds.add(meta["kind"])
    assert sum(len(texts(split)) for split in REAL_SPLITS) >= 30
    assert len(sources) >= 15, sorted(sources)
    assert {"news", "press release", "foi response", "parliamentary answer"} <= kinds
    dev_names = {t.name for t in texts("real-dev")}
    assert not dev_names & {t.name for t in texts("real-test")}


def test_no_page_is_in_both_real_splits():
    """A text in dev and test under two names would let tuning see the test split."""

    def keys(split: str) -> dict[str, str]:
        found = {}
        for txt in texts(split):
            meta = tomllib.loads(txt.with_suffix(".source.toml").read_text(encoding="utf-8"))
            page = meta["url"].split("://")[-1].removeprefix("www.").replace("/amp/", "/")
            found[page.rstrip("/").lower()] = txt.name
            found[meta["sha256"]] = txt.name
        return found

    dev, test = keys("real-dev"), keys("real-test")
    assert not {k: (dev[k], test[k]) for k in dev.keys() & test.keys()}


def test_missing_or_ambiguous_quote_stops_the_build(tmp_path):
    copy = tmp_path / "gold"
    shutil.copytree(GOLD, copy)
    ann = copy / "docs" / "dev" / "01_lamp_post_cameras.ann"
    with ann.open("a", encoding="utf-8") as f:
        f.write("statistic | 999 unicorns\nstatistic | Ms Lo\n")
    before = (copy / "dev.json").read_bytes()
    result = run_script(copy)
    assert result.returncode == 1
    assert "quote not found in the text: '999 unicorns'" in result.stderr
    assert "'Ms Lo' occurs 3 times" in result.stderr
    assert (copy / "dev.json").read_bytes() == before
    json.loads(before)  # untouched and still a set
