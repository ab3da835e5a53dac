"""REFI-QDA projects (``.qdpx``), the exchange format of ATLAS.ti, NVivo, MAXQDA and
QualCoder (REFI-QDA standard 1.5, QDA-XML 1.0).

A ``.qdpx`` is a zip archive holding ``project.qde`` (XML) and the sources' texts under
``sources/``. Labels are ``Code``s, documents ``TextSource``s whose text is stored in the
archive as UTF-8 (``sources/<guid>.txt``), annotations ``PlainTextSelection``s each with
one ``Coding`` of its code, annotators ``User``s, notes the selection's ``Description``
(what QualCoder reads as a coding's memo). Memos are ``Description``s too: the project's
of the ``Project``, a document's of its ``TextSource``, followed there by the document's
source (often a local file path) only when asked. Positions count Unicode code points (the
standard's characters), end exclusive, over the text as written: the app's, with LF line
ends.

Reading accepts what the QDA programs write: texts inside the archive or inline
(``PlainTextContent``), ``sources/`` or ``Sources/``, missing colours, nested codes
(flattened: each code becomes a label, its parents named in the label's description),
several codings on one selection (one annotation each), and texts with CRLF line ends,
which are stored with LF: whether the file's positions count a CRLF as two characters
(the file's code points, as NVivo and MAXQDA do) or one (ATLAS.ti) is decided per text
from the positions themselves (one that falls between CR and LF or past the text rules a
reading out; selection names that start the quote count for one) and, failing that,
from the project's ``origin``. Then each selection whose name is its quote under some
reading is placed by that reading: the text's, the other CRLF count, or UTF-16 code
units (QualCoder stores its coding window's Qt positions beside the code points of what
it imported); one that fits none is named, and the project refused unless the caller
asks to skip such selections. The archive is read in memory with the zip guards of
:mod:`annotator.core.office`; XML is parsed without DTDs or entity expansion.
"""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
import zipfile
from bisect import bisect_left
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.importers import shown_path
from annotator.core.labels import COLOR, ColourAllocator, next_colour
from annotator.core.messages import N_, message_of, say
from annotator.core.model import Annotation, AnnotationSet, Label, SetDocument
from annotator.core.office import ExtractError, _Archive
from annotator.core.reading import read_file
from annotator.core.set_errors import SetFormatError, UnplaceableSelections
from annotator.core.text import BOM, normalise_text, text_sha256
from annotator.core.timestamps import iso_utc
from annotator.core.values import MAX_LABEL, OUT_OF_RANGE, label_problem, zip_time
from annotator.formats.annotation_set import annotation_order
from annotator.formats.checks import checked

if TYPE_CHECKING:
    from annotator.formats.rendering import RenderOptions

NAMESPACE = "urn:QDA-XML:project:1.0"
MAX_QDPX = 512 * 1024 * 1024  # bytes of a .qdpx file read into memory
NAME_WIDTH = 60  # code points of the quote a selection's name shows
# GUIDs of things the app names by other means (labels by name, users by name...).
_GUIDS = uuid.UUID("3d6f0b52-8e2a-4c71-9b1e-5a0c2f7d9e41")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A source's Description holds its memo; a path written too (--with-paths) follows it.
PATH_LINE = "\n\nSource: "
# What XML 1.0 cannot hold; written as U+FFFD in names and notes (texts go in files).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def guid(kind: str, key: str) -> str:
    """A deterministic GUID for ``key`` (a label name, a user name...) of one ``kind``."""
    return str(uuid.uuid5(_GUIDS, f"{kind}:{key}"))


def guid_for_id(kind: str, app_id: str) -> str:
    """The app's id itself when it is a UUID (documents and annotations made here), else
    a GUID derived from it, so ids survive a round trip through the format."""
    return app_id if _UUID.fullmatch(app_id) else guid(kind, app_id)


# -- writing -------------------------------------------------------------------------


