"""Fixtures for the desktop tests: a catalogue browser window on an in-memory catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import create_main_window, open_settings
from desktop.main_window import MainWindow
from reformkit.catalogue.store import Catalogue


@pytest.fixture
def settings_folder(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def window(qtbot, catalogue: Catalogue, settings_folder: Path) -> Iterator[MainWindow]:
    main = create_main_window(catalogue, open_settings(settings_folder))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
