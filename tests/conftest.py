"""Shared test set-up: no test touches the real user folders or needs a screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def reformkit_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point ReformKit's data and config folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REFORMKIT_HOME", str(home))
    return home


@pytest.fixture
def catalogue() -> Iterator[object]:
    """An in-memory catalogue loaded from the bundled seed."""
    from reformkit.catalogue.store import Catalogue

    store = Catalogue.open(None)
    yield store
    store.close()
