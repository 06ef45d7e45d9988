"""Real Word list numbering: bullets, and numbered lists that each start again at 1.

Two list definitions (``w:abstractNum``) are added to numbering.xml, one for bullets and one
for numbers. Each numbered list gets its own ``w:num`` whose level 0 is overridden to start
at 1, so the second list in a document does not carry on from the first.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from reformkit.export.docx_xml import element

_BULLET = "\u2022"


class Lists:
    """Adds numbering definitions to a document as lists are written."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._numbering: Any = None
        self._abstract: dict[bool, str] = {}
        self._bullet_num = ""
        self._last_num = -1

    def bullets(self) -> str:
        """The ``w:numId`` for bulleted items (one is shared: bullets never count)."""
        if not self._bullet_num:
            self._bullet_num = self._add_num(self._abstract_id(ordered=False), restart=False)
        return self._bullet_num

    def new_numbered(self) -> str:
        """A fresh ``w:numId`` for one numbered list, starting at 1."""
        return self._add_num(self._abstract_id(ordered=True), restart=True)

    def _root(self) -> Any:
        if self._numbering is None:
            self._numbering = self._document.part.numbering_part.element
        return self._numbering

    def _abstract_id(self, ordered: bool) -> str:
        if ordered not in self._abstract:
            root = self._root()
            taken = [int(a.get(qn("w:abstractNumId"))) for a in root.iter(qn("w:abstractNum"))]
            new_id = str(max(taken, default=-1) + 1)
            abstract = element("w:abstractNum", {"w:abstractNumId": new_id})
            abstract.append(element("w:nsid", {"w:val": f"{0x52454600 + int(new_id):08X}"}))
            abstract.append(element("w:multiLevelType", {"w:val": "singleLevel"}))
            level = element("w:lvl", {"w:ilvl": "0"})
            level.append(element("w:start", {"w:val": "1"}))
            level.append(element("w:numFmt", {"w:val": "decimal" if ordered else "bullet"}))
            level.append(element("w:lvlText", {"w:val": "%1." if ordered else _BULLET}))
            level.append(element("w:lvlJc", {"w:val": "left"}))
            ppr = element("w:pPr")
            ppr.append(element("w:ind", {"w:left": "360", "w:hanging": "360"}))
            level.append(ppr)
            abstract.append(level)
            first_num = root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                existing = list(root.iter(qn("w:abstractNum")))
                if existing:
                    existing[-1].addnext(abstract)
                else:
                    root.insert(0, abstract)
            self._abstract[ordered] = new_id
        return self._abstract[ordered]

    def _add_num(self, abstract_id: str, restart: bool) -> str:
        root = self._root()
        if self._last_num < 0:  # counted once: a long document has thousands of lists
            taken = [int(n.get(qn("w:numId"))) for n in root.iter(qn("w:num"))]
            self._last_num = max(taken, default=0)
        self._last_num += 1
        new_id = str(self._last_num)
        num = element("w:num", {"w:numId": new_id})
        num.append(element("w:abstractNumId", {"w:val": abstract_id}))
        if restart:
            override = element("w:lvlOverride", {"w:ilvl": "0"})
            override.append(element("w:startOverride", {"w:val": "1"}))
            num.append(override)
        # every w:num follows the w:abstractNum elements; numIdMacAtCleanup comes last
        last = root[-1] if len(root) else None
        if last is not None and last.tag == qn("w:numIdMacAtCleanup"):
            last.addprevious(num)
        else:
            root.append(num)
        return new_id
