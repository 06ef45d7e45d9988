"""The merge view: what a returned package brings, per part and by whom; conflicts side by side,
settled each way; a snapshot first; merging twice changes nothing; a stranger's package is
refused with nothing changed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.panels.merge_dialog import KEEP_MINE, MergeDialog, report_lines
from plans import PLAN
from reformkit.dates import long_date
from reformkit.document.interchange import to_json
from reformkit.document.merge import merge_records
from reformkit.document.merge_snapshot import snapshot_name
from reformkit.document.model import Item, Section
from reformkit.document.packages import make_package
from reformkit.document.project import Project
from reformkit.document.versions import list_snapshots
from tests.documents import KINDS

PARTNER = "Severn Vale Council"


def part(project: Project, key: str) -> Section:
    return next(s for s in project.document.sections if s.key == key)


def line(project: Project, service: str) -> Item:
    return next(i for _, i in project.document.items() if i.fields.get("service") == service)


def action(project: Project, words: str) -> Item:
    return next(i for _, i in project.document.items() if i.fields.get("action") == words)


def services(project: Project) -> list[str]:
    return [i.fields["service"] for i in part(project, "budget").items]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A plan with three budget lines and an action, and a package of both parts."""
    main = tmp_path / "plan.reformkit"
    with Project.create(main, PLAN, "Severn Vale plan") as project:
        budget = part(project, "budget")
        for service, amount in (("Adult care", "1000"), ("Probation", "250"), ("Housing", "75")):
            project.add_item(
                budget.id,
                "budget_line",
                {"service": service, "partner": "Council", "amount": amount},
                author="Jo",
            )
        project.add_item(
            part(project, "actions").id, "action", {"action": "Publish the plan", "owner": "Mayor"}
        )
        package = make_package(
            project, ["budget", "actions"], tmp_path / "council.reformkit", PARTNER
        )
    return main, package


@pytest.fixture
def returned(files: tuple[Path, Path]) -> tuple[Path, Path]:
    """The Council changed, added and removed lines, and added an action. No conflicts."""
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Adult care").id, {"amount": "1200", "note": "agreed"})
        theirs.remove_item(line(theirs, "Probation").id)
        theirs.add_item(
            part(theirs, "budget").id,
            "budget_line",
            {"service": "Youth work", "partner": "Council", "amount": "40"},
            author="Sam",
        )
        theirs.add_item(part(theirs, "actions").id, "action", {"action": "Pool the budgets"})
    return main, package


@pytest.fixture
def clash(returned: tuple[Path, Path]) -> tuple[Path, Path]:
    """On top of that, both sides changed Housing's amount and note, and the action's owner."""
    main, package = returned
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Housing").id, {"amount": "80", "note": "Council rate"})
        theirs.update_item(action(theirs, "Publish the plan").id, {"owner": "Council leader"})
    with Project.open(main, KINDS) as ours:
        ours.update_item(line(ours, "Housing").id, {"amount": "90", "note": "Board rate"})
        ours.update_item(action(ours, "Publish the plan").id, {"owner": "Chief executive"})
    return main, package


@pytest.fixture
def open_plan(files: tuple[Path, Path], qapp: object) -> Iterator[DocumentEditor]:
    project = Project.open(files[0], KINDS)
    editor = DocumentEditor(project)
    yield editor
    project.close()


def dialog(qtbot: QtBot, editor: DocumentEditor, package: Path) -> MergeDialog:
    widget = MergeDialog(editor, KINDS, package)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def plain(html: str) -> str:
    """What a rich-text label says, without its markup."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def group_texts(widget: MergeDialog) -> dict[str, str]:
    """Each part's box title, and the text of its list of changes."""
    from PySide6.QtWidgets import QGroupBox, QLabel

    content = widget.content_scroll.widget()
    result = {}
    for group in content.findChildren(QGroupBox):
        labels = [
            label.text()
            for label in group.findChildren(QLabel)
            if label.accessibleName().startswith("Changes in")
        ]
        result[group.title()] = "".join(labels)
    return result


