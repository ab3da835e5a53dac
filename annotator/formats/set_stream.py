"""Reading an annotation set from a file of any size, a document at a time.

The file is decoded a chunk at a time and each top-level value, and each document of
``documents``, is parsed on its own by the standard library's C scanner: the whole file
is never held as bytes, text or one parsed tree, so a set larger than
:data:`~annotator.formats.annotation_set.MAX_SET_BYTES` (what ``export`` writes for
tens of thousands of documents) reads back. The checks are those of
:func:`~annotator.formats.annotation_set.parse_annotation_set`: not UTF-8, not JSON
(with line and column), too deep, too big a number, lone surrogates (by JSON path), then
the set's own checks, document by document.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any, BinaryIO

from annotator.core.messages import N_, message_of, say
from annotator.core.model import AnnotationSet, SetDocument, StreamedSet
from annotator.core.set_errors import SetFormatError, member_path
from annotator.formats import annotation_set
from annotator.formats.annotation_set import (
    SURROGATE_ESCAPE,
    TOO_DEEP,
    encodes,
    find_lone_surrogate,
    gc_paused,
)
from annotator.formats.checks import checked, checked_documents
from annotator.formats.set_reader import SetReader

CHUNK = 1 << 20  # bytes read at a time (a text with an emoji takes four times that)
# What must come before "documents" for each document to be checked as it is read.
_HEADER = ("format", "format_version", "offset_unit", "exported_at", "generator", "labels")


def stream_annotation_set(handle: BinaryIO, *, file: str, chunk: int = CHUNK) -> AnnotationSet:
    """The annotation set in ``handle`` (at its start), read and checked as
    :func:`~annotator.formats.annotation_set.parse_annotation_set` does;
    raises :class:`SetFormatError` naming ``file``, the JSON path and the problem."""
    with gc_paused():
        return checked(_Reader(_Text(handle, file, chunk), file).read(), file, json_paths=True)


Opener = Callable[[], AbstractContextManager[BinaryIO]]


def open_annotation_set(
    opener: Opener, *, file: str, chunk: int | None = None
) -> AnnotationSet | StreamedSet:
    """The annotation set in the file ``opener`` opens, to be read as it is merged: its
    header is read and checked now; if its documents come after it (as ``export`` writes
    them), a :class:`StreamedSet` whose documents are read, the file opened again, each
    checked as :func:`stream_annotation_set` checks it, as they are taken. Otherwise the
    whole set, read now. Problems raise :class:`SetFormatError` as there, when they are
    read: a bad document, when it is reached. ``chunk``: bytes read at a time
    (:data:`CHUNK`)."""
    chunk = chunk or CHUNK
    with gc_paused(), opener() as handle:
        reader = _Reader(_Text(handle, file, chunk), file)
        head = reader.until_documents()
    if head is None:
        assert reader.whole is not None
        return checked(reader.whole, file, json_paths=True)
    head = checked(head, file, json_paths=True)
    documents = _Documents(opener, file, chunk, head)
    return StreamedSet(head, documents, documents.tail)


class _Documents:
    """The documents of a streamed set, read when iterated (once)."""

    def __init__(self, opener: Opener, file: str, chunk: int, head: AnnotationSet) -> None:
        self.opener, self.file, self.chunk, self.head = opener, file, chunk, head
        self.final: AnnotationSet | None = None

    def __iter__(self) -> Iterator[SetDocument]:
        with self.opener() as handle:
            reader = _Reader(_Text(handle, self.file, self.chunk), self.file)
            if reader.until_documents() != self.head:
                raise SetFormatError(self.file, "", say(N_("changed while it was read")))
            documents = reader.sets.each_document(reader.items(), self.head)
            yield from checked_documents(documents, self.file, json_paths=True)
            if reader.rest():
                raise reader.sets.fail(
                    "documents",
                    say(N_("not JSON this program can read: {exc}"), exc="given twice"),
                )
            self.final = reader.sets.header(reader.raw)

    def tail(self) -> AnnotationSet:
        """The header as it reads after the documents (a memo may follow them)."""
        if self.final is None:
            raise SetFormatError(self.file, "documents", say(N_("not read to the end")))
        return checked(self.final, self.file, json_paths=True)


class _Text:
    """The file's text, decoded as needed: ``buf[pos:]`` is the part not yet consumed."""

    def __init__(self, handle: BinaryIO, file: str, chunk: int) -> None:
        self.handle, self.file, self.chunk = handle, file, chunk
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""
        self.pos = 0
        self.dropped = 0  # characters before buf[0]
        self.eof = False
        self.bytes_read = 0
        # Lines are counted as the text goes by only if the file cannot be read again to
        # count them when a problem needs them (a scan of every character).
        self.counting = not handle.seekable()
        self.line = 1  # of buf[pos], while counting
        self.column = 1  # of buf[pos], while counting
        self.started = False  # any text decoded yet (a byte-order mark goes)

    def more(self, at_least: int = 0) -> bool:
        """Read and decode the next chunk (``at_least`` bytes) onto the text; False at the
        end of the file."""
        if self.eof:
            return False
        data = self.handle.read(max(self.chunk, at_least))
        pending = self.decoder.getstate()[0]
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise SetFormatError(
                self.file,
                "",
                say(
                    N_("not valid UTF-8: byte 0x{data:02x} at offset {start}"),
                    data=(pending + data)[exc.start],
                    start=self.bytes_read - len(pending) + exc.start,
                ),
            ) from None
        if not self.started and text:
            text = text.removeprefix("\ufeff")
            self.started = True
        self.bytes_read += len(data)
        self.dropped += self.pos
        self.buf = self.buf[self.pos :] + text
        self.pos = 0
        self.eof = not data
        return True

    def consume(self, end: int) -> None:
        """Move past ``buf[pos:end]`` (keeping count of lines and columns if
        ``counting``)."""
        if not self.counting:
            self.pos = end
            return
        lines = self.buf.count("\n", self.pos, end)
        if lines:
            self.line += lines
            self.column = end - self.buf.rfind("\n", self.pos, end)
        else:
            self.column += end - self.pos
        self.pos = end

    def peek(self) -> str:
        """The next character that is not white space (consuming the space), or ''."""
        while True:
            self.consume(_WHITE.match(self.buf, self.pos).end())  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.not_json(what, self.pos)
        self.consume(self.pos + 1)

    def not_json(self, msg: str, at: int) -> SetFormatError:
        line, column = self.where(at)
        return SetFormatError(
            self.file,
            "",
            say(
                N_("not JSON: {msg} at line {lineno} column {colno}"),
                msg=msg,
                lineno=line,
                colno=column,
            ),
        )

    def where(self, at: int) -> tuple[int, int]:
        """The line and column of ``buf[at]`` (at or after ``pos``), counting from 1."""
        if self.counting:
            lines = self.buf.count("\n", self.pos, at)
            if lines:
                return self.line + lines, at - self.buf.rfind("\n", self.pos, at)
            return self.line, self.column + at - self.pos
        target = self.dropped + at  # characters before it
        if not self.dropped:
            return self.buf.count("\n", 0, at) + 1, at - self.buf.rfind("\n", 0, at)
        # Read the file again up to it: what came before was decoded, so decodes again.
        self.handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        lines, last_break, seen = 0, -1, 0
        while seen < target:
            data = self.handle.read(self.chunk)
            text = decoder.decode(data, final=not data)
            if not seen:
                text = text.removeprefix("\ufeff")
            if not data and not text:
                break
            piece = text[: target - seen]
            count = piece.count("\n")
            if count:
                lines += count
                last_break = seen + piece.rfind("\n")
            seen += len(piece)
        return lines + 1, target - last_break

    def value(self, path: str | None) -> Any:
        """The next JSON value, parsed whole (reading on while it is cut off) and checked
        for lone surrogates; ``path`` None for a member name of the top object."""
        self.peek()
        scan = _DECODER.raw_decode
        while True:
            try:
                value, end = scan(self.buf, self.pos)
                break
            except json.JSONDecodeError as exc:
                # Cut off by the end of what was read (a string runs on; a literal, escape
                # or number is seen whole only with the characters after it), or wrong.
                cut = exc.msg.startswith("Unterminated string") or len(self.buf) - exc.pos < 16
                if not cut or not self.more(self.within_limit(path)):
                    raise self.not_json(exc.msg, exc.pos) from None
            except RecursionError:
                raise SetFormatError(self.file, "", TOO_DEEP) from None
            except ValueError as exc:  # e.g. an integer with thousands of digits
                if self.buf[-1:].isdigit() and self.more(self.within_limit(path)):
                    continue  # perhaps a number cut off: seen whole, it may say more
                raise SetFormatError(
                    self.file,
                    "",
                    say(N_("not JSON this program can read: {exc}"), exc=message_of(exc)),
                ) from None
        if path is None:
            path = member_path("", value) if isinstance(value, str) else ""
        self.within_limit(path, end)
        if SURROGATE_ESCAPE.search(self.buf, self.pos, end) and not encodes(value):
            try:
                where = find_lone_surrogate(value, path)
            except RecursionError:
                raise SetFormatError(self.file, "", TOO_DEEP) from None
            if where is not None:
                raise SetFormatError(
                    self.file, where, say(N_("contains a lone surrogate, which is not text"))
                )
        self.consume(end)
        return value

    def within_limit(self, path: str, end: int | None = None) -> int:
        """The length of the value being read so far, or :class:`SetFormatError` once that
        is more than ``MAX_SET_BYTES``: what the whole file was once held to, each
        document (or other value) still is, so that memory stays bounded."""
        size = (len(self.buf) if end is None else end) - self.pos
        limit = annotation_set.MAX_SET_BYTES
        if size > limit:
            what = N_("a document") if path.startswith("documents") else N_("an annotation set")
            raise SetFormatError(
                self.file,
                path,
                say(
                    N_("file is more than the {limit} MiB {what} may have"),
                    limit=limit >> 20,
                    what=say(what),
                ),
            )
        return size


