"""A whole workshop run from a charter, by keyboard as a facilitator would: 30 points
captured, grouped into themes (by keys and by a drag), the Table 1 canvas, a dot vote, two
points used in the charter, then the record and the charter exported with their provenance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop.grouping_view import MIME, ThemeList
from desktop.workshop.window import WorkshopWindow
from reformkit.catalogue.store import Catalogue
from reformkit.export.run import export_document
from tests.desktop.workshop.conftest import document_window, prompts_of, run_workshop
from workshop.canvas import TABLE_ONE
from workshop.parts import TYPED, Method
from workshop.record import Contribution, Theme, read_record

POINTS = [
    "Staff: we need time to build relationships",
    "Citizens: nobody listens when we ring the council",
    "Families: one worker who knows us, not five",
    "Partners: share data so people tell their story once",
    "Lived experience: treat us as people not cases",
] + [f"Point number {n} about the service" for n in range(6, 31)]

ONLY = QItemSelectionModel.SelectionFlag.ClearAndSelect


def add_activity(
    qtbot: QtBot, window: WorkshopWindow, title: str, method: Method, prompt: str
) -> None:
    panel = window.activities
    panel.title.setFocus()
    QTest.keyClicks(panel.title, title)
    panel.method.setCurrentIndex(list(Method).index(method))
    QTest.keyClicks(panel.prompt, prompt)
    QTest.keyClick(panel.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_activity() is not None)
    activity = window.current_activity()
    assert activity is not None and activity.title == title


def capture(qtbot: QtBot, window: WorkshopWindow, lines: list[str]) -> None:
    line = window.capture.line
    for text in lines:
        QTest.keyClicks(line, text)
        QTest.keyClick(line, Qt.Key.Key_Return)
        assert line.text() == ""  # taken, ready for the next


def drop_on(view: ThemeList, ids: list[str]) -> None:
    """What a drag ending on ``view`` delivers: the points' ids under the workshop's type."""
    data = QMimeData()
    data.setData(MIME, "\n".join(ids).encode())
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_a_whole_workshop_in_a_charter(
    qtbot: QtBot, session: AppSession, catalogue: Catalogue, tmp_path: Path
) -> None:
    charter = document_window(qtbot, session, tmp_path)
    window = run_workshop(qtbot, charter)
    project = window.project
    record = read_record(project.document)
    assert (record.title, record.place) == ("Hexham workshop", "Hexham library")
    assert record.date == "2027-03-03"

    # Capture: 30 points by keyboard; a line without a group takes the chosen default.
    add_activity(qtbot, window, "What matters", Method.IDEAS, "What matters most to you?")
    window.capture.group.setCurrentText("Citizens")
    capture(qtbot, window, POINTS)
    said = read_record(project.document).contributions
    assert len(said) == 30
    assert [c.group for c in said[:5]] == [
        "Staff",
        "Citizens",
        "Families",
        "Partners",
        "People with lived experience",
    ]
    assert said[0].text == "we need time to build relationships"
    assert {c.group for c in said[5:]} == {"Citizens"}
    assert all(c.via == TYPED for c in said)
    qtbot.waitUntil(lambda: window.capture.list.count() == 30)

    # Group: choose points by keyboard, Ctrl+T makes a theme of them.
    window.show_tab(1)
    loose = window.grouping.lists[0]
    loose.setFocus()
    loose.setCurrentRow(0, ONLY)
    for _ in range(2):
        QTest.keyClick(loose, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.grouping.chosen()) == 3
    prompts_of(session).texts.append("Being listened to")
    window.actions_by_name["new_theme"].trigger()
    qtbot.waitUntil(lambda: len(window.grouping.lists) == 2)
    assert window.grouping.lists[1].count() == 3
    prompts_of(session).texts.append("Joined-up help")
    loose = window.grouping.lists[0]
    loose.clearSelection()
    window.actions_by_name["new_theme"].trigger()  # an empty theme, filled below
    qtbot.waitUntil(lambda: len(window.grouping.lists) == 3)
    # The number key files the chosen points under theme 2.
    loose = window.grouping.lists[0]
    loose.setFocus()
    loose.setCurrentRow(0, ONLY)
    QTest.keyClick(loose, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(loose, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.grouping.lists[2].count() == 2)
    # And a drag: two more points dropped on the first theme.
    loose = window.grouping.lists[0]
    ids = [str(loose.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(2)]
    drop_on(window.grouping.lists[1], ids)
    qtbot.waitUntil(lambda: window.grouping.lists[1].count() == 5)
    record = read_record(project.document)
    themes = record.themes_for(record.activities[0].id)
    assert [t.name for t in themes] == ["Being listened to", "Joined-up help"]
    by_theme = {t.name: [c for c in record.contributions if c.theme_id == t.id] for t in themes}
    assert len(by_theme["Being listened to"]) == 5 and len(by_theme["Joined-up help"]) == 2

    # The canvas: arrows choose the place, then why, Enter places.
    add_activity(qtbot, window, "Where we are", Method.CANVAS, "Where is our service today?")
    assert window.tabs.currentWidget() is window.canvas
    grid = window.canvas.grid
    grid.setFocus()
    grid.setCurrentCell(0, 1)
    QTest.keyClick(grid, Qt.Key.Key_Right)  # row 1, position 2
    QTest.keyClick(grid, Qt.Key.Key_Down)  # row 2, position 2
    assert (window.canvas.row.currentIndex(), window.canvas.position.currentIndex()) == (1, 1)
    for why in ("We copy what other councils do", "Some local ideas"):
        QTest.keyClicks(window.canvas.why, why)
        QTest.keyClick(window.canvas.why, Qt.Key.Key_Return)

    def cell(row: int, column: int) -> str:
        item = grid.item(row, column)
        return item.text() if item is not None else ""

    qtbot.waitUntil(lambda: cell(1, 2) == "2")
    assert cell(0, 0) == TABLE_ONE[0].from_words
    assert cell(5, 6) == TABLE_ONE[5].to_words
    assert "The Reform Dividend, p.11" in window.canvas.source.text()
    canvas_id = read_record(project.document).activities[1].id
    assert read_record(project.document).canvas_counts(canvas_id)[2] == [0, 2, 0, 0, 0]

    # The vote: options from the themes, three dots each, typed in per person.
    add_activity(qtbot, window, "What first", Method.VOTE, "What should we do first?")
    vote = window.vote
    vote.from_themes.click()
    qtbot.waitUntil(lambda: len(vote.spins) == 2)
    for first, second in ((3, 0), (2, 1), (0, 3)):
        vote.spins[0][1].setValue(first)
        vote.spins[1][1].setValue(second)
        QTest.keyClick(vote.record_button, Qt.Key.Key_Space)
        QApplication.processEvents()
    vote_id = read_record(project.document).activities[2].id
    qtbot.waitUntil(lambda: vote.chart.results == [("Being listened to", 5), ("Joined-up help", 4)])
    assert read_record(project.document).tally(vote_id) == vote.chart.results
    assert "Being listened to: 5 dots." in vote.chart.accessibleDescription()
    too_many = prompts_of(session).errors[:]
    vote.spins[0][1].setValue(3)
    vote.spins[1][1].setValue(3)
    vote.record_votes()  # six dots when each has three: refused, in plain words
    assert len(prompts_of(session).errors) == len(too_many) + 1

    # Use two in the charter: a theme and a point.
    targets = session.kinds.get("charter").promotion_targets
    assert targets, "a charter offers places for a workshop's points"
    window.activities.choose(read_record(project.document).activities[0].id)
    window.show_tab(1)
    theme_list = window.grouping.lists[1]
    theme_list.setFocus()
    theme_list.clearSelection()  # no point chosen in the theme's list: the theme itself
    prompts_of(session).choices.append(targets[0].label)
    prompts_of(session).texts.append("We listen first")
    window.promote()
    window.show_tab(0)
    window.capture.list.setFocus()
    window.capture.list.setCurrentRow(3, ONLY)
    prompts_of(session).choices.append(targets[0].label)
    prompts_of(session).texts.append("Tell your story once")
    window.promote()
    record = read_record(project.document)
    sources: list[Contribution | Theme] = [*record.contributions, *record.themes]
    promoted = [c for c in sources if c.promoted_to]
    assert len(promoted) == 2, (prompts_of(session).errors, window.statusBar().currentMessage())
    made = [project.document.find_item(c.promoted_to[0])[1] for c in promoted]
    assert {m.fields.get(targets[0].title_field) for m in made} >= {"Tell your story once"}
    assert "Hexham workshop" in window.statusBar().currentMessage()

    # Export the charter: the provenance line under each promoted clause, and the appendix.
    spec = session.kinds.get("charter")
    target = tmp_path / "charter.md"
    export_document(
        project.document,
        spec,
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
        "md",
        target,
    )
    text = target.read_text(encoding="utf-8")
    assert "From the Hexham workshop" in text
    assert "Appendix: how people shaped this document" in text
    assert "we need time to build relationships" in text

    # And the workshop record on its own.
    from workshop.record_export import export_record

    record_target = tmp_path / "record.md"
    export_record(
        project.document,
        session.kinds,
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
        "md",
        record_target,
    )
    record_text = record_target.read_text(encoding="utf-8")
    assert "What should we do first?" in record_text
    assert "Tell your story once" in record_text  # what became of the point
    assert "We listen first" in record_text  # and of the theme
