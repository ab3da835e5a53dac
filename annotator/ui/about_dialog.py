"""Help ▸ About: the version, the versions under it, the database and where its backups,
the preferences and the user's rules are kept, and the licence; a Copy button puts the
same text as ``annotator --version --verbose`` on the clipboard, for a bug report."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QIcon, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.app.about import LICENCE, LICENCE_LABELS, Fact, plain_text
from annotator.app.resources import resource_path
from annotator.ui.i18n import tr, tr_said

ICON_SIZE = 64
FACTS_MARGIN = 24  # the view's frame and margins, with room to spare
ROW = "<tr><td style='padding-right: 12px'><b>{}</b></td><td>{}</td></tr>"


class AboutDialog(QDialog):
    """Shows :func:`annotator.ui.about_facts.window_facts`; :meth:`show_facts` refreshes
    them (the window may have opened another database since)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About Annotator"))
        self._facts: tuple[Fact, ...] = ()

        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icon.svg"))).pixmap(ICON_SIZE, ICON_SIZE))
        icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(tr("Mark claims, refusals and statistics in source documents."))
        tagline.setWordWrap(True)
        self.licence = QLabel()
        self.licence.setObjectName("aboutLicence")
        self.licence.setWordWrap(True)
        self.licence.setOpenExternalLinks(True)
        self.licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(tagline)
        heading.addWidget(self.licence)
        heading.addStretch()
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.facts = QTextBrowser()  # read-only, selectable, Ctrl+A / Ctrl+C as usual
        self.facts.setObjectName("aboutFacts")
        self.facts.setAccessibleName(tr("Versions and folders"))
        self.facts.setOpenExternalLinks(True)
        self.facts.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("aboutCopy")
        # English, as the command line prints it: a bug report anyone can read.
        self.copy_button.setToolTip(tr("Copy these facts, in English, for a bug report"))
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def show_facts(self, facts: tuple[Fact, ...]) -> None:
        """Show ``facts`` (Annotator's version first), translated."""
        self._facts = facts
        version, *rest = facts
        self.title.setText(
            "<b style='font-size: large'>{}</b>".format(
                escape(tr("Annotator {version}").format(version=version.value))
            )
        )
        where = dict((fact.label, fact.value) for fact in rest)[LICENCE_LABELS[1]]
        link = where if "://" in where else QUrl.fromLocalFile(where).toString()
        self.licence.setText(
            tr(
                "Free software under the {licence} licence: you may use, copy, change and "
                'share it. <a href="{link}">Read the licence</a>.'
            ).format(licence=LICENCE, link=escape(link, quote=True))
        )
        rows = "".join(
            ROW.format(escape(tr(fact.label)), escape(tr_said(fact.value)))
            for fact in rest
            if fact.label not in LICENCE_LABELS
        )
        self.facts.setHtml(f"<table>{rows}</table>")
        document = self.facts.document()  # tall enough for every fact, no scrolling
        document.setTextWidth(self.minimumWidth() - 2 * FACTS_MARGIN)
        self.facts.setFixedHeight(round(document.size().height()) + FACTS_MARGIN)
        self.adjustSize()
        self.copy_button.setText(tr("&Copy"))

    def copy(self) -> None:
        """Put the facts on the clipboard as ``annotator --version --verbose`` prints them."""
        QGuiApplication.clipboard().setText(plain_text(self._facts))
        self.copy_button.setText(tr("Copied"))
