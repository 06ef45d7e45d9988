"""An attachable kind's parts may sit in a charter or plan: known, checked, stored, merged.

A small "remarks" kind stands in for the workshop here, so the kernel's composition is
tested on its own: every other kind's spec from DocumentKinds knows its section types (not
as starters, not in the guide), runs its checks on its parts, and chains its hooks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.cli.main import main as cli_main
from reformkit.document.checks import ITEM, SECTION_EMPTY, Problem, check_document
from reformkit.document.coverage import coverage
from reformkit.document.csv_import import CsvTable, check_rows, guess_mapping, import_rows
from reformkit.document.errors import CorruptProjectError
from reformkit.document.fields import INTEGER, LONG_TEXT, TEXT, Field, FieldError
from reformkit.document.inbox import InboxRow
from reformkit.document.interchange import InterchangeError, from_json, to_json
from reformkit.document.json_schema import schema
from reformkit.document.merge import apply_merge, plan_merge
from reformkit.document.model import Document, Item, Meta, Section
from reformkit.document.packages import make_package
from reformkit.document.project import Project
from reformkit.document.spec import (
    DocumentKinds,
    DocumentSpec,
    DocumentSpecError,
    EngagementSummary,
    ItemType,
    SectionType,
)
from reformkit.plain.check import pieces

REMARK = ItemType(
    "remark",
    "Remark",
    (
        Field("text", "What was said", LONG_TEXT, required=True),
        Field("who", "Who said it", TEXT),
        Field("stars", "Stars", INTEGER),
        Field("became", "Became", TEXT),  # the id of the item it was promoted to
    ),
    "text",
)
REMARKS = SectionType("remarks", "What people said", "Remarks from the room.", (REMARK,))
TALLY = SectionType("tally", "Tally", "Counts.", (REMARK,))
NO_WHO = "remark-without-who"


def check_remarks(document: Document, spec: DocumentSpec) -> list[Problem]:
    assert spec.kind == "remarks"  # the attached kind's checks get their own spec
    return [
        Problem(NO_WHO, "Say who said it.", ITEM, item.id)
        for _, item in document.items()
        if item.type == "remark" and not item.fields.get("who")
    ]


def receive_remarks(document: Document, rows: Sequence[InboxRow]) -> list[tuple[str, Item]]:
    return [
        ("remarks", Item("remark", {"text": row.payload.get("text"), "who": "Phone"}))
        for row in rows
        if row.channel == "remark"
    ]


def remark_notes(document: Document) -> Mapping[str, str]:
    return {
        str(item.fields["became"]): "From what people said"
        for _, item in document.items()
        if item.type == "remark" and item.fields.get("became")
    }


def remarks_layout(document: Document, section: Section) -> Sequence[Any]:
    return [("remarks layout", section.key)]


REMARKS_KIND = DocumentSpec(
    kind="remarks",
    label="Remarks",
    section_types=(REMARKS, TALLY),
    checks=check_remarks,
    attachable=True,
    receive=receive_remarks,
    item_notes=remark_notes,
    section_layout=remarks_layout,
)
KINDS = DocumentKinds([CHARTER, PLAN, REMARKS_KIND])


@pytest.fixture
def recommendations(catalogue: Catalogue) -> list[Entry]:
    return catalogue.entries("recommendation")


def charter_with_remarks(path: Path, *remarks: dict[str, Any]) -> Project:
    project = Project.create(path, KINDS.get("charter"), "Team charter")
    section = project.add_section("remarks")
    for fields in remarks:
        project.add_item(section.id, "remark", fields)
    return project


def test_every_other_kind_knows_the_attachable_parts() -> None:
    charter = KINDS.get("charter")
    assert charter.section_type("remarks") is REMARKS
    assert charter.attached_kind("remarks") is REMARKS_KIND
    assert charter.attached_kind("scope") is None and charter.attached_kind("custom") is None
    assert REMARKS in charter.all_section_types and REMARKS not in charter.own_section_types
    assert charter.section_types == CHARTER.section_types  # never a starter
    assert charter.guide is CHARTER.guide and charter.words is CHARTER.words
    assert KINDS.get("plan").section_type("tally") is TALLY
    with pytest.raises(DocumentSpecError, match="no section type 'remarks'"):
        CHARTER.section_type("remarks")  # the spec alone, outside the registry
    assert KINDS.get("remarks") is REMARKS_KIND  # attachable kinds hold only their own
    with pytest.raises(DocumentSpecError):
        REMARKS_KIND.section_type("scope")
    assert [spec.kind for spec in KINDS] == ["charter", "plan", "remarks"]
    assert next(iter(KINDS)).section_type("remarks") is REMARKS


def test_without_an_attachable_kind_the_specs_are_the_kinds_own() -> None:
    plain = DocumentKinds([CHARTER, PLAN])
    assert plain.get("charter") is CHARTER and plain.get("plan") is PLAN
    again = DocumentKinds(list(KINDS))  # composing twice composes from the kinds' own
    assert again.get("charter").attached == (REMARKS_KIND,)
    assert again.get("charter").own is CHARTER


def test_a_new_document_has_no_attached_parts(tmp_path: Path) -> None:
    with Project.create(tmp_path / "c.reformkit", KINDS.get("charter"), "C") as project:
        keys = [s.key for s in project.document.sections]
    assert keys == [t.key for t in CHARTER.section_types if t.starter]


def test_the_attached_kinds_checks_run_on_its_parts_only(
    tmp_path: Path, recommendations: list[Entry]
) -> None:
    spec = KINDS.get("charter")
    with charter_with_remarks(tmp_path / "c.reformkit", {"text": "More time"}) as project:
        document = project.document
        remark = project.document.sections[-1].items[0]
        problems = check_document(document, spec, recommendations)
        assert [p.part_id for p in problems if p.rule == NO_WHO] == [remark.id]
        without = Document(document.kind, document.meta, document.sections[:-1])
        own = check_document(without, CHARTER, recommendations)
        assert {p.rule for p in problems} - {p.rule for p in own} == {NO_WHO}
        project.add_section("tally")  # an empty attached part: not "nothing written"
        empty = [p.part_id for p in check_document(document, spec, recommendations)]
        assert project.document.sections[-1].id not in empty
    bare = Document("charter", Meta("C"), [Section("scope", "Scope")])
    assert not [p for p in check_document(bare, spec, recommendations) if p.rule == NO_WHO]
    assert [p.rule for p in check_document(bare, spec, recommendations)].count(SECTION_EMPTY)


def test_a_charter_holding_attached_parts_opens_and_checks_its_values(tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    charter_with_remarks(path, {"text": "More time", "who": "Staff", "stars": 4}).close()
    with Project.open(path, KINDS) as project:
        [remark] = project.document.sections[-1].items
        assert remark.fields["stars"] == 4
        project.update_item(remark.id, {"stars": 5})
    with pytest.raises(CorruptProjectError, match="of a kind"):
        Project.open(path, DocumentKinds([CHARTER, PLAN]))  # without the kind: refused whole


def test_json_round_trip_and_schema(tmp_path: Path) -> None:
    with charter_with_remarks(tmp_path / "c.reformkit", {"text": "Hi", "who": "Jo"}) as project:
        data = to_json(project.document)
    assert to_json(from_json(data, KINDS)) == data
    document_schema = schema(KINDS)
    jsonschema.validate(data, document_schema)
    assert "item_remarks" in document_schema["$defs"]
    data["sections"][-1]["items"][0]["fields"]["stars"] = "many"
    with pytest.raises(InterchangeError, match="Stars"):
        from_json(data, KINDS)
    with pytest.raises(InterchangeError, match="remarks"):
        from_json(data, DocumentKinds([CHARTER, PLAN]))


def test_coverage_is_the_same_with_attached_parts(
    tmp_path: Path, recommendations: list[Entry]
) -> None:
    spec = KINDS.get("charter")
    with charter_with_remarks(tmp_path / "c.reformkit", {"text": "Hi", "who": "Jo"}) as project:
        with_remarks = coverage(project.document, spec, recommendations)
        document = project.document
        without = Document(document.kind, document.meta, document.sections[:-1])
        alone = coverage(without, CHARTER, recommendations)
    assert [(r.recommendation.id, r.status) for r in with_remarks] == [
        (r.recommendation.id, r.status) for r in alone
    ]


def test_merge_of_a_package_holding_attached_parts(tmp_path: Path) -> None:
    main = tmp_path / "c.reformkit"
    with charter_with_remarks(main, {"text": "Hi", "who": "Jo"}) as project:
        package = make_package(project, ["remarks"], tmp_path / "p.reformkit", "Council")
    with Project.open(package, KINDS) as theirs:
        section = next(s for s in theirs.document.sections if s.key == "remarks")
        theirs.add_item(section.id, "remark", {"text": "Fewer forms", "who": "Council"})
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        assert [c.label for c in plan.changes] == ["Remark: Fewer forms"]
        apply_merge(ours, plan)
        texts = [i.fields["text"] for i in ours.document.sections[-1].items]
    assert texts == ["Hi", "Fewer forms"]


def test_csv_import_into_a_charter_holding_attached_parts(tmp_path: Path) -> None:
    with charter_with_remarks(tmp_path / "c.reformkit", {"text": "Hi"}) as project:
        section = next(s for s in project.document.sections if s.key == "measures")
        item_type = project.spec.section_type("measures").item_type("measure")
        table = CsvTable("utf-8", ",", ("Measure", "Target"), (("Vacancies", "5%"),), 1)
        mapping = guess_mapping(table, item_type)
        import_rows(project, section.id, item_type, check_rows(table, item_type, mapping))
        assert [i.fields["measure"] for i in section.items] == ["Vacancies"]


def test_the_plain_english_check_leaves_what_people_said_alone(tmp_path: Path) -> None:
    words = {"text": "The utilisation of synergies was facilitated by stakeholders."}
    with charter_with_remarks(tmp_path / "c.reformkit", words) as project:
        parts = {piece.section.key for piece in pieces(project.document, project.spec)}
    assert "remarks" not in parts


def test_hooks_are_chained_after_the_kinds_own() -> None:
    spec = KINDS.get("plan")
    document = Document("plan", Meta("P"), [Section("foreword", "Foreword")])
    row = InboxRow("r1", "2027-03-03T10:00:00+00:00", "remark", {"text": "Hello"})
    other = InboxRow("r2", "2027-03-03T10:00:01+00:00", "vote", {})
    assert spec.receive is not None
    [(key, item)] = spec.receive(document, [row, other])
    assert key == "remarks" and item.fields["text"] == "Hello"
    assert spec.item_notes is not None and spec.item_notes(document) == {}
    document.sections.append(
        Section("remarks", "Said", items=[Item("remark", {"text": "x", "became": "m1"})])
    )
    assert spec.item_notes(document) == {"m1": "From what people said"}
    assert spec.section_layout is not None
    assert spec.section_layout(document, document.sections[-1]) == [("remarks layout", "remarks")]
    assert spec.section_layout(document, document.sections[0]) == ()  # the plan's own part
    assert PLAN.receive is None and PLAN.item_notes is None and PLAN.section_layout is None


def test_an_item_the_attached_kind_does_not_allow_is_refused(tmp_path: Path) -> None:
    with charter_with_remarks(tmp_path / "c.reformkit") as project:
        section = project.document.sections[-1]
        with pytest.raises(DocumentSpecError):
            project.add_item(section.id, "right", {"text": "A right"})
        with pytest.raises(FieldError):
            project.add_item(section.id, "remark", {"text": ""})


def add_remarks_commands(commands: Any) -> None:
    parser = commands.add_parser("remarks", help="work with remarks")
    actions = parser.add_subparsers(dest="remarks_command", required=True)
    count = actions.add_parser("count", help="count the remarks in a document")
    count.add_argument("file")
    count.set_defaults(handler=lambda args: print(f"counted {args.file}") or 0)


def test_each_kinds_commands_join_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    kinds = DocumentKinds([CHARTER, PLAN, replace(REMARKS_KIND, commands=add_remarks_commands)])
    loaded: list[int] = []

    def load() -> DocumentKinds:
        loaded.append(1)
        return kinds

    assert cli_main(["remarks", "count", "x.reformkit"], load_kinds=load) == 0
    assert "counted x.reformkit" in capsys.readouterr().out
    assert len(loaded) == 1  # once, for the parser and the command
    with pytest.raises(SystemExit):
        cli_main(["--help"], load_kinds=load)
    assert "remarks" in capsys.readouterr().out
    loaded.clear()
    with pytest.raises(SystemExit):
        cli_main(["--version"], load_kinds=load)
    assert cli_main(["catalogue", "show", "R18"], load_kinds=load) == 0
    assert not loaded  # the kernel's own commands parse without loading the kinds


def test_a_kind_whose_commands_fail_leaves_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    def broken(commands: Any) -> None:
        raise RuntimeError("bad plugin")

    kinds = DocumentKinds([CHARTER, PLAN, replace(REMARKS_KIND, commands=broken)])
    with pytest.raises(SystemExit):
        cli_main(["remarks", "count", "x"], load_kinds=lambda: kinds)
    assert "invalid choice: 'remarks'" in capsys.readouterr().err


@pytest.mark.parametrize("spec", [CHARTER, PLAN], ids=lambda s: s.kind)
def test_every_promotion_target_makes_an_item_the_kind_accepts(spec: DocumentSpec) -> None:
    assert spec.promotion_targets
    for target in spec.promotion_targets:
        item_type = spec.section_type(target.section_key).item_type(target.item_type)
        values: dict[str, Any] = {target.text_field: "We need time to talk to families."}
        if target.title_field:
            values[target.title_field] = "Time with families"
        values.update(target.defaults)
        cleaned = item_type.clean(values)  # every field it needs is there
        assert cleaned[target.text_field] == "We need time to talk to families."
    labels = [t.label for t in spec.promotion_targets]
    assert len(set(labels)) == len(labels)
    assert not REMARKS_KIND.promotion_targets


def test_a_plan_logs_a_workshop_as_engagement() -> None:
    assert PLAN.engagement is not None and CHARTER.engagement is None
    summary = EngagementSummary(
        "Hexham co-design", "2027-03-03", "Hexham Mart", "Staff, Citizens", 14, "Workshop", ()
    )
    key, type_name, fields = PLAN.engagement(summary)
    item_type = PLAN.section_type(key).item_type(type_name)
    cleaned = item_type.clean(fields)
    assert cleaned["date"] == "2027-03-03" and cleaned["how_many"] == 14
    assert cleaned["who"] == "Staff, Citizens" and cleaned["group"] == ""  # two groups
    assert "Hexham co-design" in cleaned["method"] and "Hexham Mart" in cleaned["method"]
    changed = replace(summary, who="Staff", what_changed=("A right: time to talk", "An action"))
    cleaned = item_type.clean(PLAN.engagement(changed)[2])
    assert cleaned["group"] == "Public servants"
    assert cleaned["what_changed"] == "A right: time to talk\nAn action"
    lived = replace(summary, who="People with lived experience and Families", date="")
    cleaned = item_type.clean(PLAN.engagement(lived)[2])
    assert cleaned["group"] == "Families and households" and cleaned["date"]  # today
    unknown = replace(summary, who="", how_many=0)
    cleaned = item_type.clean(PLAN.engagement(unknown)[2])
    assert cleaned["who"] and cleaned["how_many"] is None
