"""The desktop app's speed and memory, against a bare Qt window measured in the same run.

  * cold start to the first window shown, as a ratio to a bare PySide6 window script
    (target <= 3x)
  * keystroke to updated preview with a 300-section plan open in the document window: a key
    typed into a field, until the preview has re-rendered (target <= 50 ms)
  * peak memory of the app with that plan open (target <= 150 MiB)
Each is measured in a fresh process on Qt's offscreen platform. Run with ``make bench``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 7

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(880, 640)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

REFORMKIT_START = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
QTimer.singleShot(0, app.quit)  # runs once the start screen is up and the loop is going
from desktop.app import run
run([])
"""

TYPING = """
import resource, statistics, sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
from desktop.app import open_settings
from desktop.launcher import document_kinds
from desktop.session import AppSession
from reformkit.catalogue.store import Catalogue
from reformkit.paths import AppPaths
path = Path({folder!r}) / "plan.reformkit"
paths = AppPaths.default()
catalogue = Catalogue.open(paths.library)
session = AppSession(catalogue, open_settings(paths.config), document_kinds(), paths)
session.open_document(path)
while not session.windows:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
window = session.windows[0]
window.resize(1400, 900)
section = window.project.document.sections[150]
item = next(i for i in section.items if i.type == "paragraph")
window.tree.select_part(item.id)
for _ in range(20):
    app.processEvents()
window.preview.render_now()
field = window.part_editor.form.form.widgets["text"].widget
field.setFocus()
field.moveCursor(field.textCursor().MoveOperation.End)
timings = []
for key in "abcdefghijklmnopqrst":
    loop = QEventLoop()
    window.preview.rendered.connect(loop.quit)
    QTimer.singleShot(2000, loop.quit)
    time.sleep(0.1)  # a pause between keystrokes, as a person types
    started = time.perf_counter()
    QTest.keyClick(field, key)
    loop.exec()
    timings.append((time.perf_counter() - started) * 1000)
    window.preview.rendered.disconnect(loop.quit)
assert item.fields["text"].endswith("abcdefghijklmnopqrst"), "the keystrokes did not land"
print(statistics.median(timings), max(timings),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
for w in list(session.windows):
    w.close()
"""


def seconds(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REFORMKIT_HOME": folder}
        seconds(REFORMKIT_START, env)  # first run creates the library; not counted
        ours, bare = [], []
        for _ in range(RUNS):
            ours.append(seconds(REFORMKIT_START, env))
            bare.append(seconds(BARE_WINDOW, env))
        start, reference = statistics.median(ours), statistics.median(bare)
        print(
            f"cold start to first window: ReformKit {start * 1000:.0f} ms, bare PySide6 "
            f"window {reference * 1000:.0f} ms, ratio {start / reference:.2f}x "
            f"(target <= 3x; median of {RUNS}, offscreen)"
        )
        sys.path.insert(0, str(HERE))
        from generated_plan import generated_plan

        from plans import PLAN
        from reformkit.document.project import Project

        Project.create_from(Path(folder) / "plan.reformkit", generated_plan(300), PLAN).close()
        output = subprocess.run(
            [sys.executable, "-c", TYPING.format(here=str(HERE), folder=folder)],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        median, worst, peak = (float(v) for v in output[-3:])
        print(
            f"keystroke to updated preview, 300-section plan in the document window: "
            f"median {median:.1f} ms, worst {worst:.1f} ms of 20 (target <= 50 ms)"
        )
        print(f"peak memory with the 300-section plan open: {peak:.0f} MiB (target <= 150 MiB)")


if __name__ == "__main__":
    main()
