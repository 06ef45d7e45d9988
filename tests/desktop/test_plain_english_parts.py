"""The Plain English panel checked part by part while typing (``update_parts``) shows what a
panel that checked the whole document shows, and leaves unchanged headings alone."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop.document_window import DocumentWindow
from desktop.panels.plain_english_panel import PlainEnglishPanel
from tests.desktop.test_plain_english import HARD, PLAIN, _shown, window  # noqa: F401
from tests.desktop.windows_helpers import session  # noqa: F401 (a fixture)


def _paragraph_ids(window: DocumentWindow, count: int) -> list[str]:  # noqa: F811
    ids = [
        item.id
        for section in window.project.document.sections
        for item in section.items
        if item.type == "paragraph"
    ]
    assert len(ids) >= count, "the sample has paragraphs to type in"
    return ids[:count]


def test_parts_checked_one_by_one_show_what_the_whole_document_shows(
    qtbot: QtBot,
    window: DocumentWindow,  # noqa: F811
) -> None:
    panel = window.plain_english
    editor = window.editor
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=10_000)
    sections = window.project.document.sections
    first, second, last = sections[0], sections[2], sections[-1]
    one, two = _paragraph_ids(window, 2)
    editor.update_section(sections[4].id, intro=f"{HARD} once")
    panel.refresh()
    kept = panel.list_view.topLevelItem(0)
    edits: list[Callable[[], None]] = [
        lambda: editor.update_section(second.id, intro=f"{PLAIN} {HARD}"),  # new
        lambda: editor.update_section(first.id, intro=HARD),  # new, before the others
        lambda: editor.update_section(last.id, intro=f"{HARD} utilise"),  # new, at the end
        lambda: editor.update_fields(one, {"text": f"{HARD} {HARD} utilise"}),  # changed
        lambda: editor.update_fields(two, {"text": PLAIN}),  # gone, if it had any
        lambda: editor.update_section(second.id, intro=f"{HARD} {PLAIN}"),  # changed
        lambda: editor.update_section(first.id, intro=PLAIN),  # gone
        lambda: editor.update_section(second.id, intro=f"{HARD} {PLAIN}"),  # the same
    ]
    for edit in edits:
        edit()
        assert panel.is_checking()  # the part waits for its check
        panel.update_parts()
        afresh = PlainEnglishPanel(editor)
        afresh.refresh()
        assert _shown(panel) == _shown(afresh)
        assert panel.finding_count() == afresh.finding_count()
        assert [g.part_id for g in panel.groups] == [g.part_id for g in afresh.groups]
        afresh.deleteLater()
    assert kept is not None and kept.text(0) == sections[4].title
    assert panel.list_view.indexOfTopLevelItem(kept) >= 0, "an unchanged heading stays"
    assert any(_shown(panel)), "the edits left findings to compare"
