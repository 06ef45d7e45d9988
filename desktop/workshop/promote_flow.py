"""Use a point or a theme in the document: choose where it goes (a principle, a right, an
action…), give it a short title, and see where it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.workshop.common import short
from workshop.promote import promote, promotion_targets, short_title
from workshop.provenance import provenance
from workshop.record import read_record

if TYPE_CHECKING:
    from desktop.workshop.window import WorkshopWindow

TITLE = "Use in the document"
ON_ITS_OWN = (
    "This workshop record is a document of its own, so there is nowhere to use its points. "
    "Run the workshop from a charter or a plan (Workshop › Run a workshop…) to use them there."
)


def source_words(window: WorkshopWindow, source_id: str) -> tuple[str, str]:
    """The words a point or theme offers: its text, and a suggested title."""
    record = window.record
    for theme in record.themes:
        if theme.id == source_id:
            return theme.summary or theme.name, theme.name
    for point in record.contributions:
        if point.id == source_id:
            return point.text, short_title(point.text)
    return "", ""


def promote_flow(window: WorkshopWindow, source_id: str) -> str:
    """Ask where and under what title, then promote; the new item's id ("" if none)."""
    project = window.project
    kinds = window.session.kinds
    targets = promotion_targets(kinds, project.document)
    if not targets:
        window.prompts.info(window, TITLE, ON_ITS_OWN)
        return ""
    words, suggested = source_words(window, source_id)
    labels = [target.label for target in targets]
    choice = window.prompts.choose(
        window, TITLE, f"What should “{short(words, 80)}” become?", labels
    )
    if choice is None:
        return ""
    target = targets[labels.index(choice)]
    title = ""
    if target.title_field:
        asked = window.prompts.text(window, TITLE, "A short title for it:", suggested)
        if asked is None:
            return ""
        title = asked
    item = window.run(
        f"Use “{short(words, 30)}” in the document",
        lambda: promote(project, kinds, source_id, target, title=title),
    )
    if item is None:
        return ""
    line = provenance(read_record(project.document), item.id)
    window.say(f"Added as {target.label.lower()}. {line}")
    return item.id
