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
    if args and not _only_library_option(args):
        from reformkit.cli import main as cli_main

        return cli_main(args, load_kinds=document_kinds)
    from desktop.display import NO_DISPLAY_MESSAGE, has_display

    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from desktop.app import run

    return run(args)


def document_kinds() -> DocumentKinds:
    """The kinds of document this program makes: a Respect Charter and a Local Reform Plan."""
    from charter import CHARTER
    from plans import PLAN
    from reformkit.document.spec import DocumentKinds

    return DocumentKinds([CHARTER, PLAN])


def _only_library_option(args: list[str]) -> bool:
    """``reformkit --library PATH`` opens the app on that library."""
    return (len(args) == 2 and args[0] == "--library") or (
        len(args) == 1 and args[0].startswith("--library=")
    )
