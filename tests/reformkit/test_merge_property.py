"""Random edit histories on both sides of a partner package, then a merge.

After the merge, with every conflict kept as "ours" (chosen, or left unsettled): each edit
the partner made is in the merged document or listed as a conflict; each edit made here is
still there; the order each side gave a part is kept when only that side reordered it;
merging again changes nothing (and lists again the conflicts that were left unsettled).
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plans import PLAN
from reformkit.document.fields import REFERENCE
from reformkit.document.merge import apply_merge, plan_merge
from reformkit.document.merge_engine import SECTION_KEYS, item_values
from reformkit.document.model import Document, Section
from reformkit.document.packages import make_package
from reformkit.document.project import Project, read_for_opening
from tests.documents import KINDS, any_text, documents, field_value, items, some_text, tags

# Edits and moves weigh more, so that both sides often touch the same thing.
OPERATIONS = ("edit", "edit", "retag", "review", "add", "add", "remove", "move", "move", "intro")


def edit_once(data: st.DataObject, project: Project, sections: list[str], author: str) -> None:
    """One random edit to one of ``sections`` of ``project``."""
    section = project.document.section(data.draw(st.sampled_from(sections)))
    section_type = project.spec.section_type(section.key)
    operation = data.draw(st.sampled_from(OPERATIONS))
    if operation == "add" or (not section.items and operation != "intro"):
        item_type = data.draw(st.sampled_from(section_type.item_types))
        new = data.draw(items(item_type))
        index = data.draw(st.integers(0, len(section.items)))
        project.add_item(section.id, item_type.name, new.fields, new.tags, None, index, author)
        return
    if operation == "intro":
        project.update_section(section.id, intro=data.draw(any_text))
        return
    item = data.draw(st.sampled_from(section.items))
    if operation == "edit":
        item_type = section_type.item_type(item.type)
        choices = [f for f in item_type.fields if f.type != REFERENCE]
        field = data.draw(st.sampled_from(choices[:1]) | st.sampled_from(choices))
        project.update_item(item.id, {field.name: data.draw(field_value(field))})
    elif operation == "retag":
        project.update_item(item.id, tags=data.draw(tags))
    elif operation == "review":
        project.update_item(item.id, needs_review=not item.needs_review)
    elif operation == "remove":
        project.remove_item(item.id)
    else:
        project.move_item(item.id, section.id, data.draw(st.integers(0, len(section.items) - 1)))


def index(sections: list[Section]) -> dict[str, tuple[str, dict[str, Any]]]:
    return {i.id: (s.id, item_values(i)) for s in sections for i in s.items}


def order(section: Section | None, among: set[str]) -> list[str]:
    return [] if section is None else [i.id for i in section.items if i.id in among]


def find(document: Document, section_id: str) -> Section | None:
    return next((s for s in document.sections if s.id == section_id), None)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=documents(PLAN), data=st.data())
def test_every_edit_is_merged_or_a_conflict(document: Document, data: st.DataObject) -> None:
    assume(document.sections)
    with tempfile.TemporaryDirectory() as folder:
        main_path, package_path = Path(folder) / "main.reformkit", Path(folder) / "p.reformkit"
        Project.create_from(main_path, document, PLAN).close()
        with Project.open(main_path, KINDS) as ours:
            all_ids = [s.id for s in ours.document.sections]
            sent = data.draw(st.lists(st.sampled_from(all_ids), min_size=1, unique=True))
            for _ in range(data.draw(st.integers(0, 5))):  # something to reorder
                section = ours.document.section(data.draw(st.sampled_from(sent)))
                item_type = ours.spec.section_type(section.key).item_types[-1]
                ours.add_item(section.id, item_type.name, {"text": data.draw(some_text)})
            make_package(ours, sent, package_path, partner="Council")
            base = [copy.deepcopy(ours.document.section(s)) for s in all_ids if s in sent]
            with Project.open(package_path, KINDS) as theirs:
                for _ in range(data.draw(st.integers(0, 20))):
                    if data.draw(st.booleans()):
                        edit_once(data, theirs, sent, "Council")
                    else:
                        where = data.draw(st.sampled_from([sent, sent, sent, all_ids]))
                        edit_once(data, ours, where, "")
                theirs_doc = copy.deepcopy(theirs.document)
            ours_doc = copy.deepcopy(ours.document)

            plan = plan_merge(ours, package_path, KINDS)
            settle = data.draw(st.booleans())  # or leave them all unsettled, kept as ours
            choices = {c.id: "ours" for c in plan.conflicts} if settle else {}
            apply_merge(ours, plan, choices, keep_ours_for_unresolved=True)
            merged = ours.document
            conflicts = {c.id for c in plan.conflicts}

            b, o, t, m = (
                index(base),
                index(ours_doc.sections),
                index(theirs_doc.sections),
                index(merged.sections),
            )
            # The partner's edits: taken, or listed as a conflict.
            for item_id, (_, values) in t.items():
                if item_id not in b:
                    assert m[item_id][1] == values, "an item the partner added is missing"
                    continue
                for key, value in values.items():
                    if value != b[item_id][1].get(key):
                        assert item_id in conflicts or m[item_id][1][key] == value
            for item_id in b.keys() - t.keys():
                assert item_id in conflicts or item_id not in m
            # Our edits: all still there (every conflict was settled as ours).
            for item_id, (_, values) in o.items():
                base_values = b[item_id][1] if item_id in b else {}
                for key, value in values.items():
                    if value != base_values.get(key, object()):
                        assert m[item_id][1][key] == value
            for item_id in b.keys() - o.keys():
                assert item_id not in m
            for section in base:
                mine, partner = find(merged, section.id), find(theirs_doc, section.id)
                here = find(ours_doc, section.id)
                assert mine is not None and here is not None and partner is not None
                for key in SECTION_KEYS:
                    before, after = getattr(section, key), getattr(partner, key)
                    if after != before and section.id not in conflicts:
                        assert getattr(mine, key) == after
                    if getattr(here, key) != before:
                        assert getattr(mine, key) == getattr(here, key)
                # Order: when only one side reordered a part, its order is kept.
                sent_ids = {i.id for i in section.items}
                base_order = [i.id for i in section.items]
                ours_common = order(here, sent_ids)
                theirs_common = order(partner, sent_ids)
                merged_ids = {i.id for i in mine.items}
                if ours_common == [i for i in base_order if i in set(ours_common)]:
                    partner_ids = {i.id for i in partner.items}
                    assert order(mine, partner_ids) == order(partner, merged_ids)
                if theirs_common == [i for i in base_order if i in set(theirs_common)]:
                    our_ids = {i.id for i in here.items}
                    assert order(mine, our_ids) == order(here, merged_ids)
            # Parts that were not sent are exactly as we left them.
            for section in ours_doc.sections:
                if section.id not in sent:
                    assert find(merged, section.id) == section
            # The file holds what memory holds, and a second merge is a no-op.
            on_disk = read_for_opening(main_path, KINDS).document
            assert index(on_disk.sections) == m
            again = plan_merge(ours, package_path, KINDS)
            if settle or not plan.conflicts:
                assert again.is_empty and again.already_merged
            else:
                # Unsettled conflicts come up again where the two sides still differ (a later
                # change elsewhere may have made them agree), and nothing is taken silently.
                assert {c.id for c in again.conflicts} <= conflicts
                assert not again.changes, [(c.kind, c.label) for c in again.changes]
                apply_merge(ours, again, keep_ours_for_unresolved=True)
                assert index(ours.document.sections) == m
