"""Plain English in the editor: findings underlined as the user types, a panel that lists
them by part and jumps to each, and dismissals (with a reason) that stay in the file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.document_window import DocumentWindow
from desktop.editing.plain_english import PlainEnglishState, highlighter_of, underlined
from desktop.editing.section_form import SectionForm
from desktop.panels.plain_english_panel import Found, PlainEnglishPanel
from desktop.session import AppSession
from reformkit.cli.main import main
from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.plain.dismissals import STATE_KEY, parse
from tests.desktop.windows_helpers import session  # noqa: F401 (a fixture)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
PLAIN = "We meet every month and write down what we agree."
HARD = "We will leverage our partners."


@pytest.fixture
def window(qtbot: QtBot, session: AppSession, tmp_path: Path) -> Iterator[DocumentWindow]:  # noqa: F811
    kinds = session.kinds
    document = loads((SAMPLES / "local-reform-plan.json").read_text("utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    made = DocumentWindow(session, project)  # closed here: it deletes itself on close
    made.show()
    qtbot.waitExposed(made)
    yield made
    if shiboken6.isValid(made):
        made.close()


def _first_section(window: DocumentWindow) -> SectionForm:
    section = window.project.document.sections[0]
    window.tree.select_part(section.id)
    form = window.part_editor.form
    assert isinstance(form, SectionForm)
    return form


def _rows(panel: PlainEnglishPanel) -> list[QTreeWidgetItem]:
    view = panel.list_view
    return [
        view.topLevelItem(n).child(c)
        for n in range(view.topLevelItemCount())
        for c in range(view.topLevelItem(n).childCount())
    ]


def _row(panel: PlainEnglishPanel, part_id: str, words: str) -> QTreeWidgetItem | None:
    for row in _rows(panel):
        found = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(found, Found) and found.finding.part_id == part_id and found.words == words:
            return row
    return None


def test_a_word_to_avoid_is_underlined_as_it_is_typed(qtbot: QtBot, window: DocumentWindow) -> None:
    form = _first_section(window)
    box = form.intro
    box.clear()
    qtbot.keyClicks(box, PLAIN)
    assert underlined(box) == []
    qtbot.keyClicks(box, " " + HARD)
    assert underlined(box) == ["leverage"]
    highlighter = highlighter_of(box)
    assert highlighter is not None
    offset = box.toPlainText().index("leverage") + 2
    (found,) = highlighter.findings_at(box.toPlainText(), offset)
    assert "leverage" in found.message and found.suggestion.startswith("Write: use")


def test_the_panel_lists_findings_by_part_and_enter_selects_the_words(
    qtbot: QtBot, window: DocumentWindow
) -> None:
    panel = window.plain_english
    assert window.docks["plain_english"].toggleViewAction() in window.menus["view"].actions()
    section = window.project.document.sections[2]
    window.editor.update_section(section.id, intro=f"{PLAIN} {HARD}")
    panel.refresh()
    row = _row(panel, section.id, "leverage")
    assert row is not None and row.parent().text(0) == section.title
    panel.list_view.setFocus()
    panel.list_view.setCurrentItem(row)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    assert window.tree.current_part() == ("section", section.id)
    form = window.part_editor.form
    assert isinstance(form, SectionForm)
    assert form.intro.textCursor().selectedText() == "leverage"
    assert form.intro.hasFocus()


def test_a_dismissed_finding_leaves_the_panel_and_the_underlines_and_stays_dismissed(
    qtbot: QtBot,
    window: DocumentWindow,
    session: AppSession,  # noqa: F811 (the fixture)
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = _first_section(window)
    section_id = window.project.document.sections[0].id
    form.intro.setPlainText(HARD)
    assert underlined(form.intro) == ["leverage"]
    panel = window.plain_english
    panel.refresh()
    row = _row(panel, section_id, "leverage")
    assert row is not None
    panel.list_view.setCurrentItem(row)
    asked: list[Found] = []
    panel.ask_reason = lambda found: asked.append(found) or "The Board's agreed word"  # type: ignore[method-assign]
    panel.dismiss_current()
    assert [f.words for f in asked] == ["leverage"]
    assert _row(panel, section_id, "leverage") is None
    assert underlined(form.intro) == []
    stored = parse(window.project.state(STATE_KEY))
    assert stored == {(section_id, "word-to-avoid", "leverage"): "The Board's agreed word"}

    # It stays dismissed: in the file, after reopening, and for `reformkit check`.
    path = window.project.path
    window.close()
    code = main(["check", str(path), "--json", "--all"], load_kinds=lambda: session.kinds)
    report = json.loads(capsys.readouterr().out)
    plain = [p for part in report["parts"] for p in part.get("plain_english", [])]
    assert code in (0, 1)
    assert not [
        p
        for p in plain
        if p["part_id"] == section_id
        and p["rule"] == "word-to-avoid"
        and "leverage" in p["message"]
    ]
    project = Project.open(path, session.kinds)
    again = DocumentWindow(session, project)
    assert PlainEnglishState.of(again.editor).dismissed == stored
    again.plain_english.refresh()
    assert _row(again.plain_english, section_id, "leverage") is None
    again.close()


def test_a_dismissal_needs_a_reason(window: DocumentWindow) -> None:
    form = _first_section(window)
    form.intro.setPlainText(HARD)
    panel = window.plain_english
    panel.refresh()
    section_id = window.project.document.sections[0].id
    row = _row(panel, section_id, "leverage")
    assert row is not None
    panel.list_view.setCurrentItem(row)
    panel.ask_reason = lambda found: None  # type: ignore[method-assign]  # cancelled
    panel.dismiss_current()
    assert _row(panel, section_id, "leverage") is not None
    assert window.project.state(STATE_KEY) == ""


def _shown(panel: PlainEnglishPanel) -> list[tuple[str, bool, list[tuple[str, str, str]]]]:
    view = panel.list_view
    shown = []
    for n in range(view.topLevelItemCount()):
        heading = view.topLevelItem(n)
        rows = [heading.child(c) for c in range(heading.childCount())]
        shown.append(
            (
                heading.text(0),
                heading.isExpanded(),
                [(row.text(0), row.text(1), row.toolTip(0)) for row in rows],
            )
        )
    return shown


def test_the_panel_updated_in_place_shows_what_a_panel_built_afresh_shows(
    window: DocumentWindow,
) -> None:
    panel = window.plain_english
    editor = window.editor
    panel.refresh()
    sections = window.project.document.sections
    first, second, third = sections[0], sections[2], sections[3]
    fourth = sections[4]
    editor.update_section(fourth.id, intro=f"{HARD} once")
    panel.refresh()
    kept = panel.list_view.findItems(fourth.title, Qt.MatchFlag.MatchExactly)[0]
    edits = [
        lambda: editor.update_section(second.id, intro=f"{PLAIN} {HARD}"),  # a new group
        lambda: editor.update_section(first.id, intro=HARD),  # new, before the others
        lambda: editor.update_section(second.id, intro=f"{HARD} {HARD} utilise"),  # changed
        lambda: editor.update_section(third.id, intro=f"{HARD}"),
        lambda: editor.update_section(first.id, intro=PLAIN),  # gone
        lambda: editor.update_section(third.id, title="Renamed part"),  # heading changed
        lambda: editor.move_section(third.id, 0),  # moved
    ]
    for edit in edits:
        edit()
        panel.refresh()
        afresh = PlainEnglishPanel(editor)
        afresh.refresh()
        assert _shown(panel) == _shown(afresh)
        assert panel.finding_count() == afresh.finding_count()
        afresh.deleteLater()
    assert any(_shown(panel)), "the edits left findings to compare"
    assert panel.list_view.findItems(fourth.title, Qt.MatchFlag.MatchExactly) == [kept]


def test_the_chosen_finding_stays_chosen_when_its_part_changes(window: DocumentWindow) -> None:
    panel = window.plain_english
    section = window.project.document.sections[2]
    window.editor.update_section(section.id, intro=f"{PLAIN} {HARD}")
    panel.refresh()
    row = _row(panel, section.id, "leverage")
    assert row is not None
    panel.list_view.setCurrentItem(row)
    window.editor.update_section(section.id, intro=f"{HARD} utilise {PLAIN}")
    panel.refresh()
    current = panel.list_view.currentItem()
    assert current is not None
    found = current.data(0, Qt.ItemDataRole.UserRole)
    assert isinstance(found, Found) and found.words == "leverage"
    assert panel.detail_label.text() == found.finding.why
