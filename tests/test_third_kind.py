"""A third kind of document, registered from the test tree, works end to end.

``tests/kinds`` holds a package (``notebook_kind``) and its distribution metadata, whose
entry point puts it in the ``reformkit.kinds`` group, as installing a package would. With
that folder on the path, the command line makes, imports, dumps, covers and exports a team
experiment log, though nothing outside ``tests/kinds`` names it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KINDS = ROOT / "tests" / "kinds"
SAMPLE = KINDS / "notebook_kind" / "sample.json"


def reformkit(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(KINDS), str(ROOT)]),
        "REFORMKIT_HOME": str(home),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_the_kind_is_listed(home: Path) -> None:
    result = reformkit("kinds", home=home)
    assert result.returncode == 0, result.stderr
    assert "notebook  Team experiment log" in result.stdout


def test_new_makes_every_part(tmp_path: Path, home: Path) -> None:
    target = tmp_path / "log.reformkit"
    result = reformkit("new", "notebook", str(target), "--title", "Our log", home=home)
    assert result.returncode == 0, result.stderr
    assert "a Team experiment log with 3 sections" in result.stdout
    dumped = json.loads(reformkit("dump", str(target), home=home).stdout)
    assert dumped["kind"] == "notebook"
    assert [s["key"] for s in dumped["sections"]] == ["team", "ideas", "experiments"]


def test_import_dump_coverage_and_export(tmp_path: Path, home: Path) -> None:
    target = tmp_path / "sample.reformkit"
    result = reformkit("import", str(SAMPLE), "-o", str(target), home=home)
    assert result.returncode == 0, result.stderr

    dumped = json.loads(reformkit("dump", str(target), home=home).stdout)
    original = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert dumped["sections"] == original["sections"]

    coverage = json.loads(reformkit("coverage", str(target), "--json", home=home).stdout)
    rows = {row["id"]: row for row in coverage}
    assert rows["R18"]["status"] == "answered"

    for fmt in ("md", "html", "docx"):
        out = tmp_path / f"log.{fmt}"
        result = reformkit("export", str(target), "-o", str(out), "--format", fmt, home=home)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    markdown = (tmp_path / "log.md").read_text(encoding="utf-8")
    assert "This is the experiment log of Westgate Library front desk" in markdown
    assert "Quiet hour on Tuesday mornings" in markdown


def test_without_the_kind_its_file_is_refused_plainly(tmp_path: Path) -> None:
    target = tmp_path / "sample.reformkit"
    assert reformkit("import", str(SAMPLE), "-o", str(target), home=tmp_path).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REFORMKIT_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "dump", str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "notebook" in result.stderr and "Traceback" not in result.stderr
