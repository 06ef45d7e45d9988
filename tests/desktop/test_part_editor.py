"""The part editor writes what is typed through the editor and shows the stored values again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.editing.details_form import DetailsForm
from desktop.editing.editor import DocumentEditor
from desktop.editing.part_editor import REMOVED, PartEditor
from desktop.editing.part_item_page import ItemPage
from desktop.editing.parts_tree import PartsTree
from desktop.editing.section_form import SectionForm
from desktop.editing.tag_editor import TagEditor
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.model import Section, Source
from reformkit.document.project import Project
from tests.documents import KINDS

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "local-reform-plan.json"


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    document = loads(SAMPLE.read_text(encoding="utf-8"), KINDS)
    project = Project.create_from(tmp_path / "plan.reformkit", document, PLAN)
    editor = DocumentEditor(project)
    yield editor
    project.close()


@pytest.fixture
def part_editor(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> PartEditor:
    widget = PartEditor(editor, catalogue)
    qtbot.addWidget(widget)
    widget.resize(640, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _section(editor: DocumentEditor, key: str) -> Section:
    return next(s for s in editor.project.document.sections if s.key == key)


def _tick(tags: TagEditor, tag: str) -> None:
    for row in range(tags.list.count()):
        item = tags.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == tag:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
    raise AssertionError(tag)


def _retype(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_details_are_written_as_typed_and_undone(
    qtbot: QtBot, part_editor: PartEditor, editor: DocumentEditor
) -> None:
    meta = editor.project.document.meta
    part_editor.show_part("document", meta.id)
    form = part_editor.form
    assert isinstance(form, DetailsForm)
    assert form.title.text() == meta.title and form.organisation.text() == meta.organisation
    _retype(qtbot, form.organisation, "Severn Vale CA")
    assert meta.organisation == "Severn Vale CA"
    _retype(qtbot, form.authors, "Ada Lovelace")
    qtbot.keyClick(form.authors, Qt.Key.Key_Return)
    qtbot.keyClick(form.authors, Qt.Key.Key_Return)
    qtbot.keyClicks(form.authors, "Grace Hopper")
    assert meta.authors == ["Ada Lovelace", "Grace Hopper"]
    _retype(qtbot, form.title, "")
    assert form.title_problem.isVisibleTo(form) and meta.title  # an empty title is not kept
    qtbot.keyClicks(form.title, "Our plan")
    assert meta.title == "Our plan" and not form.title_problem.isVisibleTo(form)
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    original = loads(SAMPLE.read_text(encoding="utf-8"), KINDS).meta
    assert form.title.text() == original.title == meta.title
    assert form.organisation.text() == original.organisation
    assert form.authors.toPlainText() == "\n".join(original.authors)


def test_a_section_shows_its_guidance_and_edits_title_intro_owner_and_tags(
    qtbot: QtBot, part_editor: PartEditor, editor: DocumentEditor
) -> None:
    budget = _section(editor, "budget")
    part_editor.show_part("section", budget.id)
    form = part_editor.form
    assert isinstance(form, SectionForm)
    assert form.guidance.text() == PLAN.section_type("budget").help
    old_title, old_intro = budget.title, budget.intro
    _retype(qtbot, form.title, "")
    assert form.title_problem.isVisibleTo(form) and "needs a title" in form.title_problem.text()
    assert budget.title == old_title
    qtbot.keyClicks(form.title, "Our single pot")
    assert budget.title == "Our single pot" and not form.title_problem.isVisibleTo(form)
    _retype(qtbot, form.intro, "One pot for every partner.")
    assert budget.intro == "One pot for every partner."
    qtbot.keyClicks(form.owner, "Finance directors")
    assert budget.owner == "Finance directors"
    _tick(form.tags, "R3")
    assert "R3" in budget.tags
    assert "single pot" in form.tags._text.lower()  # suggestions come from the title and intro
    editor.undo_stack.undo()  # the tag
    assert "R3" not in budget.tags and "R3" not in form.tags.tags()
    editor.undo_stack.undo()  # the owner
    editor.undo_stack.undo()  # the introduction
    assert form.intro.toPlainText() == old_intro == budget.intro
    editor.undo_stack.undo()  # the title
    assert form.title.text() == old_title == budget.title


def test_an_item_shows_its_kind_and_source_and_edits_its_tags(
    part_editor: PartEditor, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    member = next(i for i in _section(editor, "board").items if i.source)
    part_editor.show_part("item", member.id)
    page = part_editor.form
    assert isinstance(page, ItemPage)
    assert page.heading.text() == "Board member"
    entry = catalogue.get(member.source.entry_id)
    assert page.source.text() == (f"From the briefing: {entry.title} — page {entry.page}")
    assert not page.banner.isVisibleTo(page)
    _tick(page.tags, "R22")
    assert "R22" in member.tags
    editor.undo_stack.undo()
    assert "R22" not in member.tags and "R22" not in page.tags.tags()


def test_a_library_source_says_so(
    part_editor: PartEditor, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    entry = catalogue.add("right", "Quiet time", text="An hour a week for reading.")
    workforce = _section(editor, "workforce")
    item_id = editor.add_item(
        workforce.id, "paragraph", {"text": "Quiet time"}, source=Source(entry.id, "x")
    )
    part_editor.show_part("item", item_id)
    assert part_editor.form.source.text() == "From your library: Quiet time"  # type: ignore[union-attr]


def test_the_review_banner_and_mark_as_reviewed(
    qtbot: QtBot, part_editor: PartEditor, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    member = next(i for i in _section(editor, "board").items if i.source)
    entry = catalogue.get(member.source.entry_id)
    editor.project.update_item(
        member.id, needs_review=True, source=Source(entry.id, "an-old-revision")
    )
    part_editor.show_part("item", member.id)
    page = part_editor.form
    assert isinstance(page, ItemPage)
    assert page.banner.isVisibleTo(page)
    assert not page.new_wording.isVisibleTo(page)
    qtbot.mouseClick(page.show_wording, Qt.MouseButton.LeftButton)
    assert page.new_wording.isVisibleTo(page) and entry.title in page.new_wording.text()
    qtbot.mouseClick(page.mark_reviewed, Qt.MouseButton.LeftButton)
    assert not member.needs_review and member.source == Source(entry.id, entry.revision)
    assert not page.banner.isVisibleTo(page)
    editor.undo_stack.undo()
    assert member.needs_review and member.source == Source(entry.id, "an-old-revision")
    assert page.banner.isVisibleTo(page)


def test_a_source_gone_from_the_catalogue_is_kept_when_reviewed(
    qtbot: QtBot, part_editor: PartEditor, editor: DocumentEditor
) -> None:
    member = _section(editor, "board").items[0]
    editor.project.update_item(member.id, needs_review=True, source=Source("U-gone", "old"))
    part_editor.show_part("item", member.id)
    page = part_editor.form
    assert isinstance(page, ItemPage)
    assert "no longer in the catalogue" in page.source.text()
    qtbot.mouseClick(page.mark_reviewed, Qt.MouseButton.LeftButton)
    assert not member.needs_review and member.source == Source("U-gone", "old")


def test_typing_in_an_item_field_writes_it(
    qtbot: QtBot, part_editor: PartEditor, editor: DocumentEditor
) -> None:
    action = _section(editor, "actions").items[0]
    part_editor.show_part("item", action.id)
    page = part_editor.form
    assert isinstance(page, ItemPage)
    field = page.form.widgets["action"].widget
    _retype(qtbot, field, "Open the hub")  # type: ignore[arg-type]
    assert action.fields["action"] == "Open the hub"


def test_a_removed_part_says_so_and_undo_brings_it_back(
    part_editor: PartEditor, editor: DocumentEditor
) -> None:
    section = _section(editor, "missions")
    item = section.items[0]
    part_editor.show_part("item", item.id)
    editor.remove_section(section.id)  # the item goes with its section
    assert part_editor.form is None
    assert part_editor.currentWidget() is part_editor.message
    assert part_editor.message.text() == REMOVED
    editor.undo_stack.undo()
    assert isinstance(part_editor.form, ItemPage) and part_editor.form.item_id == item.id


def test_every_control_has_an_accessible_name(
    part_editor: PartEditor, editor: DocumentEditor
) -> None:
    budget = _section(editor, "budget")
    parts = [
        ("document", editor.project.document.meta.id),
        ("section", budget.id),
        ("item", budget.items[1].id),
    ]
    for kind, part_id in parts:
        part_editor.show_part(kind, part_id)
        assert part_editor.form is not None
        controls = [
            w
            for w in part_editor.form.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(w, QLabel)
            and w.isVisibleTo(part_editor.form)
            and w.parent() is not None
            and type(w).__name__ not in {"QWidget", "QScrollBar"}
            and not w.objectName().startswith("qt_")
        ]
        assert controls
        # A button's text is its accessible name; every other control needs one set.
        unnamed = [
            type(w).__name__
            for w in controls
            if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        ]
        assert unnamed == [], (kind, unnamed)


def test_the_tree_drives_the_editor(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue, part_editor: PartEditor
) -> None:
    tree = PartsTree(editor, catalogue)
    qtbot.addWidget(tree)
    tree.part_selected.connect(part_editor.show_part)
    board = _section(editor, "board")
    tree.select_part(board.id)
    assert isinstance(part_editor.form, SectionForm) and part_editor.form.section_id == board.id
    tree.select_part(board.items[2].id)
    assert isinstance(part_editor.form, ItemPage)
    part_editor.form.form.widgets["name"].widget.setFocus()
    qtbot.keyClicks(part_editor.form.form.widgets["name"].widget, " Jr")
    assert tree.parts.index_of(board.items[2].id).data().endswith(" Jr")


def test_a_read_only_project_cannot_be_edited(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS, read_only=True) as project:
        reader = DocumentEditor(project)
        widget = PartEditor(reader, catalogue)
        qtbot.addWidget(widget)
        widget.show_part("document", project.document.meta.id)
        assert isinstance(widget.form, DetailsForm) and widget.form.title.isReadOnly()
        board = _section(reader, "board")
        widget.show_part("section", board.id)
        form = widget.form
        assert isinstance(form, SectionForm)
        assert form.title.isReadOnly() and form.intro.isReadOnly() and not form.tags.isEnabled()
        widget.show_part("item", board.items[0].id)
        page = widget.form
        assert isinstance(page, ItemPage)
        assert not page.tags.isEnabled() and not page.mark_reviewed.isEnabled()
        assert not any(w.widget.isEnabled() for w in page.form.widgets.values())
