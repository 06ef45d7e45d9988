"""Import a spreadsheet: files as Excel saves them, a preview with every row's problems before
anything is written, columns that can be changed, and the good rows added in one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels import csv_import_dialog as dialog_module
from desktop.panels.csv_import_dialog import (
    CHECK_COLUMN,
    FIRST_FIELD_COLUMN,
    LINE_COLUMN,
    CsvImportDialog,
)
from desktop.panels.csv_words import (
    NOT_IN_FILE,
    column_letter,
    counts,
    import_label,
    reading,
    result_message,
)
from reformkit.document.csv_import import CsvError, parse_csv
from reformkit.document.interchange import loads
from reformkit.document.model import Item
from reformkit.document.project import Project
from tests.desktop.fakes import FakePrompts

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
CSV = ROOT / "tests" / "fixtures" / "csv"


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "local-reform-plan.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    yield DocumentEditor(project)
    project.close()


def _section(editor: DocumentEditor, key: str) -> str:
    return next(s.id for s in editor.project.document.sections if s.key == key)


def _items(editor: DocumentEditor, key: str, item_type: str) -> list[Item]:
    section = editor.project.document.section(_section(editor, key))
    return [item for item in section.items if item.type == item_type]


def _dialog(qtbot, editor: DocumentEditor, section_id: str | None, **kwargs) -> CsvImportDialog:
    dialog = CsvImportDialog(editor, section_id, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _check_texts(dialog: CsvImportDialog) -> dict[int, str]:
    """Line → what the Check column says."""
    view = dialog.preview
    return {
        int(view.item(row, LINE_COLUMN).text()): view.item(row, CHECK_COLUMN).text()
        for row in range(view.rowCount())
    }


def test_a_utf8_file_with_a_bom_imports_in_one_undo_step(qtbot, plan: DocumentEditor) -> None:
    budget = _section(plan, "budget")
    before = _items(plan, "budget", "budget_line")
    dialog = _dialog(qtbot, plan, budget)
    assert dialog.target().section.id == budget
    assert not dialog.import_button.isEnabled()

    assert dialog.load(CSV / "budget-utf8-bom.csv")
    assert dialog.reading_label.text().startswith(
        "Read as UTF-8 with a byte-order mark, separated by commas"
    )
    assert "8 rows" in dialog.reading_label.text()
    mapped = {field: column for field, column in dialog.mapping.items() if column is not None}
    assert mapped == {"service": 0, "partner": 1, "amount": 2, "note": 3}
    assert dialog.mapping["mission"] is None  # no column says which mission a line serves
    assert dialog.mapping_boxes["amount"].currentText() == "Amount (£) — column C"
    assert dialog.preview.rowCount() == 8  # the empty rows at the end are not rows
    assert set(_check_texts(dialog).values()) == {"✓ Ready"}
    assert dialog.preview.item(0, FIRST_FIELD_COLUMN + 2).text() == "£64,800,000.00"
    assert dialog.import_button.text() == "Import 8 rows"
    assert _items(plan, "budget", "budget_line") == before  # nothing written yet

    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args == ["8 rows added to Total Place+ budget"]
    assert dialog.outcome == "8 rows added to Total Place+ budget"
    assert not dialog.isVisible()
    after = _items(plan, "budget", "budget_line")
    assert len(after) == len(before) + 8
    assert after[-1].fields["service"] == "Adult social care prevention and reablement"
    assert str(after[-1].fields["amount"]) in ("14450000", "14450000.00")
    assert plan.undo_stack.count() == 1
    plan.undo_stack.undo()
    assert [i.id for i in _items(plan, "budget", "budget_line")] == [i.id for i in before]
    plan.undo_stack.redo()
    assert len(_items(plan, "budget", "budget_line")) == len(before) + 8


def test_a_windows_1252_file_with_semicolons_and_pound_signs(
    qtbot, plan: DocumentEditor, tmp_path: Path
) -> None:
    path = tmp_path / "budget.csv"
    path.write_bytes(
        "Service;Partner;Amount (£);Note\r\n"
        "Café outreach;Brackenford City Council;£1,250.50;“warm spaces”\r\n"
        "Youth work;Wyvern Valley Council;£12,000;\r\n".encode("cp1252")
    )
    assert b"\xa3" in path.read_bytes()  # the £ as Windows-1252 writes it
    dialog = _dialog(qtbot, plan, _section(plan, "budget"))
    dialog.load(path)
    assert dialog.reading_label.text().startswith(
        "Read as Windows-1252 (Excel's plain “CSV”), separated by semicolons"
    )
    assert _check_texts(dialog) == {2: "✓ Ready", 3: "✓ Ready"}
    assert dialog.preview.item(0, FIRST_FIELD_COLUMN).text() == "Café outreach"
    assert dialog.preview.item(0, FIRST_FIELD_COLUMN + 2).text() == "£1,250.50"
    assert dialog.import_rows()
    lines = _items(plan, "budget", "budget_line")[-2:]
    assert [line.fields["service"] for line in lines] == ["Café outreach", "Youth work"]
    assert [str(line.fields["amount"]) for line in lines] in (
        ["1250.50", "12000"],
        ["1250.50", "12000.00"],
    )
    assert lines[0].fields["note"] == "“warm spaces”"


def test_the_actions_fixture_maps_its_own_headings(qtbot, plan: DocumentEditor) -> None:
    before = len(_items(plan, "actions", "action"))
    dialog = _dialog(qtbot, plan, _section(plan, "actions"))
    dialog.load(CSV / "actions-cp1252-semicolon.csv")
    assert "Windows-1252" in dialog.reading_label.text()
    assert "semicolons" in dialog.reading_label.text()
    assert dialog.mapping == {"action": 0, "owner": 1, "due": 2, "status": 3}
    assert dialog.mapping_boxes["owner"].currentText() == "Lead — column B"
    assert set(_check_texts(dialog).values()) == {"✓ Ready"}
    assert dialog.import_button.text() == "Import 3 rows"
    dialog.import_rows()
    added = _items(plan, "actions", "action")[before:]
    assert added[1].fields["action"] == "Set up the “flexible fund”: £500 per household; no forms"
    assert added[1].fields["due"] == "2027-03-31"


def test_bad_rows_are_shown_before_anything_is_written_and_left_out(
    qtbot, plan: DocumentEditor
) -> None:
    budget = _section(plan, "budget")
    before = [i.id for i in _items(plan, "budget", "budget_line")]
    prompts = FakePrompts()
    dialog = _dialog(qtbot, plan, budget, prompts=prompts)
    dialog.load(CSV / "budget-bad-rows.csv")
    checks = _check_texts(dialog)
    assert list(checks) == [2, 3, 4, 6, 7, 8]  # the empty line 5 is not a row
    assert checks[2] == checks[8] == "✓ Ready"
    assert checks[3].startswith("✗ Amount (£) cannot be negative")
    assert checks[4].startswith("✗ Amount (£) must be an amount in pounds")
    assert checks[6] == "✗ Service is needed."
    assert checks[7].split("\n")[0] == "✗ Partner is needed."
    assert "comma that does not separate thousands" in checks[7]
    # Rows with problems are coloured as well as marked, the cell at fault more so.
    bad, good = dialog.preview.item(1, FIRST_FIELD_COLUMN), dialog.preview.item(0, 2)
    assert bad.background().color().name() == dialog_module.BAD_ROW[1]
    assert good.background().style() == Qt.BrushStyle.NoBrush
    amount = dialog.preview.item(1, FIRST_FIELD_COLUMN + 2)
    assert amount.background().color().name() == dialog_module.BAD_CELL
    assert dialog.counts_label.text().startswith(
        "2 rows are ready to import; 4 rows have problems and will be left out"
    )
    assert dialog.import_button.text() == "Import 2 rows"
    assert [i.id for i in _items(plan, "budget", "budget_line")] == before  # nothing yet

    dialog.import_button.click()
    message = "2 rows added to Total Place+ budget; 4 rows with problems were left out"
    assert dialog.outcome == message
    assert prompts.infos == [("Spreadsheet imported", message + ".")]
    added = _items(plan, "budget", "budget_line")[len(before) :]
    assert [i.fields["service"] for i in added] == ["Early help", "Resettlement"]
    plan.undo_stack.undo()  # one step takes both back
    assert [i.id for i in _items(plan, "budget", "budget_line")] == before


def test_changing_a_column_checks_the_rows_again(qtbot, plan: DocumentEditor) -> None:
    dialog = _dialog(qtbot, plan, _section(plan, "budget"))
    dialog.load(CSV / "budget-bad-rows.csv")
    assert len(dialog.good_rows()) == 2
    box = dialog.mapping_boxes["partner"]
    assert box.itemText(0) == NOT_IN_FILE
    box.setCurrentIndex(0)  # as the user would: Partner is not in the file
    assert dialog.mapping["partner"] is None
    assert not dialog.good_rows()
    assert all("Partner is needed." in text for text in _check_texts(dialog).values())
    assert dialog.import_button.text() == "Nothing to import"
    assert not dialog.import_button.isEnabled()
    # The note column as the service: line 6 has no note, line 8 has one.
    dialog.set_column("partner", 1)
    dialog.set_column("service", 3)
    checks = _check_texts(dialog)
    assert checks[2] == "✗ Service is needed."  # line 2 has no note
    assert checks[8] == "✓ Ready"
    assert dialog.preview.item(5, FIRST_FIELD_COLUMN).text() == "pence are fine"
    assert dialog.import_button.text() == "Import 1 row"


def test_choosing_the_file_and_the_part(
    qtbot, plan: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreword = _section(plan, "foreword")
    dialog = _dialog(qtbot, plan, foreword)  # not a part a spreadsheet can go into
    keys = [t.section.key for t in dialog.targets]
    assert keys == ["board", "missions", "standards", "engagement", "budget", "actions"]
    assert dialog.target().section.key == "board"
    monkeypatch.setattr(dialog, "choose_file", lambda: CSV / "budget-utf8-bom.csv")
    dialog.file_button.click()
    assert dialog.file_field.text().endswith("budget-utf8-bom.csv")
    assert not dialog.good_rows()  # budget lines are not Board members
    dialog.set_target(_section(plan, "budget"))
    assert dialog.mapping["amount"] == 2  # guessed again for the new part
    assert len(dialog.good_rows()) == 8
    # An item's id chooses its section.
    line = _items(plan, "budget", "budget_line")[0]
    assert _dialog(qtbot, plan, line.id).target().section.key == "budget"
    # Cancelling the file dialog changes nothing.
    monkeypatch.setattr(dialog, "choose_file", lambda: None)
    dialog.open_file()
    assert len(dialog.good_rows()) == 8


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04rest of a workbook", "is an Excel workbook, not a CSV file"),
        (b"1250,2000\n300,12\n", "looks like data, not column headings"),
        (b'Service,Partner\n"Early help,Council\n', "never closed"),
        (b"", ""),
    ],
)
def test_a_broken_file_says_what_is_wrong_and_writes_nothing(
    qtbot, plan: DocumentEditor, tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    with pytest.raises(CsvError) as expected:
        parse_csv(data, path.name)
    dialog = _dialog(qtbot, plan, _section(plan, "budget"))
    assert not dialog.load(path)
    assert dialog.message.isVisible()
    assert dialog.message.text() == f"✗ {expected.value}"
    assert words in dialog.message.text()
    assert dialog.preview.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert plan.undo_stack.count() == 0
    # A good file afterwards clears the message.
    dialog.load(CSV / "budget-utf8-bom.csv")
    assert not dialog.message.isVisible()


def test_a_missing_file_says_so(qtbot, plan: DocumentEditor, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, None)
    assert not dialog.load(tmp_path / "gone.csv")
    assert "gone.csv was not found" in dialog.message.text()


def test_an_error_while_importing_is_shown_and_nothing_is_written(
    qtbot, plan: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = [i.id for i in _items(plan, "budget", "budget_line")]
    dialog = _dialog(qtbot, plan, _section(plan, "budget"))
    dialog.load(CSV / "budget-bad-rows.csv")

    def refuse(*_args: object, **_kwargs: object) -> list[Item]:
        raise CsvError("Line 2: Partner: the sky fell in. Nothing was added.")

    monkeypatch.setattr(dialog_module, "add_good_rows", refuse)
    assert not dialog.import_rows()
    assert dialog.isVisible()
    assert dialog.message.text() == "✗ Line 2: Partner: the sky fell in. Nothing was added."
    assert [i.id for i in _items(plan, "budget", "budget_line")] == before
    assert plan.undo_stack.count() == 0


def test_a_charter_imports_measures(qtbot, tmp_path: Path, qapp: object) -> None:
    project = Project.create(tmp_path / "c.reformkit", CHARTER, "Our charter", "Eastmoor")
    try:
        editor = DocumentEditor(project)
        dialog = _dialog(qtbot, editor, None)
        assert [t.section.key for t in dialog.targets] == ["measures"]
        assert dialog.target_box.currentText().endswith("— measures")
        project.remove_section(_section(editor, "measures"))
        empty = _dialog(qtbot, DocumentEditor(project), None)
        assert not empty.file_button.isEnabled()
        assert "How we will know it is working" in empty.message.text()
    finally:
        project.close()


def test_accessible_names(qtbot, plan: DocumentEditor) -> None:
    dialog = _dialog(qtbot, plan, _section(plan, "missions"))
    dialog.load(CSV / "missions-quoted-newlines.csv")
    for widget in (
        dialog,
        dialog.file_field,
        dialog.file_button,
        dialog.target_box,
        dialog.reading_label,
        dialog.preview,
        dialog.counts_label,
        dialog.import_button,
        *dialog.mapping_boxes.values(),
    ):
        assert widget.accessibleName()
    assert dialog.mapping_boxes["title"].accessibleName() == (
        "Column for Mission, needed in every row"
    )
    checks = _check_texts(dialog)
    assert checks[5].startswith("✗ Target date")
    assert "no mission called 'Good work for all'" in checks[7]


def test_wording(tmp_path: Path) -> None:
    assert [column_letter(n) for n in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
    assert import_label(0) == "Nothing to import"
    assert import_label(1) == "Import 1 row"
    assert import_label(12) == "Import 12 rows"
    assert result_message(1, "Action plan", 0) == "1 row added to Action plan"
    assert result_message(12, "Total Place+ budget", 1) == (
        "12 rows added to Total Place+ budget; 1 row with problems was left out"
    )
    assert counts([]) == "The file has no rows to import."
    table = parse_csv("\ufeffA\tB\r\n1\t2\r\n".encode())
    assert reading(table) == (
        "Read as UTF-8 with a byte-order mark, separated by tabs: the headings on line 1 and "
        "1 row under them."
    )
