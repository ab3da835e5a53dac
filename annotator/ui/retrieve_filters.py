"""The Retrieve window's filters: what they show is a :class:`Query`, and a query can be
shown in them (a saved query opened)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TR_NOOP, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from annotator.core.model import AttributeSpec, Label
from annotator.core.retrieval import (
    CONTEXT,
    PLACES,
    AttributeTest,
    Query,
    QueryError,
    check_date,
    parse_attribute,
)
from annotator.ui.attribute_kinds import kind_text
from annotator.ui.i18n import tr

TYPING_PAUSE_MS = 250  # a query runs this long after the last key typed in a filter
OPERATORS = {
    "equals": QT_TR_NOOP("is"),
    "between": QT_TR_NOOP("between"),
    "contains": QT_TR_NOOP("contains"),
}
_DONE = ((QT_TR_NOOP("Any"), None), (QT_TR_NOOP("Done"), True), (QT_TR_NOOP("Not done"), False))
PLACES_SHOWN = {
    "quote": (QT_TR_NOOP("Quote"), QT_TR_NOOP("Look in the annotated text itself")),
    "note": (QT_TR_NOOP("Note"), QT_TR_NOOP("Look in the annotations' notes")),
    "context": (
        QT_TR_NOOP("Context"),
        QT_TR_NOOP("Look in the line a row shows: the context, the quote and the context"),
    ),
    "memo": (QT_TR_NOOP("Memo"), QT_TR_NOOP("Look in the memos too (listed under the rows)")),
}


class RetrieveFilters(QWidget):
    """``changed`` is emitted when the query shown changes (after a pause in typing);
    :meth:`query` raises QueryError for filters that do not make a query."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self._specs: dict[str, AttributeSpec] = {}
        self._quiet = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)

        self.match = self._typed(tr("Find in quotes, notes and context…"), "retrieveMatch")
        self.match.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 40))
        self.regex = self._check(tr("Regular expression"))
        self.regex.setToolTip(tr("A Python regular expression (case counts), not a plain text"))
        self.places = {place: self._check(tr(PLACES_SHOWN[place][0]), True) for place in PLACES}
        for place, box in self.places.items():
            box.setToolTip(tr(PLACES_SHOWN[place][1]))
        self.context = QSpinBox(minimum=0, maximum=1000, value=CONTEXT)
        self.context.setSuffix(tr(" characters"))
        self.context.setObjectName("retrieveContext")
        self.context.setToolTip(tr("Context shown each side of a quote"))
        self.context.valueChanged.connect(self._typing)
        grid.addWidget(QLabel(tr("&Find:"), buddy=self.match), 0, 0)
        grid.addLayout(
            _row(self.match, self.regex, QLabel(tr("in")), *self.places.values(), self.context),
            0,
            1,
        )

        self.label_row = QHBoxLayout()
        self.label_buttons: dict[str, QToolButton] = {}
        self.annotator = QComboBox(objectName="retrieveAnnotator")
        self.annotator.currentIndexChanged.connect(self._now)
        self.attribute = QComboBox(objectName="retrieveAttribute")
        self.attribute.currentIndexChanged.connect(self._attribute_chosen)
        self.operator = QComboBox(objectName="retrieveOperator")
        for op, shown in OPERATORS.items():
            self.operator.addItem(tr(shown), op)
        self.operator.currentIndexChanged.connect(self._operator_chosen)
        self.value = self._typed(tr("value"), "retrieveValue")
        self.upper = self._typed(tr("up to"), "retrieveUpper")
        grid.addWidget(QLabel(tr("Labels:")), 1, 0)
        grid.addLayout(
            _row(
                self.label_row,
                QLabel(tr("&Annotator:"), buddy=self.annotator),
                self.annotator,
                QLabel(tr("A&ttribute:"), buddy=self.attribute),
                self.attribute,
                self.operator,
                self.value,
                self.upper,
            ),
            1,
            1,
        )

        self.title = self._typed(tr("title or id"), "retrieveTitle")
        self.author = self._typed(tr("author"), "retrieveAuthor")
        self.since = self._typed(tr("YYYY-MM-DD"), "retrieveSince")
        self.until = self._typed(tr("YYYY-MM-DD"), "retrieveUntil")
        self.done = QComboBox(objectName="retrieveDone")
        for shown, done in _DONE:
            self.done.addItem(tr(shown), done)
        self.done.currentIndexChanged.connect(self._now)
        grid.addWidget(QLabel(tr("&Documents:"), buddy=self.title), 2, 0)
        grid.addLayout(
            _row(
                self.title,
                self.author,
                QLabel(tr("published from")),
                self.since,
                QLabel(tr("to")),
                self.until,
                QLabel(tr("Do&ne:"), buddy=self.done),
                self.done,
            ),
            2,
            1,
        )
        self._ids: frozenset[str] | None = None
        self.set_choices([], [])

    def _typed(self, placeholder: str, name: str) -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder, objectName=name, clearButtonEnabled=True)
        edit.textChanged.connect(self._typing)
        return edit

    def _check(self, text: str, on: bool = False) -> QCheckBox:
        box = QCheckBox(text, checked=on)
        box.toggled.connect(self._now)
        return box

    def _typing(self, *_args: object) -> None:
        if not self._quiet:
            self._pause.start()

    def _now(self, *_args: object) -> None:
        if not self._quiet:
            self._pause.stop()
            self.changed.emit()

    def set_choices(self, labels: Sequence[Label], annotators: Sequence[str]) -> None:
        """The labels, attributes and annotators to choose from; choices made stay where
        they still exist."""
        query = self._safe_query()
        self._quiet = True
        try:
            for button in self.label_buttons.values():
                self.label_row.removeWidget(button)
                button.deleteLater()
            self.label_buttons = {}
            for label in labels:
                button = QToolButton(text=label.name, checkable=True)
                button.setObjectName(f"retrieveLabel-{label.name}")
                button.setStyleSheet(
                    f"QToolButton:checked {{ border: 2px solid {label.color}; font-weight: bold }}"
                )
                button.setToolTip(
                    tr("Only {label} (click again for every label)").format(label=label.name)
                )
                button.toggled.connect(self._now)
                self.label_row.addWidget(button)
                self.label_buttons[label.name] = button
            self.annotator.clear()
            self.annotator.addItem(tr("Anyone"), None)
            for name in annotators:
                self.annotator.addItem(name, name)
            self._specs = {}
            for label in labels:
                for spec in label.attributes:
                    self._specs.setdefault(spec.name, spec)
            self.attribute.clear()
            self.attribute.addItem(tr("Any"), None)
            for name, spec in sorted(self._specs.items()):
                self.attribute.addItem(
                    tr("{name} ({kind})").format(name=name, kind=kind_text(spec.kind)), name
                )
        finally:
            self._quiet = False
        self.show_query(query)

    def _attribute_chosen(self) -> None:
        spec = self._specs.get(self.attribute.currentData())
        if spec is not None and not self._quiet:
            op = {"number": "between", "text": "contains"}.get(spec.kind, "equals")
            self.operator.setCurrentIndex(self.operator.findData(op))
        self._operator_chosen()

    def _operator_chosen(self) -> None:
        chosen = self.attribute.currentData() is not None
        self.operator.setEnabled(chosen)
        self.value.setEnabled(chosen)
        self.upper.setVisible(chosen and self.operator.currentData() == "between")
        self.value.setPlaceholderText(
            tr("from") if self.operator.currentData() == "between" else tr("value")
        )
        if self.value.text() or self.upper.text():
            self._now()

    def restrict_to(self, ids: frozenset[str] | None) -> None:
        """Only these annotations (None: no such restriction), beside the other filters."""
        self._ids = ids
        self._now()

    def _safe_query(self) -> Query:
        try:
            return self.query()
        except QueryError:
            return Query()

    def query(self) -> Query:
        """The query the filters show; QueryError names a filter that makes none."""
        match = self.match.text() or None
        return Query(
            labels=tuple(n for n, b in self.label_buttons.items() if b.isChecked()),
            annotators=(self.annotator.currentData(),) if self.annotator.currentData() else (),
            attributes=self._attribute_tests(),
            match=match,
            regex=self.regex.isChecked(),
            match_in=tuple(p for p, box in self.places.items() if box.isChecked()),
            documents=(self.title.text().strip(),) if self.title.text().strip() else (),
            authors=(self.author.text().strip(),) if self.author.text().strip() else (),
            since=_date(self.since.text(), tr("Published from")),
            until=_date(self.until.text(), tr("Published to")),
            done=self.done.currentData(),
            ids=self._ids,
            context=self.context.value(),
        )

    def _attribute_tests(self) -> tuple[AttributeTest, ...]:
        name = self.attribute.currentData()
        value, upper = self.value.text(), self.upper.text()
        if name is None or not (value or upper):
            return ()
        op = self.operator.currentData()
        if op == "contains":
            return (AttributeTest(name, "contains", value),)
        if op == "between":
            return (parse_attribute(f"{name}={value.strip()}..{upper.strip()}"),)
        return (parse_attribute(f"{name}={value}"),)

    def show_query(self, query: Query) -> None:
        """Set the filters to ``query`` (filters it names that no longer exist are left
        unset); ``changed`` is emitted once."""
        self._quiet = True
        try:
            self.match.setText(query.match or "")
            self.regex.setChecked(query.regex)
            for place, box in self.places.items():
                box.setChecked(place in query.match_in)
            self.context.setValue(query.context)
            for name, button in self.label_buttons.items():
                button.setChecked(name in query.labels)
            found = self.annotator.findData(query.annotators[0]) if query.annotators else 0
            self.annotator.setCurrentIndex(max(0, found))
            test = query.attributes[0] if query.attributes else None
            self.attribute.setCurrentIndex(
                max(0, self.attribute.findData(test.name)) if test else 0
            )
            if test is not None:
                self.operator.setCurrentIndex(max(0, self.operator.findData(test.op)))
            self.value.setText(_shown_value(test.value) if test else "")
            self.upper.setText(_shown_value(test.upper) if test else "")
            self.title.setText(query.documents[0] if query.documents else "")
            self.author.setText(query.authors[0] if query.authors else "")
            self.since.setText(query.since or "")
            self.until.setText(query.until or "")
            self.done.setCurrentIndex(
                next(i for i, (_shown, done) in enumerate(_DONE) if done is query.done)
            )
            self._ids = query.ids
            self._operator_chosen()
        finally:
            self._quiet = False
        self._now()


def _date(text: str, what: str) -> str | None:
    text = text.strip()
    return check_date(text, what) if text else None


def _shown_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _row(*parts: QWidget | QHBoxLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    for part in parts:
        if isinstance(part, QHBoxLayout):
            row.addLayout(part)
        else:
            row.addWidget(part)
    row.addStretch(1)
    return row
