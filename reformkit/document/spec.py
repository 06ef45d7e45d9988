"""What a kind of document is made of: its sections and the items each section holds.

``charter/`` and ``plans/`` declare their parts with these classes; the kernel reads, stores,
checks, compares and exports any document from its spec without knowing which kind it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reformkit.document.attached import (
    chained_checks,
    chained_layout,
    chained_notes,
    chained_receive,
)
from reformkit.document.fields import LONG_TEXT, Field, FieldError
from reformkit.document.guide import Guide
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from reformkit.document.attached import ItemNotes, Receive, SectionLayout
    from reformkit.document.checks import Problem
    from reformkit.document.model import Document, Section

TABLE, CLAUSE, RECORD = "table", "clause", "record"


@dataclass(frozen=True)
class ItemType:
    """A kind of item: a right, a budget line, a mission. ``title_field`` names it in lists."""

    name: str
    label: str
    fields: tuple[Field, ...]
    title_field: str = ""
    help: str = ""
    catalogue_kinds: tuple[str, ...] = ()  # catalogue entries offered for this item type
    presentation: str = TABLE  # how exports show it: a row of a table, a clause, a record
    # The field a catalogue entry's title fills when the entry is added ("role" for a Board
    # member made from a role, "accounting_officer" for a pot made from an officer); the
    # title field when empty.
    catalogue_field: str = ""

    @property
    def entry_title_field(self) -> str:
        return self.catalogue_field or self.title_field

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def clean(self, values: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
        """Check every field; raise one :class:`FieldError` listing every problem found."""
        unknown = sorted(set(values) - set(self.field_names))
        problems = [f"{self.label} has no field '{name}'." for name in unknown]
        cleaned: dict[str, Any] = {}
        for spec in self.fields:
            if partial and spec.name not in values:
                continue
            try:
                cleaned[spec.name] = spec.clean(values.get(spec.name))
            except FieldError as error:
                problems.append(str(error))
        if problems:
            raise FieldError(" ".join(problems))
        return cleaned

    def describe(self, values: Mapping[str, Any]) -> str:
        """A one-line name for an item, for trees, diffs and coverage lists."""
        name = str(values.get(self.title_field) or "") if self.title_field else ""
        if not name:
            name = next((str(v) for v in values.values() if isinstance(v, str) and v), "")
        name = " ".join(name.split())
        return name if len(name) <= 80 else name[:79] + "…"


PARAGRAPH = ItemType(
    "paragraph",
    "Paragraph",
    (Field("text", "Text", LONG_TEXT, required=True),),
    "text",
    presentation="paragraph",
)


@dataclass(frozen=True)
class SectionType:
    """A kind of section, with the items it may hold and the recommendations it answers."""

    key: str
    title: str
    help: str
    item_types: tuple[ItemType, ...] = (PARAGRAPH,)
    default_tags: tuple[str, ...] = ()
    starter: bool = True  # part of every new document of this kind

    def item_type(self, name: str) -> ItemType:
        for candidate in self.item_types:
            if candidate.name == name:
                return candidate
        allowed = ", ".join(t.name for t in self.item_types)
        raise DocumentSpecError(
            f"A '{self.title}' section cannot hold a '{name}'. It can hold: {allowed}."
        )


CUSTOM_SECTION = SectionType(
    "custom", "Other section", "Anything else the document needs to say.", starter=False
)


@dataclass(frozen=True)
class KindWords:
    """What the app says about a kind, in its people's words."""

    new_label: str  # "New Respect Charter": the start screen's choice and the File menu
    description: str  # the line under that choice
    article: str  # "a Respect Charter": "expected in a Respect Charter"
    all_clear: str = ""  # the Checks panel's words when nothing needs attention
    menu_label: str = ""  # "New &charter…": the File menu's item, with its access key


@dataclass(frozen=True)
class SampleDocument:
    """A complete, realistic document of this kind for newcomers, shipped as JSON."""

    name: str  # a stable key, and the JSON file's name in resources/samples
    label: str  # "Sample Respect Charter"
    description: str
    source: Path  # the JSON file


@dataclass(frozen=True)
class Evidence:
    """Items whose filled-in fields answer a recommendation, whatever their tags say.

    ``Evidence("R15", "budget_pot", ("accounting_officer",), "an Accounting Officer is
    named")``: a single pot whose Accounting Officer is filled in answers R15. ``words``, when
    given, must appear in one of the fields (a Board member whose role names "ICB"); with no
    ``item_type`` the evidence is any real text (intro or paragraph) in the ``section`` named.
    """

    recommendation: str
    item_type: str
    fields: tuple[str, ...]
    description: str
    section: str = ""  # limit to sections of this key; "" means anywhere
    words: tuple[str, ...] = ()
    equals: tuple[tuple[str, Any], ...] = ()  # (field, value) pairs that must hold


