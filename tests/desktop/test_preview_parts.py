"""A long table with set widths (a workshop's record of everything said) is cut into parts,
so rows added at its end change only its last part; every row is still shown, once, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.panels.preview_parts import TABLE_ROWS_PER_PART, cut, write_parts
from reformkit.layout.blocks import Heading, LaidOut, Paragraph, Table


def _laid(rows: int, widths: tuple[float, ...] = (5, 2, 3)) -> LaidOut:
    table = Table(
        ("What was said", "Who said it", "What became of it"),
        tuple((f"Row {n} said", "Group", "Kept") for n in range(rows)),
        caption="What people said: Everything said",
        widths=widths,
    )
    blocks = (
        Heading(1, "Activities", "", "activities"),
        table,
        Paragraph.of("After the table"),
        Heading(1, "Appendix", "", "appendix"),
        Paragraph.of("The end"),
    )
    return LaidOut("Title", "Sub", "", (), "", "en", "", (), blocks, "")


def _html(rows: int, widths: tuple[float, ...] = (5, 2, 3)) -> str:
    return "".join(part.html for part in write_parts(_laid(rows, widths))[0])


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 3 * TABLE_ROWS_PER_PART + 5))
def test_every_row_is_shown_once_in_order(rows: int) -> None:
    html = _html(rows)
    at = [html.find(f">Row {n} said<") for n in range(rows)]
    assert all(found >= 0 for found in at)
    assert at == sorted(at)
    assert all(html.count(f">Row {n} said<") == 1 for n in range(rows))
    assert html.count("What people said") == 1  # the caption, once
    assert html.index("After the table") > max(at, default=0)


def test_a_long_table_is_cut_and_the_header_repeats() -> None:
    rows = 2 * TABLE_ROWS_PER_PART + 1
    parts = write_parts(_laid(rows))[0]
    assert len(parts) == 1 + 3 + 1  # front matter, the table's three pieces, the appendix
    assert [p.anchor for p in parts[1:]] == ["activities", "", "", "appendix"]
    assert all("What was said" in part.html for part in parts[1:4])
    assert 'id="title"' not in "".join(part.html for part in parts[2:4])


def test_rows_added_at_the_end_change_only_the_last_piece() -> None:
    rows = 3 * TABLE_ROWS_PER_PART + 2
    before = write_parts(_laid(rows))[0]
    after, written = write_parts(_laid(rows + 7), before)
    assert written == 1
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
    assert changed == [4]  # the table's last piece, holding "After the table"


def test_short_tables_and_tables_without_set_widths_stay_whole() -> None:
    assert len(cut(_laid(TABLE_ROWS_PER_PART))) == 3
    assert len(cut(_laid(3 * TABLE_ROWS_PER_PART, widths=()))) == 3
