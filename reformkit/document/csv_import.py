"""Spreadsheets in: read a CSV file as Excel saves it, map its columns, check every row.

The steps, each one a function a window can show:

1. :func:`read_csv` reads the file: UTF-8 with or without a BOM, else Windows-1252 (what
   Excel's plain "CSV" writes on a UK Windows laptop); comma, semicolon (Excel in much of
   Europe) or tab, guessed by :class:`csv.Sniffer` and checked against the heading row;
   quoted cells may hold line breaks and delimiters.
2. :func:`guess_mapping` matches the heading row to an item type's fields.
3. :func:`check_rows` cleans every row with the fields' own rules and lists every problem
   of every row, with its line number, before anything is written.
4. :func:`import_rows` adds the good rows in one transaction (:meth:`Project.add_items`).

Line numbers are the spreadsheet's row numbers, as Excel shows them: the heading row is
usually line 1, and a cell with a line break inside it stays in one row.

A mission's "Serves the mission" column may hold the **title** of the mission it serves
(or its id). The title is looked up, ignoring case and spacing, among the missions already
in the plan and the rows *above* it in the same file, so a file can hold a whole cascade:
national mission metrics first, then metro missions, then local missions. ``check_rows``
does this look-up when given the document; ``import_rows`` always does it and stores the
mission's id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reformkit.document.csv_read import CsvError, CsvTable, is_blank, parse_csv, read_csv
from reformkit.document.fields import CHOICE, DATE, MONEY, REFERENCE, Field, FieldError
from reformkit.document.model import Document, Item, new_id
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpec, DocumentSpecError, ItemType

__all__ = [
    "SYNONYMS",
    "CsvError",
    "CsvTable",
    "RowCheck",
    "check_rows",
    "guess_mapping",
    "import_rows",
    "import_target",
    "parse_csv",
    "read_csv",
]

# Other headings people give a column, by field name. A field's own name and label always
# match; these are tried only for columns those did not claim.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "amount": (
        "Amount",
        "£",
        "Value",
        "Cost",
        "Budget",
        "Allocation",
        "Funding",
        "Sum",
        "GBP",
        "Total",
    ),
    "due": ("Due date", "Deadline", "By when", "Date due", "Due by", "When", "Target date", "Date"),
    "owner": (
        "Lead",
        "Responsible",
        "Responsible person",
        "Accountable",
        "Owned by",
        "Lead officer",
        "Lead partner",
        "Who",
    ),
    "organisation": ("Organization", "Org", "Body", "Employer", "Agency", "Representing"),
    "role": ("Role", "Position", "Job title", "Title", "Board role"),
    "name": ("Full name", "Member", "Person", "Board member", "Member name"),
    "chair": ("Chair", "Chairs", "Is chair", "Chairperson"),
    "service": ("Service area", "Service name"),
    "partner": (
        "Organisation",
        "Organization",
        "Partner organisation",
        "Body",
        "Agency",
        "Funded by",
        "Contributed by",
    ),
    "note": ("Notes", "Comment", "Comments", "Description", "Details", "Detail"),
    "action": ("Task", "What", "Description", "Activity"),
    "status": ("Progress", "State", "Current status"),
    "level": ("Mission level", "Tier", "Type", "Kind"),
    "title": ("Name", "Mission title", "Title"),
    "parent": ("Parent", "Parent mission", "Serves", "Contributes to", "Linked to", "Under"),
    "metric": ("Measure", "Indicator", "KPI", "Measure of success"),
    "baseline": ("Current", "Current value", "Starting point", "Now", "Where we are now"),
    "target": ("Goal", "Aim", "Target value", "Ambition"),
    "target_date": ("By when", "Deadline", "Date", "Due", "Due date", "Achieve by"),
    "standard": ("Minimum standard", "Minimum service standard"),
    "measure": ("How measured", "Measurement", "Metric", "Indicator", "KPI"),
    "inspectorate": ("Inspector", "Regulator", "Inspected by", "Inspection body"),
    "source": ("Data source",),
    "frequency": ("How often", "Reporting frequency"),
    "who": ("Participants", "Group"),
    "how_many": ("Number", "Number of people", "Count", "Attendees"),
    "method": ("How",),
    "what_changed": ("What changed", "Outcome", "Result", "Impact", "Changes"),
    "date": ("When", "Date held"),
}


@dataclass(frozen=True)
class RowCheck:
    """One row checked: its line, its clean values (``None`` if it has problems), the problems.

    Each problem starts with the line: "Line 7: Amount (£) cannot be negative…".
    """

    line: int
    values: dict[str, Any] | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.values is not None and not self.problems


# 2. Which column is which field.


def import_target(spec: DocumentSpec, section_key: str) -> ItemType:
    """The item type a CSV fills in a section of this kind, or a :class:`CsvError`."""
    name = spec.csv_targets.get(section_key)
    if name is None:
        sections = [spec.section_type(k).title for k in spec.csv_targets]
        raise CsvError(
            "A spreadsheet cannot be imported into this part. "
            + (f"It can go into: {', '.join(sections)}." if sections else "")
        )
    try:
        return spec.section_type(section_key).item_type(name)
    except DocumentSpecError as error:
        raise CsvError(str(error)) from None


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("organization", "organisation")
    return re.sub(r"[^0-9a-z£]+", "", text)


def _heading_forms(heading: str) -> set[str]:
    """The ways a heading can match: as it is, without its brackets, without a £ sign."""
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", heading)
    forms = {_norm(heading), _norm(plain), _norm(heading).replace("£", "")}
    if _norm(heading) == "£":
        forms.add("£")
    forms.discard("")
    return forms


def guess_mapping(table: CsvTable, item_type: ItemType) -> dict[str, int | None]:
    """Field name → column index (or ``None``), from the headings.

    A heading matches a field's name or label, ignoring case, spaces and punctuation
    ("Amount (£)", "amount", "AMOUNT"); then, for columns still unclaimed, a usual other
    name ("Deadline" for a due date, "Lead" for an owner). Each column goes to one field.
    """
    headings = [_heading_forms(h) for h in table.header]
    mapping: dict[str, int | None] = dict.fromkeys(item_type.field_names)
    taken: set[int] = set()

    def claim(field: Field, names: set[str]) -> None:
        if mapping[field.name] is not None:
            return
        for index, forms in enumerate(headings):
            if index not in taken and forms & names:
                mapping[field.name] = index
                taken.add(index)
                return

    for field in item_type.fields:
        claim(field, {_norm(field.name), *_heading_forms(field.label)})
    for field in item_type.fields:
        claim(field, {_norm(s) for s in SYNONYMS.get(field.name, ())} - {""})
    return mapping


# 3. Checking the rows.


_THOUSANDS = re.compile(r"^[\s£-]*\d{1,3}(,\d{3})+(\.\d+)?\s*$")
_MIDNIGHT = re.compile(r"\s+0?0:00(:00)?$")


def _prepare(field: Field, text: str) -> str:
    """Tidy what Excel writes before the field's own rules read it."""
    if field.type == MONEY and "," in text and not _THOUSANDS.match(text):
        raise FieldError(
            f"{field.label}: '{text}' has a comma that does not separate thousands. Write "
            "pounds and pence with a full stop, such as 1250.50 or 1,250.50."
        )
    if field.type == DATE:
        return _MIDNIGHT.sub("", text)  # "31/03/2027 00:00" from a date cell
    if field.type == CHOICE and text:
        starts = [c for c in field.choices if c.casefold().startswith(text.casefold())]
        if len(starts) == 1:
            return starts[0]  # "Local" for "Local mission"
    return text


