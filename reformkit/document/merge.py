"""Merging a returned partner package into the main document.

:func:`plan_merge` reads both and says, part by part, what the partner added, changed, removed
and moved, and where both sides changed the same thing (a conflict). It changes nothing, so it
serves dry runs and the merge view. :func:`apply_merge` carries a plan out with the user's
choices and records the package in the main file, so merging it again changes nothing.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reformkit.document.interchange import to_json
from reformkit.document.merge_engine import merge_documents
from reformkit.document.merge_records import MergeRecord, merge_records, write_record
from reformkit.document.merge_values import (
    OURS,
    SECTION_KEYS,
    THEIRS,
    Change,
    Conflict,
    ConflictKind,
    MergeError,
    Resolution,
    Side,
    item_values,
)
from reformkit.document.model import Document, Section, now
from reformkit.document.packages import (
    PackageError,
    PackageInfo,
    check_sections,
    content_hash,
    package_info,
    sections_from_json,
    sections_json,
)
from reformkit.document.project import Project, read_for_opening
from reformkit.document.spec import DocumentKinds

NOTHING_MERGED = "nothing was merged"  # what did not happen, when a merge's write fails

__all__ = [
    "OURS",
    "THEIRS",
    "Change",
    "Conflict",
    "ConflictKind",
    "MergeError",
    "MergePlan",
    "MergeRecord",
    "MergeResult",
    "PartPlan",
    "Resolution",
    "Side",
    "apply_merge",
    "merge_records",
    "plan_merge",
]


@dataclass(frozen=True)
class PartPlan:
    """What the merge would do in one part."""

    part_id: str
    title: str
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class MergePlan:
    """What merging a package would do. Read-only; give it to :func:`apply_merge`."""

    info: PackageInfo
    package_title: str
    content_hash: str
    main_fingerprint: str
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]
    notes: tuple[str, ...] = ()
    already_merged: str = ""  # when this very package was merged before, or ""
    base: tuple[Section, ...] = field(default=(), repr=False)
    theirs: Document | None = field(default=None, repr=False)
    pending: tuple[str, ...] = ()  # conflicts left unsettled last time: they stay conflicts

    @property
    def partner(self) -> str:
        return self.info.partner

    @property
    def is_empty(self) -> bool:
        return not self.changes and not self.conflicts

    @property
    def parts(self) -> list[PartPlan]:
        order: dict[str, str] = {}
        for change in self.changes:
            order.setdefault(change.part_id, change.part)
        for conflict in self.conflicts:
            order.setdefault(conflict.part_id, conflict.part)
        return [
            PartPlan(
                part_id,
                title,
                tuple(c for c in self.changes if c.part_id == part_id),
                tuple(c for c in self.conflicts if c.part_id == part_id),
            )
            for part_id, title in order.items()
        ]

    def conflict(self, conflict_id: str) -> Conflict:
        for conflict in self.conflicts:
            if conflict.id == conflict_id:
                return conflict
        raise KeyError(conflict_id)


@dataclass(frozen=True)
class MergeResult:
    """What a merge did. ``kept_ours`` lists conflicts left unresolved, kept as they were."""

    applied: tuple[Change, ...]
    resolved: Mapping[str, str]  # conflict id → ours, theirs or combined
    kept_ours: tuple[Conflict, ...]
    already_merged: bool = False


def fingerprint(document: Document) -> str:
    """What the merge plan was made from: the content, not when it was last touched (so a
    snapshot taken just before merging does not make the plan stale)."""
    data = to_json(document)
    data["meta"].pop("modified", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def open_package(
    package: Path | Document, kinds: DocumentKinds, info: PackageInfo | None = None
) -> tuple[Document, PackageInfo, str]:
    """The package's document (a private copy), what it says about itself, and its name."""
    if isinstance(package, Document):
        name = f"'{package.meta.title}'"
        document = copy.deepcopy(package)
    else:
        path = Path(package)
        name = path.name
        info = package_info(path) if info is None else info
        if info is None:
            raise PackageError(
                f"{name} is a ReformKit document, not a package. A package is made with "
                "'reformkit package' or File › Send parts to a partner."
            )
        document = read_for_opening(path, kinds).document
    if info is None:
        raise PackageError(f"{name} is not a package: it has no package description.")
    return document, info, name


