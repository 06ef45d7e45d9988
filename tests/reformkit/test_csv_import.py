"""Spreadsheets in: CSV files as Excel saves them, column mapping, row checks, one-step import."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from charter import CHARTER
from plans import PLAN
from plans import checks as plan_checks
from plans.checks import check_plan
from plans.parts import ACTION, BUDGET_LINE, MEMBER, MISSION
from reformkit.document import csv_import, project
from reformkit.document.csv_import import (
    CsvError,
    CsvTable,
    guess_mapping,
    import_rows,
    import_target,
    parse_csv,
    read_csv,
)
from reformkit.document.fields import FieldError
from reformkit.document.model import Section
from reformkit.document.project import Project
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError
from tests.documents import KINDS

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


def fixture(name: str) -> CsvTable:
    return read_csv(FIXTURES / name)


def table(*header: str) -> CsvTable:
    return CsvTable("utf-8", ",", header, (("",) * len(header),), 1)


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "plan.reformkit", PLAN, "Severn Vale plan") as opened:
        yield opened


def section(project: Project, key: str) -> Section:
    return next(s for s in project.document.sections if s.key == key)


def fresh(project: Project) -> list[tuple[str, str, dict[str, Any]]]:
    """Every item in the file, read again from disk: (section key, type, fields)."""
    with Project.open(project.path, KINDS, read_only=True) as again:
        return [(s.key, i.type, i.fields) for s, i in again.document.items()]


def checked(name: str, item_type: ItemType, project: Project | None = None) -> list[Any]:
    data = fixture(name)
    document = project.document if project else None
    return csv_import.check_rows(data, item_type, guess_mapping(data, item_type), document)


# Reading files as Excel saves them.


def test_the_fixtures_are_what_the_generator_writes() -> None:
    generated = runpy.run_path(str(FIXTURES / "make_fixtures.py"))["FIXTURES"]
    assert sorted(generated) == sorted(p.name for p in FIXTURES.glob("*.csv"))
    for name, data in generated.items():
        assert (FIXTURES / name).read_bytes() == data, f"run make_fixtures.py for {name}"


def test_utf8_with_bom_comma_currency_cells_and_trailing_blanks() -> None:
    data = fixture("budget-utf8-bom.csv")
    assert (data.encoding, data.delimiter, data.first_line) == ("utf-8-sig", ",", 1)
    assert data.header == ("Service", "Partner", "Amount (£)", "Note")  # no BOM, no 5th column
    assert len(data.rows) == 8  # the two empty rows at the end are gone
    assert data.rows[0][2] == "£64,800,000.00"
    assert data.rows[4][1] == "Probation Service, Severn Vale"
    assert data.rows[7][3] == 'Spreads the "good conversations" approach'


def test_windows_1252_with_semicolons_pound_signs_and_curly_quotes() -> None:
    data = fixture("actions-cp1252-semicolon.csv")
    assert (data.encoding, data.delimiter) == ("cp1252", ";")
    assert data.header == ("Action", "Lead", "Deadline", "Progress")
    assert data.rows[0] == ("Agree the Board’s terms of reference", "Mayor Sunita Calder",
                            "30/09/2026", "Done")  # fmt: skip
    assert data.rows[1][0] == "Set up the “flexible fund”: £500 per household; no forms"
    assert len(data.rows) == 3


def test_quoted_cells_keep_their_line_breaks_and_lines_are_spreadsheet_rows() -> None:
    data = fixture("missions-quoted-newlines.csv")
    assert (data.encoding, data.delimiter) == ("utf-8", ",")
    assert (
        data.rows[1][3]
        == "Share of five-year-olds in Severn Vale\nreaching a good level of development"
    )
    assert len(data.rows) == 6
    assert [data.line(n) for n in range(len(data.rows))] == [2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("raw", "encoding", "delimiter", "header", "rows", "first_line"),
    [
        (b"a\tb\r\n1\t2\r\n", "utf-8", "\t", ("a", "b"), (("1", "2"),), 1),
        (b"sep=;\r\nA,B;C\r\n1,5;2\r\n", "utf-8", ";", ("A,B", "C"), (("1,5", "2"),), 2),
        (b'"Amount, \xc2\xa3";Service\n1;x\n', "utf-8", ";", ("Amount, £", "Service"),
         (("1", "x"),), 1),
        (b"\r\n,,\r\nA,B\r\n1\r\n,,,\r\n3,4,\r\n\r\n", "utf-8", ",", ("A", "B"),
         (("1", ""), ("", ""), ("3", "4")), 3),
        (b'A,B\n"x\r\ny",2\n', "utf-8", ",", ("A", "B"), (("x\ny", "2"),), 1),
        (b'A,B\n5" screen,"say ""hi"""', "utf-8", ",", ("A", "B"), (('5" screen', 'say "hi"'),),
         1),
        (b"Name,Org\nSi\xc3\xa2n,Caf\xc3\xa9\n", "utf-8", ",", ("Name", "Org"), (("Siân", "Café"),),
         1),
        (b"Name,Org\nSi\xe2n,Caf\xe9\n", "cp1252", ",", ("Name", "Org"), (("Siân", "Café"),), 1),
        ("Name\tAmount\r\nSiân\t£5\r\n".encode("utf-16"), "utf-16", "\t", ("Name", "Amount"),
         (("Siân", "£5"),), 1),
        (b"A,,B\n1,x,2\n", "utf-8", ",", ("A", "", "B"), (("1", "x", "2"),), 1),
        (b"Only\nx\n", "utf-8", ",", ("Only",), (("x",),), 1),
    ],
)  # fmt: skip
def test_parsing(
    raw: bytes,
    encoding: str,
    delimiter: str,
    header: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    first_line: int,
) -> None:
    assert parse_csv(raw) == CsvTable(encoding, delimiter, header, rows, first_line)