def check_rows(
    table: CsvTable,
    item_type: ItemType,
    mapping: Mapping[str, int | None],
    document: Document | None = None,
) -> list[RowCheck]:
    """Check every non-empty row; nothing is written.

    Every problem of a row is listed, each with its line. Unmapped fields are left empty.
    Given the ``document`` the rows are for, a reference column (a mission's parent) is
    also looked up, so a title that matches nothing is a problem here, not at import.
    """
    checks: list[RowCheck] = []
    for index, row in enumerate(table.rows):
        if is_blank(row):
            continue
        line = table.line(index)
        values: dict[str, Any] = {}
        problems: list[str] = []
        for field in item_type.fields:
            column = mapping.get(field.name)
            text = row[column].strip() if column is not None and column < len(row) else ""
            try:
                values[field.name] = field.clean(_prepare(field, text) if text else None)
            except FieldError as error:
                problems.append(f"Line {line}: {error}")
        checks.append(RowCheck(line, None if problems else values, tuple(problems)))
    if document is not None:
        checks = _check_references(table, checks, item_type, mapping, document)
    return checks


def _check_references(
    table: CsvTable,
    checks: list[RowCheck],
    item_type: ItemType,
    mapping: Mapping[str, int | None],
    document: Document,
) -> list[RowCheck]:
    lookups = _lookups(item_type, document)
    if not lookups:
        return checks
    column = mapping.get(item_type.title_field)
    rows = {table.line(n): row for n, row in enumerate(table.rows)}
    result: list[RowCheck] = []
    for check in checks:
        if check.values is not None and not check.problems:
            problems = []
            for lookup in lookups:
                try:
                    lookup.find(str(check.values.get(lookup.field.name) or ""))
                except _NotFoundError as missing:
                    problems.append(f"Line {check.line}: {missing}")
            if problems:
                check = RowCheck(check.line, None, tuple(problems))
        title = rows[check.line][column].strip() if column is not None else ""
        for lookup in lookups:
            lookup.add_row(title, check.line, "" if check.ok else None)
        result.append(check)
    return result