def render(
    aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions | None = None
) -> bytes:
    """The set as a ``.qdpx`` archive: the same bytes for the same set."""
    from lxml import etree

    moment = aset.exported_at or datetime.now(UTC)
    stamp = iso_utc(moment)

    def element(parent: Any, tag: str, **attributes: str | None) -> Any:
        shown = {key: _xml_safe(value) for key, value in attributes.items() if value is not None}
        return etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", shown)

    def text_element(parent: Any, tag: str, text: str) -> None:
        etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}").text = _xml_safe(text)

    root = etree.Element(
        f"{{{NAMESPACE}}}Project",
        {
            "name": "Annotator export",
            "origin": f"Annotator {aset.generator_version}".strip(),
            "creationDateTime": stamp,
            "modifiedDateTime": stamp,
        },
        nsmap={None: NAMESPACE},
    )
    users = {
        ann.annotator: guid("user", ann.annotator)
        for doc in aset.documents
        for ann in doc.annotations
    }
    if users:
        holder = element(root, "Users")
        for name, user in users.items():
            element(holder, "User", guid=user, name=name)
    codes = {label.name: guid("code", label.name) for label in aset.labels}
    extra = [
        ann.label for doc in aset.documents for ann in doc.annotations if ann.label not in codes
    ]
    labels = [*aset.labels, *(Label(name, next_colour([])) for name in dict.fromkeys(extra))]
    codes.update((name, guid("code", name)) for name in extra)
    if labels:
        holder = element(element(root, "CodeBook"), "Codes")
        for label in labels:
            color = label.color.lower() if COLOR.fullmatch(label.color) else None
            code = element(
                holder, "Code", guid=codes[label.name], name=label.name, isCodable="true",
                color=color,
            )  # fmt: skip
            if label.description:
                text_element(code, "Description", label.description)

    files: dict[str, bytes] = {}
    if aset.documents:
        holder = element(root, "Sources")
        for doc in aset.documents:
            text = doc.text if doc.text is not None else texts.get(doc.id)
            if text is None:
                raise ValueError(
                    say(N_("document {id} has no text to write into a REFI-QDA project"), id=doc.id)
                )
            source_guid = guid_for_id("document", doc.id)
            files[f"sources/{source_guid}.txt"] = text.encode("utf-8")
            source = element(
                holder, "TextSource", guid=source_guid, name=doc.title,
                plainTextPath=f"internal://{source_guid}.txt",
                creationDateTime=None if doc.imported_at is None else iso_utc(doc.imported_at),
            )  # fmt: skip
            described = doc.memo or ""
            if doc.source and options is not None and options.with_paths:
                described = f"{doc.memo}{PATH_LINE}{doc.source}" if doc.memo else doc.source
            elif described and "\n" not in described:
                described += "\n"  # one line is read as a path: a memo has a line end
            if described:
                text_element(source, "Description", described)
            for ann in doc.annotations:
                selection_guid = guid_for_id("annotation", ann.id)
                user = users[ann.annotator]
                created = iso_utc(ann.created_at)
                selection = element(
                    source, "PlainTextSelection", guid=selection_guid,
                    name=_selection_name(text[ann.start : ann.end]),
                    startPosition=str(ann.start), endPosition=str(ann.end),
                    creatingUser=user, creationDateTime=created,
                    modifyingUser=user, modifiedDateTime=iso_utc(ann.updated_at),
                )  # fmt: skip
                if ann.note:
                    text_element(selection, "Description", ann.note)
                coding = element(
                    selection, "Coding", guid=guid("coding", selection_guid),
                    creatingUser=user, creationDateTime=created,
                )  # fmt: skip
                element(coding, "CodeRef", targetGUID=codes[ann.label])
    if aset.memo:
        text_element(root, "Description", aset.memo)
    project = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return _zip({"project.qde": project, **files}, moment)


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _selection_name(quote: str) -> str:
    """The start of the quote, as the QDA programs name selections."""
    flat = " ".join(quote.split())
    return flat if len(flat) <= NAME_WIDTH else flat[: NAME_WIDTH - 1] + "…"


def _zip(members: dict[str, bytes], moment: datetime) -> bytes:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    when = max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


# -- reading -------------------------------------------------------------------------


def recognises(path: Path) -> bool:
    """A ``.qdpx`` that is not a folder: one missing or unreadable is read as a project
    too, so its error says so (not that ``.qdpx`` is no document type)."""
    return path.suffix.lower() == ".qdpx" and not path.is_dir()


