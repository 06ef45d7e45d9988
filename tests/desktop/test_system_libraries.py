"""Before Qt starts on an X11 desktop: each missing system library named, with the one
command that installs them all, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.display import NO_DISPLAY_MESSAGE, window_problem
from desktop.system_libraries import (
    XCB_LIBRARIES,
    Loader,
    can_load,
    install_command,
    libraries_problem,
    missing_libraries,
    uses_xcb,
)

X11 = {"DISPLAY": ":0"}


def _without(*missing: str) -> Loader:
    """A fake loader: every library loads except ``missing``."""
    return lambda soname: soname not in missing


def test_missing_libraries_are_named_with_their_packages_and_one_command() -> None:
    message = libraries_problem(X11, "linux", _without("libxcb-cursor.so.0", "libxcb-icccm.so.4"))
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in message
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in message
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4\n" in message + "\n"
    assert message.count("sudo apt install") == 1
    assert "libxcb-randr" not in message  # only what is missing


def test_one_missing_library() -> None:
    message = libraries_problem(X11, "linux", _without("libxcb-cursor.so.0"))
    assert "lacks a system library" in message
    assert message.splitlines()[-2].strip() == "sudo apt install libxcb-cursor0"


def test_nothing_to_say_when_every_library_loads() -> None:
    assert libraries_problem(X11, "linux", _without()) == ""
    assert missing_libraries(_without()) == []


def test_a_package_with_two_libraries_is_installed_once() -> None:
    assert install_command(["libGL.so.1", "libEGL.so.1", "libGL.so.1"]) == (
        "sudo apt install libgl1 libegl1"
    )


@pytest.mark.parametrize(
    ("environ", "platform", "checked"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_checked_only_where_qt_will_use_x11(
    environ: dict[str, str], platform: str, checked: bool
) -> None:
    everything_missing = _without(*XCB_LIBRARIES)
    assert bool(libraries_problem(environ, platform, everything_missing)) == checked
    assert uses_xcb(environ, platform) == checked


def test_the_window_problem_says_no_screen_before_libraries() -> None:
    assert window_problem({}, "linux", _without("libxcb-cursor.so.0")) == NO_DISPLAY_MESSAGE
    assert "libxcb-cursor0" in window_problem(X11, "linux", _without("libxcb-cursor.so.0"))
    assert window_problem(X11, "linux", _without()) == ""


def test_the_real_loader() -> None:
    assert not can_load("libreformkit-no-such-library.so.9")
    if sys.platform.startswith("linux"):
        assert can_load("libc.so.6")


def test_every_library_has_a_debian_package() -> None:
    assert all(package and " " not in package for package in XCB_LIBRARIES.values())
    assert "libxcb-cursor.so.0" in XCB_LIBRARIES  # the one a fresh desktop lacks most often


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are Linux's")
def test_the_app_stops_before_qt_naming_the_library(tmp_path: Path) -> None:
    """``reformkit`` on an X11 desktop with a library missing: a plain message and code 2,
    and Qt never loaded (the real loader; the missing library is one no system has)."""
    probe = (
        "import sys; from desktop import system_libraries as s; "
        "s.XCB_LIBRARIES['libreformkit-absent.so.1'] = 'reformkit-absent'; "
        "from desktop.launcher import main; code = main([]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'; "
        "sys.exit(code)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env.update(DISPLAY=":99", REFORMKIT_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "libreformkit-absent.so.1 (package reformkit-absent)" in result.stderr
    assert "sudo apt install reformkit-absent" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_readme_and_ci_install_every_package() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8").replace("\\\n ", "")
    assert install_command(XCB_LIBRARIES) in " ".join(readme.split())
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").split()
    assert not [package for package in XCB_LIBRARIES.values() if package not in ci]
