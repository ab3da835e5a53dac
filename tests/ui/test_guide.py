"""Help ▸ User guide: the guide's pages in the app, their links followed inside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from annotator.ui.guide_view import GuideWindow


def headings(window: GuideWindow) -> list[QTextBlock]:
    blocks = []
    block = window.browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            blocks.append(block)
        block = block.next()
    return blocks


def first_heading(window: GuideWindow) -> str:
    return headings(window)[0].text()


def click_link(qtbot, window: GuideWindow, href: str) -> None:
    """Scroll to the first link to ``href`` and click it with the mouse."""
    browser = window.browser
    block = browser.document().begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                QApplication.processEvents()
                return
        block = block.next()
    raise AssertionError(f"no link to {href} on {window.page().name}")


def heading_in_view(window: GuideWindow, heading: str) -> bool:
    browser = window.browser
    (block,) = (b for b in headings(window) if b.text() == heading)
    top = browser.document().documentLayout().blockBoundingRect(block).top()
    shown = browser.verticalScrollBar().value()
    return shown <= top < shown + browser.viewport().height() and shown > 0


def test_shift_f1_opens_the_guide_on_its_first_page(app, qtbot):
    app.key(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    window = app.window.findChild(GuideWindow, "guideWindow")
    assert window is not None and window.isVisible()
    assert window.page().name == "user-guide.md"
    assert first_heading(window) == "User guide"
    # The Help menu names it with its key; asking again raises the same window.
    assert app.window.guide_action.shortcut().toString() == "Shift+F1"
    assert app.window.show_guide() is window


def test_links_go_to_other_pages_and_their_headings_and_back(app, qtbot):
    window = app.window.show_guide()
    click_link(qtbot, window, "documents.md")
    assert window.page().name == "documents.md"
    assert first_heading(window) == "Documents"

    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.page().name == "user-guide.md"
    click_link(qtbot, window, "documents.md#changed-documents")
    assert window.page().name == "documents.md"
    assert heading_in_view(window, "Changed documents")

    # A heading of the same page, from its table of contents.
    click_link(qtbot, window, "#encodings")
    assert heading_in_view(window, "Encodings")
    assert not window.message.isVisible()


def test_a_link_outside_the_installed_guide_is_explained(app, qtbot, tmp_path, monkeypatch):
    page = tmp_path / "docs" / "user-guide.md"
    page.parent.mkdir()
    page.write_text("# User guide\n\nSee [the results](../eval/RESULTS.md).\n", encoding="utf-8")
    monkeypatch.setattr("annotator.app.guide.guide_page", lambda: page)
    window = app.window.show_guide()
    click_link(qtbot, window, "../eval/RESULTS.md")
    assert window.page() == Path(page)
    assert window.message.isVisible()
    missing = tmp_path / "eval" / "RESULTS.md"
    assert window.message.text() == f"{missing} is not part of this installation."


def test_every_paragraph_of_a_page_is_laid_out(app, qtbot):
    """Naming the headings must not lose the page's layout: it is as tall as the same page
    in a plain browser, and its last line can be scrolled to."""
    window = app.window.show_guide()
    click_link(qtbot, window, "#more")
    document = window.browser.document()
    plain = QTextDocument()
    plain.setDefaultFont(document.defaultFont())
    plain.setMarkdown(window.page().read_text(encoding="utf-8"))
    plain.setTextWidth(document.textWidth())
    assert document.size().height() == plain.size().height()
    window.browser.verticalScrollBar().setValue(window.browser.verticalScrollBar().maximum())
    last = document.lastBlock()
    bottom = document.documentLayout().blockBoundingRect(last).bottom()
    shown = window.browser.verticalScrollBar().value() + window.browser.viewport().height()
    assert last.text() == "Architecture and development, performance." and bottom <= shown


def test_a_screenshot_wider_than_the_page_is_shrunk_to_fit(app, qtbot):
    window = app.window.show_guide()
    click_link(qtbot, window, "analysis.md")
    QApplication.processEvents()
    assert first_heading(window).startswith("Analysis")
    assert window.browser.horizontalScrollBar().maximum() == 0
