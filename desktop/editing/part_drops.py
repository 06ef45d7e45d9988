"""What a drop on the parts tree does: move a section or an item, or draft catalogue
entries into a section, or be refused with a sentence saying why.

Drags carry a part's kind and id (PART_MIME), or catalogue entry ids one a line
(ENTRY_MIME). A drop is planned first (while it is dragged over a place, to say whether it
fits) and made through the editor, so it is one step to undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from desktop.editing.editor import DocumentEditor
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.kinds import KINDS
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry, suitable
from reformkit.document.model import Section
from reformkit.document.spec import PARAGRAPH, ItemType, SectionType
from reformkit.errors import ReformKitError

PART_MIME = "application/x-reformkit-part"
ENTRY_MIME = "application/x-reformkit-entry"
DOCUMENT, SECTION, ITEM = "document", "section", "item"
Part = tuple[str, str]  # a part's kind (DOCUMENT, SECTION or ITEM) and id
# Entries people adopt as clauses of their own. They go only where an item type is made for
# them (or into a section of plain paragraphs); briefing context, such as a recommendation,
# can be quoted as a paragraph in any section that holds paragraphs.
CLAUSE_KINDS = frozenset({"right", "duty", "principle", "rule", "idea", "role"})


@dataclass(frozen=True)
class DropPlan:
    """What a drop would do: move a part, or add an entry, at ``index`` of a section."""

    action: str  # "move-item", "move-section" or "add-entries"
    part_id: str  # the item or section dropped, or the entry ids (one a line)
    section_id: str = ""
    index: int | None = None


class DropRefusedError(ReformKitError):
    """A drop the document cannot take; the message says why."""


class DropPlanner:
    """Plans and makes drops on one editor's document."""

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue):
        self.editor = editor
        self.catalogue = catalogue

    def plan(self, data: QMimeData, row: int, part: Part | None) -> DropPlan:
        """Work out what dropping ``data`` at ``row`` of ``part`` (None: the top level)
        would do, or refuse."""
        if self.editor.read_only:
            raise DropRefusedError("This document is open read-only, so nothing can be moved.")
        if data.hasFormat(PART_MIME):
            kind, _, part_id = bytes(data.data(PART_MIME).data()).decode().partition(":")
            if kind == SECTION:
                return self._plan_section(part_id, row, part)
            if kind == ITEM:
                return self._plan_item(part_id, row, part)
        if data.hasFormat(ENTRY_MIME):
            text = bytes(data.data(ENTRY_MIME).data()).decode("utf-8", errors="replace")
            return self._plan_entries(text.split(), row, part)
        raise DropRefusedError("Only parts of the document and catalogue entries can go here.")

    def _plan_section(self, section_id: str, row: int, part: Part | None) -> DropPlan:
        sections = self.editor.project.document.sections
        try:
            old = sections.index(self.editor.project.document.section(section_id))
        except KeyError:
            raise DropRefusedError("That section is no longer in the document.") from None
        if part is None:  # between top-level rows; row 0 is the details
            index = len(sections) if row < 0 else max(row - 1, 0)
        elif part[0] == DOCUMENT:
            index = 0
        else:
            target = self._section_of(part)
            index = sections.index(target)
        if old < index and (part is None or part[0] == DOCUMENT):
            index -= 1
        return DropPlan("move-section", section_id, index=max(0, min(index, len(sections) - 1)))

    def _plan_item(self, item_id: str, row: int, part: Part | None) -> DropPlan:
        document = self.editor.project.document
        try:
            old_section, item = document.find_item(item_id)
        except KeyError:
            raise DropRefusedError("That item is no longer in the document.") from None
        section, index = self._item_target(row, part)
        section_type = self.editor.project.spec.section_type(section.key)
        kind = self.editor.project.spec.section_type(old_section.key).item_type(item.type)
        if item.type not in {t.name for t in section_type.item_types}:
            raise DropRefusedError(
                f"“{section.title}” cannot hold a {kind.label.lower()}. "
                f"It holds {_listed(section_type.item_types)}."
            )
        if index is None:
            index = len(section.items)
        if section is old_section and old_section.items.index(item) < index:
            index -= 1
        return DropPlan("move-item", item_id, section.id, index)

    def _plan_entries(self, entry_ids: list[str], row: int, part: Part | None) -> DropPlan:
        """Entries dragged from the catalogue (one id a line): all of them fit, or none go."""
        if not entry_ids:
            raise DropRefusedError("Nothing was dragged from the catalogue.")
        section, index = self._item_target(row, part)
        section_type = self.editor.project.spec.section_type(section.key)
        for entry_id in entry_ids:
            try:
                entry = self.catalogue.get(entry_id)
            except ReformKitError:
                raise DropRefusedError("That entry is no longer in the catalogue.") from None
            if not accepts_entry(section_type, entry):
                kind = KINDS[entry.kind].label.lower() if entry.kind in KINDS else entry.kind
                raise DropRefusedError(
                    f"“{section.title}” has no place for a {kind} such as “{entry.title}”. "
                    f"It holds {_listed(section_type.item_types)}."
                )
        return DropPlan("add-entries", "\n".join(entry_ids), section.id, index)

    def _item_target(self, row: int, part: Part | None) -> tuple[Section, int | None]:
        """The section an item dropped here goes into, and where (None: at the end)."""
        document = self.editor.project.document
        if part is None:  # between sections: the end of the section above
            if not document.sections:
                raise DropRefusedError("Add a section first, then drop the item into it.")
            if row < 0 or row - 1 > len(document.sections):
                return document.sections[-1], None
            if row <= 1:
                return document.sections[0], 0
            return document.sections[row - 2], None
        if part[0] == DOCUMENT:
            raise DropRefusedError("Drop it on a section, not on the document's details.")
        if part[0] == SECTION:
            section = document.section(part[1])
            return section, (None if row < 0 else row)
        section, item = document.find_item(part[1])
        return section, section.items.index(item)

    def _section_of(self, part: Part) -> Section:
        document = self.editor.project.document
        if part[0] == SECTION:
            return document.section(part[1])
        return document.find_item(part[1])[0]

    def carry_out(self, plan: DropPlan) -> Part | None:
        """Make the drop, as one step to undo; return the part to select afterwards."""
        editor = self.editor
        if plan.action == "move-section":
            editor.move_section(plan.part_id, plan.index or 0)
            return SECTION, plan.part_id
        if plan.action == "move-item":
            editor.move_item(plan.part_id, plan.section_id, plan.index or 0)
            return ITEM, plan.part_id
        return self._add_entries(plan)

    def _add_entries(self, plan: DropPlan) -> Part | None:
        editor = self.editor
        section = editor.project.document.section(plan.section_id)
        section_type = editor.project.spec.section_type(section.key)
        entry_ids = plan.part_id.split("\n")
        stack = editor.undo_stack
        if len(entry_ids) > 1:
            stack.beginMacro(f"Add {len(entry_ids)} entries from the catalogue")
        added = []
        try:
            for offset, entry_id in enumerate(entry_ids):
                entry = self.catalogue.get(entry_id)
                drafted = draft_from_entry(section_type, entry, list(section.tags))
                added.append(
                    editor.add_item(
                        section.id,
                        drafted.item_type.name,
                        drafted.fields,
                        tags=drafted.tags,
                        source=drafted.source,
                        index=None if plan.index is None else plan.index + offset,
                    )
                )
        finally:
            if len(entry_ids) > 1:
                stack.endMacro()
        return (ITEM, added[0]) if added else None


def accepts_entry(section_type: SectionType, entry: Entry) -> bool:
    """Whether a section of this type can take ``entry`` as an item.

    An entry made for one of its item types is always welcome. Otherwise it becomes a quoted
    paragraph: anything may be quoted in a section of plain paragraphs, and briefing context
    (a recommendation, a figure) in any section that holds paragraphs; but a right is not
    turned into a paragraph of, say, the budget.
    """
    if suitable(section_type, entry):
        return True
    item_types = section_type.item_types
    if PARAGRAPH not in item_types:
        return False
    return all(t is PARAGRAPH for t in item_types) or entry.kind not in CLAUSE_KINDS


def _listed(item_types: tuple[ItemType, ...]) -> str:
    names = [t.label.lower() + "s" for t in item_types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
