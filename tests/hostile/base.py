"""The battery's base samples, made once per run: a database with several documents,
labels, annotators and notes, and its export in every format (the valid files that
cases then break); and ``other.db``, one unrelated document, which cases import into.

    python -m tests.hostile.base FOLDER
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fuzz.samples import SAMPLES

EXPORTS = {
    "set.json": ["--format", "json"],
    "set-notext.json": ["--format", "json", "--no-text"],
    "table.csv": ["--format", "csv"],
    "w3c.jsonld": ["--format", "w3c"],
    "project.qdpx": ["--format", "refi-qda"],
    "doccano.jsonl": ["--format", "doccano"],
    "label-studio.json": ["--format", "label-studio"],
    "brat": ["--format", "brat"],
}
TEXT = (
    "The Commissioner said 615 cameras will be installed by 2027.\n\n"
    "Asked about facial recognition, the bureau declined to comment.\n\n"
    "Some 2,000 complaints 😀 were received last year, up 12 per cent.\n"
)


def make_base(folder: Path) -> None:
    """Write the base samples into ``folder`` (a fresh process, with its own HOME)."""
    folder.mkdir(parents=True)
    home = folder / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ANNOTATOR_USER": "battery",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    made = subprocess.run(
        [sys.executable, "-m", "tests.hostile.base", str(folder)],
        env=env,
        cwd=env["PYTHONPATH"],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        raise RuntimeError(f"making the base samples failed:\n{made.stderr}")


def write_base(folder: Path) -> None:
    """Write the base samples into the existing, empty ``folder`` (in this process)."""
    from annotator.app.opening import open_store
    from annotator.cli import main
    from annotator.core.model import Label, NewDocument

    store = open_store(str(folder / "base.db"))
    try:
        store.add_labels([Label("opinion", "#9467bd", "4", "A view, not a fact.")])
        documents = [
            NewDocument("Cameras", "cameras.txt", TEXT),
            NewDocument("Plain", "plain.md", "A plain document.\r\nIt says 2,000 cameras.\n"),
        ]
        first, second = (r.document for r in store.import_documents(documents))
        said = TEXT.index("615")
        store.add_annotation(first.id, "statistic", said, said + 11, "alice", note="a note")
        store.add_annotation(first.id, "claim", 0, TEXT.index("\n"), "bob")
        declined = TEXT.index("the bureau")
        store.add_annotation(first.id, "refusal", declined, declined + 39, "alice")
        emoji = TEXT.index("😀")
        store.add_annotation(first.id, "opinion", emoji, emoji + 1, "carol", note="multi\nline")
        store.add_annotation(second.id, "claim", 0, 17, "alice")
    finally:
        store.close()
    # Where cases import: its one document is none of the exported ones.
    other = open_store(str(folder / "other.db"))
    try:
        other.import_documents([NewDocument("Other", "other.txt", "Another document.\n")])
    finally:
        other.close()
    for name, options in EXPORTS.items():
        code = main(["export", "--db", str(folder / "base.db"), "-o", str(folder / name), *options])
        assert code == 0, name
    labels = json.loads((folder / "set.json").read_bytes())["labels"]
    scheme = {"format": "annotator-label-scheme", "format_version": 1, "labels": labels}
    (folder / "scheme.json").write_text(json.dumps(scheme, indent=2), encoding="utf-8")
    documents = folder / "docs"
    documents.mkdir()
    for name, data in SAMPLES.items():
        (documents / name).write_bytes(data)


if __name__ == "__main__":
    write_base(Path(sys.argv[1]))
