"""Word list numbering for test documents made with python-docx (shared by tests and fixture writers).

python-docx writes paragraphs but has no API for automatic numbering: a list is an
``w:abstractNum`` (its levels: number format and level text) and a ``w:num`` instance in
``numbering.xml``, and a paragraph joins it with ``w:numPr`` (ECMA-376 Part 1, 17.9).
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

#: "I." / "1." / "a)": the multilevel numbering of plans' parts, items and points.
PLAN_LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))


def add_list(doc, num_id: int, levels=PLAN_LEVELS, multilevel: bool = True) -> None:
    """Add a list with ``levels`` ((numFmt, lvlText) per level) to ``doc``'s numbering, as instance ``num_id``."""
    numbering = doc.part.numbering_part.element
    kind = "multilevel" if multilevel else "singleLevel"
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
                                  f'<w:multiLevelType w:val="{kind}"/>{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def number(paragraph, num_id: int, level: int) -> None:
    """Make ``paragraph`` an item of list instance ``num_id`` at ``level`` (0-based)."""
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
