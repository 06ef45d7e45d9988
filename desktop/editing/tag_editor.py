"""Choosing the recommendations a part answers: the 22 as a checklist, with suggestions.

Suggestions come from ranking the part's own words against the catalogue, from the catalogue
entry an item was drawn from ("the briefing links P4 to R16") and from the part it sits in;
each says why. A suggestion is never an answer: the user accepts it with one click, which ticks
it, or ignores it.
"""

from __future__ import annotations

from html import escape

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
from reformkit.document.tagging import Suggestion, suggest_tags


class TagEditor(QWidget):
    tags_changed = Signal(list)  # the ticked recommendation ids, in number order

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self._text = ""
        self._offered: list[Suggestion] = []
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
        self.offered = QLabel(self)  # suggestions with their reasons, shown when there are some
        self.offered.setWordWrap(True)
        self.offered.setTextFormat(Qt.TextFormat.RichText)
        self.offered.setTextInteractionFlags(self.suggestions.textInteractionFlags())
        self.offered.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.offered.setAccessibleName("Suggested recommendations, with why")
        self.offered.linkActivated.connect(self._accept_suggestion)
        self.offered.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.suggestions, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.offered)
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

    def set_offered(self, suggestions: list[Suggestion]) -> None:
        """Suggestions with their reasons (catalogue links, the part): none is ticked."""
        self._offered = list(suggestions)
        self._show_offered()

    def offered_tags(self) -> list[str]:
        """The suggested tags still waiting for the user, in the order shown."""
        ticked = set(self.tags())
        return [s.tag for s in self._offered if s.tag not in ticked]

    def _show_offered(self) -> None:
        ticked = set(self.tags())
        waiting = [s for s in self._offered if s.tag not in ticked]
        self.offered.setVisible(bool(waiting))
        lines = [f'<a href="{s.tag}">{s.tag}</a>: {escape(s.reason)}' for s in waiting]
        self.offered.setText(
            "Suggested, not yet answers (click one to accept it):<br>" + "<br>".join(lines)
        )

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
        if self.suggestions.text():
            self.suggest()

    def _ticked(self, _item: QListWidgetItem) -> None:
        self._show_summary()
        self.tags_changed.emit(self.tags())

    def _show_summary(self) -> None:
        self._show_offered()
        tags = self.tags()
        self.summary.setText("Answers: " + (", ".join(tags) if tags else "none yet"))