@dataclass(frozen=True)
class Element:
    """One thing the briefing lists under a recommendation, in its words, and what shows it.

    R4's contents of a plan and R3's "at a minimum" Board are lists: coverage counts how
    many of their elements the document has ("3 of 5 elements") and names the rest.
    """

    recommendation: str
    name: str  # a short name for lists: "Barriers and enablers to prevention"
    quote: str  # the briefing's own words
    page: int
    evidence: tuple[Evidence, ...]  # any one of these shows the element


@dataclass(frozen=True)
class Optional:
    """A recommendation a document of this kind may answer but is not expected to: a national
    trial in one place (R13) or in a select number of areas (R22)."""

    recommendation: str
    reason: str  # why, in the briefing's words, with its page


@dataclass(frozen=True)
class ExtraTable:
    """A table a kind adds after one part's own content in every export: the charter's
    ledger of each right beside the duty accepted in return for it."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PromotionTarget:
    """Where a workshop's contribution or theme can go in this kind of document: "a right".

    The promoted words go in ``text_field``; a short name (the theme's, or one the
    facilitator types) in ``title_field`` when the item type has one. ``defaults`` fills the
    fields the item needs that the words cannot (a mission's level). ``new_section`` says the
    item goes in a part of its own, titled from the theme, rather than in the first part of
    ``section_key``.
    """

    label: str  # "A right", in the words a menu shows
    section_key: str
    item_type: str
    text_field: str
    title_field: str = ""
    defaults: tuple[tuple[str, Any], ...] = ()
    new_section: bool = False


@dataclass(frozen=True)
class EngagementSummary:
    """One session with the people a document is for, as its engagement log records it."""

    title: str
    date: str  # YYYY-MM-DD, or "" when not known
    place: str
    who: str  # "Staff, Citizens, Families"
    how_many: int
    method: str  # "Workshop"
    what_changed: tuple[str, ...]  # one line for each thing the session changed


Engagement = Callable[[EngagementSummary], tuple[str, str, dict[str, Any]]]


@dataclass(frozen=True)
class DocumentSpec:
    """A kind of document (a charter, a plan…): everything ReformKit knows about it.

    A kind package builds one and registers it in the ``reformkit.kinds`` entry-point group;
    the kernel and the desktop reach it only through :class:`DocumentKinds`.
    """

    kind: str
    label: str
    section_types: tuple[SectionType, ...]
    answers: tuple[str, ...] = field(default=())  # recommendations it exists to answer
    introduction: str = ""  # the opening paragraph of an export, filled by introduction_values
    # The kind's own checks (budgets that add up, missions with metrics…), run after the
    # generic ones by reformkit.document.checks.check_document.
    checks: Callable[[Document, DocumentSpec], list[Problem]] | None = None
    words: KindWords | None = None
    guide: Guide = field(default_factory=Guide)
    csv_targets: Mapping[str, str] = field(default_factory=dict)  # section key -> item type
    sample: SampleDocument | None = None
    # The values the introduction names ({organisation}, {team}…), read from the document.
    introduction_values: Callable[[Document], Mapping[str, str]] | None = None
    # Tables the kind lays out after a part's own content, from the whole document.
    extra_tables: Callable[[Document, Section], Sequence[ExtraTable]] | None = None
    # What counts as an answer beyond the user's tags (reformkit.document.coverage reads them).
    evidence: tuple[Evidence, ...] = ()
    elements: tuple[Element, ...] = ()
    optional: tuple[Optional, ...] = ()
    placeholders: tuple[str, ...] = ()  # words the builder fills in that say nothing yet
    # Section keys of the parts residents read: the plain-English check looks there for the
    # briefing's jargon ("place-based", "earned autonomy"), which its other readers know.
    citizen_parts: tuple[str, ...] = ()
    # An attachable kind's parts may also sit in any other kind's document (a workshop's
    # record inside the charter it shaped): DocumentKinds gives every other kind's spec them.
    attachable: bool = False
    # Turns rows from the file's inbox (phones' submissions) into (section key, item) pairs;
    # a row it cannot use raises, and stays in the inbox. Rows of channels it does not know
    # give no pairs.
    receive: Receive | None = None
    # Adds the kind's command-line subcommands to the top level's subparsers.
    commands: Callable[[Any], None] | None = None
    # Where a workshop's contributions can be promoted to in this kind of document.
    promotion_targets: tuple[PromotionTarget, ...] = ()
    # The engagement-log row a session becomes: (section key, item type, fields).
    engagement: Engagement | None = None
    # A line shown under an item in exports, by item id ("From the Hexham workshop…").
    item_notes: ItemNotes | None = None
    # For the kind's own parts, the layout blocks shown instead of the item tables; an empty
    # sequence leaves a part to the layout engine.
    section_layout: SectionLayout | None = None
    # Set by DocumentKinds: the attachable kinds whose parts this document may also hold, and
    # the spec as its package declared it.
    attached: tuple[DocumentSpec, ...] = field(default=(), repr=False, compare=False)
    own: DocumentSpec | None = field(default=None, repr=False, compare=False)

    @property
    def say(self) -> KindWords:
        """The kind's words, or plain ones made from its label."""
        return self.words or KindWords(
            f"New {self.label}", f"Start a new {self.label}.", f"a {self.label}"
        )

    @property
    def menu_label(self) -> str:
        return self.say.menu_label or f"New {self.label}…"

    def section_type(self, key: str) -> SectionType:
        found = self._types_by_key.get(key)
        if found is not None:
            return found
        keys = ", ".join(s.key for s in self.own_section_types)
        raise DocumentSpecError(f"A {self.label} has no section type '{key}'. Use one of: {keys}.")

    @property
    def own_section_types(self) -> tuple[SectionType, ...]:
        """The kind's own parts and the custom one: what a person may add to a document."""
        return (*self.section_types, CUSTOM_SECTION)

    @property
    def attached_section_types(self) -> tuple[SectionType, ...]:
        """The parts of the attachable kinds this document may hold, never its starters."""
        own = {t.key for t in self.own_section_types}
        found: dict[str, SectionType] = {}
        for other in self.attached:
            for section_type in other.section_types:
                if section_type.key not in own:
                    found.setdefault(section_type.key, section_type)
        return tuple(found.values())

    @property
    def all_section_types(self) -> tuple[SectionType, ...]:
        return (*self.own_section_types, *self.attached_section_types)

    @cached_property
    def _types_by_key(self) -> dict[str, SectionType]:
        """Every section type by key, the first of a key winning (looked up per keystroke)."""
        found: dict[str, SectionType] = {}
        for section_type in self.all_section_types:
            found.setdefault(section_type.key, section_type)
        return found

    def attached_kind(self, key: str) -> DocumentSpec | None:
        """The attachable kind a part of this key belongs to, or None for the kind's own."""
        return self._attached_owners.get(key)

    @cached_property
    def _attached_owners(self) -> dict[str, DocumentSpec]:
        own = {t.key for t in self.own_section_types}
        found: dict[str, DocumentSpec] = {}
        for other in self.attached:
            for section_type in other.section_types:
                if section_type.key not in own:
                    found.setdefault(section_type.key, other)
        return found

    def with_attached(self, attached: Sequence[DocumentSpec]) -> DocumentSpec:
        """This kind, able to hold the parts of ``attached`` kinds: their checks run on their
        parts, their ``receive``, ``item_notes`` and ``section_layout`` chained after its own.
        """
        own = self.own or self
        others = tuple(a for a in attached if a.kind != own.kind and a.attachable)
        if own.attachable or not others:
            return own
        return replace(
            own,
            attached=others,
            own=own,
            checks=chained_checks(own, others),
            receive=chained_receive(own, others),
            item_notes=chained_notes(own, others),
            section_layout=chained_layout(own, others),
        )


class DocumentSpecError(ReformKitError, ValueError):
    """A section or item that the document's kind does not allow."""


class DocumentKinds:
    """The document kinds this program knows, handed to the kernel by whoever starts it.

    Each kind that is not attachable is kept able to hold the attachable kinds' parts
    (:meth:`DocumentSpec.with_attached`), so :meth:`get` and iteration give that spec.
    """

    def __init__(self, specs: Iterable[DocumentSpec]):
        given = [spec.own or spec for spec in specs]
        attachable = [spec for spec in given if spec.attachable]
        self._specs = {spec.kind: spec.with_attached(attachable) for spec in given}

    def __iter__(self) -> Iterator[DocumentSpec]:
        return iter(self._specs.values())

    def names(self) -> list[str]:
        return list(self._specs)

    def samples(self) -> list[SampleDocument]:
        """Every kind's sample document, in the order the kinds were registered."""
        return [spec.sample for spec in self._specs.values() if spec.sample is not None]

    def articles(self) -> dict[str, str]:
        """Each kind's name with its words: {"plan": "a Local Reform Plan"}."""
        return {name: spec.say.article for name, spec in self._specs.items()}

    def __len__(self) -> int:
        return len(self._specs)

    def get(self, kind: str) -> DocumentSpec:
        spec = self._specs.get(kind.strip().lower())
        if spec is None:
            raise DocumentSpecError(
                f"ReformKit does not know a document kind '{kind}'. "
                f"It knows: {', '.join(self._specs) or 'none'}."
            )
        return spec
