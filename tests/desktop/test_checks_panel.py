"""The checks panel: the document's problems grouped by part, each in a symbol and a word as
well as a colour, each leading to the part to fix, worked out again after every edit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from charter import CHARTER
from charter.checks import CHARTER_NO_REVIEW
from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.checks_panel import PART_ROLE, REFRESH_DELAY_MS, RULE_ROLE, ChecksPanel
from desktop.panels.checks_words import SEVERITIES, group_problems, part_name, summary
from plans import PLAN
from plans.checks import BUDGET_MISMATCH
from reformkit.catalogue.store import Catalogue
from reformkit.document.checks import DOCUMENT, ERROR, ITEM, SECTION, WARNING, Problem
from reformkit.document.interchange import loads
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _open(tmp_path: Path, name: str, kind: str) -> Project:
    kinds = document_kinds()
    document = loads((SAMPLES / name).read_text(encoding="utf-8"), kinds)
    return Project.create_from(tmp_path / f"{kind}.reformkit", document, kinds.get(kind))


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = _open(tmp_path, "local-reform-plan.json", "plan")
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def charter(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = _open(tmp_path, "respect-charter.json", "charter")
    yield DocumentEditor(project)
    project.close()


def _panel(qtbot, editor: DocumentEditor, catalogue: Catalogue) -> ChecksPanel:
    panel = ChecksPanel(editor, catalogue)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    return panel


def _rows(panel: ChecksPanel) -> list[QTreeWidgetItem]:
    """Every problem's row, under every heading."""
    view = panel.list_view
    return [
        view.topLevelItem(n).child(c)
        for n in range(view.topLevelItemCount())
        for c in range(view.topLevelItem(n).childCount())
    ]


def _rule_rows(panel: ChecksPanel, rule: str) -> list[QTreeWidgetItem]:
    return [row for row in _rows(panel) if row.data(0, RULE_ROLE) == rule]


def _budget(editor: DocumentEditor) -> tuple[str, str]:
    """The sample plan's single pot and its first budget line."""
    budget = next(s for s in editor.project.document.sections if s.key == "budget")
    pot = next(i for i in budget.items if i.type == "budget_pot")
    line = next(i for i in budget.items if i.type == "budget_line")
    return pot.id, line.id


