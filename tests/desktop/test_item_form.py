"""The generated item form writes each change at once, and explains values it cannot use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import ItemForm
from plans import PLAN
from reformkit.document.project import Project


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "p.reformkit", PLAN, "Plan")
    editor = DocumentEditor(project)
    yield editor
    project.close()


def _section(editor: DocumentEditor, key: str) -> str:
    return next(s.id for s in editor.project.document.sections if s.key == key)


def test_typing_writes_each_field(qtbot: QtBot, editor: DocumentEditor) -> None:
    item_id = editor.add_item(
        _section(editor, "budget"),
        "budget_line",
        {"service": "Housing", "partner": "Council", "amount": "10"},
    )
    form = ItemForm(editor, item_id)
    qtbot.addWidget(form)
    amount = form.widgets["amount"].widget
    amount.clear()
    qtbot.keyClicks(amount, "1,250,000")
    item = editor.project.document.find_item(item_id)[1]
    assert item.fields["amount"] == "1250000.00"
    assert not form.problems["amount"].isVisible()


def test_unusable_values_are_explained_not_written(qtbot: QtBot, editor: DocumentEditor) -> None:
    item_id = editor.add_item(
        _section(editor, "missions"), "mission", {"level": "Local mission", "title": "Jobs"}
    )
    form = ItemForm(editor, item_id)
    qtbot.addWidget(form)
    problems: list[str] = []
    form.problem_changed.connect(problems.append)
    due = form.widgets["target_date"].widget
    qtbot.keyClicks(due, "31/02")
    assert form.problems["target_date"].isVisibleTo(form)
    assert "not a date" in form.problems["target_date"].text()
    assert editor.project.document.find_item(item_id)[1].fields["target_date"] is None
    qtbot.keyClicks(due, "/2030")
    assert "not a date" in problems[-1]
    due.clear()
    qtbot.keyClicks(due, "28/02/2030")
    assert editor.project.document.find_item(item_id)[1].fields["target_date"] == "2030-02-28"
    assert problems[-1] == ""


def test_undo_shows_in_the_form(qtbot: QtBot, editor: DocumentEditor) -> None:
    item_id = editor.add_item(_section(editor, "actions"), "action", {"action": "Hire"})
    form = ItemForm(editor, item_id)
    qtbot.addWidget(form)
    status = form.widgets["status"].widget
    status.setCurrentIndex(status.findData("Done"))
    assert editor.project.document.find_item(item_id)[1].fields["status"] == "Done"
    editor.undo_stack.undo()
    assert status.currentData() is None


def test_references_offer_other_missions(qtbot: QtBot, editor: DocumentEditor) -> None:
    missions = _section(editor, "missions")
    metro = editor.add_item(missions, "mission", {"level": "Metro mission", "title": "Work"})
    local = editor.add_item(missions, "mission", {"level": "Local mission", "title": "Jobs"})
    form = ItemForm(editor, local)
    qtbot.addWidget(form)
    parent = form.widgets["parent"].widget
    assert [parent.itemText(i) for i in range(parent.count())] == ["(none)", "Work"]
    parent.setCurrentIndex(1)
    assert editor.project.document.find_item(local)[1].fields["parent"] == metro


def test_controls_have_accessible_names(qtbot: QtBot, editor: DocumentEditor) -> None:
    item_id = editor.add_item(_section(editor, "board"), "member", {"role": "Mayor", "name": "Sam"})
    form = ItemForm(editor, item_id)
    qtbot.addWidget(form)
    assert [w.widget.accessibleName() for w in form.widgets.values()] == [
        "Role on the Board",
        "Name",
        "Organisation",
        "Chairs the Board",
    ]
