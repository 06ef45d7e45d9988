"""The guided charter builder: a whole charter from step 1 to Finish, resuming where the user
left off, undo, rewording that keeps the source, and the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.wizard import GuidedBuilder
from desktop.wizard.blocks_checks import ChecksWidget
from desktop.wizard.blocks_clauses import ClauseWidget
from desktop.wizard.blocks_record import RecordWidget
from desktop.wizard.blocks_table import TableWidget
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item
from reformkit.document.project import Project
from tests.desktop.builder_helpers import fill, new_row
from tests.documents import KINDS

MakeWizard = Callable[..., GuidedBuilder]
STATE_KEY = CHARTER.guide.state_key
STEPS = CHARTER.guide.steps


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
    opened = Project.create(tmp_path / "team.reformkit", CHARTER, "Our charter", "Eastmoor")
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
        wizard.resize(1200, 800)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


def _items(project: Project, key: str, item_type: str | None = None) -> list[Item]:
    section = next(s for s in project.document.sections if s.key == key)
    return [i for i in section.items if item_type is None or i.type == item_type]


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what a field holds by typing, as a user would."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def _click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_whole_charter_from_step_1_to_finish(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    project = editor.project
    wizard = make_wizard(editor)
    assert wizard.current_step() == 1 and wizard.step_count() == 7

    # 1 Purpose and scope: the scope record is there to fill in.
    card = wizard.page(1).block_of(RecordWidget).slot.card
    assert card is not None and card.form is not None
    _type(qtbot, card.form.widgets["team"].widget, "Northfield Family Safeguarding Team")
    _type(qtbot, card.form.widgets["covers"].widget, "Social workers and family practitioners.")
    _click(qtbot, wizard.next_button)

    # 2 Principles: two from the briefing.
    assert wizard.current_step() == 2
    principles = wizard.page(2).block_of(ClauseWidget)
    assert {"P1", "P6", "D2", "D3", "L1", "L2", "I2"} <= set(principles.offer_cards)
    _click(qtbot, principles.offer_cards["P5"].use_button)
    _click(qtbot, principles.offer_cards["I2"].use_button)
    # The Respect Charter's two principles, offered with the briefing's caveat.
    assert "subject to further investigation" in principles.offer_cards["D2"].origin.text()
    assert principles.offer_cards["P5"].status.isVisible()
    assert principles.offer_cards["P5"].remove_button.isVisible()
    _click(qtbot, wizard.next_button)

    # 3 Rights: one of our own, with tags suggested from its words.
    rights = wizard.page(3).block_of(ClauseWidget)
    _click(qtbot, rights.write_button)
    own = rights.list.ordered_cards()[-1]
    assert own.is_open() and own.form is not None and own.tag_editor is not None
    _type(qtbot, own.form.widgets["title"].widget, "Time to learn")
    _type(
        qtbot,
        own.form.widgets["text"].widget,
        "Every practitioner has protected time for training and development.",
    )
    qtbot.waitUntil(lambda: "Suggested" in own.tag_editor.suggestions.text())
    row = next(
        own.tag_editor.list.item(n)
        for n in range(own.tag_editor.list.count())
        if own.tag_editor.list.item(n).data(Qt.ItemDataRole.UserRole) == "R19"
    )
    row.setCheckState(Qt.CheckState.Checked)
    _click(qtbot, wizard.next_button)

    # 4 Duties: the briefing's one duty, and the Liberated Method's two rules.
    duties = wizard.page(4).block_of(ClauseWidget)
    for entry_id in ("D1", "L1", "L2"):
        _click(qtbot, duties.offer_cards[entry_id].use_button)
    _click(qtbot, wizard.next_button)

    # 5 Commitments: one prompted by the right we wrote.
    commitments = wizard.page(5).block_of(ClauseWidget)
    assert len(commitments.prompt_cards) == 1
    prompt = next(iter(commitments.prompt_cards.values()))
    _click(qtbot, prompt.findChild(type(wizard.next_button)))
    promise = commitments.list.ordered_cards()[-1]
    assert promise.form is not None
    _type(qtbot, promise.form.widgets["text"].widget, "We will protect five days a year.")
    _type(qtbot, promise.form.widgets["owner"].widget, "Team manager")
    _click(qtbot, wizard.next_button)

    # 6 Measures.
    measures = wizard.page(6).tables["measures"]
    measure = new_row(qtbot, measures)
    fill(qtbot, measures, measure, "measure", "Vacancy rate")
    fill(qtbot, measures, measure, "baseline", "18%")
    _click(qtbot, wizard.next_button)

    # 7 Review date and a signature, then Finish.
    review = wizard.page(7)
    assert wizard.finish_button.isVisible() and not wizard.next_button.isVisible()
    checks = review.block_of(ChecksWidget)
    assert checks.findings == ["Step 7: Review and sign-off (part 7)"]  # nobody signed yet
    date_card = review.block_of(RecordWidget).slot.card
    assert date_card is not None
    date_field = date_card.form.widgets["review_date"].widget
    assert isinstance(date_field, QLineEdit)
    date_field.clear()
    qtbot.keyClicks(date_field, "31/03/2027")
    signatures = review.tables["Who agreed it"]
    signatory = new_row(qtbot, signatures)
    fill(qtbot, signatures, signatory, "name", "Amira Khan")
    fill(qtbot, signatures, signatory, "role", "Team manager")
    assert checks.findings == [] and "Nothing" in checks.notes[0]
    with qtbot.waitSignal(wizard.finished, timeout=1000):
        _click(qtbot, wizard.finish_button)

    # The file holds all of it, with sources and tags.
    with Project.open(project.path, KINDS, read_only=True) as saved:
        (scope_item,) = _items(saved, "scope")
        assert scope_item.fields["team"] == "Northfield Family Safeguarding Team"
        assert scope_item.fields["covers"] == "Social workers and family practitioners."
        used = {i.source.entry_id: i for i in _items(saved, "principles") if i.source}
        assert set(used) == {"P5", "I2"}
        assert used["P5"].fields["title"] == "Collaborative"
        assert used["P5"].tags == []  # its links to R18 and R3 are suggestions
        (right,) = _items(saved, "rights")
        assert right.source is None and right.fields["title"] == "Time to learn"
        assert right.tags == ["R19"]  # the R19 the user ticked; the part's R18 is a suggestion
        assert [i.source.entry_id for i in _items(saved, "duties") if i.source] == [
            "D1",
            "L1",
            "L2",
        ]
        (commitment,) = _items(saved, "commitments")
        assert commitment.fields["title"] == "Time to learn"
        assert commitment.fields["owner"] == "Team manager"
        assert commitment.tags == ["R19"]  # as the user ticked it
        (vacancies,) = _items(saved, "measures")
        assert vacancies.fields["measure"] == "Vacancy rate"
        assert vacancies.fields["baseline"] == "18%"
        assert _items(saved, "review", "review")[0].fields["review_date"] == "2027-03-31"
        (signatory,) = _items(saved, "review", "signatory")
        assert (signatory.fields["name"], signatory.fields["role"]) == (
            "Amira Khan",
            "Team manager",
        )
    assert all(wizard.steps.item(n).text().startswith("✓") for n in range(7))


def test_it_opens_on_the_step_the_user_left(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    heard: list[int] = []
    wizard.step_changed.connect(heard.append)
    wizard.go_to_step(4)
    assert heard == [4] and editor.project.state(STATE_KEY) == "4"
    wizard.close()
    wizard.deleteLater()
    assert make_wizard(editor).current_step() == 4

    # Also after the file is closed and opened again (as after a crash or a restart).
    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS) as reopened:
        assert make_wizard(DocumentEditor(reopened)).current_step() == 4


def test_a_nonsense_stored_step_opens_a_real_one(
    editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    editor.project.set_state(STATE_KEY, "nine")
    assert make_wizard(editor).current_step() == 1
    editor.project.set_state(STATE_KEY, "40")
    assert make_wizard(editor).current_step() == 7


def test_use_this_can_be_undone_and_redone(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(3)
    page = wizard.page(3).block_of(ClauseWidget)
    card = page.offer_cards["W4"]
    steps_before = editor.undo_stack.count()  # opening at step 1 made the scope record
    _click(qtbot, card.use_button)
    assert [i.source.entry_id for i in _items(editor.project, "rights") if i.source] == ["W4"]
    assert editor.undo_stack.count() == steps_before + 1 and wizard.undo_button.isEnabled()
    assert editor.undo_stack.undoText() == "Add right"
    _click(qtbot, wizard.undo_button)
    assert _items(editor.project, "rights") == []
    assert card.use_button.isVisible() and not card.status.isVisible()
    assert page.list.empty.isVisible()
    editor.undo_stack.redo()
    assert len(_items(editor.project, "rights")) == 1
    assert card.status.isVisible() and not page.list.empty.isVisible()

    # "Take it out" removes it again.
    _click(qtbot, card.remove_button)
    assert _items(editor.project, "rights") == []


def test_reworded_clauses_keep_their_source(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    wizard.go_to_step(4)
    page = wizard.page(4).block_of(ClauseWidget)
    item_id = page.use("D1")
    assert item_id is not None
    card = page.list.card(item_id)
    assert not card.is_open()
    # The briefing names a duty of candour but does not define it: the words are ours.
    assert card.origin.text() == "Named in The Reform Dividend, page 20; wording by ReformKit"
    _click(qtbot, card.reword_button)
    assert card.is_open() and card.form is not None
    _type(qtbot, card.form.widgets["text"].widget, "We tell families and each other the truth.")
    item = editor.project.document.find_item(item_id)[1]
    assert item.fields["text"] == "We tell families and each other the truth."
    assert item.source is not None and item.source.entry_id == "D1"
    assert card.origin.text() == "Based on The Reform Dividend, page 20, in your own words"
    _click(qtbot, card.reword_button)
    assert not card.is_open() and card.words.text().startswith("We tell families")
    _click(qtbot, card.remove_button)
    assert _items(editor.project, "duties") == []


def test_every_step_explains_itself(editor: DocumentEditor, make_wizard: MakeWizard) -> None:
    wizard = make_wizard(editor)
    for number, step in enumerate(STEPS, start=1):
        page = wizard.page(number)
        assert page.explanation.text().strip() == step.explanation
        assert len(step.explanation.split()) >= 15
        assert page.title.text() == step.title
        assert page.counter.text().startswith(f"Step {number} of 7")
        assert wizard.steps.item(number - 1).text().endswith(f"{number}. {step.title}")


def test_offers_say_where_they_come_from(
    editor: DocumentEditor, make_wizard: MakeWizard, catalogue: Catalogue
) -> None:
    own = catalogue.add("right", "Flexible hours", "We choose our hours within the rota.")
    wizard = make_wizard(editor)
    rights = wizard.page(3).block_of(ClauseWidget)
    assert list(rights.offer_cards) == ["W1", "W2", "W3", "W4", "W5", own.id]
    assert rights.offer_cards["W2"].origin.text() == (
        "Named in The Reform Dividend, page 20; wording by ReformKit"
    )
    assert rights.offer_cards["W4"].origin.text() == "A ReformKit suggestion, not from the briefing"
    assert rights.offer_cards[own.id].origin.text() == "From your library"
    assert rights.offer_cards[own.id].words.text() == "We choose our hours within the rota."
    duties = wizard.page(4).block_of(ClauseWidget)
    assert list(duties.offer_cards) == ["D1", "L1", "L2"]
    principles = wizard.page(2).block_of(ClauseWidget)
    ideas = [key for key in principles.offer_cards if key.startswith("I")]
    assert "I2" in ideas and "I9" not in ideas  # ideas about the charter only


def test_the_step_list_jumps_and_ticks(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    with qtbot.waitSignal(wizard.step_changed) as signal:
        wizard.steps.setCurrentRow(5)
    assert signal.args == [6] and wizard.current_step() == 6
    assert editor.project.state(STATE_KEY) == "6"
    assert not wizard.steps.item(5).text().startswith("✓")
    page = wizard.page(6).block_of(TableWidget)
    _click(qtbot, page.preset_buttons["Vacancies"])
    assert wizard.steps.item(5).text().startswith("✓")
    assert not page.preset_buttons["Vacancies"].isEnabled()
    assert "has content" in wizard.steps.item(5).data(Qt.ItemDataRole.AccessibleTextRole)
    _click(qtbot, wizard.back_button)
    assert wizard.current_step() == 5
    wizard.go_to_step(1)
    assert not wizard.back_button.isEnabled()


def test_a_removed_section_comes_back_in_its_place(
    editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    duties = next(s for s in editor.project.document.sections if s.key == "duties")
    editor.remove_section(duties.id)
    wizard = make_wizard(editor)
    page = wizard.page(4).block_of(ClauseWidget)
    page.use("D1")
    keys = [s.key for s in editor.project.document.sections]
    assert keys.index("duties") == keys.index("rights") + 1
    assert len(_items(editor.project, "duties")) == 1


def test_keyboard_mnemonics_and_tab_order(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    assert wizard.next_button.text() == "&Next" and wizard.back_button.text() == "&Back"
    assert "&" in wizard.finish_button.text() and "&" in wizard.close_button.text()
    wizard.go_to_step(2)
    qtbot.wait(10)  # the tab order is redone once the page is drawn
    following = wizard.steps.nextInFocusChain()
    while not (following.isVisible() and following.focusPolicy() & Qt.FocusPolicy.TabFocus):
        following = following.nextInFocusChain()
    assert wizard.page(2).isAncestorOf(following)
    unnamed = [
        w
        for w in wizard.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisible()
        and not w.accessibleName()
        and not isinstance(w, QPlainTextEdit | QLineEdit)  # named by their form labels
    ]
    assert unnamed == []


def test_read_only_charters_can_be_looked_through(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS, read_only=True) as reader:
        wizard = make_wizard(DocumentEditor(reader))
        wizard.go_to_step(2)
        page = wizard.page(2).block_of(ClauseWidget)
        assert not page.write_button.isEnabled()
        assert not page.offer_cards["P1"].use_button.isEnabled()
        wizard.go_to_step(7)  # nothing is created, nothing fails
        assert _items(reader, "review") == []


def test_save_and_close_asks_nothing(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    with qtbot.waitSignal(wizard.close_requested):
        _click(qtbot, wizard.close_button)
    assert not wizard.isVisible()


def test_alt_n_goes_on_and_focus_survives_a_removal(
    qtbot: QtBot, editor: DocumentEditor, make_wizard: MakeWizard
) -> None:
    wizard = make_wizard(editor)
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    wizard.next_button.setFocus()
    # A mnemonic "clicks" the button with a short animation, so wait for the step to change.
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.current_step() == 2)
    qtbot.keyClick(wizard.back_button, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.current_step() == 1)

    wizard.go_to_step(3)
    page = wizard.page(3).block_of(ClauseWidget)
    first, second = page.use("W1"), page.use("W2")
    assert first is not None and second is not None
    doomed = page.list.card(first)
    doomed.remove_button.setFocus()
    qtbot.keyClick(doomed.remove_button, Qt.Key.Key_Space)
    assert list(page.list.cards) == [second]
    assert page.list.card(second).reword_button.hasFocus()
