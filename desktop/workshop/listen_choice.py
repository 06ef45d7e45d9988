"""Where the room listens: the laptop's addresses on the local network, in plain words.

A laptop can be on two networks at once (its own hotspot and the hall's Wi-Fi, say), and
phones can only reach the room on the one they joined; so the facilitator chooses. With no
local network at all, a sentence says what to do instead. The addresses come from
:func:`workshop.room.network.candidate_addresses`, read again each time the choice is shown
and before the room starts, so a hotspot turned on meanwhile is found.
"""

from __future__ import annotations

import ipaddress

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.workshop.common import wrapped
from workshop.room import network

NO_NETWORK = (
    "This laptop is not on a network yet, so phones cannot reach the room. Turn on the "
    "laptop's hotspot, or join the hall's Wi-Fi, then start the room again."
)
THIS_LAPTOP = "This laptop only, to try it out (phones cannot join)"
_KINDS = (
    ("192.168.0.0/16", "Hotspot or small network"),
    ("10.0.0.0/8", "Local network"),
    ("172.16.0.0/12", "Local network"),
    ("169.254.0.0/16", "Direct link, no router"),
)


def address_label(address: str) -> str:
    """Plain words for an address the room may use: ``Hotspot or small network: 192.168.4.1``."""
    if address == network.LOOPBACK:
        return THIS_LAPTOP
    parsed = ipaddress.IPv4Address(address)
    words = next(
        (words for net, words in _KINDS if parsed in ipaddress.IPv4Network(net)), "Network"
    )
    return f"{words}: {address}"


class ListenChoice(QWidget):
    """A combo box of the addresses the room may listen on, and what to do when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel("&Network phones use:", self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Network phones use")
        self.combo.setAccessibleDescription(
            "The network the room listens on. Phones must be on the same one."
        )
        label.setBuddy(self.combo)
        self.chosen = ""  # the address the facilitator picked, kept while it is there
        self.combo.activated.connect(lambda _index: setattr(self, "chosen", self.address()))
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        layout.addLayout(row)
        self.note = wrapped(NO_NETWORK, self)
        self.note.setAccessibleName("No network")
        self.note.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        """Read the laptop's addresses again: the one the facilitator picked if it is still
        there, else the best."""
        try:
            found = network.candidate_addresses()
        except OSError:  # the system would not say: offer this laptop alone
            found = [network.LOOPBACK]
        if network.LOOPBACK not in found:
            found.append(network.LOOPBACK)
        self.combo.blockSignals(True)
        self.combo.clear()
        for address in found:
            self.combo.addItem(address_label(address), address)
        index = self.combo.findData(self.chosen) if self.chosen else -1
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        self.combo.blockSignals(False)
        self.note.setVisible(not self.has_network())

    def address(self) -> str:
        """The address chosen ("" before the list is filled)."""
        return str(self.combo.currentData() or "")

    def has_network(self) -> bool:
        """Whether the laptop has any address phones on a local network could reach."""
        return any(
            network.is_private(str(self.combo.itemData(i))) for i in range(self.combo.count())
        )
