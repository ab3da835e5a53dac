"""W3C Web Annotation (JSON-LD): an ``AnnotationCollection`` of the set's annotations.

Each annotation has a ``TextualBody`` with purpose ``tagging`` (the label), one with
purpose ``commenting`` when it has a note, ``creator`` (a Person named by the
annotator), ``created`` / ``modified``, and a target whose ``source`` is the document and
whose selectors are a ``TextQuoteSelector`` (exact, up to 32 code points of prefix and
suffix) and a ``TextPositionSelector`` (start, end in Unicode code points, end exclusive,
as the standard counts them).

A document is named by :data:`DOCUMENT_IRI` and the hex SHA-256 of its text as Annotator
stores it (UTF-8, LF line ends, no BOM): the text every offset counts in. The model
carries no text, so reading gives a set whose documents have no text: the set import
attaches the annotations to the documents here with that SHA-256, checks quote, prefix
and suffix against their text, and reports the documents it cannot place.

What the standard has no word for travels in Annotator's own terms (:data:`VOCAB`):
``annotator:labels`` on the collection (the label definitions: colour, hotkey,
description, attributes), ``annotator:attributes`` (an annotation's attribute values,
typed) and ``annotator:orphaned``, defined in each annotation's own ``@context`` as in the
collection's. Without ``annotator:labels`` (a file from another tool), labels are made
from the tagging bodies and coloured on import after the database's labels.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from annotator.core.attributes import as_attributes, is_scalar, value_problem
from annotator.core.labels import ColourAllocator
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, AnnotationSet, AttributeSpec, Label, SetDocument
from annotator.core.reading import read_file, read_head
from annotator.core.set_errors import SetFormatError, member_path
from annotator.core.spans import CONTEXT_WIDTH, context
from annotator.core.timestamps import iso_utc, parse_iso_utc
from annotator.core.values import OUT_OF_RANGE, label_problem
from annotator.formats.annotation_set import (
    FORMAT_NAME,
    MAX_SET_BYTES,
    annotation_order,
    label_dict,
    load_json,
)
from annotator.formats.checks import checked
from annotator.formats.pretty import pretty_dumps
from annotator.formats.set_reader import SetReader

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "urn:annotator:vocab#"
DOCUMENT_IRI = "urn:sha256:"
# The standard's context, then Annotator's terms (JSON literals need JSON-LD 1.1): the
# collection's and each annotation's, so that one taken out of the collection (as an
# annotation server stores it) keeps the meaning of its attributes.
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "@version": 1.1,
        "annotator": VOCAB,
        "annotator:labels": {"@type": "@json"},
        "annotator:attributes": {"@type": "@json"},
    },
]
LABELS, ATTRIBUTES, ORPHANED = "annotator:labels", "annotator:attributes", "annotator:orphaned"
_COLLECTIONS = uuid.UUID("0b6f3a52-3c1e-4d8e-a0f4-5b1f8e2c7d90")
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\"<>{}|\\^`]+")
_OURS = ("urn:uuid:", "urn:annotator:annotation:")
_TYPES = re.compile(rb'"(?:Annotation|AnnotationCollection|AnnotationPage)"')
HEAD = 65536


def document_iri(sha256: str) -> str:
    return DOCUMENT_IRI + sha256


def annotation_iri(ann_id: str) -> str:
    """The IRI an annotation id is written as; :func:`annotation_id` undoes it. A UUID
    is ``urn:uuid:…``, another IRI stays itself, anything else is percent-encoded."""
    if _UUID.fullmatch(ann_id):
        return "urn:uuid:" + ann_id
    if _IRI.fullmatch(ann_id) and not ann_id.startswith(_OURS):
        return ann_id
    return "urn:annotator:annotation:" + quote(ann_id, safe="")


def annotation_id(iri: str) -> str:
    if iri.startswith("urn:uuid:") and _UUID.fullmatch(iri[9:]):
        return iri[9:]
    if iri.startswith("urn:annotator:annotation:"):
        return unquote(iri[len("urn:annotator:annotation:") :])
    return iri


# -- writing -------------------------------------------------------------------------


def render(aset: AnnotationSet, texts: Mapping[str, str], options: Any = None) -> bytes:
    """The set as one JSON-LD file (UTF-8, indented unless ``options.compact``).

    ``texts`` supplies quotes and context for documents the set carries without text;
    a document with neither text nor the contexts read with it cannot be written."""
    items = []
    name = f"{aset.generator_name} {aset.generator_version}".strip()
    generator = {"type": "Software", "name": name}
    for doc in aset.documents:
        text = doc.text if doc.text is not None else texts.get(doc.id)
        if text is None and len(doc.contexts) != len(doc.annotations):
            raise ValueError(
                say(N_("no text for document {id}: its quotes cannot be written"), id=repr(doc.id))
            )
        source = {
            "id": document_iri(doc.sha256),
            "type": "Text",
            "format": "text/plain",
            "label": doc.title,
        }
        for j, ann in enumerate(doc.annotations):
            if text is not None:
                prefix, suffix = context(text, ann.start, ann.end, CONTEXT_WIDTH)
                exact = text[ann.start : ann.end]
            else:
                exact, prefix, suffix = doc.contexts[j]
            items.append(_annotation(ann, source, exact, prefix, suffix, generator))
    digest = hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()
    collection = uuid.uuid5(_COLLECTIONS, digest)
    data = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{collection}",
        "type": "AnnotationCollection",
        "label": "Annotations exported from Annotator",
        "total": len(items),
        LABELS: [label_dict(label) for label in aset.labels],
        "first": {
            "id": f"urn:uuid:{uuid.uuid5(collection, 'page 1')}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    if getattr(options, "compact", False):
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return (pretty_dumps(data) + "\n").encode("utf-8")


def _annotation(
    ann: Annotation,
    source: dict[str, str],
    exact: str,
    prefix: str,
    suffix: str,
    generator: dict[str, str],
) -> dict[str, Any]:
    body: list[dict[str, str]] = [{"type": "TextualBody", "purpose": "tagging", "value": ann.label}]
    if ann.note is not None:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": ann.note,
                "format": "text/plain",
            }
        )
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_iri(ann.id),
        "type": "Annotation",
        "motivation": "tagging",
        "creator": {"type": "Person", "name": ann.annotator},
        "created": iso_utc(ann.created_at),
        "modified": iso_utc(ann.updated_at),
        "generator": generator,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
            ],
        },
    }
    if ann.attributes:
        out[ATTRIBUTES] = dict(ann.attributes)
    if ann.orphaned:
        out[ORPHANED] = True
    return out


# -- reading -------------------------------------------------------------------------


def recognises(path: Path) -> bool:
    """A JSON file whose start names the W3C annotation context and an Annotation,
    AnnotationCollection or AnnotationPage (and is not an Annotator set)."""
    head = read_head(path, HEAD)
    if head is None:
        return False
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return (
        start[:1] in (b"{", b"[")
        and b'"@context"' in head
        and (
            ANNO_CONTEXT.encode() in head
            or ANNO_CONTEXT.replace("http:", "https:").encode() in head
        )
        and _TYPES.search(head) is not None
        and f'"{FORMAT_NAME}"'.encode() not in head
    )


def read(path: Path) -> AnnotationSet:
    """The annotations of the W3C file at ``path`` as a set of documents without text.

    Raises :class:`SetFormatError` naming the file, the JSON path and the problem, or
    :class:`DocumentReadError` when the file cannot be read."""
    data = read_file(path, limit=MAX_SET_BYTES, what=say(N_("a W3C annotation file")))
    return parse(data, file=str(path))


def parse(data: bytes, *, file: str) -> AnnotationSet:
    """:func:`read` of the bytes of a file named ``file``."""
    raw = load_json(data, file=file, what=say(N_("a W3C annotation file")))
    return checked(_Reader(file).read(raw), file)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _types(obj: dict[str, Any]) -> list[Any]:
    return _as_list(obj.get("type"))


def _has_anno_context(value: Any) -> bool:
    return any(
        item in (ANNO_CONTEXT, ANNO_CONTEXT.replace("http:", "https:")) for item in _as_list(value)
    )


class _Reader(SetReader):
    def read(self, raw: Any) -> AnnotationSet:
        top = raw[0] if isinstance(raw, list) and raw and isinstance(raw[0], dict) else raw
        if not isinstance(top, dict):
            raise self.fail("", say(N_("expected a JSON object or an array of annotations")))
        if not _has_anno_context(top.get("@context")):
            raise self.fail(
                "@context" if isinstance(raw, dict) else "[0].@context",
                say(N_("missing or does not include {ANNO_CONTEXT}"), ANNO_CONTEXT=ANNO_CONTEXT),
            )
        labels = self.declared_labels(raw)
        declared = {label.name: {spec.name: spec for spec in label.attributes} for label in labels}
        documents: dict[str, tuple[str, list[tuple[Annotation, tuple[str, str, str]]]]] = {}
        seen: dict[str, str] = {}
        palette = ColourAllocator(label.color for label in labels)
        named_only: set[str] = set()  # labels only a tagging body names
        for item, path in self.items(raw):
            sha, title, ann, found = self.annotation(item, path, declared)
            if ann.id in seen:
                raise self.fail(
                    f"{path}.id",
                    say(N_("duplicate id {id} (also {seen})"), id=repr(ann.id), seen=seen[ann.id]),
                )
            seen[ann.id] = f"{path}.id"
            if ann.label not in declared:
                labels.append(Label(ann.label, palette.next()))
                declared[ann.label] = {}
                named_only.add(ann.label)
            documents.setdefault(sha, (title, []))[1].append((ann, found))
        out = []
        for sha, (title, found) in documents.items():
            found.sort(key=lambda pair: annotation_order(pair[0]))
            doc_id = document_iri(sha)
            out.append(
                SetDocument(
                    id=doc_id,
                    title=title,
                    source=doc_id,
                    sha256=sha,
                    # The text's length is not in the file: the longest span is a bound,
                    # and the import checks every span against the text it finds.
                    length=max(a.end for a, _ in found),
                    text=None,
                    annotations=tuple(a._replace(document_id=doc_id) for a, _ in found),
                    contexts=tuple(context for _, context in found),
                )
            )
        return AnnotationSet(
            labels=tuple(labels),
            documents=tuple(out),
            exported_at=None,
            undefined_labels=frozenset(named_only),
        )

    def declared_labels(self, raw: Any) -> list[Label]:
        if not isinstance(raw, dict) or LABELS not in raw:
            return []
        items = self.get(raw, LABELS, "", list)
        try:
            return self.labels(items)
        except SetFormatError as exc:
            raise self.fail(f"annotator:{exc.path}", exc.problem) from None

    def items(self, raw: Any) -> list[tuple[Any, str]]:
        """Every annotation in the file with its JSON path."""
        if isinstance(raw, list):
            return [(item, f"[{i}]") for i, item in enumerate(raw)]
        types = _types(raw)
        if "Annotation" in types:
            return [(raw, "")]
        if "AnnotationPage" in types:
            return self.page(raw, "")
        if "AnnotationCollection" not in types:
            raise self.fail(
                "type",
                say(
                    N_("expected Annotation, AnnotationCollection or AnnotationPage, got {value}"),
                    value=json.dumps(raw.get("type"), ensure_ascii=False)[:80],
                ),
            )
        if "items" in raw:
            return self.page(raw, "")
        out: list[tuple[Any, str]] = []
        page: Any = raw.get("first")
        path = "first"
        while page is not None:
            if not isinstance(page, dict):
                raise self.fail(
                    path,
                    say(N_("is a link to a page; only annotations held in the file can be read")),
                )
            out.extend(self.page(page, path))
            page, path = page.get("next"), f"{path}.next"
        return out

    def page(self, page: dict[str, Any], path: str) -> list[tuple[Any, str]]:
        items = self.get(page, "items", path, list)
        where = f"{path}.items" if path else "items"
        return [(item, f"{where}[{i}]") for i, item in enumerate(items)]

    def annotation(
        self, item: Any, path: str, declared: dict[str, dict[str, AttributeSpec]]
    ) -> tuple[str, str, Annotation, tuple[str, str, str]]:
        """(document SHA-256, document title, annotation, (quote, prefix, suffix))."""
        at = path or "(top)"
        if not isinstance(item, dict):
            raise self.fail(at, say(N_("expected an annotation object")))
        if "Annotation" not in _types(item):
            raise self.fail(_join(path, "type"), say(N_('does not include "Annotation"')))
        iri = self.get(item, "id", path, str)
        if not iri:
            raise self.fail(_join(path, "id"), say(N_("empty id")))
        label, note = self.bodies(item, path)
        annotator = self.creator(item, path)
        created = self.moment(item, "created", path)
        modified = self.moment(item, "modified", path) if "modified" in item else created
        sha, title, start, end, found = self.target(item, path)
        specs = declared.get(label, {})
        values = self.get(item, ATTRIBUTES, path, dict, required=False) or {}
        for name, value in values.items():
            where = member_path(_join(path, ATTRIBUTES), name)
            if not is_scalar(value):
                raise self.fail(where, say(N_("expected a string, number or boolean")))
            problem = value_problem(specs[name], value) if name in specs else None
            if problem is not None:
                raise self.fail(where, problem)
        orphaned = self.get(item, ORPHANED, path, bool, required=False, default=False)
        ann = Annotation(
            annotation_id(iri),
            "",
            label,
            start,
            end,
            note,
            annotator,
            created,
            modified,
            as_attributes(values),
            orphaned,
        )
        return sha, title, ann, found

    def bodies(self, item: dict[str, Any], path: str) -> tuple[str, str | None]:
        """The label (the one tagging body's value) and the note (the commenting body's
        value, or ``bodyValue``)."""
        tags: list[str] = []
        notes: list[str] = []
        raw = item.get("body", [])
        where = _join(path, "body")
        for i, body in enumerate(_as_list(raw)):
            at = f"{where}[{i}]" if isinstance(raw, list) else where
            if not isinstance(body, dict):
                continue  # a linked resource: nothing Annotator keeps
            purposes = _as_list(body.get("purpose"))
            if "tagging" not in purposes and "commenting" not in purposes:
                continue
            value = self.get(body, "value", at, str)
            (tags if "tagging" in purposes else notes).append(value)
        if "bodyValue" in item:
            notes.append(self.get(item, "bodyValue", path, str))
        if not tags:
            raise self.fail(where, say(N_("has no TextualBody with purpose tagging (the label)")))
        if len(tags) > 1:
            raise self.fail(
                where,
                say(N_("has {count} tagging bodies; an annotation has one label"), count=len(tags)),
            )
        if len(notes) > 1:
            raise self.fail(
                where, say(N_("has {count} comments; an annotation has one note"), count=len(notes))
            )
        label = tags[0]
        problem = label_problem(label)
        if problem is not None:
            raise self.fail(
                where,
                say(N_("the tagging body's value is not a label name: {problem}"), problem=problem),
            )
        return label, notes[0] if notes else None

    def creator(self, item: dict[str, Any], path: str) -> str:
        where = _join(path, "creator")
        if "creator" not in item:
            raise self.fail(where, say(N_("missing (the annotator)")))
        creators = _as_list(item["creator"])
        if len(creators) != 1:
            raise self.fail(
                where, say(N_("has {count} creators; an annotation has one"), count=len(creators))
            )
        agent = creators[0]
        if isinstance(agent, str):
            return agent
        if isinstance(agent, dict):
            for key in ("name", "nickname", "id"):
                if isinstance(agent.get(key), str):
                    return agent[key]
        raise self.fail(where, say(N_("expected an agent with a name (the annotator)")))

    def moment(self, item: dict[str, Any], key: str, path: str) -> datetime:
        value = self.get(item, key, path, str)
        try:
            return parse_iso_utc(value)
        except ValueError:
            pass
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(
                _join(path, key),
                say(N_("{value} is not a date-time with a time zone"), value=repr(value)),
            )
        try:
            return moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            raise self.fail(_join(path, key), say(OUT_OF_RANGE, value=repr(value))) from None

    def target(
        self, item: dict[str, Any], path: str
    ) -> tuple[str, str, int, int, tuple[str, str, str]]:
        """(SHA-256, title, start, end, (quote, prefix, suffix)) of the one target."""
        where = _join(path, "target")
        if "target" not in item:
            raise self.fail(where, say(N_("missing")))
        targets = _as_list(item["target"])
        if len(targets) != 1:
            raise self.fail(
                where,
                say(N_("has {count} targets; an annotation marks one span"), count=len(targets)),
            )
        target = targets[0]
        if isinstance(item["target"], list):
            where += "[0]"
        if not isinstance(target, dict):
            raise self.fail(where, say(N_("is only a link; a span needs a TextPositionSelector")))
        source = target.get("source")
        title = None
        if isinstance(source, dict):
            title = source.get("label") if isinstance(source.get("label"), str) else None
            source = source.get("id")
        if not isinstance(source, str):
            raise self.fail(f"{where}.source", say(N_("missing, or without an id")))
        sha = source.removeprefix(DOCUMENT_IRI)
        if not source.startswith(DOCUMENT_IRI) or not _HEX64.fullmatch(sha):
            raise self.fail(
                f"{where}.source",
                say(
                    N_(
                        "{source} does not name a document by its text (expected "
                        "{DOCUMENT_IRI}<hex SHA-256>)"
                    ),
                    source=repr(source[:100]),
                    DOCUMENT_IRI=DOCUMENT_IRI,
                ),
            )
        selectors: dict[str, tuple[dict[str, Any], str]] = {}
        raw = target.get("selector")
        for i, selector in enumerate(_as_list(raw)):
            at = f"{where}.selector[{i}]" if isinstance(raw, list) else f"{where}.selector"
            if isinstance(selector, dict):
                for kind in _types(selector):
                    if kind in ("TextQuoteSelector", "TextPositionSelector"):
                        if kind in selectors:
                            raise self.fail(at, say(N_("a second {kind}"), kind=kind))
                        selectors[kind] = (selector, at)
        for kind in ("TextPositionSelector", "TextQuoteSelector"):
            if kind not in selectors:
                raise self.fail(f"{where}.selector", say(N_("has no {kind}"), kind=kind))
        position, at = selectors["TextPositionSelector"]
        start = self.get(position, "start", at, int)
        end = self.get(position, "end", at, int)
        if start < 0:
            raise self.fail(f"{at}.start", say(N_("negative offset {start}"), start=start))
        if start > end:
            raise self.fail(
                f"{at}.end", say(N_("end {end} is before start {start}"), end=end, start=start)
            )
        words, at = selectors["TextQuoteSelector"]
        exact = self.get(words, "exact", at, str)
        prefix = self.get(words, "prefix", at, str, required=False, default="")
        suffix = self.get(words, "suffix", at, str, required=False, default="")
        if len(exact) != end - start:
            raise self.fail(
                f"{at}.exact",
                say(
                    N_("has {count} code points but the TextPositionSelector spans {span}"),
                    count=len(exact),
                    span=end - start,
                ),
            )
        # Context is checked against the text on import; keep what that check compares.
        found = (exact, prefix[-CONTEXT_WIDTH:] if prefix else "", suffix[:CONTEXT_WIDTH])
        return sha.lower(), title or source, start, end, found


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
