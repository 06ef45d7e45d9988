"""A merge with its "Before merging…" snapshot, kept together or not at all.

The app and the command line both take a named snapshot before a merge that changes the
document, so the merge can be compared and rolled back from the Versions panel. Here the
snapshot, the merge and its record are one transaction: a merge that fails (a full disk)
leaves neither a half merge nor a stray snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from reformkit.dates import long_date
from reformkit.document.merge import NOTHING_MERGED, MergePlan, MergeResult, apply_merge
from reformkit.document.merge_values import OURS, Resolution
from reformkit.document.project import Project
from reformkit.document.versions import SnapshotInfo, list_snapshots, take_snapshot


def snapshot_name(partner: str, existing: set[str], day: date | None = None) -> str:
    """``Before merging Council's package, 3 March 2026``, numbered if taken already."""
    whose = f"{partner}'s package" if partner else "a partner's package"
    name = f"Before merging {whose}, {long_date(day or date.today())}"
    candidate, number = name, 2
    while candidate in existing:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def changes_document(plan: MergePlan, choices: Mapping[str, Resolution] | None = None) -> bool:
    """Whether carrying out ``plan`` changes the document: a change to take, or a conflict
    settled other than by keeping this document's version."""
    if plan.already_merged:
        return False
    return bool(plan.changes) or any(choice != OURS for choice in (choices or {}).values())


def merge_with_snapshot(
    project: Project,
    plan: MergePlan,
    choices: Mapping[str, Resolution] | None = None,
    keep_ours_for_unresolved: bool = False,
) -> tuple[MergeResult, SnapshotInfo | None]:
    """Take the snapshot (only when the merge changes the document), then merge, in one
    transaction. Returns what the merge did and the snapshot taken, if any."""
    if not changes_document(plan, choices):
        return apply_merge(project, plan, choices, keep_ours_for_unresolved), None
    with project.batch("merged", plan.info.package_id, NOTHING_MERGED):
        existing = {s.name for s in list_snapshots(project)}
        snapshot = take_snapshot(project, snapshot_name(plan.partner, existing))
        result = apply_merge(project, plan, choices, keep_ours_for_unresolved)
    return result, snapshot
