"""The live preview: shows the document, follows edits and the cursor, keeps user text as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QUrl

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.preview_panel import DEBOUNCE_MS, PreviewPanel
from desktop.panels.preview_parts import write_parts
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.model import Document
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _open(tmp_path: Path, document: Document) -> Project:
    kinds = document_kinds()
    return Project.create_from(tmp_path / "doc.reformkit", document, kinds.get(document.kind))


@pytest.fixture
def charter(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    text = (SAMPLES / "respect-charter.json").read_text(encoding="utf-8")
    project = _open(tmp_path, loads(text, document_kinds()))
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def preview(qtbot, charter: DocumentEditor, catalogue: Catalogue) -> PreviewPanel:
    panel = PreviewPanel(charter, catalogue)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _first_clause(editor: DocumentEditor) -> tuple[str, str]:
    """(section id, item id) of the first right in the charter."""
    for section in editor.project.document.sections:
        for item in section.items:
            if item.type == "right":
                return section.id, item.id
    raise AssertionError("the sample charter has no rights")


def test_shows_the_title_and_a_clause(preview: PreviewPanel, charter: DocumentEditor) -> None:
    text = preview.toPlainText()
    assert charter.project.document.meta.title in text
    _, item_id = _first_clause(charter)
    _, item = charter.project.document.find_item(item_id)
    assert str(item.fields["title"]) in text
    assert str(item.fields["text"]).split("\n")[0][:40] in text
    assert "How this document answers the 22 recommendations" in text


def test_an_edit_re_renders_after_a_short_wait(
    qtbot, preview: PreviewPanel, charter: DocumentEditor
) -> None:
    _, item_id = _first_clause(charter)
    with qtbot.waitSignal(preview.rendered, timeout=DEBOUNCE_MS + 2000) as signal:
        charter.update_fields(item_id, {"text": "Staff may choose how they work, within reason."})
        assert "within reason" not in preview.toPlainText()  # not yet: debounced
    assert "within reason" in preview.toPlainText()
    assert isinstance(signal.args[0], float)
    assert preview.last_render_kind == "patch"


def test_many_quick_edits_render_once(
    qtbot, preview: PreviewPanel, charter: DocumentEditor
) -> None:
    _, item_id = _first_clause(charter)
    renders: list[float] = []
    preview.rendered.connect(renders.append)
    for n in range(5):
        charter.update_fields(item_id, {"text": f"Typing {n}"})
    qtbot.waitUntil(lambda: bool(renders), timeout=2000)
    qtbot.wait(DEBOUNCE_MS * 2)
    assert len(renders) == 1
    assert "Typing 4" in preview.toPlainText()


def test_edits_of_every_kind_reach_the_page(preview: PreviewPanel, charter: DocumentEditor) -> None:
    document = charter.project.document
    rights = next(s for s in document.sections if s.key == "rights")
    charter.add_item(rights.id, "right", {"title": "Quiet time", "text": "An hour a week."})
    charter.update_section(rights.id, title="Rights of every member of staff")
    charter.set_meta(title="Northfield charter, second draft")
    charter.add_section("custom", "Glossary", 0)
    preview.render_now()
    text = preview.toPlainText()
    for words in ("Quiet time", "Rights of every member of staff", "second draft", "1 Glossary"):
        assert words in text
    charter.undo_stack.undo()  # the glossary goes; numbers shift back
    preview.render_now()
    text = preview.toPlainText()
    assert "Glossary" not in text
    assert "3 Rights of every member of staff" in text


def test_user_text_is_shown_as_text(preview: PreviewPanel, charter: DocumentEditor) -> None:
    _, item_id = _first_clause(charter)
    typed = "<script>alert('x')</script> & <b>not bold</b>"
    charter.update_fields(item_id, {"text": typed})
    preview.render_now()
    assert typed in preview.toPlainText()
    assert "<script>" not in preview.toHtml()


def test_show_part_scrolls_to_the_section_and_the_clause(
    qtbot, preview: PreviewPanel, charter: DocumentEditor
) -> None:
    bar = preview.verticalScrollBar()
    assert bar.maximum() > 0
    last = charter.project.document.sections[-1]
    preview.show_part("section", last.id)
    assert last.title in _at_top(preview)[0]  # its heading at the top of the view
    assert (
        preview.anchor_for("section", last.id)
        == f"section-{len(charter.project.document.sections)}"
    )
    _section_id, item_id = _first_clause(charter)
    preview.show_part("item", item_id)
    assert preview.anchor_for("item", item_id) == f"item-{item_id}"
    # The clause's title is at the top of the visible page now.
    _, item = charter.project.document.find_item(item_id)
    assert _at_top(preview) == (item.fields["title"], 0)
    preview.show_part("meta", "")
    assert bar.value() == 0


def test_show_part_waits_for_a_pending_render(
    qtbot, preview: PreviewPanel, charter: DocumentEditor
) -> None:
    new_id = charter.add_section("custom", "Appendix of terms")
    preview.show_part("section", new_id)  # not on the page yet
    with qtbot.waitSignal(preview.rendered, timeout=2000):
        pass
    assert "Appendix of terms" in _at_top(preview)[0]


def _at_top(preview: PreviewPanel) -> tuple[str, int]:
    """What the reader sees at the top of the view: a paragraph's words, and which line."""
    cursor = preview.cursorForPosition(QPoint(20, 1))
    block = cursor.block()
    return block.text(), block.layout().lineForTextPosition(cursor.positionInBlock()).lineNumber()