def test_changes_are_shown_per_part_with_who_made_them(
    qtbot: QtBot, returned: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = returned
    widget = dialog(qtbot, open_plan, package)
    assert not widget.error and widget.plan is not None
    heading = widget.heading.text()
    assert PARTNER in heading and "Total Place+ budget" in heading and "Action plan" in heading
    groups = group_texts(widget)
    budget = next(text for title, text in groups.items() if title.startswith("Total Place+"))
    actions = next(text for title, text in groups.items() if title.startswith("Action plan"))
    lines = plain(budget).splitlines()
    assert f" ＋ Added   Budget line: Youth work — by {PARTNER} (written by Sam)" in lines
    assert f" − Removed   Budget line: Probation — by {PARTNER} (written by Jo)" in lines
    assert f" ✎ Changed   Budget line: Adult care — by {PARTNER} (written by Jo)" in lines
    # The changed amount: the old struck through with a minus, the new underlined with a plus.
    assert '−&nbsp;<span style="text-decoration: line-through;">1000.00</span>' in budget
    assert '+&nbsp;<span style="text-decoration: underline;">1200.00</span>' in budget
    assert "Amount (£): − 1000.00 + 1200.00" in plain(budget)
    assert "Action: Pool the budgets" in actions and f"by {PARTNER}" in actions
    assert next(t for t in groups if t.startswith("Total Place+")).endswith(
        "1 added · 1 removed · 1 changed"
    )
    # Nothing to decide: Merge is ready and the conflict controls are not shown.
    assert widget.merge_button.isEnabled()
    assert not widget.keep_mine.isVisible() and not widget.count_label.isVisible()


def test_a_merge_without_conflicts_is_applied_with_a_snapshot_first(
    qtbot: QtBot, returned: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = returned
    project = open_plan.project
    open_plan.update_fields(line(project, "Housing").id, {"note": "ours"})
    assert open_plan.undo_stack.count() == 1
    before = digest(package)
    widget = dialog(qtbot, open_plan, package)
    seen: list[object] = []
    widget.merged.connect(seen.append)
    result = widget.merge()
    assert result is not None and seen == [result]
    assert services(project) == ["Adult care", "Housing", "Youth work"]
    assert line(project, "Adult care").fields["amount"] == "1200.00"
    assert line(project, "Housing").fields["note"] == "ours"
    assert open_plan.undo_stack.count() == 0  # the merge is not an undo step
    [snapshot] = list_snapshots(project)
    assert snapshot.name == f"Before merging {PARTNER}'s package, {long_date(date.today())}"
    assert widget.report is not None
    report = plain(widget.report.text())
    assert f"4 changes taken from {PARTNER}." in report
    assert snapshot.name in report and "Versions panel" in report
    assert not widget.merge_button.isVisible()
    assert digest(package) == before  # the package file is never written


def test_a_conflict_shows_both_sides_against_the_version_sent(
    qtbot: QtBot, clash: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = clash
    widget = dialog(qtbot, open_plan, package)
    assert len(widget.boxes) == 2
    housing = widget.boxes[line(open_plan.project, "Housing").id]
    assert housing.yours_label.text() == "<b>Yours (in this plan)</b>"
    assert housing.theirs_label.text() == f"<b>Theirs (from {PARTNER})</b>"
    yours, theirs = plain(housing.yours_text.text()), plain(housing.theirs_text.text())
    assert "Amount (£): − 75.00 + 90.00" in yours and "Note: + Board rate" in yours
    assert "Amount (£): − 75.00 + 80.00" in theirs and "Note: + Council rate" in theirs
    assert widget.count_label.text() == "0 of 2 conflicts decided"
    assert not widget.merge_button.isEnabled()
    housing.choose("ours")
    assert widget.count_label.text() == "1 of 2 conflicts decided"
    assert not widget.merge_button.isEnabled()


@pytest.mark.parametrize(
    ("way", "amount", "note", "owner", "words"),
    [
        ("ours", "90.00", "Board rate", "Chief executive", "2 conflicts kept as yours"),
        ("theirs", "80.00", "Council rate", "Council leader", "2 conflicts settled with theirs"),
        ("combined", "85.00", "Split the difference", "Council leader", "2 conflicts combined"),
    ],
)
def test_each_way_of_settling_a_conflict_is_applied(
    qtbot: QtBot,
    clash: tuple[Path, Path],
    open_plan: DocumentEditor,
    way: str,
    amount: str,
    note: str,
    owner: str,
    words: str,
) -> None:
    _, package = clash
    project = open_plan.project
    open_plan.update_section(part(project, "foreword").id, intro="Before the merge.")
    widget = dialog(qtbot, open_plan, package)
    housing = widget.boxes[line(project, "Housing").id]
    publish = widget.boxes[action(project, "Publish the plan").id]
    for box in (housing, publish):
        box.choose(way)
    if way == "combined":
        assert housing.combine_box.isVisible()
        # Prefilled with yours, then typed over.
        assert housing.editors["amount"].text() == "90.00"  # type: ignore[attr-defined]
        assert housing.editors["note"].text() == "Board rate"  # type: ignore[attr-defined]
        housing.editors["amount"].setText("85")  # type: ignore[attr-defined]
        housing.editors["note"].setText("Split the difference")  # type: ignore[attr-defined]
        publish.editors["owner"].setText("Council leader")  # type: ignore[attr-defined]
    assert widget.count_label.text() == "2 of 2 conflicts decided"
    assert widget.merge_button.isEnabled()
    widget.merge_button.click()
    assert widget.merge_result is not None
    housing_line = line(project, "Housing")
    assert (housing_line.fields["amount"], housing_line.fields["note"]) == (amount, note)
    assert action(project, "Publish the plan").fields["owner"] == owner
    assert line(project, "Adult care").fields["amount"] == "1200.00"  # taken without asking
    assert open_plan.undo_stack.count() == 0
    assert len(list_snapshots(project)) == 1
    assert widget.report is not None and words in plain(widget.report.text())
    with Project.open(project.path, KINDS, read_only=True) as again:  # it is in the file
        assert line(again, "Housing").fields["amount"] == amount


def test_a_bad_combined_value_is_shown_beside_it_and_nothing_changes(
    qtbot: QtBot, clash: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = clash
    project = open_plan.project
    before = to_json(project.document)
    widget = dialog(qtbot, open_plan, package)
    housing = widget.boxes[line(project, "Housing").id]
    housing.choose("combined")
    housing.editors["amount"].setText("lots")  # type: ignore[attr-defined]
    widget.boxes[action(project, "Publish the plan").id].choose("theirs")
    assert widget.merge() is None
    assert housing.error_label.isVisible() and "Amount" in housing.error_label.text()
    assert "need fixing" in widget.message.text()
    assert to_json(project.document) == before
    assert not list_snapshots(project) and not merge_records(project)
    housing.editors["amount"].setText("85")  # type: ignore[attr-defined]
    assert widget.merge() is not None
    assert line(project, "Housing").fields["amount"] == "85.00"


def test_keep_mine_for_the_undecided_lists_them(
    qtbot: QtBot, clash: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = clash
    project = open_plan.project
    widget = dialog(qtbot, open_plan, package)
    widget.boxes[action(project, "Publish the plan").id].choose("theirs")
    assert not widget.merge_button.isEnabled()
    assert widget.keep_mine.text() == KEEP_MINE
    widget.keep_mine.setChecked(True)
    assert widget.merge_button.isEnabled()
    result = widget.merge()
    assert result is not None and [c.label for c in result.kept_ours] == ["Budget line: Housing"]
    assert line(project, "Housing").fields["amount"] == "90.00"
    assert action(project, "Publish the plan").fields["owner"] == "Council leader"
    assert widget.report is not None
    report = plain(widget.report.text())
    assert "1 conflict kept as yours; 1 conflict settled with theirs" in report
    assert "Budget line: Housing: changed here and in the package" in report
    # Merged again, the undecided conflict comes up again, and only it.
    again = dialog(qtbot, open_plan, package)
    assert [box.conflict.label for box in again.boxes.values()] == ["Budget line: Housing"]
    assert "listed again" in again.notes.text()


def test_merging_the_same_package_again_says_already_merged(
    qtbot: QtBot, returned: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = returned
    dialog(qtbot, open_plan, package).merge()
    merged = to_json(open_plan.project.document)
    again = dialog(qtbot, open_plan, package)
    assert again.plan is not None and again.plan.already_merged
    assert "Already merged: nothing new" in again.heading.text()
    assert not again.merge_button.isVisible() and not again.can_merge()
    assert again.merge() is None
    assert to_json(open_plan.project.document) == merged
    assert len(list_snapshots(open_plan.project)) == 1


def test_a_package_from_another_document_is_refused_and_nothing_changes(
    qtbot: QtBot, returned: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = returned
    other = tmp_path / "other.reformkit"
    Project.create(other, PLAN, "Another plan").close()
    before = digest(package)
    with Project.open(other, KINDS) as project:
        editor = DocumentEditor(project)
        document = to_json(project.document)
        widget = dialog(qtbot, editor, package)
        assert widget.plan is None
        assert "was made from 'Severn Vale plan', not from 'Another plan'" in widget.error
        assert "cannot be merged" in widget.heading.text()
        assert not widget.merge_button.isVisible() and widget.merge() is None
        assert to_json(project.document) == document
        assert not list_snapshots(project) and not merge_records(project)
    assert digest(package) == before


def test_an_ordinary_document_is_not_a_package(
    qtbot: QtBot, files: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    main, _ = files
    widget = dialog(qtbot, open_plan, main)
    assert widget.plan is None and "not a package" in widget.error


def test_an_edit_while_the_dialog_is_open_is_noticed(
    qtbot: QtBot, clash: tuple[Path, Path], open_plan: DocumentEditor
) -> None:
    _, package = clash
    project = open_plan.project
    widget = dialog(qtbot, open_plan, package)
    for box in widget.boxes.values():
        box.choose("theirs")
    open_plan.update_fields(line(project, "Adult care").id, {"amount": "1100"})  # now a conflict
    assert widget.merge() is None
    assert "changed while this was open" in widget.message.text()
    assert len(widget.boxes) == 3 and widget.decided_count() == 0
    assert not list_snapshots(project) and not merge_records(project)


def test_snapshot_names_do_not_clash() -> None:
    day = date(2026, 3, 3)
    assert snapshot_name("", set(), day) == "Before merging a partner's package, 3 March 2026"
    taken = {"Before merging ICB's package, 3 March 2026"}
    assert snapshot_name("ICB", taken, day) == "Before merging ICB's package, 3 March 2026 (2)"


def test_report_when_already_merged(files: tuple[Path, Path]) -> None:
    from reformkit.document.merge import apply_merge, plan_merge

    main, package = files
    with Project.open(main, KINDS) as project:
        apply_merge(project, plan_merge(project, package, KINDS))
        plan = plan_merge(project, package, KINDS)
        result = apply_merge(project, plan)
    assert report_lines(plan, result) == ["Already merged: nothing new. Nothing was changed."]
