"""The kind rule, as an import-linter contract: no kind's name outside its own package.

The kernel and the desktop reach document kinds only through the registry; a ``"plan"`` or
``"charter"`` string in them means kind knowledge has leaked out of the kind's package. The
forbidden contract in ``pyproject.toml`` catches imports of a kind package; this one catches
the names, which no import graph shows.

The names are the ``reformkit.kinds`` entry points' (and any given as ``also_forbid``); the
modules scanned are every module of ``source_modules`` in the import graph. A kind's own
package under a scanned root (``desktop/workshop/``, the workshop's screens) belongs to the
kind: it may name that kind, and no other.
"""

from __future__ import annotations

import ast
import importlib.util
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

GROUP = "reformkit.kinds"


def kind_names() -> set[str]:
    return {point.name for point in entry_points(group=GROUP)}


def module_path(module: str) -> Path | None:
    """The source file of ``module``, found without importing it."""
    top, _, rest = module.partition(".")
    spec = importlib.util.find_spec(top)
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(next(iter(spec.submodule_search_locations)))
    if rest:
        base = base.joinpath(*rest.split("."))
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None
    return base / "__init__.py"


def named_kinds(source: str, names: set[str]) -> list[tuple[int, str]]:
    """Each string constant in ``source`` that is exactly a kind's name, with its line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if node.value.strip().lower() in names:
            found.append((node.lineno, node.value))
    return sorted(found)


def in_own_package(module: str, kind: str, roots: list[str]) -> bool:
    """Whether ``module`` is in the kind's own package under a root: ``desktop.workshop.x``
    for the kind "workshop"."""
    return any(module == f"{r}.{kind}" or module.startswith(f"{r}.{kind}.") for r in roots)


class KindNamesContract(Contract):
    """Modules in ``source_modules`` name no document kind."""

    type_name = "kind names"
    source_modules = fields.ListField(subfield=fields.StringField())
    also_forbid = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        options = vars(self)  # the fields' parsed values, set by Contract.__init__
        names = kind_names() | {str(n).lower() for n in options.get("also_forbid") or []}
        roots = [str(m) for m in options["source_modules"]]
        found: list[dict[str, Any]] = []
        for module in sorted(graph.modules):
            if not any(module == root or module.startswith(f"{root}.") for root in roots):
                continue
            path = module_path(module)
            if path is None:
                continue
            for line, value in named_kinds(path.read_text(encoding="utf-8"), names):
                if not in_own_package(module, value.strip().lower(), roots):
                    found.append({"module": module, "line": line, "value": value})
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for hit in check.metadata["found"]:
            output.print_error(
                f"{hit['module']}:{hit['line']} names the kind {hit['value']!r}; "
                "read it from the kinds registry instead.",
                bold=False,
            )
        output.new_line()
