"""Dot voting: the options (typed, or filled from the themes at once), how many dots each
person has, each person's dots typed in by keyboard, and the results as a bar chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.bar_chart import BarChart
from desktop.workshop.common import Host, heading, wrapped
from workshop import operations


class VoteView(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setAccessibleName("Vote")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        layout.addLayout(left, 2)
        self.prompt = heading("", self)
        left.addWidget(self.prompt)
        options_label = QLabel("&Options people vote for:", self)
        left.addWidget(options_label)
        self.options = QListWidget(self)
        self.options.setAccessibleName("Options people vote for")
        options_label.setBuddy(self.options)
        self.options.setMaximumHeight(self.options.fontMetrics().height() * 9)
        left.addWidget(self.options, 1)
        self.new_option = QLineEdit(self)
        self.new_option.setPlaceholderText("Type an option and press Enter")
        self.new_option.setAccessibleName("New option")
        self.new_option.returnPressed.connect(self.add_option)
        left.addWidget(self.new_option)  # a row of its own: its hint reads in full
        adding = QHBoxLayout()
        self.from_themes = QPushButton("Fill from the &themes", self)
        self.from_themes.clicked.connect(self.fill_from_themes)
        adding.addWidget(self.from_themes)
        self.remove_option = QPushButton("Remove o&ption", self)
        self.remove_option.clicked.connect(self.remove_chosen_option)
        adding.addWidget(self.remove_option)
        adding.addStretch(1)
        left.addLayout(adding)
        dots_row = QFormLayout()
        self.dots = QSpinBox(self)
        self.dots.setRange(1, 20)
        self.dots.setAccessibleName("Dots per person")
        self.dots.editingFinished.connect(self.set_dots)
        dots_row.addRow("&Dots per person:", self.dots)
        left.addLayout(dots_row)
        left.addWidget(heading("One person's votes", self, 1.1))
        self.entry = QFormLayout()
        self.voter = QLineEdit(self)
        self.voter.setAccessibleName("Who is voting")
        self.voter.setPlaceholderText("A label, such as Table 3 or Person 7")
        self.entry.addRow("&Who:", self.voter)
        left.addLayout(self.entry)
        self.spins: list[tuple[str, QSpinBox]] = []
        self.record_button = QPushButton("&Record these votes", self)
        self.record_button.clicked.connect(self.record_votes)
        self.record_button.setAutoDefault(True)
        left.addWidget(self.record_button)
        self.left_note = wrapped("", self)
        left.addWidget(self.left_note)
        left.addStretch(1)
        right = QVBoxLayout()
        layout.addLayout(right, 3)
        right.addWidget(heading("Results", self, 1.1))
        self.chart = BarChart("Results", self)
        right.addWidget(self.chart, 1)
        self._shown_options: tuple[str, ...] = ()
        self._votes = 0

    def refresh(self) -> None:
        activity = self.host.current_activity()
        enabled = activity is not None and not self.host.project.read_only
        for widget in (self.new_option, self.from_themes, self.dots, self.record_button):
            widget.setEnabled(enabled)
        if activity is None:
            self.prompt.setText("Add a dot vote activity on the left to start.")
            self._set_options(())
            self.chart.set_results([])
            return
        self.prompt.setText(activity.prompt or activity.title)
        if not self.dots.hasFocus():
            self.dots.setValue(max(1, activity.dots))
        offered = self.host.record.options_for(activity.id)  # typed, or else the themes
        if [self.options.item(n).text() for n in range(self.options.count())] != list(offered):
            self.options.clear()
            self.options.addItems(list(offered))
        self._set_options(offered)
        voters = {v.voter for v in self.host.record.votes if v.activity_id == activity.id}
        self._votes = len(voters)
        self.left_note.setText(
            f"{len(voters)} {'person has' if len(voters) == 1 else 'people have'} voted."
        )
        if not self.voter.text():
            self.voter.setText(f"Person {len(voters) + 1}")
            self.voter.selectAll()
        self.chart.set_results(self.host.record.tally(activity.id))

    def _set_options(self, options: tuple[str, ...]) -> None:
        """One number box per option, for one person's dots."""
        if options == self._shown_options:
            return
        for _, spin in self.spins:
            self.entry.removeRow(spin)
        self.spins = []
        for option in options:
            spin = QSpinBox(self)
            spin.setRange(0, 20)
            spin.setAccessibleName(f"Dots for {option}")
            self.entry.addRow(option, spin)
            self.spins.append((option, spin))
        self._shown_options = options
        if self.spins:
            QWidget.setTabOrder(self.voter, self.spins[0][1])
            QWidget.setTabOrder(self.spins[-1][1], self.record_button)

    def _set_options_field(self, options: list[str]) -> None:
        activity = self.host.current_activity()
        if activity is not None:
            self.host.editor.update_fields(activity.id, {"options": options})

    def add_option(self) -> None:
        activity = self.host.current_activity()
        words = self.new_option.text().strip()
        if activity is None or not words:
            return
        offered = self.host.record.options_for(activity.id)
        if words.lower() in (o.lower() for o in offered):
            self.host.say(f"“{words}” is already an option.")
            return
        self._set_options_field([*offered, words])
        self.new_option.clear()

    def fill_from_themes(self) -> None:
        activity = self.host.current_activity()
        if activity is None:
            return
        names = list(dict.fromkeys(t.name for t in self.host.record.themes))
        if not names:
            self.host.say("There are no themes yet. Group what people said first.")
            return
        self._set_options_field(names)
        self.host.say(f"The {len(names)} themes are now the options.")

    def remove_chosen_option(self) -> None:
        activity = self.host.current_activity()
        row = self.options.currentRow()
        if activity is None or row < 0:
            return
        offered = self.host.record.options_for(activity.id)
        self._set_options_field([o for n, o in enumerate(offered) if n != row])

    def set_dots(self) -> None:
        activity = self.host.current_activity()
        if activity is not None and self.dots.value() != activity.dots:
            self.host.editor.update_fields(activity.id, {"dots": self.dots.value()})

    def record_votes(self) -> None:
        activity = self.host.current_activity()
        voter = self.voter.text().strip()
        if activity is None or not voter:
            return
        allocation = {option: spin.value() for option, spin in self.spins if spin.value()}
        done = self.host.run(
            f"Votes from {voter}",
            lambda: operations.cast_votes(self.host.project, activity.id, voter, allocation),
        )
        if done is not None:
            for _, spin in self.spins:
                spin.setValue(0)
            self.voter.clear()  # the next refresh offers the next person's label
            self.voter.setFocus()
