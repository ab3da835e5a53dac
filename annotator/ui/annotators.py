"""Who is annotating, in the window: the name kept in the preferences, the invitation to
change it on first launch (a bar above the text, never a dialog in the way), the name
dialog, and the Annotator menu (change my name, work as someone else, show everyone's,
mine or one annotator's annotations)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app import preferences
from annotator.core.annotators import CHOSEN, MINE, AnnotatorFilter, name_problem
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said


def remembered_filter() -> AnnotatorFilter:
    """Whose annotations the window showed last."""
    return AnnotatorFilter.decode(preferences.load().shown_annotators)


def remember_filter(chosen: AnnotatorFilter) -> None:
    preferences.update(shown_annotators=chosen.encode())


class NameDialog(QDialog):
    """Asks for the name annotations record. An empty name (or one of spaces, or with a
    line break) is refused with the reason shown in the dialog, which stays open."""

    def __init__(self, parent: QWidget | None, current: str, known: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("annotatorNameDialog")
        self.setWindowTitle(tr("Your name as annotator"))
        self._name = current
        intro = QLabel(
            tr(
                "Every annotation you make records this name, so that your work and your "
                "colleagues' can be told apart and compared. Annotations made before keep "
                "the name they were made with."
            )
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(current)
        self.field.setObjectName("annotatorName")
        self.field.setPlaceholderText(tr("Your name, e.g. Alice Chan"))
        self.field.selectAll()
        if known:
            completer = QCompleter(list(known), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.field.setCompleter(completer)
        self.problem = QLabel()
        self.problem.setObjectName("nameProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.hide()
        self.field.textEdited.connect(lambda _text: self.problem.hide())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(tr("Name:")))
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def name(self) -> str:
        """The name accepted (surrounding spaces removed)."""
        return self._name

    def accept(self) -> None:
        name = self.field.text().strip()
        problem = name_problem(name)
        if problem is not None:
            self.problem.setText(tr_said(problem))
            self.problem.show()
            self.field.setFocus()
            return
        self._name = name
        super().accept()


class NameInvitation(QFrame):
    """A slim bar: "You are annotating as “alice”. [Change name…] [✕]". Nothing waits
    for it: the window works as usual while it shows. ``changeRequested`` and
    ``dismissed`` say what the user chose."""

    changeRequested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotatorInvitation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message = QLabel()
        self.message.setObjectName("invitationMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        change = QPushButton(tr("Change name…"))
        change.setObjectName("changeName")
        change.setToolTip(
            tr("Choose the name your annotations record (Annotator ▸ Change my name…)")
        )
        change.clicked.connect(self.changeRequested.emit)
        close = QToolButton()
        close.setObjectName("dismissInvitation")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(tr("Keep this name (Annotator ▸ Change my name… changes it later)"))
        close.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.message, 1)
        layout.addWidget(change)
        layout.addWidget(close)
        self.change_button, self.close_button = change, close
        self.hide()

    def invite(self, name: str) -> None:
        self.message.setText(
            tr(
                "You are annotating as “{name}” (your login name): every annotation you make "
                "records it."
            ).format(name=name)
        )
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class AnnotatorMenu(QMenu):
    """The Annotator menu. Its lists of names (``known()``: the annotators in the
    database) are read each time it opens. Signals: ``changeNameRequested()``,
    ``workAsRequested(name)``, ``filterChosen(AnnotatorFilter)``."""

    changeNameRequested = Signal()
    workAsRequested = Signal(str)
    filterChosen = Signal(object)

    def __init__(self, parent: QWidget, known: Callable[[], list[str]]) -> None:
        super().__init__(tr("&Annotator"), parent)
        self.setObjectName("annotatorMenu")
        self._known = known
        self._me = ""
        self._filter = AnnotatorFilter.everyone()
        self.change_name_action = QAction(tr("&Change my name…"), self)
        self.change_name_action.setStatusTip(tr("The name your annotations record from now on"))
        self.change_name_action.triggered.connect(self.changeNameRequested.emit)
        self.addAction(self.change_name_action)
        self.work_as_menu = self.addMenu(tr("&Work as"))
        self.work_as_menu.setObjectName("workAsMenu")
        self.work_as_menu.setToolTipsVisible(True)
        self.work_as_group = QActionGroup(self)  # one annotator at a time: radio items
        self.addSeparator()
        self.show_group = QActionGroup(self)
        # One is on at a time (show_state), drawn with a check mark: styles draw an
        # exclusive group's radio mark faintly or not at all.
        self.show_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.show_everyone_action = self._show_action(
            tr("Show &everyone's annotations"), AnnotatorFilter.everyone()
        )
        self.show_mine_action = self._show_action(tr("Show &mine only"), AnnotatorFilter.mine())
        self.show_only_menu = self.addMenu(tr("Show &only"))
        self.show_only_menu.setObjectName("showOnlyMenu")
        self.aboutToShow.connect(self.refresh)

    def _show_action(
        self, text: str, chosen: AnnotatorFilter, menu: QMenu | None = None
    ) -> QAction:
        action = QAction(text, menu or self)  # a submenu's go when it is cleared
        action.setCheckable(True)
        action.setData(chosen.encode())
        action.setChecked(chosen == self._filter)
        self.show_group.addAction(action)
        action.triggered.connect(lambda _checked=False: self.filterChosen.emit(chosen))
        (menu or self).addAction(action)
        return action

    def show_state(self, me: str, chosen: AnnotatorFilter) -> None:
        """Mark who annotates and whose annotations are shown (the lists of names are
        marked when the menu next opens: no query before anyone looks)."""
        self._me, self._filter = me, chosen
        self.show_everyone_action.setChecked(chosen.shows_everyone)
        self.show_mine_action.setChecked(chosen == AnnotatorFilter.mine())
        self.show_mine_action.setText(tr("Show &mine only ({name})").format(name=me))
        for action in self.show_only_menu.actions():
            if action.isCheckable():
                action.setChecked(action.data() == chosen.encode())

    def refresh(self) -> None:
        """Rebuild the lists of names from ``known()``."""
        try:
            names = self._known()
        except StoreError:  # the menu still works, without the names
            names = []
        for action in self.work_as_menu.actions():
            self.work_as_group.removeAction(action)
        self.work_as_menu.clear()
        for name in sorted({*names, self._me}):
            # No swatch: with an icon, Qt shows "checked" only as a faint frame round it.
            action = self.work_as_menu.addAction(name)
            action.setCheckable(True)
            self.work_as_group.addAction(action)
            action.setChecked(name == self._me)
            action.setToolTip(
                tr("Annotate as {name}: new annotations record this name").format(name=name)
            )
            action.triggered.connect(lambda _checked=False, n=name: self.workAsRequested.emit(n))
        self.work_as_menu.addSeparator()
        other = self.work_as_menu.addAction(tr("Someone &else…"))
        other.triggered.connect(self.changeNameRequested.emit)
        for action in self.show_only_menu.actions():
            self.show_group.removeAction(action)
        self.show_only_menu.clear()
        chosen = self._filter.name if self._filter.kind == CHOSEN else None
        listed = sorted({*names, *([chosen] if chosen else [])})
        for name in listed:
            self._show_action(name, AnnotatorFilter.of(name), self.show_only_menu)
        if not listed:
            empty = self.show_only_menu.addAction(tr("(no annotations yet)"))
            empty.setEnabled(False)

    def work_as_action(self, name: str) -> QAction | None:
        """The Work as entry for ``name`` (after :meth:`refresh`)."""
        return next((a for a in self.work_as_menu.actions() if a.text() == name), None)

    def show_only_action(self, name: str) -> QAction | None:
        """The Show only entry for ``name`` (after :meth:`refresh`)."""
        return next((a for a in self.show_only_menu.actions() if a.text() == name), None)


def status_text(me: str, chosen: AnnotatorFilter) -> str:
    """The status bar's note of who annotates and, unless everyone's, whose are shown."""
    if chosen.kind == MINE:
        return tr("Annotating as {me} · showing mine ({me}) only").format(me=me)
    if chosen.kind == CHOSEN:
        return tr("Annotating as {me} · showing {name}'s only").format(me=me, name=chosen.name)
    return tr("Annotating as {me}").format(me=me)
