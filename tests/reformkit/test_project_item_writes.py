"""An item's edit is written as one statement (and the time of the change as one more), and
the file then holds exactly what the document holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from charter import CHARTER
from reformkit.document.model import Source
from reformkit.document.project import Project
from tests.documents import KINDS


def _rows(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    reader = sqlite3.connect(path)
    try:
        items = reader.execute("select * from items order by id").fetchall()
        meta = reader.execute("select * from meta order by key").fetchall()
    finally:
        reader.close()
    return items, meta


def test_an_item_edit_writes_what_a_fresh_save_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    with Project.create(path, CHARTER, "Charter") as project:
        rights = project.document.sections[2]
        item = project.add_item(rights.id, "right", {"title": "Time", "text": "Half a day."})
        project.add_item(rights.id, "right", {"title": "Rest", "text": "A break."})
        statements: list[str] = []
        project._db.conn.set_trace_callback(statements.append)  # type: ignore[union-attr]
        project.update_item(
            item.id,
            fields={"text": "A whole day.", "title": "Time to learn"},
            tags=["r18"],
            needs_review=True,
            source=Source("W3", "abc"),
        )
        project._db.conn.set_trace_callback(None)  # type: ignore[union-attr]
        written = [s for s in statements if s.split()[0].lower() in ("insert", "update", "delete")]
        assert len(written) == 2  # the item's row, and when the document changed
        document = project.document
    items, meta = _rows(path)
    copy = tmp_path / "copy.reformkit"
    Project.create_from(copy, document, CHARTER).close()
    fresh_items, fresh_meta = _rows(copy)
    assert items == fresh_items
    assert dict(meta)["modified"] == dict(fresh_meta)["modified"] == document.meta.modified
    with Project.open(path, KINDS) as again:
        _, stored = again.document.find_item(item.id)
        assert stored.fields["text"] == "A whole day." and stored.tags == ["R18"]
        assert stored.needs_review and stored.source == Source("W3", "abc")


def test_an_item_missing_from_the_file_is_not_written_and_the_document_reloads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.reformkit"
    with Project.create(path, CHARTER, "Charter") as project:
        rights = project.document.sections[2]
        item = project.add_item(rights.id, "right", {"title": "Time", "text": "Half a day."})
        project._db.conn.execute("delete from items where id = ?", [item.id])  # type: ignore[union-attr]
        with pytest.raises(Exception, match=item.id):
            project.update_item(item.id, fields={"text": "Lost"})
        with pytest.raises(KeyError):
            project.document.find_item(item.id)  # memory follows the file again
