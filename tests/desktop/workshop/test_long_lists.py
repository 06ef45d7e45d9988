"""A long session's lists change only where they changed: arrivals are added at the end, the
rows already shown stay (with their selection), and the window gathers the room's drains into
one refresh. Whatever the change, the list ends up showing exactly the rows it was given."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QListWidget
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop.common import ID_ROLE, fill_list, long_list, selected_ids
from reformkit.document.inbox import InboxWriter
from tests.desktop.workshop.conftest import document_window, run_workshop
from tests.desktop.workshop.test_full_workshop import add_activity
from workshop.parts import Method


def shown(view: QListWidget) -> list[tuple[str, str]]:
    return [(str(view.item(n).data(ID_ROLE)), view.item(n).text()) for n in range(view.count())]


def rows_of(ids: list[int], words: dict[int, str]) -> list[tuple[str, str]]:
    return [(f"id{n}", words.get(n, f"Point {n}")) for n in ids]


def test_arrivals_are_added_and_the_rows_shown_stay(qapp: QApplication) -> None:
    view = QListWidget()
    fill_list(view, rows_of(list(range(5)), {}))
    view.item(1).setSelected(True)
    kept = [view.item(n) for n in range(5)]
    fill_list(view, rows_of(list(range(8)), {}))
    assert [view.item(n) for n in range(5)] == kept  # the same rows, not made again
    assert shown(view) == rows_of(list(range(8)), {})
    assert selected_ids(view) == ["id1"]


def test_changed_words_and_rows_taken_out_change_only_those_rows(qapp: QApplication) -> None:
    view = QListWidget()
    fill_list(view, rows_of(list(range(6)), {}))
    last = view.item(5)
    fill_list(view, rows_of([0, 1, 3, 4, 5], {4: "Point 4 (hidden)"}))
    assert shown(view) == rows_of([0, 1, 3, 4, 5], {4: "Point 4 (hidden)"})
    assert view.item(4) is last


def test_not_keeping_clears_the_selection(qapp: QApplication) -> None:
    view = QListWidget()
    fill_list(view, rows_of([1, 2], {}))
    view.item(0).setSelected(True)
    fill_list(view, rows_of([1, 2], {}), keep=False)
    assert selected_ids(view) == []


def test_a_list_changed_some_other_way_is_read_again(qapp: QApplication) -> None:
    view = QListWidget()
    fill_list(view, rows_of([1, 2, 3], {}))
    view.clear()
    view.addItem("Someone else's row")
    fill_list(view, rows_of([1, 2], {}))
    assert shown(view) == rows_of([1, 2], {})


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.lists(st.integers(0, 12), unique=True, max_size=10),
            st.dictionaries(st.integers(0, 12), st.sampled_from(["a", "b"]), max_size=3),
            st.lists(st.integers(0, 12), max_size=3),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_list_shows_exactly_the_rows_given_and_keeps_what_stays_chosen(
    qapp: QApplication, steps: list[tuple[list[int], dict[int, str], list[int]]]
) -> None:
    view = QListWidget()
    view.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
    for ids, words, choose in steps:
        before = set(selected_ids(view))
        rows = rows_of(ids, words)
        fill_list(view, rows)
        assert shown(view) == rows
        assert set(selected_ids(view)) == before & {row_id for row_id, _ in rows}
        for n in choose:
            if n < view.count():
                view.item(n).setSelected(True)


def test_a_long_list_is_laid_out_in_batches(qapp: QApplication) -> None:
    view = QListWidget()
    long_list(view)
    assert view.layoutMode() == QListView.LayoutMode.Batched


def test_the_rooms_drains_reach_the_window_without_refilling_its_lists(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = run_workshop(qtbot, document_window(qtbot, session, tmp_path))
    add_activity(qtbot, window, "Ideas", Method.IDEAS, "What would help?")
    activity = window.current_activity()
    assert activity is not None
    lists = (window.capture.list, window.room.arrived)
    with InboxWriter(window.project.path) as writer:
        for n in range(3):
            writer.put("contribution", {"activity": activity.id, "text": f"Idea {n}"})
        window.project.drain_inbox()
        qtbot.waitUntil(lambda: all(view.count() == 3 for view in lists))
        first = [view.item(0) for view in lists]
        window.capture.list.item(0).setSelected(True)
        for n in range(3, 5):
            writer.put("contribution", {"activity": activity.id, "text": f"Idea {n}"})
        window.project.drain_inbox()
        qtbot.waitUntil(lambda: all(view.count() == 5 for view in lists))
    assert [view.item(0) for view in lists] == first
    assert [view.item(4).text().endswith("Idea 4") for view in lists] == [True, True]
    assert selected_ids(window.capture.list) == [
        str(window.capture.list.item(0).data(Qt.ItemDataRole.UserRole))
    ]
