"""``reformkit kinds | new | import | dump | coverage | versions | snapshot | diff | export``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reformkit.document.project import Project
    from reformkit.document.spec import DocumentKinds

# What each path argument should be, for the message when it is not an ordinary file
# (checked by reformkit.cli.main.check_inputs before any command reads it).
DOCUMENT = "a ReformKit document"
JSON_DOC = "a JSON document"


def add_parsers(commands: Any) -> None:
    kinds = commands.add_parser("kinds", help="list the kinds of document you can start")
    kinds.set_defaults(handler=list_kinds)

    new = commands.add_parser("new", help="start a new document file")
    new.add_argument("kind", help="the kind of document to start (reformkit kinds lists them)")
    new.add_argument("file", type=Path)
    new.add_argument("--title", required=True)
    new.add_argument("--organisation", default="")
    new.add_argument("--author", action="append", default=[], help="repeat for each author")
    new.set_defaults(handler=new_document)

    imported = commands.add_parser("import", help="make a document file from a JSON document")
    imported.add_argument("json_file", type=Path, metavar="DOC.json")
    imported.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    imported.add_argument("--force", action="store_true", help="replace FILE if it exists")
    imported.set_defaults(handler=import_document, inputs={"json_file": JSON_DOC})

    dump = commands.add_parser("dump", help="print a document as JSON")
    dump.add_argument("file", type=Path)
    dump.set_defaults(handler=dump_document, inputs={"file": DOCUMENT})

    cover = commands.add_parser("coverage", help="which of the 22 recommendations it answers")
    cover.add_argument("file", type=Path)
    cover.add_argument("--json", action="store_true", help="print JSON")
    cover.set_defaults(handler=show_coverage, inputs={"file": DOCUMENT})

    versions = commands.add_parser("versions", help="list the snapshots kept in a document")
    versions.add_argument("file", type=Path)
    versions.set_defaults(handler=list_versions, inputs={"file": DOCUMENT})

    snapshot = commands.add_parser("snapshot", help="keep a named snapshot of a document")
    snapshot.add_argument("file", type=Path)
    snapshot.add_argument("name")
    snapshot.set_defaults(handler=make_snapshot, inputs={"file": DOCUMENT})

    changes = commands.add_parser("diff", help="what changed between two versions")
    changes.add_argument("file", type=Path)
    changes.add_argument("old", help="a snapshot name")
    changes.add_argument("new", nargs="?", default="now", help="a snapshot name (default: now)")
    changes.set_defaults(handler=show_diff, inputs={"file": DOCUMENT})

    from reformkit.export.formats import all_formats, known_labels

    formats = all_formats()
    export = commands.add_parser("export", help=f"write a document as {known_labels()}")
    export.add_argument("file", type=Path)
    export.add_argument(
        "--format",
        choices=[fmt.key for fmt in formats],
        default=None,
        help="the format: "
        + ", ".join(f"{fmt.key} ({fmt.label})" for fmt in formats)
        + " (default: from the OUT file's ending)",
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument(
        "--template",
        type=Path,
        metavar="HOUSE.docx",
        help="a Word document or template (.docx, .dotx) in your house style",
    )
    from reformkit.layout.tags import DEFAULT_TAGS, TAG_PLACEMENTS

    export.add_argument(
        "--tags",
        choices=list(TAG_PLACEMENTS),
        default=DEFAULT_TAGS,
        help="where to show the recommendations each part answers: "
        + ", ".join(f"{key} ({words})" for key, words in TAG_PLACEMENTS.items())
        + f" (default: {DEFAULT_TAGS})",
    )
    export.add_argument(
        "--no-coproduction",
        dest="coproduction",
        action="store_false",
        help="leave out the appendix on how people shaped the document (a workshop record "
        "held in it: who took part, what they said, what it became)",
    )
    export.set_defaults(
        handler=export_file, inputs={"file": DOCUMENT, "template": "a Word document or template"}
    )

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON format")
    schema.set_defaults(handler=print_schema)


def _kinds(args: argparse.Namespace) -> DocumentKinds:
    kinds: DocumentKinds = args.load_kinds()
    return kinds


def _open(args: argparse.Namespace, read_only: bool = True) -> Project:
    from reformkit.document.project import Project

    return Project.open(args.file, _kinds(args), read_only=read_only)


def _catalogue(args: argparse.Namespace) -> Any:
    from reformkit.cli.catalogue_commands import open_catalogue

    return open_catalogue(args)


def list_kinds(args: argparse.Namespace) -> int:
    """Each installed kind: the name to give ``reformkit new``, its label and what it is for."""
    kinds = list(_kinds(args))
    if not kinds:
        print("No kinds of document are installed. Reinstall ReformKit.", file=sys.stderr)
        return 1
    width = max(len(spec.kind) for spec in kinds)
    for spec in kinds:
        print(f"{spec.kind:<{width}}  {spec.label}: {spec.say.description}")
    return 0


def new_document(args: argparse.Namespace) -> int:
    from reformkit.document.project import Project

    spec = _kinds(args).get(args.kind)
    with _catalogue(args) as catalogue:
        version = catalogue.seed.version
    with Project.create(
        args.file, spec, args.title, args.organisation, tuple(args.author), version
    ) as project:
        sections = len(project.document.sections)
    print(f"Created {args.file}: a {spec.label} with {sections} sections to fill in.")
    return 0


def import_document(args: argparse.Namespace) -> int:
    from reformkit.document.errors import ProjectError
    from reformkit.document.interchange import loads
    from reformkit.document.limits import MAX_JSON_BYTES
    from reformkit.document.project import Project
    from reformkit.input_files import read_input_bytes

    data = read_input_bytes(args.json_file, JSON_DOC, MAX_JSON_BYTES)
    if data.startswith(b"SQLite format 3\x00"):
        raise ProjectError(
            f"{args.json_file} is a database (perhaps a ReformKit document), not a JSON "
            "document. A ReformKit document needs no import: open it, or copy it."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProjectError(
            f"{args.json_file} cannot be read: it is not UTF-8 text (byte {error.start:,} is "
            "not). Save it as UTF-8 and import it again."
        ) from None
    kinds = _kinds(args)
    if os.path.lexists(args.output) and not args.force:
        raise ProjectError(
            f"{args.output} already exists. Choose another name, or add --force to replace it."
        )
    document = loads(text, kinds)
    target: Path = args.output
    # Built beside the target and moved into place only once complete; an existing
    # document is replaced only with --force, and never while it is open.
    Project.create_from(target, document, kinds.get(document.kind), force=args.force).close()
    print(f"Imported {args.json_file} into {target}.")
    return 0


def dump_document(args: argparse.Namespace) -> int:
    from reformkit.document.interchange import dumps

    with _open(args) as project:
        sys.stdout.write(dumps(project.document))
    return 0


def show_coverage(args: argparse.Namespace) -> int:
    from reformkit.document.coverage import coverage, report_lines

    with _open(args) as project, _catalogue(args) as catalogue:
        rows = coverage(project.document, project.spec, catalogue.entries("recommendation"))
    if args.json:
        json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print("\n".join(report_lines(rows)))
    return 0


def list_versions(args: argparse.Namespace) -> int:
    from reformkit.document.versions import list_snapshots

    with _open(args) as project:
        snapshots = list_snapshots(project)
    if not snapshots:
        print("No snapshots yet. Take one with: reformkit snapshot FILE NAME")
    for snapshot in snapshots:
        print(f"{snapshot.created}  {snapshot.name}")
    return 0


def make_snapshot(args: argparse.Namespace) -> int:
    from reformkit.document.versions import take_snapshot

    with _open(args, read_only=False) as project:
        snapshot = take_snapshot(project, args.name)
    print(f"Kept snapshot '{snapshot.name}' ({snapshot.created}).")
    return 0


def show_diff(args: argparse.Namespace) -> int:
    from reformkit.document.versions import diff, load_version, render_word_diff

    kinds = _kinds(args)
    with _open(args) as project:
        old = load_version(project, args.old, kinds)
        new = load_version(project, args.new, kinds)
        changes = diff(old, new, project.spec)
    if not changes:
        print(f"No changes between '{args.old}' and '{args.new}'.")
    for change in changes:
        print(f"{change.kind.upper():<8} {change.where} › {change.label}")
        for field in change.fields:
            print(f"    {field.label}: {render_word_diff(field.word_diff())}")
    return 0


def export_file(args: argparse.Namespace) -> int:
    from reformkit.export.formats import format_for_path, known_formats, known_suffixes
    from reformkit.export.run import export_document
    from reformkit.export.safe_write import ExportError

    guessed = format_for_path(args.output)
    fmt = args.format or (guessed.key if guessed else None)
    if fmt is None:
        raise ExportError(
            f"Say which format with --format {known_formats()}, or end the output "
            f"file name in {known_suffixes()}."
        )
    with _open(args) as project, _catalogue(args) as catalogue:
        result = export_document(
            project.document,
            project.spec,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
            fmt,
            args.output,
            template=args.template,
            source=args.file,
            tags=args.tags,
            coproduction=args.coproduction,
        )
    for warning in result.warnings:
        print(f"reformkit: note: {warning}", file=sys.stderr)
    print(f"Exported {args.file} to {result.path}.")
    return 0


def print_schema(args: argparse.Namespace) -> int:
    from reformkit.document.json_schema import schema

    json.dump(schema(_kinds(args)), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
