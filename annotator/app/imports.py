"""Imports that CLI and GUI share: documents and annotation sets, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from annotator.app.workspace import Workspace
from annotator.core.decoding import UNCERTAIN
from annotator.core.importers import (
    DocumentReadError,
    files_in_folder,
    read_document,
    shown_path,
)
from annotator.core.messages import FILE_PROBLEM, N_, joined, message_of, say
from annotator.core.model import AnnotationSet, NewDocument, StreamedSet
from annotator.core.reading import FileReadError, open_file, read_head
from annotator.core.readings import first_difference
from annotator.core.set_errors import SetFormatError, UnplaceableSelections
from annotator.formats import registry
from annotator.formats.annotation_set import (
    looks_like_annotation_set,
)
from annotator.formats.set_stream import open_annotation_set, stream_annotation_set
from annotator.store import CarriedOver, ImportResult, SetImportReport
from annotator.store.set_import import Progress

SET_SUFFIXES = (".json",)


@dataclass
class ImportInputs:
    """Everything read and validated from the files, before the database is touched."""

    documents: list[tuple[Path, NewDocument]] = field(default_factory=list)
    # A set read in full, or (``streamed_sets``) to be read as it is merged.
    sets: list[tuple[str, AnnotationSet | StreamedSet]] = field(default_factory=list)
    # Files inside folders that could not be read: "file: reason". Folder imports keep
    # the good files; files named one by one are all or nothing.
    failures: list[str] = field(default_factory=list)
    # Files named one by one that could not be read, "file: reason": only when read with
    # ``keep_good`` (the window offers to import the others).
    refused: list[str] = field(default_factory=list)
    # Of those, the files whose spans fit their texts in part (the window offers to
    # import the rest, as ``skip_unplaceable`` does).
    unplaceable: list[tuple[Path, str]] = field(default_factory=list)  # (file, refusal)

    def readable(self) -> int:
        """How many files were read and can be imported."""
        return len(self.documents) + len(self.sets)


@dataclass
class ImportOutcome:
    documents: list[tuple[Path, ImportResult]]
    sets: list[SetImportReport]
    failures: list[str] = field(default_factory=list)
    # Per document, the next readings of an uncertain decoding (else empty): each
    # encoding with the first words it reads differently.
    doubts: list[tuple[tuple[str, str], ...]] = field(default_factory=list)

    def versions(self) -> list[tuple[Path, CarriedOver]]:
        """The new versions of known documents this import made, with what became of
        the annotations of the versions they replaced."""
        return [
            (path, result.carried) for path, result in self.documents if result.carried is not None
        ]

    def summary(self) -> str:
        """One sentence for a status bar."""
        parts = []
        if self.documents:
            created = sum(result.created for _path, result in self.documents)
            if created < len(self.documents):
                already = len(self.documents) - created
                parts.append(
                    say(
                        N_("Imported {created} document(s); {already} already imported"),
                        created=created,
                        already=already,
                    )
                )
            else:
                parts.append(say(N_("Imported {created} document(s)"), created=created))
        versions = [carried for _path, carried in self.versions()]
        if versions:
            counts = carried_counts(
                sum(c.exact for c in versions),
                sum(c.quote for c in versions),
                sum(c.fuzzy for c in versions),
                sum(c.orphaned for c in versions),
            )
            parts.append(
                say(
                    N_("{count} new version(s) of known documents: annotations placed {counts}"),
                    count=len(versions),
                    counts=counts,
                )
            )
        if self.sets:
            parts.append(
                say(
                    N_(
                        "Merged {count} annotation set(s): {added} annotation(s) added, "
                        "{skipped} skipped, {replaced} replaced"
                    ),
                    count=len(self.sets),
                    added=sum(r.annotations_added for r in self.sets),
                    skipped=sum(r.annotations_skipped for r in self.sets),
                    replaced=sum(r.annotations_replaced for r in self.sets),
                )
            )
        if self.failures:
            parts.append(say(N_("{count} file(s) could not be imported"), count=len(self.failures)))
        sentences = parts[0] if parts else say(N_("Nothing to import"))
        for part in parts[1:]:
            sentences = say(N_("{sentences}. {sentence}"), sentences=sentences, sentence=part)
        return say(N_("{sentences}."), sentences=sentences)

    def lines(self) -> list[str]:
        """What the import did, a line per file (and per unplaced document or note)."""
        out = []
        doubts = self.doubts or [()] * len(self.documents)
        for (path, result), doubt in zip(self.documents, doubts, strict=True):
            doc = result.document
            where = shown_path(path)
            carried = result.carried
            decoding = ""
            if result.created and (doc.confidence is not None or doc.encoding_chosen):
                decoding = say(N_("; decoded as {encoding}"), encoding=doc.encoding_note())
            if carried is None:
                if result.created:
                    done = N_(
                        '{file}: imported as "{title}" ({length} characters, id {id}){decoding}'
                    )
                else:
                    done = N_(
                        '{file}: already imported as "{title}" ({length} characters, id {id})'
                        "{decoding}"
                    )
                out.append(
                    say(
                        done,
                        file=where,
                        title=doc.title,
                        length=doc.length,
                        id=doc.id,
                        decoding=decoding,
                    )
                )
            else:
                old = carried.previous
                out.append(
                    say(
                        N_(
                            '{file}: imported as version {version} of "{title}" ({length} '
                            "characters, id {id}; version {old_version} is {old_id}){decoding}"
                        ),
                        file=where,
                        version=doc.version,
                        title=old.title,
                        length=doc.length,
                        id=doc.id,
                        old_version=old.version,
                        old_id=old.id,
                        decoding=decoding,
                    )
                )
            if doubt and result.created:
                out.append(
                    say(
                        N_("{file}: not sure of its encoding: {readings}"),
                        file=where,
                        readings=_other_readings(doubt),
                    )
                )
            if carried is None:
                continue
            counts = carried_counts(carried.exact, carried.quote, carried.fuzzy, carried.orphaned)
            out.append(say(N_("{file}: annotations placed {counts}"), file=where, counts=counts))
            out.extend(
                f"{where}: orphaned {orphan.annotation.label} "
                f"{_short(orphan.quote)}"
                + (f" (note: {_short(orphan.annotation.note)})" if orphan.annotation.note else "")
                + f", kept on version {orphan.version}"
                for orphan in carried.orphans
            )
        for report in self.sets:
            out.append(report.summary())
            out.extend(
                say(
                    N_("{file}: could not place {item}: no document with that text here"),
                    file=report.file,
                    item=item,
                )
                for item in report.unplaced
            )
            out.extend(say(FILE_PROBLEM, file=report.file, problem=note) for note in report.notes)
        return out


def _other_readings(readings: tuple[tuple[str, str], ...]) -> str:
    """The next readings of an uncertain decoding, each with the first words it reads
    differently, and how to force one."""
    shown = [f"{encoding} ({words!r})" for encoding, words in readings[:3]]
    return say(
        N_(
            "it may also be {readings}; import it again with --encoding NAME "
            "to choose one (a new version, annotations carried over)"
        ),
        readings=" or ".join(shown),
    )


def carried_counts(exact: int, quote: int, fuzzy: int, orphaned: int) -> str:
    """How carried-over annotations were placed, in words."""
    return say(
        N_("{exact} exactly, {quote} by quote, {fuzzy} fuzzily, {orphaned} orphaned"),
        exact=exact,
        quote=quote,
        fuzzy=fuzzy,
        orphaned=orphaned,
    )


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


def read_inputs(
    paths: Sequence[Path],
    progress: Progress | None = None,
    *,
    join_hyphens: bool = False,
    format: str | None = None,
    encoding: str | None = None,
    keep_good: bool = False,
    skip_unplaceable: bool = False,
    streamed_sets: bool = False,
) -> ImportInputs:
    """Read every file: ``.json`` as annotation sets, files and folders in another
    interchange format (see :mod:`annotator.formats.registry`) as that format, the rest
    as documents; any other folder stands for the supported documents inside it,
    recursively. With ``format``, every path named is read as that format; with
    ``encoding``, every text and HTML document is decoded with it.

    Every file is read before anything is raised. One bad file named directly raises
    its :class:`DocumentReadError` or :class:`SetFormatError`; several raise
    :class:`BadFiles`, naming each; bad files inside folders are listed in ``failures``
    instead. With ``keep_good``, nothing is raised: the bad files named directly are
    listed in ``refused`` and the good ones kept (those refused only for spans that fit
    no reading of their text also in ``unplaceable``). With ``skip_unplaceable``, such
    spans are left out and listed in their set's notes instead. With ``streamed_sets``,
    only the header of an annotation set in Annotator's JSON is read now: a problem in
    its documents is raised by the import (:func:`open_set`).
    ``progress(done, total)`` is called before each file.
    """
    inputs = ImportInputs()
    read = open_set if streamed_sets else read_set
    named: list[tuple[Path, Path | None]] = []  # (file, the folder it was found in)
    bad: list[DocumentReadError | SetFormatError] = []  # files named directly
    for path in paths:
        try:
            fmt = _interchange_format(path, format)
            if fmt is not None:
                reader = fmt.read_rest if skip_unplaceable and fmt.read_rest else fmt.read
                inputs.sets.append((shown_path(path), reader(path)))  # type: ignore[misc]
                continue
            if format == "json":
                inputs.sets.append((shown_path(path), read(path)))
                continue
        except (DocumentReadError, SetFormatError) as exc:
            bad.append(exc)
            if isinstance(exc, UnplaceableSelections) and keep_good:
                inputs.unplaceable.append((path, message_of(exc)))
            continue
        if path.is_dir():
            found = list(files_in_folder(path))
            if not found:
                inputs.failures.append(f"{shown_path(path)}: no supported files in this folder")
            named.extend((file, path) for file in found)
        else:
            named.append((path, None))
    for done, (path, folder) in enumerate(named):
        if progress is not None:
            progress(done, len(named))
        if folder is not None:
            try:
                document = read_document(
                    path, join_hyphens=join_hyphens, folder=folder, encoding=encoding
                )
                inputs.documents.append((path, document))
            except DocumentReadError as exc:
                inputs.failures.append(message_of(exc))
            continue
        try:
            if (path.suffix.lower() in SET_SUFFIXES and not path.is_dir()) or _holds_a_set(path):
                inputs.sets.append((shown_path(path), read(path)))
            else:
                document = read_document(path, join_hyphens=join_hyphens, encoding=encoding)
                inputs.documents.append((path, document))
        except (DocumentReadError, SetFormatError) as exc:
            bad.append(exc)
    if keep_good:
        inputs.refused = [message_of(exc) for exc in bad]
    elif len(bad) == 1:
        raise bad[0]
    elif bad:
        raise BadFiles([message_of(exc) for exc in bad])
    return inputs


class BadFiles(DocumentReadError):
    """Several files named directly could not be read: ``messages`` has one line per
    file (``file: reason``), in the order named; ``str()`` is those lines."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__(joined("\n", messages))


