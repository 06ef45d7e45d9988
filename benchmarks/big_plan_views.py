"""The views of a long plan, each timed against a reference measured in the same run.

For a generated 300-section plan, on Qt's offscreen platform, prints:
  * preview: one edited field re-rendered (only its part of the page rewritten), as a ratio
    to building the whole page afresh, which Qt then lays out only as far as it is shown
    (target <= 0.7x)
  * parts tree: the plan's tree built and shown, as a ratio to a plain Qt tree of the same
    rows and words (target <= 5x)
  * HTML writer: the page written, as a ratio to laying the plan out (target <= 2x)
These were assertions in the tests once; speed depends on the machine, so it is measured
here instead. Run with ``make bench`` or ``.venv/bin/python benchmarks/big_plan_views.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROUNDS = 7

from generated_plan import generated_plan  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView  # noqa: E402

from desktop.editing.editor import DocumentEditor  # noqa: E402
from desktop.editing.parts_tree import PartsTree  # noqa: E402
from desktop.panels import preview_panel  # noqa: E402
from desktop.panels.preview_panel import PreviewPanel  # noqa: E402
from plans import PLAN  # noqa: E402
from reformkit.catalogue.store import Catalogue  # noqa: E402
from reformkit.document.model import Document  # noqa: E402
from reformkit.document.project import Project  # noqa: E402
from reformkit.export.html_writer import write_html  # noqa: E402
from reformkit.layout.engine import lay_out  # noqa: E402


def median_ms(run: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def report(name: str, ours: float, reference: float, what: str, target: float) -> None:
    print(
        f"{name}: {ours:.1f} ms, {what} {reference:.1f} ms, ratio {ours / reference:.2f}x "
        f"(target <= {target:g}x; median of {ROUNDS})"
    )


def preview(app: QApplication, project: Project, catalogue: Catalogue) -> None:
    editor = DocumentEditor(project)
    panel = PreviewPanel(editor, catalogue)
    panel.resize(900, 700)
    panel.show()
    app.processEvents()
    section = project.document.sections[150]
    panel.show_part("section", section.id)
    item = section.items[0]
    words = str(item.fields["text"])
    edits = iter(range(1_000_000))

    def edit_and_render() -> None:
        editor.update_fields(item.id, {"text": f"{words} edit {next(edits)}"})
        panel.render_now()
        panel.viewport().repaint()

    patch = median_ms(edit_and_render)
    kind = panel.last_render_kind
    limit, preview_panel.PATCH_LIMIT = preview_panel.PATCH_LIMIT, 0  # every render a rebuild
    full = median_ms(edit_and_render)
    preview_panel.PATCH_LIMIT = limit
    report(f"preview, one keystroke ({kind})", patch, full, "whole page rebuilt", 0.7)
    panel.close()


def parts_tree(app: QApplication, project: Project, catalogue: Catalogue) -> None:
    editor = DocumentEditor(project)
    document = project.document

    def ours() -> None:
        tree = PartsTree(editor, catalogue)
        tree.show()
        app.processEvents()
        tree.close()
        tree.deleteLater()

    def plain() -> None:
        model = QStandardItemModel()
        for section in document.sections:
            row = QStandardItem(section.title)
            for item in section.items:
                row.appendRow(QStandardItem(str(item.fields.get("title") or item.type)))
            model.appendRow(row)
        view = QTreeView()
        view.setModel(model)
        view.expandAll()
        view.show()
        app.processEvents()
        view.close()
        view.deleteLater()

    report("parts tree, built and shown", median_ms(ours), median_ms(plain), "plain tree", 5)


def html_writer(document: Document, catalogue: Catalogue) -> None:
    recommendations = catalogue.entries("recommendation")

    def laid() -> object:
        return lay_out(document, PLAN, recommendations, catalogue.seed.credit)

    page = laid()
    writing = median_ms(lambda: write_html(page))  # type: ignore[arg-type]
    report("HTML writer, whole page", writing, median_ms(laid), "laying it out", 2)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    catalogue = Catalogue.open(None)
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create_from(Path(folder) / "plan.reformkit", generated_plan(300), PLAN)
        try:
            preview(app, project, catalogue)
            parts_tree(app, project, catalogue)
            html_writer(project.document, catalogue)
        finally:
            project.close()
    catalogue.close()


if __name__ == "__main__":
    main()
