"""The tag checklist reports changes, and its suggestions come from the catalogue."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.editing.tag_editor import TagEditor
from reformkit.catalogue.store import Catalogue


def test_ticking_and_suggesting(qtbot: QtBot, catalogue: Catalogue) -> None:
    editor = TagEditor(catalogue)
    qtbot.addWidget(editor)
    assert editor.list.count() == 22
    heard: list[list[str]] = []
    editor.tags_changed.connect(heard.append)
    editor.set_tags(["R18"])
    assert heard == [] and editor.tags() == ["R18"] and "R18" in editor.summary.text()
    editor.set_suggestion_text("One single pot budget for the Board, with an accounting officer")
    found = editor.suggest()
    assert "R14" in found and "R18" not in found
    editor.suggestions.linkActivated.emit("R14")
    assert heard[-1] == ["R14", "R18"]
