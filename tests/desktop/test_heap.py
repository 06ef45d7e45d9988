"""What is alive once the background work is done is frozen out of the collector's full
passes, and everything is collected again when a document window closes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop import heap
from desktop.background import run_in_background
from desktop.session import AppSession
from tests.desktop.windows_helpers import open_sample, session  # noqa: F401 (a fixture)


class _Loop:
    """An object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_what_is_alive_when_the_work_is_done_is_frozen_until_released(qtbot: QtBot) -> None:
    loop = _Loop()
    alive = weakref.ref(loop)
    done: list[object] = []
    run_in_background(lambda: "checked", done.append, done.append)
    qtbot.waitUntil(lambda: done == ["checked"] and gc.get_freeze_count() > 0, timeout=5000)
    del loop
    gc.collect()
    assert alive() is not None, "frozen: the full pass did not walk it"
    heap.release_frozen()
    qtbot.waitUntil(lambda: alive() is None, timeout=5000)


def test_the_frozen_objects_are_released_when_a_document_window_closes(
    qtbot: QtBot,
    session: AppSession,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_sample(qtbot, session, 0)
    released: list[bool] = []
    monkeypatch.setattr(heap, "release_frozen", lambda: released.append(True))
    window.close()
    assert released == [True]
