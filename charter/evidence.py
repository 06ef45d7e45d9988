"""What in a Respect Charter answers recommendation 18, beyond the user's own tags.

The briefing asks for "the new rights and duties expected of public service workers,
including proposals for a 'duty of candour'" (p.20): coverage counts those three elements.
The principles to collaborate and to co-produce are "subject to further investigation", so
they are not counted as missing.
"""

from reformkit.document.spec import Element, Evidence

RIGHTS_AND_DUTIES = "the new rights and duties expected of public service workers"

ELEMENTS = (
    Element(
        "R18",
        "rights of staff",
        RIGHTS_AND_DUTIES,
        20,
        (Evidence("R18", "right", ("title", "text"), "a right"),),
    ),
    Element(
        "R18",
        "duties of staff",
        RIGHTS_AND_DUTIES,
        20,
        (Evidence("R18", "duty", ("title", "text"), "a duty"),),
    ),
    Element(
        "R18",
        "a duty of candour",
        "including proposals for a 'duty of candour'",
        20,
        (Evidence("R18", "duty", ("title", "text"), "a duty of candour", words=("candour",)),),
    ),
)

# What the charter's builder fills in before the user writes anything.
PLACEHOLDERS = ("Our team",)
