"""No attribute of ours may hide a Qt method or property.

`self.actions = {}` on a QWidget hides `QWidget.actions()`; any Qt code (or a later
helper) that calls `window.actions()` then gets a dict and fails far from the cause.
This test reads every module in desktop/ with `ast`, collects the instance attributes
each class assigns in its methods (`self.name = ...`), and checks them against the
names its Qt base classes define (`dir()` of every PySide6 class in its MRO).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _module_name(path: Path) -> str:
    parts = path.relative_to(DESKTOP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _self_attributes(node: ast.ClassDef) -> set[str]:
    """Names the class body assigns, and those its own methods assign as `self.<name>`."""
    names: set[str] = set()
    for item in node.body:
        if isinstance(item, ast.Assign | ast.AnnAssign):  # class-level: signals, defaults
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if not item.args.args:
            continue
        me = item.args.args[0].arg
        for sub in ast.walk(item):
            targets: list[ast.expr] = []
            if isinstance(sub, ast.Assign):
                targets = list(sub.targets)
            elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
                targets = [sub.target]
            for target in targets:
                for leaf in ast.walk(target):
                    if (
                        isinstance(leaf, ast.Attribute)
                        and isinstance(leaf.value, ast.Name)
                        and leaf.value.id == me
                        and isinstance(leaf.ctx, ast.Store)
                    ):
                        names.add(leaf.attr)
    return names


def _is_qt(cls: type) -> bool:
    """QObject subclasses, and Qt value classes such as QStandardItem or QTreeWidgetItem."""
    return issubclass(cls, QObject) or any(
        base.__module__.startswith("PySide6") for base in inspect.getmro(cls)
    )


def _qt_names(cls: type) -> set[str]:
    names: set[str] = set()
    for base in inspect.getmro(cls):
        if base.__module__.startswith(("PySide6", "shiboken6")):
            names.update(dir(base))
    return {name for name in names if not name.startswith("__")}


def find_shadowing() -> set[tuple[str, str]]:
    """Every (module.Class, attribute) pair where an attribute hides a Qt name."""
    found: set[tuple[str, str]] = set()
    for path in sorted(DESKTOP.rglob("*.py")):
        if path.name == "__main__.py":  # importing it would start the app
            continue
        module_name = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = importlib.import_module(module_name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not (inspect.isclass(cls) and _is_qt(cls)):
                continue
            for name in _self_attributes(node) & _qt_names(cls):
                found.add((f"{module_name}.{node.name}", name))
    return found


def test_the_check_finds_a_shadowing_attribute() -> None:
    source = (
        "class W:\n"
        "    font = 1\n"
        "    def __init__(me):\n"
        "        me.actions = {}\n"
        "        me._scroll = me.title = 1\n"
        "        other.layout = 2\n"
    )
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.ClassDef)
    assert _self_attributes(node) & _qt_names(QWidget) == {"font", "actions"}


def test_no_attribute_hides_a_qt_name() -> None:
    assert find_shadowing() == set()
