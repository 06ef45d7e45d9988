"""Checks shared by each kind's step tests: a guide names only parts that exist."""

from __future__ import annotations

from reformkit.catalogue.store import Catalogue
from reformkit.document.guide import (
    BudgetBlock,
    CascadeBlock,
    CatalogueTitles,
    TableBlock,
    entry_ids,
    named_fields,
)
from reformkit.document.spec import DocumentSpec, ItemType
from reformkit.errors import ReformKitError


def broken_references(spec: DocumentSpec, catalogue: Catalogue) -> list[str]:
    """Every section, item type, field and catalogue entry the guide names that is not there."""
    found: list[str] = []
    sections = {s.key: s for s in spec.section_types}
    item_types: dict[str, ItemType] = {t.name: t for s in spec.section_types for t in s.item_types}
    for number, step in enumerate(spec.guide.steps, start=1):
        for key, name in step.item_types:
            if key not in sections:
                found.append(f"step {number}: no section {key}")
            elif name not in {t.name for t in sections[key].item_types}:
                found.append(f"step {number}: {key} holds no {name}")
        for key in step.sections:
            if key not in sections:
                found.append(f"step {number}: no section {key}")
        for block in step.blocks:
            for name, field in named_fields(block):
                if name not in item_types:
                    found.append(f"step {number}: no item type {name}")
                elif field not in item_types[name].field_names:
                    found.append(f"step {number}: {name} has no field {field}")
            for entry_id in entry_ids(block):
                try:
                    catalogue.get(entry_id)
                except ReformKitError:
                    found.append(f"step {number}: no catalogue entry {entry_id}")
            kinds = []
            if isinstance(block, TableBlock | CascadeBlock):
                kinds += [
                    s.kind for s in block.suggestions.values() if isinstance(s, CatalogueTitles)
                ]
            if isinstance(block, TableBlock) and block.offer is not None:
                kinds.append(block.offer.kind)
            for kind in kinds:
                if not list(catalogue.entries(kind)):
                    found.append(f"step {number}: no catalogue entries of kind {kind}")
            if isinstance(block, CascadeBlock):
                level = item_types[block.item_type].field(block.level_field)
                if len(level.choices) < 2:
                    found.append(f"step {number}: {block.level_field} has no levels")
            if isinstance(block, BudgetBlock) and block.total_type == block.line_type:
                found.append(f"step {number}: the total and the lines are one type")
    return found
