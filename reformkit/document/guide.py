"""A kind's guided builder, described as data: its steps, and the blocks each step's page holds.

A kind package (``charter/``, ``plans/``) declares its steps with these classes; the desktop
turns each block into a widget and knows nothing else about the kind. No Qt here, so the
steps can be read, listed and tested without a display.

A page is a title, an explanation, and blocks top to bottom:

- :class:`HeaderBlock`: a section's title, the recommendations it answers, its opening words;
- :class:`RecordBlock`: the one record of an item type in a section, as a form (the scope,
  the zone proposal, the review date), with a button that starts it;
- :class:`TableBlock`: the items of one type as an editable table, with suggestions for
  its fields, quick-add presets, starters and offers drawn from the catalogue;
- :class:`ClauseBlock`: clauses offered from the catalogue as cards to use and reword, and
  a button for the user's own;
- :class:`TwoListsBlock`: two tables side by side, one for each value of a field (needs
  and assets, barriers and enablers);
- :class:`CascadeBlock`: items in levels, each serving one at the level above (missions);
- :class:`BudgetBlock`: a total and the lines that must add up to it;
- :class:`ChecksBlock`: what is still missing, each a click away from the step that fixes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from reformkit.document.model import Document, Item


# Values a block starts an item with.
@dataclass(frozen=True)
class Today:
    """The date ``days`` after the day the item is made (a review a year on: 365)."""

    days: int = 0


@dataclass(frozen=True)
class FromMeta:
    """A value of the document's metadata, such as its ``organisation``."""

    name: str


Value: TypeAlias = str | bool | Today | FromMeta


def resolve(values: Mapping[str, Value], document: Document, today: date) -> dict[str, object]:
    """The stored values for ``values``: dates worked out, metadata read."""
    resolved: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Today):
            resolved[name] = (today + timedelta(days=value.days)).isoformat()
        elif isinstance(value, FromMeta):
            resolved[name] = str(getattr(document.meta, value.name, "") or "")
        else:
            resolved[name] = value
    return resolved


# What a table suggests for a field, while still allowing free text.
@dataclass(frozen=True)
class Choices:
    """Suggest these values for a field, in this order."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class TitlesOf:
    """Suggest the values of ``field`` of every item of ``item_type`` (the Board's names)."""

    item_type: str
    field: str


@dataclass(frozen=True)
class CatalogueTitles:
    """Suggest the titles of the catalogue's entries of ``kind`` (the Board roles), only
    those related to ``related`` if given."""

    kind: str
    related: str = ""


Suggestion: TypeAlias = Choices | TitlesOf | CatalogueTitles


@dataclass(frozen=True)
class Preset:
    """A button that adds a ready-made item: "Vacancies" adds a vacancy-rate measure. It is
    greyed once an item with the same title is there; ``edit_field`` opens for typing."""

    label: str
    fields: Mapping[str, Value]
    edit_field: str = ""


@dataclass(frozen=True)
class Starter:
    """A button that adds an item drawn from a catalogue entry, its source kept.

    ``fields`` are set as given; ``wording_field`` receives the entry's wording. Used for the
    right-to-request candidates. Greyed once an item drawn from the entry is there.
    """

    entry_id: str
    label: str
    fields: Mapping[str, Value] = field(default_factory=dict)
    wording_field: str = ""
    edit_field: str = ""


@dataclass(frozen=True)
class Offer:
    """A list of catalogue entries of ``kind`` (related to ``related``, if given) and a
    button adding a row for the chosen one, its source kept: the Board's roles.

    The entry's title goes in ``title_field``. If the title contains ``claims_exclusive``
    and no row holds the table's exclusive flag yet, the new row takes it (the Mayor's
    role makes them the chair).
    """

    kind: str
    label: str  # "Add a member for the role:"
    title_field: str
    related: str = ""
    fields: Mapping[str, Value] = field(default_factory=dict)
    edit_field: str = ""
    claims_exclusive: str = ""


@dataclass(frozen=True)
class Prompts:
    """Items of ``item_type`` elsewhere in the document listed as prompts, each with a button
    that starts a clause answering it (the rights, when writing managers' commitments).

    The new clause copies ``copy`` (its field ← the prompt's field), sets ``fields``, takes
    the prompt's tags, and opens ``edit_field``. ``shown_field`` is shown under the title.
    """

    item_type: str
    heading: str
    empty_text: str
    button_label: str  # "Write a commitment for this"
    copy: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, Value] = field(default_factory=dict)
    edit_field: str = ""
    shown_field: str = ""


