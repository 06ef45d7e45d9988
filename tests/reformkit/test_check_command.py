"""``reformkit check FILE [--json]``: coverage gaps and checks by part; exit 1, 0 or 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reformkit.cli import main
from tests.documents import KINDS


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args), load_kinds=lambda: KINDS)
    out, err = capsys.readouterr()
    return code, out, err


def _plan_json(tmp_path: Path, **fields: object) -> Path:
    """A plan whose Board is the Mayor alone and whose engagement reached staff only."""
    data = {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Thin plan"},
        "sections": [
            {
                "key": "board",
                "title": "The Board",
                "items": [
                    {
                        "type": "member",
                        "fields": {"role": "Mayor", "name": "S. Calder", "chair": True},
                    }
                ],
            },
            {
                "key": "engagement",
                "title": "Co-design",
                "items": [
                    {
                        "type": "engagement",
                        "fields": {
                            "date": "2026-05-01",
                            "who": "Staff",
                            "group": "Public servants",
                        },
                    }
                ],
            },
        ],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_a_thin_plan_needs_attention_grouped_by_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = cli(capsys, "check", str(_plan_json(tmp_path)))
    assert code == 1, err
    assert "need attention" in out.splitlines()[1]
    board = out.index("\nThe Board\n")
    engagement = out.index("\nCo-design\n")
    assert board < out.index("0 of the 9 members") < engagement
    assert out.index("has not reached: families and households; civil society") > engagement
    assert "(The Reform Dividend, p.13)" in out
    assert "\nThe whole document\n" in out and "coverage  R4" in out


def test_json_lists_parts_with_pages(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "check", str(_plan_json(tmp_path)), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["needs_attention"] is True and report["kind"] == "plan"
    board = next(p for p in report["parts"] if p["part"] == "The Board")
    rules = {c["rule"]: c for c in board["checks"]}
    assert rules["board-minimum-members"]["page"] == 13
    assert rules["board-minimum-members"]["source"] == "The Reform Dividend, p.13"
    gaps = [row["id"] for part in report["parts"] for row in part["coverage"]]
    assert "R4" in gaps


def test_nothing_to_attend_to_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.cli import check_command

    monkeypatch.setattr(check_command, "report", lambda *_: [])
    code, out, _ = cli(capsys, "check", str(_plan_json(tmp_path)))
    assert code == 0 and out.rstrip().endswith("Nothing needs attention.")


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.reformkit", None, "missing.reformkit"),
        ("bad.json", "{not json", "not valid JSON"),
        ("notes.reformkit", "just text", "notes.reformkit"),
    ],
)
def test_bad_input_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str | None, says: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, "utf-8")
    code, out, err = cli(capsys, "check", str(path))
    assert code == 2 and out == ""
    assert err.startswith("reformkit: ") and says in err
