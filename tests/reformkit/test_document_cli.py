"""``reformkit new | import | dump | coverage | versions | snapshot | diff | schema``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.launcher import document_kinds
from reformkit.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args), load_kinds=document_kinds)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_dump_import_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = tmp_path / "plan.reformkit"
    code, out, _ = cli(
        capsys,
        "new",
        "plan",
        str(first),
        "--title",
        "Severn Vale plan",
        "--organisation",
        "Severn Vale CA",
        "--author",
        "Jo",
    )
    assert code == 0 and "Local Reform Plan with 16 sections" in out
    _, dumped, _ = cli(capsys, "dump", str(first))
    data = json.loads(dumped)
    assert data["meta"]["title"] == "Severn Vale plan" and data["meta"]["authors"] == ["Jo"]
    assert data["meta"]["catalogue_version"] == "2024.12.1"
    exported = tmp_path / "plan.json"
    exported.write_text(dumped, encoding="utf-8")
    second = tmp_path / "again.reformkit"
    code, out, _ = cli(capsys, "import", str(exported), "-o", str(second))
    assert code == 0
    _, again, _ = cli(capsys, "dump", str(second))
    assert again == dumped


def test_import_lists_every_error_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "reformkit-document",
                "format_version": 1,
                "kind": "plan",
                "meta": {"title": "x"},
                "sections": [
                    {
                        "key": "budget",
                        "items": [
                            {
                                "type": "budget_line",
                                "fields": {"service": "A", "partner": "B", "amount": "-1"},
                            },
                            {"type": "budget_line", "fields": {"service": "A", "amount": "abc"}},
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "out.reformkit"
    code, _, err = cli(capsys, "import", str(bad), "-o", str(target))
    assert code == 2 and not target.exists()
    assert "3 problems" in err
    assert "$.sections[0].items[0].fields.amount" in err
    assert "$.sections[0].items[1].fields.partner" in err
    assert "$.sections[0].items[1].fields.amount" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_import_never_replaces_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "c.reformkit"
    cli(capsys, "new", "charter", str(target), "--title", "Mine")
    before = target.read_bytes()
    _, dumped, _ = cli(capsys, "dump", str(target))
    source = tmp_path / "c.json"
    source.write_text(dumped, encoding="utf-8")
    code, _, err = cli(capsys, "import", str(source), "-o", str(target))
    assert code == 2 and "already exists" in err and target.read_bytes() == before
    code, _, _ = cli(capsys, "import", str(source), "-o", str(target), "--force")
    assert code == 0


def test_coverage_snapshot_versions_diff(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "c.reformkit"
    cli(capsys, "new", "charter", str(path), "--title", "Charter")
    code, out, _ = cli(capsys, "coverage", str(path))
    assert code == 0 and "R1   National, for context" in out
    assert "1 expected but missing: R18" in out
    _, out, _ = cli(capsys, "coverage", str(path), "--json")
    rows = json.loads(out)
    assert len(rows) == 22 and rows[17]["status"] == "missing"
    _, out, _ = cli(capsys, "versions", str(path))
    assert out.startswith("No snapshots yet")
    code, out, _ = cli(capsys, "snapshot", str(path), "Draft one")
    assert code == 0 and "Draft one" in out
    _, out, _ = cli(capsys, "versions", str(path))
    assert "Draft one" in out
    _, out, _ = cli(capsys, "diff", str(path), "Draft one")
    assert out.startswith("No changes between 'Draft one' and 'now'")
    code, _, err = cli(capsys, "diff", str(path), "Nope")
    assert code == 2 and "no snapshot called 'Nope'" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["new", "poem", "x.reformkit", "--title", "T"], "knows: charter, plan"),
        (["dump", "missing.reformkit"], "There is no file"),
        (["coverage", "."], "is a folder"),
    ],
)
def test_document_mistakes_are_one_clear_message(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, *args)
    assert code == 2 and words in err and "Traceback" not in err


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import resources

    _, out, _ = cli(capsys, "schema")
    committed = resources.path("schema", "reformkit-document-v1.schema.json")
    assert json.loads(out) == json.loads(committed.read_text(encoding="utf-8"))
