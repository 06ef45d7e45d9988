"""The system libraries Qt needs to open a window on an X11 desktop, checked before Qt starts.

The PySide6 wheel brings Qt, but Qt's X11 ("xcb") plugin uses libraries of the system. A new
Debian or Ubuntu desktop often lacks some (``libxcb-cursor0`` above all), and Qt then stops
the program with "xcb-cursor0 or libxcb-cursor0 is needed". So before importing Qt we try to
load each one by name, and if any is missing say which, and the one command that installs
them. The list is what ``ldd`` shows for PySide6's ``plugins/platforms/libqxcb.so`` and the
Qt libraries it loads, less what every Linux system has (the C library, libstdc++, zlib...).
This module imports no Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable, Mapping

# Each library the xcb plugin loads, by its file name (soname), and the Debian and Ubuntu
# package it comes in.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

Loader = Callable[[str], bool]  # can the library of this file name be loaded?


def can_load(soname: str) -> bool:
    """Whether the system's dynamic loader finds and loads ``soname``, as Qt's would."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will draw through X11: Linux, a DISPLAY, and no other platform chosen."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    return chosen in ("", "xcb")


def missing_libraries(load: Loader = can_load) -> list[str]:
    """The file names of the libraries that cannot be loaded, in the order of the list."""
    return [soname for soname in XCB_LIBRARIES if not load(soname)]


def install_command(sonames: Iterable[str]) -> str:
    """The one Debian or Ubuntu command that installs the packages of these libraries."""
    packages = dict.fromkeys(XCB_LIBRARIES[soname] for soname in sonames)
    return "sudo apt install " + " ".join(packages)


def missing_libraries_message(sonames: list[str]) -> str:
    lines = [
        "ReformKit cannot open its window: this computer lacks "
        + ("a system library" if len(sonames) == 1 else f"{len(sonames)} system libraries")
        + " that Qt needs to show windows on this desktop:",
        *(f"  {soname} (package {XCB_LIBRARIES[soname]})" for soname in sonames),
        "On Debian or Ubuntu, install "
        + ("it" if len(sonames) == 1 else "them")
        + " with this one command, then start ReformKit again:",
        f"  {install_command(sonames)}",
        "On other Linux systems, install the packages that provide these files.",
    ]
    return "\n".join(lines)


def libraries_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = can_load,
) -> str:
    """What to tell the user before Qt would abort for want of a library; "" if nothing."""
    if not uses_xcb(environ, platform):
        return ""
    missing = missing_libraries(load)
    return missing_libraries_message(missing) if missing else ""
