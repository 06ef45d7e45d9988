"""What goes into the frozen ReformKit bundle and what is left out, and why.

``reformkit.spec`` applies these rules; ``tests/packaging`` checks them against the source tree
without running PyInstaller. Paths are bundle paths with ``/`` separators, such as
``PySide6/Qt/plugins/platforms/libqxcb.so``; the same rules serve Linux, Windows and macOS.

The app uses three Qt modules: QtCore, QtGui and QtWidgets (QtTest only in the tests). A
PySide6 wheel brings about fifty, and PyInstaller follows every plugin's libraries, so a bare
window bundles to about 180 MB. Everything below is what it takes to get under 100 MB.
"""

from __future__ import annotations

import re
import struct
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]

ENTRY = "build_scripts/entry.py"
NAME = "reformkit"  # the program and its folder: dist/reformkit/reformkit
WINDOWED_NAME = "ReformKit"  # Windows only: the same program without a console window

QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets")

# Modules imported in a way PyInstaller cannot follow (``__import__("…")``); none today, and
# a test keeps this list in step with the code.
HIDDEN_IMPORTS: tuple[str, ...] = ()

# The entry-point groups the app imports modules through (the kinds, and their desktop
# screens): the spec makes every module they name a hidden import.
ENTRY_POINT_GROUPS = ("reformkit.kinds", "reformkit.screens")

# Python modules that nothing in the app needs at run time. Each was checked: importing the
# app, opening a document window, loading every kind and screen, loading the workshop room and
# running the self-test never loads them (tests/packaging).
PYTHON_EXCLUDES = (
    # development and test tools
    "unittest",
    "doctest",
    "pdb",
    "pydoc",
    "pydoc_data",
    "test",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "jsonschema",
    "IPython",
    # other GUI toolkits and numeric libraries a dependency may offer to use
    "tkinter",
    "_tkinter",
    "numpy",
    "PIL",
    # terminals
    "readline",
    "curses",
    # the crypto behind connecting out: ReformKit never connects anywhere (the workshop room
    # only listens, over plain HTTP on the local network), and hashlib falls back to its
    # built-in hashes without OpenSSL (libssl and libcrypto, 5 MB). http.server stays:
    # Werkzeug imports it whenever the room is loaded.
    "ssl",
    "_ssl",
    "_hashlib",
    "xmlrpc",
    "asyncio",
    "multiprocessing",
    "concurrent.futures.process",
    # parts of lxml python-docx does not use (it uses lxml.etree only): 4 MB
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    "lxml.cssselect",
)

# Of those, the ones the app does load from source, which have a fallback when frozen.
EXCLUDED_WITH_FALLBACK = {
    "_hashlib": "hashlib uses its built-in SHA and MD5 instead of OpenSSL",
    "ssl": "Werkzeug's development server and http.client import it if present, else go without",
    "_ssl": "the same: only ssl imports it",
}

# Qt plugins by folder: the ones kept; a folder not listed is dropped whole.
QT_PLUGINS_KEPT = {
    # xcb and wayland are the Linux desktops; offscreen serves CI and the self-test's
    # neighbours; windows and cocoa are the other platforms' own.
    "platforms": ("xcb", "wayland", "offscreen", "windows", "cocoa", "direct2d"),
    # xdg-desktop-portal: file dialogs in sandboxes and on portal desktops. gtk3: native
    # file dialogs on GNOME, using the system's own GTK (see SYSTEM_LIBRARIES_LEFT_OUT).
    "platformthemes": ("xdgdesktopportal", "gtk3"),
    # typing accents and non-Latin scripts
    "platforminputcontexts": ("compose", "ibus"),
    # PNG and BMP are built into QtGui; documents may also hold JPEG and GIF pictures;
    # ICO for the Windows icon
    "imageformats": ("jpeg", "gif", "ico"),
    # Wayland's shells, and the plain window decoration (adwaita's needs QtSvg); windows
    # reach the compositor through shared memory, so no graphics integration (OpenGL)
    "wayland-shell-integration": ("*",),
    "wayland-decoration-client": ("bradient",),
    "styles": ("*",),  # macOS and Windows native styles
}
# Dropped with their folders: tls and networkinformation (QtNetwork), iconengines (SVG icons:
# the app draws none), xcbglintegrations, egldeviceintegrations and
# wayland-graphics-integration-client (OpenGL: the app paints with the raster engine),
# generic (touch and evdev input for embedded boards).

