"""Stand-ins for the user's answers to dialogs, so no test ever waits on a modal window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.prompts import Prompts


class FakePrompts(Prompts):
    """Answers every question from queues set by the test, and records what was said."""

    def __init__(self) -> None:
        self.paths: list[Path | None] = []
        self.texts: list[str | None] = []
        self.choices: list[str | None] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []

    def open_path(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def text(self, parent: QWidget | None, title: str, label: str, value: str) -> str | None:
        return self.texts.pop(0) if self.texts else None

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.errors.append((title, message))

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        self.infos.append((title, message))

    def choose(
        self, parent: QWidget | None, title: str, message: str, choices: list[str]
    ) -> str | None:
        return self.choices.pop(0) if self.choices else None
