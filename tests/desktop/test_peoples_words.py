"""People's words, not codes: titles and pages on screen, never the catalogue's internal
ids ("W3", "BR11", "U-4ef5df3d92ff"); a status bar that says what happened and drops a
refusal once it no longer stands; a catalogue mark that says "suits this part" in words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.editing.part_item_page import source_line
from desktop.editing.parts_model import ENTRY_MIME
from desktop.editing.parts_tree import PartsTree
from desktop.panels.catalogue_list import entry_row_html, entry_row_text
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Source
from reformkit.document.project import Project

# An internal code: a catalogue id that is not a recommendation's number, or a user's id.
CODE = re.compile(r"\b(U-[0-9a-f]{6,}|(?!R\d)[A-Z]{1,3}\d{1,3})\b")


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "plan.reformkit", PLAN, "Plan")
    yield DocumentEditor(project)
    project.close()


def _entry_mime(entry_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(ENTRY_MIME, QByteArray(entry_id.encode("utf-8")))
    return data


def test_catalogue_rows_name_entries_and_say_what_suits_in_words(catalogue: Catalogue) -> None:
    for entry_id in ("W3", "BR11", "D1", "B8"):
        entry = catalogue.get(entry_id)
        for text in (entry_row_html(entry, suits="The Board"), entry_row_text(entry, "", "x")):
            assert not CODE.search(text), text
            assert entry.title.split()[0] in text
            assert "✓" not in text and "suits this part" in text.lower()
        assert "suits this part" not in entry_row_html(entry).lower()
    recommendation = catalogue.get("R4")
    assert entry_row_text(recommendation).startswith("R4 ")  # the briefing numbers these


def test_where_an_item_came_from_is_a_title_and_a_page(catalogue: Catalogue) -> None:
    entry = catalogue.get("BR11")
    said = source_line(Source("BR11", entry.revision), entry)
    assert entry.title in said and not CODE.search(said)
    gone = source_line(Source("U-4ef5df3d92ff", "1"), None)
    assert "U-4ef5df3d92ff" not in gone and "no longer" in gone


def test_the_status_bar_says_what_a_drop_did_and_drops_a_stale_refusal(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    tree = PartsTree(editor, catalogue)
    qtbot.addWidget(tree)
    said: list[str] = []
    tree.status_message.connect(said.append)
    model = tree.parts
    sections = {s.key: s for s in editor.project.document.sections}
    budget, board = model.index_of(sections["budget"].id), model.index_of(sections["board"].id)
    # Dragged over a place that cannot take it: a sentence with the entry's title.
    assert not model.canDropMimeData(_entry_mime("W3"), Qt.DropAction.CopyAction, -1, 0, budget)
    assert catalogue.get("W3").title in said[-1] and not CODE.search(said[-1])
    # Over a place that can: the refusal goes.
    assert model.canDropMimeData(_entry_mime("BR3"), Qt.DropAction.CopyAction, -1, 0, board)
    assert said[-1] == ""
    # Dropped: what happened, in words.
    assert model.dropMimeData(_entry_mime("BR3"), Qt.DropAction.CopyAction, -1, 0, board)
    assert "is now in" in said[-1] and sections["board"].title in said[-1]
    assert not CODE.search(said[-1])
