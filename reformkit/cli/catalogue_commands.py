"""``reformkit catalogue …``: list, show, search, and add to the catalogue."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reformkit.catalogue.kinds import KINDS, user_kinds

if TYPE_CHECKING:
    from reformkit.catalogue.entry import Entry
    from reformkit.catalogue.store import Catalogue


def add_parser(commands: Any) -> None:
    catalogue = commands.add_parser("catalogue", help="browse and search the catalogue")
    verbs = catalogue.add_subparsers(dest="verb", metavar="VERB", required=True)

    listing = verbs.add_parser("list", help="list entries, optionally of one kind")
    listing.add_argument("--kind", help=f"one of: {', '.join(KINDS)}")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_entries)

    show = verbs.add_parser("show", help="show one entry in full (R18, r18 and 18 all work)")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_entry)

    search = verbs.add_parser("search", help="search the catalogue, best matches first")
    search.add_argument("text", nargs="+")
    search.add_argument("--kind", action="append", default=[], help="only this kind")
    search.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=search_entries)

    add = verbs.add_parser("add", help="add your own right, duty, principle or clause")
    add.add_argument("kind", help=f"one of: {', '.join(user_kinds())}")
    add.add_argument("--title", required=True)
    add.add_argument("--text", required=True)
    add.add_argument(
        "--related",
        action="append",
        default=[],
        help="a recommendation or entry it answers, e.g. R18 (repeatable)",
    )
    add.set_defaults(handler=add_entry)

    remove = verbs.add_parser("remove", help="remove one of your own entries")
    remove.add_argument("id")
    remove.set_defaults(handler=remove_entry)


def open_catalogue(args: argparse.Namespace) -> Catalogue:
    """Open the user's library (imported late: ``--version`` must not pay for SQLite)."""
    from reformkit.catalogue.store import Catalogue
    from reformkit.paths import AppPaths

    path = Path(args.library) if args.library else AppPaths.default().library
    catalogue = Catalogue.open(path)
    if catalogue.recovered_from is not None:
        print(
            f"reformkit: your library could not be read, so it was moved to "
            f"{catalogue.recovered_from} and a fresh one was made at {path}. "
            "Nothing was deleted.",
            file=sys.stderr,
        )
    return catalogue


def list_entries(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        entries = catalogue.entries(args.kind)
    if args.json:
        _print_json([entry.to_json() for entry in entries])
        return 0
    width = max((len(entry.id) for entry in entries), default=2)
    for entry in entries:
        where = f"p.{entry.page}" if entry.from_briefing and entry.page else ""
        where = "ReformKit suggestion" if entry.is_suggestion else where
        where = "yours" if entry.origin == "user" else where
        mark = f"  ({where})" if where else ""
        print(f"{entry.id:<{width}}  {KINDS[entry.kind].label:<14}  {entry.title}{mark}")
    return 0


def show_entry(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        entry = catalogue.get(args.id)
        parent = catalogue.get(entry.parent) if entry.parent else None
        credit = catalogue.seed.credit
    if args.json:
        _print_json(entry.to_json())
        return 0
    print(describe(entry, parent, credit))
    return 0


def describe(entry: Entry, parent: Entry | None, credit: str) -> str:
    """The full, plain-text account of one entry, as ``catalogue show`` prints it."""
    lines = [
        f"{entry.id}  {entry.title}",
        f"{KINDS[entry.kind].label}" + (f" · under {parent.id} {parent.title}" if parent else ""),
        "",
    ]
    if entry.from_text:
        lines += [f"{entry.theme}", f"  from: {entry.from_text}", f"  to:   {entry.to_text}"]
    else:
        lines.append(entry.body)
    lines.append("")
    if entry.kind == "recommendation":
        addressed = ", ".join(entry.addressed_to) or "no one named in its words"
        lines.append(f"Addressed to: {addressed}")
        if entry.affects:
            lines.append(f"Affects: {', '.join(entry.affects)}")
        answered = " and ".join(f"a {kind}" for kind in entry.expected_in)
        lines.append(
            f"Answered by: {answered}"
            if answered
            else "Answered by: national government (shown for context)"
        )
    if entry.related:
        lines.append(f"Related: {', '.join(entry.related)}")
    if entry.caveat:
        lines.append(f"The briefing proposes it '{entry.caveat}'.")
    lines.append(f"Source: {entry.source}")
    if entry.from_briefing:
        lines.append(credit)
    return "\n".join(lines)


def search_entries(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        hits = catalogue.search(" ".join(args.text), limit=max(1, args.limit), kinds=args.kind)
    if args.json:
        _print_json(
            [
                {"rank": n, "snippet": h.snippet_marked(), **h.entry.to_json()}
                for n, h in enumerate(hits, 1)
            ]
        )
        return 0
    if not hits:
        print("No matches. Try fewer or shorter words.")
        return 0
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:>2}. {hit.entry.id}  {hit.entry.title}")
        print(f"    {hit.snippet_marked()}")
    return 0


def add_entry(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        entry = catalogue.add(args.kind, args.title, args.text, related=args.related)
    print(f"Added {entry.id}: {entry.title}")
    return 0


def remove_entry(args: argparse.Namespace) -> int:
    with open_catalogue(args) as catalogue:
        catalogue.remove(args.id)
    print(f"Removed {args.id}.")
    return 0


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
