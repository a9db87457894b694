"""Enumerated items ("tasks") and the enumerations they form.

Families: ``shi`` 一是/二是, ``yao`` 一要/二要, ``di`` 第一，/第二，, ``qi`` 其一/其二,
``seq`` 首先/其次/再次/最后, ``paren`` (1)/(2) and ``circled`` ①/② inside a paragraph.
Items of one family in one section form one enumeration while their ordinals go on: inside a
paragraph, or one item per paragraph ("一是……" / "二是……" each opening a paragraph). An
ordinal 1 starts a new enumeration; a repeated or skipped ordinal stays in the list (the
linter reports it). ``seq`` and ``yao`` lists need two items, since "首先，" alone is prose.
"""

from __future__ import annotations

from govtext import _re
from govtext.numerals import ordinal_of

CN = "一二三四五六七八九十"
# Where an item may start: after these characters, or at the start of a paragraph body.
CLAUSE_START = set("。；;！？!?：:，,”’）)」 \n")

# The scan consumes the character before the marker (a clause end, a space or a line break):
# starting each match on that rarer character makes the pass over a report ~2x faster.
_TASK = _re.compile(
    r"[。；;！？!?：:，,”’）)」 \n]"
    rf"(?=[{CN}第其首再然最（(\u2460-\u2473])"
    rf"(?:(?P<shi>([{CN}]{{1,3}})是)(?![的否非])"
    rf"|(?P<yao>([{CN}]{{1,2}})要)(?=[{CN[0]}-\u9fff])"
    rf"|(?P<di>第([{CN}]{{1,3}})[，,、：:])"
    rf"|(?P<qi>其([{CN}]{{1,2}})[，,、：:])"
    r"|(?P<seq>(首先|其次|再次|然后|最后)[，,])"
    r"|(?P<paren>[（(](\d{1,2})[)）])"
    r"|(?P<circled>([\u2460-\u2473])))"
)
_SEQ_ORDINAL = {"首先": 1, "其次": 2, "再次": 3}
_NEEDS_TWO = {"seq", "yao", "qi"}


class RawTask:
    __slots__ = ("at_paragraph_start", "end", "enum", "family", "marker", "marker_end", "ordinal", "paragraph",
                 "section", "start")  # fmt: skip

    def __init__(self, family: str, marker: str, ordinal: int | None, start: int, marker_end: int, paragraph: int,
                 section: str | None, at_paragraph_start: bool) -> None:  # fmt: skip
        self.family = family
        self.marker = marker
        self.ordinal = ordinal
        self.start = start
        self.marker_end = marker_end
        self.paragraph = paragraph  # index into the paragraph list
        self.section = section
        self.at_paragraph_start = at_paragraph_start
        self.end = -1
        self.enum = -1


class RawEnumeration:
    __slots__ = ("family", "section", "tasks")

    def __init__(self, family: str, section: str | None, tasks: list[RawTask]) -> None:
        self.family = family
        self.section = section
        self.tasks = tasks


def find_tasks(
    norm: str, text: str, paragraphs: list[tuple[int, int, str | None]]
) -> list[RawTask]:
    """Item markers in the paragraph bodies ``[(start, end, section), ...]`` (in order).

    One scan over the whole text, then each match is placed in its paragraph: scanning
    paragraph by paragraph would call the regex engine thousands of times per report.
    """
    out = []
    k = 0
    n = len(paragraphs)
    # A marker at the very start of the text has no character before it.
    padded = "\n" + norm
    for m in _TASK.finditer(padded):
        pos = m.start()  # in `norm`: the match starts one character early in `padded`
        while k < n and paragraphs[k][1] <= pos:
            k += 1
        if k >= n:
            break
        start, end, section = paragraphs[k]
        marker_end = m.end() - 1
        if pos < start or marker_end > end:
            continue
        at_start = pos == start
        family = m.lastgroup or ""
        if family in ("paren", "circled") and at_start:
            continue  # at a paragraph start these are headings
        inner = m.group(m.lastindex + 1) if m.lastindex else ""
        ordinal = _SEQ_ORDINAL.get(m.group("seq")[:2]) if family == "seq" else ordinal_of(inner)
        marker = text[pos:marker_end]
        if family in ("di", "qi", "seq"):
            marker = marker[:-1]  # "第一，" -> "第一"; the comma is punctuation, not marker
        out.append(RawTask(family, marker, ordinal, pos, marker_end, k, section, at_start))
    return out


def group(tasks: list[RawTask]) -> list[RawEnumeration]:
    """Group tasks (in document order) into enumerations."""
    enums: list[RawEnumeration] = []
    open_by_family: dict[str, RawEnumeration] = {}
    for t in tasks:
        cur = open_by_family.get(t.family)
        if t.family == "seq" and t.ordinal is None and cur is not None:  # 最后 / 然后
            t.ordinal = (cur.tasks[-1].ordinal or 0) + 1
        elif t.family == "seq" and t.ordinal is None:
            t.ordinal = 1 if t.marker == "首先" else None
        cont = False
        if cur is not None and cur.section == t.section and t.ordinal != 1:
            last = cur.tasks[-1]
            if (
                last.paragraph == t.paragraph
                or t.at_paragraph_start
                or (last.at_paragraph_start and t.paragraph - last.paragraph <= 1)
            ):
                cont = True
        if cont and cur is not None:
            cur.tasks.append(t)
        else:
            cur = RawEnumeration(t.family, t.section, [t])
            enums.append(cur)
            open_by_family[t.family] = cur
    kept = [e for e in enums if not (e.family in _NEEDS_TWO and len(e.tasks) < 2)]
    for i, e in enumerate(kept):
        for t in e.tasks:
            t.enum = i
    return kept


def assign_ends(enums: list[RawEnumeration], paragraph_ends: list[int]) -> None:
    """An item ends at its list's next item, at an enclosing list's next item, or at its paragraph's end."""
    by_paragraph: dict[int, list[RawTask]] = {}
    first_start = {i: e.tasks[0].start for i, e in enumerate(enums)}
    for e in enums:
        for t in e.tasks:
            by_paragraph.setdefault(t.paragraph, []).append(t)
    for items in by_paragraph.values():
        items.sort(key=lambda t: t.start)
        for i, t in enumerate(items):
            end = paragraph_ends[t.paragraph]
            for u in items[i + 1 :]:
                if u.enum == t.enum or first_start[u.enum] < first_start[t.enum]:
                    end = u.start
                    break
            t.end = end