# The blocks.
@dataclass(frozen=True)
class HeaderBlock:
    """A section's title (unless it is the step's), the recommendations it answers, which
    can be changed, and, if ``intro``, its opening words."""

    section: str
    intro: bool = True


@dataclass(frozen=True)
class TableBlock:
    section: str
    item_type: str
    noun: str  # "board member": for buttons ("Add board member") and messages
    label: str = ""  # a heading above the table, if the page holds more than one
    defaults: Mapping[str, Value] = field(default_factory=dict)  # a new row's values
    suggestions: Mapping[str, Suggestion] = field(default_factory=dict)
    exclusive: str = ""  # a yes/no field only one row may hold (the Board's chair)
    presets: tuple[Preset, ...] = ()
    starters: tuple[Starter, ...] = ()
    offer: Offer | None = None


@dataclass(frozen=True)
class RecordBlock:
    section: str
    item_type: str
    start_label: str  # "Start the Innovation Zone proposal"
    label: str = ""  # a heading above the record
    defaults: Mapping[str, Value] = field(default_factory=dict)
    # A catalogue entry the record is drawn from (its source and recommendations kept),
    # if the catalogue has it.
    source: str = ""
    auto_start: bool = False  # made when the step is first shown (not read-only)
    removable: bool = True


@dataclass(frozen=True)
class ClauseBlock:
    section: str
    item_type: str
    own_label: str = "Write your own"
    # A clause of the user's own starts with these values and opens ``own_edit``.
    own_fields: Mapping[str, Value] = field(default_factory=dict)
    own_edit: str = ""
    text_field: str = ""  # the clause's words, shown on its card
    offers: bool = True  # offer the catalogue's entries for the item type
    prompts: Prompts | None = None
    label: str = ""  # the heading over its items, if not "What your <noun> says"


@dataclass(frozen=True)
class TwoListsBlock:
    section: str
    item_type: str
    field: str  # the field that tells the two apart
    values: tuple[str, str]  # ("Need", "Asset")


@dataclass(frozen=True)
class CascadeBlock:
    """Items in levels (the level field's choices, top first), each new one added under the
    selected one at the level above, straight after that one's own."""

    section: str
    item_type: str
    noun: str
    level_field: str  # a choice field: its choices are the levels, top first
    parent_field: str  # a reference to the item served at the level above
    suggestions: Mapping[str, Suggestion] = field(default_factory=dict)


@dataclass(frozen=True)
class BudgetBlock:
    section: str
    total_type: str  # the one record holding the total
    total_field: str
    line_type: str  # the lines that must add up to it
    amount_field: str
    start_label: str  # "Set up the single pot"
    noun: str  # "budget line"
    total_heading: str = ""  # "The single pot"
    lines_heading: str = ""  # "Lines by service and partner"
    missing_total: str = "Enter the total to check them."
    defaults: Mapping[str, Value] = field(default_factory=dict)  # the total record's start
    source: str = ""  # a catalogue entry the total record is drawn from, if there


@dataclass(frozen=True)
class ChecksBlock:
    """The steps with nothing in them yet and, if ``problems``, the kernel's checks, each
    with a button to the step that fixes it."""

    all_done: str = "None: every step has something in it."
    problems: bool = True
    all_clear: str = "Nothing to check."
    skip_rules: tuple[str, ...] = ("section-empty",)  # rules already said by step


Block: TypeAlias = (
    HeaderBlock
    | TableBlock
    | RecordBlock
    | ClauseBlock
    | TwoListsBlock
    | CascadeBlock
    | BudgetBlock
    | ChecksBlock
)


@dataclass(frozen=True)
class Filled:
    """A step is done when an item of ``item_type`` in ``section`` has every field of
    ``all_of`` and, if ``any_of`` is given, at least one of those."""

    section: str
    item_type: str
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()


# When a step earns a tick in the step list: "items" when any of its sections holds an item;
# "all" when every item type its blocks edit has an item (a pot and its lines); "never" for
# a step that only looks (the checks); or a Filled rule.
DoneRule: TypeAlias = Literal["items", "all", "never"] | Filled


@dataclass(frozen=True)
class GuidedStep:
    title: str
    explanation: str
    blocks: tuple[Block, ...]
    done: DoneRule = "items"

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections this step edits, in order, each once."""
        keys: list[str] = []
        for block in self.blocks:
            key = block_section(block)
            if key and key not in keys:
                keys.append(key)
        return tuple(keys)

    @property
    def item_types(self) -> tuple[tuple[str, str], ...]:
        """(section, item type) for every item type the step's blocks edit, each once."""
        found: list[tuple[str, str]] = []
        for block in self.blocks:
            for name in block_types(block):
                pair = (block_section(block), name)
                if pair not in found:
                    found.append(pair)
        return tuple(found)


