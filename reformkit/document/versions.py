"""Named snapshots inside the file, and what changed between any two versions.

A snapshot is the whole document as JSON, kept in the file's ``snapshots`` table: "as agreed
by the Board, 3 March". A diff lists parts added, removed, moved and changed, with a word
diff of changed text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from reformkit.document.fields import DATE, MONEY
from reformkit.document.interchange import InterchangeError, dumps, loads
from reformkit.document.model import Document, Item, Section
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.errors import ReformKitError
from reformkit.layout.formatting import show

CURRENT = "now"
_TOKEN = re.compile(r"\s+|[^\s]+")
#: A word diff's mark: ``=`` kept, ``-`` removed, ``+`` added.
DiffMark = Literal["=", "-", "+"]


class ChangeKind(StrEnum):
    """What happened to a part between two versions, or in a partner's package."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


class VersionError(ReformKitError, LookupError):
    """A snapshot name that does not exist, or a name that cannot be used."""


@dataclass(frozen=True)
class SnapshotInfo:
    id: str
    name: str
    created: str


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    def word_diff(self) -> list[tuple[DiffMark, str]]:
        """Pairs of (``=``, ``-`` or ``+``, text), word by word."""
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    where: str  # the section's title
    label: str  # what changed, in words
    fields: tuple[FieldChange, ...] = field(default=())


def take_snapshot(project: Project, name: str) -> SnapshotInfo:
    name = name.strip()
    if not name:
        raise VersionError("Give the snapshot a name, for example 'As agreed by the Board'.")
    if any(s.name == name for s in list_snapshots(project)):
        raise VersionError(f"There is already a snapshot called '{name}'. Choose another name.")
    snapshot_id = project.write_snapshot(name, dumps(project.document))
    return next(s for s in list_snapshots(project) if s.id == snapshot_id)


def list_snapshots(project: Project) -> list[SnapshotInfo]:
    rows = project.execute_read("select id, name, created from snapshots order by created, rowid")
    return [SnapshotInfo(row["id"], row["name"], row["created"]) for row in rows]


def load_version(project: Project, name: str, kinds: DocumentKinds) -> Document:
    """The document as it was at snapshot ``name`` (or ``now`` for the current one)."""
    if name.strip().lower() == CURRENT:
        return project.document
    rows = project.execute_read(
        "select document from snapshots where name = ? or id = ?", [name.strip(), name.strip()]
    )
    if not rows:
        names = ", ".join(f"'{s.name}'" for s in list_snapshots(project)) or "none yet"
        raise VersionError(f"There is no snapshot called '{name}'. Snapshots: {names}.")
    try:
        return loads(str(rows[0]["document"]), kinds)  # limits and checks, as at import
    except InterchangeError as error:
        path, problem = error.problems[0]
        raise VersionError(
            f"The snapshot '{name}' is damaged and cannot be read ({path}: {problem}). The "
            "document itself is not affected; compare other snapshots, or 'now'."
        ) from None


def diff(old: Document, new: Document, spec: DocumentSpec) -> list[Change]:
    changes: list[Change] = []
    meta_changes = _field_changes(
        {
            "Title": old.meta.title,
            "Organisation": old.meta.organisation,
            "Authors": ", ".join(old.meta.authors),
        },
        {
            "Title": new.meta.title,
            "Organisation": new.meta.organisation,
            "Authors": ", ".join(new.meta.authors),
        },
    )
    if meta_changes:
        changes.append(Change(ChangeKind.CHANGED, "Document", "Details", meta_changes))
    old_sections = {s.id: s for s in old.sections}
    new_sections = {s.id: s for s in new.sections}
    for section in new.sections:
        before = old_sections.get(section.id)
        if before is None:
            changes.append(Change(ChangeKind.ADDED, section.title, f"Section '{section.title}'"))
        else:
            changes.extend(_section_changes(before, section))
    for section in old.sections:
        if section.id not in new_sections:
            changes.append(Change(ChangeKind.REMOVED, section.title, f"Section '{section.title}'"))
    old_items = {item.id: (s, item) for s, item in old.items()}
    new_items = {item.id: (s, item) for s, item in new.items()}
    for item_id, (section, item) in new_items.items():
        label = _describe(spec, section, item)
        if item_id not in old_items:
            changes.append(Change(ChangeKind.ADDED, section.title, label))
            continue
        old_section, old_item = old_items[item_id]
        if old_section.id != section.id:
            changes.append(
                Change(ChangeKind.MOVED, section.title, f"{label} (from '{old_section.title}')")
            )
        fields = _field_changes(
            _item_values(spec, old_section, old_item), _item_values(spec, section, item)
        )
        if fields:
            changes.append(Change(ChangeKind.CHANGED, section.title, label, fields))
    for item_id, (section, item) in old_items.items():
        if item_id not in new_items:
            changes.append(
                Change(ChangeKind.REMOVED, section.title, _describe(spec, section, item))
            )
    return changes


def _section_changes(old: Section, new: Section) -> list[Change]:
    fields = _field_changes(
        {
            "Title": old.title,
            "Introduction": old.intro,
            "Tags": ", ".join(old.tags),
            "Written by": old.owner,
        },
        {
            "Title": new.title,
            "Introduction": new.intro,
            "Tags": ", ".join(new.tags),
            "Written by": new.owner,
        },
    )
    return (
        [Change(ChangeKind.CHANGED, new.title, f"Section '{new.title}'", fields)] if fields else []
    )


def _describe(spec: DocumentSpec, section: Section, item: Item) -> str:
    item_type = spec.section_type(section.key).item_type(item.type)
    return f"{item_type.label}: {item_type.describe(item.fields)}"


def _item_values(spec: DocumentSpec, section: Section, item: Item) -> dict[str, str]:
    item_type = spec.section_type(section.key).item_type(item.type)
    values = {
        f.label: show(f, item.fields.get(f.name))
        if f.type in (MONEY, DATE)
        else _as_text(item.fields.get(f.name))
        for f in item_type.fields
    }
    values["Recommendations"] = ", ".join(item.tags)
    values["Needs review"] = "yes" if item.needs_review else "no"
    return values


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _field_changes(old: dict[str, str], new: dict[str, str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(label, old.get(label, ""), value)
        for label, value in new.items()
        if old.get(label, "") != value
    )


def word_diff(old: str, new: str) -> list[tuple[DiffMark, str]]:
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    result: list[tuple[DiffMark, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            result.append(("=", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            result.append(("-", "".join(before[a1:a2])))
        if b2 > b1:
            result.append(("+", "".join(after[b1:b2])))
    return result


def render_word_diff(pairs: list[tuple[DiffMark, str]]) -> str:
    """Plain text with ``[-removed-]`` and ``{+added+}``, as ``git diff --word-diff`` shows."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(f"{marks[op][0]}{text}{marks[op][1]}" for op, text in pairs)
