"""The document kinds installed with ReformKit, found through Python entry points.

Each kind package names its :class:`DocumentSpec` in the ``reformkit.kinds`` group of its
``pyproject.toml``, the way pytest and napari find their plugins::

    [project.entry-points."reformkit.kinds"]
    charter = "charter:CHARTER"

The kernel and the desktop read kinds only from here, so a new kind is one new package and
one line in ``pyproject.toml``: nothing else changes.
"""

from __future__ import annotations

import logging
from importlib.metadata import EntryPoint, entry_points

from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.errors import ReformKitError

GROUP = "reformkit.kinds"

log = logging.getLogger(__name__)


class KindPluginError(ReformKitError):
    """An installed kind that cannot be loaded, or that is not what it claims to be."""


def kind_entry_points() -> list[EntryPoint]:
    """The registered kinds, sorted by name so the order is the same on every machine.

    Sorting puts "charter" before "plan": the order the start screen offers them in.
    """
    found = {point.name: point for point in entry_points(group=GROUP)}
    return [found[name] for name in sorted(found)]


def load_kind(point: EntryPoint) -> DocumentSpec:
    """The spec an entry point names, checked to be one."""
    try:
        loaded = point.load()
    except Exception as error:  # a broken plugin must not stop the program
        raise KindPluginError(
            f"The document kind '{point.name}' ({point.value}) could not be loaded: {error}. "
            "Reinstall ReformKit, or remove the package that adds this kind."
        ) from error
    spec = loaded() if callable(loaded) and not isinstance(loaded, DocumentSpec) else loaded
    if not isinstance(spec, DocumentSpec):
        raise KindPluginError(
            f"The document kind '{point.name}' ({point.value}) is not a document spec. "
            "Reinstall ReformKit, or remove the package that adds this kind."
        )
    if spec.kind != point.name:
        raise KindPluginError(
            f"The document kind registered as '{point.name}' calls itself '{spec.kind}'. "
            "The two names must match."
        )
    return spec


def load_kinds() -> DocumentKinds:
    """Every installed kind that loads; one that does not is logged and left out."""
    specs = []
    for point in kind_entry_points():
        try:
            specs.append(load_kind(point))
        except KindPluginError as error:
            log.error("%s", error)
    return DocumentKinds(specs)
