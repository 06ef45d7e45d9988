"""The preview's page: a QTextDocument holding each part of the document in its own frame.

Re-parsing a 300-section plan takes Qt a third of a second, far too long for every
keystroke. So each part (the front matter, each section, each appendix) sits in a frame of
its own, and an edit replaces only the frames whose part changed. Each part is parsed into a
scratch document first and copied in, because Qt's ``insertHtml`` drops the format of the
first block it inserts (a section's heading would lose its size and spacing).

Nothing is loaded from outside: pictures come as ``data:`` addresses and any other resource
is answered with nothing.
"""

from __future__ import annotations

import base64
from bisect import bisect_right
from collections.abc import Sequence
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrame,
    QTextFrameFormat,
)

from desktop.panels.preview_parts import Part

MARGIN = 16  # pixels of white around the page
_NOTHING = QByteArray(b" ")  # not null, so Qt does not go looking for a file instead


def load_data_url(kind: int, url: QUrl | str) -> object:
    """A ``data:`` resource decoded; anything else answered with nothing."""
    url = QUrl(url)  # Qt may pass the name as a string
    if url.scheme().lower() != "data":
        return _NOTHING
    text = url.toString()
    header, _, payload = text.partition(",")
    try:
        raw = (
            base64.b64decode(payload, validate=False)
            if header.endswith(";base64")
            else unquote_to_bytes(payload)
        )
    except ValueError:
        return _NOTHING
    if kind == QTextDocument.ResourceType.ImageResource.value:
        image = QImage.fromData(raw)
        return image if not image.isNull() else _NOTHING
    return QByteArray(raw)


class Sandbox(QTextDocument):
    """A scratch document to parse one part's HTML in; it loads nothing from outside."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return load_data_url(kind, url)


class Page:
    """The frames of one QTextDocument, one for each part, and the parts they show."""

    def __init__(self, document: QTextDocument):
        self.document = document
        self.parts: list[Part] = []
        self.frames: list[QTextFrame] = []
        self.css = ""

    def rebuild(self, parts: Sequence[Part], css: str, document: QTextDocument) -> None:
        """Build the page afresh in ``document``, a new empty one: building it while it is
        not yet on screen lets Qt lay it out lazily, as the reader scrolls."""
        self.document = document
        self.css = css
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(MARGIN)
        document.setDefaultStyleSheet(css)
        root = document.rootFrame().frameFormat()
        root.setBackground(QColor("#ffffff"))
        document.rootFrame().setFrameFormat(root)
        self.frames = []
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for part in parts:
            self.frames.append(self._append(cursor, part))
        cursor.endEditBlock()
        self.parts = list(parts)

    def update(self, parts: Sequence[Part], limit: int) -> int | None:
        """Replace the frames whose part changed, add or remove frames at the end; return how
        many frames were touched, or None (nothing done) if more than ``limit`` would be.

        Each frame is its own edit, so that Qt lays out again only that frame, not
        everything between the first and the last change."""
        common = min(len(parts), len(self.parts))
        changed = [n for n in range(common) if parts[n] is not self.parts[n]]
        work = len(changed) + abs(len(parts) - len(self.parts))
        if work > limit:
            return None
        cursor = QTextCursor(self.document)
        for number in changed:
            cursor.beginEditBlock()
            self._replace(cursor, self.frames[number], parts[number])
            cursor.endEditBlock()
        for frame in reversed(self.frames[len(parts) :]):
            cursor.setPosition(frame.firstPosition() - 1)
            cursor.setPosition(frame.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        del self.frames[len(parts) :]
        for part in parts[len(self.frames) :]:
            cursor.beginEditBlock()
            self.frames.append(self._append(cursor, part))
            cursor.endEditBlock()
        self.parts = list(parts)
        return work

    def frame_at(self, y: float) -> tuple[int, float]:
        """The part shown at height ``y`` of the page, and how far into it ``y`` is."""
        layout = self.document.documentLayout()
        tops = [layout.frameBoundingRect(frame).top() for frame in self.frames]
        number = max(0, bisect_right(tops, y) - 1)
        return number, (y - tops[number]) if tops else 0.0

    def top_of(self, number: int) -> float:
        if not 0 <= number < len(self.frames):
            return 0.0
        return self.document.documentLayout().frameBoundingRect(self.frames[number]).top()

    # Building.
    def _parsed(self, part: Part) -> QTextDocument:
        scratch = Sandbox()
        scratch.setDefaultStyleSheet(self.css)
        scratch.setHtml(f"<html><body>{part.html}</body></html>")
        return scratch

    def _append(self, cursor: QTextCursor, part: Part) -> QTextFrame:
        cursor.setPosition(self.document.rootFrame().lastPosition())
        frame = cursor.insertFrame(QTextFrameFormat())
        self._fill(cursor, part)
        return frame

    def _replace(self, cursor: QTextCursor, frame: QTextFrame, part: Part) -> None:
        cursor.setPosition(frame.firstPosition())
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._fill(cursor, part)

    def _fill(self, cursor: QTextCursor, part: Part) -> None:
        scratch = self._parsed(part)
        first = scratch.begin()
        # insertFragment keeps the format of the block it lands in: give it the first one's.
        cursor.setBlockFormat(first.blockFormat())
        cursor.setBlockCharFormat(first.charFormat())
        cursor.insertFragment(QTextDocumentFragment(scratch))
