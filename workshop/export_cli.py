"""``reformkit workshop export FILE -o OUT``: the workshop record on its own, as a Word
document, Markdown or PDF, from a workshop record or from the charter or plan holding one.

``workshop/cli.py`` calls :func:`add_export_command` with the ``workshop`` verbs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FORMATS = ("docx", "md", "pdf")


def add_export_command(verbs: Any) -> None:
    """Add ``export`` to ``reformkit workshop``'s verbs."""
    export = verbs.add_parser(
        "export",
        help="write the workshop record on its own: a Word document, Markdown or PDF",
    )
    export.add_argument(
        "file", type=Path, help="a workshop record, or a charter or plan that holds one"
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="docx (Word), md (Markdown) or pdf (default: from the OUT file's ending)",
    )
    export.set_defaults(handler=export_record_file, inputs={"file": "a ReformKit document"})


def export_record_file(args: argparse.Namespace) -> int:
    from reformkit.cli.catalogue_commands import open_catalogue
    from reformkit.document.project import Project
    from reformkit.export.formats import format_for_path
    from reformkit.export.safe_write import ExportError
    from workshop.record_export import export_record

    guessed = format_for_path(args.output)
    fmt = args.format or (guessed.key if guessed and guessed.key in FORMATS else None)
    if fmt is None:
        raise ExportError(
            "Say which format with --format docx, md or pdf, or end the output file name "
            "in .docx, .md or .pdf."
        )
    kinds = args.load_kinds()
    with (
        Project.open(args.file, kinds, read_only=True) as project,
        open_catalogue(args) as catalogue,
    ):
        result = export_record(
            project.document,
            kinds,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
            fmt,
            args.output,
            source=args.file,
        )
    for warning in result.warnings:
        print(f"reformkit: note: {warning}", file=sys.stderr)
    print(f"Exported the workshop record in {args.file} to {result.path}.")
    return 0
