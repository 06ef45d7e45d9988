"""The frozen bundle's rules agree with the source tree. Fast: nothing here runs PyInstaller
(CI builds with ``make dist`` and checks the result with build_scripts/smoke_test.py)."""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import bundle_rules as rules  # noqa: E402
import icu_trim  # noqa: E402

PYSIDE = Path(__import__("PySide6").__file__).resolve().parent


def test_the_qt_modules_kept_are_the_ones_the_app_imports() -> None:
    imported = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported == set(rules.QT_MODULES_USED)


def test_every_other_qt_module_is_excluded() -> None:
    excluded = rules.qt_excludes(PYSIDE)
    for used in rules.QT_MODULES_USED:
        assert f"PySide6.{used}" not in excluded
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtSvg", "QtOpenGL", "QtDBus", "QtTest"):
        assert f"PySide6.{unused}" in excluded
    for name in ("QtWebEngineCore", "QtMultimedia", "QtPdf", "QtCharts", "Qt3DCore"):
        assert f"PySide6.{name}" in excluded  # stubs only in PySide6-Essentials, still named


def test_nothing_excluded_is_loaded_by_the_app_or_the_self_test() -> None:
    script = (
        "import io, sys\n"
        "from importlib.metadata import entry_points\n"
        "import desktop.app, desktop.document_window, desktop.main_window\n"
        "import workshop.cli, workshop.room.room\n"
        "for group in ('reformkit.kinds', 'reformkit.screens'):\n"
        "    for point in entry_points(group=group):\n"
        "        point.load()\n"
        "from desktop.launcher import document_kinds\n"
        "from reformkit.selftest import run_self_test\n"
        "assert run_self_test(io.StringIO(), document_kinds) == 0\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    excludes = [name for name in rules.excludes(PYSIDE) if name not in rules.EXCLUDED_WITH_FALLBACK]
    clashes = sorted(
        module
        for module in loaded
        for excluded in excludes
        if module == excluded or module.startswith(f"{excluded}.")
    )
    assert clashes == []


def test_every_entry_point_group_is_followed() -> None:
    """The spec hidden-imports the modules of these groups; a group pyproject.toml adds
    (other than the command itself) would otherwise leave its modules out of the bundle."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        groups = set(tomllib.load(file)["project"]["entry-points"])
    assert groups == set(rules.ENTRY_POINT_GROUPS)
    from desktop.screens import GROUP as SCREENS
    from reformkit.document.registry import GROUP as KINDS

    assert {KINDS, SCREENS} <= set(rules.ENTRY_POINT_GROUPS)
    spec = (ROOT / "build_scripts" / "reformkit.spec").read_text(encoding="utf-8")
    assert "rules.ENTRY_POINT_GROUPS" in spec and 'copy_metadata("reformkit")' in spec


def test_the_packages_data_is_bundled() -> None:
    """The workshop room's style sheet and script, which it reads through importlib.resources,
    go where the frozen importer looks: beside the package's modules."""
    bundled = {
        Path(source).relative_to(ROOT).as_posix(): folder for source, folder in rules.datas()
    }
    static = ROOT / "workshop" / "room" / "static"
    on_disk = [path for path in static.iterdir() if path.suffix in {".css", ".js"}]
    assert on_disk
    for path in on_disk:
        assert bundled[path.relative_to(ROOT).as_posix()] == "workshop/room/static"
    from workshop.room.app import STATIC

    assert {f"workshop/room/static/{name}" for name in STATIC} <= set(bundled)
    assert not any(name.endswith(".py") for name in bundled)


def test_package_data_follows_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "assets").mkdir(parents=True)
    (tmp_path / "pkg" / "assets" / "a.css").write_text("a", encoding="utf-8")
    (tmp_path / "pkg" / "assets" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "resources").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.setuptools.package-data]\nresources = ["**/*.txt"]\npkg = ["assets/*.css"]\n',
        encoding="utf-8",
    )
    assert rules.package_data(tmp_path) == [tmp_path / "pkg" / "assets" / "a.css"]


