"""``parse(doc)``: the heading tree, paragraphs, sentences, tasks and enumerations of a report.

Heading levels come from the nesting each document uses. A stack of marker families is kept:
a heading whose family is already on the stack closes everything below that entry and becomes
its sibling; a family not yet on the stack nests under the current heading. "1、" may thus sit
under "（一）" in one part of a report and straight under "三、" in another. A family that
that restarts at 1 under a later item of the same family ("四、" then "一、") opens a nested list;
第一章/第一部分/第一节 rank by their words.
Unmarked headings (a short standalone line such as "存在问题与不足") attach under the current
marked heading and only become parents when they stand at the top level.
"""

from __future__ import annotations

import re

from govtext import _re
from govtext.document import Block, Document
from govtext.model import Boilerplate, Enumeration, Paragraph, Section, Sentence, Task
from govtext.report import ParsedReport
from govtext.structure import enumerate as enum_mod
from govtext.structure.blocks import boilerplate_kind, document_blocks
from govtext.structure.markers import (
    CLOSERS,
    SENTENCE_END,
    TASK_AT_START,
    TASK_FIRST,
    TERMINAL,
    Marker,
    match_heading_marker,
)
from govtext.structure.roles import is_closing_paragraph, role_of_title

_RANK_FIXED = {"appendix": -1, "part": 0, "chapter": 1, "jie": 2}
_RUN_IN_MAX = 80  # a first sentence longer than this is body text, not a run-in title
_DATE_LINE = _re.compile(
    r"^[\d〇○零一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,2}月([\d一二三四五六七八九十]{1,3}日)?$"
)
_SUBTITLE = _re.compile(
    r"^(?:(?:[—－-]{1,2}|（|\().{2,60}(?:讲话|发言|报告|总结|汇报)[)）]?|[（(][^（()）]{2,60}[)）])$"
)


class _Heading:
    __slots__ = ("block", "body_start", "heading_end", "level", "marker", "parent", "run_in", "start", "style",
                 "title_end", "title_start")  # fmt: skip

    def __init__(self, block: int, marker: Marker | None, style: str, start: int, heading_end: int,
                 title_start: int, title_end: int, body_start: int, run_in: bool) -> None:  # fmt: skip
        self.block = block
        self.marker = marker
        self.style = style
        self.start = start
        self.heading_end = heading_end
        self.title_start = title_start
        self.title_end = title_end
        self.body_start = (
            body_start  # where the body starts (the block end for a title-only heading)
        )
        self.run_in = run_in
        self.level = 0
        self.parent: int | None = None


def _strip_span(norm: str, s: int, e: int, chars: str = " \t\n") -> tuple[int, int]:
    while s < e and norm[s] in chars:
        s += 1
    while e > s and norm[e - 1] in chars:
        e -= 1
    return s, e


def _marked_heading(doc: Document, block: Block, marker: Marker, index: int) -> _Heading:
    norm = doc.norm
    rest = marker.end
    end = block.end
    # First sentence end, skipping ends inside quotes or brackets.
    depth = 0
    k = -1
    for i in range(rest, min(end, rest + _RUN_IN_MAX + 1)):
        ch = norm[i]
        if ch in "“‘（(《「【":
            depth += 1
        elif ch in "”’）)》」】":
            depth = max(0, depth - 1)
        elif ch in SENTENCE_END and depth == 0:
            k = i
            break
    if k < 0 and end - rest > _RUN_IN_MAX and "\n" not in norm[rest:end]:
        # No sentence end close by: a long marked paragraph; its first clause is the title.
        k2 = norm.find("。", rest, end)
        k = k2 if k2 >= 0 else -1
    if k >= 0:
        while k + 1 < end and norm[k + 1] in CLOSERS:
            k += 1
        ts, te = _strip_span(norm, rest, k if norm[k] in SENTENCE_END else k + 1)
        body_start, _ = _strip_span(norm, k + 1, end)
        run_in = body_start < end
        heading_end = k + 1
    else:
        ts, te = _strip_span(norm, rest, end)
        body_start = end
        run_in = False
        heading_end = end
    if te > ts and norm[te - 1] in "。.":
        te -= 1
    return _Heading(
        index, marker, marker.family, block.start, heading_end, ts, te, body_start, run_in
    )


_LINE_BREAK_IN_TITLE = _re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")


def _clean_title(title: str) -> str:
    """A title broken over lines (a link fragment, a soft break) reads as one line."""
    return _LINE_BREAK_IN_TITLE.sub("", title) if "\n" in title or "\r" in title else title


