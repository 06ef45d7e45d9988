"""Can a window be shown here? Answered without importing Qt, which aborts when it cannot.

On Linux and the BSDs a window needs an X11 or Wayland display; on a server or over SSH there
is none, and Qt would stop the process with a message few people understand. On an X11
desktop Qt also needs some system libraries (see :mod:`desktop.system_libraries`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from desktop.system_libraries import Loader, can_load, libraries_problem

NO_DISPLAY_MESSAGE = (
    "ReformKit cannot open its window here: there is no screen to show it on "
    "(this looks like a server or an SSH session). Everything also works from the command "
    "line: run 'reformkit --help' to see how."
)

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    env = os.environ if environ is None else environ
    system = platform or sys.platform
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa in _HEADLESS_PLATFORMS:
        return True
    if system.startswith(("win", "darwin", "cygwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def window_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = can_load,
) -> str:
    """Why the app's window cannot open here, in words for the user; "" if it can."""
    if not has_display(environ, platform):
        return NO_DISPLAY_MESSAGE
    return libraries_problem(environ, platform, load)
