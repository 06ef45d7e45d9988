"""Plain-English findings underlined in the text as it is typed, and dismissed for good.

One :class:`PlainEnglishState` per open document (a child of its DocumentEditor) holds the
word lists, the writer's dismissals (stored in the document, see
:mod:`reformkit.plain.dismissals`) and the text boxes showing each part's fields, so the
panel can jump to a finding and select its words. A :class:`PlainEnglishHighlighter` on
each multi-line text box checks only the paragraph being typed in (QSyntaxHighlighter
redoes just the changed block), so typing stays quick however long the document is.
"""

from __future__ import annotations

import logging
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip, QWidget

from desktop.editing.editor import DocumentEditor
from reformkit.errors import ReformKitError
from reformkit.plain import (
    USER_FILE,
    Finding,
    PlainWords,
    TextContext,
    check_text,
    context_for,
    load_words,
)
from reformkit.plain.dismissals import STATE_KEY, Key, dump, kept, parse

log = logging.getLogger(__name__)
UNDERLINE = QColor("#c5221f")  # a red wave, like a spelling mistake, readable light or dark
TextBox = QPlainTextEdit | QLineEdit


class PlainEnglishState(QObject):
    """The plain-English check's shared state for one open document."""

    dismissed_changed = Signal()

    def __init__(self, editor: DocumentEditor):
        super().__init__(editor)
        self.setObjectName("plainEnglishState")
        self.editor = editor
        self.words = _words()
        self.dismissed: dict[Key, str] = parse(editor.project.state(STATE_KEY))
        self._contexts: dict[tuple[str, str], TextContext] = {}
        self.boxes: dict[tuple[str, str], TextBox] = {}
        editor.changed.connect(self._document_changed)

    @staticmethod
    def of(editor: DocumentEditor) -> PlainEnglishState:
        """The state of ``editor``'s document, made on first use."""
        found = editor.findChild(PlainEnglishState, "plainEnglishState")
        return found if isinstance(found, PlainEnglishState) else PlainEnglishState(editor)

    def context(self, part_id: str, field: str) -> TextContext:
        """What a part's field is checked with (which acronyms are known before it…)."""
        key = (part_id, field)
        if key not in self._contexts:
            project = self.editor.project
            self._contexts[key] = context_for(
                project.document, project.spec, self.words, part_id, field
            )
        return self._contexts[key]

    def findings(self, text: str, part_id: str, field: str) -> list[Finding]:
        """The findings in ``text`` (a part's field, or one paragraph of it), less those
        the writer dismissed."""
        return kept(check_text(text, self.context(part_id, field)), text, self.dismissed)

    def dismiss(self, finding: Finding, words: str, reason: str) -> None:
        """Keep ``finding`` (which found ``words``) dismissed, in the document; raises a
        ReformKitError when the document cannot be written (read-only, a full disk)."""
        dismissed = dict(self.dismissed)
        dismissed[(finding.part_id, finding.rule, words.strip())] = reason.strip()
        self.editor.project.write_state(STATE_KEY, dump(dismissed))
        self.dismissed = dismissed
        self.dismissed_changed.emit()

    def register(self, box: TextBox, part_id: str, field: str) -> None:
        """``box`` shows ``part_id``'s ``field``: a finding there can be selected in it."""
        key = (part_id, field)
        self.boxes[key] = box
        box.destroyed.connect(lambda _object=None, key=key: self._forget(key))

    def select(self, part_id: str, field: str, start: int, end: int) -> bool:
        """Select ``start:end`` of a part's field in its text box; False if none shows it."""
        box = self.boxes.get((part_id, field))
        if box is None or not shiboken6.isValid(box):
            return False
        if isinstance(box, QLineEdit):
            box.setFocus()
            box.setSelection(start, max(0, end - start))
            return True
        cursor = box.textCursor()
        size = len(box.toPlainText())
        cursor.setPosition(min(start, size))
        cursor.setPosition(min(end, size), QTextCursor.MoveMode.KeepAnchor)
        box.setTextCursor(cursor)
        box.ensureCursorVisible()
        box.setFocus()
        return True

    def _forget(self, key: tuple[str, str]) -> None:
        box = self.boxes.get(key)
        if box is not None and not shiboken6.isValid(box):
            del self.boxes[key]

    def _document_changed(self, change: str, _target: str) -> None:
        # Acronyms known before a part change when parts come, go or move; an edit in a
        # part is left to the panel's full check, so typing never walks the document.
        if not change.endswith("-changed"):
            self._contexts.clear()