def read(path: Path, *, skip_unplaceable: bool = False) -> AnnotationSet:
    """A ``.qdpx`` file as an annotation set whose documents carry their texts; raises
    :class:`SetFormatError` (or :class:`DocumentReadError` for an unreadable file) with
    a message naming the file, the place in the project and the problem, and
    :class:`UnplaceableSelections` when selections fit their text under no reading
    (unless ``skip_unplaceable``: then they are left out and listed in the set's notes)."""
    data = read_file(path, limit=MAX_QDPX, what=say(N_("a REFI-QDA project")))
    return parse_qdpx(data, file=shown_path(path), skip_unplaceable=skip_unplaceable)


def parse_qdpx(data: bytes, *, file: str, skip_unplaceable: bool = False) -> AnnotationSet:
    """The bytes of a ``.qdpx`` as an annotation set; see :func:`read`."""
    try:
        archive = _Archive(data, "REFI-QDA project")
    except ExtractError as exc:
        raise SetFormatError(file, "", message_of(exc)) from None
    return checked(_Reader(file, archive, skip_unplaceable).project(), file)


def _norm_guid(value: str) -> str:
    """GUIDs compare without braces, surrounding space or case."""
    return value.strip().strip("{}").lower()


class _Reader:
    def __init__(self, file: str, archive: _Archive, skip_unplaceable: bool = False) -> None:
        self.file = file
        self.skip_unplaceable = skip_unplaceable
        self.unplaceable: list[str] = []
        self.report: list[str] = []
        self.archive = archive
        names = archive.zip.namelist()
        self.members = {name.lower(): name for name in names}
        roots = [name for name in names if "/" not in name and name.lower().endswith(".qde")]
        if "project.qde" in names:
            self.qde = "project.qde"
        elif len(roots) == 1:
            self.qde = roots[0]
        else:
            raise self.fail("", say(N_("not a REFI-QDA project (no project.qde inside)")))
        self.texts: dict[str, str] = {}

    def fail(self, path: str, problem: str) -> SetFormatError:
        return SetFormatError(self.file, f"{self.qde} {path}" if path else "", problem)

    def read_member(self, name: str, *, xml: bool = False) -> bytes:
        try:
            return self.archive.read(name, xml=xml)
        except ExtractError as exc:
            raise SetFormatError(self.file, "", message_of(exc)) from None

    # -- the project

    def project(self) -> AnnotationSet:
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(self.read_member(self.qde, xml=True), parser)
        except (etree.XMLSyntaxError, ValueError) as exc:
            problem = " ".join(str(exc).split())
            raise SetFormatError(
                self.file, self.qde, say(N_("not well-formed XML: {problem}"), problem=problem)
            ) from None
        if root.getroottree().docinfo.doctype:
            raise SetFormatError(
                self.file, self.qde, say(N_("a DOCTYPE is not allowed in a project"))
            )
        namespace, _, tag = str(root.tag)[1:].partition("}")
        if tag != "Project" or not namespace.startswith("urn:QDA-XML:project:"):
            raise SetFormatError(
                self.file,
                self.qde,
                say(N_("not a REFI-QDA project (root element {tag})"), tag=repr(root.tag)),
            )
        self.q = f"{{{namespace}}}"
        self.origin = root.get("origin") or ""
        self.fallback_time = self.time(root, "modifiedDateTime", "Project") or self.time(
            root, "creationDateTime", "Project"
        )
        if self.fallback_time is None:
            self.fallback_time = zip_time(self.archive.zip.getinfo(self.qde).date_time)
        self.default_user = root.get("creatingUserGUID")
        self.users = self.read_users(root)
        self.labels, self.code_labels = self.read_codes(root)
        self.notes = {
            _norm_guid(note.get("guid") or ""): (note, f"Notes/Note[{i}]")
            for i, note in enumerate(root.iterfind(f"{self.q}Notes/{self.q}Note"), 1)
        }
        documents = []
        seen: dict[str, str] = {}
        for i, source in enumerate(root.iterfind(f"{self.q}Sources/{self.q}TextSource"), 1):
            doc = self.document(source, f"Sources/TextSource[{i}]", seen)
            documents.append(doc)
        if self.unplaceable and not self.skip_unplaceable:
            raise UnplaceableSelections(self.file, self.unplaceable)
        self.report.extend(f"skipped {item}" for item in self.unplaceable)
        return AnnotationSet(
            labels=tuple(self.labels),
            documents=tuple(documents),
            exported_at=self.fallback_time,
            generator_name=self.origin or "REFI-QDA",
            notes=tuple(self.report),
            memo=self.description(root).strip() or None,
        )

    def description(self, element: Any) -> str:
        """The text of ``element``'s own ``Description`` ("" for none), line ends as LF."""
        described = element.find(f"{self.q}Description")
        return normalise_text(described.text or "") if described is not None else ""

    def required(self, element: Any, name: str, path: str) -> str:
        value = element.get(name)
        if value is None:
            raise self.fail(f"{path}/@{name}", say(N_("missing")))
        return value

    def time(self, element: Any, name: str, path: str) -> datetime | None:
        """An xsd:dateTime as naive UTC to the millisecond (no zone: UTC)."""
        value = element.get(name)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise self.fail(
                f"{path}/@{name}", say(N_("{value} is not a date and time"), value=repr(value))
            ) from None
        if moment.tzinfo is not None:
            try:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            except OverflowError:
                raise self.fail(f"{path}/@{name}", say(OUT_OF_RANGE, value=repr(value))) from None
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    def read_users(self, root: Any) -> dict[str, str]:
        users = {}
        for i, user in enumerate(root.iterfind(f"{self.q}Users/{self.q}User"), 1):
            key = _norm_guid(self.required(user, "guid", f"Users/User[{i}]"))
            name = _clean(user.get("name") or "") or _clean(user.get("id") or "")
            users[key] = name or f"user {key[:8]}"
        return users

    def user(self, *candidates: str | None) -> str:
        for candidate in (*candidates, self.default_user):
            if candidate:
                key = _norm_guid(candidate)
                return self.users.get(key, f"user {key[:8]}")
        return "unknown"

    def read_codes(self, root: Any) -> tuple[list[Label], dict[str, str]]:
        """Labels for the codes, nested ones flattened, and each code's label by GUID."""
        found: list[tuple[str, str, str | None, str, tuple[str, ...]]] = []

        def walk(parent: Any, path: str, parents: tuple[str, ...]) -> None:
            for i, code in enumerate(parent.iterfind(f"{self.q}Code"), 1):
                where = f"{path}/Code[{i}]"
                key = _norm_guid(self.required(code, "guid", where))
                name = _clean(self.required(code, "name", where)) or f"code {key[:8]}"
                problem = label_problem(name)
                if problem is not None:
                    raise self.fail(f"{where}/@name", problem)
                described = code.find(f"{self.q}Description")
                description = (described.text or "").strip() if described is not None else ""
                found.append((key, name, code.get("color"), description, parents))
                walk(code, where, (*parents, name))

        codebook = root.find(f"{self.q}CodeBook/{self.q}Codes")
        if codebook is not None:
            walk(codebook, "CodeBook/Codes", ())
        counts: dict[str, int] = {}
        for _key, name, *_rest in found:
            counts[name] = counts.get(name, 0) + 1
        labels: list[Label] = []
        by_guid: dict[str, str] = {}
        taken: set[str] = set()
        palette = ColourAllocator()
        for key, name, color, description, parents in found:
            if key in by_guid:
                raise self.fail("CodeBook", say(N_("two codes have the GUID {key}"), key=key))
            label_name = name
            if counts[name] > 1 and parents:
                label_name = " / ".join((*parents, name))[-MAX_LABEL:].strip()
            number = 2
            while label_name in taken:
                label_name = f"{name} ({number})"
                number += 1
            taken.add(label_name)
            if parents:
                where = f"Nested under {' / '.join(parents)} in the REFI-QDA project."
                description = f"{description}\n\n{where}" if description else where
            labels.append(Label(label_name, _colour(color, palette), None, description))
            by_guid[key] = label_name
        return labels, by_guid

    # -- texts and notes

    def text_of(self, element: Any, path: str) -> str:
        """A TextSource's or Note's plain text as written (a BOM dropped, line ends kept)."""
        content = element.find(f"{self.q}PlainTextContent")
        where = element.get("plainTextPath")
        if content is not None:
            text = content.text or ""
        elif where is None:
            raise self.fail(path, say(N_("has neither PlainTextContent nor plainTextPath")))
        elif not where.startswith("internal://"):
            raise self.fail(
                f"{path}/@plainTextPath",
                say(
                    N_("{where} is outside the project; only texts stored inside can be imported"),
                    where=repr(where),
                ),
            )
        else:
            wanted = f"sources/{where[len('internal://') :]}".lower()
            member = self.members.get(wanted)
            if member is None:
                raise self.fail(
                    f"{path}/@plainTextPath",
                    say(N_("{where}: no such file in the archive"), where=repr(where)),
                )
            data = self.read_member(member)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise SetFormatError(
                    self.file,
                    member,
                    say(
                        N_("not valid UTF-8: byte 0x{data:02x} at offset {start}"),
                        data=data[exc.start],
                        start=exc.start,
                    ),
                ) from None
        return text.removeprefix(BOM)

    def note_text(self, ref: Any, path: str) -> str:
        key = _norm_guid(self.required(ref, "targetGUID", path))
        if key not in self.notes:
            raise self.fail(f"{path}/@targetGUID", say(N_("names no Note ({key})"), key=key))
        if key not in self.texts:
            note, where = self.notes[key]
            text = self.text_of(note, where)
            # A file's CRLF becomes LF; XML has made the line ends of PlainTextContent LF
            # already, and a CR written there as &#13; was meant.
            inline = note.find(f"{self.q}PlainTextContent") is not None
            self.texts[key] = text if inline else normalise_text(text)
        return self.texts[key]

    # -- documents and annotations

    def document(self, source: Any, path: str, seen: dict[str, str]) -> SetDocument:
        doc_id = _norm_guid(self.required(source, "guid", path))
        if doc_id in seen:
            raise self.fail(
                f"{path}/@guid",
                say(N_("{doc_id} is also {seen}"), doc_id=doc_id, seen=seen[doc_id]),
            )
        seen[doc_id] = path
        raw = self.text_of(source, path)
        text = normalise_text(raw)
        title = _clean(source.get("name") or "") or f"source {doc_id[:8]}"
        memo, origin = _memo_and_source(self.description(source))
        origin = origin or self.file
        selections = []
        for j, selection in enumerate(source.iterfind(f"{self.q}PlainTextSelection"), 1):
            where = f"{path}/PlainTextSelection[{j}]"
            start, end = (
                self.integer(selection, name, where) for name in ("startPosition", "endPosition")
            )
            if not 0 <= start < end:
                raise self.fail(
                    where,
                    say(
                        N_(
                            "start {start} and end {end} (need 0 <= start < end: a selection holds "
                            "at least one character)"
                        ),
                        start=start,
                        end=end,
                    ),
                )
            selections.append((selection, where, start, end))
        default = _position_map(
            raw,
            text,
            [(start, end, selection.get("name")) for selection, _w, start, end in selections],
            prefer_one="atlas" in self.origin.casefold(),
        )
        readings = _readings(raw, text, default)
        named = [
            (selection, where, start, end)
            for selection, where, start, end in selections
            if (selection.get("name") or "").strip()
        ]
        # Names are quotes when one fits some reading; a program that names selections
        # otherwise is read by position alone.
        names_quote = any(
            _placed(readings, text, start, end, selection.get("name"))
            for selection, _w, start, end in named
        )
        annotations: list[Annotation] = []
        used: dict[str, int] = {}
        for selection, where, start, end in selections:
            name = (selection.get("name") or "").strip()
            if names_quote and name:
                placed = _placed(readings, text, start, end, name)
            else:
                placed = _placed(readings[:1], text, start, end, None)
            if placed is None:
                shown = f"{name!r}" if name else "(no name to check)"
                self.unplaceable.append(
                    f"{where} [{start}:{end}] {shown} fits no reading of {title!r} "
                    f"({len(raw)} characters as written)"
                )
                continue
            reading, first, last = placed
            used[reading] = used.get(reading, 0) + 1
            annotations.extend(self.annotations(selection, where, doc_id, first, last))
        for reading, count in used.items():
            if reading != readings[0][0]:
                self.report.append(
                    f"{path} {title!r}: {count} selection{'' if count == 1 else 's'} "
                    f"placed by counting {reading} (checked against their names)"
                )
        return SetDocument(
            id=doc_id,
            title=title,
            source=origin,
            sha256=text_sha256(text),
            length=len(text),
            text=text,
            annotations=tuple(sorted(annotations, key=annotation_order)),
            imported_at=self.time(source, "creationDateTime", path),
            memo=memo or None,
        )

    def integer(self, element: Any, name: str, path: str) -> int:
        value = self.required(element, name, path).strip()
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", value):
            raise self.fail(
                f"{path}/@{name}", say(N_("{value} is not a whole number"), value=repr(value))
            )
        return int(value)

    def annotations(
        self, selection: Any, path: str, doc_id: str, start: int, end: int
    ) -> list[Annotation]:
        """One annotation per Coding of the selection (none for a selection not coded)."""
        selection_id = _norm_guid(self.required(selection, "guid", path))
        notes = []
        described = selection.find(f"{self.q}Description")
        if described is not None and (described.text or "").strip():
            notes.append(normalise_text(described.text))
        notes.extend(
            self.note_text(ref, f"{path}/NoteRef[{k}]")
            for k, ref in enumerate(selection.iterfind(f"{self.q}NoteRef"), 1)
        )
        codings = selection.findall(f"{self.q}Coding")
        out = []
        for k, coding in enumerate(codings, 1):
            where = f"{path}/Coding[{k}]"
            ref = coding.find(f"{self.q}CodeRef")
            if ref is None:
                raise self.fail(where, say(N_("has no CodeRef")))
            code = _norm_guid(self.required(ref, "targetGUID", f"{where}/CodeRef"))
            if code not in self.code_labels:
                raise self.fail(
                    f"{where}/CodeRef/@targetGUID", say(N_("names no Code ({code})"), code=code)
                )
            own = [
                self.note_text(note, f"{where}/NoteRef[{n}]")
                for n, note in enumerate(coding.iterfind(f"{self.q}NoteRef"), 1)
            ]
            # The same note as Description and as a Note (both written by some programs) is one.
            kept: dict[str, str] = {}
            for text in (*notes, *own):
                kept.setdefault(text.strip(), text)
            note = "\n\n".join(text for key, text in kept.items() if key) or None
            created = (
                self.time(coding, "creationDateTime", where)
                or self.time(selection, "creationDateTime", path)
                or self.fallback_time
            )
            modified = self.time(selection, "modifiedDateTime", path) or created
            ann_id = selection_id if len(codings) == 1 else guid("coding", f"{selection_id}/{k}")
            out.append(
                Annotation(
                    ann_id,
                    doc_id,
                    self.code_labels[code],
                    start,
                    end,
                    note,
                    self.user(
                        coding.get("creatingUser"),
                        selection.get("creatingUser"),
                        selection.get("modifyingUser"),
                    ),
                    created,
                    max(created, modified),
                )
            )
        return out


