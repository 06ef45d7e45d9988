"""Where an export shows which of the 22 recommendations each part answers.

Tags ("R18") help a Board check its document against The Reform Dividend; they mean little
to a resident reading the charter or plan. So by default they appear only in the appendix,
whose table already maps every recommendation to the parts (and the evidence) that answer
it: the body reads as plain prose. A Board that wants them nearer the text can put them at
the end of each part, or beside each clause and table row. Signatures never carry them.

Kept free of imports so the command line can list the choices without loading the layout.
"""

from __future__ import annotations

from typing import Literal

TagPlacement = Literal["appendix", "part", "beside"]
APPENDIX: TagPlacement = "appendix"
PART: TagPlacement = "part"
BESIDE: TagPlacement = "beside"
DEFAULT_TAGS: TagPlacement = APPENDIX

#: Each choice as the export dialog and ``reformkit export --help`` word it.
TAG_PLACEMENTS: dict[TagPlacement, str] = {
    APPENDIX: "only in the appendix (best for readers)",
    PART: "at the end of each part",
    BESIDE: "beside each clause and table row",
}


def tag_placement(value: str) -> TagPlacement:
    """``value`` as a placement; a plain ValueError naming the choices if it is none."""
    for placement in TAG_PLACEMENTS:
        if value == placement:
            return placement
    raise ValueError(f"Tags can go {', '.join(TAG_PLACEMENTS)}; '{value}' is not one of these.")
