"""The selected annotation's details: its note and its label's attributes, editable."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import pairwise

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attributes import (
    as_attributes,
    attribute_title,
    format_value,
    parse_input,
)
from annotator.core.model import Annotation, AttributeSpec, AttributeValue, Label
from annotator.ui.attribute_kinds import kind_text
from annotator.ui.i18n import tr, tr_said
from annotator.ui.table_models import one_line
from annotator.ui.times import shown_time

Editor = QLineEdit | QComboBox
YES_NO = {"yes": QT_TR_NOOP("yes"), "no": QT_TR_NOOP("no")}


class DetailsPanel(QWidget):
    """Shows one annotation. ``noteCommitted(id, text)`` is emitted when the user finishes
    editing the note (Ctrl+Enter, or leaving the field) and the text has changed;
    ``attributesCommitted(id, name, values)`` when an attribute was changed to a valid
    value (``values`` is the annotation's whole new mapping, ``name`` the one changed)."""

    noteCommitted = Signal(str, str)  # annotation id, note
    attributesCommitted = Signal(str, str, dict)
    finished = Signal()  # Ctrl+Enter or Escape: back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self._annotation: Annotation | None = None
        self.selection_count = QLabel()
        self.selection_count.setObjectName("selectionCount")
        self.selection_count.setWordWrap(True)
        self.selection_count.hide()
        self.summary = QLabel(tr("No annotation selected."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QPlainTextEdit()
        self.note.setObjectName("noteEditor")
        self.note.setPlaceholderText(tr("Note (F2 to edit, Ctrl+Enter to save, Esc to cancel)"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.note.installEventFilter(self)
        self.form = QFormLayout()
        self.form.addRow(tr("Note:"), self.note)
        self.problem = QLabel()
        self.problem.setObjectName("attributeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d55e00;")  # vermillion: reads on light and dark
        self.problem.hide()
        self._specs: dict[str, tuple[AttributeSpec, ...]] = {}
        self._shown_label: str | None = None
        self.editors: dict[str, Editor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.selection_count)
        layout.addWidget(self.summary)  # outside the form: wrapped lines get their height
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        self.clear_others = QPushButton(tr("Clear other attributes"))
        self.clear_others.setObjectName("clearOtherAttributes")
        self.clear_others.setToolTip(
            tr(
                "Remove the values of attributes this label does not define (kept from "
                "another label or an older scheme); undoable"
            )
        )
        self.clear_others.clicked.connect(self._clear_others)
        self.clear_others.hide()
        layout.addWidget(self.clear_others)
        layout.addStretch(1)
        self.set_annotation(None, "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """Keep the summary as tall as its wrapped lines (a scroll area shows the rest)."""
        width = self.summary.width()
        if width > 0:
            self.summary.setMinimumHeight(self.summary.heightForWidth(width))

    def set_labels(self, labels: Sequence[Label]) -> None:
        """The labels whose attributes the panel offers (call again when they change)."""
        specs = {label.name: label.attributes for label in labels}
        if specs.get(self._shown_label or "") != self._specs.get(self._shown_label or ""):
            self._shown_label = None  # its fields changed: built again below
        self._specs = specs
        self.set_annotation(self._annotation, self._quote if self._annotation else "")

    def set_selected_count(self, count: int) -> None:
        """With several annotations selected, say so: the panel shows (and edits) only
        the current one, while Delete and the label keys act on all of them."""
        self.selection_count.setVisible(count > 1)
        self.selection_count.setText(
            tr(
                "<b>{n} annotations selected.</b> Delete and the label keys act on all "
                "of them; below is the current one, whose note and attributes you edit."
            ).format(n=count)
            if count > 1
            else ""
        )

    # -- attributes ------------------------------------------------------------------

    def _build_editors(self, label: str | None) -> None:
        if label == self._shown_label and label is not None:
            return
        while self.form.rowCount() > 1:
            self.form.removeRow(1)
        self.editors = {}
        self._shown_label = label
        for spec in self._specs.get(label or "", ()):
            editor: Editor
            if spec.kind in ("choice", "boolean"):
                editor = QComboBox()
                editor.addItem("—", None)
                options = spec.choices if spec.kind == "choice" else ("yes", "no")
                for option in options:
                    # yes and no are the window's words; choices are the scheme's.
                    shown = tr(YES_NO[option]) if spec.kind == "boolean" else option
                    editor.addItem(shown, option)
                editor.activated.connect(lambda _i, n=spec.name: self._commit_attribute(n))
                # Scrolling the panel must not change (and save) a value by accident.
                editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                editor.installEventFilter(self)
            else:
                editor = QLineEdit()
                editor.setClearButtonEnabled(True)
                editor.setPlaceholderText(
                    tr("a number, e.g. 2,000 or 12.5") if spec.kind == "number" else ""
                )
                editor.editingFinished.connect(lambda n=spec.name: self._commit_attribute(n))
                editor.installEventFilter(self)
            editor.setObjectName(f"attribute:{spec.name}")
            tip = (
                tr("{name} ({kind}): {description}") if spec.description else tr("{name} ({kind})")
            )
            editor.setToolTip(
                tip.format(name=spec.name, kind=kind_text(spec.kind), description=spec.description)
            )
            self.editors[spec.name] = editor
            self.form.addRow(tr("{name}:").format(name=attribute_title(spec.name)), editor)
        # Tab goes from the note through the attributes in their order (editors made now
        # would otherwise come last in the window, after the status bar).
        chain = [self.note, *self.editors.values(), self.clear_others]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _show_values(self, values: dict[str, AttributeValue], *, keep_typing: bool = False) -> None:
        """Show ``values``; with ``keep_typing``, a field being typed in keeps its text."""
        for name, editor in self.editors.items():
            value = values.get(name)
            shown = "" if value is None else format_value(value)
            if isinstance(editor, QComboBox):
                index = editor.findData(shown) if shown else 0
                editor.setCurrentIndex(max(index, 0))
            elif not (keep_typing and editor.isModified()):
                editor.setText(shown)  # also clears isModified()
                editor.setStyleSheet("")

    def _spec(self, name: str) -> AttributeSpec | None:
        if self._annotation is None:
            return None
        specs = self._specs.get(self._annotation.label, ())
        return next((spec for spec in specs if spec.name == name), None)

    def _commit_attribute(self, name: str) -> None:
        """Save what the editor for ``name`` holds, if valid and changed."""
        spec, editor = self._spec(name), self.editors.get(name)
        if spec is None or editor is None or self._annotation is None:
            return
        raw = editor.currentData() or "" if isinstance(editor, QComboBox) else editor.text()
        try:
            value = parse_input(spec, raw)
        except ValueError as exc:
            self.problem.setText(tr_said(exc))
            self.problem.show()
            editor.setStyleSheet("border: 2px solid #d55e00;")
            return
        self.problem.hide()
        if isinstance(editor, QLineEdit):
            editor.setStyleSheet("")
            editor.setModified(False)  # taken: a later commit finds nothing to save
        values = self._annotation.attribute_map
        if values.get(name) == value and (value is None) == (name not in values):
            return
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
        annotation_id = self._annotation.id
        self._annotation = self._annotation._replace(attributes=as_attributes(values))
        self.attributesCommitted.emit(annotation_id, name, values)

    def set_annotation(self, annotation: Annotation | None, quote: str) -> None:
        same = (
            annotation is not None
            and self._annotation is not None
            and annotation.id == self._annotation.id
        )
        if not same:
            # What is being typed is saved before another annotation is shown.
            self._commit()
            for name, editor in list(self.editors.items()):
                if isinstance(editor, QLineEdit) and editor.isModified():
                    self._commit_attribute(name)
            self.problem.hide()
        self._annotation = annotation
        self._quote = quote
        self.note.setEnabled(annotation is not None)
        self._build_editors(None if annotation is None else annotation.label)
        self.clear_others.hide()
        if annotation is None:
            self.summary.setText(tr("No annotation selected."))
            self.note.setPlainText("")
            self._fit_summary()
            return
        values = annotation.attribute_map
        others = [
            f"{escape(name)} = {escape(format_value(value))}"
            for name, value in values.items()
            if name not in self.editors
        ]
        head = tr("<b>{label}</b> {start}–{end} · {annotator} · changed {time}")
        if annotation.source == "suggested":  # accepted from a suggestion: which rule made it
            head = tr(
                "<b>{label}</b> {start}–{end} · {annotator} · changed {time}"
                " · suggested by rule {rule}"
            )
        summary = head.format(
            label=escape(annotation.label),
            start=annotation.start,
            end=annotation.end,
            annotator=escape(annotation.annotator),
            time=shown_time(annotation.updated_at),
            rule=escape(annotation.rule or tr("unknown")),
        )
        summary += "<br>" + tr("“{quote}”").format(quote=escape(one_line(quote, 200)))
        if others:
            summary += "<br>" + tr("<i>Other attributes:</i> {values}").format(
                values="; ".join(others)
            )
        self.summary.setText(summary)
        self.clear_others.setVisible(bool(others))
        self._fit_summary()
        # A note being typed is kept when the annotation is shown again (e.g. refreshed
        # after a change in another window); what is typed is saved over it as usual.
        typing = same and self.note.hasFocus() and self.note.document().isModified()
        if not typing and self.note.toPlainText() != (annotation.note or ""):
            self.note.setPlainText(annotation.note or "")
        self._show_values(values, keep_typing=same)

    def _clear_others(self) -> None:
        if self._annotation is None:
            return
        values = self._annotation.attribute_map
        kept = {name: value for name, value in values.items() if name in self.editors}
        if kept != values:
            annotation_id = self._annotation.id
            self._annotation = self._annotation._replace(attributes=as_attributes(kept))
            self.attributesCommitted.emit(annotation_id, "other attributes", kept)

    def edit_note(self) -> None:
        if self._annotation is not None:
            self.note.setFocus()
            self.note.selectAll()

    def _commit(self) -> None:
        if self._annotation is None:
            return
        text = self.note.toPlainText()
        if text != (self._annotation.note or ""):
            # Taken as saved before the signal goes out: saving re-selects rows, and a
            # re-entrant commit must find nothing left to save.
            annotation_id = self._annotation.id
            self._annotation = self._annotation._replace(note=text or None)
            self.note.document().setModified(False)
            self.noteCommitted.emit(annotation_id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.Wheel
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.problem.hide()  # leave without saving: back to the stored values
            self._show_values(self._annotation.attribute_map if self._annotation else {})
            self.finished.emit()
            return True
        if watched is self.note:
            if event.type() == QEvent.Type.FocusOut:
                self._commit()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self._commit()
                    self.finished.emit()
                    return True
                if event.key() == Qt.Key.Key_Escape:
                    # Leave without saving: the note goes back to what it was.
                    self.note.setPlainText(self._annotation.note or "" if self._annotation else "")
                    self.finished.emit()
                    return True
        return super().eventFilter(watched, event)