_WHITE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Reader:
    """The members of the top object in file order; a ``documents`` array that follows
    every member of :data:`_HEADER` is read a document at a time."""

    def __init__(self, text: _Text, file: str) -> None:
        self.text = text
        self.sets = SetReader(file)
        self.raw: dict[str, Any] = {}
        self.head: dict[str, Any] = {}  # what the documents were checked against
        self.whole: AnnotationSet | None = None  # the set, if read before the documents

    def read(self) -> AnnotationSet:
        """The whole set."""
        head = self.until_documents()
        if head is None:
            assert self.whole is not None
            return self.whole
        documents = self.sets.documents(self.items(), head)
        if self.rest():  # documents given twice: the later ones count, as read whole
            return self.sets.read(self.raw)
        return replace(self.sets.header(self.raw), documents=documents)

    def until_documents(self) -> AnnotationSet | None:
        """Read up to a ``documents`` array that can be read a document at a time and
        return the set's header, checked; else read the whole set into ``whole`` and
        return None."""
        text, raw = self.text, self.raw
        if text.peek() != "{":
            value = text.value("")
            if text.peek():
                raise text.not_json("Extra data", text.pos)
            self.whole = self.sets.read(value)  # not an object: the reader says so
            return None
        text.consume(text.pos + 1)
        while text.peek() != "}":
            key = self.key()
            streams = key == "documents" and all(k in raw for k in _HEADER)
            if streams and text.peek() == "[":
                self.head = dict(raw)
                return self.sets.header(raw)
            raw[key] = text.value(member_path("", key))
        self.end()
        self.whole = self.sets.read(raw)
        return None

    def rest(self) -> bool:
        """Read what follows the documents into ``raw``; True if it is another
        ``documents``, else after checking that the header was not given again."""
        text, raw = self.text, self.raw
        while text.peek() != "}":
            key = self.key()
            raw[key] = text.value(member_path("", key))
        self.end()
        if "documents" in raw:
            return True
        for key in _HEADER:  # given again after the documents were checked against them
            if raw[key] is not self.head[key]:
                raise self.sets.fail(
                    key,
                    say(
                        N_("not JSON this program can read: {exc}"),
                        exc="given again after the documents",
                    ),
                )
        return False

    def key(self) -> str:
        """The next member's name, and its colon."""
        text = self.text
        if self.raw:
            text.expect(",", "Expecting ',' delimiter")
        if text.peek() != '"':
            raise text.not_json("Expecting property name enclosed in double quotes", text.pos)
        key = text.value(None)
        text.expect(":", "Expecting ':' delimiter")
        return key

    def end(self) -> None:
        text = self.text
        text.consume(text.pos + 1)
        if text.peek():
            raise text.not_json("Extra data", text.pos)

    def items(self) -> Iterator[Any]:
        """The raw documents of the array at hand, one at a time."""
        text = self.text
        text.consume(text.pos + 1)  # [
        i = 0
        while text.peek() != "]":
            if i:
                text.expect(",", "Expecting ',' delimiter")
            yield text.value(f"documents[{i}]")
            i += 1
        text.consume(text.pos + 1)
