"""The label-scheme editor: add, rename, recolour, reorder, hotkeys, descriptions and
attributes, with scheme files in and out. It edits a copy; the window applies the result
as one undoable step."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.files import write_atomically
from annotator.core.labels import PALETTE, markers, next_colour, scheme_problems
from annotator.core.model import ATTRIBUTE_KINDS, AttributeSpec, Label
from annotator.core.set_errors import SetFormatError
from annotator.formats.scheme import read_scheme, render_scheme
from annotator.ui.attribute_kinds import kind_text
from annotator.ui.file_places import open_file_name, save_file_name
from annotator.ui.i18n import tr, tr_said
from annotator.ui.icons import color_icon

SchemeCheck = Callable[[Sequence[Label], Sequence[tuple[str, str]], Sequence[str]], str | None]
SCHEME_FILTER = QT_TR_NOOP("Label schemes and annotation sets (*.json);;All files (*)")
ATTRIBUTE_HEADERS = (
    QT_TR_NOOP("Attribute"),
    QT_TR_NOOP("Type"),
    QT_TR_NOOP("Choices"),
    QT_TR_NOOP("Description"),
)


@dataclass
class _Entry:
    original: str | None  # the stored label's name; None for a label added here
    label: Label


class LabelsDialog(QDialog):
    """Edits a copy of ``labels``; ``usage(name)`` counts a stored label's annotations
    (asked before removing one); ``reserved`` maps the window's own shortcuts (portable
    text) to their actions, which a hotkey may not take; ``check(scheme, renames,
    removed)`` says why the database would refuse the result (values that would not fit
    a changed attribute...), and OK then keeps the dialog open with the edits. After
    ``exec()`` is accepted, :meth:`scheme`, :meth:`renames` and :meth:`removed`
    describe the change."""

    def __init__(
        self,
        labels: Sequence[Label],
        usage: Callable[[str], int],
        parent: QWidget | None = None,
        reserved: Mapping[str, str] | None = None,
        check: SchemeCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(tr("Labels"))
        self.resize(860, 520)
        self._usage = usage
        self._reserved = dict(reserved or {})
        self._check_with_store = check
        self._entries = [_Entry(label.name, label) for label in labels]
        self._removed: list[str] = []
        self._loading = False

        self.list = QListWidget()
        self.list.setObjectName("labelList")
        self.list.currentRowChanged.connect(self._show_entry)
        self.add_button = QPushButton(tr("&Add"))
        self.remove_button = QPushButton(tr("Re&move"))
        self.up_button = QPushButton(tr("Move &up"))
        self.down_button = QPushButton(tr("Move do&wn"))
        self.import_button = QPushButton(tr("&Import scheme…"))
        self.export_button = QPushButton(tr("E&xport scheme…"))
        for button, tip in (
            (self.add_button, tr("Add a label at the end")),
            (self.remove_button, tr("Remove the label chosen (its annotations go with it)")),
            (self.up_button, tr("Move the label chosen up the list")),
            (self.down_button, tr("Move the label chosen down the list")),
            (self.import_button, tr("Read a scheme from a file")),
            (self.export_button, tr("Write this scheme to a file")),
        ):
            button.setToolTip(tip)
        self.add_button.clicked.connect(self.add_label)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        grid = QGridLayout()
        for i, button in enumerate(
            (
                self.add_button,
                self.remove_button,
                self.up_button,
                self.down_button,
                self.import_button,
                self.export_button,
            )
        ):
            grid.addWidget(button, i // 2, i % 2)
        left.addLayout(grid)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("labelName")
        self.colour_button = QPushButton()
        self.colour_button.setObjectName("labelColour")
        self.colour_button.setToolTip(tr("Choose any colour"))
        self.colour_button.clicked.connect(self._ask_colour)
        swatches = QHBoxLayout()
        swatches.addWidget(self.colour_button)
        self.palette_buttons = []
        for colour in PALETTE:
            swatch = QToolButton()
            swatch.setIcon(color_icon(colour, 16))
            swatch.setToolTip(tr("{colour} (colour-blind-safe palette)").format(colour=colour))
            swatch.setAccessibleName(tr("Colour {colour}").format(colour=colour))
            swatch.clicked.connect(lambda _c=False, value=colour: self.set_colour(value))
            swatches.addWidget(swatch)
            self.palette_buttons.append(swatch)
        swatches.addStretch(1)
        self.hotkey_edit = QLineEdit()
        self.hotkey_edit.setObjectName("labelHotkey")
        self.hotkey_edit.setPlaceholderText(tr("a key, e.g. 4, q or F5 (empty for none)"))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("labelDescription")
        self.marker = QLabel()
        self.marker.setToolTip(
            tr("Drawn in the margin beside this label's spans, a cue besides colour")
        )
        self.attributes = QTableWidget(0, 4)
        self.attributes.setObjectName("attributeTable")
        self.attributes.setHorizontalHeaderLabels([tr(h) for h in ATTRIBUTE_HEADERS])
        self.attributes.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().hide()
        self.attributes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attributes.setToolTip(tr("Choices: separate them with commas"))
        self.add_attribute_button = QPushButton(tr("Add a&ttribute"))
        self.remove_attribute_button = QPushButton(tr("Remove attri&bute"))
        self.add_attribute_button.setToolTip(tr("Add an attribute to the label chosen"))
        self.remove_attribute_button.setToolTip(tr("Remove the attribute chosen"))
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self.remove_attribute_button.clicked.connect(self.remove_attribute)
        attribute_buttons = QHBoxLayout()
        attribute_buttons.addWidget(self.add_attribute_button)
        attribute_buttons.addWidget(self.remove_attribute_button)
        attribute_buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name_edit)
        form.addRow(tr("Colour:"), swatches)
        form.addRow(tr("&Hotkey:"), self.hotkey_edit)
        form.addRow(tr("&Description:"), self.description_edit)
        form.addRow(tr("Marker:"), self.marker)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel(tr("Attributes annotations with this label can carry:")))
        right.addWidget(self.attributes, 1)
        right.addLayout(attribute_buttons)

        self.problem = QLabel()
        self.problem.setObjectName("schemeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d55e00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.name_edit.textEdited.connect(self._form_edited)
        self.hotkey_edit.textEdited.connect(self._form_edited)
        self.description_edit.textEdited.connect(self._form_edited)
        self.attributes.itemChanged.connect(self._form_edited)
        self._refresh_list()
        self.list.setCurrentRow(0 if self._entries else -1)
        self._check()

    # -- the result ------------------------------------------------------------------

    def scheme(self) -> tuple[Label, ...]:
        return tuple(entry.label for entry in self._entries)

    def renames(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (e.original, e.label.name)
            for e in self._entries
            if e.original is not None and e.original != e.label.name
        )

    def removed(self) -> tuple[str, ...]:
        """Stored labels removed here (their annotations go with them)."""
        return tuple(self._removed)

    def problems(self) -> list[str]:
        problems = scheme_problems(self.scheme())
        for entry in self._entries:
            key = entry.label.hotkey
            if not key:
                continue
            sequence = QKeySequence(key)
            if sequence.count() != 1 or sequence[0].key() == Qt.Key.Key_unknown:
                problems.append(
                    tr("label {name}: {key} is not one key").format(
                        name=repr(entry.label.name), key=repr(key)
                    )
                )
                continue
            portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if portable in self._reserved:
                problems.append(
                    tr("label {name}: {key} is already {action}").format(
                        name=repr(entry.label.name),
                        key=repr(key),
                        action=self._reserved[portable],
                    )
                )
        return problems

    def accept(self) -> None:
        if self._check_with_store is not None:
            refused = self._check_with_store(self.scheme(), self.renames(), self.removed())
            if refused:
                self.problem.setText(refused)
                QMessageBox.warning(self, tr("These labels cannot be saved"), refused)
                return
        super().accept()

    # -- editing ---------------------------------------------------------------------

    def _current(self) -> _Entry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def add_label(self) -> None:
        taken = {e.label.name for e in self._entries}
        number = len(taken) + 1
        while tr("label {n}").format(n=number) in taken:
            number += 1
        name = tr("label {n}").format(n=number)
        colour = next_colour([e.label.color for e in self._entries])
        self._entries.append(_Entry(None, Label(name, colour)))
        self._refresh_list()
        self.list.setCurrentRow(len(self._entries) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self._check()

    def remove_current(self) -> bool:
        """Remove the selected label, asking first if stored annotations use it."""
        entry = self._current()
        if entry is None:
            return False
        used = self._usage(entry.original) if entry.original is not None else 0
        if used:
            text = (
                tr(
                    "Label {name} is used by 1 annotation. Removing it deletes it too."
                    "\n\nYou can undo this afterwards with Ctrl+Z."
                )
                if used == 1
                else tr(
                    "Label {name} is used by {n} annotations. Removing it deletes them too."
                    "\n\nYou can undo this afterwards with Ctrl+Z."
                )
            )
            answer = QMessageBox.question(
                self,
                tr("Remove a label in use"),
                text.format(name=repr(entry.label.name), n=used),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        row = self.list.currentRow()
        del self._entries[row]
        if entry.original is not None:
            self._removed.append(entry.original)
        self._refresh_list()
        self.list.setCurrentRow(min(row, len(self._entries) - 1))
        self._show_entry(self.list.currentRow())  # the row may not have changed number
        self._check()
        return True

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self._entries) and 0 <= target < len(self._entries)):
            return
        entries = self._entries
        entries[row], entries[target] = entries[target], entries[row]
        self._refresh_list()
        self.list.setCurrentRow(target)

    def set_colour(self, colour: str) -> None:
        entry = self._current()
        if entry is None:
            return
        entry.label = replace(entry.label, color=colour.lower())
        self._show_colour(entry.label.color)
        self._refresh_list()
        self._check()

    def _ask_colour(self) -> None:
        entry = self._current()
        if entry is None:
            return
        chosen = QColorDialog.getColor(QColor(entry.label.color), self, tr("Label colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())

    def add_attribute(self) -> None:
        self._append_attribute_row(AttributeSpec(""))
        row = self.attributes.rowCount() - 1
        self.attributes.setCurrentCell(row, 0)
        self.attributes.editItem(self.attributes.item(row, 0))

    def remove_attribute(self) -> None:
        row = self.attributes.currentRow()
        if row >= 0:
            self.attributes.removeRow(row)
            self._form_edited()

    def _append_attribute_row(self, spec: AttributeSpec) -> None:
        row = self.attributes.rowCount()
        self._loading = True
        try:
            self.attributes.insertRow(row)
            self.attributes.setItem(row, 0, QTableWidgetItem(spec.name))
            kind = QComboBox(objectName="attributeKind")
            for value in ATTRIBUTE_KINDS:
                kind.addItem(kind_text(value), value)
            kind.setCurrentIndex(max(kind.findData(spec.kind), 0))
            kind.currentIndexChanged.connect(self._form_edited)
            self.attributes.setCellWidget(row, 1, kind)
            choices = QTableWidgetItem(", ".join(spec.choices))
            # As defined: a choice may hold a comma, which the shown text cannot tell.
            choices.setData(Qt.ItemDataRole.UserRole, spec.choices)
            self.attributes.setItem(row, 2, choices)
            self.attributes.setItem(row, 3, QTableWidgetItem(spec.description))
        finally:
            self._loading = False

    def _attribute_specs(self) -> tuple[AttributeSpec, ...]:
        specs = []
        for row in range(self.attributes.rowCount()):
            kind = self.attributes.cellWidget(row, 1)
            assert isinstance(kind, QComboBox)
            cells = [self.attributes.item(row, col) for col in (0, 2, 3)]
            name, choices, description = (c.text() if c is not None else "" for c in cells)
            kind_value = kind.currentData()
            defined = cells[1].data(Qt.ItemDataRole.UserRole) if cells[1] is not None else None
            if defined is not None and ", ".join(defined) == choices:
                listed = tuple(defined)  # not edited here: kept exactly
            else:
                listed = tuple(c.strip() for c in choices.split(",") if c.strip())
            specs.append(
                AttributeSpec(
                    name.strip(),
                    kind_value,
                    listed if kind_value == "choice" else (),
                    description.strip(),
                )
            )
        return tuple(specs)

    def _form_edited(self, *_args: object) -> None:
        entry = self._current()
        if entry is None or self._loading:
            return
        entry.label = replace(
            entry.label,
            name=self.name_edit.text(),
            hotkey=self.hotkey_edit.text().strip() or None,
            description=self.description_edit.text(),
            attributes=self._attribute_specs(),
        )
        self._refresh_list()
        self._check()

    # -- showing ---------------------------------------------------------------------

    def _refresh_list(self) -> None:
        row = self.list.currentRow()
        shown = markers([e.label.name for e in self._entries])
        self.list.blockSignals(True)
        try:
            while self.list.count() > len(self._entries):
                self.list.takeItem(self.list.count() - 1)
            while self.list.count() < len(self._entries):
                self.list.addItem("")
            for i, entry in enumerate(self._entries):
                label = entry.label
                item = self.list.item(i)
                text = f"{shown[label.name]}  {label.name}"
                if label.hotkey:
                    text += f"   [{label.hotkey}]"
                item.setText(text)
                item.setIcon(color_icon(label.color))
            self.list.setCurrentRow(min(row, len(self._entries) - 1))
        finally:
            self.list.blockSignals(False)
        entry = self._current()
        if entry is not None:
            self.marker.setText(f"<b>{shown.get(entry.label.name, '')}</b>")
        self.remove_button.setEnabled(entry is not None)
        self.up_button.setEnabled(self.list.currentRow() > 0)
        self.down_button.setEnabled(0 <= self.list.currentRow() < len(self._entries) - 1)

    def _show_entry(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self._loading = True
        try:
            for widget in (self.name_edit, self.hotkey_edit, self.description_edit):
                widget.setEnabled(entry is not None)
            label = entry.label if entry else Label("", "#000000")
            self.name_edit.setText(label.name)
            self.hotkey_edit.setText(label.hotkey or "")
            self.description_edit.setText(label.description)
            self._show_colour(label.color)
            self.attributes.setRowCount(0)
        finally:
            self._loading = False
        for spec in label.attributes:
            self._append_attribute_row(spec)
        self._refresh_list()

    def _show_colour(self, colour: str) -> None:
        self.colour_button.setIcon(color_icon(colour, 16))
        self.colour_button.setText(colour)

    def _check(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(tr_said(p) for p in problems[:3]))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    # -- scheme files ----------------------------------------------------------------

    def import_scheme(self, path: Path) -> bool:
        """Take the labels of a scheme file (or an annotation set): a label with a name
        already here gets the file's definition, others are added. A bad file shows a
        message and changes nothing."""
        try:
            labels = read_scheme(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                tr("Cannot import the scheme"),
                tr("{path}: {problem}").format(path=path, problem=exc.strerror),
            )
            return False
        except SetFormatError as exc:
            QMessageBox.warning(self, tr("Cannot import the scheme"), tr_said(exc))
            return False
        by_name = {e.label.name: e for e in self._entries}
        for label in labels:
            if label.name in by_name:
                by_name[label.name].label = label
            else:
                self._entries.append(_Entry(None, label))
        self._refresh_list()
        self._show_entry(self.list.currentRow())
        self._check()
        return True

    def export_scheme(self, path: Path) -> bool:
        try:
            write_atomically(path, render_scheme(self.scheme()))
        except OSError as exc:  # its message names the path
            QMessageBox.warning(self, tr("Cannot export the scheme"), tr_said(exc))
            return False
        return True

    def _ask_import(self) -> None:
        name = open_file_name(self, tr("Import a label scheme"), tr(SCHEME_FILTER))
        if name:
            self.import_scheme(Path(name))

    def _ask_export(self) -> None:
        name = save_file_name(self, tr("Export the label scheme"), "labels.json", tr(SCHEME_FILTER))
        if name:
            self.export_scheme(Path(name))


def step_name(before: Sequence[Label], dialog: LabelsDialog) -> str:
    """What the Edit menu calls a scheme edit: the one change made, or "edit labels"."""
    renames, removed = dialog.renames(), dialog.removed()
    originals = {label.name for label in before}
    added = [label.name for label in dialog.scheme() if label.name not in originals]
    added = [name for name in added if name not in {new for _old, new in renames}]
    if len(removed) == 1 and not renames and not added:
        return tr("delete label '{label}'").format(label=removed[0])
    if len(added) == 1 and not renames and not removed:
        return tr("add label '{label}'").format(label=added[0])
    if len(renames) == 1 and not added and not removed:
        return tr("rename '{old}' to '{new}'").format(old=renames[0][0], new=renames[0][1])
    return tr("edit labels")
