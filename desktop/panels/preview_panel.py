"""The live preview: the document as it will read, redrawn a moment after each edit.

The page is written by the one HTML writer (``reformkit.export.html_writer``) from the one
laid-out form every export uses, so the preview shows what Word and Markdown will say. To
keep typing smooth on a long plan, a redraw lays the document out again (a few milliseconds
a hundred sections) but writes and replaces only the parts that changed; see
:mod:`desktop.panels.preview_page`. While someone types, the appendices (the coverage, most of
the layout's time) stay as last laid out and follow after a pause, worked out on a worker. A
big document (a thousand sections takes most of a second to lay out) is laid out on a worker
thread, from a snapshot, so typing never waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QShowEvent, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.background import LatestResult
from desktop.document_snapshot import shared_coverage, shared_snapshot
from desktop.editing.editor import DocumentEditor
from desktop.panels.preview_columns import scaled_css
from desktop.panels.preview_page import Page, Place, keep_words_whole, load_data_url
from desktop.panels.preview_parts import Part, style_sheet, write_parts
from desktop.panels.preview_window import Window, part_number
from desktop.text_size import text_size
from reformkit.catalogue.store import Catalogue
from reformkit.layout.appendix import appendix
from reformkit.layout.blocks import Block, LaidOut
from reformkit.layout.engine import back_matter, lay_out
from reformkit.layout.hooks import section_numbers
from reformkit.layout.reuse import SectionReuse

DEBOUNCE_MS = 80  # the shortest gap between two renders while typing
PATCH_LIMIT = 24  # more changed parts than this and the page is built again from scratch
BIG_PAUSE_MS = 250  # a very big document's preview follows after this pause in typing
LAY_OUT_AT_ONCE_PARTS = 6000  # a document with more parts is laid out on a worker thread
BACK_PAUSE_MS = 400  # the appendices follow this long after the last edit
ARRIVED_GAP_MS = 1500  # changes from outside (a room's drains) are shown at most this often


def from_outside(change: str, target_id: str) -> bool:
    """Whether a change is not the user's own: a drain of the room's inbox (phones'
    answers) is "items-added" with no section named."""
    return change == "items-added" and not target_id


class PreviewPanel(QTextBrowser):
    """The document as a page. Re-renders after each edit; ``show_part`` follows the cursor."""

    rendered = Signal(float)  # milliseconds the last render took, from layout to page

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.recommendations = catalogue.entries("recommendation")
        self.credit = catalogue.seed.credit
        self.page = Page(self.document())
        self.document().setUndoRedoEnabled(False)
        keep_words_whole(self.document())
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # kept for every page swapped in
        sizes = text_size()
        self.text_factor = sizes.factor  # the app's text size: the page's text follows it
        sizes.text_scaled.connect(self.set_text_scale)
        self.last_render_ms = 0.0
        self.last_render_kind = ""  # "full" or "patch", for benchmarks and tests
        self._pending_anchor = ""
        self.window_of_parts = Window()
        self.all_parts: list[Part] = []  # every part of the document, shown or not
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setAccessibleName("Preview")
        self.setAccessibleDescription(
            "The document as it will be exported, updated as you edit. Read only."
        )
        self.anchorClicked.connect(self._link_clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._render_if_shown)
        self._last_render_end = 0.0
        self._stale = False
        self._laid: LaidOut | None = None  # the last layout shown
        self._worker = LatestResult(self._worker_done, self)
        self._back: list[Block] | None = None  # the appendices last laid out
        # Unchanged sections' blocks, one store for this thread and one for the worker's runs
        # (one at a time: see LatestResult).
        self._reuse, self._worker_reuse = SectionReuse(), SectionReuse()
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.setInterval(BACK_PAUSE_MS)
        self._back_timer.timeout.connect(self._refresh_back)
        self._back_worker = LatestResult(self._back_ready, self)
        # Changes from outside (a busy room drains every 300 ms) are laid out on the worker,
        # gathered into one run at most every ARRIVED_GAP_MS, so the UI thread only patches.
        self._arrived_timer = QTimer(self)
        self._arrived_timer.setSingleShot(True)
        self._arrived_timer.timeout.connect(self._show_arrived)
        self._arrived_due = False  # more arrived while the worker was busy
        self._last_arrived_start = 0.0
        editor.changed.connect(self.schedule)
        if self._big():
            self.setPlainText("Laying out the preview…")
            self._render_in_background()
        else:
            self.render_now()

    # Public.
    def schedule(self, _change: str = "", _id: str = "") -> None:
        """Re-render soon: at once after a pause, else at most every DEBOUNCE_MS.

        The first keystroke shows in the preview within one render (about 20 ms on a
        300-section plan); while typing goes on, renders are spaced so typing stays smooth.
        A render that is already due includes every edit made before it runs. Changes from
        outside (see :func:`from_outside`) are shown a little later, from the worker.
        """
        if from_outside(_change, _id):
            self._schedule_arrived()
            return
        if self._big():  # copying it for the worker costs tens of ms: wait for a pause
            self._timer.start(BIG_PAUSE_MS)
            return
        if self._timer.isActive():
            return
        since = (time.perf_counter() - self._last_render_end) * 1000
        self._timer.start(int(max(0.0, DEBOUNCE_MS - since)))

    def render_now(self) -> float:
        """Lay the document out, write what changed into the page; return the milliseconds."""
        self._timer.stop()
        self._worker.cancel()
        self._back_timer.stop()
        self._back_worker.cancel()
        started = time.perf_counter()
        project = self.editor.project
        self._back = back_matter(project.document, project.spec, self.recommendations, self.credit)
        return self._apply(self._lay_out_sections(), started)

    def render_typing(self, follow: bool = True) -> float:
        """Like :meth:`render_now`, but with the appendices as last laid out: every section
        is laid out afresh, and (``follow``) the appendices are worked out again on a worker
        once typing pauses for BACK_PAUSE_MS."""
        if self._back is None:
            return self.render_now()
        self._timer.stop()
        self._worker.cancel()
        started = time.perf_counter()
        laid = self._lay_out_sections()
        if follow:
            self._back_timer.start()
        return self._apply(laid, started)

    def _lay_out_sections(self) -> LaidOut:
        """The document laid out, with the appendices last worked out."""
        project = self.editor.project
        return lay_out(
            project.document,
            project.spec,
            self.recommendations,
            self.credit,
            back=self._back,
            reuse=self._reuse,
        )

    def _apply(
        self, laid: LaidOut, started: float | None = None, parts: list[Part] | None = None
    ) -> float:
        """Write what changed in ``laid`` into the page (``parts``: already written by a
        worker); return the milliseconds."""
        self._stale = False
        self._laid = laid
        started = time.perf_counter() if started is None else started
        self.all_parts = parts if parts is not None else write_parts(laid, self.all_parts)[0]
        parts = self.window_of_parts.visible(self.all_parts)
        place = self._place()
        touched = None if not self.page.frames else self.page.update(parts, PATCH_LIMIT)
        if touched is None:
            self._rebuild(parts, scaled_css(style_sheet(laid), self.text_factor))
            self.last_render_kind = "full"
        else:
            self.last_render_kind = "patch"
        if place is not None:
            self.verticalScrollBar().setValue(round(self.page.y_of(place)))
        self._last_render_end = time.perf_counter()
        self.last_render_ms = (self._last_render_end - started) * 1000
        if self._pending_anchor:
            anchor, self._pending_anchor = self._pending_anchor, ""
            if not self._bring_into_view(anchor):
                self._scroll_to(anchor)
        self.rendered.emit(self.last_render_ms)
        return self.last_render_ms

    def set_text_scale(self, factor: float) -> None:
        """Draw the page again with its text ``factor`` times its normal size."""
        if abs(factor - self.text_factor) < 1e-6:
            return
        self.text_factor = factor
        self.page.frames = []  # every part afresh, with the new sizes
        if self.isVisible():
            self.render_now()
        else:
            self._stale = True

    def show_part(self, kind: str, part_id: str) -> None:
        """Scroll to a section or item ("section" / "item" and its id); the document's own
        details ("meta") scroll to the top. An item shown as a table row or paragraph has no
        anchor of its own, so the preview shows its section."""
        anchor = self.anchor_for(kind, part_id)
        if anchor and self._bring_into_view(anchor):
            return
        if self._timer.isActive() or self._worker.running:
            self._pending_anchor = anchor  # the part may not be on the page yet
            return
        if anchor:
            self._scroll_to(anchor)

    def anchor_for(self, kind: str, part_id: str) -> str:
        document = self.editor.project.document
        if kind == "section":
            for number, section in enumerate(document.sections, 1):
                if section.id == part_id:
                    return f"section-{number}"
            return ""
        if kind == "item":
            if self._has_anchor(f"item-{part_id}"):
                return f"item-{part_id}"
            for number, section in enumerate(document.sections, 1):
                if any(item.id == part_id for item in section.items):
                    return f"section-{number}"
            return ""
        return "title"

    # Qt.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.render_now()

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return load_data_url(kind, QUrl(url))

    # Inside.
    def _render_if_shown(self) -> None:
        """A hidden preview (a closed dock, another tab) waits until it is shown again."""
        if not self.isVisible():
            self._stale = True
        elif self._big():
            self._render_in_background()
        else:
            self.render_typing()

    def _schedule_arrived(self) -> None:
        """Show what arrived from outside soon, at most once every ARRIVED_GAP_MS."""
        if self._arrived_timer.isActive():
            return
        since = (time.perf_counter() - self._last_arrived_start) * 1000
        self._arrived_timer.start(int(max(DEBOUNCE_MS, ARRIVED_GAP_MS - since)))

    def _show_arrived(self) -> None:
        if self._timer.isActive():
            return  # a render for the user's own edit is due, and takes this in too
        if self._worker.running:
            self._arrived_due = True  # started again when its result is in
            return
        if not self.isVisible():
            self._stale = True
            return
        self._last_arrived_start = time.perf_counter()
        self._render_in_background()

    def _worker_done(self, done: tuple[LaidOut, list[Part], list[Block]]) -> None:
        laid, parts, back = done
        self._back = back
        self._apply(laid, None, parts)
        if self._arrived_due:
            self._arrived_due = False
            self._schedule_arrived()

    def _refresh_back(self) -> None:
        project = self.editor.project
        recommendations, credit = self.recommendations, self.credit

        def prepare() -> Callable[[], list[Block]]:
            document, spec = shared_snapshot(self.editor), project.spec
            return lambda: appendix(
                document,
                shared_coverage(document, spec, recommendations),
                recommendations,
                credit,
                section_numbers(document, spec),
            )

        self._back_worker.start(prepare)

    def _back_ready(self, back: list[Block]) -> None:
        """The appendices worked out after a pause: shown with the sections as they are
        now (a later edit starts the pause, and its own appendices, again)."""
        self._back = back
        if self._timer.isActive() or self._big():
            return  # a render is due, and will show them
        if not self.isVisible():
            self._stale = True
            return
        self.render_typing(follow=False)

    def _big(self) -> bool:
        document = self.editor.project.document
        return len(document.sections) + sum(len(s.items) for s in document.sections) > (
            LAY_OUT_AT_ONCE_PARTS
        )

    def _render_in_background(self) -> None:
        project = self.editor.project
        recommendations, credit, reuse = self.recommendations, self.credit, self._worker_reuse

        def prepare() -> Callable[[], tuple[LaidOut, list[Part], list[Block]]]:
            document, spec = shared_snapshot(self.editor), project.spec
            previous = list(self.all_parts)  # parts are frozen: safe to read on the worker

            def work() -> tuple[LaidOut, list[Part], list[Block]]:
                rows = shared_coverage(document, spec, recommendations)
                back = appendix(
                    document, rows, recommendations, credit, section_numbers(document, spec)
                )
                laid = lay_out(document, spec, recommendations, credit, back=back, reuse=reuse)
                return laid, write_parts(laid, previous)[0], back

            return work

        self._timer.stop()
        self._worker.start(prepare)

    def _place(self) -> Place | None:
        """The block at the top of the view and how far into it, if the reader has
        scrolled; kept by content so text added above, or a page built afresh, leaves the
        same words at the top."""
        top = self.verticalScrollBar().value()
        return self.page.place_at(top) if top else None

    def _rebuild(self, parts: list[Part], css: str) -> None:
        """Build the page afresh, in a new document swapped in at the end."""
        document = QTextDocument(self)  # the old one, a child too, is deleted on the swap
        self.page.rebuild(parts, css, document)
        self.setDocument(document)

    def _scroll_to(self, anchor: str) -> None:
        if anchor == "title":
            self.verticalScrollBar().setValue(0)
        else:
            self.scrollToAnchor(anchor)

    def _has_anchor(self, name: str) -> bool:
        needle = f'id="{name}"'
        return any(needle in part.html for part in self.all_parts or self.page.parts)

    def _bring_into_view(self, anchor: str) -> bool:
        """In a long document, show the sections around ``anchor`` if they are not on the
        page; return whether the page was redrawn (and scrolled) for it."""
        number = part_number(self.all_parts, anchor)
        if number <= 0 or self.window_of_parts.contains(self.all_parts, number):
            return False
        self.window_of_parts.focus = number
        self._pending_anchor = anchor
        if self._laid is not None and self._big() and not self._timer.isActive():
            self._apply(self._laid)  # the same layout, other sections on the page
        else:
            self.render_now()
        return True

    def _link_clicked(self, url: QUrl) -> None:
        local = url.hasFragment() and not url.scheme() and not url.host()
        if local and not self._bring_into_view(url.fragment()):
            self.scrollToAnchor(url.fragment())
