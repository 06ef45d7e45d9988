"""The Help menu's two windows: how to use the catalogue, and About ReformKit."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

import reformkit
from desktop.detail_view import DetailView

HELP_TITLE = "How to use the catalogue"

HELP_HTML = """
<h2>How to use the catalogue</h2>
<p>The catalogue holds the Demos briefing <i>The Reform Dividend</i>, split into short
entries, and anything you add yourself.</p>
<h3>Browse</h3>
<p>The list on the left follows the briefing. Open a policy shift to see its
recommendations. Choose any entry to read it on the right.</p>
<h3>Search</h3>
<p>Press <b>Ctrl+F</b> and type. Results appear as you type, best first. The words that
matched are in bold. Press <b>Down</b> to move into the results. Press <b>Escape</b> in the
search box to clear it and go back to the list.</p>
<h3>Follow links</h3>
<p>In an entry, choose an id such as R18 to go to that entry.</p>
<h3>Your library</h3>
<p>Rights, duties, principles and clauses you add yourself appear under
<b>Your library</b>. Updating ReformKit never changes or removes them.</p>
<h3>Keyboard</h3>
<p><b>Tab</b> moves between the search box, the list and the details. The arrow keys move
through the list; <b>Right</b> opens a group and <b>Left</b> closes it.</p>
"""


def about_html(credit: str) -> str:
    return (
        f"<h3>ReformKit {escape(reformkit.__version__)}</h3>"
        "<p>An offline toolkit for drafting Respect Charters and Local Reform Plans, "
        "built on the 22 recommendations of the Demos briefing <i>The Reform Dividend</i>.</p>"
        "<p>It works without an internet connection. Your work stays on this computer.</p>"
        f"<p>{escape(credit)}</p>"
        "<p>The briefing's text is used under the Creative Commons Attribution-ShareAlike "
        "3.0 licence (CC BY-SA 3.0).</p>"
    )


def show_about(parent: QWidget, credit: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About ReformKit")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(about_html(credit))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box


class HelpDialog(QDialog):
    """A short, scrollable help page; it stays open beside the window while you try things."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(HELP_TITLE)
        self.resize(520, 560)
        self.page = DetailView(self)
        self.page.setAccessibleName("Help")
        self.page.setHtml(HELP_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
