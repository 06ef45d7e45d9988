"""Choosing the recommendations a part answers: the 22 as a checklist, with suggestions.

Suggestions come from ranking the part's own words against the catalogue; the user accepts
them with one click or ignores them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reformkit.catalogue.store import Catalogue
from reformkit.document.tagging import suggest_tags


class TagEditor(QWidget):
    tags_changed = Signal(list)  # the ticked recommendation ids, in number order

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self._text = ""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Recommendations this part answers")
        self.list.setMaximumHeight(self.fontMetrics().height() * 9)  # grows with scaling
        for entry in catalogue.entries("recommendation"):
            row = QListWidgetItem(f"{entry.id}  {entry.title}")
            row.setData(Qt.ItemDataRole.UserRole, entry.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            if entry.is_national_context:
                row.setToolTip("Addressed to central government; answering it is optional.")
            self.list.addItem(row)
        self.list.itemChanged.connect(self._ticked)
        self.suggest_button = QPushButton("Suggest from the text", self)
        self.suggest_button.setToolTip("Find the recommendations these words are most like.")
        self.suggest_button.clicked.connect(self.suggest)
        self.suggestions = QLabel(self)
        self.suggestions.setWordWrap(True)
        self.suggestions.setTextFormat(Qt.TextFormat.RichText)
        self.suggestions.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.suggestions.setAccessibleName("Suggested recommendations")
        self.suggestions.linkActivated.connect(self._accept_suggestion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.suggestions, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._show_summary()

    def tags(self) -> list[str]:
        ticked = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ticked

    def set_tags(self, tags: list[str]) -> None:
        """Show ``tags`` ticked, without reporting a change."""
        blocked = self.list.blockSignals(True)
        try:
            for row in range(self.list.count()):
                item = self.list.item(row)
                ticked = item.data(Qt.ItemDataRole.UserRole) in tags
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self.list.blockSignals(blocked)
        self._show_summary()

    def set_suggestion_text(self, text: str) -> None:
        """The words suggestions are drawn from (the part's title and text)."""
        self._text = text
        self.suggestions.clear()

    def suggest(self) -> list[str]:
        found = [t for t in suggest_tags(self._text, self.catalogue) if t not in self.tags()]
        if not found:
            self.suggestions.setText("No new suggestions for these words.")
            return []
        links = ", ".join(f'<a href="{tag}">{tag}</a>' for tag in found)
        self.suggestions.setText(f"Suggested: {links} (click to add)")
        return found

    def _accept_suggestion(self, tag: str) -> None:
        self.set_tags([*self.tags(), tag])
        self.tags_changed.emit(self.tags())
        self.suggest()

    def _ticked(self, _item: QListWidgetItem) -> None:
        self._show_summary()
        self.tags_changed.emit(self.tags())

    def _show_summary(self) -> None:
        tags = self.tags()
        self.summary.setText("Answers: " + (", ".join(tags) if tags else "none yet"))
