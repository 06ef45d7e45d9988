"""Once background work has started, the collector's full passes are made when a pause does
not matter: after a while with no background work, and when a document window closes."""

from __future__ import annotations

import gc
import weakref

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


def test_background_work_leaves_full_passes_to_the_app(qtbot: QtBot) -> None:
    done: list[object] = []
    run_in_background(lambda: "checked", done.append, done.append)
    assert gc.get_threshold()[2] >= heap.RARELY
    qtbot.waitUntil(lambda: done == ["checked"], timeout=5000)


def test_the_full_pass_follows_a_while_without_background_work(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heap, "FULL_PASS_IDLE_MS", 50)
    loop = _Loop()
    alive = weakref.ref(loop)
    gc.collect()  # it lives through a full pass: among the old objects, now
    del loop
    done: list[object] = []
    run_in_background(lambda: "checked", done.append, done.append)
    qtbot.waitUntil(lambda: done == ["checked"] and alive() is None, timeout=5000)


def test_a_full_pass_follows_when_a_document_window_closes(
    qtbot: QtBot,
    session: AppSession,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_sample(qtbot, session, 0)
    passes: list[bool] = []
    monkeypatch.setattr(heap, "full_pass_soon", lambda: passes.append(True))
    window.close()
    assert passes == [True]