def test_the_sample_plan_has_no_budget_problems(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    assert not [p for p in panel.problems if p.rule.startswith("budget")]
    assert len(_rows(panel)) == panel.problem_count()
    assert panel.summary_label.text() == summary(panel.problems, plan.project.spec)


def test_a_budget_that_does_not_add_up_appears_goes_to_the_pot_and_goes_on_undo(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    before = panel.problem_count()
    pot_id, line_id = _budget(plan)
    _, line = plan.project.document.find_item(line_id)
    plan.update_fields(line_id, {"amount": str(Decimal(line.fields["amount"]) + 1000)})
    assert not _rule_rows(panel, BUDGET_MISMATCH)  # debounced: not yet
    qtbot.waitUntil(lambda: bool(_rule_rows(panel, BUDGET_MISMATCH)), timeout=REFRESH_DELAY_MS * 10)

    [row] = _rule_rows(panel, BUDGET_MISMATCH)
    assert row.data(0, PART_ROLE) == (ITEM, pot_id)
    assert row.text(0) == "✗ Problem"
    assert "£1,000 over" in row.text(1)
    heading = row.parent()
    assert heading.text(0).startswith("✗") and "Total Place+ budget" in heading.text(0)
    assert heading.data(0, PART_ROLE) == (ITEM, pot_id)
    assert panel.summary_label.text().startswith(f"{before + 1} thing")
    assert row.background(0).color().name() == SEVERITIES[ERROR].background

    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(row, 1)
    assert tuple(signal.args) == (ITEM, pot_id)
    # The heading and the button go to the same part.
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(heading, 0)
    assert tuple(signal.args) == (ITEM, pot_id)
    panel.list_view.setCurrentItem(row)
    assert "over" in panel.detail_label.text()
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.go_button.click()
    assert tuple(signal.args) == (ITEM, pot_id)

    plan.undo_stack.undo()
    qtbot.waitUntil(lambda: not _rule_rows(panel, BUDGET_MISMATCH), timeout=REFRESH_DELAY_MS * 10)
    assert panel.problem_count() == before


def test_enter_on_a_problem_goes_to_its_part(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    action = next(i for _, i in plan.project.document.items() if i.type == "action")
    plan.update_fields(action.id, {"owner": ""})
    panel.refresh()
    [row] = _rule_rows(panel, "action-no-owner")
    panel.list_view.setFocus()
    panel.list_view.setCurrentItem(row)
    with qtbot.waitSignal(panel.part_requested) as signal:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    assert tuple(signal.args) == (ITEM, action.id)
    assert row.text(0) == "⚠ Warning"


def test_several_problems_of_one_part_share_a_heading(
    qtbot, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, plan, catalogue)
    mission = next(  # a national metric's owner is the government's: not asked for
        i
        for _, i in plan.project.document.items()
        if i.type == "mission" and i.fields["level"] == "Local mission"
    )
    plan.update_fields(mission.id, {"metric": "", "owner": ""})
    panel.refresh()
    headings = [
        panel.list_view.topLevelItem(n)
        for n in range(panel.list_view.topLevelItemCount())
        if panel.list_view.topLevelItem(n).data(0, PART_ROLE) == (ITEM, mission.id)
    ]
    assert len(headings) == 1
    heading = headings[0]
    assert heading.childCount() == 2
    assert "(2 things)" in heading.text(0)
    assert f"‘{mission.fields['title']}’" in heading.text(0)
    assert {heading.child(n).data(0, RULE_ROLE) for n in range(2)} == {
        "mission-no-metric",
        "mission-no-owner",
    }
    assert all(heading.child(n).text(0) == "⚠ Warning" for n in range(2))


def test_a_charter_with_no_review_date_says_so(
    qtbot, charter: DocumentEditor, catalogue: Catalogue
) -> None:
    document = charter.project.document
    review_section = next(s for s in document.sections if s.key == "review")
    for item in [i for i in review_section.items if i.type == "review"]:
        charter.remove_item(item.id)  # the review date is needed, so remove the review
    panel = _panel(qtbot, charter, catalogue)
    [row] = _rule_rows(panel, CHARTER_NO_REVIEW)
    assert row.data(0, PART_ROLE) == (SECTION, review_section.id)
    assert row.parent().text(0).endswith(f"{review_section.title} (part {len(document.sections)})")
    assert "review" in row.text(1).lower()
    with qtbot.waitSignal(panel.part_requested) as signal:
        panel.list_view.itemActivated.emit(row, 0)
    assert tuple(signal.args) == (SECTION, review_section.id)


def test_an_empty_charter_lists_its_parts_in_order(
    qtbot, tmp_path: Path, catalogue: Catalogue
) -> None:
    project = Project.create(tmp_path / "c.reformkit", CHARTER, "Our charter", "Eastmoor")
    try:
        panel = _panel(qtbot, DocumentEditor(project), catalogue)
        order = [s.id for s in project.document.sections]
        seen = [
            panel.list_view.topLevelItem(n).data(0, PART_ROLE)[1]
            for n in range(panel.list_view.topLevelItemCount())
        ]
        assert seen == [part for part in order if part in seen]  # the document's order
        assert panel.summary_label.text().startswith(f"{panel.problem_count()} things to check")
    finally:
        project.close()


def test_wording() -> None:
    assert summary([], PLAN) == PLAN.say.all_clear
    assert summary([], PLAN).startswith("✓ Nothing to check: the budget adds up")
    assert summary([], CHARTER).startswith("✓ Nothing to check")
    one = Problem("r", "m", SECTION, "s")
    bad = Problem("r", "m", ITEM, "i", ERROR)
    assert summary([one], PLAN) == "1 thing to check: 1 warning"
    assert summary([one, bad, one], PLAN) == "3 things to check: 1 problem, 2 warnings"
    assert {s.text for s in SEVERITIES.values()} == {"✗ Problem", "⚠ Warning"}
    for severity in SEVERITIES.values():
        assert _contrast(severity.foreground, severity.background) >= 7


def test_part_names(plan: DocumentEditor) -> None:
    document, spec = plan.project.document, plan.project.spec
    pot_id, line_id = _budget(plan)
    budget = next(n for n, s in enumerate(document.sections, 1) if s.key == "budget")
    _, pot = document.find_item(pot_id)
    assert part_name(document, spec, ITEM, pot_id) == (
        f"Single pot ‘{pot.fields['period']}’ in Total Place+ budget (part {budget})"
    )
    assert part_name(document, spec, ITEM, line_id).startswith("Budget line ‘")
    assert part_name(document, spec, DOCUMENT, document.meta.id).startswith(
        "The whole Local Reform Plan: "
    )
    assert part_name(document, spec, SECTION, "gone") == "A part that is no longer there"
    groups = group_problems(
        [
            Problem("a", "later", ITEM, line_id),
            Problem("b", "first", DOCUMENT, document.meta.id),
            Problem("c", "warn", ITEM, pot_id, WARNING),
            Problem("d", "bad", ITEM, pot_id, ERROR),
        ],
        document,
        spec,
    )
    assert [g.part_id for g in groups] == [document.meta.id, pot_id, line_id]
    assert [p.rule for p in groups[1].problems] == ["d", "c"]  # problems before warnings


def test_accessible_names(qtbot, plan: DocumentEditor, catalogue: Catalogue) -> None:
    panel = _panel(qtbot, plan, catalogue)
    for widget in (
        panel,
        panel.list_view,
        panel.summary_label,
        panel.detail_label,
        panel.go_button,
        panel.legend_label,
    ):
        assert widget.accessibleName()
    for row in _rows(panel):
        assert row.data(1, Qt.ItemDataRole.AccessibleTextRole).startswith(("Warning", "Problem"))


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _wrapped_height(view: QTreeWidget, row: QTreeWidgetItem, column: int) -> int:
    """The height the row's words take wrapped to the column's text width, in its own font
    (whatever fonts this machine has)."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = view.columnWidth(column) - 2 * margin
    flags = int(Qt.TextFlag.TextWordWrap)
    box = QFontMetrics(row.font(column)).boundingRect(
        QRect(0, 0, width, 100_000), flags, row.text(column)
    )
    return box.height()


def test_long_messages_wrap_rather_than_being_cut_short(
    qtbot, tmp_path: Path, catalogue: Catalogue
) -> None:
    """In a narrow panel every message is shown whole, wrapped onto as many lines as it
    needs; widen the panel and the rows take fewer lines again."""
    project = Project.create(tmp_path / "c.reformkit", CHARTER, "Our charter", "Eastmoor")
    try:
        panel = _panel(qtbot, DocumentEditor(project), catalogue)
        view = panel.list_view
        panel.resize(360, 600)
        qtbot.waitUntil(lambda: view.columnWidth(1) < 300)
        rows = _rows(panel)
        longest = max(rows, key=lambda row: len(row.text(1)))
        one_line = QFontMetrics(longest.font(1)).boundingRect(longest.text(1)).height()
        assert _wrapped_height(view, longest, 1) > one_line  # it does not fit on one line here
        assert sorted(row.text(1) for row in rows) == sorted(p.message for p in panel.problems)
        for row in rows:
            assert view.visualItemRect(row).height() >= _wrapped_height(view, row, 1)
        narrow = view.visualItemRect(longest).height()
        panel.resize(1600, 600)
        qtbot.waitUntil(lambda: _wrapped_height(view, longest, 1) <= one_line)
        qtbot.waitUntil(lambda: view.visualItemRect(longest).height() < narrow)
        for row in rows:
            assert view.visualItemRect(row).height() >= _wrapped_height(view, row, 1)
    finally:
        project.close()
