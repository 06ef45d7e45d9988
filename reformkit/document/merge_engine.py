"""The three-way merge of a partner's parts, record by record. Pure: documents in, one out.

*Base* is the parts as they were sent, *ours* the main document now, *theirs* the package as
it came back. For every part field and every item field (by stable id):

- theirs unchanged → keep ours; ours unchanged → take theirs; both changed alike → nothing;
- both changed differently → a :class:`Conflict`, which keeps ours unless resolved otherwise;
- removed on one side and changed on the other → a conflict; added on either side → kept.

Order within a part is merged too: an item the partner moved (and we did not) goes after the
same neighbour it follows in the package; an item moved differently on both sides is a
conflict.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from reformkit.document.merge_items import ItemMerger
from reformkit.document.merge_parts import PartMerger
from reformkit.document.merge_values import (
    CONFLICT_WORDS,
    OURS,
    POSITION,
    SECTION_KEYS,
    SECTION_LABELS,
    THEIRS,
    Change,
    Conflict,
    ConflictValue,
    MergeError,
    Outcome,
    Resolution,
    ValueChange,
    item_values,
    reordered,
    section_values,
    three_way,
)
from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec

__all__ = [
    "CONFLICT_WORDS",
    "OURS",
    "POSITION",
    "SECTION_KEYS",
    "SECTION_LABELS",
    "THEIRS",
    "Change",
    "Conflict",
    "ConflictValue",
    "MergeError",
    "Outcome",
    "Resolution",
    "ValueChange",
    "item_values",
    "merge_documents",
    "reordered",
    "section_values",
    "three_way",
]


class _Merger(PartMerger, ItemMerger):
    # The merge.
    def run(self) -> Outcome:
        self.parts()
        self.items()
        self.place()
        self.finish_parts()
        return self.outcome


def merge_documents(
    ours: Document,
    base: Sequence[Section],
    theirs: Document,
    spec: DocumentSpec,
    partner: str = "",
    choices: Mapping[str, Resolution] | None = None,
    pending: Collection[str] = (),
) -> Outcome:
    """The merged document, what it takes from the package, and the conflicts.

    Conflicts without a choice keep ours. ``ours`` and ``theirs`` are not changed.
    ``pending`` names conflicts left unsettled by an earlier merge of this package: where
    the two sides still differ about those items, they are conflicts again, never taken.
    """
    for conflict_id, choice in (choices or {}).items():
        if not isinstance(choice, Mapping) and choice not in (OURS, THEIRS):
            raise MergeError(
                f"'{choice}' is not a way to settle a conflict ({conflict_id}): "
                "use ours, theirs, or the values you wrote."
            )
    return _Merger(ours, base, theirs, spec, partner, choices or {}, pending).run()
