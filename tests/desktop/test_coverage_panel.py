"""The coverage panel: 22 recommendations, their status in words and symbols, and the way to
the parts that answer them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.coverage_grid import PART_ROLE, STATUS_ROLE
from desktop.panels.coverage_panel import REFRESH_DELAY_MS, CoveragePanel
from desktop.panels.coverage_status import STYLES, summary
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "local-reform-plan.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def empty_charter(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "charter.reformkit", CHARTER, "Our charter", "Eastmoor")
    yield DocumentEditor(project)
    project.close()


def _panel(qtbot, editor: DocumentEditor, catalogue: Catalogue) -> CoveragePanel:
    panel = CoveragePanel(editor, catalogue)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def _statuses(panel: CoveragePanel) -> dict[str, str]:
    view = panel.list_view
    return {
        view.topLevelItem(n).text(0): view.topLevelItem(n).text(2)
        for n in range(view.topLevelItemCount())
    }


def test_list_of_the_sample_plan(qtbot, plan: DocumentEditor, catalogue: Catalogue) -> None:
    panel = _panel(qtbot, plan, catalogue)
    statuses = _statuses(panel)
    assert list(statuses) == [f"R{n}" for n in range(1, 23)]
    assert statuses["R1"] == "○ National, for context"
    assert statuses["R4"] == "✓ Answered"
    assert statuses["R16"] == "✓ Answered (national)"  # the plan bids to the SEIF
    assert statuses["R20"] == "○ National, for context"
    r4 = panel.list_view.topLevelItem(3)
    assert r4.childCount() == len(panel.row_for("R4").answers) > 1
    assert "Foreword and vision" in r4.text(3)
    assert panel.summary_label.text().startswith("15 of 22 answered · nothing expected is missing")
    # Tooltips quote the briefing in full.
    assert panel.row_for("R4").recommendation.quote[:60] in r4.toolTip(1)


def test_an_empty_charter_misses_r18(
    qtbot, empty_charter: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, empty_charter, catalogue)
    statuses = _statuses(panel)
    assert len(statuses) == 22
    assert statuses["R18"] == "✗ Expected but missing"
    assert statuses["R1"] == "○ National, for context"
    assert statuses["R4"] == "– Not expected here"
    assert panel.summary_label.text() == (
        "0 of 22 answered · 1 expected but missing: R18 · 11 national, for context"
    )


def test_status_is_never_colour_alone(qtbot, plan: DocumentEditor, catalogue: Catalogue) -> None:
    panel = _panel(qtbot, plan, catalogue)
    symbols = {style.symbol for style in STYLES.values()}
    assert len(symbols) == 6  # answered, partly, missing, optional, national, not expected
    for status, text in _statuses(panel).items():
        assert text[0] in symbols and len(text) > 2, status
    for style in STYLES.values():
        assert _contrast(style.foreground, style.background) >= 7
        assert style.symbol in panel.legend_label.text()
        assert style.short in panel.legend_label.text()


def test_grid_has_22_rows_and_a_column_per_section(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    panel.grid_button.click()
    assert panel.stack.currentWidget() is panel.grid_view
    model = panel.grid_model
    sections = plan.project.document.sections
    assert model.rowCount() == 22
    assert model.columnCount() == len(sections)
    assert model.headerData(0, Qt.Orientation.Vertical) == "○ R1"
    assert model.headerData(3, Qt.Orientation.Vertical) == "✓ R4"
    foreword = next(n for n, s in enumerate(sections) if s.key == "foreword")
    cell = model.index(3, foreword)
    assert cell.data() == "✓"
    assert cell.data(STATUS_ROLE) == "answered"
    assert "Foreword and vision" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(PART_ROLE)[0] == "item"  # the paragraphs tagged R4, not the section
    assert model.index(0, foreword).data() == ""  # R1 is national: no mark
    panel.list_button.click()
    assert panel.stack.currentWidget() is panel.list_view


def test_grid_marks_where_a_missing_recommendation_would_go(
    qtbot, empty_charter: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, empty_charter, catalogue)
    model = panel.grid_model
    assert [model.index(17, c).data() for c in range(model.columnCount())] == ["✗"] * 7
    assert "expected but missing" in model.index(17, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_activating_an_answer_requests_that_part(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    r5 = panel.list_view.topLevelItem(21)  # R22: one zone, tagged and with its area
    answer = panel.row_for("R22").answers[0]
    expected = (
        ("section", answer.section_id) if answer.item_id is None else ("item", answer.item_id)
    )
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(r5.child(0), 1)
    assert tuple(signal.args) == expected
    # A recommendation answered once goes straight to its answer.
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(r5, 0)
    assert tuple(signal.args) == expected
    # An item that answers a recommendation its section does not.
    r8 = panel.row_for("R8")
    item_answer = next(a for a in r8.answers if a.item_id)
    r8_item = panel.list_view.topLevelItem(7)
    child = next(
        r8_item.child(n)
        for n in range(r8_item.childCount())
        if r8_item.child(n).data(0, Qt.ItemDataRole.UserRole + 2) == ("item", item_answer.item_id)
    )
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(child, 1)
    assert tuple(signal.args) == ("item", item_answer.item_id)
    # And from the grid.
    panel.show_grid()
    column = [s.id for s in plan.project.document.sections].index(answer.section_id)
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.grid_view.activated.emit(panel.grid_model.index(21, column))
    assert signal.args[1] in (answer.section_id, answer.item_id)


def test_activating_a_gap_says_what_would_answer_it(
    qtbot, empty_charter: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, empty_charter, catalogue)
    first = empty_charter.project.document.sections[0]
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(panel.list_view.topLevelItem(17), 0)
    assert tuple(signal.args) == ("section", first.id)
    hint = panel.hint_label.text()
    assert "R18" in hint and "Purpose and scope" in hint and "nothing answers it yet" in hint
    assert panel.list_view.topLevelItem(17).text(3).startswith("Belongs in ‘Purpose and scope’")
    panel.list_view.setCurrentItem(panel.list_view.topLevelItem(0))
    assert "central government" in panel.hint_label.text()


def test_refreshes_after_an_edit(
    qtbot, empty_charter: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, empty_charter, catalogue)
    panel.list_view.setCurrentItem(panel.list_view.topLevelItem(17))
    rights = next(s for s in empty_charter.project.document.sections if s.key == "rights")
    empty_charter.add_item(rights.id, "right", {"title": "Voice", "text": "A say."})
    assert _statuses(panel)["R18"] == "✗ Expected but missing"  # debounced
    # A right is one of R18's three elements (p.20): the duties and candour are missing.
    qtbot.waitUntil(
        lambda: _statuses(panel)["R18"] == "◐ Partly answered", timeout=REFRESH_DELAY_MS * 10
    )
    assert panel.summary_label.text().startswith("0 of 22 answered · 1 partly answered: R18")
    assert "1 of 3 elements; missing: duties of staff" in panel.list_view.topLevelItem(17).text(3)
    assert panel.list_view.currentItem().text(0) == "R18"  # the user's place is kept
    empty_charter.undo_stack.undo()
    panel.refresh()
    assert _statuses(panel)["R18"] == "✗ Expected but missing"


def test_accessible_names(qtbot, plan: DocumentEditor, catalogue: Catalogue) -> None:
    panel = _panel(qtbot, plan, catalogue)
    for widget in (
        panel,
        panel.list_view,
        panel.grid_view,
        panel.summary_label,
        panel.list_button,
        panel.grid_button,
        panel.legend_label,
    ):
        assert widget.accessibleName()


def test_summary_wording() -> None:
    assert summary([]) == "0 of 0 answered · nothing expected is missing"


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_line_names_its_first_parts_and_counts_the_rest(catalogue: Catalogue) -> None:
    from desktop.panels.coverage_status import answered_by
    from reformkit.document.coverage import ANSWERED, Answer, CoverageRow

    answers = tuple(Answer(f"s{n}", f"Part {n}", None, "") for n in range(1, 31))
    row = CoverageRow(catalogue.get("R4"), ANSWERED, True, answers)
    numbers = {f"s{n}": n for n in range(1, 31)}
    assert answered_by(row, numbers, 3) == "1 Part 1; 2 Part 2; 3 Part 3; and 27 more"
    assert answered_by(row, numbers).count(";") == 29  # without a limit, every part
    assert answered_by(row, numbers, 30) == answered_by(row, numbers)