@dataclass(frozen=True)
class Guide:
    """A kind's guided builder: its steps in order, and where the current step is kept."""

    steps: tuple[GuidedStep, ...] = ()
    state_key: str = ""  # the project state that remembers the current step
    noun: str = "document"  # "charter": "Finish and read the whole charter"

    def __bool__(self) -> bool:
        return bool(self.steps)

    def step_for_section(self, key: str) -> int | None:
        """The number (from 1) of the first step that edits section ``key``."""
        for number, step in enumerate(self.steps, start=1):
            if key in step.sections:
                return number
        return None


def block_section(block: Block) -> str:
    return "" if isinstance(block, ChecksBlock) else block.section


def block_types(block: Block) -> tuple[str, ...]:
    """The item types a block edits."""
    if isinstance(block, BudgetBlock):
        return (block.total_type, block.line_type)
    if isinstance(block, HeaderBlock | ChecksBlock):
        return ()
    return (block.item_type,)


def named_fields(block: Block) -> tuple[tuple[str, str], ...]:
    """(item type, field) for every field a block names, so a test can check each exists."""
    found: list[tuple[str, Mapping[str, object] | tuple[str, ...]]] = []
    if isinstance(block, TableBlock):
        found += [(block.item_type, block.defaults), (block.item_type, tuple(block.suggestions))]
        found.append((block.item_type, (block.exclusive,)))
        for preset in block.presets:
            found.append((block.item_type, (*preset.fields, preset.edit_field)))
        for starter in block.starters:
            names = (*starter.fields, starter.wording_field, starter.edit_field)
            found.append((block.item_type, names))
        if block.offer is not None:
            offer = block.offer
            names = (*offer.fields, offer.title_field, offer.edit_field)
            found.append((block.item_type, names))
        for suggestion in block.suggestions.values():
            if isinstance(suggestion, TitlesOf):
                found.append((suggestion.item_type, (suggestion.field,)))
    elif isinstance(block, RecordBlock):
        found.append((block.item_type, block.defaults))
    elif isinstance(block, ClauseBlock):
        found.append((block.item_type, (*block.own_fields, block.own_edit, block.text_field)))
        if block.prompts is not None:
            prompts = block.prompts
            mine = (*prompts.copy, *prompts.fields, prompts.edit_field)
            found.append((block.item_type, mine))
            found.append((prompts.item_type, (*prompts.copy.values(), prompts.shown_field)))
    elif isinstance(block, TwoListsBlock):
        found.append((block.item_type, (block.field,)))
    elif isinstance(block, CascadeBlock):
        names = (block.level_field, block.parent_field, *block.suggestions)
        found.append((block.item_type, names))
        for suggestion in block.suggestions.values():
            if isinstance(suggestion, TitlesOf):
                found.append((suggestion.item_type, (suggestion.field,)))
    elif isinstance(block, BudgetBlock):
        found.append((block.total_type, (block.total_field, *block.defaults)))
        found.append((block.line_type, (block.amount_field,)))
    return tuple((item_type, name) for item_type, names in found for name in names if name)


def entry_ids(block: Block) -> tuple[str, ...]:
    """The catalogue entries a block names (starters and sources)."""
    if isinstance(block, TableBlock):
        return tuple(s.entry_id for s in block.starters)
    if isinstance(block, RecordBlock | BudgetBlock):
        return (block.source,) if block.source else ()
    return ()


def items_in(document: Document, key: str, item_type: str) -> list[Item]:
    """The items of ``item_type`` in the first section with ``key``."""
    section = next((s for s in document.sections if s.key == key), None)
    return [i for i in section.items if i.type == item_type] if section else []


def is_done(document: Document, step: GuidedStep) -> bool:
    """Whether a step has content worth a tick in the step list."""
    rule = step.done
    if rule == "never":
        return False
    if isinstance(rule, Filled):
        return any(
            all(item.fields.get(name) for name in rule.all_of)
            and (not rule.any_of or any(item.fields.get(name) for name in rule.any_of))
            for item in items_in(document, rule.section, rule.item_type)
        )
    if rule == "all":
        pairs = step.item_types
        return bool(pairs) and all(items_in(document, key, name) for key, name in pairs)
    return any(section.items for section in document.sections if section.key in step.sections)
