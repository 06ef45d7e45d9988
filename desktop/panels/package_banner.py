"""The strip across the top of a window whose document is a partner package."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reformkit.document.packages import PackageInfo

SEND_BACK = (
    "How to send it back: ReformKit saves every edit as you make it, so there is nothing to "
    "save. When you have finished, close this window and send this file back, by email or a "
    "shared drive, to whoever sent it to you. They merge it into '{title}'."
)


class PackageBanner(QFrame):
    """Which plan these parts belong to, who they were sent to, and how to send them back."""

    def __init__(self, info: PackageInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setObjectName("packageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("This document is a package")
        self.setStyleSheet(
            "#packageBanner { background-color: #fff4ce; border: 1px solid #c8a600; }"
            "#packageBanner QLabel { color: #3b2f00; }"
        )
        self.text_label = QLabel(f"<b>{escape(info.banner())}</b>")
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName("Where these parts come from")
        self.how_label = QLabel(SEND_BACK.format(title=info.main_title))
        self.how_label.setWordWrap(True)
        self.how_label.setAccessibleName("How to send it back")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.text_label)
        layout.addWidget(self.how_label)

    def text(self) -> str:
        """Everything the banner says, as plain text."""
        return f"{self.info.banner()}\n{self.how_label.text()}"
