"""A large, plausible Local Reform Plan for benchmarks: N sections, each with two paragraphs
and a nine-row table (nine structured items), cycling through the plan's section types."""

from __future__ import annotations

import random
from typing import Any

from plans import PLAN
from reformkit.document.fields import CHOICE, DATE, FLAG, INTEGER, MONEY, REFERENCE, TEXT_LIST
from reformkit.document.model import Document, Item, Meta, Section
from reformkit.document.spec import ItemType

WORDS = (
    "families services council health police schools prevention outcomes staff budget "
    "partners residents housing employment support probation missions standards local "
    "together design learning evidence trust community voluntary pathway referral early"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _value(item_type: ItemType, name: str, rng: random.Random) -> Any:
    field = item_type.field(name)
    if field.type == MONEY:
        return f"{rng.randint(10_000, 9_000_000)}.00"
    if field.type == DATE:
        return f"20{rng.randint(26, 35)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if field.type == INTEGER:
        return rng.randint(5, 400)
    if field.type == CHOICE:
        return rng.choice(field.choices)
    if field.type == FLAG:
        return False
    if field.type == TEXT_LIST:
        return [sentence(rng, 6) for _ in range(3)]
    if field.type == REFERENCE:
        return ""
    return sentence(rng, rng.randint(3, 12))


def generated_plan(sections: int = 300, seed: int = 300) -> Document:
    rng = random.Random(seed)
    document = Document(
        "plan",
        Meta(
            title=f"Generated plan with {sections} sections",
            organisation="Benchmark Combined Authority",
        ),
    )
    types = PLAN.section_types
    for number in range(sections):
        section_type = types[number % len(types)]
        section = Section(
            key=section_type.key,
            title=f"{number + 1}. {section_type.title}",
            intro=sentence(rng, 20),
            tags=list(section_type.default_tags),
        )
        for _ in range(2):
            section.items.append(
                Item(
                    "paragraph",
                    {"text": " ".join(sentence(rng, rng.randint(12, 25)) for _ in range(4))},
                    tags=list(section_type.default_tags),
                )
            )
        row_type = section_type.item_types[0]
        for _ in range(9):
            fields = {f.name: _value(row_type, f.name, rng) for f in row_type.fields}
            section.items.append(
                Item(row_type.name, row_type.clean(fields), tags=list(section_type.default_tags))
            )
        document.sections.append(section)
    return document
