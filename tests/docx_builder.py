"""Build .docx test files with python-docx, optionally with Word's automatic numbering."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as make_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W_NS = nsdecls("w")
FAMILIES = [
    ("cn", re.compile(r"^([一二三四五六七八九十]+)([、.．])"), "chineseCounting"),
    ("paren_cn", re.compile(r"^([（(])([一二三四五六七八九十]+)([)）])"), "chineseCounting"),
    ("arabic", re.compile(r"^(\d+)([、.．])(?!\d)"), "decimal"),
]


def _lvl_text(family: str, m: re.Match[str], ilvl: int) -> str:
    if family == "paren_cn":
        return f"{m.group(1)}%{ilvl + 1}{m.group(3)}"
    return f"%{ilvl + 1}{m.group(2)}"


def build_docx(
    path: Path,
    lines: list[str],
    *,
    numbering: bool = False,
    heading_styles: bool = False,
    table_rows: list[list[str]] | None = None,
) -> Path:
    """Write ``lines`` as paragraphs. With ``numbering``, typed heading markers are removed and
    Word list numbering (one abstractNum, a level per marker family) renders them instead."""
    doc = make_docx()
    levels: dict[str, tuple[int, str, str]] = {}
    num_id = None
    plan: list[tuple[str, int | None]] = []
    for line in lines:
        ilvl = None
        for family, pat, fmt in FAMILIES:
            m = pat.match(line)
            if m:
                if family not in levels:
                    levels[family] = (len(levels), _lvl_text(family, m, len(levels)), fmt)
                ilvl = levels[family][0]
                if numbering:
                    line = line[m.end() :]
                break
        plan.append((line, ilvl))
    if numbering and levels:
        numbering_el = doc.part.numbering_part.element
        lvls = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
            for ilvl, text, fmt in sorted(levels.values())
        )
        numbering_el.append(
            parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="90">{lvls}</w:abstractNum>')
        )
        numbering_el.append(
            parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
        num_id = "90"
    for text, ilvl in plan:
        style = None
        if heading_styles and ilvl is not None:
            style = f"Heading {min(ilvl + 1, 9)}"
        p = doc.add_paragraph(text, style=style)
        if numbering and ilvl is not None and num_id:
            ppr = p._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
    if table_rows:
        table = doc.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    doc.save(str(path))
    return path