class _NotFoundError(Exception):
    """A reference cell that matches no item; the message says what to do."""


class _Lookup:
    """Finds what a reference cell names: an item already in the document, by id or title,
    or (for a reference to the same item type, such as a mission's parent) a row above."""

    def __init__(self, field: Field, item_type: ItemType, document: Document):
        self.field = field
        self.own_kind = field.refers_to == item_type.name
        self.title_field = item_type.title_field if self.own_kind else "title"
        self.ids: set[str] = set()
        self.titles: dict[str, list[str]] = {}
        self.bad_lines: dict[str, int] = {}
        for _, item in document.items():
            if item.type == field.refers_to:
                self.ids.add(item.id)
                key = _title_key(str(item.fields.get(self.title_field) or ""))
                self.titles.setdefault(key, []).append(item.id)

    def add_row(self, title: str, line: int, item_id: str | None) -> None:
        """A row that later rows may name; ``item_id`` is ``None`` if it has problems."""
        if not self.own_kind or not title.strip():
            return
        key = _title_key(title)
        if item_id is None:
            self.bad_lines[key] = line
        else:
            self.titles.setdefault(key, []).append(item_id)

    def find(self, text: str) -> str:
        """The id ``text`` names ("" for an empty cell), or raise :class:`_NotFoundError`."""
        if not text or text in self.ids:
            return text
        found = self.titles.get(_title_key(text), [])
        what = self.field.refers_to.replace("_", " ")
        label = self.field.label
        if len(found) == 1:
            return found[0]
        if found:
            raise _NotFoundError(
                f"{label}: more than one {what} is called '{text}'. Give them different "
                "titles so ReformKit knows which one is meant."
            )
        line = self.bad_lines.get(_title_key(text))
        if line is not None:
            raise _NotFoundError(
                f"{label}: '{text}' is the {what} on line {line}, which has problems of its "
                "own. Fix that line first."
            )
        raise _NotFoundError(
            f"{label}: there is no {what} called '{text}' in this document or in the rows "
            f"above this one. Check the spelling, or put that {what} in a row above."
        )


def _lookups(item_type: ItemType, document: Document) -> list[_Lookup]:
    return [
        _Lookup(f, item_type, document)
        for f in item_type.fields
        if f.type == REFERENCE and f.refers_to
    ]


def _title_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


# 4. Importing the good rows.


def import_rows(
    project: Project,
    section_id: str,
    item_type: ItemType | str,
    checks: Sequence[RowCheck],
    author: str = "",
) -> list[Item]:
    """Add the rows that have no problems, in one transaction; raise if there are none.

    A reference cell holding a title (a mission's parent) becomes that item's id; if one
    cannot be found, nothing is added and the error lists every such row.
    """
    section = project.document.section(section_id)
    name = item_type if isinstance(item_type, str) else item_type.name
    kind = project.spec.section_type(section.key).item_type(name)
    good = [check for check in checks if check.ok and check.values is not None]
    if not good:
        raise CsvError(
            "There is no row to import: every row has a problem, or the file has no rows. "
            "Fix the rows listed in the spreadsheet and import it again. Nothing was added."
            if checks
            else "There is no row to import. Nothing was added."
        )
    ids = [new_id() for _ in good]
    rows = [dict(check.values or {}) for check in good]
    problems = []
    lookups = _lookups(kind, project.document)
    for check, row, item_id in zip(good, rows, ids, strict=True):
        for lookup in lookups:
            try:
                row[lookup.field.name] = lookup.find(str(row.get(lookup.field.name) or ""))
            except _NotFoundError as missing:
                problems.append(f"Line {check.line}: {missing}")
        for lookup in lookups:
            lookup.add_row(str(row.get(kind.title_field) or ""), check.line, item_id)
    if problems:
        raise CsvError(" ".join(problems) + " Nothing was added.")
    return project.add_items(section_id, kind.name, rows, author=author, ids=ids)
