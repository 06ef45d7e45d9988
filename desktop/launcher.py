"""The ``reformkit`` command: the desktop app with no arguments, the command line otherwise.

This module imports no Qt itself, so command-line use starts fast and works on a server.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reformkit.document.spec import DocumentKinds


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not opens_the_app(args):
        from reformkit.cli import main as cli_main

        return cli_main(args, load_kinds=document_kinds)
    from desktop.display import window_problem

    if problem := window_problem():  # no screen, or system libraries Qt needs are missing
        print(problem, file=sys.stderr)
        return 2
    from desktop.app import run

    return run(args)


def opens_the_app(args: list[str]) -> bool:
    """No command, only ``--library PATH``, or documents to open (``plan.reformkit``)."""
    rest = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--library":
            skip = True
        elif not arg.startswith("--library="):
            rest.append(arg)
    return all(arg.lower().endswith(".reformkit") for arg in rest)


def document_kinds() -> DocumentKinds:
    """The kinds of document installed: every package in the ``reformkit.kinds`` group."""
    from reformkit.document.registry import load_kinds

    return load_kinds()
