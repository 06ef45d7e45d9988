"""The catalogue browser window: tree, search, details, your library, menus and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence
from shiboken6 import Shiboken

from desktop.app import create_main_window, open_settings
from desktop.catalogue_tree import GROUP_ROLE, ID_ROLE, STRUCTURE_TITLE, USER_GROUP
from desktop.main_window import MainWindow
from reformkit.catalogue.store import Catalogue


def _children(model, parent_index) -> list:
    return [model.index(row, 0, parent_index) for row in range(model.rowCount(parent_index))]


def _group(window: MainWindow, title_start: str):
    for index in _children(window.tree_model, window.tree.rootIndex()):
        if index.data().startswith(title_start):
            return index
    raise AssertionError(f"no group {title_start!r}")


def _ids(indexes) -> list[str]:
    return [index.data(ID_ROLE) for index in indexes]


def test_tree_holds_seven_shifts_and_all_22_recommendations(window: MainWindow) -> None:
    model = window.tree_model
    structure = _group(window, STRUCTURE_TITLE)
    top = _children(model, structure)
    assert _ids(top) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "C6"]
    assert top[7].data() == "C6  Testing liberation"
    recommendations = [rec for holder in top for rec in _ids(_children(model, holder))]
    assert recommendations == [f"R{n}" for n in range(1, 23)]
    assert _ids(_children(model, top[6])) == ["R18", "R19", "R20", "R21"]
    assert "R18  Publish a Respect Charter" in [i.data() for i in _children(model, top[6])]


def test_tree_has_a_group_for_each_other_kind_then_your_library(window: MainWindow) -> None:
    groups = [i.data() for i in _children(window.tree_model, window.tree.rootIndex())]
    assert groups == [
        STRUCTURE_TITLE,
        "Principles",
        "Duties",
        "Rights",
        "Rules of the Liberated Method",
        "Ideas",
        "Bodies",
        "Funds and funding",
        "Areas",
        "Board roles",
        "Officers",
        "Headline figures",
        "Themes",
        "Challenges",
        "Your library (0)",
    ]
    duties = _group(window, "Duties")
    assert _ids(_children(window.tree_model, duties)) == ["D1"]
    principles = _group(window, "Principles")
    assert _ids(_children(window.tree_model, principles))[-2:] == ["D2", "D3"]


def test_selecting_r18_shows_its_full_text_and_the_demos_credit(
    window: MainWindow, catalogue: Catalogue
) -> None:
    assert window.select_entry("R18")
    assert window.tree.currentIndex().data(ID_ROLE) == "R18"
    text = window.detail.toPlainText()
    assert catalogue.get("R18").quote in text
    assert catalogue.seed.credit in text
    assert "Answered by: a Respect Charter" in text
    assert "Part of policy shift: S7" in text


def test_arrow_keys_in_the_tree_change_the_details(qtbot, window: MainWindow) -> None:
    window.select_entry("R18")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.current_entry_id == "R19"
    assert "A Workforce Development Objective" in window.detail.toPlainText()


def test_typing_candour_shows_ranked_results_with_r18_first(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "candour")
    qtbot.waitUntil(lambda: window.searching, timeout=2000)
    assert window.results.isVisible() and not window.tree.isVisible()
    ids = window.results.entry_ids()
    assert ids[0] == "R18" and "D1" in ids
    assert window.results.label.text().startswith(f"{len(ids)} matches for “candour”")
    first = window.results.model.item(0)
    from desktop.html_delegate import HTML_ROLE

    assert "<b>candour</b>" in first.data(HTML_ROLE)
    assert window.current_entry_id == "R18"  # the best match is shown at once


def test_search_that_finds_nothing_says_so(window: MainWindow) -> None:
    window.search_box.setText("zzzqqq")
    window.search_box.flush()
    assert window.results.entry_ids() == []
    assert window.results.label.text().startswith("Nothing matches “zzzqqq”")


def test_clearing_the_search_restores_the_tree(qtbot, window: MainWindow) -> None:
    window.select_entry("S3")
    window.search_box.setText("candour")
    window.search_box.flush()
    assert window.searching
    window.search_box.clear()  # clearing needs no pause
    assert not window.searching
    assert window.tree.isVisible() and not window.results.isVisible()
    assert window.current_entry_id == "S3"


def test_escape_clears_and_down_moves_into_results(qtbot, window: MainWindow) -> None:
    window.search_box.setText("charter")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.searching
    assert window.results.view.currentIndex().row() == 0
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == "" and not window.searching


def test_user_entry_added_through_the_catalogue_appears(
    window: MainWindow, catalogue: Catalogue
) -> None:
    entry = catalogue.add("right", "Time to think", "An hour a week for reflection.")
    group = window.tree_model.group_item(USER_GROUP)
    assert group.text() == "Your library (1)"
    assert group.child(0).data(ID_ROLE) == entry.id
    assert group.child(0).text() == f"{entry.id}  Time to think"
    assert "1 of your own" in window.status_label.text()
    window.select_entry(entry.id)
    catalogue.update(entry.id, title="Time to reflect")
    assert group.child(0).text() == f"{entry.id}  Time to reflect"
    assert "Time to reflect" in window.detail.toPlainText()
    catalogue.remove(entry.id)
    assert group.rowCount() == 0 and group.text() == "Your library (0)"


def test_user_text_shows_as_text_not_html(window: MainWindow, catalogue: Catalogue) -> None:
    entry = catalogue.add("clause", "<script>alert(1)</script>", "<i>not italic</i> & more")
    window.select_entry(entry.id)
    text = window.detail.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "<i>not italic</i> & more" in text
    assert "<script>" not in window.detail.toHtml()
    window.search_box.setText("alert")
    window.search_box.flush()
    assert window.results.entry_ids() == [entry.id]
    assert "&lt;script&gt;" in window.results.model.item(0).data(Qt.ItemDataRole.UserRole + 10)


def test_links_in_the_details_go_to_that_entry(window: MainWindow) -> None:
    window.select_entry("R18")
    window.detail.anchorClicked.emit(QUrl("entry:S7"))
    assert window.tree.currentIndex().data(ID_ROLE) == "S7"
    assert "R21  A Public Service Workforce Commission" in window.detail.toPlainText()
    window.detail.anchorClicked.emit(QUrl("https://example.org/"))
    assert window.current_entry_id == "S7"  # outside links are ignored


def test_selecting_a_group_describes_it(window: MainWindow) -> None:
    window.tree.setCurrentIndex(_group(window, "Duties"))
    assert window.tree.currentIndex().data(GROUP_ROLE) == "duty"
    assert "D1  Duty of candour" in window.detail.toPlainText()


def test_status_bar_counts(window: MainWindow, catalogue: Catalogue) -> None:
    assert window.status_label.text() == (
        f"22 recommendations · {catalogue.count()} entries in the catalogue · 0 of your own"
    )


def test_menus_have_standard_shortcuts(window: MainWindow) -> None:
    actions = window.menu_actions
    assert actions["quit"].shortcut() == QKeySequence("Ctrl+Q")
    assert actions["find"].shortcut() == QKeySequence("Ctrl+F")
    assert actions["help"].shortcut() == QKeySequence("F1")
    actions["help"].trigger()
    assert window._help is not None and window._help.isVisible()
    window._help.close()


def test_find_focuses_the_search_box(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.tree.setFocus()
    window.menu_actions["find"].trigger()
    qtbot.waitUntil(window.search_box.hasFocus, timeout=2000)


def test_expand_and_collapse_all(window: MainWindow) -> None:
    duties = _group(window, "Duties")
    window.menu_actions["expand"].trigger()
    assert window.tree.isExpanded(duties)
    window.menu_actions["collapse"].trigger()
    assert not window.tree.isExpanded(duties)


def test_accessible_names_and_title(window: MainWindow) -> None:
    assert window.windowTitle() == "ReformKit — Catalogue"
    for widget in (window.search_box, window.tree, window.results.view, window.detail):
        assert widget.accessibleName()
    assert window.search_box.placeholderText() == "Search the briefing and your library"


def test_window_size_and_splitter_are_remembered(
    qtbot, catalogue: Catalogue, settings_folder: Path
) -> None:
    first = create_main_window(catalogue, open_settings(settings_folder))
    qtbot.addWidget(first)
    first.show()
    default = first.size()
    first.resize(700, 500)  # the offscreen screen is 800 × 600
    first.splitter.setSizes([250, 430])
    size, saved = first.size(), first.splitter.sizes()
    assert size != default  # so the second window shows it was remembered, not the default
    first.close()
    stored = QSettings(str(settings_folder / "settings.ini"), QSettings.Format.IniFormat)
    assert stored.contains("main_window/geometry")

    second = create_main_window(catalogue, open_settings(settings_folder))
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.splitter.sizes() == saved


def test_changes_after_the_window_is_gone_are_ignored(
    qtbot, catalogue: Catalogue, settings_folder: Path
) -> None:
    gone = create_main_window(catalogue, open_settings(settings_folder))
    gone.close()
    gone.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(gone.notifier), timeout=2000)
    catalogue.add("duty", "Answer letters within a week", "We reply to every letter.")
