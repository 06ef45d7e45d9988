"""A kind's spec able to hold the parts of attachable kinds (a workshop's record in a charter).

:meth:`DocumentSpec.with_attached` puts these together: the attached kinds' checks run on
their own parts only, and their hooks are chained after the host kind's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reformkit.document.checks import Problem
    from reformkit.document.inbox import InboxRow
    from reformkit.document.model import Document, Item, Section
    from reformkit.document.spec import DocumentSpec

# The hooks' shapes, named once for the spec and for the kinds that fill them.
Receive = Callable[["Document", Sequence["InboxRow"]], Sequence[tuple[str, "Item"]]]
ItemNotes = Callable[["Document"], Mapping[str, str]]
SectionLayout = Callable[["Document", "Section"], Sequence[Any]]
Checks = Callable[["Document", "DocumentSpec"], "list[Problem]"]


def holds_parts_of(document: Document, spec: DocumentSpec) -> bool:
    """Whether ``document`` has any part of ``spec``'s own section types."""
    keys = {t.key for t in spec.section_types}
    return any(section.key in keys for section in document.sections)


def chained_checks(own: DocumentSpec, others: tuple[DocumentSpec, ...]) -> Checks:
    """The kind's checks, then each attached kind's on a document holding its parts. Any
    further arguments (a fixed ``today`` in tests) go to the kind's own checks."""

    def checks(document: Document, spec: DocumentSpec, *args: Any, **kwargs: Any) -> list[Problem]:
        own_checks: Callable[..., list[Problem]] | None = own.checks
        problems = own_checks(document, spec, *args, **kwargs) if own_checks is not None else []
        for other in others:
            if other.checks is not None and holds_parts_of(document, other):
                problems += other.checks(document, other)
        return problems

    return checks


def chained_receive(own: DocumentSpec, others: tuple[DocumentSpec, ...]) -> Receive | None:
    hooks = [s.receive for s in (own, *others) if s.receive is not None]
    if not hooks:
        return None

    def receive(document: Document, rows: Sequence[InboxRow]) -> list[tuple[str, Item]]:
        return [pair for hook in hooks for pair in hook(document, rows)]

    return receive


def chained_notes(own: DocumentSpec, others: tuple[DocumentSpec, ...]) -> ItemNotes | None:
    hooks = [(s, s.item_notes) for s in (own, *others) if s.item_notes is not None]
    if not hooks:
        return None

    def item_notes(document: Document) -> dict[str, str]:
        notes: dict[str, str] = {}
        for spec, hook in hooks:
            if spec is own or holds_parts_of(document, spec):
                for item_id, note in hook(document).items():
                    notes.setdefault(item_id, note)
        return notes

    return item_notes


def chained_layout(own: DocumentSpec, others: tuple[DocumentSpec, ...]) -> SectionLayout | None:
    if own.section_layout is None and all(o.section_layout is None for o in others):
        return None
    own_keys = {t.key for t in own.own_section_types}
    owners = {t.key: o for o in others for t in o.section_types if t.key not in own_keys}

    def section_layout(document: Document, section: Section) -> Sequence[Any]:
        hook = owners.get(section.key, own).section_layout
        return hook(document, section) if hook is not None else ()

    return section_layout
