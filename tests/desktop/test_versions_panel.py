"""The versions panel: snapshots taken and listed, and two versions compared side by side."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.compare_dialog import CompareDialog
from desktop.panels.compare_html import compare_html, count_line
from desktop.panels.versions_panel import NOW_LABEL, VersionsPanel
from reformkit.dates import long_date
from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.document.versions import Change, FieldChange

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def charter(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "respect-charter.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "charter.reformkit", document, kinds.get("charter"))
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def panel(qtbot, charter: DocumentEditor) -> VersionsPanel:
    widget = VersionsPanel(charter, document_kinds())
    qtbot.addWidget(widget)
    widget.errors = []  # type: ignore[attr-defined]
    widget.show_error = widget.errors.append  # type: ignore[method-assign, attr-defined]
    widget.show()
    return widget


def _names(panel: VersionsPanel) -> list[str]:
    return [panel.list.topLevelItem(n).text(0) for n in range(panel.list.topLevelItemCount())]


def _answer(panel: VersionsPanel, name: str | None) -> list[str]:
    asked: list[str] = []

    def ask(default: str) -> str | None:
        asked.append(default)
        return name

    panel.ask_name = ask  # type: ignore[method-assign]
    return asked


def test_take_a_snapshot_and_see_it_listed(panel: VersionsPanel) -> None:
    assert _names(panel) == [NOW_LABEL]
    assert "No snapshots yet" in panel.hint.text()
    asked = _answer(panel, "As agreed by the team")
    panel.snapshot_button.click()
    assert asked == [f"Snapshot {long_date(date.today())}"]
    assert _names(panel) == [NOW_LABEL, "As agreed by the team"]
    row = panel.list.topLevelItem(1)
    assert str(date.today().year) in row.text(1)
    assert row.isSelected()  # ready to compare with now
    assert panel.compare_button.isEnabled()
    # The next default name does not clash with one already taken.
    asked = _answer(panel, None)
    _answer(panel, f"Snapshot {long_date(date.today())}")
    panel.take_snapshot()
    asked = _answer(panel, None)
    assert panel.take_snapshot() is None  # cancelled
    assert asked == [f"Snapshot {long_date(date.today())} (2)"]
    assert len(_names(panel)) == 3


def test_a_refused_name_is_a_plain_message(panel: VersionsPanel) -> None:
    _answer(panel, "Draft")
    panel.take_snapshot()
    panel.take_snapshot()
    _answer(panel, "   ")
    panel.take_snapshot()
    errors = panel.errors  # type: ignore[attr-defined]
    assert "already a snapshot called 'Draft'" in errors[0]
    assert "Give the snapshot a name" in errors[1]
    assert panel.compare("No such snapshot", "now") is None
    assert "There is no snapshot called 'No such snapshot'" in errors[2]


def test_read_only_documents_cannot_take_snapshots(
    qtbot, charter: DocumentEditor, tmp_path: Path
) -> None:
    path = charter.project.path
    charter.project.close()
    with Project.open(path, document_kinds(), read_only=True) as project:
        panel = VersionsPanel(DocumentEditor(project), document_kinds())
        qtbot.addWidget(panel)
        assert not panel.snapshot_button.isEnabled()
        assert "read-only" in panel.snapshot_button.toolTip()
        errors: list[str] = []
        panel.show_error = errors.append  # type: ignore[method-assign]
        _answer(panel, "Attempt")
        assert panel.take_snapshot() is None
        assert "read-only" in errors[0]


def test_compare_a_snapshot_with_now(qtbot, panel: VersionsPanel, charter: DocumentEditor) -> None:
    _answer(panel, "Before the workshop")
    panel.take_snapshot()
    document = charter.project.document
    rights = next(s for s in document.sections if s.key == "rights")
    duties = next(s for s in document.sections if s.key == "duties")
    first = rights.items[0]
    old_text = str(first.fields["text"])
    charter.update_fields(first.id, {"text": old_text.replace("you", "you and your team", 1)})
    charter.add_item(rights.id, "right", {"title": "Quiet time", "text": "An hour a week."})
    charter.remove_item(duties.items[0].id)

    with qtbot.waitSignal(panel.compare_opened) as signal:
        panel.compare_button.click()
    dialog = signal.args[0]
    assert isinstance(dialog, CompareDialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.older_label.startswith("Before the workshop")
    assert dialog.newer_label == "Now"
    kinds = {change.kind for change in dialog.changes}
    assert {"added", "removed", "changed"} <= kinds
    text = dialog.view.toPlainText()
    assert "Older: Before the workshop" in text and "Newer: Now" in text
    assert "＋ Added: Right: Quiet time" in text
    assert "− Removed:" in text
    assert "✎ Changed:" in text
    assert "+and your team" in text  # the word diff, marked in words as well as colour
    assert dialog.summary_label.text().startswith("1 added · 1 removed")
    html = dialog.html
    assert '<span class="ins">+<u>and your team</u></span>' in html
    assert rights.title in text  # grouped under the section's title
    dialog.close()


def test_compare_two_snapshots_puts_the_older_on_the_left(
    panel: VersionsPanel, charter: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    moments = iter(f"2026-11-30T10:{minute:02d}:00+00:00" for minute in range(60))
    monkeypatch.setattr("reformkit.document.project.now", lambda: next(moments))
    _answer(panel, "Zebra, the first")  # named so that the name's order is the wrong one
    panel.take_snapshot()
    charter.set_meta(title="Northfield charter, agreed")
    _answer(panel, "Second")
    panel.take_snapshot()
    dialog = panel.compare("Second", "Zebra, the first")
    assert dialog is not None
    assert dialog.older_label.startswith("Zebra") and dialog.newer_label.startswith("Second")
    assert [c.kind for c in dialog.changes] == ["changed"]
    assert '<span class="del">−<s>' in dialog.html
    # Choosing two rows and pressing Compare does the same.
    panel.list.clearSelection()
    panel.list.topLevelItem(1).setSelected(True)
    panel.list.topLevelItem(2).setSelected(True)
    assert panel.compare_button.isEnabled()
    again = panel.compare_selected()
    assert again is not None and again.older_label.startswith("Zebra")
    # Three chosen: Compare is off and says why.
    panel.list.topLevelItem(0).setSelected(True)
    assert not panel.compare_button.isEnabled()
    assert "only two" in panel.hint.text()


def test_word_diff_marks_are_text_not_only_colour() -> None:
    change = Change(
        "changed",
        "Rights of staff",
        "Right: Pay",
        (FieldChange("Text", "Fair pay <b>now</b>.", "Fair and stable pay <b>now</b>."),),
    )
    html = compare_html([change], "Snapshot 1", "Now")
    assert '<span class="ins">+<u>and stable</u></span>' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html  # the user's text stays text
    removed = Change("removed", "Duties", "Duty: Candour")
    added = Change("added", "Duties", "Duty: Collaborate")
    html = compare_html([removed, added], "A", "B")
    assert "− Removed:" in html and "＋ Added:" in html
    assert count_line([removed, added]) == "1 added · 1 removed"
    assert count_line([]).startswith("No differences")
