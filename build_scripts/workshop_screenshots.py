"""Screenshots of workshop mode: capture, grouping, the canvas, the room and present mode,
from the sample workshop, at 1920×1080 (docs/workshop/capture.png …) and 1280×720
(…-1280x720.png).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python build_scripts/workshop_screenshots.py

It runs the app's own windows in this process on the display it is given, with ReformKit's
home in a temporary folder, so no real settings or documents are touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = ((1920, 1080, ""), (1280, 720, "-1280x720"))
EXAMPLE_ADDRESSES = ("192.168.137.1", "10.12.0.40", "127.0.0.1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "workshop")
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="reformkit-shots-")
    os.environ["REFORMKIT_HOME"] = home
    from PySide6.QtWidgets import QApplication

    app = QApplication(["reformkit"])
    return shoot(app, args.out, Path(home))


def shoot(app: object, out: Path, home: Path) -> int:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop import palette, screens
    from desktop.app import open_settings
    from desktop.prompts import Prompts
    from desktop.session import AppSession
    from desktop.workshop.screen import SCREEN
    from desktop.workshop.window import WorkshopWindow
    from reformkit.catalogue.store import Catalogue
    from reformkit.document.project import Project
    from reformkit.document.registry import load_kinds
    from reformkit.document.spec import DocumentKinds
    from reformkit.paths import AppPaths
    from reformkit.samples import sample_file
    from workshop.kind import WORKSHOP
    from workshop.parts import Method
    from workshop.room import network

    # A laptop on its own hotspot and the hall's Wi-Fi, as the room panel offers them; the
    # room itself is started on 127.0.0.1 below, so nothing listens on a network.
    network.candidate_addresses = lambda found=None: list(EXAMPLE_ADDRESSES)

    assert isinstance(app, QApplication)
    palette.apply(app, "Light", app.palette())
    if not screens.load_screens():  # before the entry points are installed
        screens.load_screens = lambda: (SCREEN,)  # type: ignore[assignment]
    kinds = list(load_kinds())
    if all(spec.kind != "workshop" for spec in kinds):
        kinds.append(WORKSHOP)
    registry = DocumentKinds(kinds)
    paths = AppPaths.default()
    catalogue = Catalogue.open(None)
    session = AppSession(catalogue, open_settings(paths.config), registry, paths, Prompts())
    sample = registry.get("workshop").sample
    assert sample is not None, "the workshop kind has no sample"
    project = Project.open(sample_file(sample, home, registry), registry)
    document_window = session._show(project)

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    settle()
    workshop = document_window.findChild(WorkshopWindow)
    assert isinstance(workshop, WorkshopWindow), "the sample opened no workshop window"
    out.mkdir(parents=True, exist_ok=True)

    def choose(method: Method) -> None:
        activity = next(a for a in workshop.record.activities if a.method == method)
        workshop.activities.choose(activity.id)

    def save(widget: QWidget, name: str, suffix: str) -> None:
        settle()
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)

    for width, height, suffix in SIZES:
        document_window.hide()
        workshop.setGeometry(0, 0, width, height)
        workshop.show()
        settle()
        choose(Method.IDEAS)
        workshop.show_tab(0)
        save(workshop, "capture", suffix)
        workshop.show_tab(1)
        save(workshop, "grouping", suffix)
        choose(Method.CANVAS)
        workshop.show_tab(2)
        save(workshop, "canvas", suffix)
        choose(Method.VOTE)
        workshop.show_tab(3)
        save(workshop, "vote", suffix)
        workshop.show_tab(4)
        save(workshop, "room-closed", suffix)  # the networks to choose from (examples)
        workshop.room.listen_on = "127.0.0.1"  # the picture's room listens on no network
        workshop.room.toggle()
        save(workshop, "room", suffix)
        choose(Method.IDEAS)
        workshop.present()
        present = workshop.present_window
        assert present is not None
        present.setFixedSize(QSize(width, height))
        save(present, "present", suffix)
        choose(Method.VOTE)
        save(present, "present-vote", suffix)
        choose(Method.CANVAS)
        save(present, "present-canvas", suffix)
        present.close()
        workshop.room.toggle()
        settle()
    workshop.close()
    document_window.close()
    settle()
    catalogue.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
