"""Import a spreadsheet: choose a CSV file and the part it goes into, check it, then import.

Nothing is written until the user presses Import. Before that the dialog shows how the file
was read (its encoding and separator, in words), which column fills which field (guessed
from the headings, and changeable), and every row with its problems. Changing a column
checks the rows again at once. Import adds only the good rows, in one step that one Undo
takes back (:func:`reformkit.document.csv_import.import_rows`, then
:meth:`DocumentEditor.add_items`).

The file dialog goes through :meth:`CsvImportDialog.choose_file`, so tests can replace it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.panels.csv_words import (
    NOT_IN_FILE,
    Target,
    column_name,
    counts,
    import_label,
    no_target_message,
    reading,
    result_message,
    targets,
    without_line,
)
from desktop.prompts import Prompts
from reformkit.document.csv_import import RowCheck, check_rows, guess_mapping
from reformkit.document.csv_import import import_rows as add_good_rows
from reformkit.document.csv_read import CsvTable, read_csv
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError

FILE_FILTER = "Spreadsheets saved as CSV (*.csv *.txt)"
ERROR_COLOUR = "#a4262c"
# Rows: text on background, each pair above 7:1 contrast; a cell with the problem is darker.
BAD_ROW = ("#8a1111", "#fde2e2")
BAD_CELL = "#f8c4c4"
GOOD_MARK = ("#14532d", "#dcf2e3")
LINE_COLUMN, CHECK_COLUMN, FIRST_FIELD_COLUMN = 0, 1, 2


class CsvImportDialog(QDialog):
    """Import the rows of a CSV file into one part of the document, good rows only."""

    imported = Signal(str)  # after a successful import: "12 rows added to …"

    def __init__(
        self,
        editor: DocumentEditor,
        section_id: str | None = None,
        parent: QWidget | None = None,
        *,
        author: str = "",
        prompts: Prompts | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.author = author
        self.prompts = prompts
        self.path: Path | None = None
        self.table: CsvTable | None = None
        self.mapping: dict[str, int | None] = {}
        self.checks: list[RowCheck] = []
        self.outcome: str = ""  # what the import did, in words; "" until it has run
        self.targets: list[Target] = targets(editor.project.document, editor.project.spec)
        self.mapping_boxes: dict[str, QComboBox] = {}
        self._folder: Path = Path(editor.project.path).parent
        self.setWindowTitle("Import a spreadsheet")
        self.setAccessibleName("Import a spreadsheet")
        self.setMinimumSize(760, 560)

        intro = QLabel(
            "Add rows from a spreadsheet saved as CSV. Nothing is added until you press "
            "Import, and only rows without problems are added."
        )
        intro.setWordWrap(True)

        self.file_field = QLineEdit()
        self.file_field.setReadOnly(True)
        self.file_field.setPlaceholderText("No file chosen yet")
        self.file_field.setAccessibleName("Spreadsheet file")
        self.file_button = QPushButton("Choose file…")
        self.file_button.setAccessibleName("Choose the spreadsheet file")
        self.file_button.setToolTip(FILE_FILTER)
        self.file_button.clicked.connect(self.open_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.file_button)

        self.target_box = QComboBox()
        self.target_box.setAccessibleName("Import into")
        for target in self.targets:
            self.target_box.addItem(target.label, target.section.id)
        self.target_box.currentIndexChanged.connect(self._target_changed)

        top = QGridLayout()
        top.addWidget(_buddy("&File:", self.file_button), 0, 0)
        top.addLayout(file_row, 0, 1)
        top.addWidget(_buddy("Import &into:", self.target_box), 1, 0)
        top.addWidget(self.target_box, 1, 1)
        top.setColumnStretch(1, 1)

        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        self.reading_label.setAccessibleName("How the file was read")
        self.reading_label.hide()

        self.mapping_group = QGroupBox("Which column is which")
        self.mapping_group.setAccessibleName("Which column is which")
        self.mapping_grid = QGridLayout(self.mapping_group)
        self.mapping_grid.setColumnStretch(1, 1)
        self.mapping_grid.setColumnStretch(3, 1)

        self.preview = QTableWidget()
        self.preview.setAccessibleName("The rows, each with its check")
        self.preview.setAccessibleDescription(
            "Each row of the file as it would be imported, with a tick if it is ready or a "
            "cross and its problems if it is not. Rows with problems are left out."
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(True)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setStretchLastSection(False)

        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName("Rows ready to import")
        font = self.counts_label.font()
        font.setBold(True)
        self.counts_label.setFont(font)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Import problem")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()

        self.import_button = QPushButton("Import")
        self.import_button.setAccessibleName("Import the good rows")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_rows)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.mapping_group)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

        self._preselect(section_id)
        if not self.targets:
            self.show_error(no_target_message(editor.project.spec))
            self.file_button.setEnabled(False)
            self.target_box.setEnabled(False)
        self._build_mapping()
        self._show_checks()
        self.file_button.setFocus()

    # Public.
    def choose_file(self) -> Path | None:
        """Ask for the CSV file (the native file dialog); ``None`` if the user cancels."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a spreadsheet", str(self._folder), f"{FILE_FILTER};;All files (*)"
        )
        return Path(name) if name else None

    def open_file(self) -> None:
        """Choose a file and preview it."""
        path = self.choose_file()
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Read the file, guess its columns and check its rows; say what is wrong if it
        cannot be read. Nothing is written."""
        self.path = Path(path)
        self._folder = self.path.parent
        self.file_field.setText(str(self.path))
        self.file_field.setToolTip(str(self.path))
        try:
            self.table = read_csv(self.path)
        except ReformKitError as error:
            self.table = None
            self.reading_label.setText("")
            self.reading_label.hide()
            self._build_mapping()
            self._show_checks()
            self.show_error(str(error))
            return False
        self.reading_label.setText(reading(self.table))
        self.reading_label.show()
        self.clear_error()
        self._guess()
        return True

    def target(self) -> Target | None:
        index = self.target_box.currentIndex()
        return self.targets[index] if 0 <= index < len(self.targets) else None

    def item_type(self) -> ItemType | None:
        target = self.target()
        return target.item_type if target else None

    def set_target(self, section_id: str) -> None:
        index = self.target_box.findData(section_id)
        if index >= 0:
            self.target_box.setCurrentIndex(index)

    def set_column(self, field_name: str, column: int | None) -> None:
        """Map a field to a column (``None``: not in the file), as choosing it would."""
        box = self.mapping_boxes[field_name]
        box.setCurrentIndex(box.findData(column) if column is not None else 0)

    def good_rows(self) -> list[RowCheck]:
        return [check for check in self.checks if check.ok]

    def bad_rows(self) -> list[RowCheck]:
        return [check for check in self.checks if not check.ok]

    def recheck(self) -> None:
        """Check every row again with the current columns; nothing is written."""
        item_type = self.item_type()
        if self.table is None or item_type is None:
            self.checks = []
        else:
            self.checks = check_rows(
                self.table, item_type, self.mapping, self.editor.project.document
            )
        self._show_checks()

    def import_rows(self) -> bool:
        """Add the good rows in one undoable step, say so and close; on an error, say what
        is wrong and write nothing."""
        target = self.target()
        if target is None or not self.good_rows():
            return False
        try:
            items = add_good_rows(
                self.editor.project, target.section.id, target.item_type, self.checks, self.author
            )
        except ReformKitError as error:
            self.show_error(str(error))
            return False
        self.editor.add_items(items)
        self.outcome = result_message(len(items), target.section.title, len(self.bad_rows()))
        self.imported.emit(self.outcome)
        if self.prompts is not None:
            self.prompts.info(self, "Spreadsheet imported", self.outcome + ".")
        self.accept()
        return True

    def show_error(self, text: str) -> None:
        self.message.setText(f"✗ {text}")
        self.message.show()

    def clear_error(self) -> None:
        self.message.setText("")
        self.message.hide()

    # The part to import into.
    def _preselect(self, part_id: str | None) -> None:
        if not part_id:
            return
        document = self.editor.project.document
        try:
            section_id = document.find_item(part_id)[0].id  # an item: its section
        except KeyError:
            section_id = part_id
        self.set_target(section_id)

    def _target_changed(self, _index: int) -> None:
        self.clear_error()
        self._guess()

    # Which column is which.
    def _guess(self) -> None:
        item_type = self.item_type()
        if self.table is not None and item_type is not None:
            self.mapping = guess_mapping(self.table, item_type)
        else:
            self.mapping = {}
        self._build_mapping()
        self.recheck()

    def _build_mapping(self) -> None:
        while self.mapping_grid.count():
            taken = self.mapping_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.mapping_boxes = {}
        item_type = self.item_type()
        if self.table is None or item_type is None:
            note = QLabel("Choose a file to see its columns here.")
            note.setEnabled(False)
            self.mapping_grid.addWidget(note, 0, 0, 1, 4)
            return
        for n, field in enumerate(item_type.fields):
            box = QComboBox()
            box.addItem(NOT_IN_FILE, None)
            for column in range(len(self.table.header)):
                box.addItem(column_name(self.table, column), column)
            chosen = self.mapping.get(field.name)
            box.setCurrentIndex(box.findData(chosen) if chosen is not None else 0)
            box.setAccessibleName(
                f"Column for {field.label}" + (", needed in every row" if field.required else "")
            )
            box.setToolTip(field.help or f"The column that holds each row's {field.label}.")
            box.currentIndexChanged.connect(lambda _i, name=field.name: self._remapped(name))
            label = QLabel(f"{field.label} <b>*</b>" if field.required else field.label)
            label.setBuddy(box)
            if field.required:
                label.setToolTip("Needed in every row")
            row, pair = divmod(n, 2)
            self.mapping_grid.addWidget(label, row, pair * 2)
            self.mapping_grid.addWidget(box, row, pair * 2 + 1)
            self.mapping_boxes[field.name] = box
        if any(field.required for field in item_type.fields):
            rows = (len(item_type.fields) + 1) // 2
            note = QLabel("<b>*</b> needed in every row")
            self.mapping_grid.addWidget(note, rows, 0, 1, 4)

    def _remapped(self, field_name: str) -> None:
        box = self.mapping_boxes[field_name]
        self.mapping[field_name] = box.currentData()
        self.recheck()

    # The preview.
    def _show_checks(self) -> None:
        item_type = self.item_type()
        view = self.preview
        view.setUpdatesEnabled(False)
        view.clear()
        fields = item_type.fields if item_type is not None and self.table is not None else ()
        headings = ["Line", "Check"] + [
            f"{field.label} *" if field.required else field.label for field in fields
        ]
        view.setColumnCount(len(headings))
        view.setHorizontalHeaderLabels(headings)
        view.setRowCount(len(self.checks))
        labels = sorted(((f.label, n) for n, f in enumerate(fields)), key=lambda p: -len(p[0]))
        for row, check in enumerate(self.checks):
            cells = self._cells(check, len(fields))
            problems = [without_line(p) for p in check.problems]
            bad_fields = {
                next((n for label, n in labels if problem.startswith(label)), None)
                for problem in problems
            }
            line = QTableWidgetItem(str(check.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            view.setItem(row, LINE_COLUMN, line)
            if check.ok:
                mark = QTableWidgetItem("✓ Ready")
                mark.setForeground(QBrush(QColor(GOOD_MARK[0])))
                mark.setBackground(QBrush(QColor(GOOD_MARK[1])))
                mark.setData(Qt.ItemDataRole.AccessibleTextRole, "Ready to import")
            else:
                mark = QTableWidgetItem("✗ " + "\n✗ ".join(problems))
                mark.setData(Qt.ItemDataRole.AccessibleTextRole, "Left out: " + " ".join(problems))
            mark.setToolTip("\n".join(check.problems) or "This row is ready to import.")
            view.setItem(row, CHECK_COLUMN, mark)
            for n, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                view.setItem(row, FIRST_FIELD_COLUMN + n, cell)
            if not check.ok:
                for column in range(view.columnCount()):
                    marked = view.item(row, column)
                    if marked is None:
                        continue
                    marked.setForeground(QBrush(QColor(BAD_ROW[0])))
                    background = BAD_CELL if column - FIRST_FIELD_COLUMN in bad_fields else None
                    marked.setBackground(QBrush(QColor(background or BAD_ROW[1])))
        header = view.horizontalHeader()
        header.setSectionResizeMode(LINE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        view.setColumnWidth(CHECK_COLUMN, 300)
        for n in range(len(fields)):
            header.setSectionResizeMode(FIRST_FIELD_COLUMN + n, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(FIRST_FIELD_COLUMN + n, 150)
        if fields:
            header.setStretchLastSection(True)
        view.resizeRowsToContents()
        view.setUpdatesEnabled(True)

        good = len(self.good_rows())
        self.import_button.setText(import_label(good) if self.table is not None else "Import")
        self.import_button.setEnabled(good > 0 and not self.editor.read_only)
        if self.table is None:
            self.counts_label.setText("")
        elif self.editor.read_only:
            self.counts_label.setText("This document is open read-only, so nothing can be added.")
        else:
            self.counts_label.setText(counts(self.checks))

    def _cells(self, check: RowCheck, width: int) -> list[str]:
        """The file's cells for each field of a row, as written in the file."""
        item_type = self.item_type()
        if self.table is None or item_type is None:
            return [""] * width
        row = self.table.rows[check.line - self.table.first_line - 1]
        cells = []
        for field in item_type.fields:
            column = self.mapping.get(field.name)
            cells.append(row[column].strip() if column is not None and column < len(row) else "")
        return cells


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label
