"""Re-using a section's blocks when nothing it is laid out from has changed.

The preview lays a long document out again after each keystroke, where one section changed.
:class:`SectionReuse` keeps each section's blocks under a key made of everything
:func:`reformkit.layout.engine.lay_out` reads to lay that section out (its number, words,
tags and items, and the titles of the items its references name), so an unchanged section is
handed back as the very same blocks: nothing to lay out, and nothing for the page to compare.
The key is made from values, never from which objects hold them, so an edit made in place is
seen as well as one that replaces a value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

from reformkit.document.fields import REFERENCE
from reformkit.document.model import Item, Section
from reformkit.document.spec import DocumentSpec
from reformkit.layout.blocks import Block


class SectionReuse:
    """The blocks of each section from the last layout, by what they were laid out from.

    One layout at a time: not for two threads at once. Only the sections of the latest
    layout are kept.
    """

    def __init__(self) -> None:
        self._setting: Hashable = None
        self._kept: dict[Hashable, list[Block]] = {}
        self._now: dict[Hashable, list[Block]] = {}
        # Each item type's reference fields, by (section key, item type), for this setting.
        self._named_fields: dict[tuple[str, str], tuple[str, ...]] = {}
        self.reused = 0  # sections handed back unchanged in the latest layout, for tests

    def start(self, spec: DocumentSpec, titles: Mapping[str, str], tags: str) -> None:
        """A layout begins: blocks laid out for another kind, other recommendation titles
        or another placement of tags are dropped."""
        setting = (id(spec), spec.kind, tuple(titles.items()), tags)
        if setting != self._setting:
            self._setting, self._kept, self._named_fields = setting, {}, {}
        self._now, self.reused = {}, 0

    def blocks(
        self,
        number: int,
        section: Section,
        spec: DocumentSpec,
        references: Mapping[str, Item],
        make: Callable[[], list[Block]],
        extra: Hashable = None,
    ) -> list[Block]:
        """The section's blocks: those kept for an equal key, else ``make()``. ``extra`` is
        anything else they are laid out from (the lines its items show under them)."""
        try:
            key = (number, extra, _section_key(section, spec, references, self._named_fields))
            hash(key)
        except TypeError:  # a value that cannot be compared cheaply: laid out afresh
            return make()
        found = self._kept.get(key)
        if found is None:
            found = make()
        else:
            self.reused += 1
        self._now[key] = found
        return found

    def finish(self) -> None:
        """The layout is done: keep only its sections."""
        self._kept, self._now = self._now, {}


def _section_key(
    section: Section,
    spec: DocumentSpec,
    references: Mapping[str, Item],
    named_fields: dict[tuple[str, str], tuple[str, ...]],
) -> Any:
    items = []
    for item in section.items:
        named: tuple[object, ...] = ()
        names = named_fields.get((section.key, item.type))
        if names is None:
            item_type = spec.section_type(section.key).item_type(item.type)
            names = tuple(f.name for f in item_type.fields if f.type == REFERENCE)
            named_fields[(section.key, item.type)] = names
        for name in names:
            if item.fields.get(name):
                target = references.get(str(item.fields[name]))
                named += (name, target.fields.get("title") if target else None)
        values: tuple[object, ...] = tuple(item.fields.items())
        try:
            hash(values)
        except TypeError:  # a list of phrases, say
            values = tuple((name, _frozen(value)) for name, value in item.fields.items())
        items.append(
            (
                item.id,
                item.type,
                values,
                tuple(item.tags),
                (item.source.entry_id, item.source.revision) if item.source else None,
                item.needs_review,
                named,
            )
        )
    return (
        section.key,
        section.title,
        section.intro,
        section.owner,
        tuple(section.tags),
        tuple(items),
    )


def _frozen(value: Any) -> Any:
    """A value as a hashable key, its kind kept (a list never equals a tuple here)."""
    if type(value) is list:
        return (list, tuple(_frozen(v) for v in value))
    if type(value) is dict:
        return (dict, tuple((k, _frozen(v)) for k, v in value.items()))
    return value
