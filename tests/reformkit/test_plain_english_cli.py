"""``reformkit check`` with the plain-English findings: by part, five a part unless --all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resources
from reformkit.cli import main
from reformkit.plain import PlainWords, check_document
from tests.documents import KINDS

HARD = (
    "Going forward we will leverage robust synergies. "
    "The plan was agreed. The budget was set. The ICB was told. "
    "We will utilise a place-based approach to streamline services."
)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args), load_kinds=lambda: KINDS)
    return code, capsys.readouterr().out


def _plan(tmp_path: Path) -> Path:
    data = {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Wordy plan"},
        "sections": [
            {"key": "foreword", "title": "Foreword", "items": [
                {"type": "paragraph", "fields": {"text": HARD}}
            ]},
            {"key": "budget", "title": "Budget", "intro": "A place-based budget."},
        ],
    }  # fmt: skip
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_findings_are_grouped_by_part_five_at_a_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = cli(capsys, "check", str(_plan(tmp_path)))
    assert code == 1
    foreword = out[out.index("\nForeword\n") : out.index("\nBudget\n")]
    assert foreword.count("  plain     ") == 5
    assert "… and 5 more plain-English findings (--all lists them)" in foreword
    assert "Word to avoid. " in foreword and "Instead: Write: " in foreword and "Why: " in foreword
    assert "plain-English finding" in out.splitlines()[2]
    # The budget is not a part residents read: its "place-based" is the briefing's own word.
    assert "place-based" not in out[out.index("\nBudget\n") :]

    code, every = cli(capsys, "check", "--all", str(_plan(tmp_path)))
    assert code == 1 and "more plain-English" not in every
    listed = every[every.index("\nForeword\n") : every.index("\nBudget\n")]
    assert listed.count("  plain     ") == 10
    assert "'place-based' is the briefing's jargon" in listed
    assert "'ICB' is not spelled out" in listed


def test_json_carries_every_finding_and_the_reading_scores(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = cli(capsys, "check", "--json", str(_plan(tmp_path)))
    report = json.loads(out)
    assert code == 1 and report["needs_attention"] is True
    # 7 + 4 + 4 + 4 + 9 words in the foreword's five sentences, 3 in the budget's one
    assert report["reading"]["words"] == 31 and report["reading"]["sentences"] == 6
    foreword = next(p for p in report["parts"] if p["part"] == "Foreword")
    found = {(f["rule"], f["text"]) for f in foreword["plain_english"]}
    assert ("passive-voice", "was agreed") in found and ("acronym", "ICB") in found
    first = foreword["plain_english"][0]
    assert set(first) >= {"message", "why", "suggestion", "start", "end", "part_id", "field"}
    assert HARD[first["start"] : first["end"]] == first["text"]


def test_a_users_word_list_is_read_from_the_config_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, reformkit_home: Path
) -> None:
    config = reformkit_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "plain_english.toml").write_text(
        '[[word]]\nword = "approach"\ninstead = "way"\n', "utf-8"
    )
    code, out = cli(capsys, "check", "--all", str(_plan(tmp_path)))
    assert code == 1
    assert "'approach' is one of the words to avoid" in out and "Instead: Write: way." in out


def test_the_samples_are_plain() -> None:
    shipped = resources.path("samples")
    for spec in KINDS:
        if spec.sample is None or spec.sample.source.parent != shipped:
            continue
        from reformkit.document.interchange import loads

        document = loads(spec.sample.source.read_text("utf-8"), KINDS)
        assert check_document(document, spec, PlainWords.bundled()) == []
