"""A panel not yet on screen starts its first run once the app has painted (or after
FIRST_PAINT_WAIT_MS); a panel on screen, and every later run, starts at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop import background
from desktop.background import LatestResult


def _worker(parent: QWidget, shown: list[object], prepared: list[int]) -> LatestResult:
    def prepare() -> object:
        prepared.append(1)
        return lambda: "done"

    worker = LatestResult(shown.append, parent)
    worker.start(prepare)  # type: ignore[arg-type]
    return worker


def _running(worker: LatestResult) -> bool:
    return worker.running


def test_a_hidden_panels_first_run_waits_for_a_paint(qtbot: QtBot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    shown: list[object] = []
    prepared: list[int] = []
    worker = _worker(panel, shown, prepared)
    assert worker.running and not prepared  # held: no snapshot taken yet
    window = QLabel("The window")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)
    assert not _running(worker)
    worker.start(lambda: lambda: "again")
    assert prepared and _running(worker)  # later runs start at once
    qtbot.waitUntil(lambda: shown == ["done", "again"], timeout=3000)


def test_a_shown_panel_starts_at_once(qtbot: QtBot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    shown: list[object] = []
    prepared: list[int] = []
    _worker(panel, shown, prepared)
    assert prepared == [1]
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)


def test_a_panel_never_painted_starts_after_the_wait(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "_after_paint", None)
    monkeypatch.setattr(background, "FIRST_PAINT_WAIT_MS", 50)
    panel = QWidget()
    qtbot.addWidget(panel)
    shown: list[object] = []
    prepared: list[int] = []
    _worker(panel, shown, prepared)
    assert not prepared
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)


def test_panels_work_runs_one_at_a_time(qtbot: QtBot) -> None:
    """Side by side, panels' Python work would starve the UI thread of the interpreter."""
    import threading

    panel = QWidget()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    lock = threading.Lock()
    inside = [0]
    most = [0]
    shown: list[object] = []

    def work() -> object:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        sum(range(200_000))  # long enough for another thread to start, if one could
        with lock:
            inside[0] -= 1
        return "done"

    workers = [LatestResult(shown.append, panel) for _ in range(4)]
    for worker in workers:
        worker.start(lambda: work)
    qtbot.waitUntil(lambda: len(shown) == 4, timeout=5000)
    assert most[0] == 1
    assert background.panels_pool().maxThreadCount() == 1


def _held_by_a_builder(
    qtbot: QtBot,
) -> tuple[QWidget, QWidget, list[object], list[int], QLabel]:
    """A builder still at work, a hidden panel's first run waiting, and a window shown (kept
    by the caller: its paint is what the first run waits for)."""
    builder = QWidget()
    qtbot.addWidget(builder)
    background.building_on_screen(builder)
    panel = QWidget()
    qtbot.addWidget(panel)
    shown: list[object] = []
    prepared: list[int] = []
    _worker(panel, shown, prepared)
    window = QLabel("The window")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return builder, panel, shown, prepared, window


def test_first_runs_wait_while_a_window_is_still_being_built(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big plan's parts tree is finished after the first paint, on the UI thread; the
    panels' workers start once it is, so they do not slow it down."""
    monkeypatch.setattr(background, "_settling", None)
    builder, _, shown, prepared, _window = _held_by_a_builder(qtbot)
    qtbot.wait(100)  # painted, but the builder has not finished
    assert not prepared
    background.built_on_screen(builder)
    assert prepared == [1]
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)


def test_a_builder_that_never_finishes_holds_first_runs_only_for_the_wait(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "_settling", None)
    monkeypatch.setattr(background, "FIRST_PAINT_WAIT_MS", 50)
    _, panel, shown, _, _window = _held_by_a_builder(qtbot)
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)
    # Forgotten after the wait: the next panel is not held for it.
    later: list[object] = []
    _worker(panel, later, [])
    qtbot.waitUntil(lambda: later == ["done"], timeout=3000)
