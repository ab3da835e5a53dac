"""The JSON annotation set, format version 1: writing, and reading with full validation.

Version 1 grows by optional fields only (``memo`` on the set and on a document came
later): a reader ignores fields it does not know, so files of any age read alike, and
the version moves on only for a change an older reader would misread.

Plain functions over core types. Reading checks everything that can be checked without
a database and names the JSON path of the first problem found.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from annotator.core.attributes import (
    as_attributes,
    is_scalar,
    spec_from_dict,
    spec_problems,
    spec_to_dict,
    value_problem,
)
from annotator.core.export_rows import export_row
from annotator.core.labels import COLOR
from annotator.core.messages import N_, joined, message_of, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    AttributeSpec,
    Document,
    Label,
    SetDocument,
)
from annotator.core.set_errors import SetFormatError, member_path
from annotator.core.spans import CONTEXT_WIDTH, check_context, context
from annotator.core.text import text_sha256
from annotator.core.timestamps import iso_utc, parse_iso_utc
from annotator.core.values import label_problem
from annotator.formats.checks import checked
from annotator.formats.pretty import pretty_dumps
from annotator.formats.set_writer import (
    compact_json,
    document_head,
    document_json,
    write_set,
)

FORMAT_NAME = "annotator-annotation-set"
FORMAT_VERSION = 1
MAX_SET_BYTES = 512 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def set_document(
    document: Document,
    annotations: Sequence[Annotation],
    *,
    include_text: bool = True,
    memo: str | None = None,
) -> SetDocument:
    """A stored document, its annotations (in the set's order) and its memo as a set
    carries them."""
    return SetDocument(
        id=document.id,
        title=document.title,
        source=document.source,
        sha256=document.sha256,
        length=len(document.text),
        text=document.text if include_text else None,
        annotations=tuple(sorted(annotations, key=annotation_order)),
        format=document.format,
        encoding=document.encoding,
        original_name=document.original_name,
        imported_at=document.created_at,
        author=document.author,
        published=document.published,
        version=document.version,
        previous_id=document.previous_id,
        memo=memo or None,
    )


def annotation_order(ann: Annotation) -> tuple[int, int, str, str]:
    """The documented order of annotations in every export: start, end, label, id."""
    return (ann.start, ann.end, ann.label, ann.id)


# -- writing -------------------------------------------------------------------------


def annotation_dict(ann: Annotation, text: str | None) -> dict[str, Any]:
    """One annotation as the formats write it; ``quote`` and context need the text."""
    out: dict[str, Any] = {"id": ann.id, "label": ann.label, "start": ann.start, "end": ann.end}
    if text is not None:
        prefix, suffix = context(text, ann.start, ann.end, CONTEXT_WIDTH)
        out.update(quote=text[ann.start : ann.end], prefix=prefix, suffix=suffix)
    out.update(
        note=ann.note,
        attributes=dict(ann.attributes),
        annotator=ann.annotator,
        created_at=iso_utc(ann.created_at),
        updated_at=iso_utc(ann.updated_at),
    )
    if ann.orphaned:
        out["orphaned"] = True
    if ann.source is not None:
        out["source"] = ann.source
    if ann.rule is not None:
        out["rule"] = ann.rule
    return out


def document_dict(doc: SetDocument, *, text: str | None = None) -> dict[str, Any]:
    """One document with its annotations. ``text`` supplies quotes and context when the
    document itself carries none (a set written without texts)."""
    source_text = doc.text if doc.text is not None else text
    out = document_head(doc)
    if source_text is None and doc.contexts:
        out["annotations"] = [
            _with_context(annotation_dict(a, None), found)
            for a, found in zip(doc.annotations, doc.contexts, strict=True)
        ]
    else:
        out["annotations"] = [annotation_dict(a, source_text) for a in doc.annotations]
    return out


def _with_context(item: dict[str, Any], found: tuple[str, str, str]) -> dict[str, Any]:
    """An annotation dict with the quote and context a set without text carried."""
    quote, prefix, suffix = found
    head = {key: item[key] for key in ("id", "label", "start", "end")}
    tail = {key: value for key, value in item.items() if key not in head}
    return {**head, "quote": quote, "prefix": prefix, "suffix": suffix, **tail}


def to_dict(aset: AnnotationSet, *, texts: dict[str, str] | None = None) -> dict[str, Any]:
    """The set as a JSON-ready dict, documents and annotations in the order given.

    ``texts`` maps document ids to texts for documents written without their text, so
    that quotes and context can still be written.
    """
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": iso_utc(aset.exported_at or datetime.now(UTC)),
        "generator": {"name": aset.generator_name, "version": aset.generator_version},
        "offset_unit": "codepoint",
    }
    if aset.memo:
        out["memo"] = aset.memo
    out["labels"] = [label_dict(label) for label in aset.labels]
    out["documents"] = [document_dict(d, text=(texts or {}).get(d.id)) for d in aset.documents]
    return out


def label_dict(label: Label) -> dict[str, Any]:
    """A label with its attribute definitions, as sets and scheme files write it."""
    return {
        "name": label.name,
        "color": label.color,
        "hotkey": label.hotkey,
        "description": label.description,
        "attributes": [spec_to_dict(spec) for spec in label.attributes],
    }


def render(
    aset: AnnotationSet, *, texts: dict[str, str] | None = None, compact: bool = False
) -> str:
    """The set as JSON text: what ``dumps(to_dict(aset, texts=texts), compact=compact)``
    writes, with the bulk (documents and annotations) written straight from the objects."""
    return render_bytes(aset, texts=texts, compact=compact).decode("utf-8")


def render_bytes(
    aset: AnnotationSet, *, texts: dict[str, str] | None = None, compact: bool = False
) -> bytes:
    """:func:`render` as UTF-8 bytes, built a document at a time
    (:func:`annotator.formats.set_writer.write_set`)."""
    chunks: list[bytes] = []
    texts = texts or {}
    documents = (
        _document_json(doc, doc.text if doc.text is not None else texts.get(doc.id), compact)
        for doc in aset.documents
    )
    write_set(chunks.append, to_dict(replace(aset, documents=())), documents, compact=compact)
    return b"".join(chunks)


def _document_json(doc: SetDocument, text: str | None, compact: bool) -> str:
    if text is None and doc.contexts:  # read from a set without texts: quotes as read
        item = document_dict(doc)
        return compact_json(item) if compact else pretty_dumps(item, level=2)
    rows = [export_row(a) for a in doc.annotations]
    return document_json(doc, rows, text, compact=compact)


def dumps(data: dict[str, Any], *, compact: bool = False) -> str:
    """JSON text: UTF-8-ready (non-ASCII as is), pretty or one line, ending in a newline."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return pretty_dumps(data) + "\n"


# -- reading -------------------------------------------------------------------------


def looks_like_annotation_set(data: bytes) -> bool:
    """Whether ``data`` is a JSON object with a ``format`` field (cheap sniff, no parse)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"format"' in data[:65536]


def parse_annotation_set(data: bytes, *, file: str) -> AnnotationSet:
    """Read and validate an annotation set; raises :class:`SetFormatError` naming the
    file, the JSON path and the problem."""
    with gc_paused():
        aset = SetReader(file).read(load_json(data, file=file, what=say(N_("an annotation set"))))
        return checked(aset, file, json_paths=True)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building a big acyclic structure (a parsed
    set holds a few objects per annotation) otherwise triggers it again and again,
    costing more than half again the parse itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_json(data: bytes, *, file: str, what: str) -> Any:
    """UTF-8 JSON as Python values, or :class:`SetFormatError` saying why not: too large,
    not UTF-8, not JSON, too deep or too big a number to read, a lone surrogate."""
    if len(data) > MAX_SET_BYTES:
        raise SetFormatError(
            file,
            "",
            say(
                N_("file is {size} MiB, more than the {limit} MiB {what} may have"),
                size=f"{len(data) / 2**20:.0f}",
                limit=MAX_SET_BYTES // 2**20,
                what=what,
            ),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SetFormatError(
            file,
            "",
            say(
                N_("not valid UTF-8: byte 0x{data:02x} at offset {start}"),
                data=data[exc.start],
                start=exc.start,
            ),
        ) from None
    try:
        raw = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise SetFormatError(
            file,
            "",
            say(
                N_("not JSON: {msg} at line {lineno} column {colno}"),
                msg=exc.msg,
                lineno=exc.lineno,
                colno=exc.colno,
            ),
        ) from None
    except RecursionError:
        raise SetFormatError(file, "", TOO_DEEP) from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise SetFormatError(
            file, "", say(N_("not JSON this program can read: {exc}"), exc=message_of(exc))
        ) from None
    if SURROGATE_ESCAPE.search(text) and not encodes(raw):
        # Escaped surrogates that do not pair up into a character are not text.
        try:
            where = find_lone_surrogate(raw, "")
        except RecursionError:  # as deep as the parser could go, and one level more
            raise SetFormatError(file, "", TOO_DEEP) from None
        if where is not None:
            raise SetFormatError(
                file, where, say(N_("contains a lone surrogate, which is not text"))
            )
    return raw


TOO_DEEP = "not JSON this program can read: nested too deeply"
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def encodes(value: Any) -> bool:
    """Whether every string (and key) in ``value`` is text UTF-8 can encode: one pass of
    the C encoder, where walking a large set in Python took seconds."""
    try:
        json.dumps(value, ensure_ascii=False, check_circular=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError, ValueError):
        return False
    return True


def find_lone_surrogate(value: Any, path: str) -> str | None:
    """JSON path of the first string (or key) holding a lone surrogate, if any."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "(top)"
        return None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = find_lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            where = member_path(path, key)
            if find_lone_surrogate(key, where) is not None:
                return where
            found = find_lone_surrogate(item, where)
            if found is not None:
                return found
    return None


class SetReader:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, path: str, problem: str) -> SetFormatError:
        return SetFormatError(self.file, path, problem)

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        kind: type | tuple[type, ...],
        *,
        required: bool = True,
        default: Any = None,
    ) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if required:
                raise self.fail(where, say(N_("missing")))
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            raise self.fail(
                where,
                say(
                    N_("expected {kind_name}, got {type}"),
                    kind_name=_kind_name(kinds),
                    type=_json_type(value),
                ),
            )
        return value

    def read(self, raw: Any) -> AnnotationSet:
        head = self.header(raw)
        return replace(head, documents=self.documents(self.get(raw, "documents", "", list), head))

    def header(self, raw: Any) -> AnnotationSet:
        """Everything but the documents, checked (``documents`` left empty)."""
        if not isinstance(raw, dict):
            raise self.fail(
                "", say(N_("expected a JSON object at the top, got {type}"), type=_json_type(raw))
            )
        if "format" not in raw:
            raise self.fail("", say(N_('not an annotation set (it has no "format" field)')))
        fmt = self.get(raw, "format", "", str)
        if fmt != FORMAT_NAME:
            raise self.fail(
                "format",
                say(
                    N_("unknown format {fmt} (expected {FORMAT_NAME})"),
                    fmt=repr(fmt),
                    FORMAT_NAME=repr(FORMAT_NAME),
                ),
            )
        version = self.get(raw, "format_version", "", int)
        if version > FORMAT_VERSION:
            raise self.fail(
                "format_version",
                say(
                    N_(
                        "version {version} is newer than this Annotator reads "
                        "({FORMAT_VERSION}); update Annotator"
                    ),
                    version=version,
                    FORMAT_VERSION=FORMAT_VERSION,
                ),
            )
        if version < 1:
            raise self.fail(
                "format_version", say(N_("version {version} does not exist"), version=version)
            )
        unit = self.get(raw, "offset_unit", "", str)
        if unit != "codepoint":
            raise self.fail(
                "offset_unit",
                say(N_("unknown offset unit {unit} (expected 'codepoint')"), unit=repr(unit)),
            )
        exported_at = self.time(raw, "exported_at", "")
        generator = self.get(raw, "generator", "", dict)
        gen_name = self.get(generator, "name", "generator", str)
        gen_version = self.get(generator, "version", "generator", str)
        memo = self.get(raw, "memo", "", (str, type(None)), required=False)
        labels = self.labels(self.get(raw, "labels", "", list))
        return AnnotationSet(
            labels=tuple(labels),
            documents=(),
            exported_at=exported_at,
            generator_name=gen_name,
            generator_version=gen_version,
            memo=memo or None,
        )

    def documents(self, items: Iterable[Any], head: AnnotationSet) -> tuple[SetDocument, ...]:
        """The raw documents ``items`` (in file order, read as they come) checked against
        the labels of ``head`` and each other."""
        declared = {label.name: {a.name: a for a in label.attributes} for label in head.labels}
        documents = []
        seen_docs: dict[str, str] = {}
        seen_texts: dict[str, str] = {}
        seen_annotations: dict[str, str] = {}
        for i, item in enumerate(items):
            doc = self.document(item, f"documents[{i}]", declared, seen_annotations)
            path = f"documents[{i}]"
            if doc.id in seen_docs:
                raise self.fail(
                    f"{path}.id",
                    say(
                        N_("duplicate id {id} (also {seen_docs})"),
                        id=repr(doc.id),
                        seen_docs=seen_docs[doc.id],
                    ),
                )
            if doc.sha256 in seen_texts:
                raise self.fail(
                    f"{path}.sha256",
                    say(
                        N_("the same text as {seen_texts} appears twice"),
                        seen_texts=seen_texts[doc.sha256],
                    ),
                )
            seen_docs[doc.id] = f"{path}.id"
            seen_texts[doc.sha256] = path
            documents.append(doc)
        return tuple(documents)

    def time(self, obj: dict[str, Any], key: str, path: str) -> datetime:
        value = self.get(obj, key, path, str)
        try:
            return parse_iso_utc(value)
        except ValueError as exc:
            raise self.fail(f"{path}.{key}" if path else key, message_of(exc)) from None

    def labels(self, items: list[Any]) -> list[Label]:
        labels: list[Label] = []
        seen: dict[str, str] = {}
        for i, item in enumerate(items):
            path = f"labels[{i}]"
            if not isinstance(item, dict):
                raise self.fail(
                    path, say(N_("expected an object, got {type}"), type=_json_type(item))
                )
            name = self.get(item, "name", path, str)
            problem = label_problem(name)
            if problem is not None:
                raise self.fail(f"{path}.name", problem)
            if name in seen:
                raise self.fail(
                    f"{path}.name",
                    say(
                        N_("duplicate label {name} (also {seen})"), name=repr(name), seen=seen[name]
                    ),
                )
            seen[name] = f"{path}.name"
            color = self.get(item, "color", path, str)
            if not COLOR.fullmatch(color):
                raise self.fail(
                    f"{path}.color",
                    say(N_("{color} is not a colour like #0072b2"), color=repr(color)),
                )
            hotkey = self.get(item, "hotkey", path, (str, type(None)), required=False)
            description = self.get(item, "description", path, str, required=False, default="")
            specs = self.attribute_specs(
                self.get(item, "attributes", path, list, required=False, default=[]),
                f"{path}.attributes",
            )
            labels.append(Label(name, color, hotkey, description, specs))
        return labels

    def attribute_specs(self, items: list[Any], path: str) -> tuple[AttributeSpec, ...]:
        specs = []
        for i, item in enumerate(items):
            where = f"{path}[{i}]"
            if not isinstance(item, dict):
                raise self.fail(
                    where, say(N_("expected an object, got {type}"), type=_json_type(item))
                )
            self.get(item, "name", where, str)
            self.get(item, "type", where, str)
            self.get(item, "description", where, str, required=False)
            for j, choice in enumerate(
                self.get(item, "choices", where, list, required=False) or []
            ):
                if not isinstance(choice, str):
                    raise self.fail(
                        f"{where}.choices[{j}]",
                        say(N_("expected a string, got {type}"), type=_json_type(choice)),
                    )
            specs.append(spec_from_dict(item))
        problems = spec_problems(specs)
        if problems:
            raise self.fail(path, joined("; ", problems))
        return tuple(specs)

    def attributes(
        self, item: dict[str, Any], path: str, specs: dict[str, AttributeSpec]
    ) -> tuple[tuple[str, Any], ...]:
        values = self.get(item, "attributes", path, (dict, type(None)), required=False) or {}
        for name, value in values.items():
            where = member_path(f"{path}.attributes", name)
            if not is_scalar(value):
                raise self.fail(
                    where,
                    say(
                        N_("expected a string, number or boolean, got {type}"),
                        type=_json_type(value),
                    ),
                )
            problem = value_problem(specs[name], value) if name in specs else None
            if problem is not None:
                raise self.fail(where, problem)
        return as_attributes(values)

    def document(
        self, item: Any, path: str, declared: Declared, seen_annotations: dict[str, str]
    ) -> SetDocument:
        if not isinstance(item, dict):
            raise self.fail(path, say(N_("expected an object, got {type}"), type=_json_type(item)))
        doc_id = self.get(item, "id", path, str)
        if not doc_id:
            raise self.fail(f"{path}.id", say(N_("empty id")))
        title = self.get(item, "title", path, str)
        source = self.get(item, "source", path, str)
        sha256 = self.get(item, "sha256", path, str)
        if not _SHA256.match(sha256):
            raise self.fail(f"{path}.sha256", say(N_("not a lower-case hex SHA-256")))
        length = self.get(item, "length", path, int)
        if length < 0:
            raise self.fail(f"{path}.length", say(N_("negative length {length}"), length=length))
        text = self.get(item, "text", path, str, required=False)
        optional = (str, type(None))
        fmt = self.get(item, "format", path, str, required=False, default="text")
        encoding = self.get(item, "encoding", path, optional, required=False)
        original_name = self.get(item, "original_name", path, optional, required=False)
        author = self.get(item, "author", path, optional, required=False)
        published = self.get(item, "published", path, optional, required=False)
        version = self.get(item, "version", path, int, required=False, default=1)
        if version < 1:
            raise self.fail(
                f"{path}.version", say(N_("version {version} is not 1 or more"), version=version)
            )
        previous_id = self.get(item, "previous_id", path, optional, required=False)
        memo = self.get(item, "memo", path, optional, required=False)
        if previous_id == doc_id:
            raise self.fail(
                f"{path}.previous_id", say(N_("a document cannot be its own earlier version"))
            )
        imported_at = None
        if item.get("imported_at") is not None:
            imported_at = self.time(item, "imported_at", path)
        if text is not None:
            if text_sha256(text) != sha256:
                raise self.fail(f"{path}.sha256", say(N_("does not match the SHA-256 of the text")))
            if len(text) != length:
                raise self.fail(
                    f"{path}.length",
                    say(
                        N_("is {length} but the text has {count} code points"),
                        length=length,
                        count=len(text),
                    ),
                )
        annotations = []
        contexts = []
        for j, raw_ann in enumerate(self.get(item, "annotations", path, list)):
            ann_path = f"{path}.annotations[{j}]"
            ann, found = self.annotation(raw_ann, ann_path, doc_id, length, text, declared)
            contexts.append(found)
            if ann.id in seen_annotations:
                raise self.fail(
                    f"{ann_path}.id",
                    say(
                        N_("duplicate id {id} (also {seen_annotations})"),
                        id=repr(ann.id),
                        seen_annotations=seen_annotations[ann.id],
                    ),
                )
            seen_annotations[ann.id] = f"{ann_path}.id"
            annotations.append(ann)
        return SetDocument(
            doc_id,
            title,
            source,
            sha256,
            length,
            text,
            tuple(annotations),
            () if text is not None else tuple(contexts),
            format=fmt,
            encoding=encoding,
            original_name=original_name,
            imported_at=imported_at,
            author=author,
            published=published,
            version=version,
            previous_id=previous_id,
            memo=memo or None,
        )

    def annotation(
        self,
        item: Any,
        path: str,
        doc_id: str,
        length: int,
        text: str | None,
        declared: Declared,
    ) -> tuple[Annotation, tuple[str, str, str]]:
        """One annotation of a document, checked: every field present and of its type, the
        span inside the text, its quote and context agreeing with the text, attribute
        values fitting their label's definitions. The first problem is named by its JSON
        path. In the common case each field costs one type check (imports of hundreds of
        thousands of annotations go through here)."""
        if type(item) is not dict:
            raise self.fail(path, say(N_("expected an object, got {type}"), type=_json_type(item)))
        field = item.get
        ann_id = field("id")
        if type(ann_id) is not str:
            ann_id = self.get(item, "id", path, str)
        if not ann_id:
            raise self.fail(f"{path}.id", say(N_("empty id")))
        label = field("label")
        if type(label) is not str:
            label = self.get(item, "label", path, str)
        if label not in declared:
            raise self.fail(
                f"{path}.label",
                say(N_("label {label} is used but not declared in labels"), label=repr(label)),
            )
        start, end = field("start"), field("end")
        if type(start) is not int:
            start = self.get(item, "start", path, int)
        if type(end) is not int:
            end = self.get(item, "end", path, int)
        if start < 0:
            raise self.fail(f"{path}.start", say(N_("negative offset {start}"), start=start))
        if start > end:
            raise self.fail(
                f"{path}.end", say(N_("end {end} is before start {start}"), end=end, start=start)
            )
        if end > length:
            raise self.fail(
                f"{path}.end",
                say(N_("end {end} is beyond the text's length {length}"), end=end, length=length),
            )
        quote, prefix, suffix = field("quote"), field("prefix"), field("suffix")
        if type(quote) is not str:
            quote = self.get(item, "quote", path, str)
        if type(prefix) is not str:
            prefix = self.get(item, "prefix", path, str)
        if type(suffix) is not str:
            suffix = self.get(item, "suffix", path, str)
        if text is not None:
            check_context(self.fail, path, text, start, end, quote, prefix, suffix)
        elif len(quote) != end - start:
            raise self.fail(
                f"{path}.quote",
                say(
                    N_("has {count} code points but the span has {span}"),
                    count=len(quote),
                    span=end - start,
                ),
            )
        note = field("note", _MISSING)
        if note is not None and type(note) is not str:
            note = self.get(item, "note", path, (str, type(None)))
        values = field("attributes")
        attributes = self.attributes(item, path, declared[label]) if values else ()
        if values is not None and type(values) is not dict:
            self.get(item, "attributes", path, (dict, type(None)), required=False)
        annotator = field("annotator")
        if type(annotator) is not str:
            annotator = self.get(item, "annotator", path, str)
        created, updated = field("created_at"), field("updated_at")
        created_at = self.time(item, "created_at", path) if type(created) is not str else None
        if created_at is None:
            try:
                created_at = parse_iso_utc(created)
            except ValueError:
                created_at = self.time(item, "created_at", path)
        if type(updated) is str and updated == created:
            updated_at = created_at
        else:
            updated_at = self.time(item, "updated_at", path)
        orphaned = field("orphaned", False)
        if type(orphaned) is not bool:
            orphaned = self.get(item, "orphaned", path, bool, required=False, default=False)
        source, rule = field("source"), field("rule")
        if source is not None and type(source) is not str:
            source = self.get(item, "source", path, (str, type(None)), required=False)
        if rule is not None and type(rule) is not str:
            rule = self.get(item, "rule", path, (str, type(None)), required=False)
        annotation = Annotation(
            ann_id,
            doc_id,
            label,
            start,
            end,
            note,
            annotator,
            created_at,
            updated_at,
            attributes,
            orphaned,
            source=source,
            rule=rule,
        )
        return annotation, (quote, prefix, suffix)


_MISSING = object()  # a field absent, told from one that is null

Declared = dict[str, dict[str, AttributeSpec]]  # label name -> its attribute definitions


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {
        str: "a string",
        int: "an integer",
        list: "an array",
        dict: "an object",
        bool: "a boolean",
        type(None): "null",
    }
    return " or ".join(names.get(k, k.__name__) for k in kinds)
