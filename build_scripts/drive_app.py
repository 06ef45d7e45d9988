"""Drive the real app on a private X display with real keys, as a new user would, and keep a
screenshot of every stage.

    .venv/bin/python build_scripts/drive_app.py                  # 1280x720, then 1920x1080
    .venv/bin/python build_scripts/drive_app.py --scale 1.5 --size 1920x1080
    .venv/bin/python build_scripts/drive_app.py --out /tmp/shots --keep

Each run starts Xvfb on a free display, starts ``python -m desktop`` on it (xcb, with
REFORMKIT_HOME in a temporary folder so no real settings or documents are touched) and, by
keyboard only: chooses "New Respect Charter" on the start screen, answers the title,
organisation and authors prompts and the save dialog, goes through the charter builder
(typing, using offers with Space and Enter, Alt+N for Next and Finish), exports to Word with
File › Export (Ctrl+E), and checks the .docx holds what was typed. Screenshots go to
``<out>/<size>[@<scale>x]/NN-stage.png`` (default out: build/screenshots). It exits 1 with a
message naming the stage that failed; the app and Xvfb are always stopped.

Needs Xvfb, xdotool and ImageMagick (Linux).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from xdisplay import StageError, XDisplay, app_environment, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
START_TIMEOUT = 60.0  # the first start reads the whole briefing into a new library
WINDOW_TIMEOUT = 20.0
EXPORT_TIMEOUT = 60.0

TITLE = "Family Support Team Charter"
ORGANISATION = "Northshire County Council"
AUTHORS = "Sam Patel, Jo Okafor"
TEAM = "Family Support Team"
COVERS = "Everyone in the Family Support Team, including agency and bank staff."
PURPOSE = "So that staff and managers agree, in writing, what each can expect of the other."
COMMITMENT = "Managers protect two hours a week of learning time; the service lead, by June."
RESPONSIBLE = "Head of Family Support"
NOW, TARGET = "58% of staff", "75% of staff"  # typed into table cells, never with Enter
TYPED = (TEAM, COVERS, PURPOSE, COMMITMENT, RESPONSIBLE, ORGANISATION, NOW, TARGET)


@dataclass
class Run:
    """One pass through the app at one screen size."""

    display: XDisplay
    shots: Path
    work: Path
    scale: float
    app: subprocess.Popen[bytes] | None = None
    log: Path = field(init=False)
    count: int = 0
    stage: str = "starting"

    def __post_init__(self) -> None:
        self.log = self.work / "app.log"

    # Plumbing.
    def alive(self) -> None:
        if self.app is not None and self.app.poll() is not None:
            raise StageError(f"The app stopped (exit status {self.app.returncode}).")

    def window(self, pattern: str, timeout: float = WINDOW_TIMEOUT, after: str = "") -> str:
        """Wait for a visible window whose title matches ``pattern`` (other than ``after``,
        a dialog of the same title that should close), and give it the keys."""
        found = wait_for(
            f"a window titled /{pattern}/",
            lambda: [w for w in self.display.windows(pattern) if w != after],
            timeout,
            self.alive,
        )
        assert isinstance(found, list)
        window = str(found[-1])
        self.display.focus(window)
        return window

    def gone(self, pattern: str, timeout: float = WINDOW_TIMEOUT) -> None:
        wait_for(
            f"the window /{pattern}/ to close",
            lambda: not self.display.windows(pattern),
            timeout,
            self.alive,
        )

    def shot(self, name: str) -> None:
        self.display.settle(self.alive)
        self.count += 1
        path = self.display.screenshot(self.shots / f"{self.count:02d}-{name}.png")
        print(f"    {path.relative_to(self.shots.parent.parent)}")

    def keys(self, *keys: str) -> None:
        self.display.key(*keys)

    def type(self, text: str) -> None:
        self.display.type(text)

    # The stages.
    def start(self) -> None:
        home = self.work / "home"
        extra = {"QT_SCALE_FACTOR": f"{self.scale:g}"} if self.scale != 1 else {}
        env = app_environment(self.display, home, extra)
        with self.log.open("wb") as log:
            self.app = subprocess.Popen(
                [str(PYTHON), "-m", "desktop"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.window(r"^ReformKit$", START_TIMEOUT)
        self.shot("start-screen")

    def new_charter(self, folder: Path) -> Path:
        # The first choice has the focus; the arrows move between choices, Enter chooses.
        self.keys("Right", "Down", "Up", "Left")
        self.shot("start-screen-focus")
        self.keys("Return")
        asked = self.window("^New Respect Charter")
        self.keys("ctrl+a")
        self.type(TITLE)
        self.shot("prompt-title")
        self.keys("Return")
        asked = self.window("^New Respect Charter", after=asked)
        self.type(ORGANISATION)
        self.shot("prompt-organisation")
        self.keys("Return")
        self.window("^New Respect Charter", after=asked)
        self.type(AUTHORS)
        self.shot("prompt-authors")
        self.keys("Return")
        self.window("^Where should ReformKit keep")
        path = folder / "family-support-charter.reformkit"
        self.keys("ctrl+a")
        self.type(str(path))
        self.shot("save-dialog")
        self.keys("Return")
        self.gone("^Where should ReformKit keep")
        wait_for(f"{path.name} to be created", path.exists, WINDOW_TIMEOUT, self.alive)
        return path

    def builder(self) -> None:
        document = rf"^{re.escape(TITLE)} — "
        self.window(document)
        self.shot("builder-step-1-empty")
        # Step 1: focus starts in the first field (Team); Tab goes down the form.
        self.type(TEAM)
        self.keys("Tab", "Tab")  # past Service, which the organisation filled in
        self.type(COVERS)
        self.keys("Tab")
        self.type(PURPOSE)
        self.shot("builder-step-1")
        # Step 2, principles: focus starts on the first offer's "Use this"; Space uses it.
        # (Enter presses only a dialog's buttons, as on every desktop.)
        self.next_step()
        self.shot("builder-step-2")
        self.keys("space")
        self.shot("builder-step-2-used")
        # Step 3, rights; step 4, duties: use the first offer of each.
        self.next_step()
        self.keys("space")
        self.shot("builder-step-3")
        self.next_step()
        self.keys("space")
        self.shot("builder-step-4")
        # Step 5, managers' commitments: write one for the first right chosen.
        self.next_step()
        self.shot("builder-step-5")
        self.keys("space")
        self.display.settle(self.alive)
        self.keys("ctrl+a")
        self.type(COMMITMENT)
        self.keys("Tab")
        self.type(RESPONSIBLE)
        self.shot("builder-step-5-written")
        # Step 6, measures: focus starts in the table; the suggestions are just before it.
        self.next_step()
        self.shot("builder-step-6")
        self.keys("shift+Tab", "space")  # the last suggestion; its first figure opens
        self.display.settle(self.alive)
        self.type(NOW)
        self.keys("Tab")
        self.type(TARGET)
        self.shot("builder-step-6-used")
        # Step 7, review and sign-off, then Finish (also Alt+N).
        self.next_step()
        self.shot("builder-step-7")
        self.next_step()
        self.shot("document-window")

    def next_step(self) -> None:
        self.keys("alt+n")
        self.display.settle(self.alive)

    def export(self, folder: Path) -> Path:
        self.window(rf"^{re.escape(TITLE)} — ")
        self.keys("ctrl+e")
        self.window("^Export")
        self.shot("export-dialog")
        self.keys("Return")  # Export is the default button, and has the focus
        found = wait_for(
            "the Word file to be written",
            lambda: sorted(folder.glob("*.docx")),
            EXPORT_TIMEOUT,
            self.alive,
        )
        assert isinstance(found, list)
        self.shot("export-done")
        self.keys("Escape")
        self.gone("^Export")
        return Path(found[0])


def check_docx(path: Path) -> None:
    """The export holds what was typed (and is a Word file at all)."""
    try:
        with zipfile.ZipFile(path) as docx:
            text = docx.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise StageError(f"{path} is not a Word document: {error}") from error
    text = re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").replace("&apos;", "'")
    missing = [words for words in TYPED if words not in text]
    if missing:
        raise StageError(f"{path.name} lacks what was typed: {missing}")


def drive(size: tuple[int, int], scale: float, shots: Path, keep: bool) -> None:
    if shots.exists():
        for old in shots.glob("*.png"):
            old.unlink()
    work = Path(tempfile.mkdtemp(prefix="reformkit-drive-"))
    folder = work / "documents"
    folder.mkdir()
    with XDisplay(*size) as display:
        run = Run(display, shots, work, scale)
        print(f"  display {display.name}, {size[0]}x{size[1]} at {scale:g}x; work in {work}")
        steps: list[tuple[str, Callable[[], object]]] = [
            ("start screen", run.start),
            ("new charter", lambda: run.new_charter(folder)),
            ("charter builder", run.builder),
        ]
        try:
            for name, step in steps:
                run.stage = name
                step()
            run.stage = "export"
            docx = run.export(folder)
            run.stage = "checking the export"
            check_docx(docx)
            print(f"  exported {docx.name} ({docx.stat().st_size:,} bytes), with what was typed")
        except StageError as error:
            with contextlib.suppress(Exception):  # the failure matters more than its picture
                run.shot(f"FAILED-{run.stage.replace(' ', '-')}")
            tail = run.log.read_text(errors="replace")[-2000:] if run.log.exists() else ""
            raise StageError(
                f"Stage '{run.stage}' failed at {size[0]}x{size[1]}: {error}"
                + (f"\n--- the app's output ---\n{tail}" if tail.strip() else "")
            ) from error
        finally:
            stop(run.app)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)x(\d+)", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size like 1280x720: {text}")
    return int(match[1]), int(match[2])


def _stop_on_signal(number: int, _frame: object) -> None:
    """A terminated script still stops its app and Xvfb (the ``finally`` blocks run)."""
    raise SystemExit(128 + number)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGHUP, _stop_on_signal)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size",
        type=parse_size,
        action="append",
        help="screen size, e.g. 1280x720 (repeatable; default: 1280x720 then 1920x1080)",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 1.5")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "screenshots", help="screenshot folder"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"drive_app: {tool} is not installed.", file=sys.stderr)
            return 2
    sizes = args.size or [(1280, 720), (1920, 1080)]
    for width, height in sizes:
        label = f"{width}x{height}" + (f"@{args.scale:g}x" if args.scale != 1 else "")
        print(f"{label}:")
        began = time.monotonic()
        try:
            drive((width, height), args.scale, args.out / label, args.keep)
        except StageError as error:
            print(f"drive_app: {error}", file=sys.stderr)
            return 1
        print(f"  done in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
