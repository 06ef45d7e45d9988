"""The wizard's pages: one per step. Each explains itself, offers what the briefing has, and
shows what the charter says so far. Nothing here saves: every edit is already in the file."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.wizard.cards import ItemCard, OfferCard
from desktop.wizard.item_list import ItemList
from desktop.wizard.offers import offered_entries
from desktop.wizard.steps import CLAUSES, MEASURES, REVIEW, STEPS, Step, is_done, section_for
from desktop.wizard.widgets import Card, heading, scrolling, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.model import Item
from reformkit.errors import ReformKitError

OWN_TEXT = "Say in your own words what this means for your team."
OWN_COMMITMENT_TEXT = "Say what managers will do, who is responsible and by when."
MEASURE_PRESETS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Vacancies", {"measure": "Vacancy rate", "frequency": "Quarterly"}),
    ("Agency spend", {"measure": "Spending on agency staff", "frequency": "Quarterly"}),
    ("Staff survey", {"measure": "Staff who feel trusted to use their judgement (staff survey)",
                      "frequency": "Yearly"}),
)  # fmt: skip


class StepPage(QWidget):
    """A page's frame: 'Step n of 7', its title, its explanation, then the page's own body."""

    problem = Signal(str)

    def __init__(
        self,
        step: Step,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.step = step
        self.editor = editor
        self.catalogue = catalogue
        self.section_type = editor.project.spec.section_type(step.section_key)
        self.setAccessibleName(f"Step {step.number}: {step.title}")
        self.counter = QLabel(f"Step {step.number} of {len(STEPS)}", self)
        self.title = heading(step.title, self, scale=1.5)
        self.title.setAccessibleName(f"Step {step.number} of {len(STEPS)}: {step.title}")
        self.explanation = wrapped(step.explanation, self)
        self.explanation.setAccessibleName("What this step is for")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.counter)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.explanation)
        if editor.read_only:
            note = wrapped(
                "This charter is open read-only, so it cannot be changed here. "
                + editor.project.read_only_reason,
                self,
                italic=True,
            )
            self.layout_.addWidget(note)
        editor.changed.connect(self._document_changed)

    # Helpers for pages.
    def section_id(self) -> str:
        """The step's section, added back in its place if the user removed it."""
        section = section_for(self.editor.project.document, self.step)
        if section is not None:
            return section.id
        keys = [s.section_key for s in STEPS]
        mine = keys.index(self.step.section_key)
        index = sum(
            1
            for s in self.editor.project.document.sections
            if s.key in keys and keys.index(s.key) < mine
        )
        return self.editor.add_section(self.step.section_key, index=index)

    def items(self, item_type: str | None = None) -> list[Item]:
        section = section_for(self.editor.project.document, self.step)
        if section is None:
            return []
        wanted = item_type or self.step.item_type
        return [
            i
            for i in section.items
            if i.type == wanted or (not item_type and i.type == "paragraph")
        ]

    def add(self, item_type: str, fields: dict[str, Any], **extra: Any) -> str | None:
        try:
            return self.editor.add_item(self.section_id(), item_type, fields, **extra)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None

    def button(
        self, text: str, name: str, action: Any, parent: QWidget | None = None
    ) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        button.setEnabled(not self.editor.read_only)
        return button

    def _document_changed(self, _change: str, _target: str) -> None:
        # A page out of sight is brought up to date when it is shown.
        if self.isVisible():
            self.refresh()

    # Called by the wizard.
    def shown(self) -> None:
        """The page has become the current step."""
        self.refresh()

    def refresh(self) -> None:
        """Show what the file now says."""

    def done(self) -> bool:
        return is_done(self.editor.project.document, self.step)


