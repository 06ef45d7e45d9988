"""Answers that arrive from a busy room (a drain of the inbox: "items-added" with no section)
are laid out on the worker, gathered into one run while they keep coming, and shown a little
later; the UI thread only patches the page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels import preview_panel
from desktop.panels.preview_panel import PreviewPanel, from_outside
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.project import Project

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


@pytest.fixture
def layout_threads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each layout the preview makes from now on: whether it ran on the UI thread."""
    seen: list[bool] = []
    real = getattr(preview_panel, "lay_out")  # noqa: B009 (not exported: mypy)

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(preview_panel, "lay_out", watched)
    return seen


def _arrive(editor: DocumentEditor, title: str) -> None:
    """A right added the way a drain adds answers: listeners hear ("items-added", "")."""
    project = editor.project
    section, right = next(
        (s, i) for s in project.document.sections for i in s.items if i.type == "right"
    )
    with project.batch("items-added", ""):
        project.add_item(section.id, "right", {**right.fields, "title": title})


def test_only_a_drain_counts_as_from_outside() -> None:
    assert from_outside("items-added", "")
    assert not from_outside("items-added", "section-1")  # a paste into one part
    assert not from_outside("item-added", "")
    assert not from_outside("item-changed", "item-1")


def test_what_arrives_is_laid_out_on_the_worker_and_shown(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, layout_threads: list[bool]
) -> None:
    _arrive(editor, "A right that came from a phone")
    assert "A right that came from a phone" not in preview.toPlainText()  # not at once
    qtbot.waitUntil(lambda: "A right that came from a phone" in preview.toPlainText(), timeout=8000)
    assert layout_threads and not any(layout_threads)
    assert preview.last_render_kind == "patch"


def test_drains_in_a_row_are_shown_by_one_run(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, layout_threads: list[bool]
) -> None:
    for number in range(5):
        _arrive(editor, f"Answer number {number} from the room")
    qtbot.waitUntil(lambda: "Answer number 4 from the room" in preview.toPlainText(), timeout=8000)
    text = preview.toPlainText()
    assert all(f"Answer number {n} from the room" in text for n in range(5))
    assert len(layout_threads) == 1


def test_the_users_own_edit_still_shows_at_once_on_the_ui_thread(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor, layout_threads: list[bool]
) -> None:
    section = next(s for s in editor.project.document.sections if s.items)
    editor.project.update_section(section.id, title="A title typed just now")
    qtbot.waitUntil(lambda: "A title typed just now" in preview.toPlainText(), timeout=3000)
    assert layout_threads[0] is True


def test_a_hidden_preview_takes_what_arrived_when_shown(
    qtbot: QtBot, preview: PreviewPanel, editor: DocumentEditor
) -> None:
    preview.hide()
    _arrive(editor, "Said while the preview was closed")
    qtbot.waitUntil(lambda: preview._stale, timeout=8000)  # its turn came while hidden
    assert "Said while the preview was closed" not in preview.toPlainText()
    preview.show()
    qtbot.waitUntil(
        lambda: "Said while the preview was closed" in preview.toPlainText(), timeout=8000
    )
