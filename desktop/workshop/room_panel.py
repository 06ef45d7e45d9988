"""The room: let people join from their phones, see what arrives, hide or remove any of it.

The server itself is the RoomControl (desktop/workshop/room_control.py); this panel only
starts and stops it, shows the join code and QR code large enough to read from the back of a
hall, and lists what came in from phones with Hide and Remove on each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.capture_view import contribution_line
from desktop.workshop.common import Host, fill_list, heading, long_list, selected_ids, wrapped
from desktop.workshop.listen_choice import ListenChoice
from reformkit.errors import ReformKitError
from workshop import operations
from workshop.parts import FROM_PHONE
from workshop.room.network import LOOPBACK

if TYPE_CHECKING:
    from desktop.workshop.room_control import RoomControl

STOPPED = (
    "The room is closed. Start it to let people join from their phones over this room's "
    "network. No internet is needed."
)
ON_THIS_LAPTOP = (
    "The room is open on this laptop only, so phones cannot join. To let them in, turn on "
    "the laptop's hotspot or join the hall's Wi-Fi, then stop the room and start it again."
)


class RoomPanel(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.control: RoomControl | None = None
        self.listen_on: str | None = None  # an address to listen on; None: the best local one
        self.setAccessibleName("The room")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        layout.addLayout(left, 2)
        self.state = wrapped(STOPPED, self)
        left.addWidget(self.state)
        self.where = ListenChoice(self)
        left.addWidget(self.where)
        buttons = QHBoxLayout()
        self.start_button = QPushButton("&Start the room", self)
        self.start_button.clicked.connect(self.toggle)
        buttons.addWidget(self.start_button)
        self.open_box = QCheckBox("&Phones may send answers to this activity", self)
        self.open_box.setChecked(True)
        self.open_box.toggled.connect(lambda _on: self.activity_changed())
        buttons.addWidget(self.open_box)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.code = heading("", self, 3.0)
        self.code.setAccessibleName("Join code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.code)
        self.address = heading("", self, 1.3)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.address)
        self.qr = QLabel(self)
        self.qr.setAccessibleName("QR code to join")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        left.addWidget(self.qr, 1)
        right = QVBoxLayout()
        layout.addLayout(right, 3)
        arrived_label = QLabel("&From phones:", self)
        right.addWidget(arrived_label)
        self.arrived = QListWidget(self)
        self.arrived.setAccessibleName("From phones")
        self.arrived.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.arrived.setWordWrap(True)
        long_list(self.arrived)
        arrived_label.setBuddy(self.arrived)
        right.addWidget(self.arrived, 1)
        row = QHBoxLayout()
        self.hide_button = QPushButton("&Hide or show", self)
        self.hide_button.setToolTip("Hidden points stay out of present mode and the record.")
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.hide_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right.addLayout(row)

    # The server.
    def room(self) -> RoomControl | None:
        """The room's control, made on first use (it owns no socket until started)."""
        if self.control is None:
            try:
                from desktop.workshop.room_control import RoomControl
            except ImportError:
                self.host.say("The room cannot be started: part of ReformKit is missing.")
                return None
            self.control = RoomControl(self.host.project, self)
            self.control.running_changed.connect(lambda _running: self.show_state())
            self.control.arrived.connect(self._arrived)
        return self.control

    def toggle(self) -> None:
        control = self.room()
        if control is None:
            return
        try:
            if control.is_running():
                control.stop()
            else:
                self.where.refresh()  # a hotspot turned on since the list was read
                control.start(self.listen_on or self.where.address() or None)
                self.activity_changed()
        except (ReformKitError, OSError) as error:
            self.host.prompts.error(self, "The room could not start", str(error))
        self.show_state()

    def running(self) -> bool:
        return self.control is not None and self.control.is_running()

    def activity_changed(self) -> None:
        """Tell the room which activity phones see now."""
        if not self.running() or self.control is None:
            return
        activity = self.host.current_activity()
        self.control.set_current_activity(
            activity.id if activity else None, self.open_box.isChecked()
        )

    def show_state(self) -> None:
        running = self.running()
        self.where.combo.setEnabled(not running)
        if running and self.control is not None:
            self.start_button.setText("&Stop the room")
            alone = self.control.join_url().startswith(f"http://{LOOPBACK}:")
            self.state.setText(
                ON_THIS_LAPTOP
                if alone
                else "The room is open. People join by scanning the QR code, or by typing "
                "the address and the join code."
            )
            self.code.setText(self.control.join_code())
            self.address.setText(self.control.join_url())
            pixmap = QPixmap()
            pixmap.loadFromData(self.control.qr_png(), "PNG")
            side = max(200, min(self.width() // 3, 420))
            self.qr.setPixmap(pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.where.refresh()
            self.start_button.setText("&Start the room")
            self.state.setText(STOPPED)
            self.code.setText("")
            self.address.setText("")
            self.qr.clear()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: read the laptop's networks afresh (unless the room is open)."""
        super().showEvent(event)
        if not self.running():
            self.where.refresh()

    def _arrived(self, count: int) -> None:
        self.host.say(f"{count} new from phones.")

    # What arrived.
    def refresh(self) -> None:
        phoned = [c for c in self.host.record.contributions if c.via == FROM_PHONE]
        fill_list(self.arrived, [(c.id, contribution_line(c)) for c in phoned])

    def toggle_hidden(self) -> None:
        chosen = selected_ids(self.arrived)
        hidden = {c.id: c.hidden for c in self.host.record.contributions}
        project = self.host.project

        def flip() -> None:
            for item_id in chosen:
                operations.set_hidden(project, item_id, not hidden.get(item_id, False))

        if chosen:
            self.host.run("Hide or show", flip)

    def remove(self) -> None:
        chosen = selected_ids(self.arrived)
        if not chosen:
            return
        stack = self.host.editor.undo_stack
        stack.beginMacro("Remove from phones")
        try:
            for item_id in chosen:
                self.host.editor.remove_item(item_id)
        finally:
            stack.endMacro()

    def shut(self) -> None:
        """The window is closing: stop listening."""
        if self.running() and self.control is not None:
            self.control.stop()
