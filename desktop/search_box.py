"""The search box: searches as you type, after a short pause, so each key press stays fast."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

PLACEHOLDER = "Search the briefing and your library"
DEBOUNCE_MS = 200


class SearchBox(QLineEdit):
    """Emits ``search_requested`` once typing pauses; Down or Enter moves into the results."""

    search_requested = Signal(str)
    leave_requested = Signal()  # Down or Enter: move the focus to the list below

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search")
        self.setAccessibleDescription(
            "Type words to find in the briefing and your library. Results appear as you type."
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._text_changed)

    def flush(self) -> None:
        """Search now for what is in the box, without waiting for the pause."""
        self._timer.stop()
        self.search_requested.emit(self.text().strip())

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.flush()  # clearing the box returns to the tree at once
        else:
            self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.flush()
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)
