"""``reformkit check-docx FILE.docx [--json]``: any Word file checked for accessibility.

The same rules the exports are tested with (:mod:`reformkit.docx_check`), each fault with
where it is and how to fix it in Word. Exit 1 when something is found, 0 when nothing is,
and 2 when the file cannot be read as a Word document.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NOTHING_FOUND = "No accessibility problems found."


def add_parser(commands: Any) -> None:
    check = commands.add_parser(
        "check-docx",
        help="check any Word file for accessibility: title, language, headings, tables, "
        "alt text, links, text size and contrast",
    )
    check.add_argument("file", type=Path, help="a Word document (.docx)")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=check_docx_file, inputs={"file": "a Word document (.docx)"})


def check_docx_file(args: argparse.Namespace) -> int:
    from reformkit.docx_check import inspect_docx

    path = Path(args.file)
    problems = inspect_docx(path)
    if args.json:
        json.dump(
            {
                "file": str(path),
                "problems": [problem.to_json() for problem in problems],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    elif not problems:
        print(f"{path.name}: {NOTHING_FOUND}")
    else:
        count = f"{len(problems)} accessibility problem{'' if len(problems) == 1 else 's'}"
        lines = [f"{path.name}: {count}."]
        for problem in problems:
            lines += ["", f"{problem.where}: {problem.message}", f"  How to fix: {problem.fix}"]
        print("\n".join(lines))
    return 1 if problems else 0
