"""What assistive technology hears: the accessible name and description of every control
that has no visible text of its own to give one, looked up by object name as a widget is
shown, in one table that reviewers (and translators) read at a glance."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from annotator.ui.i18n import tr

# objectName -> (name, description)
NAMES: dict[str, tuple[str, str]] = {
    "documentList": (
        QT_TR_NOOP("Documents"),
        QT_TR_NOOP("The documents of this database and their annotations"),
    ),
    "annotationList": (
        QT_TR_NOOP("Annotations"),
        QT_TR_NOOP("The annotations of the document shown; F2 edits a note"),
    ),
    "documentView": (
        QT_TR_NOOP("Document text"),
        QT_TR_NOOP("Select text and press a label key to tag it"),
    ),
    "labelFilter": (
        QT_TR_NOOP("Label filter"),
        QT_TR_NOOP("Show the annotations of one label only"),
    ),
    "textFilter": (
        QT_TR_NOOP("Filter the annotations"),
        QT_TR_NOOP("Show the annotations whose quote or note holds it"),
    ),
    "documentMemo": (
        QT_TR_NOOP("Memo on this document"),
        QT_TR_NOOP("Saved as you type; Esc goes back to the text"),
    ),
    "projectMemo": (
        QT_TR_NOOP("Memo on the project"),
        QT_TR_NOOP("Saved as you type; Esc goes back to the text"),
    ),
    "retrieveMatch": (
        QT_TR_NOOP("Find"),
        QT_TR_NOOP("Text to find in the quotes, notes, context and memos"),
    ),
    "retrieveContext": (
        QT_TR_NOOP("Context width"),
        QT_TR_NOOP("Characters of context shown each side of a quote"),
    ),
    "retrieveAnnotator": (
        QT_TR_NOOP("Annotator"),
        QT_TR_NOOP("Only the annotations of this annotator"),
    ),
    "retrieveAttribute": (
        QT_TR_NOOP("Attribute"),
        QT_TR_NOOP("Filter by the value of this attribute"),
    ),
    "retrieveOperator": (
        QT_TR_NOOP("Attribute test"),
        QT_TR_NOOP("Is, between two numbers, or contains"),
    ),
    "retrieveValue": (
        QT_TR_NOOP("Attribute value"),
        QT_TR_NOOP("The value (or the lower number) to filter by"),
    ),
    "retrieveUpper": (
        QT_TR_NOOP("Upper number"),
        QT_TR_NOOP("The upper number of the range, included"),
    ),
    "retrieveTitle": (
        QT_TR_NOOP("Document title or id"),
        QT_TR_NOOP("Only documents whose title holds this"),
    ),
    "retrieveAuthor": (
        QT_TR_NOOP("Document author"),
        QT_TR_NOOP("Only documents whose author holds this"),
    ),
    "retrieveSince": (
        QT_TR_NOOP("Published from"),
        QT_TR_NOOP("A date: YYYY, YYYY-MM or YYYY-MM-DD"),
    ),
    "retrieveUntil": (
        QT_TR_NOOP("Published to"),
        QT_TR_NOOP("A date: YYYY, YYYY-MM or YYYY-MM-DD"),
    ),
    "retrieveDone": (
        QT_TR_NOOP("Done"),
        QT_TR_NOOP("Any document, or only those marked done or not"),
    ),
    "retrieveTable": (
        QT_TR_NOOP("Retrieved passages"),
        QT_TR_NOOP("Enter opens the passage in the main window"),
    ),
    "retrieveMemos": (
        QT_TR_NOOP("Places in memos"),
        QT_TR_NOOP("Enter shows the place in its memo"),
    ),
    "savedQueries": (
        QT_TR_NOOP("Saved queries"),
        QT_TR_NOOP("Queries saved in this database; choose one to run it"),
    ),
    "cooccurrenceScope": (
        QT_TR_NOOP("Count pairs"),
        QT_TR_NOOP("Overlapping, in one sentence or in one paragraph"),
    ),
    "cooccurrenceMatrix": (
        QT_TR_NOOP("Co-occurrence matrix"),
        QT_TR_NOOP("Pairs per two labels; Enter retrieves them"),
    ),
    "crosstabLabel": (QT_TR_NOOP("Label"), QT_TR_NOOP("The label counted, or all labels")),
    "crosstabBy": (
        QT_TR_NOOP("Break down by"),
        QT_TR_NOOP("Annotator, author, source, year or an attribute"),
    ),
    "crosstabTable": (QT_TR_NOOP("Cross-tabulation"), QT_TR_NOOP("Count and share per category")),
    "statsTable": (
        QT_TR_NOOP("Annotations per document and label"),
        QT_TR_NOOP("A row per document, then the total"),
    ),
    "agreementTable": (QT_TR_NOOP("Agreement"), QT_TR_NOOP("Agreement measures per label")),
    "agreementLabels": (
        QT_TR_NOOP("Labels compared"),
        QT_TR_NOOP("The labels the agreement is computed on"),
    ),
    "agreementAnnotators": (
        QT_TR_NOOP("Annotators compared"),
        QT_TR_NOOP("The annotators the agreement compares"),
    ),
    "noteEditor": (
        QT_TR_NOOP("Note"),
        QT_TR_NOOP("The note of the annotation chosen; Ctrl+Enter saves, Esc cancels"),
    ),
    "candidateFilter": (
        QT_TR_NOOP("Candidates shown"),
        QT_TR_NOOP("All candidates, or only those still to decide"),
    ),
    "shortcutsTable": (QT_TR_NOOP("Keyboard shortcuts"), QT_TR_NOOP("Each action and its keys")),
    "propertyTitle": (QT_TR_NOOP("Title"), QT_TR_NOOP("The document's title, as lists show it")),
    "propertyAuthor": (QT_TR_NOOP("Author"), QT_TR_NOOP("Who wrote the document")),
    "propertyPublished": (
        QT_TR_NOOP("Publication date"),
        QT_TR_NOOP("When it was published: YYYY, YYYY-MM or YYYY-MM-DD"),
    ),
    "property:Source": (QT_TR_NOOP("Source"), QT_TR_NOOP("Where the document came from")),
    "property:File name": (QT_TR_NOOP("File name"), QT_TR_NOOP("The file it was imported from")),
    "property:SHA-256": (QT_TR_NOOP("SHA-256"), QT_TR_NOOP("The fingerprint of its text")),
    "exportFormat": (QT_TR_NOOP("Format"), QT_TR_NOOP("The file format to write")),
    "labelList": (QT_TR_NOOP("Labels"), QT_TR_NOOP("The labels of the scheme, in order")),
    "labelName": (QT_TR_NOOP("Label name"), QT_TR_NOOP("The label's name, as exports write it")),
    "labelColour": (QT_TR_NOOP("Label colour"), QT_TR_NOOP("Choose the label's colour")),
    "labelHotkey": (QT_TR_NOOP("Label key"), QT_TR_NOOP("The key that tags with this label")),
    "labelDescription": (
        QT_TR_NOOP("Label description"),
        QT_TR_NOOP("What the label marks, for those who annotate"),
    ),
    "attributeTable": (
        QT_TR_NOOP("Attributes"),
        QT_TR_NOOP("The label's attributes: name, kind and choices"),
    ),
    "attributeKind": (QT_TR_NOOP("Attribute kind"), QT_TR_NOOP("Text, number, choice or yes/no")),
    "readingFont": (QT_TR_NOOP("Reading font"), QT_TR_NOOP("The font of the document text")),
    "readingSize": (QT_TR_NOOP("Font size"), QT_TR_NOOP("The size of the document text")),
    "zoom": (QT_TR_NOOP("Zoom"), QT_TR_NOOP("Points added to the size (Ctrl+= and Ctrl+-)")),
    "lineSpacing": (QT_TR_NOOP("Line spacing"), QT_TR_NOOP("Space between lines, in percent")),
    "lineWidth": (
        QT_TR_NOOP("Line width"),
        QT_TR_NOOP("The most characters a line holds; 0: the window's width"),
    ),
    "theme": (QT_TR_NOOP("Theme"), QT_TR_NOOP("System, light, dark or high contrast")),
    "language": (QT_TR_NOOP("Language"), QT_TR_NOOP("The language of the window")),
    "annotatorName": (QT_TR_NOOP("Your name"), QT_TR_NOOP("The name your annotations record")),
    "backupKeep": (QT_TR_NOOP("Backups kept"), QT_TR_NOOP("How many backups to keep")),
    "backupEvery": (
        QT_TR_NOOP("Back up every"),
        QT_TR_NOOP("Hours between backups made on opening; 0: none"),
    ),
    "candidateList": (
        QT_TR_NOOP("Candidates"),
        QT_TR_NOOP("The annotators' spans to accept or reject into the gold"),
    ),
}
# The standard buttons of dialogs (QDialogButtonBox), by what they do.
BUTTONS = {
    QDialogButtonBox.StandardButton.Close: QT_TR_NOOP("Close this window (Esc)"),
    QDialogButtonBox.StandardButton.Ok: QT_TR_NOOP("Apply and close"),
    QDialogButtonBox.StandardButton.Cancel: QT_TR_NOOP("Close, changing nothing"),
    QDialogButtonBox.StandardButton.Apply: QT_TR_NOOP("Apply and keep this window open"),
    QDialogButtonBox.StandardButton.Save: QT_TR_NOOP("Save and close"),
}


class _Namer(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show:  # every event of the application comes here
            return False
        box = watched.parent() if isinstance(watched, QAbstractButton) else None
        if isinstance(box, QDialogButtonBox):
            told = BUTTONS.get(box.standardButton(watched))
            if told is not None and not watched.accessibleDescription() and not watched.toolTip():
                watched.setAccessibleDescription(tr(told))
        if isinstance(watched, QWidget):
            named = NAMES.get(watched.objectName())
            if named is not None:
                if not watched.accessibleName():
                    watched.setAccessibleName(tr(named[0]))
                if not watched.accessibleDescription():
                    watched.setAccessibleDescription(tr(named[1]))
        return False


def install_names(app: QApplication) -> None:
    """Name the widgets of :data:`NAMES` as they are shown (installed once per
    application); a name or description set in the code is kept."""
    if app.findChild(_Namer, "accessibleNamer") is None:
        namer = _Namer(app)
        namer.setObjectName("accessibleNamer")
        app.installEventFilter(namer)