def test_imports_pyinstaller_cannot_see_are_hidden_imports() -> None:
    dynamic = set()
    for path in [*(ROOT / "reformkit").rglob("*.py"), *(ROOT / "desktop").rglob("*.py")]:
        dynamic |= set(re.findall(r"__import__\(\"([\w.]+)\"", path.read_text(encoding="utf-8")))
    assert dynamic <= set(rules.HIDDEN_IMPORTS)


def test_every_resource_file_is_bundled() -> None:
    bundled = {Path(source).relative_to(ROOT).as_posix() for source, _ in rules.datas(ROOT)}
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    packages = {path.relative_to(ROOT).as_posix() for path in rules.package_data(ROOT)}
    assert bundled == on_disk | packages
    for needed in (
        "resources/samples/workshop.json",
        "resources/catalogue/recommendations.toml",
        "resources/briefing/the-reform-dividend.txt",
        "resources/schema/reformkit-document-v1.schema.json",
        "resources/samples/respect-charter.json",
        "resources/templates/reformkit.docx",
        "resources/icons/reformkit-256.png",
    ):
        assert needed in bundled
    for source, folder in rules.datas(ROOT):
        assert Path(source).parent.relative_to(ROOT).as_posix() == folder


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqgif.so", True),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
        ("PySide6/Qt/plugins/imageformats/libqicns.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libbradient.so", True),
        ("PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_de.qm", False),
        ("libcairo.so.2", False),
        ("libcairo-gobject.so.2", False),
        ("libglib-2.0.so.0", False),
        ("libdbus-1.so.3", False),
        ("libxcb-cursor.so.0", True),
        ("libsqlite3.so.0", True),
        ("docx/templates/default-docx-template/word/styles.xml", False),
        ("docx/templates/default.docx", True),
        ("docx/templates/default-header.xml", True),
        ("resources/catalogue/recommendations.toml", True),
        ("pyphen/dictionaries/hyph_en_GB.dic", True),
        ("pyphen/dictionaries/hyph_en_US.dic", False),
        ("pyphen/dictionaries/hyph_de_DE.dic", False),
        ("pyphen\\dictionaries\\hyph_fr.dic", False),
        ("workshop/room/static/room.css", True),
    ],
)
def test_what_stays_in_the_bundle(path: str, kept: bool) -> None:
    assert rules.keep(path) is kept


def test_orphaned_system_libraries_are_pruned() -> None:
    links = {
        "/src/QtCore.so": ["libQt6Core.so.6", "libc.so.6"],
        "/src/libQt6Core.so.6": ["libzstd.so.1", "libstdc++.so.6"],
        "/src/libzstd.so.1": [],
        "/src/libstdc++.so.6": ["libgcc_s.so.1"],
        "/src/libgcc_s.so.1": [],
        "/src/libkrb5.so.3": ["libk5crypto.so.3"],
        "/src/libk5crypto.so.3": [],
        "/src/libpython3.11.so.1.0": [],
    }
    binaries = [
        ("PySide6/QtCore.so", "/src/QtCore.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libzstd.so.1", "/src/libzstd.so.1", "BINARY"),
        ("libstdc++.so.6", "/src/libstdc++.so.6", "BINARY"),
        ("libgcc_s.so.1", "/src/libgcc_s.so.1", "BINARY"),
        ("libkrb5.so.3", "/src/libkrb5.so.3", "BINARY"),
        ("libk5crypto.so.3", "/src/libk5crypto.so.3", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept, dropped = rules.prune_orphans(binaries, lambda source: links[source])
    assert dropped == ["libk5crypto.so.3", "libkrb5.so.3"]
    assert [entry[0] for entry in kept] == [
        "PySide6/QtCore.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libzstd.so.1",
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libpython3.11.so.1.0",
    ]


def test_needed_reads_an_elf_files_links() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF only")
    core = PYSIDE / "QtCore.abi3.so"
    assert any(name.startswith("libQt6Core.so") for name in rules.needed(core))
    assert rules.needed(ROOT / "pyproject.toml") == []


def test_the_spec_builds_one_folder_with_a_console_program() -> None:
    spec = (ROOT / "build_scripts" / "reformkit.spec").read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec  # one folder
    assert "a.binaries," not in spec.split("EXE(", 1)[1].split(")", 1)[0]  # not one file
    assert "console=True" in spec
    assert "rth_qt_plugins.py" in spec and '"pyi_rth_pyside6"' in spec
    entry = (ROOT / rules.ENTRY).read_text(encoding="utf-8")
    assert "from desktop.launcher import main" in entry


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/root.res", True),
        ("icudt73l/en.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/en_001.res", True),
        ("icudt73l/fr.res", False),
        ("icudt73l/zh_Hant_TW.res", False),
        ("icudt73l/pool.res", True),
        ("icudt73l/res_index.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/zone/de.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/brkitr/word.brk", True),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/ibm-1390_P110-2003.cnv", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/nfkc.nrm", True),
    ],
)
def test_which_icu_data_stays(name: str, kept: bool) -> None:
    assert icu_trim.kept(name) is kept


