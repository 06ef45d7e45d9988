"""The parts tree's rows: selectable everywhere; in a writable document sections and items
can be dragged and every row takes drops, in a read-only one nothing moves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.editing.parts_model import PartsModel
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from tests.documents import KINDS

F = Qt.ItemFlag
PLAIN = F.ItemIsEnabled | F.ItemIsSelectable


def _flags(project: Project, catalogue: Catalogue) -> list[Qt.ItemFlag]:
    model = PartsModel(DocumentEditor(project), catalogue)
    document = model.index(0, 0)
    section = model.index(1, 0)
    item = model.index(0, 0, model.index(3, 0))
    assert item.isValid()
    return [model.flags(index) for index in (document, section, item)]


def test_rows_move_only_in_a_writable_document(
    tmp_path: Path, qapp: object, catalogue: Catalogue
) -> None:
    path = tmp_path / "c.reformkit"
    with Project.create(path, CHARTER, "Charter") as project:
        rights = project.document.sections[2]
        project.add_item(rights.id, "right", {"title": "Time", "text": "Half a day."})
        writable = _flags(project, catalogue)
    with Project.open(path, KINDS, read_only=True) as project:
        read_only = _flags(project, catalogue)
    drop, drag = F.ItemIsDropEnabled, F.ItemIsDragEnabled
    assert writable == [PLAIN | drop, PLAIN | drag | drop, PLAIN | drag | drop]
    assert read_only == [PLAIN, PLAIN, PLAIN]
