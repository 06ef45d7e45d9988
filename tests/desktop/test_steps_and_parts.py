"""Steps and parts share numbers: each builder step says which parts it edits in the
document's own numbering (the parts list's, the preview's, the Checks panel's), in its header,
its line in the step list and what a screen reader hears; the checks page names parts as the
Checks panel does. For every kind with a guide, never naming one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.document_window import DocumentWindow
from desktop.session import AppSession
from desktop.wizard.blocks_checks import ChecksWidget
from desktop.wizard.builder import GuidedBuilder
from desktop.wizard.step_parts import parts_heading, parts_note
from tests.desktop.windows_helpers import new_document, session

__all__ = ["session"]


def test_parts_in_words() -> None:
    assert parts_heading([(11, "Total budget")]) == "Part 11: Total budget"
    assert parts_heading([(6, "A"), (7, "B"), (8, "C")]) == "Parts 6 to 8: A; B; C"
    assert parts_note([(3, "A"), (4, "B")]) == "parts 3 and 4"
    assert parts_note([(2, "A"), (5, "B"), (9, "C")]) == "parts 2, 5 and 9"
    assert parts_heading([]) == parts_note([]) == ""


def _builders(qtbot: QtBot, session: AppSession, folder: Path) -> list[DocumentWindow]:
    kinds = [spec.kind for spec in session.kinds if spec.guide]
    assert kinds
    return [new_document(qtbot, session, kind, folder) for kind in kinds]


def _guide(window: DocumentWindow) -> GuidedBuilder:
    assert isinstance(window.guide, GuidedBuilder)
    return window.guide


def _tree_number(window: DocumentWindow, section_id: str) -> str:
    """The number the parts list shows for a section (its row reads '11  Title')."""
    text = str(window.tree.parts.index_of(section_id).data())
    return text.split()[0]


def test_each_step_names_its_parts_as_the_parts_list_numbers_them(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    for window in _builders(qtbot, session, tmp_path):
        guide = _guide(window)
        document = window.project.document
        named = 0
        for number, step in enumerate(guide.guide.steps, start=1):
            page, row = guide.page(number), guide.steps.item(number - 1)
            counter = f"Step {number} of {guide.step_count()}"
            spoken = str(row.data(Qt.ItemDataRole.AccessibleTextRole))
            sections = [s for s in document.sections if s.key in step.sections]
            if not sections:
                assert page.counter.text() == counter
                continue
            first = min(document.sections.index(s) for s in sections)
            section = document.sections[first]
            position = str(first + 1)
            assert _tree_number(window, section.id) == position  # the parts list agrees
            header = page.counter.text()
            assert header.startswith(f"{counter} · Part"), header
            assert f" {position}" in header and section.title in header, header
            assert row.toolTip().startswith("Part") and section.title in row.toolTip()
            assert f"part {position}" in spoken or f"parts {position}" in spoken, spoken
            assert f" {position}" in page.title.accessibleName().split(", part")[-1]
            named += 1
        assert named >= 2  # the guide's steps do edit parts
        window.close()


def test_moving_a_part_renumbers_the_steps_that_edit_it(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    for window in _builders(qtbot, session, tmp_path):
        guide = _guide(window)
        document = window.project.document
        numbered = [
            (number, step)
            for number, step in enumerate(guide.guide.steps, start=1)
            if len(step.sections) == 1 and any(s.key in step.sections for s in document.sections)
        ]
        number, step = numbered[-1]
        section = next(s for s in document.sections if s.key in step.sections)
        guide.go_to_step(number)
        before = document.sections.index(section) + 1
        assert f"Part {before}: {section.title}" in guide.page(number).counter.text()
        window.editor.move_section(section.id, 0)  # now the first part
        assert window.project.document.sections[0].id == section.id
        assert f"Part 1: {section.title}" in guide.page(number).counter.text()
        assert guide.steps.item(number - 1).toolTip() == f"Part 1: {section.title}"
        assert _tree_number(window, section.id) == "1"
        window.close()


def test_the_checks_page_names_parts_as_the_checks_panel_does(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    named_parts = 0
    for window in _builders(qtbot, session, tmp_path):
        guide = _guide(window)
        document = window.project.document
        pages = [n for n in range(1, guide.step_count() + 1) if _checks(guide, n)]
        assert pages, "every guide ends with its checks"
        number = pages[-1]
        guide.go_to_step(number)
        checks = _checks(guide, number)
        assert checks is not None
        checks.refresh()
        if checks.block.problems:  # the kernel's checks, under each part's name
            window.checks.refresh()
            panel_names = {group.name for group in window.checks.groups}
            assert checks.parts, "a new document has things to check"
            for name in checks.parts:
                assert name in panel_names, (name, panel_names)
            titled = [f"{s.title} (part {n})" for n, s in enumerate(document.sections, 1)]
            assert any(name.endswith(tuple(titled)) for name in checks.parts)
            named_parts += 1
        # Each empty step says which parts it would fill, numbered as the parts list is.
        empty = [text for text in checks.findings if text.startswith("Step ")]
        assert empty
        for text in empty:
            number = int(text.split(":")[0].removeprefix("Step "))
            step = guide.guide.steps[number - 1]
            first = {}
            for position, section in enumerate(document.sections, start=1):
                first.setdefault(section.key, (position, section.title))
            parts = [first[key] for key in step.sections if key in first]
            if parts:
                assert text == f"Step {number}: {step.title} ({parts_note(parts)})"
        window.close()
    assert named_parts, "a guide's checks page lists the kernel's checks"


def _checks(guide: GuidedBuilder, number: int) -> ChecksWidget | None:
    found = [b for b in guide.page(number).blocks if isinstance(b, ChecksWidget)]
    return found[0] if found else None
