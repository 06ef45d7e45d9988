"""The tree on the left: the briefing's structure, one group per other kind, then the user's own.

The model is rebuilt from the catalogue; "Your library" can be rebuilt on its own when the
user's entries change, so the rest of the tree (and what is expanded) stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2

STRUCTURE_GROUP = "structure"
USER_GROUP = "user"
STRUCTURE_TITLE = "Policy shifts and recommendations"
USER_TITLE = "Your library"

# Seed entries of these kinds get a group each, in this order, after the briefing's structure.
KIND_GROUPS: tuple[tuple[str, str], ...] = (
    ("principle", "Principles"),
    ("duty", "Duties"),
    ("right", "Rights"),
    ("rule", "Rules of the Liberated Method"),
    ("idea", "Ideas"),
    ("body", "Bodies"),
    ("fund", "Funds and funding"),
    ("area", "Areas"),
    ("role", "Board roles"),
    ("officer", "Officers"),
    ("figure", "Headline figures"),
    ("theme", "Themes"),
    ("challenge", "Challenges"),
)

GROUP_SUMMARIES = {
    STRUCTURE_GROUP: (
        "The briefing's seven policy shifts, each with the recommendations that deliver it, "
        "then the recommendation on testing liberation."
    ),
    "principle": (
        "Table 1 of the briefing: six principles, each a move from one way to another; then "
        "the Respect Charter's two principles, proposed 'subject to further investigation'."
    ),
    "duty": "The one duty the briefing proposes for a Respect Charter: a duty of candour.",
    "right": (
        "Rights for public service workers: the autonomy and professional freedoms the "
        "briefing names, then ReformKit's suggestions, marked as such."
    ),
    "rule": "The two rules of the Liberated Method: stay legal, and do no harm.",
    "idea": "Key ideas from the briefing.",
    "body": "The bodies the briefing proposes.",
    "fund": "The funds and funding models the briefing proposes.",
    "area": "The areas the briefing proposes: Innovation Zones.",
    "role": "The roles on a Public Service Reform Board, and the two ways it words the chair.",
    "officer": "The Accounting Officer for a Board's Total Place+ budget (recommendation 15).",
    "figure": "Headline figures from the briefing.",
    "theme": "The briefing's four themes.",
    "challenge": "The challenges the briefing sets out.",
    USER_GROUP: "The rights, duties, principles and clauses you have added yourself.",
}


def entry_label(entry: Entry) -> str:
    return f"{entry.id}  {entry.title}"


class CatalogueTreeModel(QStandardItemModel):
    """Groups and entries, each entry item holding its id in ``ID_ROLE``."""

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str, QStandardItem] = {}
        self._members: dict[str, list[Entry]] = {}
        self.setHorizontalHeaderLabels(["Catalogue"])
        self.reload()

    # Building.
    def reload(self) -> None:
        self.removeRows(0, self.rowCount())
        self._items.clear()
        self._groups.clear()
        self._members.clear()
        entries = self._catalogue.entries()
        seed = [e for e in entries if e.origin != USER]
        self._add_structure(seed)
        for kind, title in KIND_GROUPS:
            members = [e for e in seed if e.kind == kind]
            group = self._add_group(kind, title, members)
            for entry in members:
                group.appendRow(self._entry_item(entry))
        self._fill_user_group([e for e in entries if e.origin == USER])

    def reload_user_group(self) -> None:
        """Rebuild "Your library" only, after the user's entries changed."""
        user = [e for e in self._catalogue.entries() if e.origin == USER]
        self._fill_user_group(user)

    def _add_structure(self, seed: list[Entry]) -> None:
        recommendations = [e for e in seed if e.kind == "recommendation"]
        group = self._add_group(STRUCTURE_GROUP, STRUCTURE_TITLE, recommendations)
        by_id = {e.id: e for e in seed}
        shifts = [e for e in seed if e.kind == "shift"]
        placed: set[str] = set()
        for shift in shifts:
            item = self._entry_item(shift)
            group.appendRow(item)
            for rec in recommendations:
                if rec.parent == shift.id:
                    item.appendRow(self._entry_item(rec))
                    placed.add(rec.id)
        # Recommendations outside any shift (R22 under "Testing liberation") keep their parent.
        others = [r for r in recommendations if r.id not in placed]
        holders: dict[str, QStandardItem] = {}
        for rec in others:
            holder_entry = by_id.get(rec.parent or "")
            if holder_entry is None:
                group.appendRow(self._entry_item(rec))
                continue
            if holder_entry.id not in holders:
                holders[holder_entry.id] = self._entry_item(holder_entry, register=False)
                group.appendRow(holders[holder_entry.id])
            holders[holder_entry.id].appendRow(self._entry_item(rec))

    def _fill_user_group(self, user: list[Entry]) -> None:
        group = self._groups.get(USER_GROUP)
        if group is None:
            group = self._add_group(USER_GROUP, USER_TITLE, user)
        else:
            for row in range(group.rowCount()):
                old_id = group.child(row).data(ID_ROLE)
                self._items.pop(old_id, None)
            group.removeRows(0, group.rowCount())
            self._members[USER_GROUP] = list(user)
        for entry in user:
            group.appendRow(self._entry_item(entry))
        group.setText(f"{USER_TITLE} ({len(user)})")

    def _add_group(self, key: str, title: str, members: Iterable[Entry]) -> QStandardItem:
        item = QStandardItem(title)
        item.setEditable(False)
        item.setData(key, GROUP_ROLE)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.appendRow(item)
        self._groups[key] = item
        self._members[key] = list(members)
        return item

    def _entry_item(self, entry: Entry, register: bool = True) -> QStandardItem:
        item = QStandardItem(entry_label(entry))
        item.setEditable(False)
        item.setData(entry.id, ID_ROLE)
        item.setToolTip(f"{entry.title}\n{entry.source}" if entry.is_suggestion else entry.title)
        item.setData(f"{entry.id}, {entry.title}", Qt.ItemDataRole.AccessibleTextRole)
        # An entry shown twice (C6 under the structure and under Challenges) is found by the
        # first place it appears; a challenge used as a holder is not registered.
        if register and entry.id not in self._items:
            self._items[entry.id] = item
        return item

    # Looking up.
    def item_for(self, entry_id: str) -> QStandardItem | None:
        return self._items.get(entry_id)

    def group_item(self, key: str) -> QStandardItem | None:
        return self._groups.get(key)

    def group_members(self, key: str) -> list[Entry]:
        return list(self._members.get(key, ()))

    def group_title(self, key: str) -> str:
        item = self._groups.get(key)
        return item.text() if item is not None else key
