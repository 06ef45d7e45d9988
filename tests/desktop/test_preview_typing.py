"""While someone types, the preview lays out every section afresh but keeps the appendices
(the coverage) as last laid out; after a pause they follow, worked out on a worker, and the
page ends up as a full render would draw it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels import preview_panel
from desktop.panels.preview_panel import PreviewPanel
from desktop.panels.preview_parts import write_parts
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.layout.engine import lay_out

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "respect-charter.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "c.reformkit", document, kinds.get(document.kind))
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def preview(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> PreviewPanel:
    panel = PreviewPanel(editor, catalogue)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _full_page(editor: DocumentEditor, catalogue: Catalogue) -> list[str]:
    project = editor.project
    laid = lay_out(
        project.document, project.spec, catalogue.entries("recommendation"), catalogue.seed.credit
    )
    return [part.html for part in write_parts(laid)[0]]


def _a_right(editor: DocumentEditor, catalogue: Catalogue) -> tuple[str, str, list[str]]:
    """A right, a recommendation the document does not answer yet, and the right's tags."""
    text = "\n".join(_full_page(editor, catalogue))
    unanswered = next(
        e.id for e in catalogue.entries("recommendation") if f"evidence-{e.id.lower()}" not in text
    )
    for section in editor.project.document.sections:
        for item in section.items:
            if item.type == "right":
                return item.id, unanswered, list(item.tags)
    raise AssertionError("the sample charter has no right")


def test_typing_keeps_the_appendices_until_a_pause(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    item_id, recommendation, tags = _a_right(editor, catalogue)
    anchor = f"evidence-{recommendation.lower()}"
    editor.set_item_tags(item_id, [*tags, recommendation])
    editor.update_fields(item_id, {"text": "Typed before the pause."})
    with qtbot.waitSignal(preview.rendered, timeout=3000):
        pass
    assert preview.last_render_kind == "patch"
    page = "\n".join(part.html for part in preview.all_parts)
    assert "Typed before the pause." in page
    assert anchor not in page  # the coverage follows after the pause
    qtbot.waitUntil(lambda: anchor in "\n".join(p.html for p in preview.all_parts), timeout=5000)
    assert [part.html for part in preview.all_parts] == _full_page(editor, catalogue)


def _settled(preview: PreviewPanel) -> bool:
    """No render due and no appendices being worked out."""
    busy = preview._back_worker.running or preview._back_timer.isActive()
    return not busy and not preview._timer.isActive()


def test_an_edit_during_the_appendices_work_is_not_lost(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    item_id, recommendation, tags = _a_right(editor, catalogue)
    editor.set_item_tags(item_id, [*tags, recommendation])
    preview._refresh_back()  # the pause's work starts on the tagged snapshot...
    assert preview._back_worker.running
    editor.set_item_tags(item_id, tags)  # ...and the tag goes
    qtbot.waitUntil(lambda: _settled(preview), timeout=5000)
    qtbot.waitUntil(
        lambda: [p.html for p in preview.all_parts] == _full_page(editor, catalogue), timeout=5000
    )


def test_render_now_lays_out_everything_at_once(
    preview: PreviewPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    item_id, recommendation, tags = _a_right(editor, catalogue)
    editor.set_item_tags(item_id, [*tags, recommendation])
    preview.render_now()
    assert [part.html for part in preview.all_parts] == _full_page(editor, catalogue)


def test_a_hidden_preview_takes_the_appendices_when_shown(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    item_id, recommendation, tags = _a_right(editor, catalogue)
    editor.set_item_tags(item_id, [*tags, recommendation])
    with qtbot.waitSignal(preview.rendered, timeout=3000):
        pass
    preview.hide()
    qtbot.wait(preview_panel.BACK_PAUSE_MS + 500)
    preview.show()
    qtbot.waitUntil(
        lambda: [p.html for p in preview.all_parts] == _full_page(editor, catalogue), timeout=5000
    )