@pytest.mark.parametrize(
    ("raw", "delimiter", "header", "first_row"),
    [
        # One column: the sniffer gives up; commas inside quotes stay in the cell.
        (b'Note\n"Hello, world"\n"a, b, c"\n', ",", ("Note",), ("Hello, world",)),
        # Semicolons, with commas and doubled quotes inside a quoted cell: the sniffer
        # guesses the comma, which would leave the heading row in one cell.
        (b'Title;Notes\nYouth;"Mentors, ""coaches"", staff"\n', ";", ("Title", "Notes"),
         ("Youth", 'Mentors, "coaches", staff')),
        (b'Service;Note\n"Youth", 5\n', ";", ("Service", "Note"), ("Youth, 5", "")),
        # Commas in every cell of a semicolon file.
        (b'"Amount, \xc2\xa3";"Note, text"\n1;"a, b"\n2;"c, d"\n', ";",
         ("Amount, £", "Note, text"), ("1", "a, b")),
        # Ragged rows: the sniffer finds no steady count and gives up.
        (b"A;B;C\n1;2\n3\n4;5;6\n", ";", ("A", "B", "C"), ("1", "2", "")),
        # Semicolons inside the text of a comma file.
        (b"Action,Note\nFund,\xc2\xa3500; no forms\nBoard,ok; fine\n", ",", ("Action", "Note"),
         ("Fund", "£500; no forms")),
        # Apostrophes are not quotes.
        (b"Action,Lead\nBoard's terms,Mayor's office\nX,Y\n", ",", ("Action", "Lead"),
         ("Board's terms", "Mayor's office")),
    ],
)  # fmt: skip
def test_the_delimiter_is_found_where_the_sniffer_alone_would_guess_wrong(
    raw: bytes, delimiter: str, header: tuple[str, ...], first_row: tuple[str, ...]
) -> None:
    data = parse_csv(raw)
    assert (data.delimiter, data.header, data.rows[0]) == (delimiter, header, first_row)


