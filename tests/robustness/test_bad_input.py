"""The bad-input corpus through every way in: no traceback, a plain message, exit code 2 for
a user's mistake (never 1), and every input file byte for byte as it was.

Ways in, for every case: the ``reformkit`` command (``dump``, ``coverage``, ``export``,
``import``, ``export --template``, ``snapshot``) run in-process through the launcher;
``Project.open`` read-only and for editing; ``interchange.loads``; ``export_document`` with
the case as the Word template; and CSV import (``read_csv`` → ``guess_mapping`` →
``check_rows`` → ``import_rows`` into a plan's budget). A few run as real processes too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.launcher import main
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document import csv_import
from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.errors import ReformKitError
from reformkit.export.run import export_document
from tests.robustness.conftest import KINDS
from tests.robustness.corpus import case_names, materialise

# What the main way in must say for some cases (a regular expression on the message).
EXPECTED = {
    "empty.reformkit": ("open", "not a ReformKit document"),
    "word-document.reformkit": ("open", "Word document"),
    "picture.reformkit": ("open", "not a ReformKit document"),
    "folder.reformkit": ("open", "is a folder"),
    "newer-schema.reformkit": ("open", "newer version of ReformKit"),
    "truncated-half.reformkit": ("open", "damaged"),
    "scrambled.reformkit": ("open", "damaged"),
    "item-without-its-part.reformkit": ("open", "damaged"),
    "item-fields-not-json.reformkit": ("open", "damaged"),
    "item-fields-a-list.reformkit": ("open", "damaged"),
    "item-tags-a-number.reformkit": ("open", "damaged"),
    "authors-not-json.reformkit": ("open", "damaged"),
    "fields-binary.reformkit": ("open", "damaged"),
    "tampered-kind.reformkit": ("open", "kind 'novel'"),
    "not-json.json": ("loads", "not valid JSON"),
    "unknown-kind.json": ("loads", "kind 'novel'"),
    "newer-format.json": ("loads", "newer than this ReformKit"),
    "duplicate-ids.json": ("loads", "used more than once"),
    "bad-dates.json": ("loads", "year-month-day"),
    "negative-money.json": ("loads", "cannot be negative"),
    "dangling-mission-parent.json": ("loads", "not the id of another mission"),
    "nested-ten-levels.json": ("loads", "not part of the format"),
    "nested-very-deep.json": ("loads", "nested too deeply"),
    "lone-surrogate.json": ("loads", "surrogate"),
    "template-zip-slip.docx": ("template", "points outside it"),
    "template-absolute-path.docx": ("template", "points outside it"),
    "template-zip-bomb.docx": ("template", "unpacks to more than"),
    "template-too-many-entries.docx": ("template", "more than a Word template"),
    "template-not-a-zip.docx": ("template", "not a Word file"),
    "template-spreadsheet.docx": ("template", "spreadsheet"),
    "template-with-macros.docx": ("template", "macros"),
    "template-broken-xml.docx": ("template", "could not be read as a Word document"),
    "template-missing-parts.docx": ("template", "is missing"),
    "template-truncated.docx": ("template", "not a Word file|damaged"),
    "budget-binary.csv": ("csv", "not a text file"),
    "budget-xlsx-renamed.csv": ("csv", "Excel workbook"),
    "budget-empty.csv": ("csv", "is empty"),
    "budget-headings-only.csv": ("csv", "no rows"),
    "budget-6mb.csv": ("csv", "5 MB"),
    "budget-long-cell.csv": ("csv", "longer than 100,000 characters"),
    "budget-open-quote-long.csv": ("csv", "never closed"),
    # Paths that are not ordinary files: refused at once, by every way in.
    "fifo.reformkit": ("open", "is a pipe"),
    "fifo.json": ("import", "is a pipe"),
    "fifo.csv": ("csv", "is a pipe"),
    "fifo.docx": ("template", "is a pipe"),
    "dev-zero.reformkit": ("open", "is a device"),
    "dev-zero.json": ("import", "is a device"),
    "dev-urandom.csv": ("csv", "is a device"),
    "dev-null.docx": ("template", "is a device"),
    "folder.json": ("import", "is a folder"),
    "folder.csv": ("csv", "is a folder"),
    "folder.docx": ("template", "is a folder"),
    "link-loop.reformkit": ("open", "cannot be read"),
    "link-dangling.json": ("import", "no file"),
    # The limits (reformkit/document/limits.py), each named in the message.
    "huge-title-1mb.json": ("loads", "1,048,581 characters long; ReformKit keeps up to 100,000"),
    "huge-65mb.json": ("import", "64 MB"),
    "million-items.json": ("import", "more than 100,000 items"),
    "too-many-parts.json": ("loads", "more than 5,000 parts"),
    "too-many-items.json": ("loads", "more than 100,000 items"),
    "too-many-authors.json": ("loads", "201 authors; ReformKit keeps up to 200"),
    "too-many-commas.json": ("loads", "more than 5,000,000 values"),
    "long-paragraph.json": ("loads", "100,005 characters long"),
    "long-key.json": ("loads", "1,000 characters long"),
    "nested-65-levels.json": ("loads", "nested too deeply \\(more than 64 levels"),
    "integer-5000-digits.json": ("import", "How many people is too large"),
    "integer-5000-digit-text.json": ("loads", "How many people is too large"),
    "integer-too-large.json": ("loads", "How many people is too large"),
    "integer-as-float.json": ("loads", "How many people must be a whole number"),
    "integer-negative.json": ("loads", "How many people cannot be negative"),
    "format-version-5000-digits.json": ("loads", "format_version: must be a whole number"),
    "money-5000-digits.json": ("loads", "Amount \\(£\\) is too large"),
    "money-over-a-trillion.json": ("loads", "Amount \\(£\\) is too large"),
    "money-1e30.json": ("import", "Amount \\(£\\) is too large"),
    "money-nan.json": ("loads", "Amount \\(£\\) must be an amount in pounds"),
    "money-infinity.json": ("loads", "Amount \\(£\\) must be an amount in pounds"),
    "money-three-decimals.json": ("loads", "more than two decimal places"),
    "money-words.json": ("loads", "Amount \\(£\\) must be an amount in pounds"),
    "money-a-list.json": ("loads", "Amount \\(£\\) must be an amount in pounds"),
    # Wrong types and odd encodings.
    "text-a-number.json": ("loads", "must be text"),
    "text-an-object.json": ("loads", "must be text"),
    "fields-a-list.json": ("loads", "fields: must be an object"),
    "items-a-string.json": ("loads", "items: must be a list"),
    "tags-an-object.json": ("loads", "recommendation ids"),
    "review-a-string.json": ("loads", "true or false"),
    "date-31-february.json": ("loads", "is not a date"),
    "empty.json": ("loads", "not valid JSON"),
    "whitespace.json": ("loads", "not valid JSON"),
    "null.json": ("loads", "must be a JSON object"),
    "latin1.json": ("import", "not UTF-8"),
    "utf32.json": ("import", "cannot be read"),
    "gzipped.json": ("import", "cannot be read"),
    # Values no field can hold, written into a document past ReformKit: named on open.
    "integer-5000-digits.reformkit": ("open", "'How many people'.*5,000 digits"),
    "money-corrupt.reformkit": ("open", "'Amount \\(£\\)' holding '1e\\+30'"),
    "money-words.reformkit": ("open", "'Amount \\(£\\)' holding 'lots'"),
    "aborting-trigger.reformkit": ("snapshot", "trigger named refuse_snapshots"),
}
# The ways in each case goes through (the keys of Outcomes.results).
WAYS_IN = (
    "open-read-only",
    "loads",
    "template",
    "csv",
    "dump",
    "coverage",
    "export-md",
    "import",
    "export-template",
    "snapshot",
    "open-for-editing",
)
# These must go in cleanly by their main way (odd, but fine).
SUCCEEDS = {
    "control-characters.json": "loads",
    "emoji-and-rtl.json": "loads",
    "bom-utf8.json": "import",
    "odd-text.reformkit": "open",
    "huge-title-1mb.reformkit": "open",
    "garbage-log-beside.reformkit": "open",
    "template.dotx": "template",
    "template-missing-styles.docx": "template",
    "budget-utf16.csv": "csv",
    "budget-latin1.csv": "csv",
}


@pytest.fixture(scope="module")
def store() -> Iterator[Catalogue]:
    catalogue = Catalogue.open(None)
    yield catalogue
    catalogue.close()


@pytest.fixture(scope="module")
def small_charter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from charter import CHARTER

    path = tmp_path_factory.mktemp("charter") / "small.reformkit"
    with Project.create(path, CHARTER, "Small charter") as project:
        project.add_item(project.document.sections[1].id, "paragraph", {"text": "One."})
    return path


def listing(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


class Outcomes:
    """What each way in did with one case: "ok" or the message it gave."""

    def __init__(self) -> None:
        self.results: dict[str, str] = {}

    def api(self, way: str, call: Callable[[], object]) -> None:
        try:
            call()
        except ReformKitError as error:
            message = str(error)
            assert message.strip() and "Traceback" not in message, (way, message)
            self.results[way] = message
        except Exception:  # anything else is a bug: show where it came from
            pytest.fail(f"{way}: not a ReformKitError:\n{traceback.format_exc()}")
        else:
            self.results[way] = "ok"

    def cli(self, way: str, capsys: pytest.CaptureFixture[str], *args: str) -> None:
        code = main(list(args))
        _, err = capsys.readouterr()
        assert "Traceback" not in err, (way, err)
        assert code in (0, 2), f"{way}: exit {code}: {err}"
        if code == 2:
            assert err.startswith("reformkit: ") and len(err.strip()) > 20, (way, err)
        self.results[way] = "ok" if code == 0 else err


def _csv_way(path: Path, folder: Path) -> None:
    table = csv_import.read_csv(path)
    target = csv_import.import_target(PLAN, "budget")
    mapping = csv_import.guess_mapping(table, target)
    plan = folder / "csv-plan.reformkit"
    plan.unlink(missing_ok=True)
    with Project.create(plan, PLAN, "CSV plan") as project:
        checks = csv_import.check_rows(table, target, mapping, project.document)
        budget = next(s for s in project.document.sections if s.key == "budget")
        csv_import.import_rows(project, budget.id, target, checks)


@pytest.mark.parametrize("name", case_names())
def test_bad_input_through_every_way_in(
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    store: Catalogue,
    small_charter: Path,
) -> None:
    given = tmp_path / "given"
    given.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = materialise(name, given)
    before = listing(given)
    seen = Outcomes()
    # Never read a FIFO or a device here: that is what the ways in must refuse to do.
    text = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""

    # Ways that only read the input.
    seen.api("open-read-only", lambda: Project.open(path, KINDS, read_only=True).close())
    seen.api("loads", lambda: loads(text, KINDS))
    with Project.open(small_charter, KINDS, read_only=True) as charter:
        document, spec = charter.document, charter.spec
    seen.api(
        "template",
        lambda: export_document(
            document,
            spec,
            store.entries("recommendation"),
            store.seed.credit,
            "docx",
            out / "with-template.docx",
            template=path,
        ),
    )
    seen.api("csv", lambda: _csv_way(path, out))
    seen.cli("dump", capsys, "dump", str(path))
    seen.cli("coverage", capsys, "coverage", str(path))
    seen.cli("export-md", capsys, "export", str(path), "-o", str(out / "x.md"))
    seen.cli("import", capsys, "import", str(path), "-o", str(out / "imported.reformkit"))
    seen.cli(
        "export-template",
        capsys,
        "export",
        str(small_charter),
        "--template",
        str(path),
        "-o",
        str(out / "cli-template.docx"),
    )
    after = listing(given)
    if name == "garbage-log-beside.reformkit":
        # SQLite makes the index of a log it reads (-shm); a leftover log without one is rare.
        after.pop(f"{name}-shm", None)
    assert after == before, "a way in that only reads changed the input"

    # Ways that write to a document they can open: a refused file stays exactly as it was.
    seen.cli("snapshot", capsys, "snapshot", str(path), "corpus")
    if seen.results["snapshot"] != "ok":
        assert listing(given) == before
    seen.api("open-for-editing", lambda: Project.open(path, KINDS).close())
    if seen.results["open-for-editing"] != "ok":
        assert listing(given) == before
    left = set(listing(given)) - set(before) - {f"{name}-shm"}
    assert not left, f"files left beside it: {left}"
    assert set(seen.results) == set(WAYS_IN)

    main_way = {"open": "open-read-only"}
    if name in EXPECTED:
        way, words = EXPECTED[name]
        message = seen.results[main_way.get(way, way)]
        assert message != "ok" and re.search(words, message), (way, message)
    if name in SUCCEEDS:
        way = SUCCEEDS[name]
        assert seen.results[main_way.get(way, way)] == "ok", seen.results


def test_the_corpus_is_big_enough(capsys: pytest.CaptureFixture[str]) -> None:
    names = case_names()
    with capsys.disabled():
        print(f"\nbad-input corpus: {len(names)} cases, each through {len(WAYS_IN)} ways in")
    assert len(names) >= 100
    assert set(EXPECTED) | set(SUCCEEDS) <= set(names)


# A few through a real process: what a user at a terminal sees.
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["dump", "{given}/scrambled.reformkit"], "damaged"),
        (["dump", "{given}/item-without-its-part.reformkit"], "damaged"),
        (["import", "{given}/nested-very-deep.json", "-o", "{out}/x.reformkit"], "nested"),
        (["import", "{given}/utf16.json", "-o", "{out}/x.reformkit"], "cannot be read"),
        (
            [
                "export",
                "{charter}",
                "--template",
                "{given}/template-zip-slip.docx",
                "-o",
                "{out}/x.docx",
            ],
            "points outside it",
        ),
        # A FIFO or a device used to hang these until killed: refused at once now.
        (["import", "{given}/fifo.json", "-o", "{out}/x.reformkit"], "is a pipe"),
        (["dump", "{given}/fifo.reformkit"], "is a pipe"),
        (["import", "{given}/dev-zero.json", "-o", "{out}/x.reformkit"], "is a device"),
        (["merge", "{charter}", "{given}/fifo.reformkit"], "is a pipe"),
        (["--library", "{given}/fifo.reformkit", "catalogue", "list"], "is a pipe"),
        (["import", "{given}/million-items.json", "-o", "{out}/x.reformkit"], "100,000 items"),
        (["import", "{given}/integer-5000-digits.json", "-o", "{out}/x.reformkit"], "too large"),
    ],
)
def test_a_real_process_prints_a_sentence_not_a_traceback(
    args: list[str], words: str, tmp_path: Path, small_charter: Path
) -> None:
    given = tmp_path / "given"
    given.mkdir()
    (tmp_path / "out").mkdir()
    for arg in args:
        if arg.startswith("{given}/"):
            materialise(arg.removeprefix("{given}/"), given)
    before = listing(given)
    filled = [a.format(given=given, out=tmp_path / "out", charter=small_charter) for a in args]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.launcher import main; sys.exit(main(sys.argv[1:]))",
            *filled,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("reformkit: ")
    assert re.search(words, done.stderr), done.stderr
    assert listing(given) == before


def test_text_that_cannot_be_stored_gets_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An argument in another encoding arrives as a lone surrogate ("\\udcff")."""
    path = tmp_path / "charter.reformkit"
    assert main(["new", "charter", str(path), "--title", "bad \udcff title"]) == 2
    _, err = capsys.readouterr()
    assert "cannot be stored" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    assert main(["new", "charter", str(path), "--title", "Good"]) == 0
    with Project.open(path, KINDS) as project:
        before = project.document.meta.title
        with pytest.raises(ReformKitError, match="cannot be stored"):
            project.set_meta(title="broken \ud800")
        assert project.document.meta.title == before