class PlainEnglishHighlighter(QSyntaxHighlighter):
    """Wavy underlines under the findings in one text box, with the finding as tooltip."""

    def __init__(self, box: QPlainTextEdit, state: PlainEnglishState, part_id: str, field: str):
        super().__init__(box.document())
        self.box = box
        self.state = state
        self.part_id = part_id
        self.field = field
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.underline.setUnderlineColor(UNDERLINE)
        state.dismissed_changed.connect(self.rehighlight)
        self._tips = _TooltipFilter(self)
        box.viewport().installEventFilter(self._tips)

    def highlightBlock(self, text: str) -> None:
        if not text.strip():
            return
        for finding in self.state.findings(text, self.part_id, self.field):
            self.setFormat(finding.start, finding.end - finding.start, self.underline)

    def findings_at(self, block_text: str, offset: int) -> list[Finding]:
        return [
            f
            for f in self.state.findings(block_text, self.part_id, self.field)
            if f.start <= offset < max(f.end, f.start + 1)
        ]


class _TooltipFilter(QObject):
    """Shows the findings under the mouse: what is wrong and what to write instead."""

    def __init__(self, highlighter: PlainEnglishHighlighter):
        super().__init__(highlighter)
        self.highlighter = highlighter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return False
        box = self.highlighter.box
        position = event.pos()  # type: ignore[attr-defined]
        cursor = box.cursorForPosition(position)
        found = self.highlighter.findings_at(cursor.block().text(), cursor.positionInBlock())
        if not found:
            QToolTip.hideText()
            return False
        QToolTip.showText(
            event.globalPos(),  # type: ignore[attr-defined]
            "\n\n".join(tooltip(f) for f in found),
            cast(QWidget, watched),
        )
        return True


def tooltip(finding: Finding) -> str:
    return f"{finding.title}: {finding.message}\n{finding.why}\nInstead: {finding.suggestion}"


def attach(editor: DocumentEditor, box: TextBox, part_id: str, field: str) -> None:
    """Check ``box`` (showing ``part_id``'s ``field``) as it is typed, and let the panel
    select a finding in it. Single-line boxes are only registered (Qt cannot underline in
    a line edit); their findings are in the panel."""
    state = PlainEnglishState.of(editor)
    state.register(box, part_id, field)
    if isinstance(box, QPlainTextEdit):
        PlainEnglishHighlighter(box, state, part_id, field)


def highlighter_of(box: QPlainTextEdit) -> PlainEnglishHighlighter | None:
    document: QTextDocument = box.document()
    found = document.findChild(PlainEnglishHighlighter)
    return found if isinstance(found, PlainEnglishHighlighter) else None


def underlined(box: QPlainTextEdit) -> list[str]:
    """The words underlined in ``box``, in order (what a person sees as marked)."""
    words = []
    block = box.document().begin()
    while block.isValid():
        layout = block.layout()
        for span in layout.formats() if layout is not None else []:
            if span.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                words.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    return words


def _words() -> PlainWords:
    from reformkit.paths import AppPaths

    try:
        return load_words(AppPaths.default().config / USER_FILE)
    except ReformKitError as error:  # the user's list is broken: the bundled lists still work
        log.warning("Plain-English word list not read: %s", error)
        return PlainWords.bundled()