def _package(items: list[icu_trim.Item]) -> bytes:
    header = bytearray(32)
    struct.pack_into("<H", header, 0, 32)
    header[2:4] = b"\xda\x27"
    header[12:16] = b"CmnD"
    return icu_trim.build(bytes(header), items)


def test_an_icu_package_survives_a_round_trip() -> None:
    items = [
        icu_trim.Item("icudt73l/a.res", b"first item"),
        icu_trim.Item("icudt73l/coll/b.res", bytes(range(40))),
        icu_trim.Item("icudt73l/zz.cnv", b"x"),
    ]
    package = _package(items)
    header, parsed = icu_trim.parse(package)
    assert header == package[:32]
    # Each item is padded to 16 bytes, as ICU aligns them; the data itself is unchanged.
    assert [item.name for item in parsed] == [item.name for item in items]
    for original, read in zip(items, parsed, strict=True):
        assert read.data[: len(original.data)] == original.data
        assert not any(read.data[len(original.data) :])


def test_the_real_icu_data_parses() -> None:
    library = next((PYSIDE / "Qt" / "lib").glob("libicudata.so.*"), None)
    if library is None:
        pytest.skip("this PySide6 has no bundled ICU (not Linux)")
    symbol, package = icu_trim.read_symbol(library)
    assert re.fullmatch(r"icudt\d+_dat", symbol)
    _, items = icu_trim.parse(package)
    names = [item.name for item in items]
    assert names == sorted(names) and len(names) > 1000
    kept = [item for item in items if icu_trim.kept(item.name)]
    assert sum(len(item.data) for item in kept) < 12_000_000
    assert any(item.name.endswith("/coll/ucadata.icu") for item in kept)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icons_are_square_pngs_of_each_size() -> None:
    for size in (16, 32, 48, 64, 128, 256):
        assert _png_size(ROOT / "resources" / "icons" / f"reformkit-{size}.png") == (size, size)
    assert (ROOT / "resources" / "icons" / "reformkit.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_the_linux_desktop_entry_and_mime_type() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "resources" / "linux" / "reformkit.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "ReformKit"
    assert desktop["Exec"] == "reformkit %F" and desktop["Icon"] == "reformkit"
    assert desktop["Terminal"] == "false"
    assert "Office" in desktop["Categories"].split(";")
    assert "application/x-reformkit" in desktop["MimeType"].split(";")
    mime = ElementTree.parse(ROOT / "resources" / "linux" / "reformkit-mime.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{ns}mime-type")
    assert kind is not None and kind.get("type") == "application/x-reformkit"
    assert [glob.get("pattern") for glob in kind.iter(f"{ns}glob")] == ["*.reformkit"]
