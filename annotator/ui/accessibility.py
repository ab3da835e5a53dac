"""What assistive technology hears: the accessible name and description of every control
that has no visible text of its own to give one, looked up by object name as a widget is
first shown, in one table that reviewers (and translators) read at a glance."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

# objectName -> (name, description)
NAMES: dict[str, tuple[str, str]] = {
    "documentList": ("Documents", "The documents of this database and their annotations"),
    "annotationList": ("Annotations", "The annotations of the document shown; F2 edits a note"),
    "documentView": ("Document text", "Select text and press a label key to tag it"),
    "labelFilter": ("Label filter", "Show the annotations of one label only"),
    "textFilter": ("Filter the annotations", "Show the annotations whose quote or note holds it"),
    "documentMemo": ("Memo on this document", "Saved as you type; Esc goes back to the text"),
    "projectMemo": ("Memo on the project", "Saved as you type; Esc goes back to the text"),
    "retrieveMatch": ("Find", "Text to find in the quotes, notes, context and memos"),
    "retrieveContext": ("Context width", "Characters of context shown each side of a quote"),
    "retrieveAnnotator": ("Annotator", "Only the annotations of this annotator"),
    "retrieveAttribute": ("Attribute", "Filter by the value of this attribute"),
    "retrieveOperator": ("Attribute test", "Is, between two numbers, or contains"),
    "retrieveValue": ("Attribute value", "The value (or the lower number) to filter by"),
    "retrieveUpper": ("Upper number", "The upper number of the range, included"),
    "retrieveTitle": ("Document title or id", "Only documents whose title holds this"),
    "retrieveAuthor": ("Document author", "Only documents whose author holds this"),
    "retrieveSince": ("Published from", "A date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "retrieveUntil": ("Published to", "A date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "retrieveDone": ("Done", "Any document, or only those marked done or not"),
    "retrieveTable": ("Retrieved passages", "Enter opens the passage in the main window"),
    "retrieveMemos": ("Places in memos", "Enter shows the place in its memo"),
    "savedQueries": ("Saved queries", "Queries saved in this database; choose one to run it"),
    "cooccurrenceScope": ("Count pairs", "Overlapping, in one sentence or in one paragraph"),
    "cooccurrenceMatrix": ("Co-occurrence matrix", "Pairs per two labels; Enter retrieves them"),
    "crosstabLabel": ("Label", "The label counted, or all labels"),
    "crosstabBy": ("Break down by", "Annotator, author, source, year or an attribute"),
    "crosstabTable": ("Cross-tabulation", "Count and share per category"),
    "statsTable": ("Annotations per document and label", "A row per document, then the total"),
    "agreementTable": ("Agreement", "Agreement measures per label"),
    "agreementLabels": ("Labels compared", "The labels the agreement is computed on"),
    "agreementAnnotators": ("Annotators compared", "The annotators the agreement compares"),
    "noteEditor": ("Note", "The note of the annotation chosen; Ctrl+Enter saves, Esc cancels"),
    "candidateFilter": ("Candidates shown", "All candidates, or only those still to decide"),
    "candidateList": ("Candidates", "The annotators' spans to accept or reject into the gold"),
}
# Buttons every dialog has, by their text (without the & of their mnemonic).
BUTTONS = {
    "Close": "Close this window (Esc)",
    "OK": "Apply and close",
    "Cancel": "Close, changing nothing",
}


class _Namer(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QAbstractButton):
            told = BUTTONS.get(watched.text().replace("&", ""))
            if told is not None and not watched.accessibleDescription() and not watched.toolTip():
                watched.setAccessibleDescription(told)
        if event.type() == QEvent.Type.Polish and isinstance(watched, QWidget):
            named = NAMES.get(watched.objectName())
            if named is not None:
                if not watched.accessibleName():
                    watched.setAccessibleName(named[0])
                if not watched.accessibleDescription():
                    watched.setAccessibleDescription(named[1])
        return False


def install_names(app: QApplication) -> None:
    """Name the widgets of :data:`NAMES` as they are first shown (once per application)."""
    if app.findChild(_Namer, "accessibleNamer") is None:
        namer = _Namer(app)
        namer.setObjectName("accessibleNamer")
        app.installEventFilter(namer)
