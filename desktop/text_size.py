"""Text size for the whole app: Ctrl+Plus, Ctrl+Minus and Ctrl+0, remembered in settings.

For a projector in a hall or for tired eyes. The application font is scaled, which every
widget follows; widgets that set a size of their own (headings) are scaled by the same
ratio; windows that draw their own text (the preview) are told through ``text_scaled``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

SETTING = "appearance/text_scale_percent"
STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
DEFAULT = 100
_BASE = "reformkitBasePointSize"  # the application's own size, before any scaling
_OWN = "reformkitOwnPointSize"  # a widget's own size at 100%
_SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the font sets its own size


class TextSize(QObject):
    """The app's one text scale; a child of the QApplication, found with :func:`text_size`."""

    text_scaled = Signal(float)  # the new factor, 1.0 being the normal size

    def __init__(self, app: QApplication, settings: QSettings | None):
        super().__init__(app)
        self.setObjectName("reformkitTextSize")
        self.app = app
        self.settings = settings
        if app.property(_BASE) is None:
            app.setProperty(_BASE, app.font().pointSizeF())
        self.percent = DEFAULT
        self.load()

    def load(self) -> None:
        """Take the scale kept in the settings (if any)."""
        stored = self.settings.value(SETTING, DEFAULT) if self.settings is not None else DEFAULT
        try:
            wanted = int(str(stored))
        except ValueError:
            wanted = DEFAULT
        self.set_percent(wanted if wanted in STEPS else DEFAULT, remember=False)

    @property
    def factor(self) -> float:
        return self.percent / 100

    def larger(self) -> None:
        self.set_percent(next((s for s in STEPS if s > self.percent), STEPS[-1]))

    def smaller(self) -> None:
        self.set_percent(next((s for s in reversed(STEPS) if s < self.percent), STEPS[0]))

    def reset(self) -> None:
        self.set_percent(DEFAULT)

    def set_percent(self, percent: int, remember: bool = True) -> None:
        if remember and self.settings is not None:
            self.settings.setValue(SETTING, percent)
        if percent == self.percent:
            return
        old, self.percent = self.factor, percent
        base = float(self.app.property(_BASE))
        font = QFont(self.app.font())
        font.setPointSizeF(base * self.factor)
        self.app.setFont(font)
        if self.app.styleSheet():  # widgets under a style sheet take a new font on re-polish
            self.app.setStyleSheet(self.app.styleSheet())
        for window in self.app.topLevelWidgets():
            self.rescale(window, old)
        self.text_scaled.emit(self.factor)

    def rescale(self, root: QWidget, old: float) -> None:
        """Scale the sizes ``root`` and its children chose for themselves (a heading's), which
        were chosen while the scale was ``old``."""
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                continue
            font = widget.font()
            if not font.resolveMask() & _SIZE_RESOLVED:
                continue
            own = widget.property(_OWN)
            if own is None:
                if font.pointSizeF() <= 0:
                    continue
                own = font.pointSizeF() / old
                widget.setProperty(_OWN, own)
            font.setPointSizeF(float(own) * self.factor)
            widget.setFont(font)


def text_size(settings: QSettings | None = None) -> TextSize:
    """The app's TextSize, made (with the scale kept in ``settings``) on first use."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = app.findChild(TextSize, "reformkitTextSize")
    if isinstance(found, TextSize):
        if settings is not None and found.settings is not settings:
            found.settings = settings  # a new session's settings (one per app, but tests)
            found.load()
        return found
    return TextSize(app, settings)


def add_text_size_menu(menu: QMenu, parent: QWidget, settings: QSettings | None) -> QMenu:
    """View › Text size: Larger, Smaller, Normal, with their shortcuts."""
    sizes = text_size(settings)
    submenu = menu.addMenu("&Text size")
    entries: tuple[tuple[str, list[QKeySequence], Callable[[], None]], ...] = (
        ("&Larger text", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], sizes.larger),
        ("&Smaller text", [QKeySequence("Ctrl+-")], sizes.smaller),
        ("&Normal size", [QKeySequence("Ctrl+0")], sizes.reset),
    )
    for text, keys, slot in entries:
        action = QAction(text, parent)
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        submenu.addAction(action)
        parent.addAction(action)  # the shortcut works while the menu bar is hidden too
    return submenu
