"""What in a document is evidence that it answers a recommendation.

Evidence is what the user wrote and chose, never where it sits: an item or paragraph the user
tagged (or whose suggested tag they accepted), a tag the user set on a part that has real
content, or fields whose meaning answers a recommendation as the kind declares them
(:class:`reformkit.document.spec.Evidence`). Placeholders the builder fills in, empty parts and
text that says it does not apply ("Not applicable to us.") are never evidence.

A part's *default* tags (the kind's ``SectionType.default_tags``) say where a recommendation
is usually answered: they are suggestions, not answers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reformkit.document.model import Document, Item, Section, clean_tags
from reformkit.document.spec import DocumentSpec, Evidence

# Text the builder puts in to be replaced: "New paragraph", "New member", "To be written."
_PLACEHOLDER = re.compile(r"^(new [\w'’ -]{1,40}|to be written|tbc|tbd|to follow|\.{3}|…)\W*$")
# Text that says the part does not apply: "Not applicable to us.", "N/A", "none".
_DOES_NOT_APPLY = re.compile(
    r"^\W*(n/?a|none|nil|nothing|not applicable|not relevant|does not apply|"
    r"this does not apply|no plans?|nothing to report)\b.{0,40}$"
)


def is_real(value: Any, placeholders: Iterable[str] = ()) -> bool:
    """Whether a field's value says something: not empty, not a placeholder, not "N/A"."""
    if value is None or value is False:
        return False
    if isinstance(value, list | tuple):
        return any(is_real(v, placeholders) for v in value)
    if not isinstance(value, str):
        return True  # a number, a date, a ticked flag
    return _text_is_real(
        value, placeholders if type(placeholders) is tuple else tuple(placeholders)
    )


@functools.lru_cache(maxsize=1 << 16)
def _text_is_real(value: str, placeholders: tuple[str, ...]) -> bool:
    """:func:`is_real` for text, remembered: coverage is worked out again after every edit,
    and reads the same unchanged values each time (a thousand-section plan has ~30,000)."""
    text = " ".join(value.split()).lower()
    if not text or text in _lowered(placeholders):
        return False
    return not (_PLACEHOLDER.match(text) or _DOES_NOT_APPLY.match(text))


@functools.lru_cache(maxsize=64)
def _lowered(placeholders: tuple[str, ...]) -> frozenset[str]:
    """A kind's placeholders in lower case, worked out once rather than for every value."""
    return frozenset(p.lower() for p in placeholders)


def is_placeholder(value: Any, placeholders: Iterable[str] = ()) -> bool:
    """Whether ``value`` is words the builder put in to be replaced ("New member", a kind's
    own placeholders): the desktop shows these as a hint, never as text to type after."""
    if not isinstance(value, str):
        return False
    text = " ".join(value.split()).lower()
    return bool(text) and (text in _lowered(tuple(placeholders)) or bool(_PLACEHOLDER.match(text)))


def item_is_real(item: Item, placeholders: Iterable[str] = ()) -> bool:
    """An item with at least one text field that says something (numbers alone do not)."""
    words = [v for v in item.fields.values() if isinstance(v, str | list)]
    return any(is_real(v, placeholders) for v in words)


def section_is_real(section: Section, placeholders: Iterable[str] = ()) -> bool:
    return is_real(section.intro, placeholders) or any(
        item_is_real(i, placeholders) for i in section.items
    )


@dataclass(frozen=True)
class Found:
    """One piece of evidence: where it is, and why it counts."""

    section: Section
    item: Item | None
    reason: str  # "tagged R13", "an Accounting Officer is named"


@functools.cache
def seed_links() -> Mapping[str, tuple[str, ...]]:
    """Each catalogue seed entry's recommendation links, read once."""
    from reformkit.catalogue.seed import load_seed

    return {e.id: tuple(r for r in e.related if r.startswith("R")) for e in load_seed().entries}