def _memo_and_source(description: str) -> tuple[str, str | None]:
    """A source's Description read as (memo, source path): one line is a path (what
    ``--with-paths`` wrote before memos, and writes for a document without one); more
    is a memo, with the path on a last ``Source:`` line if Annotator wrote one there."""
    memo, found, path = description.rstrip().rpartition(PATH_LINE)
    if found and path.strip() and "\n" not in path:
        return memo.strip(), path.strip()
    if "\n" not in description:
        return "", description.strip() or None
    return description.strip(), None


def _clean(text: str) -> str:
    """A name on one line: control characters and line breaks made spaces, the ends
    trimmed; any other space (several in a row, no-break) kept as the name has it."""
    flat = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )
    return flat.strip()


def _colour(value: str | None, palette: ColourAllocator) -> str:
    """``#rrggbb`` from a code's colour (``#rgb`` widened); a free palette colour when it
    has none or one that is not a colour. The colour is taken from ``palette``."""
    value = (value or "").strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        value = "#" + "".join(ch * 2 for ch in value[1:])
    if COLOR.fullmatch(value):
        palette.take(value)
        return value.lower()
    return palette.next()


def _position_map(
    raw: str, text: str, spans: list[tuple[int, int, str | None]], *, prefer_one: bool
) -> Callable[[int], int]:
    """How positions over ``raw`` (line ends as written) become offsets into ``text``
    (the same with LF line ends). Without CRLF they are the same. With CRLF a program may
    have counted each as two characters (the file's code points) or one: the reading
    under which fewer positions are impossible wins, then the one under which more
    selection names start their quote, then ``prefer_one`` (ATLAS.ti counts one)."""
    if "\r\n" not in raw:
        return lambda p: p
    feeds = [m.start() + 1 for m in re.finditer("\r\n", raw)]  # where each CRLF's LF is

    def two(p: int) -> int:
        return p - bisect_left(feeds, p)

    def splits(p: int) -> bool:
        i = bisect_left(feeds, p)
        return i < len(feeds) and feeds[i] == p

    bad = {"one": 0, "two": 0}
    named = {"one": 0, "two": 0}
    for start, end, name in spans:
        if end > len(raw) or splits(start) or splits(end):
            bad["two"] += 1
        elif name and _starts(name, text[two(start) : two(end)]):
            named["two"] += 1
        if end > len(text):
            bad["one"] += 1
        elif name and _starts(name, text[start:end]):
            named["one"] += 1
    one_wins = (-bad["one"], named["one"], prefer_one) > (-bad["two"], named["two"], not prefer_one)
    return (lambda p: p) if one_wins else two


