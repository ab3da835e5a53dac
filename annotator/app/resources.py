"""Files shipped with the package: the default labels, the seed articles, the schema.

In a source checkout (and an editable install) they live in the repository's top-level
``resources/`` and ``seeds/``; an installed wheel carries them in ``annotator/_data``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.attributes import spec_from_dict
from annotator.core.messages import N_, say
from annotator.core.model import Label, NewDocument
from annotator.core.text import decode_utf8, normalise_text

_PACKAGE = Path(__file__).resolve().parents[1]
# The application's id on the desktop: the names of the files in resources/desktop, and
# the window's desktop file name (which a Wayland compositor matches to its entry).
APP_ID = "org.annotator.Annotator"


def data_dir(name: str) -> Path:
    """The shipped ``resources`` or ``seeds`` folder."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        say(N_("shipped folder {name} is missing from the installation"), name=repr(name))
    )


def resource_path(name: str) -> Path:
    return data_dir("resources") / name


def default_labels() -> list[Label]:
    """The label set a new database starts with."""
    raw = json.loads(resource_path("labels.json").read_text(encoding="utf-8"))
    return [
        Label(
            name=item["name"],
            color=item["color"],
            hotkey=item.get("hotkey"),
            description=item.get("description", ""),
            attributes=tuple(spec_from_dict(spec) for spec in item.get("attributes", ())),
        )
        for item in raw["labels"]
    ]


def seed_documents() -> list[NewDocument]:
    """The seed articles imported on first use of a database, in manifest order."""
    folder = data_dir("seeds")
    manifest = json.loads((folder / "seeds.json").read_text(encoding="utf-8"))
    return [
        NewDocument(
            title=item["title"],
            source=item["source"],
            text=normalise_text(decode_utf8((folder / item["file"]).read_bytes())),
            encoding="utf-8",
            original_name=item["file"],
            author=item.get("author"),
            published=item.get("published"),
        )
        for item in manifest["seeds"]
    ]


def annotation_set_schema() -> dict[str, Any]:
    """The JSON Schema of the annotation-set format."""
    return json.loads(resource_path("annotation-set.schema.json").read_text(encoding="utf-8"))