def test_the_reader_keeps_their_place_across_re_renders(
    preview: PreviewPanel, charter: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same words stay at the top of the view, whatever changes above or below them and
    whether the page is patched or built afresh."""
    document = charter.project.document
    first, last = document.sections[0], document.sections[-1]
    middle = [i for s in document.sections[1:-1] for i in s.items if i.type == "right"]
    item = middle[len(middle) // 2]
    preview.show_part("item", item.id)
    bar = preview.verticalScrollBar()
    bar.setValue(bar.value() + bar.singleStep())  # a little way into the clause
    place = _at_top(preview)
    assert place[0] and place[0] in preview.toPlainText()

    charter.update_section(last.id, intro="A few more words at the end.")  # below the view
    preview.render_now()
    assert preview.last_render_kind == "patch"
    assert _at_top(preview) == place

    before = bar.value()
    charter.update_section(first.id, intro="A longer introduction, said again. " * 30)
    preview.render_now()  # above the view: the page moves down with the words
    assert preview.last_render_kind == "patch"
    assert _at_top(preview) == place
    assert bar.value() > before

    monkeypatch.setattr("desktop.panels.preview_panel.PATCH_LIMIT", 0)
    charter.update_section(last.id, intro="And a few more.")
    preview.render_now()
    assert preview.last_render_kind == "full"
    assert _at_top(preview) == place

    charter.update_section(first.id, intro="Short again.")  # words above taken away
    preview.render_now()
    assert preview.last_render_kind == "full"
    assert _at_top(preview) == place


def test_a_page_at_the_top_stays_at_the_top(preview: PreviewPanel, charter: DocumentEditor) -> None:
    top = _at_top(preview)
    charter.update_section(charter.project.document.sections[0].id, intro="New words. " * 30)
    preview.render_now()
    assert _at_top(preview) == top
    assert preview.verticalScrollBar().value() == 0  # the title is still in view


def test_internal_links_scroll_and_nothing_is_fetched(
    preview: PreviewPanel, charter: DocumentEditor
) -> None:
    preview.anchorClicked.emit(QUrl("#appendix-a"))
    assert _at_top(preview)[0] == "A How this document answers the 22 recommendations"
    preview.anchorClicked.emit(QUrl("https://example.com/"))  # ignored, not opened
    assert preview.source().isEmpty()
    assert bytes(preview.loadResource(2, QUrl("https://example.com/a.png"))).strip() == b""
    assert bytes(preview.loadResource(2, QUrl("file:///etc/passwd"))).strip() == b""


@pytest.mark.slow
def test_a_keystroke_on_a_300_section_plan_patches_the_page(
    qtbot, tmp_path: Path, catalogue: Catalogue
) -> None:
    """Each edit of a long plan rewrites only its own part of the page, and shows. How fast
    that is: ``benchmarks/big_plan_views.py``."""
    from benchmarks.generated_plan import generated_plan

    project = _open(tmp_path, generated_plan(300))
    editor = DocumentEditor(project)
    panel = PreviewPanel(editor, catalogue)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    section = project.document.sections[150]
    panel.show_part("section", section.id)
    item = section.items[0]
    kinds = set()
    for n in range(3):
        editor.update_fields(item.id, {"text": f"{item.fields['text']} edit {n}"})
        panel.render_now()
        kinds.add(panel.last_render_kind)
        assert f"edit {n}" in panel.toPlainText()
    project.close()
    assert kinds == {"patch"}


def test_a_hidden_preview_waits_until_shown(
    qtbot, preview: PreviewPanel, charter: DocumentEditor
) -> None:
    preview.hide()
    _, item_id = _first_clause(charter)
    charter.update_fields(item_id, {"text": "Written while the preview was hidden."})
    qtbot.wait(DEBOUNCE_MS * 3)
    assert "while the preview was hidden" not in preview.toPlainText()
    preview.show()
    assert "while the preview was hidden" in preview.toPlainText()


def test_the_parts_make_up_the_writers_whole_page(
    charter: DocumentEditor, catalogue: Catalogue
) -> None:
    """Cutting the page into parts must not change a character of what the writer wrote
    (but for the short cells the preview keeps on one line)."""
    from desktop.panels.preview_columns import keep_short_cells_whole
    from reformkit.export.html_writer import write_html
    from reformkit.layout.engine import lay_out

    project = charter.project
    laid = lay_out(
        project.document, project.spec, catalogue.entries("recommendation"), catalogue.seed.credit
    )
    page = write_html(laid)
    body = page[page.index("<body>") + len("<body>") : page.rindex("</body>")]
    parts, written = write_parts(laid)
    assert "".join(part.html for part in parts).strip() == keep_short_cells_whole(body).strip()
    assert written == len(parts) == len(project.document.sections) + 3
    again, written = write_parts(laid, parts)
    assert written == 0 and all(a is b for a, b in zip(again, parts, strict=True))
