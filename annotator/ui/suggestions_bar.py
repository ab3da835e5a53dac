"""The first launch's word on the dashed outlines: a slim bar saying what they are and
which keys act on them, until the user dismisses it (remembered in the preferences)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from annotator.app import preferences
from annotator.ui.i18n import tr

MESSAGE = QT_TR_NOOP(
    "Dashed outlines are suggestions: Enter accepts, a label key accepts as that label, "
    "Esc or x rejects, ] and [ go to the next and previous. Nothing is saved unless you accept."
)


class SuggestionsExplained(QFrame):
    """Shown (by :meth:`offer`) while suggestions are drawn and the user has not yet
    dismissed it; ``hideRequested`` asks for the suggestions to be hidden."""

    hideRequested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsExplained")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message = QLabel(tr(MESSAGE))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hide_button = QPushButton(tr("Hide suggestions"))
        self.hide_button.setObjectName("hideSuggestions")
        self.hide_button.setToolTip(tr("Draw no suggestions (Suggestions ▸ Show suggestions)"))
        self.hide_button.clicked.connect(self._hide_suggestions)
        self.close_button = QToolButton()
        self.close_button.setObjectName("dismissSuggestionsExplained")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Got it: do not show this again"))
        self.close_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.close_button)
        self._explained = preferences.load().suggestions_explained
        self.hide()

    def offer(self, count: int) -> None:
        """``count`` suggestions are drawn now: the bar shows while there are any and it
        has not been dismissed."""
        self.setVisible(count > 0 and not self._explained)

    def _hide_suggestions(self) -> None:
        self.hideRequested.emit()
        self._dismiss()

    def _dismiss(self) -> None:
        self._explained = True
        preferences.update(suggestions_explained=True)
        self.hide()
        self.dismissed.emit()