def _interchange_format(path: Path, name: str | None) -> registry.Format | None:
    """The importable format (other than Annotator's JSON) ``path`` is read as."""
    if name is not None:
        return None if name == "json" else registry.get(name)
    return registry.recognise(path)


def _holds_a_set(path: Path) -> bool:
    """An annotation set saved under another name (say ``team.txt``) is still a set."""
    head = read_head(path, 65536)  # None for what the guard refuses: reading it reports it
    return head is not None and looks_like_annotation_set(head)


def read_set(path: Path) -> AnnotationSet:
    """The annotation set in the file at ``path``, read through the guarded read;
    :class:`DocumentReadError` or :class:`SetFormatError` name the file and the problem.
    Read a document at a time, so that a set of any size ``export`` writes reads back."""
    with _set_file(path) as handle:
        return stream_annotation_set(handle, file=shown_path(path))


def open_set(path: Path) -> AnnotationSet | StreamedSet:
    """The annotation set in the file at ``path``, to be read as it is merged
    (:func:`~annotator.formats.set_stream.open_annotation_set`): its header is read
    now, its documents then, so that memory stays bounded at any size; errors as
    :func:`read_set` raises them, a bad document's when the import reaches it."""
    return open_annotation_set(lambda: _set_file(path), file=shown_path(path))