# Qt libraries only the dropped modules and plugins use. PyInstaller has already followed
# them by the time the spec filters, so they are removed by name; smoke_test.py then proves
# with ldd that nothing left in the bundle needs them.
QT_LIBRARIES_LEFT_OUT = (
    "Qt6Network",
    "Qt6Svg",
    "Qt6OpenGL",
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6Pdf",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "opengl32sw",  # Windows' 20 MB software OpenGL: the app does not use OpenGL
    "d3dcompiler",
)

# Libraries every Linux desktop has, and whose copy must be the desktop's own. libqgtk3
# loads the system's GTK, and GTK needs the GLib it was built with: an older GLib bundled
# here would be loaded first and the plugin would fail (PyInstaller's classic "undefined
# symbol" with GTK themes). The D-Bus client library belongs with the desktop's bus, and QtDBus
# opens it at run time. The PySide6 wheel itself expects all of these from the system, as
# does ``.ci/run``. Libraries only they needed are then pruned (see prune_orphans).
SYSTEM_LIBRARIES_LEFT_OUT = (
    "libglib-2",
    "libgobject-2",
    "libgio-2",
    "libgmodule-2",
    "libgthread-2",
    "libdbus-1",
    "libgtk-3",
    "libgdk-3",
    "libgdk_pixbuf-2",
    "libatk-1",
    "libatk-bridge-2",
    "libatspi",
    "libcairo",
    "libcairo-gobject",
    "libpango-1",
    "libpangocairo-1",
    "libpangoft2-1",
    "libharfbuzz",
    "libfribidi",
    "libthai",
    "libdatrie",
    "libgraphite2",
    "libpixman-1",
    "libepoxy",
)

# Of Qt's translations, none: ReformKit's own text is English, and Qt's (7 MB) would only
# translate the standard buttons of a dialog.
QT_TRANSLATIONS = re.compile(r"(^|/)PySide6/(Qt/)?translations/")

# python-docx's default template unpacked, for its developers (0.9 MB); its default.docx and
# the parts python-docx adds (header, footer, styles) stay. pyphen's hyphenation dictionaries
# but British English (6.2 MB of 84 languages): the plain-English check counts syllables in
# en_GB only, and PyInstaller's own pyphen hook collects every language.
DATA_LEFT_OUT = re.compile(
    r"(^|/)docx/templates/default-docx-template/"
    r"|(^|/)pyphen/dictionaries/(?!hyph_en_GB\.dic$)"
)

# The data the app reads at run time: all of resources/ but its Python files (every folder
# is bundled, so a new one, as plain_english/ was once, cannot be left out), and every other
# package's data as pyproject.toml declares it for the wheel, such as the workshop room's
# style sheet and script (read through importlib.resources).


def qt_excludes(pyside_dir: Path) -> list[str]:
    """Every PySide6 module installed, or stubbed, except the ones the app uses."""
    names = {
        path.name.split(".", 1)[0]
        for path in pyside_dir.iterdir()
        if path.name.startswith("Qt") and path.suffix in {".so", ".pyd", ".pyi"}
    }
    return sorted(f"PySide6.{name}" for name in names - set(QT_MODULES_USED))


