"""A small dialog to add a right, duty, principle or clause of one's own to the library."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.tag_editor import TagEditor
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.kinds import KINDS, user_kinds
from reformkit.catalogue.store import Catalogue
from reformkit.errors import ReformKitError

TITLE = "New entry in my library"
INTRO = (
    "Add your own right, duty, principle or clause. It is kept in your library on this "
    "computer, and updating ReformKit never changes or removes it."
)


class LibraryEntryDialog(QDialog):
    """Asks for a kind, a title, the words and the recommendations it answers.

    Pressing "Add to my library" stores the entry in the catalogue; a problem (an empty title,
    say) is shown in the dialog, which stays open. ``entry`` is the new entry once accepted.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        kind: str | None = None,
        related: Sequence[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.catalogue = catalogue
        self.entry: Entry | None = None
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(480)

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of entry")
        for name in user_kinds():
            self.kind.addItem(KINDS[name].label, name)
        if kind in user_kinds():
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("A few words, such as “Protected time to reflect”")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Text")
        self.text.setPlaceholderText("The words as they should appear in a document")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.text.setMaximumHeight(140)
        self.related = TagEditor(catalogue)
        self.related.list.setAccessibleName("Recommendations this entry answers")
        self.related.set_tags([r for r in related if r.startswith("R")])
        self.text.textChanged.connect(self._text_changed)
        self.title.textChanged.connect(self._text_changed)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("&Kind:", self.kind)
        form.addRow("&Title:", self.title)
        form.addRow("T&ext:", self.text)
        form.addRow("Recommendations:", self.related)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("Add to my library")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def fill(self, kind: str, title: str, text: str, related: Sequence[str] = ()) -> None:
        """Set every field at once (handy for scripts and tests)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.title.setText(title)
        self.text.setPlainText(text)
        self.related.set_tags(list(related))

    def accept(self) -> None:
        try:
            self.entry = self.catalogue.add(
                str(self.kind.currentData()),
                self.title.text(),
                self.text.toPlainText(),
                related=self.related.tags(),
            )
        except ReformKitError as error:
            self.problem.setText(str(error))
            self.problem.show()
            (self.title if not self.title.text().strip() else self.text).setFocus()
            return
        super().accept()

    def _text_changed(self) -> None:
        self.problem.hide()
        self.related.set_suggestion_text(f"{self.title.text()}\n{self.text.toPlainText()}")
