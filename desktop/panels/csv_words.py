"""The words the spreadsheet import dialog uses, and where a spreadsheet can go. No Qt here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reformkit.document.csv_import import RowCheck
from reformkit.document.csv_read import CsvTable
from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec, DocumentSpecError, ItemType

NOT_IN_FILE = "(not in the file)"

ENCODINGS = {
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252 (Excel's plain “CSV”)",
    "utf-16": "Unicode text (UTF-16)",
}
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}


@dataclass(frozen=True)
class Target:
    """A section a spreadsheet can go into, and the kind of item each row becomes."""

    section: Section
    number: int  # the section's number, as the parts tree shows it
    item_type: ItemType

    @property
    def label(self) -> str:
        """``11  Total Place+ budget — budget lines``."""
        return f"{self.number}  {self.section.title} — {plural(self.item_type.label)}"


def targets(document: Document, spec: DocumentSpec) -> list[Target]:
    """The document's sections a spreadsheet can be imported into, in order."""
    names = spec.csv_targets
    found = []
    for number, section in enumerate(document.sections, 1):
        name = names.get(section.key)
        if name is None:
            continue
        try:
            item_type = spec.section_type(section.key).item_type(name)
        except DocumentSpecError:
            continue
        found.append(Target(section, number, item_type))
    return found


def no_target_message(spec: DocumentSpec) -> str:
    """What to do when the document has no part a spreadsheet can go into."""
    kinds = spec.csv_targets
    titles = []
    for key in kinds:
        try:
            titles.append(f"‘{spec.section_type(key).title}’")
        except DocumentSpecError:
            continue
    if not titles:
        return f"A spreadsheet cannot be imported into a {spec.label}."
    return (
        f"This {spec.label} has no part a spreadsheet can go into. Add one of these parts "
        f"first: {', '.join(titles)}."
    )


def plural(label: str) -> str:
    """``Budget line`` becomes ``budget lines``."""
    return label[0].lower() + label[1:] + "s" if label else label


def reading(table: CsvTable) -> str:
    """``Read as UTF-8 with a byte-order mark, separated by semicolons.``"""
    encoding = ENCODINGS.get(table.encoding, table.encoding)
    delimiter = DELIMITERS.get(table.delimiter, f"‘{table.delimiter}’")
    rows = sum(1 for row in table.rows if any(cell.strip() for cell in row))
    heading = f"the headings on line {table.first_line}"
    return (
        f"Read as {encoding}, separated by {delimiter}: {heading} and "
        f"{rows} row{'s' if rows != 1 else ''} under them."
    )


def column_letter(index: int) -> str:
    """The spreadsheet's name for a column: 0 is A, 25 is Z, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_name(table: CsvTable, index: int) -> str:
    """``Amount (£) — column C``; a column with no heading is named by its letter alone."""
    heading = " ".join(table.header[index].split()) if index < len(table.header) else ""
    letter = f"column {column_letter(index)}"
    return f"{heading} — {letter}" if heading else f"({letter}, no heading)"


def import_label(good: int) -> str:
    """The Import button: ``Import 12 rows``; with nothing to import, says so."""
    if good == 0:
        return "Nothing to import"
    return f"Import {good} row{'s' if good != 1 else ''}"


def counts(checks: Sequence[RowCheck]) -> str:
    """``12 rows are ready to import; 2 rows have problems and will be left out.``"""
    good = sum(1 for check in checks if check.ok)
    bad = len(checks) - good
    if not checks:
        return "The file has no rows to import."
    text = f"{good} row{'s are' if good != 1 else ' is'} ready to import"
    if bad:
        text += (
            f"; {bad} row{'s have' if bad != 1 else ' has'} problems and will be left out "
            "(fix them in the spreadsheet and import those rows again)"
        )
    return text + "."


def result_message(added: int, section_title: str, left_out: int) -> str:
    """``12 rows added to Total Place+ budget; 2 rows with problems were left out``."""
    text = f"{added} row{'s' if added != 1 else ''} added to {section_title}"
    if left_out:
        text += (
            f"; {left_out} row{'s' if left_out != 1 else ''} with problems "
            f"{'were' if left_out != 1 else 'was'} left out"
        )
    return text


_LINE = re.compile(r"^Line \d+: ")


def without_line(problem: str) -> str:
    """A row's problem without its "Line 7: " (the preview shows the line in a column)."""
    return _LINE.sub("", problem, count=1)
