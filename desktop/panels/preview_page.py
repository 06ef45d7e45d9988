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
from typing import NamedTuple
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrame,
    QTextFrameFormat,
    QTextOption,
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


def keep_words_whole(document: QTextDocument) -> None:
    """Lines break between words only: a table column is never narrower than its longest
    word, and a table too wide for the preview scrolls sideways instead."""
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)


class Place(NamedTuple):
    """Where the reader is, by content rather than by pixels, so it survives a page laid
    out afresh (where Qt may not yet have measured what lies above)."""

    part: int  # which part (frame) of the page
    into_part: int  # characters from the part's start to the start of the block
    into_block: float  # how far down the block, in pixels


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
        keep_words_whole(document)
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

    def place_at(self, y: float) -> Place | None:
        """The reader's place at height ``y`` of the page, by content: the part, the block
        of text within it, and how far down that block ``y`` is."""
        if not self.frames:
            return None
        layout = self.document.documentLayout()
        hit = layout.hitTest(QPointF(MARGIN + 1, y), Qt.HitTestAccuracy.FuzzyHit)
        block = self.document.findBlock(max(0, hit))
        if not block.isValid():
            return None
        starts = [frame.firstPosition() for frame in self.frames]
        number = max(0, bisect_right(starts, block.position()) - 1)
        into_part = block.position() - starts[number]
        return Place(number, into_part, y - layout.blockBoundingRect(block).top())

    def y_of(self, place: Place) -> float:
        """The height on this page of a place taken with :meth:`place_at`, on this page or
        an earlier one: the same block of the same part, the same distance into it."""
        if not self.frames:
            return 0.0
        frame = self.frames[min(place.part, len(self.frames) - 1)]
        position = min(frame.firstPosition() + place.into_part, frame.lastPosition())
        block = self.document.findBlock(position)
        rect = self.document.documentLayout().blockBoundingRect(block)  # lays out up to it
        return rect.top() + min(place.into_block, rect.height())

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