Reading = tuple[str, Callable[[int], int | None]]


def _readings(raw: str, text: str, default: Callable[[int], int]) -> list[Reading]:
    """The ways a program may have counted positions over ``raw`` (line ends as written),
    each mapping a position to an offset into ``text`` (LF line ends), or None where the
    position cannot be (past the end, inside a CRLF or a surrogate pair). The first is
    the text's own reading (:func:`_position_map`); then code points with a CRLF counted
    the other way; then UTF-16 code units (Qt's positions: QualCoder's coding window)."""
    crlf = "\r\n" in raw
    feeds = [m.start() + 1 for m in re.finditer("\r\n", raw)] if crlf else []

    def one(p: int) -> int | None:
        return p if 0 <= p <= len(text) else None

    def two(p: int) -> int | None:
        i = bisect_left(feeds, p)
        if not 0 <= p <= len(raw) or (i < len(feeds) and feeds[i] == p):
            return None
        return p - i

    counted_two = crlf and default(len(raw)) != len(raw)
    first, other = (two, one) if counted_two else (one, two)
    names = ("CRLF as two characters", "CRLF as one character")
    first_name, other_name = names if counted_two else names[::-1]
    out: list[Reading] = [("code points", first)]
    if crlf:
        out.append((f"code points, {other_name}", other))
    if any(ord(ch) > 0xFFFF for ch in raw):
        for basis, name in ((first, first_name), (other, other_name))[: 1 + crlf]:
            out.append(
                (
                    f"UTF-16 code units{', ' + name if crlf else ''}",
                    _utf16(raw if basis is two else text, basis),
                )
            )
    return out


