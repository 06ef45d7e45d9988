"""The layer rule is enforced: import-linter fails when Qt is imported outside desktop/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("resources", "reformkit", "charter", "plans", "desktop")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(command), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_contracts_hold_on_the_real_tree(tree: Path) -> None:
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", ["reformkit", "charter", "plans", "resources"])
def test_qt_outside_desktop_breaks_the_contract(tree: Path, package: str) -> None:
    (tree / package / "sneaky.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and f"{package}.sneaky" in result.stdout


def test_kernel_importing_desktop_breaks_the_contract(tree: Path) -> None:
    (tree / "reformkit" / "sneaky.py").write_text("import desktop.launcher\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0 and "BROKEN" in result.stdout
