"""Step 4: the missions cascade, national mission metric → metro mission → local mission.

The missions are one indented table, each mission shown under the one it serves. A new
mission is added under the selected one, straight after that mission's own missions, so
the table (and the exported plan) reads top down.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_page_base import PlanPage
from desktop.wizard.plan_parts import member_names
from desktop.wizard.plan_steps import PlanStep
from desktop.wizard.table_editor import ItemTableEditor
from plans.parts import MISSION_LEVELS
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item

NATIONAL, METRO, LOCAL = MISSION_LEVELS


def level_of(item: Item) -> int:
    level = item.fields.get("level")
    return MISSION_LEVELS.index(level) if level in MISSION_LEVELS else 0


class MissionsPage(PlanPage):
    def __init__(
        self,
        step: PlanStep,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(step, editor, catalogue, parent)
        key = step.section_keys[0]
        self.layout_.addWidget(self.header(key, self))
        buttons = QHBoxLayout()
        self.national_button = self.button(
            f"Add a {NATIONAL.lower()}",
            f"Add a {NATIONAL.lower()}",
            lambda: self.add_mission(0),
            self,
        )
        self.metro_button = self.button(
            "Add a metro mission under this",
            "Add a metro mission under the selected national mission metric",
            lambda: self.add_mission(1),
            self,
        )
        self.local_button = self.button(
            "Add a local mission under this",
            "Add a local mission under the selected metro mission",
            lambda: self.add_mission(2),
            self,
        )
        for button in (self.national_button, self.metro_button, self.local_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        table = self.table(key, "mission", self)
        model = table.model
        model.depth = level_of
        model.choices["parent"] = self._parents_for
        model.suggestions["owner"] = lambda: member_names(editor.project.document)
        table.add_button.hide()  # missions are added in their place, with the buttons above
        table.selection_changed.connect(lambda _id: self._update_buttons())
        table.rows_changed.connect(self._update_buttons)
        editor.changed.connect(lambda *_: self._update_buttons())
        self.layout_.addWidget(table, 1)
        self._update_buttons()

    @property
    def missions(self) -> ItemTableEditor:
        return self.tables["missions"]

    def _parents_for(self, item: Item | None) -> list[tuple[str, str]]:
        """A mission serves one at the level above it."""
        level = level_of(item) if item is not None else 1
        if level == 0:
            return []
        above = MISSION_LEVELS[level - 1]
        kind = self.missions.model.item_type
        return [
            (m.id, kind.describe(m.fields))
            for m in self.items("missions", "mission")
            if m.fields.get("level") == above
        ]

    def _selected(self) -> Item | None:
        item_id = self.missions.selected_item_id()
        return self.editor.project.document.find_item(item_id)[1] if item_id else None

    def _parent_for_new(self, level: int) -> Item | None:
        """The mission a new one at ``level`` will serve: the selected one if it is the
        level above, or the selected one's own parent if it is at the same level."""
        selected = self._selected()
        if selected is None or level == 0:
            return None
        if level_of(selected) == level - 1:
            return selected
        if level_of(selected) == level and selected.fields.get("parent"):
            try:
                return self.editor.project.document.find_item(str(selected.fields["parent"]))[1]
            except KeyError:
                return None
        return None

    def _update_buttons(self) -> None:
        writable = not self.editor.read_only
        self.metro_button.setEnabled(writable and self._parent_for_new(1) is not None)
        self.local_button.setEnabled(writable and self._parent_for_new(2) is not None)

    def add_mission(self, level: int) -> str | None:
        parent = self._parent_for_new(level)
        if level and parent is None:
            self.problem.emit(
                f"Select the {MISSION_LEVELS[level - 1].lower()} it serves first, then add it."
            )
            return None
        fields = {"level": MISSION_LEVELS[level], "title": f"New {MISSION_LEVELS[level].lower()}"}
        index = None
        if parent is not None:
            fields["parent"] = parent.id
            index = self._after_family(parent)
        return self.missions.add_row(fields, index=index)

    def _after_family(self, parent: Item) -> int:
        """The section position just after ``parent`` and the missions that serve it."""
        section = self.missions.model.section()
        assert section is not None
        family = {parent.id}
        position = section.items.index(parent) + 1
        while position < len(section.items):
            item = section.items[position]
            if item.type != "mission" or item.fields.get("parent") not in family:
                break
            family.add(item.id)
            position += 1
        return position
