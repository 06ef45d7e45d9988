"""Reading a CSV file as Excel saves it: the bytes decoded, the delimiter found, the rows
parsed. Kept apart from the column mapping and row checks in
:mod:`reformkit.document.csv_import`, which start from the :class:`CsvTable` read here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reformkit.errors import ReformKitError

MAX_BYTES = 5 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
SAVE_AS_UTF8 = (
    "In Excel choose File > Save As, pick 'CSV UTF-8 (Comma delimited) (*.csv)', "
    "and import that file."
)


class CsvError(ReformKitError):
    """A CSV file that cannot be read or imported; the message says what to do."""


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read: the heading row and the rows under it, each as wide as the widest.

    ``first_line`` is the spreadsheet line of the heading row; row ``n`` (from 0) of
    ``rows`` is on line ``first_line + 1 + n``. Empty rows inside the table are kept (so
    numbering matches the spreadsheet); empty rows and columns at the end are dropped.
    """

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    first_line: int

    def line(self, index: int) -> int:
        """The spreadsheet line of ``rows[index]``."""
        return self.first_line + 1 + index


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file as Excel saves it; raise :class:`CsvError` saying what to do if not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CsvError(
                f"{path.name} is {size / 1024 / 1024:.1f} MB. ReformKit imports CSV files of up "
                "to 5 MB: a plan's budget or action list is far smaller. Check it is the right "
                "file, or split it into smaller files."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvError(f"{path.name} was not found. Choose the file again.") from None
    except IsADirectoryError:
        raise CsvError(f"{path.name} is a folder, not a CSV file.") from None
    except OSError as error:
        raise CsvError(
            f"{path.name} cannot be read ({error.strerror}). Close it in Excel, or copy it to "
            "your Documents folder, and try again."
        ) from None
    return parse_csv(data, path.name)


def parse_csv(data: bytes, name: str = "The file") -> CsvTable:
    """Read CSV bytes (from a file or the clipboard). ``name`` is used in messages."""
    if len(data) > MAX_BYTES:
        raise CsvError(f"{name} is larger than 5 MB. Split it into smaller files.")
    text, encoding = _decode(data, name)
    line_offset = 0
    delimiter = ""
    hint = re.match(r"\s*sep=(.)[ \t]*(\r\n|\n|\r|$)", text)
    if hint and hint.group(1) in DELIMITERS:  # Excel's "sep=;" first line
        delimiter, text, line_offset = hint.group(1), text[hint.end() :], 1
    if not text.strip():
        raise CsvError(f"{name} is empty. Save the spreadsheet again with its rows in it.")
    delimiter = delimiter or _guess_delimiter(text)
    records = _parse(text, delimiter, name, line_offset)
    while records and _blank(records[-1]):
        records.pop()
    start = next((n for n, record in enumerate(records) if not _blank(record)), None)
    if start is None:
        raise CsvError(f"{name} has no text in it. Save the spreadsheet again with its rows.")
    header = [cell.strip().lstrip("\ufeff").strip() for cell in records[start]]
    rows = records[start + 1 :]
    width = max(_width(header), *(_width(row) for row in rows)) if rows else _width(header)
    if _looks_like_data(header):
        raise CsvError(
            f"The first row of {name} looks like data, not column headings. Add a row at the "
            "top that names each column (for example Service, Partner, Amount) and import "
            "it again."
        )
    if not rows:
        raise CsvError(
            f"{name} has column headings but no rows under them. Fill in the rows and "
            "import it again."
        )
    return CsvTable(
        encoding=encoding,
        delimiter=delimiter,
        header=_fit(header, width),
        rows=tuple(_fit(row, width) for row in rows),
        first_line=line_offset + start + 1,
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data[:4] == b"PK\x03\x04" or data[:4] == b"\xd0\xcf\x11\xe0":
        raise CsvError(f"{name} is an Excel workbook, not a CSV file. {SAVE_AS_UTF8}")
    attempts: tuple[tuple[str, str], ...]
    if data.startswith(b"\xef\xbb\xbf"):
        attempts = (("utf-8-sig", "utf-8-sig"),)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts = (("utf-16", "utf-16"),)  # Excel's "Unicode Text"
    else:
        attempts = (("utf-8", "utf-8"), ("cp1252", "cp1252"))
    for codec, label in attempts:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, label
    raise CsvError(
        f"{name} is not a text file ReformKit can read: it is not in UTF-8 or Windows-1252. "
        f"{SAVE_AS_UTF8}"
    )


def _guess_delimiter(text: str) -> str:
    """The delimiter used most in the heading row (the first row with text), outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    in_quotes = False
    seen_text = False
    for char in text:
        if char == '"':
            in_quotes = not in_quotes  # a doubled quote "" toggles twice: no change
            seen_text = True
        elif in_quotes:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            if seen_text:
                break
            counts = dict.fromkeys(DELIMITERS, 0)  # a blank row before the headings
        elif not char.isspace():
            seen_text = True
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties go to the comma, then semicolon
    return best if counts[best] else ","


def _field_pattern(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    return re.compile(rf'"([^"]*(?:""[^"]*)*)"([^{d}\r\n]*)|([^{d}\r\n]*)')


def _parse(text: str, delimiter: str, name: str, line_offset: int) -> list[list[str]]:
    """RFC 4180 records, as Excel writes them; cells in quotes may hold line breaks."""
    pattern = _field_pattern(delimiter)
    records: list[list[str]] = []
    row: list[str] = []
    position, end = 0, len(text)
    while True:
        match = pattern.match(text, position)
        assert match is not None  # the last alternative matches the empty string
        if match.group(1) is not None:
            cell = match.group(1).replace('""', '"').replace("\r\n", "\n") + match.group(2)
        else:
            cell = match.group(3)
            if cell.startswith('"'):
                line = line_offset + len(records) + 1
                raise CsvError(
                    f'Line {line} of {name} has a quote mark (") that is never closed, so '
                    "the rest of the file would run into one cell. Check that line in a text "
                    "editor, or save the file from Excel again."
                )
        row.append(cell)
        position = match.end()
        if position >= end:
            records.append(row)
            return records
        char = text[position]
        if char == delimiter:
            position += 1
            continue
        records.append(row)
        row = []
        position += 2 if text.startswith("\r\n", position) else 1
        if position >= end:
            return records


def _blank(cells: Sequence[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _width(cells: Sequence[str]) -> int:
    return max((n + 1 for n, cell in enumerate(cells) if cell.strip()), default=0)


def _fit(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells[:width]) + ("",) * (width - len(cells))


_DATA_LIKE = re.compile(r"^[£$€]?\s*-?[\d,.\s/:-]+%?$")


def _looks_like_data(header: Sequence[str]) -> bool:
    cells = [cell for cell in header if cell]
    return bool(cells) and all(_DATA_LIKE.match(cell) for cell in cells)