def test_a_quote_left_open_far_down_a_long_file_names_its_line() -> None:
    raw = b"A,B\n" + b"x,1\n" * 50 + b'"open,2\n' + b"y" * 200_000 + b"\n"
    with pytest.raises(CsvError, match=r"Line 52 of big\.csv has a quote mark"):
        parse_csv(raw, "big.csv")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "is empty"),
        (b" \r\n\r\n", "is empty"),
        (b",,\r\n , ,\r\n", "has no text"),
        (b"Service,Amount\r\n,\r\n", "no rows under them"),
        (b"2027,1250.00,31/03/2027\r\n2028,5,x\r\n", "looks like data"),
        (b"PK\x03\x04rest of a zip", "Excel workbook"),
        (b"Name\n\x81\x8d\n", "CSV UTF-8 (Comma delimited)"),
        (b'A,B\n1,2\n"open,3\n4,5\n', "Line 3 of"),
    ],
)
def test_files_that_cannot_be_read_say_what_to_do(raw: bytes, words: str) -> None:
    with pytest.raises(CsvError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_csv(raw, "budget.csv")


def test_a_file_over_5_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    with pytest.raises(CsvError, match=r"big.csv is 5.0 MB\. ReformKit imports CSV files of up"):
        read_csv(big)
    with pytest.raises(CsvError, match="was not found"):
        read_csv(tmp_path / "missing.csv")
    assert issubclass(CsvError, ReformKitError)


# Which column is which field.


@pytest.mark.parametrize(
    ("item_type", "heading", "field"),
    [
        (BUDGET_LINE, "Amount", "amount"),
        (BUDGET_LINE, "Amount (£)", "amount"),
        (BUDGET_LINE, "£", "amount"),
        (BUDGET_LINE, "Value", "amount"),
        (BUDGET_LINE, "AMOUNT (GBP)", "amount"),
        (BUDGET_LINE, " amount£ ", "amount"),
        (BUDGET_LINE, "Organisation", "partner"),
        (BUDGET_LINE, "Notes", "note"),
        (ACTION, "Due date", "due"),
        (ACTION, "Deadline", "due"),
        (ACTION, "By when?", "due"),
        (ACTION, "Lead", "owner"),
        (ACTION, "Responsible", "owner"),
        (ACTION, "Progress", "status"),
        (MEMBER, "Organization", "organisation"),
        (MEMBER, "Role on the board", "role"),
        (MEMBER, "Role", "role"),
        (MEMBER, "Chairs the Board?", "chair"),
        (MISSION, "Target date", "target_date"),
        (MISSION, "Serves the mission", "parent"),
        (MISSION, "Parent mission", "parent"),
        (MISSION, "KPI", "metric"),
    ],
)
def test_headings_people_write_map_to_fields(item_type: ItemType, heading: str, field: str) -> None:
    mapping = guess_mapping(table("Something else", heading), item_type)
    assert mapping[field] == 1
    assert set(mapping) == set(item_type.field_names)
    assert all(column is None for name, column in mapping.items() if name != field)


def test_a_field_name_beats_a_synonym_and_each_column_is_used_once() -> None:
    mapping = guess_mapping(table("Description", "Action", "Owner", "Lead", "Due"), ACTION)
    assert mapping == {"action": 1, "owner": 2, "due": 4, "status": None}
    assert guess_mapping(fixture("actions-cp1252-semicolon.csv"), ACTION) == {
        "action": 0,
        "owner": 1,
        "due": 2,
        "status": 3,
    }


# Checking rows before anything is written.


def test_every_problem_of_every_row_is_listed_with_its_line() -> None:
    rows = checked("budget-bad-rows.csv", BUDGET_LINE)
    assert [r.line for r in rows] == [2, 3, 4, 6, 7, 8]  # line 5 is empty
    assert rows[0].values == {
        "service": "Early help",
        "partner": "Brackenford City Council",
        "amount": "1250000.00",
        "mission": "",
        "note": "",
    }
    assert rows[-1].values is not None and rows[-1].values["amount"] == "1250.50"
    problems = {r.line: r.problems for r in rows if r.problems}
    assert problems[3] == (
        "Line 3: Amount (£) cannot be negative (-5000). Enter the amount as a positive number.",
    )
    assert problems[4][0].startswith("Line 4: Amount (£) must be an amount in pounds")
    assert problems[6] == ("Line 6: Service is needed.",)
    assert problems[7][0] == "Line 7: Partner is needed."
    assert problems[7][1].startswith("Line 7: Amount (£): '1250,50' has a comma")
    assert all(r.values is None for r in rows if r.problems)


def test_values_are_tidied_the_way_excel_writes_them() -> None:
    data = parse_csv(
        b"Action,Owner,Due,Status\n"
        b"Publish,Ann,31/03/2027 00:00,under way\n"
        b"Agree,Ann,2027-03-31,done\n"
    )
    rows = csv_import.check_rows(data, ACTION, guess_mapping(data, ACTION))
    assert [r.values for r in rows] == [
        {"action": "Publish", "owner": "Ann", "due": "2027-03-31", "status": "Under way"},
        {"action": "Agree", "owner": "Ann", "due": "2027-03-31", "status": "Done"},
    ]
    levels = parse_csv(b"Level,Mission\nMetro,A\nmission,B\n")
    rows = csv_import.check_rows(levels, MISSION, guess_mapping(levels, MISSION))
    assert rows[0].values is not None and rows[0].values["level"] == "Metro mission"
    assert rows[1].problems and "Level must be one of" in rows[1].problems[0]  # ambiguous


def test_mission_parents_by_title_are_looked_up_in_the_plan_and_the_rows_above(
    plan: Project,
) -> None:
    rows = checked("missions-quoted-newlines.csv", MISSION, plan)
    problems = {r.line: r.problems for r in rows if r.problems}
    assert sorted(problems) == [5, 6, 7]
    assert problems[7] == (
        "Line 7: Serves the mission: there is no mission called 'Good work for all' in this "
        "document or in the rows above this one. Check the spelling, or put that mission in a "
        "row above.",
    )
    missions = section(plan, "missions").id
    plan.add_item(missions, "mission", {"level": "National mission metric",
                                         "title": "Good  work for ALL"})  # fmt: skip
    rows = checked("missions-quoted-newlines.csv", MISSION, plan)
    assert sorted(r.line for r in rows if r.problems) == [5, 6]


def test_a_parent_on_a_bad_line_or_with_two_matches_is_a_problem(plan: Project) -> None:
    data = parse_csv(
        b"Level,Mission,Serves,Target date\n"
        b"National,Top,,not a date\n"  # line 2: a bad row
        b"Metro,Middle,Top,\n"  # line 3: its parent is on a bad line
        b"National,Twin,,\n"
        b"National,Twin,,\n"
        b"Metro,Below twin,twin,\n"  # line 6: which Twin?
    )
    rows = csv_import.check_rows(data, MISSION, guess_mapping(data, MISSION), plan.document)
    problems = {r.line: r.problems for r in rows if r.problems}
    assert "'Top' is the mission on line 2, which has problems of its own" in problems[3][0]
    assert "more than one mission is called 'twin'" in problems[6][0]


# Importing: all good rows in one step, or nothing.


def test_nothing_is_written_when_only_bad_rows_are_imported(plan: Project) -> None:
    heard: list[tuple[str, str]] = []
    plan.subscribe(lambda change, target: heard.append((change, target)))
    budget = section(plan, "budget").id
    bad = [r for r in checked("budget-bad-rows.csv", BUDGET_LINE) if r.problems]
    with pytest.raises(CsvError, match="Nothing was added"):
        import_rows(plan, budget, "budget_line", bad)
    with pytest.raises(CsvError, match="no row to import"):
        import_rows(plan, budget, BUDGET_LINE, [])
    assert heard == []
    assert fresh(plan) == []
    assert section(plan, "budget").items == []


def test_good_rows_are_imported_in_one_transaction(plan: Project) -> None:
    heard: list[tuple[str, str]] = []
    plan.subscribe(lambda change, target: heard.append((change, target)))
    budget = section(plan, "budget").id
    items = import_rows(plan, budget, BUDGET_LINE, checked("budget-bad-rows.csv", BUDGET_LINE))
    assert heard == [("items-added", budget)]
    assert [i.fields["service"] for i in items] == ["Early help", "Resettlement"]
    assert all(i.tags == [] for i in items)  # the part's tags are suggestions
    assert fresh(plan) == [
        ("budget", "budget_line", items[0].fields),
        ("budget", "budget_line", items[1].fields),
    ]
    assert [i.id for i in section(plan, "budget").items] == [i.id for i in items]


def test_a_cascade_of_missions_is_imported_with_parents_as_ids(plan: Project) -> None:
    missions = section(plan, "missions").id
    rows = checked("missions-quoted-newlines.csv", MISSION)  # checked without the plan
    with pytest.raises(CsvError, match=r"Line 7: .*'Good work for all'.*Nothing was added"):
        import_rows(plan, missions, "mission", rows)
    assert fresh(plan) == []
    rows = checked("missions-quoted-newlines.csv", MISSION, plan)
    national, metro, local = import_rows(plan, missions, "mission", rows)
    assert metro.fields["parent"] == national.id
    assert local.fields["parent"] == metro.id
    assert [f["title"] for _, _, f in fresh(plan)] == [
        "Children ready for school",
        "Every child starts school ready to learn",
        "Welcome every new baby",
    ]
    linked = plan_checks.check_missions(plan.document)
    assert [p for p in linked if p.rule == plan_checks.MISSION_NOT_LINKED] == []


def test_the_budget_total_from_a_csv_reconciles_via_the_checks(plan: Project) -> None:
    budget = section(plan, "budget").id
    pot = plan.add_item(budget, "budget_pot", {"total": "£312,450,000",
                        "accounting_officer": "Naomi Strickland"})  # fmt: skip
    import_rows(plan, budget, BUDGET_LINE, checked("budget-utf8-bom.csv", BUDGET_LINE))
    with Project.open(plan.path, KINDS, read_only=True) as again:
        problems = check_plan(again.document, PLAN)
    assert [p for p in problems if p.rule.startswith("budget-")] == []
    plan.update_item(pot.id, {"total": "312500000"})
    [problem] = [p for p in check_plan(plan.document, PLAN) if p.rule.startswith("budget-")]
    assert problem.message.startswith(
        "£312,450,000 in lines, £312,500,000 in the pot: £50,000 short."
    )
    assert problem.part_id == pot.id


def test_charter_measures_and_plan_actions_from_a_semicolon_file(
    tmp_path: Path, plan: Project
) -> None:
    actions = section(plan, "actions").id
    rows = checked("actions-cp1252-semicolon.csv", ACTION)
    items = import_rows(plan, actions, "action", rows)
    assert items[0].fields == {"action": "Agree the Board’s terms of reference",
                               "owner": "Mayor Sunita Calder", "due": "2026-09-30",
                               "status": "Done"}  # fmt: skip
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as charter:
        kind = import_target(charter.spec, "measures")
        data = parse_csv(b"Measure,Where we are now,How often\nVacancy rate,28%,quarterly\n")
        measures = section(charter, "measures").id
        [item] = import_rows(
            charter, measures, kind, csv_import.check_rows(data, kind, guess_mapping(data, kind))
        )
        assert item.fields["baseline"] == "28%" and item.fields["frequency"] == "Quarterly"


def test_csv_targets_are_sections_that_hold_those_items() -> None:
    for spec in KINDS:
        for key, item_type in spec.csv_targets.items():
            assert import_target(spec, key).name == item_type
    assert set(PLAN.csv_targets) >= {"board", "missions", "standards", "budget", "actions"}
    with pytest.raises(CsvError, match="It can go into: The Board and its members"):
        import_target(PLAN, "foreword")


# Project.add_items: checked first, then one transaction.


def test_add_items_checks_every_row_first(plan: Project) -> None:
    budget = section(plan, "budget").id
    good = {"service": "A", "partner": "B", "amount": "1"}
    with pytest.raises(FieldError, match=r"2 of 3 rows .* Row 2: .* Row 3: Amount"):
        plan.add_items(budget, "budget_line", [good, {"service": "x"}, {**good, "amount": "-1"}])
    assert fresh(plan) == []
    assert plan.add_items(budget, "budget_line", []) == []


def test_add_items_is_all_or_nothing_when_the_write_fails(
    plan: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget = section(plan, "budget").id
    plan.add_items(budget, "budget_line", [{"service": "Kept", "partner": "B", "amount": "1"}])
    real_row = project.item_row
    calls = []

    def failing_row(*args: Any) -> dict[str, Any]:
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_row(*args)

    monkeypatch.setattr(project, "item_row", failing_row)
    rows = [{"service": f"S{n}", "partner": "B", "amount": "1"} for n in range(3)]
    with pytest.raises(OSError, match="disk full"):
        plan.add_items(budget, "budget_line", rows)
    assert [f["service"] for _, _, f in fresh(plan)] == ["Kept"]
    assert [i.fields["service"] for i in section(plan, "budget").items] == ["Kept"]


def test_add_items_can_be_given_ids(plan: Project) -> None:
    board = section(plan, "board").id
    rows = [{"role": "Mayor", "name": "A", "chair": True}, {"role": "Leader", "name": "B"}]
    items = plan.add_items(board, "member", rows, tags=["R3", "R4"], author="Sam", ids=["m1", "m2"])
    assert [(i.id, i.tags, i.author) for i in items] == [
        ("m1", ["R3", "R4"], "Sam"),
        ("m2", ["R3", "R4"], "Sam"),
    ]
    with pytest.raises(ValueError, match="ids"):
        plan.add_items(board, "member", rows, ids=["only-one"])
