"""The guided plan builder: a whole Local Reform Plan from step 1 to Finish and on to an
accessible Word file, resuming where the user left off, the Board's one chair, the missions
cascade, the budget that must add up, and the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.wizard.blocks_budget import OVER, RECONCILED, SHORT, BudgetWidget, reconcile
from desktop.wizard.blocks_cascade import CascadeWidget
from desktop.wizard.blocks_checks import ChecksWidget
from desktop.wizard.blocks_record import RecordWidget
from desktop.wizard.blocks_table import TableWidget
from desktop.wizard.builder import GuidedBuilder
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item
from reformkit.document.project import Project
from reformkit.export.accessibility import check_docx
from reformkit.export.run import export_document
from tests.desktop.builder_helpers import cell_editor as _cell_editor
from tests.desktop.builder_helpers import click as _click
from tests.desktop.builder_helpers import fill as _fill
from tests.desktop.builder_helpers import new_row as _new_row
from tests.documents import KINDS

MakeWizard = Callable[..., GuidedBuilder]
STATE_KEY = PLAN.guide.state_key
PLAN_STEPS = PLAN.guide.steps


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wizard never asks questions in a dialog; fail loudly if one appears."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the wizard opened a modal dialog")

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = Project.create(
        tmp_path / "plan.reformkit", PLAN, "Severn Vale Local Reform Plan", "Severn Vale CA"
    )
    yield opened
    opened.close()


@pytest.fixture
def editor(project: Project, qapp: object) -> DocumentEditor:
    return DocumentEditor(project)


@pytest.fixture
def make_wizard(qtbot: QtBot, catalogue: Catalogue) -> MakeWizard:
    def make(editor: DocumentEditor) -> GuidedBuilder:
        wizard = GuidedBuilder(editor, catalogue)
        qtbot.addWidget(wizard)
        wizard.resize(1300, 850)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


def _items(project: Project, key: str, item_type: str | None = None) -> list[Item]:
    section = next(s for s in project.document.sections if s.key == key)
    return [i for i in section.items if item_type is None or i.type == item_type]


def test_a_whole_plan_from_step_1_to_finish_and_to_word(
    qtbot: QtBot,
    editor: DocumentEditor,
    make_wizard: MakeWizard,
    catalogue: Catalogue,
    tmp_path: Path,
) -> None:
    project = editor.project
    wizard = make_wizard(editor)
    assert wizard.current_step() == 1 and wizard.step_count() == 15
    assert editor.undo_stack.count() == 0  # looking at a step writes nothing

    # 1 Foreword: one paragraph.
    foreword = wizard.page(1).tables["foreword"]
    paragraph = _new_row(qtbot, foreword)
    _fill(qtbot, foreword, paragraph, "text", "Severn Vale's services will work as one.")
    _click(qtbot, wizard.next_button)

    # 2 The Board: the Mayor from the briefing's roles (the chair), and a council leader.
    board_page = wizard.page(2).block_of(TableWidget)
    assert wizard.current_step() == 2
    board = board_page.table
    mayor = board_page.add_offered("BR1")
    assert mayor is not None
    _fill(qtbot, board, mayor, "name", "Mayor Sunita Calder")
    leader = _new_row(qtbot, board)
    _fill(qtbot, board, leader, "role", "Local Authority leader")
    _fill(qtbot, board, leader, "name", "Cllr Owen Tregarth")
    _fill(qtbot, board, leader, "organisation", "Brackenford City Council")
    _click(qtbot, wizard.next_button)

    # 3 The place: a need and an asset.
    place = wizard.page(3)
    need = _new_row(qtbot, place.tables["Needs"])
    _fill(qtbot, place.tables["Needs"], need, "title", "Children not ready for school")
    asset = _new_row(qtbot, place.tables["Assets"])
    _fill(qtbot, place.tables["Assets"], asset, "title", "Fourteen family hubs")
    _click(qtbot, wizard.next_button)

    # 4 Missions: national → metro → local.
    missions_page = wizard.page(4).block_of(CascadeWidget)
    missions = missions_page.table
    national_button, metro_button, local_button = missions_page.level_buttons
    assert not metro_button.isEnabled()  # nothing selected to serve
    _click(qtbot, national_button)
    national = missions.selected_item_id()
    _fill(qtbot, missions, national, "title", "Children ready for school")
    _fill(qtbot, missions, national, "metric", "Good level of development at five")
    missions.select_item(national)
    _click(qtbot, metro_button)
    metro = missions.selected_item_id()
    _fill(qtbot, missions, metro, "title", "Every Severn Vale child ready to learn")
    _fill(qtbot, missions, metro, "baseline", "63%")
    _fill(qtbot, missions, metro, "target", "72%")
    _fill(qtbot, missions, metro, "target_date", "31/07/2029")
    _fill(qtbot, missions, metro, "owner", "Mayor Sunita Calder")
    missions.select_item(metro)
    _click(qtbot, local_button)
    local = missions.selected_item_id()
    _fill(qtbot, missions, local, "title", "A family hub welcome for every baby")
    assert missions.cell_text(local, "parent") == "Every Severn Vale child ready to learn"
    assert missions.cell_text(local, "title").endswith("↳ A family hub welcome for every baby")
    _click(qtbot, wizard.next_button)

    # 5 A minimum standard.
    standards = wizard.page(5).tables["standards"]
    standard = _new_row(qtbot, standards)
    _fill(qtbot, standards, standard, "service", "Health visiting")
    _fill(qtbot, standards, standard, "standard", "A new birth visit within 14 days.")
    _fill(qtbot, standards, standard, "inspectorate", "Care Quality Commission")
    _click(qtbot, wizard.next_button)

    # 6 The system shift and a barrier to prevention.
    shift = wizard.page(6)
    words = _new_row(qtbot, shift.tables["system_shift"])
    _fill(qtbot, shift.tables["system_shift"], words, "text", "One plan for each family.")
    barrier = _new_row(qtbot, shift.tables["Barriers"])
    _fill(qtbot, shift.tables["Barriers"], barrier, "title", "Short, narrow grants")
    _click(qtbot, wizard.next_button)

    # 7 An engagement.
    engagement = wizard.page(7).tables["engagement"]
    event = _new_row(qtbot, engagement)
    _fill(qtbot, engagement, event, "date", "14/03/2026")
    _fill(qtbot, engagement, event, "who", "Families")
    _fill(qtbot, engagement, event, "how_many", "86")
    _fill(qtbot, engagement, event, "method", "Workshop")
    _fill(qtbot, engagement, event, "what_changed", "Family hubs open on Saturdays.")
    _click(qtbot, wizard.next_button)

    # 8 A request, started from the briefing's employment support.
    requests_page = wizard.page(8).block_of(TableWidget)
    _click(qtbot, requests_page.starter_buttons["I9"])
    assert not requests_page.starter_buttons["I9"].isEnabled()
    request = requests_page.table.selected_item_id()
    _fill(qtbot, requests_page.table, request, "readiness", "Ready now")
    _click(qtbot, wizard.next_button)

    # 9 The pot and two lines that add up, the line saying so as amounts change.
    budget_page = wizard.page(9).block_of(BudgetWidget)
    _click(qtbot, budget_page.pot.start_button)
    card = budget_page.pot.card
    assert card is not None
    total = card.form.widgets["total"].widget
    assert isinstance(total, QLineEdit)
    total.selectAll()
    qtbot.keyClicks(total, "1,000,000")
    lines = budget_page.lines
    first = _new_row(qtbot, lines)
    _fill(qtbot, lines, first, "service", "Early help")
    _fill(qtbot, lines, first, "partner", "Brackenford City Council")
    _fill(qtbot, lines, first, "amount", "600000")
    assert budget_page.total.text() == "✗ Lines add up to £600,000 of £1,000,000: £400,000 short"
    assert budget_page.total.property("state") == SHORT
    second = _new_row(qtbot, lines)
    _fill(qtbot, lines, second, "service", "Employment support")
    _fill(qtbot, lines, second, "partner", "DWP")
    _fill(qtbot, lines, second, "amount", "£450,000")
    assert budget_page.total.text().endswith("£50,000 over")
    assert budget_page.total.property("state") == OVER
    _fill(qtbot, lines, second, "amount", "400000")
    assert budget_page.total.text() == ("✓ Lines add up to £1,000,000 of £1,000,000: reconciled")
    assert budget_page.total.property("state") == RECONCILED
    _click(qtbot, wizard.next_button)

    # 10 Bids: left empty for now. 11 Workforce and 12 Accountability.
    _click(qtbot, wizard.next_button)
    workforce = wizard.page(11).tables["workforce"]
    commitment = _new_row(qtbot, workforce)
    _fill(qtbot, workforce, commitment, "title", "Adopt Respect Charters")
    _click(qtbot, wizard.next_button)
    accountability = wizard.page(12).tables["accountability"]
    words = _new_row(qtbot, accountability)
    _fill(qtbot, accountability, words, "text", "A Citizens' Panel of 30 residents.")
    _click(qtbot, wizard.next_button)

    # 13 The Innovation Zone.
    zone_page = wizard.page(13).block_of(RecordWidget)
    _click(qtbot, zone_page.slot.start_button)
    zone_card = zone_page.slot.card
    assert zone_card is not None
    area = zone_card.form.widgets["area"].widget
    assert isinstance(area, QLineEdit) and wizard.focusWidget() is area
    area.selectAll()
    qtbot.keyClicks(area, "North Brackenford")
    freedoms = zone_card.form.widgets["freedoms"].widget
    assert isinstance(freedoms, QPlainTextEdit)
    freedoms.setPlainText("Pool early help budgets\nShare data between partners")
    _click(qtbot, wizard.next_button)

    # 14 Two actions, owned by Board members picked from the list.
    actions = wizard.page(14).tables["actions"]
    for text, owner, due in (
        ("Publish mission baselines", "Mayor Sunita Calder", "31/01/2027"),
        ("Sign a data sharing agreement", "Cllr Owen Tregarth", "28/02/2027"),
    ):
        action = _new_row(qtbot, actions)
        _fill(qtbot, actions, action, "action", text)
        actions.edit_cell(action, "owner")
        combo = _cell_editor(actions)
        assert isinstance(combo, QComboBox) and combo.isEditable()
        assert [combo.itemText(n) for n in range(combo.count())] == [
            "Mayor Sunita Calder",
            "Cllr Owen Tregarth",
        ]
        combo.setCurrentIndex(combo.findText(owner))
        qtbot.keyClick(combo, Qt.Key.Key_Tab)
        _fill(qtbot, actions, action, "due", due)
    _click(qtbot, wizard.next_button)

    # 15 Check and finish: only the bids step is empty.
    check = wizard.page(15).block_of(ChecksWidget)
    assert wizard.finish_button.isVisible()
    assert "Step 10: Bids and social investment (part 12)" in check.findings
    assert not any(f.startswith("Step 1:") for f in check.findings)
    assert not any(f.startswith("Budget") for f in check.findings)
    with qtbot.waitSignal(wizard.finished, timeout=1000):
        _click(qtbot, wizard.finish_button)
    ticked = [wizard.steps.item(n).text().startswith("✓") for n in range(15)]
    assert ticked == [True] * 9 + [False] + [True] * 4 + [False]

    # The file holds all of it, every part with its recommendations.
    with Project.open(project.path, KINDS, read_only=True) as saved:
        (text,) = _items(saved, "foreword")
        assert text.fields["text"] == "Severn Vale's services will work as one."
        members = _items(saved, "board")
        assert [(m.fields["name"], m.fields["chair"]) for m in members] == [
            ("Mayor Sunita Calder", True),
            ("Cllr Owen Tregarth", False),
        ]
        assert members[0].source is not None and members[0].source.entry_id == "BR1"
        assert members[0].fields["role"] == "Combined Authority Mayor (chair)"
        assert all(m.tags == [] for m in members)  # R3 is answered by who sits there
        kinds = [(i.fields["kind"], i.fields["title"]) for i in _items(saved, "place")]
        assert kinds == [
            ("Need", "Children not ready for school"),
            ("Asset", "Fourteen family hubs"),
        ]
        cascade = _items(saved, "missions")
        assert [m.fields["level"] for m in cascade] == [
            "National mission metric",
            "Metro mission",
            "Local mission",
        ]
        assert cascade[1].fields["parent"] == cascade[0].id
        assert cascade[2].fields["parent"] == cascade[1].id
        assert cascade[1].fields["target_date"] == "2029-07-31"
        assert cascade[1].fields["owner"] == "Mayor Sunita Calder"
        assert all(m.tags == [] for m in cascade)  # answered by their levels
        (floor,) = _items(saved, "standards")
        assert floor.fields["inspectorate"] == "Care Quality Commission"
        assert floor.tags == []  # R11 is answered by its inspectorate
        (heard,) = _items(saved, "engagement")
        assert heard.fields["date"] == "2026-03-14" and heard.fields["how_many"] == 86
        assert heard.fields["what_changed"] == "Family hubs open on Saturdays."
        (ask,) = _items(saved, "requests")
        assert ask.fields["service"] == "Employment support"
        assert ask.fields["readiness"] == "Ready now"
        assert ask.source is not None and ask.source.entry_id == "I9" and ask.tags == ["R5"]
        (pot,) = _items(saved, "budget", "budget_pot")
        assert pot.fields["total"] == "1000000.00"
        assert pot.fields["accounting_officer"] == "Combined Authority Chief Executive"
        amounts = [i.fields["amount"] for i in _items(saved, "budget", "budget_line")]
        assert amounts == ["600000.00", "400000.00"]
        (zone,) = _items(saved, "innovation_zone")
        assert zone.fields["area"] == "North Brackenford"
        assert zone.fields["freedoms"] == [
            "Pool early help budgets",
            "Share data between partners",
        ]
        assert zone.tags == ["R22"]
        todo = _items(saved, "actions")
        assert [(a.fields["owner"], a.fields["due"]) for a in todo] == [
            ("Mayor Sunita Calder", "2027-01-31"),
            ("Cllr Owen Tregarth", "2027-02-28"),
        ]
        assert all(a.tags == [] for a in todo)  # the part's R4 is a suggestion

        # And it exports to an accessible Word document.
        target = tmp_path / "export" / "plan.docx"
        target.parent.mkdir()
        export_document(
            saved.document,
            saved.spec,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
            "docx",
            target,
        )
        assert target.exists() and target.stat().st_size > 0
        assert check_docx(target) == []


def test_it_opens_on_the_step_the_user_left(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    heard: list[int] = []
    wizard.step_changed.connect(heard.append)
    wizard.go_to_step(9)
    assert heard == [9] and editor.project.state(STATE_KEY) == "9"
    wizard.close()
    wizard.deleteLater()
    assert make_wizard(editor).current_step() == 9

    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS) as reopened:
        assert make_wizard(DocumentEditor(reopened)).current_step() == 9
        reopened.set_state(STATE_KEY, "nonsense")
        assert make_wizard(DocumentEditor(reopened)).current_step() == 1
        reopened.set_state(STATE_KEY, "99")
        assert make_wizard(DocumentEditor(reopened)).current_step() == 15


def test_the_board_has_exactly_one_chair(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(2)
    page = wizard.page(2).block_of(TableWidget)
    mayor = page.add_offered("BR1")
    ceo = page.add_offered("BR3")
    leader = page.add_offered("BR2")
    assert mayor and ceo and leader

    def chairs() -> list[str]:
        return [m.id for m in _items(editor.project, "board") if m.fields["chair"]]

    assert chairs() == [mayor]  # the Mayor's role chairs; the others do not
    table = page.table
    table.select_item(leader, "chair")
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Space)  # Space ticks, as in any list
    assert chairs() == [leader]
    assert editor.undo_stack.undoText().endswith("chairs the board")
    _click(qtbot, wizard.undo_button)  # one step puts the Mayor back
    assert chairs() == [mayor]
    editor.undo_stack.redo()
    assert chairs() == [leader]


def test_roles_come_from_the_briefing_but_any_role_can_be_typed(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard, catalogue: Catalogue
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(2)
    page = wizard.page(2).block_of(TableWidget)
    choice = page.offer_choice
    assert choice is not None
    roles = [choice.itemText(n) for n in range(choice.count())]
    assert roles[0] == "Combined Authority Mayor (chair)" and len(roles) == 10
    assert "Combined Authority Chief Executive (Accounting Officer)" not in roles
    table = page.table
    member = _new_row(qtbot, table)
    table.edit_cell(member, "role")
    combo = _cell_editor(table)
    assert isinstance(combo, QComboBox) and combo.isEditable() and combo.count() == 10
    _fill(qtbot, table, member, "role", "Chief Fire Officer")
    assert editor.project.document.find_item(member)[1].fields["role"] == "Chief Fire Officer"


def test_a_mission_serves_one_at_the_level_above(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(4)
    page = wizard.page(4).block_of(CascadeWidget)
    first = page.add_at(0)
    second = page.add_at(0)
    assert first and second
    page.table.select_item(first)
    metro = page.add_at(1)
    assert metro
    page.table.select_item(metro)
    local = page.add_at(2)
    sibling = page.add_at(2)  # a local mission selected: another under the same metro
    assert local and sibling
    order = [m.id for m in _items(editor.project, "missions")]
    assert order == [first, metro, local, sibling, second]  # each under the one it serves
    page.table.edit_cell(metro, "parent")
    combo = _cell_editor(page.table)
    assert isinstance(combo, QComboBox)
    offered = [combo.itemText(n) for n in range(combo.count())]
    assert offered == ["(none)", "New national mission metric", "New national mission metric"]
    page.table.edit_cell(local, "parent")
    combo = _cell_editor(page.table)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == ["(none)", "New metro mission"]

    # Without a selection at the right level, the button says what to do.
    page.table.select_item(second)
    assert not page.level_buttons[2].isEnabled()
    assert page.add_at(2) is None
    assert "Select the metro mission" in wizard.problem.text()


def test_the_reconcile_line_in_words() -> None:
    assert reconcile("1000", ["250", "250.50"]).text == (
        "✗ Lines add up to £500.50 of £1,000: £499.50 short"
    )
    assert reconcile("1000", ["600", "600"]).state == OVER
    assert reconcile("1000.00", ["1000"]).text.startswith("✓")
    assert reconcile(None, ["10"], "Enter the single pot's total to check them.").text == (
        "Lines add up to £10. Enter the single pot's total to check them."
    )


def test_every_step_explains_itself_and_shows_its_recommendations(
    editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    for number, step in enumerate(PLAN_STEPS, start=1):
        page = wizard.page(number)
        assert page.explanation.text() == step.explanation
        assert page.counter.text().startswith(f"Step {number} of 15")
        assert 15 <= len(step.explanation.split()) <= 60
        assert wizard.steps.item(number - 1).text().endswith(f"{number}. {step.title}")
        for key in step.sections:
            tags = next(s for s in editor.project.document.sections if s.key == key).tags
            answers = page.headers[key].answers.text()
            assert all(tag in answers for tag in tags), (key, answers)


def test_a_section_can_be_tagged_and_the_change_undone(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(12)
    header = wizard.page(12).headers["accountability"]
    _click(qtbot, header.change_button)
    rows = header.tag_editor.list
    r12 = next(rows.item(n) for n in range(rows.count()) if rows.item(n).text().startswith("R12"))
    r12.setCheckState(Qt.CheckState.Checked)
    section = next(s for s in editor.project.document.sections if s.key == "accountability")
    assert section.tags == ["R12", "R13"] and "R12" in header.answers.text()
    _click(qtbot, wizard.undo_button)
    assert section.tags == ["R13"] and "R12" not in header.answers.text()


def test_tab_reaches_every_named_control(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    for number in (2, 4, 6, 9, 13, 15):
        wizard.go_to_step(number)
        qtbot.wait(10)  # the tab order is redone once the page is drawn
        following = wizard.steps.nextInFocusChain()
        while not (following.isVisible() and following.focusPolicy() & Qt.FocusPolicy.TabFocus):
            following = following.nextInFocusChain()
        assert wizard.page(number).isAncestorOf(following)
        unnamed = [
            w
            for w in wizard.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisible()
            and not w.accessibleName()
            and not isinstance(w, QPlainTextEdit | QLineEdit)  # named by their form labels
        ]
        assert unnamed == [], number


def test_read_only_plans_can_be_looked_through(
    editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS, read_only=True) as reader:
        wizard = make_wizard(DocumentEditor(reader))
        for number in range(1, 16):
            wizard.go_to_step(number)
        page = wizard.page(2).block_of(TableWidget)
        assert page.offer_button is not None and not page.offer_button.isEnabled()
        assert not page.table.add_button.isEnabled()
        budget = wizard.page(9).block_of(BudgetWidget)
        assert not budget.pot.start_button.isEnabled()


def test_save_and_close_asks_nothing(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    with qtbot.waitSignal(wizard.close_requested):
        _click(qtbot, wizard.close_button)
    assert not wizard.isVisible()