def _utf16(over: str, then: Callable[[int], int | None]) -> Callable[[int], int | None]:
    """Positions counting UTF-16 code units over ``over``, as code points, then ``then``."""
    # Where each character outside the BMP (two code units) starts, in code units.
    pairs = [m.start() + k for k, m in enumerate(re.finditer("[\U00010000-\U0010ffff]", over))]

    def at(p: int) -> int | None:
        k = bisect_left(pairs, p)  # pairs starting before p
        if k and pairs[k - 1] + 1 == p:
            return None  # between the two halves of a pair
        return then(p - k)

    return at


def _placed(
    readings: list[Reading], text: str, start: int, end: int, name: str | None
) -> tuple[str, int, int] | None:
    """The first reading under which the selection lies in the text and, given a name,
    starts its quote with it: the reading's name and the offsets."""
    for reading, at in readings:
        first, last = at(start), at(end)
        if first is None or last is None or not first < last <= len(text):
            continue
        if name is None or _starts(name, text[first:last]):
            return reading, first, last
    return None


def _starts(name: str, quote: str) -> bool:
    """Whether a selection's name is the start of its quote (spacing aside)."""
    shown = " ".join(name.split()).removesuffix("…").removesuffix("...").strip()
    return bool(shown) and " ".join(quote.split()).startswith(shown)
