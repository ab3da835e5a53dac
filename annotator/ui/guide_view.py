"""Help ▸ User guide: the guide's Markdown pages in a window of their own.

Qt renders the Markdown itself, so the guide works without a browser. Links between pages
and to their headings are followed in the window; web links open in the browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.app.guide import guide_page, heading_anchor
from annotator.ui.i18n import tr

WEB_SCHEMES = ("http", "https", "mailto")


class _GuideBrowser(QTextBrowser):
    """A text browser that shrinks a screenshot wider than the page to fit it."""

    def loadResource(self, kind: int, name: QUrl) -> object:
        resource = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource or not resource:
            return resource
        image = QImage.fromData(resource) if isinstance(resource, QByteArray) else resource
        if not isinstance(image, QImage):
            return resource
        # The page's width once the vertical scroll bar takes its place, less the margins.
        room = (
            self.width()
            - 2 * self.frameWidth()
            - self.verticalScrollBar().sizeHint().width()
            - 4 * int(self.document().documentMargin())
        )
        if image.width() <= room or room <= 0:
            return image
        return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)


class GuideWindow(QDialog):
    """The guide, opened on ``user-guide.md``; Back, Forward and Contents like a browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(tr("Annotator user guide"))
        self.browser = _GuideBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setAccessibleName(tr("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.browser.sourceChanged.connect(self._arrived)
        self.back_button = self._button(
            tr("Back"), tr("Back to the page read before"), self.browser.backward
        )
        self.forward_button = self._button(tr("Forward"), tr("Forward again"), self.browser.forward)
        self.contents_button = self._button(
            tr("Contents"), tr("The guide's first page"), lambda: self.open_page(guide_page())
        )
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setObjectName("guideMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.contents_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.browser)
        self.resize(860, 760)

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def open_page(self, path: Path, anchor: str = "") -> None:
        """Show one page of the guide, at a heading's anchor if given."""
        url = QUrl.fromLocalFile(str(path))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def page(self) -> Path:
        """The file the window shows."""
        return Path(self.browser.source().toLocalFile())

    def follow(self, link: QUrl) -> None:
        """A clicked link: another page or heading here, a web page or file outside."""
        self.message.hide()
        if link.scheme() in WEB_SCHEMES:
            QDesktopServices.openUrl(link)
            return
        target = self.browser.source().resolved(link)
        path = Path(target.toLocalFile())
        if not path.is_file():
            self.message.setText(tr("{path} is not part of this installation.").format(path=path))
            self.message.show()
        elif path.suffix == ".md":
            self.browser.setSource(target)
        else:
            QDesktopServices.openUrl(target)

    def _arrived(self, url: QUrl) -> None:
        # Qt's Markdown gives headings no anchors: name each as GitHub does, then go to
        # the one the link asked for (Qt looked for it before the names existed).
        _name_headings(self.browser)
        if url.fragment():
            self.browser.scrollToAnchor(url.fragment())


def _name_headings(browser: QTextBrowser) -> None:
    """Give each heading its anchor, once per page loaded (naming them again would lay the
    page out anew under the reader's eyes)."""
    headings = []
    block = browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text().strip():
            headings.append(block)
        block = block.next()
    if not headings or headings[0].begin().fragment().charFormat().anchorNames():
        return
    for block in headings:
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        named = QTextCharFormat()
        named.setAnchor(True)
        named.setAnchorNames([heading_anchor(block.text())])
        cursor.mergeCharFormat(named)
    document = browser.document()
    # Qt lays out again only what each change touched, and leaves the blocks after a table
    # out of the page when the change came between; the whole page is laid out again.
    document.markContentsDirty(0, document.characterCount())
