"""Every change a facilitator (or a phone) makes to a workshop record.

Each write goes through the :class:`Project`'s methods, so the file is written before the
call returns, the window hears of it, and the desktop's undo sees it. Bad input raises
:class:`WorkshopError` with a plain sentence; nothing is half written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from reformkit.document.fields import FieldError
from reformkit.document.model import Item, Section
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpecError
from workshop.errors import WorkshopError
from workshop.groups import parse_line
from workshop.parts import (
    ACTIVITIES_KEY,
    CANVAS_KEY,
    CANVAS_POSITIONS,
    CANVAS_ROWS,
    CONTRIBUTIONS_KEY,
    DEFAULT_DOTS,
    SECTION_TYPES,
    SESSION_KEY,
    THEMES_KEY,
    TYPED,
    VOTES_KEY,
    Method,
)
from workshop.record import Activity, read_record, record_items

__all__ = [
    "MANY_CHANGED",
    "add_activity",
    "add_theme",
    "assign_theme",
    "capture",
    "capture_lines",
    "cast_votes",
    "edit_contribution",
    "ensure_record",
    "parse_line",
    "place",
    "remove_theme",
    "rename_theme",
    "set_hidden",
]

# The one notification an edit of many items sends: the window builds its tree again.
MANY_CHANGED = "items-added"
DEFAULT_TITLE = "Workshop"


@contextmanager
def _plainly() -> Iterator[None]:
    """Field and section problems, said as the workshop's own error."""
    try:
        yield
    except (FieldError, DocumentSpecError) as error:
        raise WorkshopError(str(error)) from None


def section_for(project: Project, key: str) -> Section:
    """The document's first section of ``key``, added at the end if it has none."""
    for section in project.document.sections:
        if section.key == key:
            return section
    with _plainly():
        return project.add_section(key)


def ensure_record(project: Project, title: str = "", date: str = "", place: str = "") -> None:
    """Give the document every part of a workshop record and a session, in one change.

    In a charter or plan the parts are added after its own; a session already there keeps
    its values unless new ones are given.
    """
    present = {section.key for section in project.document.sections}
    sessions = record_items(project.document, "session")
    given = {k: v.strip() for k, v in (("title", title), ("date", date), ("place", place)) if v}
    missing = [t.key for t in SECTION_TYPES if t.key not in present]
    if not missing and sessions and not given:
        return
    with _plainly(), project.batch(MANY_CHANGED, project.document.meta.id):
        for key in missing:
            project.add_section(key)
        if sessions:
            if given:
                project.update_item(sessions[0].id, given)
        else:
            fields = {"title": DEFAULT_TITLE, **given}
            project.add_item(section_for(project, SESSION_KEY).id, "session", fields)


def add_activity(
    project: Project,
    title: str,
    method: Method,
    prompt: str,
    dots: int = DEFAULT_DOTS,
    options: Sequence[str] = (),
) -> Item:
    """A new activity at the end of the record's activities."""
    if not title.strip():
        raise WorkshopError("Give the activity a title.")
    if not prompt.strip():
        raise WorkshopError("Write the question the activity asks the room.")
    if method is Method.VOTE and dots < 1:
        raise WorkshopError("Each person needs at least one dot to vote with.")
    fields = {
        "title": title.strip(),
        "method": Method(method).value,
        "prompt": prompt.strip(),
        "dots": dots,
        "options": [o.strip() for o in options if o.strip()],
    }
    with _plainly():
        return project.add_item(section_for(project, ACTIVITIES_KEY).id, "activity", fields)


def _activity(project: Project, activity_id: str) -> Activity:
    return read_record(project.document).activity(activity_id)


def _contribution_fields(
    activity_id: str, line: str, default_group: str, via: str
) -> dict[str, Any]:
    group, text = parse_line(line, default_group)
    if not text:
        raise WorkshopError("There is nothing to add: the line has no words after its group.")
    return {"activity": activity_id, "text": text, "group": group.strip(), "via": via}


def capture(
    project: Project, activity_id: str, line: str, default_group: str = "", via: str = TYPED
) -> Item:
    """One contribution from one line, with its group if the line starts with one."""
    _activity(project, activity_id)
    fields = _contribution_fields(activity_id, line, default_group, via)
    with _plainly():
        return project.add_item(section_for(project, CONTRIBUTIONS_KEY).id, "contribution", fields)


def capture_lines(
    project: Project, activity_id: str, text: str, default_group: str = ""
) -> list[Item]:
    """A contribution for each line with words (a pasted list), all in one change."""
    _activity(project, activity_id)
    rows = []
    for line in text.splitlines():
        if line.strip() and parse_line(line)[1]:
            rows.append(_contribution_fields(activity_id, line, default_group, TYPED))
    if not rows:
        return []
    with _plainly():
        section = section_for(project, CONTRIBUTIONS_KEY)
        return project.add_items(section.id, "contribution", rows)


def _item(project: Project, item_id: str, item_type: str, what: str) -> Item:
    try:
        _, item = project.document.find_item(item_id)
    except KeyError:
        raise WorkshopError(f"That {what} is no longer in the workshop record.") from None
    if item.type != item_type:
        raise WorkshopError(f"That is not a {what}.")
    return item


def edit_contribution(
    project: Project, item_id: str, *, text: str | None = None, group: str | None = None
) -> Item:
    """Change a contribution's words, its group, or both."""
    _item(project, item_id, "contribution", "contribution")
    changes: dict[str, Any] = {}
    if text is not None:
        if not text.strip():
            raise WorkshopError(
                "A contribution needs some words. To take it away, delete or hide it."
            )
        changes["text"] = text.strip()
    if group is not None:
        changes["group"] = group.strip()
    with _plainly():
        return project.update_item(item_id, changes)


