"""Light, dark and high-contrast appearance. "System" keeps whatever the desktop uses.

Whatever the appearance, every control shows and so does the keyboard focus: tick boxes get
a border in the text's colour (the Fusion style draws them in a shade of the window colour,
invisible on a dark page), and the focused control a frame in the highlight colour,
``FOCUS_WIDTH`` deep. Fusion marks a focused button only after a Tab key press (so not when
the builder puts the focus there) and a focused text box with a one-pixel tint: the style
below draws the frame over the control's own edge, so nothing moves as focus comes and goes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionFrame,
    QWidget,
)

APPEARANCES = ("System", "Light", "Dark", "High contrast")
SETTING = "appearance"
FOCUS_WIDTH = 2  # pixels: a focus frame seen from the back of a hall
STYLED = "reformkitAccessibleStyle"  # set on the application once the style is wrapped
MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: controls against what is next to them

# The focused control wears a frame in the highlight colour. Lists, trees, tables and text
# boxes of several lines (whose inside is covered by their viewport, so the style cannot draw
# over it) keep a frame of the same width when unfocused, so nothing moves as focus comes and
# goes. Buttons, one-line boxes and lists to choose from get theirs from AccessibleStyle.
FOCUS_STYLE = f"""
QCommandLinkButton {{ border: {FOCUS_WIDTH}px solid transparent; border-radius: 4px; }}
QCommandLinkButton:focus {{ border: {FOCUS_WIDTH}px solid palette(highlight); }}
QListView, QTreeView, QTableView, QPlainTextEdit, QTextEdit {{
  border: {FOCUS_WIDTH}px solid palette(mid); }}
QListView:focus, QTreeView:focus, QTableView:focus, QPlainTextEdit:focus, QTextEdit:focus {{
  border: {FOCUS_WIDTH}px solid palette(highlight); }}
"""

# Parts of a control the style draws whole, edge included: a focused one gets the frame on top.
_FRAMED_CONTROLS = {QStyle.ControlElement.CE_PushButtonBevel}
_FRAMED_COMPLEX = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}

_INDICATORS = {
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
}


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def indicator_border(palette: QPalette) -> QColor:
    """A tick box's border: the text colour, softened toward the page but still clear of it."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    for share in (0.7, 0.85, 1.0):
        colour = QColor(
            round(text.red() * share + base.red() * (1 - share)),
            round(text.green() * share + base.green() * (1 - share)),
            round(text.blue() * share + base.blue() * (1 - share)),
        )
        if contrast(colour, base) >= MIN_CONTRAST:
            return colour
    return text


class AccessibleStyle(QProxyStyle):
    """The platform's style, with tick boxes that show on any page and a bold focus frame."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._focus_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _INDICATORS:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(indicator_border(option.palette), 1.5))
            painter.setBrush(QColor(0, 0, 0, 0))
            box: QRect = option.rect.adjusted(1, 1, -1, -1)
            if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
            painter.restore()
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and _framed_box(option):
            self._focus_frame(option, painter)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _FRAMED_CONTROLS and _focused(option):
            self._focus_frame(option, painter)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FRAMED_COMPLEX and _focused(option):
            self._focus_frame(option, painter)

    def _focus_frame(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        colour = option.palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, FOCUS_WIDTH))
        painter.setBrush(QColor(0, 0, 0, 0))
        half = FOCUS_WIDTH / 2
        painter.drawRect(QRectF(option.rect).adjusted(half, half, -half, -half))
        painter.restore()


def _focused(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


def _framed_box(option: QStyleOption) -> bool:
    """A focused one-line box with a frame of its own (the box inside a list to choose from
    has none: the list's frame shows its focus)."""
    return _focused(option) and isinstance(option, QStyleOptionFrame) and option.lineWidth > 0


def install_style(app: QApplication) -> None:
    """Wrap the app's style once, and add the focus frames."""
    if not app.property(STYLED):  # app.style() is Qt's style-sheet wrapper once styled
        app.setStyle(AccessibleStyle(app.style().name()))
        app.setProperty(STYLED, True)
    if FOCUS_STYLE not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2b2d30",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#10131a",
        QPalette.ColorRole.ToolTipBase: "#2b2d30",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f6f7f9",
        QPalette.ColorRole.WindowText: "#1f2328",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f2f5",
        QPalette.ColorRole.Text: "#1f2328",
        QPalette.ColorRole.Button: "#eef0f3",
        QPalette.ColorRole.ButtonText: "#1f2328",
        QPalette.ColorRole.Highlight: "#1d5fbf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1d5fbf",
        QPalette.ColorRole.PlaceholderText: "#5f6368",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def high_contrast_palette() -> QPalette:
    """White and yellow on black, for a projector or low vision."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#1a1a1a",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.ToolTipBase: "#000000",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.Link: "#00ffff",
        QPalette.ColorRole.LinkVisited: "#ff80ff",
        QPalette.ColorRole.PlaceholderText: "#c0c0c0",
        QPalette.ColorRole.BrightText: "#ffff00",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#c0c0c0",
        QPalette.ColorRole.Mid: "#ffffff",
        QPalette.ColorRole.Dark: "#ffffff",
        QPalette.ColorRole.Shadow: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#b0b0b0"))
    return palette


def palette_for(appearance: str, system: QPalette) -> QPalette:
    if appearance == "Dark":
        return dark_palette()
    if appearance == "Light":
        return light_palette()
    if appearance == "High contrast":
        return high_contrast_palette()
    return system


def apply(app: QApplication, appearance: str, system: QPalette) -> None:
    install_style(app)
    app.setPalette(palette_for(appearance, system))
    # Qt's style-sheet style gave every widget the palette of its day: set afresh, the
    # sheet polishes open windows again in the new colours (focus frames included).
    app.setStyleSheet(app.styleSheet())