class ClausePage(StepPage):
    """Principles, rights, duties and commitments: use the briefing's words or write your own."""

    def __init__(self, step: Step, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        self.item_type = self.section_type.item_type(step.item_type)
        self.offer_cards: dict[str, OfferCard] = {}
        self.prompt_cards: dict[str, Card] = {}

        left = QWidget()
        self.offers_box = QVBoxLayout(left)
        if step.item_type == "commitment":
            self.offers_box.addWidget(heading("Prompts from the rights you chose", left))
            self.no_prompts = wrapped(
                "You have not chosen any rights yet (step 3). You can still write "
                "commitments of your own.",
                left,
                italic=True,
            )
            self.offers_box.addWidget(self.no_prompts)
        else:
            self.offers_box.addWidget(heading("From the briefing and your library", left))
            for entry in offered_entries(catalogue, self.item_type, editor.project.spec.answers):
                card = OfferCard(entry, left)
                card.use.connect(self.use)
                card.unuse.connect(self.unuse)
                card.use_button.setEnabled(not editor.read_only)
                card.remove_button.setEnabled(not editor.read_only)
                self.offer_cards[entry.id] = card
                self.offers_box.addWidget(card)
        self.offers_box.addStretch(1)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(heading("What your charter says", right))
        right_box.addWidget(
            wrapped(
                "These words are a starting point. Press Reword to say each one "
                "the way your team would.",
                right,
            )
        )
        self.list = ItemList(
            editor,
            catalogue,
            self.items,
            "Nothing yet. Use something from the briefing, or write your own.",
            parent=right,
        )
        self.list.problem.connect(self.problem)
        right_box.addWidget(self.list)
        self.write_button = self.button(
            "Write your own",
            f"Write your own {self.item_type.label.lower()}",
            self.write_own,
            right,
        )
        right_box.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_box.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.offers_area = scrolling(left, "From the briefing", self.splitter)
        self.charter_area = scrolling(right, "What your charter says", self.splitter)
        self.splitter.addWidget(self.offers_area)
        self.splitter.addWidget(self.charter_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 1100])  # about half each; the forms get a little more
        self.layout_.addWidget(self.splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        self.list.sync()
        used = {i.source.entry_id for i in self.items() if i.source is not None}
        for entry_id, card in self.offer_cards.items():
            card.set_used(entry_id in used)

    def shown(self) -> None:
        if self.step.item_type == "commitment":
            self._show_prompts()
        self.refresh()

    # Using the briefing's words.
    def use(self, entry_id: str) -> str | None:
        try:
            entry = self.catalogue.get(entry_id)
            section_id = self.section_id()
            section = self.editor.project.document.section(section_id)
            drafted = draft_from_entry(self.section_type, entry, section.tags)
            return self.editor.add_item(
                section_id,
                drafted.item_type.name,
                drafted.fields,
                tags=drafted.tags,
                source=drafted.source,
            )
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None

    def unuse(self, entry_id: str) -> None:
        for item in self.items():
            if item.source is not None and item.source.entry_id == entry_id:
                try:
                    self.editor.remove_item(item.id)
                except ReformKitError as error:
                    self.problem.emit(str(error))
                    return

    # Writing your own.
    def write_own(self) -> str | None:
        label = self.item_type.label.lower()
        text = OWN_COMMITMENT_TEXT if self.step.item_type == "commitment" else OWN_TEXT
        item_id = self.add(self.step.item_type, {"title": f"Our own {label}", "text": text})
        if item_id is not None:
            self.list.sync()
            self.list.card(item_id).open_form("title")
        return item_id

    def _show_prompts(self) -> None:
        rights_step = next(s for s in STEPS if s.item_type == "right")
        section = section_for(self.editor.project.document, rights_step)
        rights = [i for i in (section.items if section else []) if i.type == "right"]
        for card in self.prompt_cards.values():
            self.offers_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.prompt_cards = {}
        for position, right in enumerate(rights):
            card = Card()
            title = str(right.fields.get("title") or "")
            card.box.addWidget(heading(title, card))
            card.box.addWidget(wrapped(str(right.fields.get("text") or ""), card))
            button = self.button(
                "Write a commitment for this",
                f"Write a commitment for: {title}",
                lambda _=False, r=right: self.commit_to(r),
                card,
            )
            card.box.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.offers_box.insertWidget(2 + position, card)
            card.show()
            self.prompt_cards[right.id] = card
        self.no_prompts.setVisible(not rights)

    def commit_to(self, right: Item) -> str | None:
        """Start a commitment that lets staff use ``right``, with its tags."""
        title = str(right.fields.get("title") or "Our own commitment")
        item_id = self.add(
            "commitment", {"title": title, "text": OWN_COMMITMENT_TEXT}, tags=list(right.tags)
        )
        if item_id is not None:
            self.list.sync()
            self.list.card(item_id).open_form("text")
        return item_id


class ScopePage(StepPage):
    """Step 1: one scope record, made when the step is first shown."""

    def __init__(self, step: Step, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        body = QWidget()
        box = QVBoxLayout(body)
        self.list = ItemList(
            editor,
            catalogue,
            lambda: self.items("scope")[:1],
            "",
            openable=False,
            titled=False,
            removable=False,
            parent=body,
        )
        self.list.problem.connect(self.problem)
        box.addWidget(self.list)
        self.start_button = self.button(
            "Start this step", "Start the purpose and scope", self.create, body
        )
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        self.layout_.addWidget(scrolling(body, "Purpose and scope", self), 1)
        self.refresh()

    def shown(self) -> None:
        if not self.items("scope") and not self.editor.read_only:
            self.create()
        self.refresh()

    def create(self) -> str | None:
        organisation = self.editor.project.document.meta.organisation
        fields = {"team": "Our team", "service": organisation}
        item_id = self.add("scope", fields)
        self.refresh()
        return item_id

    def refresh(self) -> None:
        self.list.sync()
        self.start_button.setVisible(not self.items("scope"))

    def card(self) -> ItemCard | None:
        cards = self.list.ordered_cards()
        return cards[0] if cards else None


class MeasuresPage(StepPage):
    """Step 6: a list of measures, each a small form."""

    def __init__(self, step: Step, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        body = QWidget()
        box = QVBoxLayout(body)
        starts = QHBoxLayout()
        starts.addWidget(QLabel("Start from:", body))
        self.preset_buttons: dict[str, QPushButton] = {}
        for label, fields in MEASURE_PRESETS:
            button = self.button(
                label,
                f"Add the measure: {fields['measure']}",
                lambda _=False, f=fields: self.add_measure(f),
                body,
            )
            self.preset_buttons[label] = button
            starts.addWidget(button)
        self.add_button = self.button(
            "Add measure", "Add a measure of your own", self.add_own, body
        )
        starts.addWidget(self.add_button)
        starts.addStretch(1)
        box.addLayout(starts)
        self.list = ItemList(
            editor, catalogue, lambda: self.items("measure"),
            "No measures yet. Start from one above, or add your own.", openable=False, parent=body,
        )  # fmt: skip
        self.list.problem.connect(self.problem)
        box.addWidget(self.list)
        box.addStretch(1)
        self.layout_.addWidget(scrolling(body, "Measures", self), 1)
        self.refresh()

    def refresh(self) -> None:
        self.list.sync()
        names = {str(i.fields.get("measure")) for i in self.items("measure")}
        for label, fields in MEASURE_PRESETS:
            self.preset_buttons[label].setEnabled(
                fields["measure"] not in names and not self.editor.read_only
            )

    def add_measure(self, fields: dict[str, str]) -> str | None:
        item_id = self.add("measure", dict(fields))
        if item_id is not None:
            self.list.sync()
            self.list.card(item_id).open_form("baseline")
        return item_id

    def add_own(self) -> str | None:
        item_id = self.add("measure", {"measure": "New measure"})
        if item_id is not None:
            self.list.sync()
            self.list.card(item_id).open_form("measure")
        return item_id


class ReviewPage(StepPage):
    """Step 7: one review record (a year from today unless changed) and the signatures."""

    def __init__(self, step: Step, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        body = QWidget()
        box = QVBoxLayout(body)
        box.addWidget(heading("When you will review it", body))
        self.review_list = ItemList(
            editor,
            catalogue,
            lambda: self.items("review")[:1],
            "",
            openable=False,
            titled=False,
            removable=False,
            parent=body,
        )
        self.review_list.problem.connect(self.problem)
        box.addWidget(self.review_list)
        self.start_button = self.button("Set a review date", "Set a review date", self.create, body)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)

        box.addWidget(heading("Who agreed it", body))
        self.signatures = ItemList(
            editor, catalogue, lambda: self.items("signatory"),
            "No signatures yet.", openable=False, parent=body,
        )  # fmt: skip
        self.signatures.problem.connect(self.problem)
        box.addWidget(self.signatures)
        adding = QHBoxLayout()
        self.name = QLineEdit(body)
        self.name.setPlaceholderText("Name")
        self.name.setAccessibleName("Name of the person signing")
        self.role = QLineEdit(body)
        self.role.setPlaceholderText("Role, for example Team manager")
        self.role.setAccessibleName("Their role")
        self.sign_button = self.button("Add signature", "Add signature", self.add_signature, body)
        for widget in (self.name, self.role):
            widget.textChanged.connect(self._can_sign)
            widget.returnPressed.connect(self.add_signature)
        name_label = QLabel("Name:", body)
        name_label.setBuddy(self.name)
        role_label = QLabel("Role:", body)
        role_label.setBuddy(self.role)
        adding.addWidget(name_label)
        adding.addWidget(self.name, 2)
        adding.addWidget(role_label)
        adding.addWidget(self.role, 2)
        adding.addWidget(self.sign_button)
        box.addWidget(wrapped("Add someone who agreed it:", body))
        box.addLayout(adding)
        box.addSpacing(self.fontMetrics().height())

        box.addWidget(heading("Still to do", body))
        self.todo = wrapped("", body)
        self.todo.setAccessibleName("Still to do")
        box.addWidget(self.todo)
        box.addStretch(1)
        self.layout_.addWidget(scrolling(body, "Review and sign-off", self), 1)
        self.refresh()

    def shown(self) -> None:
        if not self.items("review") and not self.editor.read_only:
            self.create()
        self.refresh()

    def create(self) -> str | None:
        next_year = (date.today() + timedelta(days=365)).isoformat()
        item_id = self.add("review", {"review_date": next_year})
        self.refresh()
        return item_id

    def add_signature(self) -> str | None:
        name, role = self.name.text().strip(), self.role.text().strip()
        if not name or not role:
            self.problem.emit("Give the name and role of the person signing.")
            return None
        item_id = self.add(
            "signatory", {"name": name, "role": role, "signed_on": date.today().isoformat()}
        )
        if item_id is not None:
            self.name.clear()
            self.role.clear()
            self.name.setFocus()
        return item_id

    def _can_sign(self) -> None:
        ready = bool(self.name.text().strip() and self.role.text().strip())
        self.sign_button.setEnabled(ready and not self.editor.read_only)

    def refresh(self) -> None:
        self.review_list.sync()
        self.signatures.sync()
        self.start_button.setVisible(not self.items("review"))
        self._can_sign()
        document = self.editor.project.document
        missing = [f"Step {s.number}: {s.title}" for s in STEPS if not is_done(document, s)]
        self.todo.setText(
            "Nothing: every step has something in it. Press Finish to read the whole charter."
            if not missing
            else "These steps have nothing in them yet (you can still finish and come back):\n"
            + "\n".join(missing)
        )


def make_page(step: Step, editor: DocumentEditor, catalogue: Catalogue) -> StepPage:
    kinds = {CLAUSES: ClausePage, MEASURES: MeasuresPage, REVIEW: ReviewPage}
    return kinds.get(step.kind, ScopePage)(step, editor, catalogue)