def excludes(pyside_dir: Path) -> list[str]:
    return [*PYTHON_EXCLUDES, *qt_excludes(pyside_dir)]


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every data file of resources/ and of the
    other packages (see package_data)."""
    found = []
    for path in sorted((root / "resources").rglob("*")):
        code = path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts
        if path.is_file() and not code:
            found.append((str(path), str(path.parent.relative_to(root).as_posix())))
    for path in package_data(root):
        found.append((str(path), str(path.parent.relative_to(root).as_posix())))
    return found


def package_data(root: Path = ROOT) -> list[Path]:
    """The files ``[tool.setuptools.package-data]`` names for packages other than resources
    (whose every file datas() takes): the same files the wheel carries."""
    with (root / "pyproject.toml").open("rb") as file:
        declared = tomllib.load(file)["tool"]["setuptools"].get("package-data", {})
    found: set[Path] = set()
    for package, patterns in declared.items():
        if package == "resources":
            continue
        folder = root.joinpath(*package.split("."))
        for pattern in patterns:
            found |= {path for path in folder.glob(pattern) if path.is_file()}
    return sorted(found)


def plugin_kept(bundle_path: str) -> bool:
    """Whether a file under a Qt ``plugins`` folder stays; ``True`` for anything else."""
    parts = PurePosixPath(bundle_path.replace("\\", "/")).parts
    if "plugins" not in parts:
        return True
    at = parts.index("plugins")
    if len(parts) < at + 3 or parts[-2] != parts[at + 1]:
        return True  # not a plugin file directly in a plugin folder
    kept = QT_PLUGINS_KEPT.get(parts[at + 1], ())
    # ``compose`` matches libcomposeplatforminputcontextplugin.so
    return "*" in kept or plugin_name(parts[-1]).startswith(kept)


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` -> ``xcb``; ``qwindows.dll`` -> ``windows``; ``libqgtk3.so`` -> ``gtk3``."""
    return file_name.split(".", 1)[0].removeprefix("lib").removeprefix("q")


def keep(bundle_path: str) -> bool:
    """Whether a binary or data file PyInstaller collected belongs in the bundle."""
    path = bundle_path.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if QT_TRANSLATIONS.search(path) or DATA_LEFT_OUT.search(path):
        return False
    if any(library in name for library in QT_LIBRARIES_LEFT_OUT):
        return False
    if any(
        name.startswith((f"{library}.", f"{library}-")) for library in SYSTEM_LIBRARIES_LEFT_OUT
    ):
        return False
    return plugin_kept(path)


def split(entries: Iterable[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The entries of a PyInstaller TOC that stay, and the bundle paths of those dropped."""
    kept: list[tuple[str, str, str]] = []
    dropped: list[tuple[str, str, str]] = []
    for entry in entries:
        (kept if keep(entry[0]) else dropped).append(entry)
    return kept, [entry[0] for entry in dropped]


Entry = tuple[str, str, str]  # PyInstaller's (bundle path, source path, type)


def prune_orphans(
    binaries: Iterable[Entry], needs: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[str]]:
    """Drop the system libraries nothing left in the bundle needs any more.

    PyInstaller collects a library's dependencies before the rules above drop the library
    (Kerberos came with QtNetwork, libjpeg with the GTK stack), so they linger. The system
    libraries are the ones at the top of the bundle; everything else (Python's extensions,
    Qt's libraries and plugins, lxml) is needed by definition. ``needs(source)`` names the
    libraries a file links to.
    """
    entries = list(binaries)
    top = {e[0]: e for e in entries if "/" not in e[0] and not e[0].startswith("libpython")}
    wanted: set[str] = set()
    queue = [e for e in entries if e[0] not in top]
    while queue:
        for name in needs(queue.pop()[1]):
            if name in top and name not in wanted:
                wanted.add(name)
                queue.append(top[name])
    kept = [e for e in entries if e[0] not in top or e[0] in wanted]
    return kept, sorted(set(top) - wanted)


def needed(library: str | Path) -> list[str]:
    """The libraries an ELF file links to (its DT_NEEDED entries); [] for anything else."""
    try:
        blob = Path(library).read_bytes()
    except OSError:
        return []
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        return []  # not a 64-bit little-endian ELF file: PE and Mach-O are not pruned
    (shoff,) = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)
    ]
    names = []
    for section in sections:
        if section[1] != 6:  # SHT_DYNAMIC
            continue
        strings = sections[section[6]][4]
        for at in range(section[4], section[4] + section[5], 16):
            tag, value = struct.unpack_from("<qQ", blob, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.append(blob[start : blob.index(b"\0", start)].decode())
    return names
