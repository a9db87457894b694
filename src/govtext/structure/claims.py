"""Count claims that announce a list — “六个一”：, 开展“三个创建”：, 做好以下八项工作：,
主要包括三个方面内容。 — and the list each one introduces (an enumeration or a run of headings).

A claim is only a claim when it introduces: it ends in a colon, or 以下/如下/下列/包括 precede
it. "3大保卫战和7个标志性战役。一是……四是" counts campaigns, not the items after it, and a
parenthesised expansion “一条主线”（打基础、立规矩、树正气） is one line, not a list.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

import bisect
from typing import Any, NamedTuple

from govtext import _re
from govtext.numerals import ordinal_of
from govtext.report import ParsedReport
from govtext.textutil import positions

_CORE = _re.compile(
    r"(?=[一二三四五六七八九十两\d])(?P<num>[一二三四五六七八九十两]{1,3}|\d{1,2})(?P<cls>个|项|大|条|件|方面|点|种|类|批|张)"
)
_AFTER = _re.compile(
    r"(?P<noun>[^，。；：:“”\"「」（）()\n]{0,10}?)(?P<close>[”\"」])?(?P<end>[：:]|(?=。))"
)
_PRE = _re.compile(r"(以下|如下|下列|下面|主要包括|包括|概括为|概况为|归纳为|总结为|分为)[“\"「]?$")


_INTRODUCERS = {"以下", "如下", "下列", "下面", "主要包括", "包括"}


class Claim(NamedTuple):
    start: int  # span of the claim itself, quotes excluded: "六个一", "八项工作"
    end: int
    count: int  # type: ignore[assignment]  # the field shadows tuple.count on purpose
    list_kind: str  # "tasks" | "headings"
    list_ids: tuple[str, ...]  # enumeration id(s), or the section ids of the headings
    list_count: int  # how many items the list has


def _inside_parens(text: str, pos: int, floor: int) -> bool:
    depth = 0
    for ch in reversed(text[floor:pos]):
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return True
            depth -= 1
    return False


def find_claims(report: ParsedReport) -> list[Claim]:
    """Claims in body paragraphs, each with the list that follows it (computed once per report)."""
    cached: list[Claim] | None = getattr(report, "_claims", None)
    if cached is None:
        cached = _find_claims(report)
        report._claims = cached  # type: ignore[attr-defined]
    return cached


def link_claims(report: ParsedReport) -> None:
    """Point each enumeration at the count claim that announces it (“五个建设”: items 1–5)."""
    by_enum: dict[str, Claim] = {}
    for c in find_claims(report):
        if c.list_kind == "tasks":
            for eid in c.list_ids:
                by_enum.setdefault(eid, c)
    if not by_enum:
        return
    doc = report.doc
    linked = []
    for e in report.enumerations:
        claim = by_enum.get(e.id)
        if claim is not None:
            pos = doc.position(claim.start)
            e = e._replace(
                claim={
                    "text": doc.text[claim.start : claim.end],
                    "start": claim.start,
                    "end": claim.end,
                    "line": pos.line,
                    "column": pos.column,
                    "count": claim.count,
                    "items": claim.list_count,
                }
            )
        linked.append(e)
    report.enumerations = linked


def _find_claims(report: ParsedReport) -> list[Claim]:
    norm = report.doc.norm
    claims: list[Claim] = []
    enums = sorted(report.enumerations, key=lambda e: e.start)
    paras = report.paragraphs
    starts = [p.start for p in paras]
    # A claim ends at a colon or follows 以下/如下/包括: look only in windows around those.
    windows: list[tuple[int, int, int]] = []  # (window start, window end, paragraph index)
    for pos in positions(norm, ("：", ":", "下", "包括")):
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or pos >= paras[k].end:
            continue
        ch = norm[pos]
        if ch in "：:":
            windows.append((max(paras[k].start, pos - 16), pos + 1, k))
        elif (
            ch == "包"
            or norm[pos - 1 : pos + 1] in ("以下", "如下")
            or norm[pos : pos + 2] in ("下列", "下面")
        ):
            windows.append((pos, min(paras[k].end, pos + 26), k))
    seen: set[int] = set()
    for wstart, wend, k in windows:
        para = paras[k]
        for m in _CORE.finditer(norm, wstart, wend):
            if m.start() in seen:
                continue
            seen.add(m.start())
            count = ordinal_of(m.group("num"))
            if count is None or count < 2:
                continue
            tail = _AFTER.match(norm, m.end(), para.end)
            if tail is None:
                continue
            quoted = norm[m.start() - 1 : m.start()] in '“"「' and m.start() > para.start
            if bool(tail.group("close")) != quoted:
                continue
            pre = _PRE.search(norm, max(para.start, m.start() - 7), m.start())
            if tail.group("end") not in ("：", ":") and pre is None:
                continue
            if _inside_parens(norm, m.start(), para.start):
                continue
            if m.group("cls") == "大" and not tail.group("noun"):
                continue
            start = m.start("num")
            end = tail.end("noun")
            after = tail.end()
            listed = _list_after(report, enums, after, para.end)
            if listed is None:
                continue
            kind, ids, n = listed
            if (
                kind == "tasks"
                and n != count
                and _rest_accounts_for(report, ids[0], para.end, count)
            ):
                continue
            claims.append(Claim(start, end, count, kind, ids, n))
    return claims


_MORE = _re.compile(
    r"(?:还有|另有|另外还有|此外还有)([一二三四五六七八九十两]|\d{1,2})(类|种|个|项|方面)"
)


def _rest_accounts_for(report: ParsedReport, enum_id: str, para_end: int, count: int) -> bool:
    """ "有四种类型：一是……二是……。还有两类……": the rest of the paragraph names the others."""
    items = [t for t in report.tasks if t.enumeration == enum_id]
    m = _MORE.search(report.doc.norm, items[-1].start, para_end)
    if m is None:
        return False
    extra = ordinal_of(m.group(1)) or 0
    return len(items) + extra == count


def _list_after(
    report: ParsedReport, enums: list[Any], pos: int, para_end: int
) -> tuple[str, tuple[str, ...], int] | None:
    """The enumeration or heading run that starts right after ``pos``."""
    norm = report.doc.norm
    # The next heading or paragraph after this paragraph: nothing may stand between claim and list.
    next_heading = next((s for s in report.sections if s.start >= pos), None)
    next_para = next((p for p in report.paragraphs if p.start >= para_end), None)
    for e in enums:
        if e.start < pos:
            continue
        gap = norm[pos : e.start]
        same_para = e.start < para_end and not any(c in gap for c in "。！？")
        next_para_item = (
            next_para is not None
            and e.start == next_para.start
            and (next_heading is None or next_heading.start > e.start)
        )
        if same_para or next_para_item:
            if same_para:
                # "一是……；一是……" (one … the other …) splits into lists that all start at 一;
                # count every item of the family that follows in the paragraph.
                fam = [
                    t
                    for t in report.tasks
                    if t.start >= pos
                    and t.start < para_end
                    and t.enumeration in {x.id for x in enums if x.family == e.family}
                ]
                ids = tuple(dict.fromkeys(t.enumeration for t in fam))
                if len(ids) > 1 and all(t.ordinal == 1 for t in fam):
                    return "tasks", ids, len(fam)
            return "tasks", (e.id,), e.count
        break
    if next_heading is not None and (next_para is None or next_heading.start <= next_para.start):
        if norm[pos:para_end].strip(" \t\n。") and not norm[pos:para_end].strip().startswith("\n"):
            # The colon's own paragraph goes on: the list is not the headings after it.
            rest = norm[pos:para_end].strip()
            if rest:
                return None
        siblings = [
            s
            for s in report.sections
            if s.parent == next_heading.parent
            and s.style == next_heading.style
            and s.start >= next_heading.start
        ]
        return "headings", tuple(s.id for s in siblings), len(siblings)
    return None
