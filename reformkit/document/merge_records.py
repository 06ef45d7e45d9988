"""Which packages were merged into a document, and which of their conflicts are unsettled.

The records live in the tables ``merged_packages`` and ``merge_pending`` (schema 2) and are
written inside the merge's own transaction, so a merge and its record are kept together or
not at all: merging the same package again stays a no-op. A file of schema 1, read but not
yet upgraded (a dry run, a read-only file), still has them as JSON in ``meta``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reformkit.document.project_file import LEGACY_MERGE_KEY

if TYPE_CHECKING:
    from sqlite_utils import Database

    from reformkit.document.project import Project

RECORDS_TABLE = "merged_packages"
PENDING_TABLE = "merge_pending"


@dataclass(frozen=True)
class MergeRecord:
    """A package merged into the document: which, when, and its parts as merged."""

    package_id: str
    content_hash: str
    merged: str
    partner: str
    parts: tuple[str, ...]
    content: tuple[dict[str, Any], ...]  # the base for the next merge of this package
    pending: tuple[str, ...] = ()  # conflicts kept as ours without a choice, to settle later

    def to_json(self) -> dict[str, Any]:
        return {
            "package_id": self.package_id,
            "hash": self.content_hash,
            "merged": self.merged,
            "partner": self.partner,
            "parts": list(self.parts),
            "content": list(self.content),
            "pending": list(self.pending),
        }


def merge_records(project: Project) -> dict[str, MergeRecord]:
    """The packages merged into ``project`` so far, by package id."""
    tables = project.execute_read(
        "select name from sqlite_master where type = 'table' and name = ?", [RECORDS_TABLE]
    )
    if not tables:
        rows = project.execute_read("select value from meta where key = ?", [LEGACY_MERGE_KEY])
        return _legacy_records(str(rows[0]["value"]) if rows else "")
    pending: dict[str, list[str]] = {}
    for row in project.execute_read(
        f"select package_id, conflict_id from {PENDING_TABLE} order by package_id, position"
    ):
        pending.setdefault(str(row["package_id"]), []).append(str(row["conflict_id"]))
    records = {}
    for row in project.execute_read(f"select * from {RECORDS_TABLE} order by merged, rowid"):
        package_id = str(row["package_id"])
        try:
            parts = [str(p) for p in json.loads(row["parts"])]
            content = [dict(s) for s in json.loads(row["content"])]
        except (ValueError, TypeError):
            continue  # a damaged record only means the next merge compares with the base
        records[package_id] = MergeRecord(
            package_id,
            str(row["hash"]),
            str(row["merged"]),
            str(row["partner"]),
            tuple(parts),
            tuple(content),
            tuple(pending.get(package_id, ())),
        )
    return records


def write_record(db: Database, record: MergeRecord) -> None:
    """Keep ``record``, replacing an earlier one of the same package. Call it inside the
    merge's transaction (``Project.batch``): a failure here must fail the merge."""
    db.execute(f"delete from {PENDING_TABLE} where package_id = ?", [record.package_id])
    db.execute(f"delete from {RECORDS_TABLE} where package_id = ?", [record.package_id])
    db.execute(
        f"insert into {RECORDS_TABLE} (package_id, hash, merged, partner, parts, content) "
        "values (?, ?, ?, ?, ?, ?)",
        [
            record.package_id,
            record.content_hash,
            record.merged,
            record.partner,
            json.dumps(list(record.parts), ensure_ascii=False),
            json.dumps(list(record.content), ensure_ascii=False),
        ],
    )
    db.conn.executemany(
        f"insert into {PENDING_TABLE} (package_id, position, conflict_id) values (?, ?, ?)",
        [(record.package_id, n, c) for n, c in enumerate(dict.fromkeys(record.pending))],
    )


def _legacy_records(text: str) -> dict[str, MergeRecord]:
    """Schema 1's records, kept as JSON in ``meta`` (the upgrade moves them into tables)."""
    if not text:
        return {}
    try:
        data = json.loads(text)
        return {
            key: MergeRecord(
                str(value["package_id"]),
                str(value["hash"]),
                str(value.get("merged", "")),
                str(value.get("partner", "")),
                tuple(str(p) for p in value.get("parts", [])),
                tuple(value.get("content", [])),
                tuple(str(p) for p in value.get("pending", [])),
            )
            for key, value in data.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}  # a damaged record only means the next merge compares with the package's base