def copied_links(item: Item, section: Section, links: Mapping[str, tuple[str, ...]]) -> set[str]:
    """Tags an older ReformKit copied onto a catalogue item from its entry's links.

    The load-time rule for files saved before suggestions existed: adding an entry then
    tagged the item with exactly its part's tags plus the entry's links (ReformKit now tags
    it with neither). An item whose tags
    are exactly that set has its link tags read as suggestions, not answers (the tag editor
    offers them, with their reason, for the user to accept). Any other set of tags is the
    user's own choice and is read as it stands.
    """
    if item.source is None or not section.tags:
        return set()
    related = links.get(item.source.entry_id, ())
    if not related or item.tags != clean_tags([*section.tags, *related]):
        return set()
    return set(related) - set(section.tags) - {item.source.entry_id}


def tagged(
    document: Document, spec: DocumentSpec, links: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, list[Found]]:
    """Evidence from tags: items the user tagged, and parts the user tagged themselves."""
    links = seed_links() if links is None else links
    found: dict[str, list[Found]] = {}
    for section in document.sections:
        defaults = set(spec.section_type(section.key).default_tags)
        if section_is_real(section, spec.placeholders):
            for tag in section.tags:
                if tag not in defaults:  # the user's own tag on the part
                    reason = f"the part is tagged {tag}"
                    found.setdefault(tag, []).append(Found(section, None, reason))
        for item in section.items:
            if item_is_real(item, spec.placeholders):
                copied = copied_links(item, section, links)
                for tag in (t for t in item.tags if t not in copied):
                    found.setdefault(tag, []).append(Found(section, item, f"tagged {tag}"))
    return found


def matches(
    evidence: Evidence, section: Section, item: Item | None, placeholders: Iterable[str]
) -> bool:
    """Whether one item (or, with ``item`` None, the part's intro) shows ``evidence``."""
    if evidence.section and section.key != evidence.section:
        return False
    if item is None:
        return not evidence.item_type and is_real(section.intro, placeholders)
    if evidence.item_type and item.type != evidence.item_type:
        return False
    if not evidence.item_type and not item_is_real(item, placeholders):
        return False
    values: Mapping[str, Any] = item.fields
    if not all(is_real(values.get(name), placeholders) for name in evidence.fields):
        return False
    if any(values.get(name) != value for name, value in evidence.equals):
        return False
    if evidence.words:
        text = " ".join(str(v) for v in values.values() if isinstance(v, str)).lower()
        return any(word.lower() in text for word in evidence.words)
    return True


def items_by_type(document: Document) -> dict[str, list[tuple[Section, Item]]]:
    """Every item with its part, by item type, in document order: read once, it spares each
    piece of evidence about one type a walk through the whole document."""
    found: dict[str, list[tuple[Section, Item]]] = {}
    for section in document.sections:
        for item in section.items:
            found.setdefault(item.type, []).append((section, item))
    return found


def shown_by(
    document: Document,
    spec: DocumentSpec,
    evidence: Evidence,
    by_type: Mapping[str, list[tuple[Section, Item]]] | None = None,
) -> list[Found]:
    """Every part or item of the document that shows ``evidence``; ``by_type`` is
    :func:`items_by_type` of the document, if the caller has it."""
    found = []
    if evidence.item_type and by_type is not None:
        # A part's intro never shows evidence about an item type: only its items can.
        for section, item in by_type.get(evidence.item_type, ()):
            if evidence.section and section.key != evidence.section:
                continue
            if matches(evidence, section, item, spec.placeholders):
                found.append(Found(section, item, evidence.description))
        return found
    for section in document.sections:
        if evidence.section and section.key != evidence.section:
            continue  # the whole part is elsewhere: none of its items can show it
        if matches(evidence, section, None, spec.placeholders):
            found.append(Found(section, None, evidence.description))
        for item in section.items:
            if evidence.item_type and item.type != evidence.item_type:
                continue  # the common case, decided without a call
            if matches(evidence, section, item, spec.placeholders):
                found.append(Found(section, item, evidence.description))
    return found
