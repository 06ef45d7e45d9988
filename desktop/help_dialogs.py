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


DOCUMENT_HELP_TITLE = "How to write your document"

DOCUMENT_HELP_HTML = """
<h2>How to write your document</h2>
<p>There is no Save button. Every change is kept in the file as you make it. You can close
the window or switch off the laptop at any time.</p>
<h3>The parts</h3>
<p>The list on the left shows the parts of your charter or plan. Choose one to edit it in the
middle. The preview on the right shows how it will look, and follows what you are editing.</p>
<h3>The briefing</h3>
<p>The <b>Catalogue</b> panel holds the briefing's principles, rights, duties and more. Choose
one and press <b>Add</b>, or drag it onto a part. It keeps a note of where it came from, so
you will be told if that entry changes later.</p>
<h3>Recommendations</h3>
<p>Every part says which of the briefing's 22 recommendations it answers. The
<b>Coverage</b> panel shows what your document answers, what is missing, and which
recommendations are for national government only.</p>
<h3>Undo</h3>
<p><b>Ctrl+Z</b> undoes your last change and <b>Ctrl+Shift+Z</b> redoes it.</p>
<h3>Versions</h3>
<p>Take a snapshot when a version is agreed, for example by the Board. You can compare any
two snapshots, or a snapshot with now.</p>
<h3>Export</h3>
<p><b>File › Export</b> (Ctrl+E) writes a Word document, in your organisation's style if you
give it your template, or Markdown, or a web page.</p>
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

    def __init__(
        self, parent: QWidget | None = None, title: str = HELP_TITLE, html: str = HELP_HTML
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 560)
        self.page = DetailView(self)
        self.page.setAccessibleName("Help")
        self.page.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
