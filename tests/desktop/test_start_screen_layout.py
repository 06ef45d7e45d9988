"""The start screen with three kinds and three samples: a column per kind with each sample
under its kind, fewer columns when the text is large, nothing cut off, and the arrow keys,
Enter and a scroll into view still working as laid out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCommandLinkButton, QLabel
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.start_screen import StartScreen
from desktop.text_size import text_size
from tests.desktop.windows_helpers import session

__all__ = ["session"]

WIDE = (1200, 800)  # room for three columns of choices


def shown(qtbot: QtBot, session: AppSession, size: tuple[int, int] = WIDE) -> StartScreen:
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.resize(*size)
    start.show()
    qtbot.waitExposed(start)
    return start


def place(start: StartScreen, key: str) -> tuple[int, int]:
    grid = start.choices.grid
    position = grid.getItemPosition(grid.indexOf(start.buttons[key]))
    return position[0], position[1]  # type: ignore[index]


def headings(start: StartScreen) -> list[str]:
    return [label.text() for label in start.choices.findChildren(QLabel)]


def test_each_kind_has_a_column_with_its_sample_below_it(qtbot: QtBot, session: AppSession) -> None:
    kinds = list(session.kinds)
    assert len(kinds) >= 3, "this test is about three kinds"
    start = shown(qtbot, session)
    assert start.choices.columns == 3
    samples = {sample.name: sample for sample in session.kinds.samples()}
    for spec in kinds[:3]:
        sample = spec.sample
        assert sample is not None and sample.name in samples
        new_row, new_column = place(start, spec.kind)
        sample_row, sample_column = place(start, start.sample_keys[sample.name])
        assert sample_column == new_column and sample_row > new_row, spec.kind
    assert place(start, "open")[0] > max(place(start, k)[0] for k in start.sample_keys.values())
    # A sample named like a kind (the workshop's) still has its own choice.
    texts = [button.text() for button in start.buttons.values()]
    assert len(texts) == len(set(texts)) == 2 + len(kinds) + len(samples)
    assert headings(start) == ["Start something new", "See a finished example", "Or"]


def test_large_text_takes_fewer_columns_and_cuts_nothing_off(
    qtbot: QtBot, session: AppSession
) -> None:
    start = shown(qtbot, session, (1180, 660))
    assert start.choices.columns == 3
    text_size(session.settings).set_percent(200)
    qtbot.waitUntil(lambda: start.choices.columns < 3)
    body = start.scroller.widget()
    assert body is not None
    qtbot.waitUntil(lambda: body.width() <= start.scroller.viewport().width())
    for key, button in start.buttons.items():
        assert button.width() >= button.minimumSizeHint().width(), key
        assert button.height() >= button.heightForWidth(button.width()), key
    # Back to normal: three columns again.
    text_size(session.settings).reset()
    qtbot.waitUntil(lambda: start.choices.columns == 3)


def test_a_narrow_window_has_one_column_and_the_keys_follow_it(
    qtbot: QtBot, session: AppSession
) -> None:
    start = shown(qtbot, session, (420, 400))
    assert start.choices.columns == 1
    first = start.buttons[next(iter(session.kinds)).kind]
    first.setFocus()
    QTest.keyClick(first, Qt.Key.Key_Right)  # nothing to the right: the focus stays
    assert start.focusWidget() is first
    # Down through every choice, past the headings; the last is scrolled into view.
    ordered = sorted(start.buttons.values(), key=lambda b: place_of(start, b))
    for button in ordered[1:]:
        focused = start.focusWidget()
        assert isinstance(focused, QCommandLinkButton)
        QTest.keyClick(focused, Qt.Key.Key_Down)
        assert start.focusWidget() is button
    bar = start.scroller.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() > 0
    last = ordered[-1]
    top_left = last.mapTo(start.scroller.viewport(), last.rect().topLeft())
    assert 0 <= top_left.y() < start.scroller.viewport().height()
    QTest.keyClick(last, Qt.Key.Key_Up)
    assert start.focusWidget() is ordered[-2]


def place_of(start: StartScreen, button: QCommandLinkButton) -> tuple[int, int]:
    grid = start.choices.grid
    position = grid.getItemPosition(grid.indexOf(button))
    return position[0], position[1]  # type: ignore[index]


def test_enter_on_a_sample_opens_it(qtbot: QtBot, session: AppSession) -> None:
    start = shown(qtbot, session)
    spec = list(session.kinds)[-1]
    assert spec.sample is not None
    button = start.buttons[start.sample_keys[spec.sample.name]]
    start.buttons["catalogue"].setFocus()
    QTest.keyClick(start.buttons["catalogue"], Qt.Key.Key_Up)  # up into the samples
    assert start.focusWidget() in [start.buttons[k] for k in start.sample_keys.values()]
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(session.windows), timeout=10000)
    assert session.windows[-1].project.document.kind == spec.kind
