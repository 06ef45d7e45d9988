"""Reading a CSV file as Excel saves it: the bytes decoded, the delimiter found, the rows
parsed. Kept apart from the column mapping and row checks in
:mod:`reformkit.document.csv_import`, which start from the :class:`CsvTable` read here.

The rows are parsed by the standard :mod:`csv` module (Excel's dialect) and the delimiter is
guessed by :class:`csv.Sniffer`; this module adds what they do not: the encodings Excel
writes, Excel's ``sep=`` first line, a check of the sniffer's guess against the heading row,
and messages that say what to do.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reformkit.document.limits import MAX_TEXT_CHARS
from reformkit.errors import ReformKitError
from reformkit.input_files import InputFileError, read_input_bytes

MAX_BYTES = 5 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
SNIFF_CHARS = 64 * 1024  # the sniffer reads the start of the file, not all 5 MB
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
        if path.is_dir():
            raise IsADirectoryError
        if size > MAX_BYTES:
            raise CsvError(
                f"{path.name} is {size / 1024 / 1024:.1f} MB. ReformKit imports CSV files of up "
                "to 5 MB: a plan's budget or action list is far smaller. Check it is the right "
                "file, or split it into smaller files."
            )
        data = read_input_bytes(path, "a CSV file", MAX_BYTES)  # never a FIFO or a device
    except InputFileError as error:
        raise CsvError(str(error)) from None
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
    delimiter = delimiter or find_delimiter(text)
    records = _records(text, delimiter, name, line_offset)
    while records and is_blank(records[-1]):
        records.pop()
    start = next((n for n, record in enumerate(records) if not is_blank(record)), None)
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


def find_delimiter(text: str) -> str:
    """The delimiter of ``text``: comma, semicolon or tab.

    :class:`csv.Sniffer` guesses from the start of the file. Its guess is kept unless it
    leaves the heading row in one cell while another delimiter splits it (the sniffer can
    be led astray by commas inside quoted cells, ragged rows or blank rows at the top).
    When it cannot decide, the delimiter that splits the heading row most wins; ties go
    to the comma, then the semicolon, and a one-column file is read with commas.
    """
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS:  # end the sample on a whole line
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1] or sample
    try:
        sniffed: str | None = csv.Sniffer().sniff(sample, "".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    heading = _heading_line(text)
    widths = {d: _cells_in(heading, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: widths[d])  # max keeps the first of equals
    if sniffed in DELIMITERS and (widths[sniffed] > 1 or widths[best] <= 1):
        return sniffed
    return best


def _cells_in(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:  # a cell past the csv module's size limit: read_rows says so
        return 0


def _heading_line(text: str) -> str:
    """The first line with text in it (more than delimiters and spaces)."""
    for line in io.StringIO(text, newline=""):
        if line.strip("".join(DELIMITERS) + " \r\n"):
            return line
    return ""


def _records(text: str, delimiter: str, name: str, line_offset: int) -> list[list[str]]:
    """The records of ``text``, read by :mod:`csv` as Excel writes them.

    A quote that is never closed would run the rest of the file into one cell. To notice
    it, a marker line is read after the text: it comes back as a record of its own unless
    an open quote swallowed it.
    """
    end = "\ue000end"  # a private-use character: no spreadsheet holds it
    while end in text:
        end += "\ue000"
    newline = "" if text.endswith(("\n", "\r")) else "\n"
    source = io.StringIO(text + newline + end, newline="")
    reader = csv.reader(source, csv.excel, delimiter=delimiter, strict=False)
    records: list[list[str]] = []
    try:
        for record in reader:
            if record == [end]:
                return records
            if record and record[-1].endswith(end):
                break
            if any(len(cell) > MAX_TEXT_CHARS for cell in record):
                raise _long_cell(name, line_offset + reader.line_num)
            records.append([cell.replace("\r\n", "\n") for cell in record])
    except csv.Error:  # a cell past the csv module's size limit
        # Quotes come in pairs unless one is never closed, which runs the rest into one cell.
        if text.count('"') % 2 == 0:
            raise _long_cell(name, line_offset + len(records) + 1) from None
    line = line_offset + len(records) + 1
    raise CsvError(
        f'Line {line} of {name} has a quote mark (") that is never closed, so '
        "the rest of the file would run into one cell. Check that line in a text "
        "editor, or save the file from Excel again."
    )


def _long_cell(name: str, line: int) -> CsvError:
    return CsvError(
        f"Line {line} of {name} has a cell longer than {MAX_TEXT_CHARS:,} characters, the most "
        "ReformKit keeps in one field. Check it is the right file, or shorten that cell."
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


def is_blank(cells: Sequence[str]) -> bool:
    """Whether a row has no text in any cell (an empty row in the spreadsheet)."""
    return all(not cell.strip() for cell in cells)


def _width(cells: Sequence[str]) -> int:
    return max((n + 1 for n, cell in enumerate(cells) if cell.strip()), default=0)


def _fit(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells[:width]) + ("",) * (width - len(cells))


_DATA_LIKE = re.compile(r"^[£$€]?\s*-?[\d,.\s/:-]+%?$")


def _looks_like_data(header: Sequence[str]) -> bool:
    cells = [cell for cell in header if cell]
    return bool(cells) and all(_DATA_LIKE.match(cell) for cell in cells)
