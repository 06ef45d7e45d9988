"""The installed Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 drops a reference to ``None`` on every Qt call that returns nothing when it
runs on Python 3.11 (where ``None`` is not yet immortal). After a few thousand calls Python
aborts with "Fatal Python error: none_dealloc": the app dies mid-use and pytest exits with
status 134. PySide6 6.11.3 does not do this, nor does any version on Python 3.12 or newer.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtGui import QStandardItem


def test_qt_calls_keep_none_alive(qapp) -> None:
    item = QStandardItem("x")
    item.setText("x")
    before = sys.getrefcount(None)
    for _ in range(500):
        item.setText("x")
    lost = before - sys.getrefcount(None)
    assert lost < 100, (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses a reference "
        f"to None on every call ({lost} in 500 calls), so the app would abort after a few "
        "thousand. Use PySide6-Essentials<6.12 on Python 3.11, or Python 3.12 or newer."
    )