@contextmanager
def _set_file(path: Path) -> Iterator[BinaryIO]:
    """The file at ``path`` opened through the guarded read; a failed read raises
    :class:`FileReadError` naming it."""
    with open_file(path) as (handle, _size):
        try:
            yield handle
        except OSError as exc:
            reason = exc.strerror or message_of(exc)
            raise FileReadError(
                shown_path(path), say(N_("cannot read ({reason})"), reason=reason)
            ) from None


def run_import(
    workspace: Workspace,
    inputs: ImportInputs,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    initiator: object | None = None,
) -> ImportOutcome:
    """One transaction for everything read; nothing changes if anything fails."""
    results, reports = workspace.import_bundle(
        [doc for _path, doc in inputs.documents],
        inputs.sets,
        replace=replace,
        progress=progress,
        initiator=initiator,
    )
    return ImportOutcome(
        list(zip((p for p, _d in inputs.documents), results, strict=True)),
        reports,
        [*inputs.refused, *inputs.failures],
        [_doubts(doc) for _path, doc in inputs.documents],
    )


def uncertain(doc: NewDocument) -> bool:
    """Whether ``doc``'s encoding was guessed with too little confidence to keep it
    without asking (see :data:`annotator.core.decoding.UNCERTAIN`)."""
    return (
        doc.confidence is not None
        and doc.confidence < UNCERTAIN
        and not doc.encoding_chosen
        and bool(doc.alternatives)
        and doc.original is not None
    )


def _doubts(doc: NewDocument) -> tuple[tuple[str, str], ...]:
    if not uncertain(doc) or doc.original is None or doc.encoding is None:
        return ()
    best = doc.original.decode(doc.encoding, errors="replace")
    return tuple((r.encoding, first_difference(best, r.text)) for r in doc.alternatives)
