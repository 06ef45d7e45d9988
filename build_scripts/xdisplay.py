"""A private X display for driving the real app: Xvfb, xdotool and ImageMagick's ``import``.

Used by ``drive_app.py``. Everything here polls the display (for a window, for the screen to
stop changing) instead of sleeping a fixed time, and every wait ends in a clear
``StageError`` rather than hanging. There is no window manager, so keyboard focus is given
to a window explicitly (``xdotool windowfocus``) before typing into it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

POLL = 0.1  # seconds between looks at the display
KEY_DELAY_MS = 12  # between typed characters, like a fast typist


class StageError(RuntimeError):
    """A stage of the run did not do what it should; the message says what and where."""


def wait_for(
    what: str, check: Callable[[], object], timeout: float, alive: Callable[[], None]
) -> object:
    """Poll ``check`` until it returns something true; ``alive`` raises if the app died."""
    deadline = time.monotonic() + timeout
    while True:
        alive()
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise StageError(f"Gave up after {timeout:.0f} s waiting for {what}.")
        time.sleep(POLL)


class XDisplay:
    """An Xvfb server on a free display number, stopped by ``close`` (or ``with``)."""

    def __init__(self, width: int, height: int, depth: int = 24):
        self.size = (width, height)
        read_end, write_end = os.pipe()
        # -displayfd: Xvfb picks a free display number itself and writes it to the pipe.
        self.server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x{depth}",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.close()
            raise StageError("Xvfb did not start (is it installed?).")
        self.name = f":{number}"

    def __enter__(self) -> XDisplay:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        stop(self.server)

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.name}

    def run(self, *args: str, check: bool = True) -> str:
        """Run an X client (xdotool, import) on this display; its standard output."""
        done = subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=60, check=False
        )
        if check and done.returncode != 0:
            raise StageError(f"{' '.join(args[:2])} failed: {done.stderr.strip()}")
        return done.stdout

    # Windows.
    def windows(self, pattern: str) -> list[str]:
        """Visible windows whose title matches the regular expression ``pattern``."""
        out = self.run("xdotool", "search", "--onlyvisible", "--name", pattern, check=False)
        return out.split()

    def title(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window, check=False).strip()

    def all_titles(self) -> list[str]:
        return [self.title(w) for w in self.windows(".")]

    def focus(self, window: str) -> None:
        """Give ``window`` the keyboard (no window manager does it for us)."""
        self.run("xdotool", "windowfocus", "--sync", window)

    # Input.
    def key(self, *keys: str) -> None:
        for key in keys:
            self.run("xdotool", "key", "--clearmodifiers", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", str(KEY_DELAY_MS), "--", text)

    # Pictures.
    def grab(self) -> bytes:
        """The whole screen's pixels, for telling whether anything still moves."""
        return subprocess.run(
            ["import", "-window", "root", "-depth", "8", "rgb:-"],
            env=self.env,
            capture_output=True,
            timeout=60,
            check=True,
        ).stdout

    def settle(self, alive: Callable[[], None], timeout: float = 15.0) -> None:
        """Wait until the screen stops changing, all but a blinking text cursor."""
        row = self.size[0] * 3
        previous = self.grab()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.25)
            alive()
            current = self.grab()
            if _changed_rows(previous, current, row) <= 40:  # a cursor is ~20 rows tall
                return
            previous = current
        # Still moving (a busy indicator, say): take the picture anyway.

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-window", "root", str(path))
        return path


def _changed_rows(before: bytes, after: bytes, row: int) -> int:
    """How many screen rows lie between the first and last changed pixel (0: identical)."""
    if before == after:
        return 0
    if len(before) != len(after):
        return len(after) // row
    first = _common_prefix(before, after)
    last = len(after) - _common_prefix(before[::-1], after[::-1])
    return (last - first) // row + 1


def _common_prefix(a: bytes, b: bytes) -> int:
    """Length of the common start of two equal-length byte strings, by halving (C speed)."""
    low, high = 0, len(a)
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str] | None) -> None:
    """End ``process`` and everything it started (its own session), politely then firmly."""
    if process is None or process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def app_environment(display: XDisplay, home: Path, extra: Mapping[str, str]) -> dict[str, str]:
    """The app's environment: this display, xcb, a throwaway ReformKit home."""
    env = {**display.env, "QT_QPA_PLATFORM": "xcb", "REFORMKIT_HOME": str(home), **extra}
    for name in ("WAYLAND_DISPLAY", "QT_SCALE_FACTOR"):
        if name not in extra:
            env.pop(name, None)
    return env
