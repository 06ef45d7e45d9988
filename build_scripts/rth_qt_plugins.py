"""Frozen start-up: tell Qt where its plugins are, without importing Qt.

This replaces PyInstaller's own PySide6 run-time hook, which imports ``PySide6.QtCore`` (and
with it Qt and its 40 MB of ICU) before the program's first line, on every start, so that
``reformkit --version`` and every command-line use would pay for a Qt they do not use.
PySide6 writes its own ``qt.conf`` when the app imports QtCore, so only the plugin path is
left to set here.
"""

import os
import sys

_QT = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _QT = os.path.join(_QT, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")