def plan_merge(
    main: Project | Document,
    package: Path | Document,
    kinds: DocumentKinds,
    info: PackageInfo | None = None,
) -> MergePlan:
    """What merging ``package`` into ``main`` would do. Nothing is written.

    Given the open :class:`Project`, the plan also knows which packages were merged before.
    """
    document = main.document if isinstance(main, Project) else main
    theirs, info, name = open_package(package, kinds, info)
    spec = kinds.get(document.kind)
    if info.kind != document.kind or theirs.kind != document.kind:
        raise PackageError(
            f"{name} holds parts of a {_label(kinds, info.kind)}; it cannot be merged into "
            f"a {spec.label}."
        )
    if info.main_id != document.meta.id:
        raise PackageError(
            f"{name} was made from '{info.main_title}', not from '{document.meta.title}'. "
            "Merge it into the document it was made from."
        )
    # What the file holds, before checking fills in fields the kind gained since: the same
    # package hashes alike whichever ReformKit merged it last.
    hashed = content_hash(theirs.sections)
    problems = check_sections(theirs.sections, spec)
    if problems:
        raise PackageError(f"{name} cannot be merged: " + " ".join(problems[:10]))
    sent = set(info.part_ids)
    main_ids = {s.id for s in document.sections}
    strays = [s.title for s in theirs.sections if s.id not in sent and s.id in main_ids]
    if strays:
        raise PackageError(
            f"{name} holds parts that were not sent in it ({', '.join(strays)}). "
            "Ask the partner for the package as it was sent, or make a new one."
        )
    records = merge_records(main) if isinstance(main, Project) else {}
    record = records.get(info.package_id)
    notes: list[str] = []
    already = ""
    if record is not None:
        base = sections_from_json(record.content, spec, name)
        # Also compared as read now: a field added since (empty in both) changes the hash.
        if hashed not in (record.content_hash, content_hash(base)):
            notes.append(
                f"An earlier copy of this package was merged on {record.merged[:10]}; "
                "only what changed in it since then is merged now."
            )
        elif record.pending:
            notes.append(
                f"This package was merged on {record.merged[:10]}; the conflicts that kept "
                "this document's version then are listed again, to settle them now."
            )
        else:
            already = record.merged
    else:
        base = sections_from_json(info.base, spec, name)
    pending = record.pending if record is not None else ()
    outcome = merge_documents(document, base, theirs, spec, info.partner, pending=pending)
    return MergePlan(
        info=info,
        package_title=theirs.meta.title,
        content_hash=hashed,
        main_fingerprint=fingerprint(document),
        changes=tuple(outcome.changes),
        conflicts=tuple(outcome.conflicts),
        notes=tuple(notes + outcome.notes),
        already_merged=already,
        base=tuple(base),
        theirs=theirs,
        pending=pending,
    )


def apply_merge(
    project: Project,
    plan: MergePlan,
    choices: Mapping[str, Resolution] | None = None,
    keep_ours_for_unresolved: bool = False,
) -> MergeResult:
    """Carry out ``plan`` with the user's choice for each conflict, keyed by conflict id.

    Refuses while a conflict has no choice, unless ``keep_ours_for_unresolved``: then those
    keep this document's version and the result lists them.
    """
    choices = dict(choices or {})
    if project.read_only:
        raise MergeError(f"{project.path.name} is open read-only. {project.read_only_reason}")
    if plan.info.main_id != project.document.meta.id or plan.theirs is None:
        raise MergeError("This merge was planned for another document. Plan it again.")
    if fingerprint(project.document) != plan.main_fingerprint:
        raise MergeError(
            "The document changed after the merge was planned. Look at the merge again "
            "before carrying it out."
        )
    known = {c.id for c in plan.conflicts}
    unknown = sorted(set(choices) - known)
    if unknown:
        raise MergeError(f"There is no conflict {', '.join(unknown)} in this merge.")
    unresolved = tuple(c for c in plan.conflicts if c.id not in choices)
    if unresolved and not keep_ours_for_unresolved:
        listing = "; ".join(c.description for c in unresolved[:10])
        raise MergeError(
            f"{len(unresolved)} conflict{'s' if len(unresolved) != 1 else ''} still "
            f"need{'s' if len(unresolved) == 1 else ''} a choice: {listing}. Nothing was merged."
        )
    outcome = merge_documents(
        project.document,
        plan.base,
        plan.theirs,
        project.spec,
        plan.partner,
        choices,
        pending=plan.pending,
    )
    if not plan.already_merged:
        with project.batch("merged", plan.info.package_id, NOTHING_MERGED) as db:
            bring_to(project, outcome.merged)
            if _content(project.document) != _content(outcome.merged):
                raise MergeError(
                    "The merge did not come out as planned, so nothing was merged. "
                    "Please report this, with the two files."
                )
            record = MergeRecord(
                plan.info.package_id,
                plan.content_hash,
                now(),
                plan.partner,
                tuple(p.title for p in plan.info.parts),
                tuple(sections_json(next_base(plan.base, plan.theirs.sections, unresolved))),
                tuple(c.id for c in unresolved),
            )
            write_record(db, record)
    resolved = {
        key: value if isinstance(value, str) else "combined" for key, value in choices.items()
    }
    return MergeResult(plan.changes, resolved, unresolved, bool(plan.already_merged))


