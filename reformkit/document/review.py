"""Flagging clauses whose catalogue source has changed since they were drawn from it."""

from __future__ import annotations

from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Source
from reformkit.document.project import Project
from reformkit.errors import UnknownEntryError


def refresh_review_flags(project: Project, catalogue: Catalogue) -> list[str]:
    """Mark items whose source entry changed or disappeared; return the ids newly marked."""
    marked = []
    for _, item in project.document.items():
        if item.source is None or item.needs_review:
            continue
        try:
            current = catalogue.get(item.source.entry_id).revision
        except UnknownEntryError:
            current = ""
        if current != item.source.revision:
            if not project.read_only:
                project.update_item(item.id, needs_review=True)
            else:
                item.needs_review = True
            marked.append(item.id)
    return marked


def mark_reviewed(project: Project, item_id: str, catalogue: Catalogue) -> None:
    """The user has checked the item against its source's new wording."""
    _, item = project.document.find_item(item_id)
    source = None
    if item.source is not None:
        try:
            source = Source(item.source.entry_id, catalogue.get(item.source.entry_id).revision)
        except UnknownEntryError:
            source = item.source
    project.update_item(item_id, needs_review=False, source=source)
