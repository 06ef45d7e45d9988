"""Turning what the room said into the document: a contribution or a theme becomes a charter
clause, a plan's action or mission, or a new part of the plan, and remembers it did.

The source's ``promoted_to`` keeps the new item's id, which is how the item's provenance
line ("From the Hexham workshop, 3 March 2027, 14 votes") and the record's "what became of
it" are found. In a kind with an engagement log (a plan), the session becomes a row of the
log, its "what changed" listing everything promoted so far.
"""

from __future__ import annotations

from typing import Any

from reformkit.document.fields import FieldError
from reformkit.document.model import Document, Item
from reformkit.document.project import Project
from reformkit.document.spec import (
    DocumentKinds,
    DocumentSpec,
    DocumentSpecError,
    EngagementSummary,
    PromotionTarget,
)
from workshop.errors import WorkshopError
from workshop.operations import MANY_CHANGED, section_for
from workshop.record import Contribution, Theme, WorkshopRecord, read_record

METHOD = "Workshop"  # how the engagement log names the session
SHORT_TITLE = 60  # characters of a contribution's words used as a clause's title
ENGAGEMENT_STATE = "workshop-engagement:"  # + the session's id: its engagement row's id


def promotion_targets(kinds: DocumentKinds, document: Document) -> tuple[PromotionTarget, ...]:
    """Where this document's kind lets a contribution or theme go; none in a bare record."""
    return kinds.get(document.kind).promotion_targets


def short_title(text: str) -> str:
    """The first line of ``text``, cut at a word to about 60 characters."""
    line = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    if len(line) <= SHORT_TITLE:
        return line.rstrip(".")
    cut = line[:SHORT_TITLE].rsplit(" ", 1)[0] or line[:SHORT_TITLE]
    return cut.rstrip(" ,;:.") + "…"


def _source(record: WorkshopRecord, source_id: str) -> Contribution | Theme:
    for theme in record.themes:
        if theme.id == source_id:
            return theme
    for contribution in record.contributions:
        if contribution.id == source_id:
            return contribution
    raise WorkshopError("Only something people said, or a theme, can be used in the document.")


def _fields(source: Contribution | Theme, target: PromotionTarget, title: str) -> dict[str, Any]:
    if isinstance(source, Theme):
        words = source.summary.strip() or source.name.strip()
        name = title.strip() or source.name.strip()
    else:
        words = source.text.strip()
        name = title.strip() or short_title(source.text)
    fields: dict[str, Any] = dict(target.defaults)
    fields[target.text_field] = words
    if target.title_field:
        fields[target.title_field] = name
    return fields


def promote(
    project: Project,
    kinds: DocumentKinds,
    source_id: str,
    target: PromotionTarget,
    *,
    title: str = "",
) -> Item:
    """Make ``target``'s item from a contribution or theme, in one change, and return it."""
    record = read_record(project.document)
    source = _source(record, source_id)
    spec = kinds.get(project.document.kind)
    fields = _fields(source, target, title)
    try:
        with project.batch(MANY_CHANGED, source_id):
            if target.new_section:
                name = fields.get(target.title_field) if target.title_field else ""
                section_name = title.strip() or (
                    source.name if isinstance(source, Theme) else str(name or "")
                )
                section = project.add_section(target.section_key, title=section_name)
            else:
                section = section_for(project, target.section_key)
            item = project.add_item(section.id, target.item_type, fields)
            project.update_item(source.id, {"promoted_to": [*source.promoted_to, item.id]})
            _log_engagement(project, spec)
    except (FieldError, DocumentSpecError) as error:
        raise WorkshopError(f"It could not be used there: {error}") from None
    return item


def engagement_summary(project: Project, spec: DocumentSpec) -> EngagementSummary:
    """The session as the engagement log records it, with what it changed so far."""
    record = read_record(project.document)
    changed: list[str] = []
    promoted: dict[str, None] = {}
    sources: list[Contribution | Theme] = [*record.themes, *record.contributions]
    for source in sources:
        promoted.update(dict.fromkeys(source.promoted_to))
    for item_id in promoted:
        try:
            section, item = project.document.find_item(item_id)
            item_type = spec.section_type(section.key).item_type(item.type)
        except (KeyError, DocumentSpecError):
            continue
        changed.append(f"{item_type.label}: {item_type.describe(item.fields)}")
    groups = [g.group for g in record.groups if g.group.strip() and g.count]
    return EngagementSummary(
        title=record.title,
        date=record.date,
        place=record.place,
        who=", ".join(groups),
        how_many=record.people(),
        method=METHOD,
        what_changed=tuple(changed),
    )


def update_engagement(project: Project, kinds: DocumentKinds) -> Item | None:
    """Add or bring up to date the session's engagement-log row, where the kind keeps one.

    None when it has no log, the record no session, or the row cannot be made yet (a log
    row needs the session's date).
    """
    spec = kinds.get(project.document.kind)
    if spec.engagement is None:
        return None
    with project.batch(MANY_CHANGED, project.document.meta.id):
        return _log_engagement(project, spec)


def _log_engagement(project: Project, spec: DocumentSpec) -> Item | None:
    session_id = read_record(project.document).session_id
    if spec.engagement is None or not session_id:
        return None
    key, item_type_name, fields = spec.engagement(engagement_summary(project, spec))
    try:
        item_type = spec.section_type(key).item_type(item_type_name)
        item_type.clean(fields)
    except (FieldError, DocumentSpecError):
        return None  # a log row needs what the session lacks (a date): the checks say so
    existing = _engagement_row(project, session_id, item_type_name, fields)
    if existing is not None:
        return project.update_item(existing.id, fields)
    item = project.add_item(section_for(project, key).id, item_type_name, fields)
    project.write_state(ENGAGEMENT_STATE + session_id, item.id)
    return item


def _engagement_row(
    project: Project, session_id: str, item_type: str, fields: dict[str, Any]
) -> Item | None:
    """The row made for this session before: remembered by id, else one of the same date
    and method (the file was copied without its state)."""
    remembered = project.state(ENGAGEMENT_STATE + session_id)
    if remembered:
        try:
            _, item = project.document.find_item(remembered)
            if item.type == item_type:
                return item
        except KeyError:
            pass
    same = ("date", "method")
    for _, item in project.document.items():
        if item.type == item_type and all(
            name in fields and item.fields.get(name) == fields[name] for name in same
        ):
            return item
    return None
