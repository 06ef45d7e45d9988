"""The documents opened lately, most recent first, kept in the settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/files"
LIMIT = 10


class RecentFiles:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def paths(self) -> list[Path]:
        """Recent documents that still exist."""
        stored = self.settings.value(KEY, [], list)
        stored = stored if isinstance(stored, list) else []
        return [Path(p) for p in stored if Path(p).is_file()]

    def add(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        others = [str(p) for p in self.paths() if str(p) != resolved]
        self.settings.setValue(KEY, [resolved, *others][:LIMIT])

    def forget(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        self.settings.setValue(KEY, [str(p) for p in self.paths() if str(p) != resolved])