def bring_to(project: Project, target: Document) -> None:
    """Edit ``project`` until its document matches ``target``, with Project's own methods.

    Called inside ``Project.batch``, so every step, and the record of the merge, is kept
    together or not at all.
    """
    document = project.document
    present = {item.id for _, item in document.items()}
    for index, section in enumerate(target.sections):
        if section.id not in {s.id for s in document.sections}:
            fresh = copy.deepcopy(section)
            fresh.items = [i for i in fresh.items if i.id not in present]
            project.restore_section(fresh, index)
            present.update(i.id for i in fresh.items)
    for section in target.sections:
        current = document.section(section.id)
        changes = {
            key: copy.deepcopy(getattr(section, key))
            for key in SECTION_KEYS
            if getattr(section, key) != getattr(current, key)
        }
        if changes:
            project.update_section(section.id, **changes)
    wanted = {item.id: (s, item) for s, item in target.items()}
    for _, item in list(document.items()):
        if item.id not in wanted:
            project.remove_item(item.id)
    for item_id, (section, item) in wanted.items():
        if item_id not in present:
            project.restore_item(section.id, copy.deepcopy(item), section.items.index(item))
            present.add(item_id)
            continue
        _, existing = document.find_item(item_id)
        if item_values(existing) != item_values(item):
            project.update_item(
                item_id,
                fields=copy.deepcopy(item.fields),
                tags=list(item.tags),
                needs_review=item.needs_review,
            )
    for section in target.sections:
        for index, item in enumerate(section.items):
            now_there = document.section(section.id).items
            if index >= len(now_there) or now_there[index].id != item.id:
                project.move_item(item.id, section.id, index)
    for section in list(document.sections):
        if section.id not in {s.id for s in target.sections}:
            project.remove_section(section.id)
    for index, section in enumerate(target.sections):
        if document.sections[index].id != section.id:
            project.move_section(section.id, index)


def next_base(
    base: Sequence[Section], theirs: Sequence[Section], pending: Sequence[Conflict]
) -> list[Section]:
    """What the next merge of this package compares with: the package as merged. An item
    the package removed but this document kept (a conflict left unsettled) goes back in, so
    the next merge sees the removal again; the merge engine compares unsettled items' two
    sides directly (``pending``), whatever the base says."""
    result = copy.deepcopy(list(theirs))
    old_parts = {s.id: (n, s) for n, s in enumerate(base)}
    old_items = {i.id: (s, n, i) for s in base for n, i in enumerate(s.items)}
    for conflict in pending:
        if conflict.what == "part":
            if conflict.id not in old_parts:
                continue
            position, old = old_parts[conflict.id]
            current = next((s for s in result if s.id == conflict.id), None)
            if conflict.kind == ConflictKind.CHANGED and current is not None:
                for key in conflict.base or {}:
                    setattr(current, key, copy.deepcopy(getattr(old, key)))
                continue
            elsewhere = {i.id for s in result if s is not current for i in s.items}
            replacement = copy.deepcopy(old)
            replacement.items = [i for i in replacement.items if i.id not in elsewhere]
            if current is not None:
                result[result.index(current)] = replacement
            else:
                result.insert(min(position, len(result)), replacement)
            continue
        if any(i.id == conflict.id for section in result for i in section.items):
            continue  # still in the package: the next merge compares the two sides directly
        if conflict.id not in old_items:
            continue
        old_section, index, old_item = old_items[conflict.id]
        target = next((s for s in result if s.id == old_section.id), None)
        if target is None:
            continue
        # Back where it was in the base: after the nearest earlier neighbour still there.
        ids = [i.id for i in target.items]
        position = next(
            (ids.index(i.id) + 1 for i in reversed(old_section.items[:index]) if i.id in ids), 0
        )
        target.items.insert(position, copy.deepcopy(old_item))
    return result


def _content(document: Document) -> list[Any]:
    return [
        (
            s.id,
            {k: getattr(s, k) for k in SECTION_KEYS},
            [(i.id, item_values(i)) for i in s.items],
        )
        for s in document.sections
    ]


def _label(kinds: DocumentKinds, kind: str) -> str:
    labels = {spec.kind: spec.label for spec in kinds}
    return str(labels.get(kind, kind or "another kind of document"))
