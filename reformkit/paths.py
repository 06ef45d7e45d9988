"""Where ReformKit keeps the user's files, chosen per platform by platformdirs.

Nothing here is global: callers pass the folders they resolved to the objects that need them.
``REFORMKIT_HOME`` overrides everything, for tests and for a portable install on a USB stick.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from reformkit import APP_NAME

HOME_VARIABLE = "REFORMKIT_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The folders ReformKit writes to."""

    data: Path
    config: Path
    documents: Path  # where new charters and plans are offered a home
    logs: Path  # the rotating log file (see reformkit.logs)

    @property
    def library(self) -> Path:
        """The user's catalogue library (seed plus their own entries)."""
        return self.data / "library.sqlite"

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get(HOME_VARIABLE)
        if home:
            root = Path(home)
            return cls(
                data=root / "data",
                config=root / "config",
                documents=root / "documents",
                logs=root / "logs",
            )
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            documents=Path(dirs.user_documents_dir) / APP_NAME,
            logs=Path(dirs.user_log_dir),
        )
