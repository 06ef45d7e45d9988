"""Suggesting recommendation tags: from free text, from catalogue links and from the part.

A suggestion is never an answer: coverage counts only the tags the user set or accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item, Section
from reformkit.document.spec import DocumentSpec
from reformkit.errors import ReformKitError

_SEED_KINDS = (
    "recommendation", "duty", "right", "principle", "idea", "rule", "body", "fund", "area", "role",
)  # fmt: skip


def suggest_tags(text: str, catalogue: Catalogue, limit: int = 3) -> list[str]:
    """The recommendations ``text`` most likely answers, best first.

    A matching recommendation counts in full; a matching duty, principle or body counts
    towards the recommendations it relates to. Earlier hits weigh more.
    """
    scores: dict[str, float] = {}
    hits = catalogue.search(text, limit=12, kinds=_SEED_KINDS, match_any=True)
    for rank, hit in enumerate(hits, 1):
        weight = 1.0 / rank
        if hit.entry.kind == "recommendation":
            scores[hit.entry.id] = scores.get(hit.entry.id, 0.0) + weight
        for related in hit.entry.related:
            if related.startswith("R"):
                scores[related] = scores.get(related, 0.0) + weight / 2
    ranked = sorted(scores, key=lambda rid: (-scores[rid], int(rid[1:])))
    return ranked[:limit]


@dataclass(frozen=True)
class Suggestion:
    """A recommendation tag offered to the user, with why: never applied until accepted."""

    tag: str
    reason: str


def related_suggestions(entry: Entry) -> list[Suggestion]:
    """The recommendations the catalogue links an entry to, as suggestions with the reason."""
    said_by = {USER: "your library", "suggestion": "ReformKit"}.get(entry.origin, "the briefing")
    return [
        Suggestion(tag, f"{said_by} links {entry.id} ({entry.title}) to {tag}")
        for tag in entry.related
        if tag.startswith("R") and tag != entry.id
    ]


def part_suggestions(spec: DocumentSpec, section: Section) -> list[Suggestion]:
    """The recommendations a part is usually where a document answers: suggestions only."""
    section_type = spec.section_type(section.key)
    return [
        Suggestion(tag, f"‘{section.title}’ is where {spec.say.article} usually answers {tag}")
        for tag in dict.fromkeys([*section_type.default_tags, *section.tags])
    ]


def item_suggestions(
    spec: DocumentSpec, section: Section, item: Item | None, catalogue: Catalogue
) -> list[Suggestion]:
    """Suggested tags for a part (``item`` None) or an item, without those already accepted.

    An item drawn from the catalogue is offered its entry's links, each with its reason.
    """
    from reformkit.document.evidence import copied_links, seed_links

    accepted = set(section.tags)
    if item is not None:
        accepted = set(item.tags) - copied_links(item, section, seed_links())
    found = part_suggestions(spec, section)
    if item is not None and item.source is not None:
        try:
            entry = catalogue.get(item.source.entry_id)
        except (ReformKitError, KeyError):
            entry = None  # an entry since removed from the user's library
        if entry is not None:
            found = [*related_suggestions(entry), *found]
    chosen: dict[str, Suggestion] = {}
    for suggestion in found:
        if suggestion.tag not in accepted:
            chosen.setdefault(suggestion.tag, suggestion)
    return list(chosen.values())
