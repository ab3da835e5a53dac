"""Document ▸ Re-read with encoding…: the open document's bytes decoded again with an
encoding the user picks, previewed against the stored text before a new version is made."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.decoding import DecodeError, codec_name, decode_bytes
from annotator.core.encoding_names import described
from annotator.core.importers import MAX_BYTES, DocumentReadError, document_from_bytes
from annotator.core.model import Document, NewDocument
from annotator.core.reading import read_file
from annotator.store import Store
from annotator.ui.dialog_parts import beside, ok_cancel
from annotator.ui.encoding_review import comparison_html
from annotator.ui.i18n import tr, tr_said

# Formats whose text is decoded from bytes with an encoding (the others carry their own).
DECODED_FORMATS = ("text", "markdown", "html")
# Offered after the detector's candidates, by name.
COMMON_ENCODINGS = (
    "big5",
    "cp1250",
    "cp1251",
    "cp1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "euc_jp",
    "euc_kr",
    "gb18030",
    "iso8859-1",
    "iso8859-15",
    "iso8859-2",
    "iso8859-5",
    "iso8859-7",
    "iso8859-9",
    "koi8-r",
    "koi8-u",
    "mac-roman",
    "shift_jis",
    "utf-16",
    "utf-8",
)
NOTES = {"now": QT_TR_NOOP("now"), "likely": QT_TR_NOOP("likely")}  # beside an encoding


class CannotReread(Exception):
    """Why a document's bytes are not to be had (shown to the user as it is)."""


def original_bytes(store: Store, document: Document) -> bytes:
    """The bytes ``document`` was decoded from: those kept in the database, else its
    source file read again; :class:`CannotReread` saying why neither will do."""
    if document.format not in DECODED_FORMATS:
        raise CannotReread(
            tr(
                "“{title}” was read from a {format} file, which says itself how its text "
                "is encoded: there is no encoding to choose."
            ).format(title=document.title, format=document.format.upper())
        )
    kept = store.original(document.id)
    if kept is not None:
        return kept
    try:
        return read_file(Path(document.source), limit=MAX_BYTES, what="a document")
    except DocumentReadError as exc:
        raise CannotReread(
            tr(
                "The bytes of “{title}” were not kept (it was imported before Annotator "
                "kept them, or as UTF-8), and its file cannot be read again: {problem}"
            ).format(title=document.title, problem=tr_said(exc))
        ) from None


class RereadDialog(QDialog):
    """Encodings to read ``data`` with (the detector's candidates first, then common
    ones, or any name typed), and a preview of where the new text differs from the
    stored one. OK is enabled only for a reading that changes the text;
    :meth:`document` is then the new version to store."""

    def __init__(self, parent: QWidget | None, document: Document, data: bytes) -> None:
        super().__init__(parent)
        self.setObjectName("rereadDialog")
        self.setWindowTitle(tr("Re-read with encoding"))
        self.resize(860, 500)
        self._document, self._data = document, data
        self._new: NewDocument | None = None
        intro = QLabel(
            tr(
                "Read “{title}” again from its original bytes, now read as {encoding}. "
                "The new text becomes a new version; annotations are carried over as for "
                "a changed file."
            ).format(title=document.title, encoding=tr_said(document.encoding_note()))
        )
        intro.setWordWrap(True)
        self.encodings = QListWidget()
        self.encodings.setObjectName("rereadEncodings")
        for name, note in _candidates(data, document.encoding):
            shown = described(name)
            if note:
                shown = tr("{encoding}  ({note})").format(encoding=shown, note=tr(NOTES[note]))
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.encodings.addItem(item)
        self.name = QLineEdit()
        self.name.setObjectName("rereadName")
        self.name.setPlaceholderText(tr("or type an encoding name"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("rereadPreview")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        splitter, _side = beside(
            [QLabel(tr("Read as:")), self.encodings, self.name], self.preview, 220
        )
        self.buttons = ok_cancel(self, tr("Make new version"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.encodings.currentItemChanged.connect(self._picked)
        self.name.textEdited.connect(self._typed)
        self.encodings.setCurrentRow(0)
        self.encodings.setFocus()

    def document(self) -> NewDocument | None:
        """The new version the chosen encoding reads, or None if there is none."""
        return self._new

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._show(item.data(Qt.ItemDataRole.UserRole))

    def _typed(self, name: str) -> None:
        self.encodings.blockSignals(True)
        self.encodings.clearSelection()
        self.encodings.setCurrentRow(-1)
        self.encodings.blockSignals(False)
        self._show(name.strip())

    def _show(self, name: str) -> None:
        self._new, problem, preview = None, "", ""
        document = self._document
        if not name:
            self.preview.setHtml("")
            self.problem.setText("")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        try:
            codec_name(name)
            new = document_from_bytes(
                self._data, Path(document.source), document.format, encoding=name
            )
        except LookupError as exc:
            problem = f"{tr_said(exc)[0].upper()}{tr_said(exc)[1:]}."
        except DocumentReadError as exc:
            problem = tr("Cannot read it as {encoding}: {problem}.").format(
                encoding=name, problem=tr_said(exc).split(": ", 1)[-1]
            )
        else:
            headers = [
                tr("Stored ({encoding})").format(encoding=tr_said(document.encoding_note())),
                tr("Read as {encoding}").format(encoding=name),
            ]
            preview = comparison_html(headers, [document.text, new.text], 1)
            if new.text == document.text:
                problem = tr(
                    "Read as {encoding}, the text is the same: nothing would change."
                ).format(encoding=name)
            else:
                self._new = replace(
                    new,
                    source=document.source,
                    original_name=document.original_name,
                    original=self._data,
                )
        self.preview.setHtml(preview)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._new is not None)


def _candidates(data: bytes, current: str | None) -> list[tuple[str, str]]:
    """Encoding names with a note: the detector's readings of ``data`` best first
    ("likely"), then the common encodings; each codec once, the document's current
    encoding ("now") included."""
    likely: list[str] = []
    try:
        decoded = decode_bytes(data)
        likely = [decoded.encoding, *(r.encoding for r in decoded.alternatives)]
    except DecodeError:
        pass
    try:
        now = codec_name(current) if current else None
    except LookupError:  # a name from an imported annotation set
        now = None
    seen: set[str] = set()
    out = []
    for name in [*likely, *([current] if current else []), *COMMON_ENCODINGS]:
        try:
            codec = codec_name(name)
        except LookupError:
            continue
        if codec not in seen:
            seen.add(codec)
            note = "now" if codec == now else "likely" if name in likely else ""
            out.append((name, note))
    return out
