"""brat standoff: a folder with ``NAME.txt`` and ``NAME.ann`` per document, the labels
in ``annotation.conf`` and their display names and colours in ``visual.conf``.

Offsets in a ``.ann`` are code points of the ``.txt`` as stored (UTF-8, LF), which is the
stored text itself, so they are Annotator's offsets. A ``T`` line cannot hold a line
break or a tab, so a span is written as fragments broken at runs of them (brat breaks a
selection at line ends the same way), with an empty fragment at an end that is such a
character; reading joins fragments separated only by those characters again. Other
discontinuous spans become one annotation per stretch.

brat type names are ``[A-Za-z0-9_-]``: each label gets a safe, unique type name, and a
``# annotator-label`` comment in ``annotation.conf`` (brat skips comments) keeps the
label exactly (name, colour, hotkey, description, typed attributes). Attributes:
yes/no ones are brat's binary attributes (no stays unset); choice, number and text ones
are multi-valued with the choices, or the values used, percent-encoded as brat values
cannot hold spaces. Each annotation's id, annotator, times and exact note go on a
``#`` comment line of type ``Provenance``; its note, line breaks as spaces, on brat's
``AnnotatorNotes`` line.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from annotator.core.attributes import as_attributes, spec_from_dict, spec_problems, spec_to_dict
from annotator.core.ids import document_id_for
from annotator.core.importers import MAX_BYTES, DocumentReadError, shown_path
from annotator.core.labels import COLOR, ColourAllocator
from annotator.core.messages import FILE_PROBLEM, N_, message_of, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    AttributeSpec,
    AttributeValue,
    Label,
    SetDocument,
)
from annotator.core.reading import OutsideFolder, read_file
from annotator.core.set_errors import SetFormatError
from annotator.core.text import normalise_text, text_sha256
from annotator.core.timestamps import iso_utc, parse_iso_utc
from annotator.core.values import label_problem
from annotator.formats.annotation_set import load_json
from annotator.formats.checks import checked

CONF, VISUAL = "annotation.conf", "visual.conf"
LABEL_COMMENT = "# annotator-label "
NOTES, PROVENANCE = "AnnotatorNotes", "Provenance"
_IGNORED = {"R": "relation(s)", "E": "event(s)", "N": "normalization(s)", "*": "equivalence(s)"}
BRAT_ANNOTATOR = "brat"  # who made annotations read without a Provenance line
# What a .ann line cannot hold: line ends as Python (and so brat) splits lines, and tabs.
_BREAK = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAKS = re.compile(f"[{_BREAK}]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
# Names brat gives a meaning of its own in its configuration files.
_RESERVED = {"ANY", "ENTITY", "RELATION", "EVENT", "NONE", "REL-TYPE", "SPAN_DEFAULT"}
_RESERVED |= {"ARC_DEFAULT", "ENTITY-NESTING", "SEPARATOR"}
_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10))}
_WINDOWS |= {f"LPT{i}" for i in range(10)}
_ANNOTATIONS = uuid.UUID("3d0c7f7e-2b1a-4f55-9a3e-5b6d1f0e2a77")


# -- names -----------------------------------------------------------------------------


def safe_name(text: str, fallback: str) -> str:
    """``text`` as ASCII letters, digits, ``_`` and ``-`` (accents dropped, the rest
    ``_``); ``fallback`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = _UNSAFE.sub("_", ascii_text).strip("_")[:80].strip("_")
    return name or fallback


def _unique(name: str, taken: set[str], *, fold: bool = False) -> str:
    """``name``, or ``name-2``, ``name-3``… when taken (compared case-folded if ``fold``)."""
    key = (lambda s: s.casefold()) if fold else (lambda s: s)
    candidate, n = name, 1
    while key(candidate) in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(key(candidate))
    return candidate


def type_names(labels: Sequence[str]) -> dict[str, str]:
    """A brat type name for each label name: safe, unique, none of brat's own words."""
    taken: set[str] = set()
    out = {}
    for name in labels:
        base = safe_name(name, "label")
        if base.upper() in _RESERVED:
            base += "_"
        out[name] = _unique(base, taken)
    return out


def file_names(titles: Sequence[str]) -> list[str]:
    """A file stem for each title: safe, unique even where case does not count."""
    taken: set[str] = set()
    out = []
    for title in titles:
        base = safe_name(title, "document")
        if base.upper() in _WINDOWS:
            base += "_"
        out.append(_unique(base, taken, fold=True))
    return out


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start``–``end`` as brat fragments: broken at runs of line breaks and tabs, with
    an empty fragment where the span starts or ends with one (so it reads back exact)."""
    out, at = [], start
    for run in _BREAKS.finditer(text, start, end):
        out.append((at, run.start()))
        at = run.end()
    out.append((at, end))
    return [f for i, f in enumerate(out) if f[0] < f[1] or i in (0, len(out) - 1)]


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text)


def _json_line(value: object) -> str:
    """JSON on one line even where Python would break a line (U+0085, U+2028…)."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _token(value: AttributeValue) -> str:
    return quote(str(value), safe="")


# -- writing ---------------------------------------------------------------------------


class _Attributes:
    """brat attribute names for each label's attributes. Attributes of several labels
    with the same name and definition share one brat attribute; different definitions
    of one name get different brat names."""

    def __init__(self, labels: Sequence[Label], types: Mapping[str, str]) -> None:
        self.name: dict[tuple[str, str], str] = {}  # (label, attribute) -> brat name
        self.kind: dict[str, AttributeSpec] = {}  # brat name -> a definition
        self.types: dict[str, list[str]] = {}  # brat name -> brat types it applies to
        self.values: dict[str, list[str]] = {}  # brat name -> tokens (not for yes/no)
        by_key: dict[tuple[object, ...], str] = {}
        taken: set[str] = set(types.values())
        for label in labels:
            for spec in label.attributes:
                choices = spec.choices if spec.kind == "choice" else ()
                key = (spec.name, spec.kind, choices)
                if key not in by_key:
                    by_key[key] = _unique(safe_name(spec.name, "attribute"), taken)
                    brat = by_key[key]
                    self.kind[brat] = spec
                    self.types[brat] = []
                    self.values[brat] = [_token(c) for c in choices]
                brat = by_key[key]
                self.name[(label.name, spec.name)] = brat
                self.types[brat].append(types[label.name])

    def used(self, brat: str, value: AttributeValue) -> None:
        token = _token(value)
        if self.kind[brat].kind in ("text", "number") and token not in self.values[brat]:
            self.values[brat].append(token)

    def conf_lines(self) -> list[str]:
        out = []
        for brat, spec in self.kind.items():
            line = f"{brat}\tArg:{'|'.join(self.types[brat])}"
            if spec.kind != "boolean":
                if not self.values[brat]:
                    continue  # no value to offer: brat refuses an empty value list
                line += f", Value:{'|'.join(self.values[brat])}"
            out.append(line)
        return out


def render(aset: AnnotationSet, texts: Mapping[str, str], _options: object) -> dict[str, bytes]:
    """The set as a brat folder: ``annotation.conf``, ``visual.conf`` and a ``.txt`` and
    ``.ann`` per document, named from its title."""
    labels = list(aset.labels)
    declared = {label.name for label in labels}
    palette = ColourAllocator(label.color for label in labels)
    for doc in aset.documents:
        for ann in doc.annotations:
            if ann.label not in declared:  # not in the scheme (any more): still a type
                labels.append(Label(ann.label, palette.next()))
                declared.add(ann.label)
    types = type_names([label.name for label in labels])
    attributes = _Attributes(labels, types)
    files: dict[str, bytes] = {}
    stems = file_names([doc.title for doc in aset.documents])
    for stem, doc in zip(stems, aset.documents, strict=True):
        text = doc.text if doc.text is not None else texts[doc.id]
        files[f"{stem}.txt"] = text.encode("utf-8")
        files[f"{stem}.ann"] = _ann(doc.annotations, text, types, attributes).encode("utf-8")
    files[CONF] = _conf(labels, types, attributes).encode("utf-8")
    files[VISUAL] = _visual(labels, types).encode("utf-8")
    return files


def _ann(
    annotations: Sequence[Annotation],
    text: str,
    types: Mapping[str, str],
    attributes: _Attributes,
) -> str:
    lines = []
    comments = names = 0
    for n, ann in enumerate(annotations, 1):
        frags = fragments(text, ann.start, ann.end)
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        quote_ = " ".join(text[a:b] for a, b in frags)
        lines.append(f"T{n}\t{types[ann.label]} {offsets}\t{quote_}")
        provenance: dict[str, object] = {
            "id": ann.id,
            "annotator": ann.annotator,
            "created_at": iso_utc(ann.created_at),
            "updated_at": iso_utc(ann.updated_at),
        }
        if ann.note is not None and (ann.note == "" or _one_line(ann.note) != ann.note):
            provenance["note"] = ann.note
        if ann.orphaned:
            provenance["orphaned"] = True
        comments += 1
        lines.append(f"#{comments}\t{PROVENANCE} T{n}\t{_json_line(provenance)}")
        if ann.note:  # last, so brat shows its comment as a note
            comments += 1
            lines.append(f"#{comments}\t{NOTES} T{n}\t{_one_line(ann.note)}")
        for name, value in ann.attributes:
            brat = attributes.name.get((ann.label, name))
            if brat is None or value is False or value == "":
                continue  # undefined (the scheme changed), no, or empty: brat cannot say
            names += 1
            if attributes.kind[brat].kind == "boolean":
                lines.append(f"A{names}\t{brat} T{n}")
            else:
                attributes.used(brat, value)
                lines.append(f"A{names}\t{brat} T{n} {_token(value)}")
    return "".join(line + "\n" for line in lines)


def _conf(labels: Sequence[Label], types: Mapping[str, str], attributes: _Attributes) -> str:
    out = [
        "# Written by Annotator. Each annotator-label line keeps a label exactly; brat",
        "# ignores comments. Attribute values are percent-encoded (brat values hold no",
        "# spaces).",
    ]
    for label in labels:
        item: dict[str, Any] = {"type": types[label.name], "name": label.name}
        item.update(color=label.color, hotkey=label.hotkey, description=label.description)
        item["attributes"] = [
            {**spec_to_dict(spec), "brat": attributes.name[(label.name, spec.name)]}
            for spec in label.attributes
        ]
        out.append(LABEL_COMMENT + _json_line(item))
    out += ["", "[entities]", *(types[label.name] for label in labels), "", "[relations]"]
    # Annotator's spans may overlap and nest: brat must be told it may show them.
    out += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    out += ["", "[attributes]", *attributes.conf_lines()]
    return "\n".join(out) + "\n"


def _visual(labels: Sequence[Label], types: Mapping[str, str]) -> str:
    out = ["[labels]"]
    # brat separates display names with "|"; the exact name is in annotation.conf.
    out += [f"{types[label.name]} | {label.name.replace('|', '/')}" for label in labels]
    out += ["", "[drawing]"]
    out += [f"{types[label.name]}\tbgColor:{label.color}" for label in labels]
    return "\n".join(out) + "\n"


# -- reading ---------------------------------------------------------------------------


def recognises(path: Path) -> bool:
    """A folder with at least one ``.ann`` file beside its ``.txt``."""
    try:
        return path.is_dir() and any(p.with_suffix(".txt").is_file() for p in path.glob("*.ann"))
    except OSError:
        return False


class _Reading:
    """State of one folder being read: labels by brat type, and what was left out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.labels: dict[str, Label] = {}  # brat type -> label
        self.specs: dict[str, dict[str, AttributeSpec]] = {}  # type -> brat attr -> spec
        self.ours: set[str] = set()  # types described by an annotator-label comment
        self.display: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        self.brat_attributes: dict[str, tuple[list[str], list[str] | None]] = {}
        self.ids: set[str] = set()
        self.split = self.split_into = 0
        self.ignored: dict[str, int] = {}
        # Colours and names of the labels that have one, kept from the first foreign label on.
        self.palette: ColourAllocator | None = None
        self.named: set[str] = set()
        self.uncoloured: set[str] = set()  # foreign types visual.conf gives no colour

    def fail(self, path: Path, where: str, problem: str) -> SetFormatError:
        return SetFormatError(shown_path(path), where, problem)

    def ignore(self, what: str) -> None:
        self.ignored[what] = self.ignored.get(what, 0) + 1


def read(path: Path) -> AnnotationSet:
    """A brat folder as an annotation set: a document (with its text) per ``.txt``, its
    annotations from the ``.ann`` beside it, labels from ``annotation.conf``.

    Raises :class:`SetFormatError` (file, line, problem) for anything malformed and
    :class:`DocumentReadError` for a folder that cannot be read.
    """
    where = shown_path(path)
    if not path.is_dir():
        raise DocumentReadError(
            say(N_("{where}: not a folder (brat standoff is a folder)"), where=where)
        )
    try:
        texts = sorted(path.glob("*.txt"))
        anns = sorted(path.glob("*.ann"))
    except OSError as exc:
        raise DocumentReadError(
            say(N_("{where}: cannot read ({reason})"), where=where, reason=exc.strerror or exc)
        ) from None
    for ann in anns:
        if not ann.with_suffix(".txt").is_file():
            raise SetFormatError(
                shown_path(ann), "", say(N_("no matching {stem}.txt beside it"), stem=ann.stem)
            )
    state = _Reading(path)
    documents, notes = [], []
    for read_settings, name in ((_read_conf, CONF), (_read_visual, VISUAL)):
        try:
            read_settings(state, path / name)
        except OutsideFolder as exc:  # read as a folder without it
            notes.append(message_of(exc))
    for txt in texts:
        try:
            documents.append(_document(state, txt))
        except OutsideFolder as exc:
            notes.append(message_of(exc))
    if state.split:
        notes.append(
            f"{state.split} discontinuous annotation(s) read as {state.split_into} separate "
            "annotations (an annotation in Annotator is one continuous span)"
        )
    if state.ignored:
        shown = ", ".join(f"{n} {what}" for what, n in sorted(state.ignored.items()))
        notes.append(f"not imported (Annotator has no place for them): {shown}")
    aset = AnnotationSet(
        tuple(state.labels.values()),
        tuple(documents),
        notes=tuple(notes),
        # Named only: no colour in visual.conf and no attribute in annotation.conf or .ann.
        undefined_labels=frozenset(
            label.name
            for brat_type, label in state.labels.items()
            if brat_type in state.uncoloured and not label.attributes
        ),
    )
    return checked(aset, where)


def _text(state: _Reading, path: Path) -> str:
    """A file of the folder through the guarded read: a regular file, a symbolic link
    only to a file inside the folder, no more than a document may hold."""
    data = read_file(path, limit=MAX_BYTES, what=say(N_("a brat file")), folder=state.folder)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            say(
                N_("{path}: not valid UTF-8 (byte {start}); brat files are UTF-8"),
                path=shown_path(path),
                start=exc.start,
            )
        ) from None


def _sections(text: str) -> list[tuple[int, str, str]]:
    """(line number, section, line) for each line that says something, comments aside."""
    out, section = [], ""
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        heading = re.fullmatch(r"\s*\[(.*)\]\s*", line)
        if heading:
            section = heading.group(1)
        elif line.strip() and not line.lstrip().startswith("#"):
            out.append((n, section, line))
    return out


def _read_conf(state: _Reading, conf: Path) -> None:
    if not conf.is_file():
        return
    text = _text(state, conf)
    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith(LABEL_COMMENT):
            _label_comment(state, conf, n, line[len(LABEL_COMMENT) :])
    for _n, section, line in _sections(text):
        found = re.match(r"\s*(\S+)(?:\s+(.*))?$", line)
        if found is None or re.fullmatch(r"-+", found.group(1)) or line.startswith("<"):
            continue  # a separator, a macro or a relation of brat's own
        abstract = found.group(1).startswith("!")  # a heading nothing is annotated with
        term = found.group(1).split("|")[0].lstrip("!")
        if section == "entities" and term and not abstract and term not in state.labels:
            state.labels[term] = Label(term, "")  # name and colour settled in _read_visual
        elif section == "attributes" and term:
            args = dict(
                item.strip().split(":", 1)
                for item in (found.group(2) or "").split(",")
                if ":" in item
            )
            values = args.get("Value")
            state.brat_attributes[term] = (
                args.get("Arg", "").split("|"),
                None if values is None else [v for v in values.split("|") if v],
            )


def _label_comment(state: _Reading, conf: Path, n: int, raw: str) -> None:
    def bad(problem: str) -> SetFormatError:
        return state.fail(
            conf, f"line {n}", say(N_("annotator-label comment: {problem}"), problem=problem)
        )

    try:
        item = load_json(raw.encode("utf-8"), file=shown_path(conf), what=say(N_("a comment")))
    except SetFormatError as exc:
        raise bad(exc.problem) from None
    if not isinstance(item, dict):
        raise bad(say(N_("not a JSON object")))
    brat_type, name, color = item.get("type"), item.get("name"), item.get("color")
    hotkey, description = item.get("hotkey"), item.get("description", "")
    raw_specs = item.get("attributes", [])
    if not (isinstance(brat_type, str) and isinstance(name, str)):
        raise bad(say(N_("needs a type and a name")))
    problem = label_problem(name)
    if problem is not None:
        raise bad(problem)
    if not (isinstance(color, str) and COLOR.fullmatch(color)):
        raise bad(say(N_("colour {color} is not like #0072b2"), color=repr(color)))
    if not (hotkey is None or isinstance(hotkey, str)) or not isinstance(description, str):
        raise bad(say(N_("hotkey and description must be text")))
    if not isinstance(raw_specs, list) or not all(
        isinstance(s, dict)
        and isinstance(s.get("name"), str)
        and isinstance(s.get("brat"), str)
        and s.get("type", "text") in ("text", "number", "choice", "boolean")
        and isinstance(s.get("choices", []), list)
        for s in raw_specs
    ):
        raise bad(say(N_("attributes must be a list of {{name, type, choices, brat}}")))
    specs = [spec_from_dict(s) for s in raw_specs]
    problems = spec_problems(specs)
    if problems:
        raise bad(problems[0])
    state.labels[brat_type] = Label(name, color, hotkey or None, description, tuple(specs))
    state.specs[brat_type] = {s["brat"]: spec for s, spec in zip(raw_specs, specs, strict=True)}
    state.ours.add(brat_type)


def _read_visual(state: _Reading, visual: Path) -> None:
    """Display names and colours of labels not described by Annotator's comments."""
    if visual.is_file():
        for _n, section, line in _sections(_text(state, visual)):
            if section == "labels":
                terms = [t.strip() for t in line.split("|")]
                if len(terms) > 1 and terms[1]:
                    state.display[terms[0]] = terms[1]
            elif section == "drawing":
                brat_type, _, args = line.strip().partition("\t")
                found = re.search(r"bgColor:\s*(#[0-9A-Fa-f]{6})\b", args)
                if found:
                    state.colors[brat_type.strip()] = found.group(1).lower()
    for brat_type in list(state.labels):
        if brat_type not in state.ours:
            _foreign_label(state, brat_type)


def _foreign_label(state: _Reading, brat_type: str) -> Label:
    """The label for a brat type Annotator did not describe: its display name (unless
    another label has it), its colour, its declared attributes."""
    if state.palette is None:  # every label described by annotation.conf has its colour
        coloured = [label for label in state.labels.values() if label.color]
        state.palette = ColourAllocator(label.color for label in coloured)
        state.named = {label.name for label in coloured}
    name = state.display.get(brat_type, brat_type)
    if name in state.named or not name.strip():
        name = brat_type
    state.named.add(name)
    color = state.colors.get(brat_type)
    if color:
        state.palette.take(color)
    else:
        color = state.palette.next()
    specs = state.specs.setdefault(brat_type, {})
    for attr, (args, values) in state.brat_attributes.items():
        if brat_type in args or "<ENTITY>" in args or "<ANY>" in args:
            specs[attr] = (
                AttributeSpec(attr, "boolean")
                if values is None
                else AttributeSpec(attr, "choice", tuple(values))
            )
    label = Label(name, color, None, "", tuple(specs.values()))
    state.labels[brat_type] = label
    if brat_type not in state.colors:
        state.uncoloured.add(brat_type)
    return label


def _document(state: _Reading, txt: Path) -> SetDocument:
    raw = _text(state, txt)
    text = normalise_text(raw)
    sha = text_sha256(text)
    ann_path = txt.with_suffix(".ann")
    annotations: list[Annotation] = []
    if ann_path.is_file():
        try:
            saved = datetime.fromtimestamp(ann_path.stat().st_mtime, UTC).replace(tzinfo=None)
        except OSError as exc:
            raise DocumentReadError(
                say(
                    N_("{ann_path}: cannot read ({exc})"),
                    ann_path=shown_path(ann_path),
                    exc=message_of(exc),
                )
            ) from None
        saved = saved.replace(microsecond=saved.microsecond // 1000 * 1000)
        annotations = _annotations(state, ann_path, raw, text, sha, saved)
    return SetDocument(
        id=document_id_for(sha),
        title=txt.stem,
        source=shown_path(txt),
        sha256=sha,
        length=len(text),
        text=text,
        annotations=tuple(annotations),
        encoding="utf-8",
        original_name=txt.name,
    )


def _offset_map(raw: str, text: str) -> Any:
    """Offsets into ``raw`` to offsets into its normalised ``text`` (a BOM and the CR
    of each CRLF are dropped; a lone CR becomes LF)."""
    if raw == text:
        return lambda offset: offset
    dropped = [0] if raw.startswith("\ufeff") else []
    dropped += [m.start() for m in re.finditer("\r\n", raw)]
    return lambda offset: offset - bisect_left(dropped, offset)


def _annotations(
    state: _Reading, path: Path, raw: str, text: str, sha: str, saved: datetime
) -> list[Annotation]:
    spans: dict[str, tuple[int, str, list[tuple[int, int]]]] = {}  # T id -> line, type, frags
    notes: dict[str, list[str]] = {}
    provenance: dict[str, tuple[int, dict[str, Any]]] = {}
    values: dict[str, list[tuple[int, str, str | None]]] = {}
    targets: list[tuple[int, str, str]] = []  # line, id, the id it refers to
    ids: set[str] = set()
    for n, line in enumerate(_text(state, path).split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"line {n}"
        ann_id, tab, rest = line.partition("\t")
        kind = ann_id[:1]
        if not tab or kind not in "TRENAM#*" or not rest.strip():
            raise state.fail(
                path, where, say(N_("not a brat annotation line: {line}"), line=repr(line[:60]))
            )
        if kind != "*":
            if ann_id in ids:
                raise state.fail(path, where, say(N_("duplicate id {ann_id}"), ann_id=ann_id))
            ids.add(ann_id)
        data, _, tail = rest.partition("\t")
        if kind == "T":
            brat_type, frags = _t_line(state, path, where, ann_id, data, tail, raw)
            spans[ann_id] = (n, brat_type, frags)
        elif kind in "#AM":
            parts = data.split()
            if len(parts) < 2:
                raise state.fail(
                    path, where, say(N_("{ann_id}: missing the annotated id"), ann_id=ann_id)
                )
            targets.append((n, ann_id, parts[1]))
            if kind == "#" and parts[0] == NOTES:
                notes.setdefault(parts[1], []).append(tail)
            elif kind == "#" and parts[0] == PROVENANCE:
                provenance[parts[1]] = (n, _provenance(state, path, where, tail))
            elif kind == "#":
                state.ignore(f"'{parts[0]}' comment(s)")
            else:
                values.setdefault(parts[1], []).append(
                    (n, parts[0], parts[2] if len(parts) > 2 else None)
                )
        else:
            state.ignore(
                {"R": "relation(s)", "E": "event(s)", "N": "normalization(s)"}.get(
                    kind, "equivalence(s)"
                )
            )
    for n, ann_id, target in targets:
        if target not in ids:
            raise state.fail(
                path,
                f"line {n}",
                say(
                    N_("{ann_id}: refers to unknown id {target}"),
                    ann_id=ann_id,
                    target=repr(target),
                ),
            )
    remap = _offset_map(raw, text)
    out = []
    for t_id, (n, brat_type, frags) in spans.items():
        if brat_type not in state.labels:
            state.labels[brat_type] = Label(brat_type, "")
            problem = label_problem(_foreign_label(state, brat_type).name)
            if problem is not None:  # named in the .ann where the type first appears
                raise state.fail(path, f"line {n}", say(FILE_PROBLEM, file=t_id, problem=problem))

        label = state.labels[brat_type]
        prov = provenance.get(t_id, (0, {}))[1]
        note = "\n".join(notes[t_id]) if t_id in notes else None
        if "note" in prov and _one_line(prov["note"]) == (note or ""):
            note = prov["note"]  # the exact note, as brat left it unchanged
        attrs = _values(state, path, brat_type, label, values.get(t_id, []))
        groups = _join(raw, frags)
        if len(groups) > 1:
            state.split += 1
            state.split_into += len(groups)
        for k, (start, end) in enumerate(groups):
            ann_id = prov.get("id") if k == 0 else None
            if not ann_id or ann_id in state.ids:
                ann_id = str(uuid.uuid5(_ANNOTATIONS, f"{sha}/{t_id}/{k}"))
            state.ids.add(ann_id)
            created = prov["created_at"] if prov else saved
            out.append(
                Annotation(
                    ann_id,
                    "",
                    label.name,
                    remap(start),
                    remap(end),
                    note,
                    prov.get("annotator", BRAT_ANNOTATOR),
                    created,
                    prov["updated_at"] if prov else saved,
                    attrs,
                    bool(prov.get("orphaned", False)),
                )
            )
    return out


def _t_line(
    state: _Reading, path: Path, where: str, t_id: str, data: str, tail: str, raw: str
) -> tuple[str, list[tuple[int, int]]]:
    brat_type, _, offsets = data.partition(" ")
    frags: list[tuple[int, int]] = []
    try:
        for piece in offsets.split(";"):
            start, end = (int(x) for x in piece.split())
            frags.append((start, end))
    except ValueError:
        raise state.fail(
            path, where, say(N_("{t_id}: bad offsets {offsets}"), t_id=t_id, offsets=repr(offsets))
        ) from None
    for start, end in frags:
        if not 0 <= start <= end <= len(raw):
            raise state.fail(
                path,
                where,
                say(
                    N_(
                        "{t_id}: fragment {start}-{end} is outside the text (0-{count} code "
                        "points) or ends before it starts"
                    ),
                    t_id=t_id,
                    start=start,
                    end=end,
                    count=len(raw),
                ),
            )
    expected = " ".join(raw[a:b] for a, b in frags)
    if tail != expected:
        raise state.fail(
            path,
            where,
            say(
                N_("{t_id}: text {tail} but the .txt has {expected} there"),
                t_id=t_id,
                tail=repr(tail[:40]),
                expected=repr(expected[:40]),
            ),
        )
    return brat_type, frags


def _join(raw: str, frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments as spans: those separated only by line breaks and tabs are one span."""
    groups: list[tuple[int, int]] = []
    for start, end in sorted(frags):
        if groups and all(c in _BREAK for c in raw[groups[-1][1] : start]):
            groups[-1] = (groups[-1][0], max(end, groups[-1][1]))
        else:
            groups.append((start, end))
    return groups


def _provenance(state: _Reading, path: Path, where: str, tail: str) -> dict[str, Any]:
    try:
        item = load_json(tail.encode("utf-8"), file=shown_path(path), what=say(N_("a comment")))
        assert isinstance(item, dict)
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item["annotator"], str)
        assert isinstance(item.get("note", ""), str)
        item["created_at"] = parse_iso_utc(item["created_at"])
        item["updated_at"] = parse_iso_utc(item["updated_at"])
    except (ValueError, AssertionError, KeyError, TypeError):  # SetFormatError too
        raise state.fail(
            path,
            where,
            say(
                N_(
                    "{PROVENANCE} comment: expected JSON with id, annotator, created_at "
                    "and updated_at"
                ),
                PROVENANCE=PROVENANCE,
            ),
        ) from None
    return item


def _values(
    state: _Reading,
    path: Path,
    brat_type: str,
    label: Label,
    found: list[tuple[int, str, str | None]],
) -> tuple[tuple[str, AttributeValue], ...]:
    specs = state.specs.setdefault(brat_type, {})
    out: dict[str, AttributeValue] = {}
    for n, brat, raw_value in found:
        spec = specs.get(brat)
        if brat_type in state.ours:
            if spec is None:
                raise state.fail(
                    path,
                    f"line {n}",
                    say(
                        N_("attribute {brat} is not one of {name}'s"),
                        brat=repr(brat),
                        name=repr(label.name),
                    ),
                )
            out[spec.name] = _typed(state, path, n, spec, raw_value)
            continue
        # A brat attribute: yes/no when binary, else a choice among its declared values.
        value: AttributeValue = True if raw_value is None else raw_value
        if spec is None:
            spec = AttributeSpec(brat, "boolean" if raw_value is None else "text")
        elif spec.kind == "choice" and raw_value is not None and raw_value not in spec.choices:
            spec = AttributeSpec(brat, "choice", (*spec.choices, raw_value))
        specs[brat] = spec
        state.labels[brat_type] = Label(
            label.name, label.color, label.hotkey, label.description, tuple(specs.values())
        )
        out[brat] = value
    return as_attributes(out)


def _typed(
    state: _Reading, path: Path, n: int, spec: AttributeSpec, raw: str | None
) -> AttributeValue:
    if spec.kind == "boolean":
        return True
    if raw is None:
        raise state.fail(
            path, f"line {n}", say(N_("attribute {name} needs a value"), name=repr(spec.name))
        )
    value = unquote(raw)
    if spec.kind == "number":
        try:
            return int(value) if re.fullmatch(r"[+-]?\d+", value) else float(value)
        except ValueError:
            raise state.fail(
                path,
                f"line {n}",
                say(N_("{name}: {value} is not a number"), name=spec.name, value=repr(value)),
            ) from None
    return value
