"""Shared checks for tests: schema validation and quote consistency of exports."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from annotator.app.resources import annotation_set_schema
from annotator.core.text import text_sha256


def check_export(data: bytes | str) -> dict[str, Any]:
    """Parse an export, validate it against the shipped schema, check every quote."""
    parsed = json.loads(data)
    jsonschema.validate(parsed, annotation_set_schema(), cls=jsonschema.Draft202012Validator)
    declared = {label["name"] for label in parsed["labels"]}
    for doc in parsed["documents"]:
        if "text" not in doc:  # a set exported without texts
            for ann in doc["annotations"]:
                assert ann["label"] in declared
                assert 0 <= ann["start"] <= ann["end"] <= doc["length"]
                assert len(ann["quote"]) == ann["end"] - ann["start"]
            continue
        text = doc["text"]
        assert doc["length"] == len(text)
        assert doc["sha256"] == text_sha256(text)
        for ann in doc["annotations"]:
            assert ann["label"] in declared
            assert 0 <= ann["start"] < ann["end"] <= len(text)
            assert text[ann["start"] : ann["end"]] == ann["quote"]
            assert text[: ann["start"]].endswith(ann["prefix"])
            assert text[ann["end"] :].startswith(ann["suffix"])
    return parsed
