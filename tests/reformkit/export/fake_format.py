"""A plain-text export format that exists only in the tests.

It proves the registry is the one place formats are named: registering it (and nothing
else) must make it show in the CLI, the export dialog, ``export_document`` and the
self-test. Its writer records what it was given, so a test can see the template and
progress that reached it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reformkit.export.formats import ExportFormat, register, unregister, write_text
from reformkit.export.progress import Progress
from reformkit.layout.blocks import LaidOut

KEY = "txt"
LABEL = "Plain text"
SUFFIX = ".txt"
OTHER_SUFFIX = ".text"
NOTE = "Plain text has no bold or italics."


def plain_text(laid: LaidOut) -> str:
    return "\n".join([laid.title, *(heading.display for heading in laid.headings())]) + "\n"


class FakeFormat:
    """The registered format and every call its writer received."""

    def __init__(self, *, takes_template: bool = False, problem: str = "") -> None:
        self.calls: list[dict[str, Any]] = []
        self.problem = problem
        self.format = ExportFormat(
            KEY,
            LABEL,
            SUFFIX,
            self.write,
            other_suffixes=(OTHER_SUFFIX,),
            takes_template=takes_template,
            check=self.check,
        )

    def write(
        self, laid: LaidOut, target: Path, template: Path | None, progress: Progress
    ) -> Sequence[str]:
        self.calls.append({"title": laid.title, "target": target, "template": template})
        progress(0, 1)
        write_text(target, plain_text(laid))
        progress(1, 1)
        return [NOTE, NOTE]  # the same note twice: the user should see it once

    def check(self, path: Path, headings: Sequence[str]) -> Sequence[str]:
        text = path.read_text(encoding="utf-8")
        missing = [heading for heading in headings if heading not in text]
        if self.problem:
            return [self.problem]
        return [f"lacks '{missing[0]}'"] if missing else []


@contextmanager
def registered(**options: Any) -> Iterator[FakeFormat]:
    fake = FakeFormat(**options)
    register(fake.format)
    try:
        yield fake
    finally:
        unregister(KEY)