def _unmarked_candidate(norm: str, block: Block) -> bool:
    s, e = block.start, block.end
    n = e - s
    if block.in_table or n < 2 or n > 40 or "\n" in norm[s:e]:
        return False
    text = norm[s:e]
    if text[-1] in TERMINAL or text[-1] in "，、,)" or text[0] in "》”’）)」、，。；：！？":
        return False
    if any(ch in text for ch in "。！？!?；;") or text.count("，") > 2:
        return False
    # A phrase ending in a particle or preposition is a broken line, not a heading.
    if text[-1] in "的了和与及或在对把被将向从为以" or text.startswith(("我代表", "现在，我")):
        return False
    if text[0] in "（(【[" and text[-1] in "）)】]":
        return False
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    if cjk < 2 or cjk < n * 0.5:
        return False
    return not _DATE_LINE.match(text.replace(" ", ""))


_LEAD_END = _re.compile(r"[。；;！？!?]")
_SENTENCE_BREAK = _re.compile(r"(?=[。！？!?\n])(?:[。！？!?]+[”’）)》」』】。！？!?]*|\n)")


def _sentences(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    start = s
    for m in _SENTENCE_BREAK.finditer(norm, s, e):
        a, b = _strip_span(norm, start, m.end())
        if b > a:
            out.append((a, b))
        start = m.end()
    a, b = _strip_span(norm, start, e)
    if b > a:
        out.append((a, b))
    return out


def _nest(headings: list[_Heading]) -> None:
    """Give every heading its level and parent (see the module docstring)."""
    stack: list[tuple[str, int]] = []  # (style key, heading index)

    def ordinal(k: int) -> int | None:
        m = headings[stack[k][1]].marker
        return m.ordinal if m else None

    for idx, h in enumerate(headings):
        key = h.style
        new_ord = h.marker.ordinal if h.marker else None
        if key == "unmarked":
            at = next((k for k in range(len(stack)) if stack[k][0] == "unmarked"), None)
            if at is not None:
                del stack[at:]
        elif key.startswith("hint"):
            level = int(key[4:])
            at = next(
                (
                    k
                    for k in range(len(stack))
                    if stack[k][0].startswith("hint") and int(stack[k][0][4:]) >= level
                ),
                None,
            )
            if at is not None:
                del stack[at:]
        else:
            if key in _RANK_FIXED:
                # 第一章 / 第一部分 / 第一节 rank by their words, whatever the order they appear in.
                at = next(
                    (
                        k
                        for k in range(len(stack))
                        if _RANK_FIXED.get(stack[k][0], 99) >= _RANK_FIXED[key]
                    ),
                    None,
                )
                if at is not None:
                    del stack[at:]
            same = [k for k in range(len(stack)) if stack[k][0] == key]
            if same:
                target = next(
                    (
                        k
                        for k in reversed(same)
                        if new_ord is not None
                        and ordinal(k) is not None
                        and new_ord == (ordinal(k) or 0) + 1
                    ),
                    None,
                )
                if target is None and not (new_ord == 1 and ordinal(same[-1]) not in (None, 1)):
                    target = same[-1]
                # An ordinal 1 after a later item ("四、" then "一、") opens a nested list.
                if target is not None:
                    del stack[target:]
            while len(stack) > 1 and stack[-1][0] == "unmarked":
                stack.pop()  # unmarked headings below the top level are leaves
        h.parent = stack[-1][1] if stack else None
        stack.append((key, idx))
        h.level = len(stack)


def _interrupting_unmarked(headings: list[_Heading]) -> list[_Heading]:
    out = []
    for k, h in enumerate(headings):
        if h.style != "unmarked":
            continue
        prev = next((p for p in reversed(headings[:k]) if p.marker is not None), None)
        nxt = next((n for n in headings[k + 1 :] if n.marker is not None), None)
        if (
            prev is not None
            and nxt is not None
            and prev.style == nxt.style
            and prev.marker is not None
            and nxt.marker is not None
            and prev.marker.ordinal is not None
            and nxt.marker.ordinal == prev.marker.ordinal + 1
            and h.level <= prev.level
        ):
            out.append(h)
    return out


def parse(doc: Document, *, sentences: bool = True) -> ParsedReport:
    """Segment a report into its heading tree, paragraphs, sentences and enumerated tasks.

    Args:
        doc: a document from :func:`govtext.read` or :meth:`Document.from_text`.

    Returns:
        A :class:`~govtext.report.ParsedReport`; element lists come in document order.

    Example:
        >>> r = parse(Document.from_text("一、工作回顾\\n（一）污染防治攻坚战持续深入。一是治气。二是治水。"))
        >>> [(s.marker, s.title, s.level) for s in r.sections]
        [('一、', '工作回顾', 1), ('（一）', '污染防治攻坚战持续深入', 2)]
        >>> [t.marker for t in r.tasks]
        ['一是', '二是']
    """
    norm, text = doc.norm, doc.text
    blocks = document_blocks(doc)
    content: list[Block] = []
    boiler: list[Boilerplate] = []
    tail_kind: str | None = None
    for b in blocks:
        if tail_kind is not None:
            kind: str | None = tail_kind
        else:
            found = boilerplate_kind(doc, b)
            kind = found[0] if found else None
            if found and found[1]:
                tail_kind = found[0]
        if kind is not None:
            p = doc.position(b.start)
            boiler.append(
                Boilerplate(kind, b.start, b.end, p.line, p.column, text[b.start : b.end])
            )
        else:
            content.append(b)

    # Title: the first block when it reads as one (short, no sentence punctuation, no marker).
    title: str | None = None
    title_span: tuple[int, int] | None = None
    first_body = 0
    if len(content) >= 2:
        b0 = content[0]
        t0 = norm[b0.start : b0.end]
        md_title = (
            doc.format == "markdown"
            and b0.heading_level == 1
            and not any(b.heading_level == 1 for b in content[1:])
        )
        if md_title or (
            b0.end - b0.start <= 60
            and "\n" not in t0
            and t0[-1] not in TERMINAL
            and not any(c in t0 for c in "。！？!?")
            and match_heading_marker(norm, text, b0.start, b0.end) is None
            and not TASK_AT_START.match(norm, b0.start, b0.end)
            and (b0.heading_level is None or b0.heading_level == 1)
            and not any(
                b.heading_level == b0.heading_level for b in content[1:] if b0.heading_level
            )
        ):
            title_span = (b0.start, b0.end)
            first_body = 1
            b1 = content[1]
            if (
                len(content) > 2
                and b1.end - b1.start <= 60
                and _SUBTITLE.match(norm[b1.start : b1.end])
            ):
                title_span = (b0.start, b1.end)
                first_body = 2
            title = re.sub(r"\s+", " ", _clean_title(text[title_span[0] : title_span[1]])).strip()

    body_blocks = content[first_body:]
    headings: list[_Heading] = []
    heading_of_block: dict[int, _Heading] = {}
    task_para = set()
    for i, b in enumerate(body_blocks):
        if b.in_table:
            continue
        marker = match_heading_marker(norm, text, b.start, b.end)
        if marker is not None:
            h = _marked_heading(doc, b, marker, i)
        elif norm[b.start] in TASK_FIRST and TASK_AT_START.match(norm, b.start, b.end):
            task_para.add(i)
            continue
        elif b.heading_level is not None:
            s, e = _strip_span(norm, b.start, b.end)
            te = e - 1 if norm[e - 1] in "。." else e
            h = _Heading(i, None, f"hint{b.heading_level}", s, e, s, te, e, False)
        else:
            continue
        headings.append(h)
        heading_of_block[i] = h
    # Unmarked headings: a short standalone line followed by longer body text.
    for i, b in enumerate(body_blocks):
        if i in heading_of_block or i in task_para or not _unmarked_candidate(norm, b):
            continue
        if i + 1 >= len(body_blocks):
            continue
        nxt = body_blocks[i + 1]
        nxt_len = nxt.end - nxt.start
        if not (i + 1 in heading_of_block or nxt_len >= max(30, 2 * (b.end - b.start))):
            continue
        s, e = _strip_span(norm, b.start, b.end)
        h = _Heading(i, None, "unmarked", s, e, s, e, e, False)
        heading_of_block[i] = h
    headings = sorted(heading_of_block.values(), key=lambda h: h.block)
    _nest(headings)
    # An unmarked line that interrupts a numbered run ("二、" … line … "三、" under the same
    # parent) is a transition sentence, not a heading: drop it and nest again.
    interrupting = _interrupting_unmarked(headings)
    if interrupting:
        for h in interrupting:
            del heading_of_block[h.block]
        headings = sorted(heading_of_block.values(), key=lambda h: h.block)
        for h in headings:
            h.level, h.parent = 0, None
        _nest(headings)

    content_end = body_blocks[-1].end if body_blocks else 0
    sections: list[Section] = []
    ids = [f"s{i + 1}" for i in range(len(headings))]
    ends: list[int] = []
    for i, h in enumerate(headings):
        end = content_end
        for h2 in headings[i + 1 :]:
            if h2.level <= h.level:
                end = body_blocks[h2.block].start
                break
        ends.append(end)
    roles: list[str] = []
    for i, h in enumerate(headings):
        own = role_of_title(norm[h.title_start : h.title_end]) if h.level == 1 else None
        if own is None and h.parent is not None:
            own = roles[h.parent]
        if own is None:
            # Reports run review -> problems -> plan: an uncued top-level section follows suit.
            prev_top = next(
                (roles[j] for j in range(i - 1, -1, -1) if headings[j].level == 1), None
            )
            own = "plan" if prev_top == "problems" else (prev_top or "review")
        roles.append(own)
    for i, h in enumerate(headings):
        pos = doc.position(h.start)
        marker_text = h.marker.text if h.marker else ""
        sections.append(
            Section(
                id=ids[i],
                level=h.level,
                marker=marker_text,
                ordinal=h.marker.ordinal if h.marker else None,
                style=h.style,
                title=_clean_title(text[h.title_start : h.title_end]),
                role=roles[i],
                parent=ids[h.parent] if h.parent is not None else None,
                start=h.start,
                end=ends[i],
                line=pos.line,
                column=pos.column,
                heading_end=h.heading_end,
                title_start=h.title_start,
                title_end=h.title_end,
                run_in=h.run_in,
            )
        )

    # Paragraphs: body blocks (a run-in heading's block from its body on).
    section_at: list[str | None] = []
    index_of = {h.block: k for k, h in enumerate(headings)}
    current: int | None = None
    for i in range(len(body_blocks)):
        current = index_of.get(i, current)
        section_at.append(ids[current] if current is not None else None)
    role_of_section = {s.id: s.role for s in sections}
    para_spans: list[tuple[int, int, str | None]] = []
    for i, b in enumerate(body_blocks):
        heading = heading_of_block.get(i)
        start = b.start if heading is None else heading.body_start
        if start >= b.end:
            continue
        para_spans.append((start, b.end, section_at[i]))
    closing_from = len(para_spans)
    for k in range(len(para_spans) - 1, max(-1, len(para_spans) - 4), -1):
        s, e, _ = para_spans[k]
        if is_closing_paragraph(norm[s:e]):
            closing_from = k
        else:
            break
    paragraphs: list[Paragraph] = []
    sentence_list: list[Sentence] = []
    for k, (s, e, sec) in enumerate(para_spans):
        pid = f"p{k + 1}"
        role = "closing" if k >= closing_from else (role_of_section[sec] if sec else "preamble")
        pos = doc.position(s)
        paragraphs.append(Paragraph(pid, sec, role, s, e, pos.line, pos.column))
        if sentences:
            for a, z in _sentences(norm, s, e):
                sp = doc.position(a)
                sentence_list.append(Sentence(a, z, sp.line, sp.column, pid))

    raw_tasks = enum_mod.find_tasks(norm, text, para_spans)
    enums = enum_mod.group(raw_tasks)
    enum_mod.assign_ends(enums, [e for _, e, _ in para_spans])
    tasks: list[Task] = []
    enumerations: list[Enumeration] = []
    task_ids: dict[int, str] = {}
    all_tasks = sorted((t for en in enums for t in en.tasks), key=lambda t: t.start)
    for n, t in enumerate(all_tasks):
        task_ids[id(t)] = f"t{n + 1}"
    for n, en in enumerate(enums):
        first, last = en.tasks[0], en.tasks[-1]
        pos = doc.position(first.start)
        enumerations.append(
            Enumeration(
                f"e{n + 1}",
                en.family,
                en.section,
                first.start,
                last.end,
                pos.line,
                pos.column,
                len(en.tasks),
                tuple(task_ids[id(t)] for t in en.tasks),
            )
        )
    for t in all_tasks:
        ts = t.marker_end
        limit = t.end
        while ts < limit and norm[ts] in " \t\n，,：:":
            ts += 1
        lead = _LEAD_END.search(norm, ts, limit)
        te = lead.start() if lead else limit
        ts, te = _strip_span(norm, ts, te, " \t\n，,：:")
        pos = doc.position(t.start)
        tasks.append(
            Task(
                task_ids[id(t)],
                t.marker,
                t.ordinal,
                t.family,
                _clean_title(text[ts:te]),
                f"e{t.enum + 1}",
                t.section,
                f"p{t.paragraph + 1}",
                t.start,
                t.end,
                pos.line,
                pos.column,
                ts,
                te,
            )
        )
    return ParsedReport(
        doc=doc,
        title=title,
        title_span=title_span,
        sections=sections,
        paragraphs=paragraphs,
        sentences=sentence_list,
        tasks=tasks,
        enumerations=enumerations,
        boilerplate=boiler,
        blocks=[(b.start, b.end) for b in content],
    )