def set_hidden(project: Project, item_id: str, hidden: bool) -> Item:
    """Hide a contribution from the screen, the phones and the record, or show it again."""
    _item(project, item_id, "contribution", "contribution")
    return project.update_item(item_id, {"hidden": hidden})


def _theme_names(project: Project, activity_id: str) -> set[str]:
    record = read_record(project.document)
    return {t.name.strip().casefold() for t in record.themes_for(activity_id)}


def add_theme(project: Project, activity_id: str, name: str) -> Item:
    """A new, empty theme for an activity's contributions."""
    _activity(project, activity_id)
    if not name.strip():
        raise WorkshopError("Give the theme a name.")
    if name.strip().casefold() in _theme_names(project, activity_id):
        raise WorkshopError(f"There is already a theme called “{name.strip()}”.")
    fields = {"activity": activity_id, "name": name.strip()}
    with _plainly():
        return project.add_item(section_for(project, THEMES_KEY).id, "theme", fields)


def rename_theme(project: Project, theme_id: str, name: str) -> Item:
    theme = _item(project, theme_id, "theme", "theme")
    if not name.strip():
        raise WorkshopError("Give the theme a name.")
    if name.strip().casefold() != str(theme.fields.get("name", "")).strip().casefold() and (
        name.strip().casefold() in _theme_names(project, str(theme.fields.get("activity", "")))
    ):
        raise WorkshopError(f"There is already a theme called “{name.strip()}”.")
    with _plainly():
        return project.update_item(theme_id, {"name": name.strip()})


def assign_theme(project: Project, contribution_ids: Sequence[str], theme_id: str | None) -> None:
    """Put contributions in a theme, or take them out of any (``theme_id`` None), at once."""
    if theme_id is not None:
        _item(project, theme_id, "theme", "theme")
    for contribution_id in contribution_ids:
        _item(project, contribution_id, "contribution", "contribution")
    if not contribution_ids:
        return
    with project.batch(MANY_CHANGED, theme_id or contribution_ids[0]):
        for contribution_id in contribution_ids:
            project.update_item(contribution_id, {"theme": theme_id or ""})


def remove_theme(project: Project, theme_id: str) -> None:
    """Delete a theme; its contributions stay, in no theme."""
    _item(project, theme_id, "theme", "theme")
    members = [c.id for c in read_record(project.document).contributions if c.theme_id == theme_id]
    with project.batch(MANY_CHANGED, theme_id):
        for contribution_id in members:
            project.update_item(contribution_id, {"theme": ""})
        project.remove_item(theme_id)


def place(
    project: Project,
    activity_id: str,
    row: int,
    position: int,
    why: str = "",
    group: str = "",
    via: str = TYPED,
) -> Item:
    """Where someone puts their service today on one of Table 1's rows, and why."""
    activity = _activity(project, activity_id)
    if activity.method is not Method.CANVAS:
        raise WorkshopError(f"“{activity.title}” is not a “{Method.CANVAS.value}” activity.")
    if not 1 <= row <= CANVAS_ROWS:
        raise WorkshopError(f"Choose one of the {CANVAS_ROWS} rows of the canvas.")
    if not 1 <= position <= CANVAS_POSITIONS:
        raise WorkshopError(f"Choose a place from 1 to {CANVAS_POSITIONS} along the row.")
    fields = {
        "activity": activity_id,
        "row": row,
        "position": position,
        "why": why.strip(),
        "group": group.strip(),
        "via": via,
    }
    with _plainly():
        return project.add_item(section_for(project, CANVAS_KEY).id, "placement", fields)


def vote_rows(
    activity: Activity,
    options: Sequence[str],
    voter: str,
    allocation: Mapping[str, int],
    via: str = TYPED,
) -> list[dict[str, Any]]:
    """The vote items' fields for one person's dots, checked against the activity's rules.

    Shared with the inbox, so a phone's vote is held to the same rules as one typed in.
    """
    if activity.method is not Method.VOTE:
        raise WorkshopError(f"“{activity.title}” is not a dot vote.")
    if not voter.strip():
        raise WorkshopError("Say who is voting: a name or a label such as Phone 7.")
    offered = {" ".join(o.split()).casefold(): o for o in options}
    rows, total = [], 0
    for option, dots in allocation.items():
        if isinstance(dots, bool) or not isinstance(dots, int) or dots < 0:
            raise WorkshopError("Give each choice a whole number of dots, 0 or more.")
        known = offered.get(" ".join(option.split()).casefold())
        if known is None:
            raise WorkshopError(f"“{option.strip()}” is not one of the choices in this vote.")
        total += dots
        if dots:
            rows.append(
                {
                    "activity": activity.id,
                    "option": known,
                    "dots": dots,
                    "voter": voter.strip(),
                    "via": via,
                }
            )
    if total > activity.dots:
        raise WorkshopError(
            f"Each person has {activity.dots} dot{'s' if activity.dots != 1 else ''} "
            f"in this vote; these add up to {total}."
        )
    return rows


def cast_votes(
    project: Project,
    activity_id: str,
    voter: str,
    allocation: Mapping[str, int],
    via: str = TYPED,
) -> list[Item]:
    """One person's dots, replacing any they gave before in this vote, in one change."""
    record = read_record(project.document)
    activity = record.activity(activity_id)
    rows = vote_rows(activity, record.options_for(activity_id), voter, allocation, via)
    earlier = [
        v.id for v in record.votes if v.activity_id == activity_id and v.voter == voter.strip()
    ]
    with _plainly(), project.batch(MANY_CHANGED, activity_id):
        if earlier:
            project.remove_items(earlier)
        section = section_for(project, VOTES_KEY)
        return project.add_items(section.id, "vote", rows) if rows else []
