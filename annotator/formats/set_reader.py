"""Reading the JSON annotation set, format version 1, with full validation: every field
present and of its type, ids unique, spans inside their texts, quotes and context
agreeing with them, attribute values fitting their definitions. The first problem is
named by its JSON path."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from operator import itemgetter
from typing import Any

from annotator.core.attributes import (
    as_attributes,
    is_scalar,
    spec_from_dict,
    spec_problems,
    value_problem,
)
from annotator.core.labels import COLOR
from annotator.core.messages import N_, joined, message_of, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    AttributeSpec,
    Label,
    SetDocument,
)
from annotator.core.set_errors import SetFormatError, member_path
from annotator.core.spans import CONTEXT_WIDTH, check_context
from annotator.core.text import text_sha256
from annotator.core.timestamps import parse_iso_utc
from annotator.core.values import label_problem

FORMAT_NAME = "annotator-annotation-set"
FORMAT_VERSION = 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


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
        return tuple(self.each_document(items, head))

    def each_document(self, items: Iterable[Any], head: AnnotationSet) -> Iterator[SetDocument]:
        """:meth:`documents` one at a time, each checked before it is yielded. Besides
        the document at hand, only the ids and SHA-256s seen are kept."""
        declared = {label.name: {a.name: a for a in label.attributes} for label in head.labels}
        seen_docs: dict[str, int] = {}
        seen_texts: dict[str, int] = {}
        seen_annotations: dict[str, int] = {}
        for i, item in enumerate(items):
            doc = self.document(item, f"documents[{i}]", declared, seen_annotations, i)
            path = f"documents[{i}]"
            if doc.id in seen_docs:
                raise self.fail(
                    f"{path}.id",
                    say(
                        N_("duplicate id {id} (also {seen_docs})"),
                        id=repr(doc.id),
                        seen_docs=f"documents[{seen_docs[doc.id]}].id",
                    ),
                )
            if doc.sha256 in seen_texts:
                raise self.fail(
                    f"{path}.sha256",
                    say(
                        N_("the same text as {seen_texts} appears twice"),
                        seen_texts=f"documents[{seen_texts[doc.sha256]}]",
                    ),
                )
            seen_docs[doc.id] = i
            seen_texts[doc.sha256] = i
            yield doc

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
        self,
        item: Any,
        path: str,
        declared: Declared,
        seen_annotations: dict[str, int],
        index: int = 0,
    ) -> SetDocument:
        """One document, checked; ``seen_annotations`` maps the ids of the annotations
        read before to where they were (:func:`_place`), ``index`` is this one's place."""
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
        annotations, contexts = self.annotations(
            self.get(item, "annotations", path, list),
            path,
            (doc_id, length, text, declared),
            seen_annotations,
            index,
        )
        return SetDocument(
            doc_id,
            title,
            source,
            sha256,
            length,
            text,
            tuple(annotations),
            tuple(contexts),
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

    def annotations(
        self,
        items: list[Any],
        path: str,
        of: tuple[str, int, str | None, Declared],
        seen: dict[str, int],
        index: int,
    ) -> tuple[list[Annotation], list[tuple[str, str, str]]]:
        """A document's annotations (``of``: its id, length, text and the declared labels)
        and, without a text, the (quote, prefix, suffix) of each. An annotation with every
        field well formed is taken in one pass of a few lookups and type checks (a set may
        hold a million); any other goes through :meth:`annotation`, which names the first
        problem. Both accept exactly the same annotations."""
        doc_id, length, text, declared = of
        annotations: list[Annotation] = []
        contexts: list[tuple[str, str, str]] = []
        new, parse, missing, width = tuple.__new__, parse_iso_utc, _MISSING, CONTEXT_WIDTH
        required, written, iso = _REQUIRED, _WRITTEN, datetime.fromisoformat
        for j, item in enumerate(items):
            ann = None
            try:  # a field of the wrong type or absent raises or fails a test: named below
                if len(item) == _AS_WRITTEN:  # (a dict) as export writes it: no other fields
                    (
                        ann_id,
                        label,
                        start,
                        end,
                        quote,
                        prefix,
                        suffix,
                        annotator,
                        created,
                        updated,
                        note,
                        values,
                    ) = written(item)
                    orphaned, source, rule, extras = False, None, None, True
                else:
                    (
                        ann_id,
                        label,
                        start,
                        end,
                        quote,
                        prefix,
                        suffix,
                        annotator,
                        created,
                        updated,
                    ) = required(item)
                    field = item.get
                    note, values = field("note", missing), field("attributes")
                    orphaned, source = field("orphaned", False), field("source")
                    rule = field("rule")
                    extras = (
                        type(orphaned) is bool
                        and (source is None or type(source) is str)
                        and (rule is None or type(rule) is str)
                    )
                if (
                    type(ann_id) is str
                    and ann_id
                    and label in declared  # (whose names are strings)
                    and type(start) is int
                    and type(end) is int
                    and 0 <= start <= end <= length
                    and len(quote) == end - start
                    and (
                        type(quote) is str and type(prefix) is str and type(suffix) is str
                        if text is None
                        else text.startswith(quote, start, end)  # (strings only)
                        and len(prefix) <= width
                        and text.endswith(prefix, 0, start)
                        and len(suffix) <= width
                        and text.startswith(suffix, end)
                    )
                    and (note is None or type(note) is str)
                    and (values is None or type(values) is dict)
                    and type(annotator) is str
                    and extras
                ):
                    # parse_iso_utc's first test and C parser inline: (strings only)
                    if len(created) == 24 and created[19] == "." and created[-1] == "Z":
                        created_at = iso(created[:-1])
                        if created[10] != "T" or created[4] != "-" or created_at.tzinfo:
                            created_at = parse(created)
                    else:
                        created_at = parse(created)
                    updated_at = created_at if updated == created else parse(updated)
                    attributes = (
                        self.attributes(item, f"{path}.annotations[{j}]", declared[label])
                        if values
                        else ()
                    )
                    ann = new(
                        Annotation,
                        (
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
                            1,
                            source,
                            rule,
                        ),
                    )
                    if text is None:
                        contexts.append((quote, prefix, suffix))
            except (KeyError, TypeError, ValueError):
                ann = None
            if ann is None:
                ann_path = f"{path}.annotations[{j}]"
                ann, found = self.annotation(item, ann_path, doc_id, length, text, declared)
                if text is None:
                    contexts.append(found)
            ann_id = ann.id
            if ann_id in seen:
                raise self.fail(
                    f"{path}.annotations[{j}].id",
                    say(
                        N_("duplicate id {id} (also {seen_annotations})"),
                        id=repr(ann_id),
                        seen_annotations=_place(seen[ann_id]),
                    ),
                )
            seen[ann_id] = index << 32 | j
            annotations.append(ann)
        return annotations, contexts

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
# The fields every annotation has, taken at once.
_REQUIRED_FIELDS = (
    *("id", "label", "start", "end", "quote", "prefix", "suffix"),
    *("annotator", "created_at", "updated_at"),
)
_REQUIRED = itemgetter(*_REQUIRED_FIELDS)


# Those and the fields export writes with them, when an annotation has no others.
_WRITTEN = itemgetter(*_REQUIRED_FIELDS, "note", "attributes")
_AS_WRITTEN = len(_REQUIRED_FIELDS) + 2


def _place(code: int) -> str:
    """The JSON path of an annotation's id kept as ``document index << 32 | index``."""
    return f"documents[{code >> 32}].annotations[{code & 0xFFFFFFFF}].id"


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
