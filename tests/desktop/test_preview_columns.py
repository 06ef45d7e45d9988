"""The preview's tables break lines between words only, never inside a word or an amount."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.panels.preview_columns import keep_short_cells_whole, keeps_whole, scaled_css
from desktop.session import AppSession
from tests.desktop.windows_helpers import open_sample, session

__all__ = ["session"]


def broken_words(document: QTextDocument) -> list[str]:
    """Every place a line in a table cell ends inside a word ("Quarterl|y")."""
    found = []
    block = document.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is not None:
            layout, text = block.layout(), block.text()
            for number in range(layout.lineCount() - 1):
                line = layout.lineAt(number)
                end = line.textStart() + line.textLength()
                if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                    found.append(f"{text[max(0, end - 10) : end]}|{text[end : end + 10]}")
        block = block.next()
    return found


def test_a_narrow_preview_breaks_no_word_and_scrolls_sideways(
    qtbot: QtBot, session: AppSession
) -> None:
    window = open_sample(qtbot, session, 1)  # the plan: missions, budget, actions tables
    preview = window.preview
    window.splitter.setSizes([600, 600, 380])
    QApplication.processEvents()
    preview.render_now()
    document = preview.document()
    document.documentLayout().documentSize()  # laid out in full
    tables = 0
    block = document.begin()
    while block.isValid():
        tables += QTextCursor(block).currentTable() is not None
        block = block.next()
    assert tables > 20
    assert broken_words(document) == []
    assert document.size().width() > preview.viewport().width()  # so it scrolls sideways


def test_short_cells_and_amounts_stay_on_one_line() -> None:
    assert keeps_whole("Quarterly") and keeps_whole("£184,000") and keeps_whole("£1,250,000")
    assert not keeps_whole("Employment support for people with health conditions")
    marked = keep_short_cells_whole(
        '<tr><td class="first">£184,000</td><td>A long description of what it pays for</td></tr>'
    )
    assert '<td class="first" style="white-space: nowrap">£184,000</td>' in marked
    assert "<td>A long description" in marked


def test_the_preview_text_follows_the_text_size() -> None:
    css = "body { font-size: 10pt; } h1 { font-size: 20pt; margin-top: 6px; }"
    assert (
        scaled_css(css, 1.5) == "body { font-size: 15pt; } h1 { font-size: 30pt; margin-top: 6px; }"
    )
    assert scaled_css(css, 1.0) == css
