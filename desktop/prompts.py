"""Every question the app asks the user, in one replaceable place.

Native file dialogs and message boxes block until answered; tests hand the app a Prompts
whose methods answer at once. Nothing else in the app calls a modal dialog directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

DOCUMENT_FILTER = "ReformKit documents (*.reformkit)"


class Prompts:
    def open_path(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, title, str(folder), f"{DOCUMENT_FILTER};;All files (*)"
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), DOCUMENT_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix == ".reformkit" else path.with_name(path.name + ".reformkit")

    def text(self, parent: QWidget | None, title: str, label: str, value: str) -> str | None:
        text, accepted = QInputDialog.getText(
            parent, title, label, QLineEdit.EchoMode.Normal, value
        )
        return text.strip() if accepted and text.strip() else None

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)

    def choose(
        self, parent: QWidget | None, title: str, message: str, choices: list[str]
    ) -> str | None:
        """Ask a question with the given buttons; return the chosen one (None: cancelled)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
        buttons: dict[QAbstractButton, str] = {
            box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice for choice in choices
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.get(clicked) if clicked is not None else None
