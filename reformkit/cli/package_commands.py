"""``reformkit package | merge``: send parts of a document to a partner, and merge them back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reformkit.document.merge import ConflictKind, MergePlan
    from reformkit.document.spec import DocumentKinds

EXIT_OK, EXIT_CONFLICTS = 0, 1
RESOLVE_IN_APP = "resolve them in the app: File › Merge a returned package"


def add_parsers(commands: Any) -> None:
    package = commands.add_parser("package", help="put some parts in a file for a partner")
    package.add_argument("file", type=Path)
    package.add_argument(
        "--part",
        action="append",
        required=True,
        metavar="PART",
        help="a part's key (budget), title or id; repeat for each part",
    )
    package.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    package.add_argument("--partner", default="", metavar="NAME", help="who the parts are for")
    package.add_argument("--force", action="store_true", help="replace OUT if it exists")
    package.set_defaults(handler=make_package_file, inputs={"file": "a ReformKit document"})

    merge = commands.add_parser("merge", help="merge a partner's returned package")
    merge.add_argument("file", type=Path)
    merge.add_argument("package", type=Path)
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change; change nothing"
    )
    merge.set_defaults(
        handler=merge_package,
        inputs={"file": "a ReformKit document", "package": "a ReformKit package"},
    )


def _kinds(args: argparse.Namespace) -> DocumentKinds:
    kinds: DocumentKinds = args.load_kinds()
    return kinds


def make_package_file(args: argparse.Namespace) -> int:
    from reformkit.document.packages import make_package, package_info
    from reformkit.document.project import Project

    with Project.open(args.file, _kinds(args), read_only=True) as project:
        target = make_package(project, args.part, args.output, args.partner, force=args.force)
    info = package_info(target)
    assert info is not None
    names = ", ".join(f"'{part.title}'" for part in info.parts)
    who = f" for {info.partner}" if info.partner else ""
    print(f"Made {target}{who} with {names}.")
    print(f"When it comes back: reformkit merge {args.file} {target}")
    return EXIT_OK


def merge_package(args: argparse.Namespace) -> int:
    """Plan with both files read read-only; open the document for writing only to merge.

    So a refused merge (a package for another document, a damaged one, one from a newer
    ReformKit), one already merged and a dry run leave the document byte for byte as it was.
    A merge that changes the document keeps a "Before merging…" snapshot, like the app, in
    the same transaction as the merge.
    """
    from reformkit.document.merge import MergeError, plan_merge
    from reformkit.document.merge_snapshot import merge_with_snapshot
    from reformkit.document.project import Project

    kinds = _kinds(args)
    with Project.open(args.file, kinds, read_only=True) as reader:
        plan = plan_merge(reader, args.package, kinds)
    print_plan(plan, args.package)
    if plan.already_merged:
        return EXIT_OK
    if args.dry_run:
        print("\nDry run: nothing was changed.")
        return EXIT_CONFLICTS if plan.conflicts else EXIT_OK
    with Project.open(args.file, kinds) as project:
        fresh = plan_merge(project, args.package, kinds)
        if fresh.changes != plan.changes or fresh.conflicts != plan.conflicts:
            raise MergeError(
                f"{args.file.name} changed while the merge was being planned, so nothing was "
                "merged. Run the merge again."
            )
        result, snapshot = merge_with_snapshot(project, fresh, keep_ours_for_unresolved=True)
    count = len(result.applied)
    print(f"\nMerged {count} change{'s' if count != 1 else ''} into {args.file}.")
    if snapshot is not None:
        print(f"The document as it was before is kept as the snapshot '{snapshot.name}'.")
    if result.kept_ours:
        kept = len(result.kept_ours)
        print(
            f"{kept} conflict{'s' if kept != 1 else ''} kept this document's version; "
            f"{RESOLVE_IN_APP}."
        )
        return EXIT_CONFLICTS
    return EXIT_OK


def print_plan(plan: MergePlan, package: Path) -> None:
    from reformkit.document.versions import render_word_diff

    info = plan.info
    who = f" from {info.partner}" if info.partner else ""
    print(f"Package {package.name}{who}, made {info.created[:10]} from '{info.main_title}'.")
    if plan.already_merged:
        print(f"Already merged on {plan.already_merged[:10]}: nothing to do.")
        return
    for note in plan.notes:
        print(f"Note: {note}")
    if plan.is_empty:
        print("Nothing to merge: neither the partner nor anyone here changed what was sent.")
        return
    for part in plan.parts:
        print(f"\n{part.title}")
        for change in part.changes:
            print(f"  {change.kind.upper():<8} {change.label} (by {change.by})")
            for value in change.fields:
                print(f"      {value.label}: {render_word_diff(value.word_diff())}")
        for conflict in part.conflicts:
            print(f"  CONFLICT {conflict.label}: {conflict_words(conflict.kind)}")
    if plan.conflicts:
        count = len(plan.conflicts)
        print(f"\n{count} conflict{'s' if count != 1 else ''} (this document's version is kept):")
        for conflict in plan.conflicts:
            print(f"  {conflict.description}")
            for clash in conflict.values:
                print(f"      {clash.label}")
                print(f"        here:    {render_word_diff(clash.ours_diff())}")
                print(f"        package: {render_word_diff(clash.theirs_diff())}")


def conflict_words(kind: ConflictKind) -> str:
    from reformkit.document.merge_values import CONFLICT_WORDS

    return CONFLICT_WORDS[kind]
