"""Paragraph blocks of a document and the boilerplate among them.

Plain text comes in two layouts. Drafts and most saved reports put one paragraph per line;
web copies (Wikisource among them) separate paragraphs with blank lines and break lines inside
a paragraph wherever a link or a layout quirk sat ("……根据《\\n著作权法\\n》第五条……"). The
layout is measured per document, and lines are joined into paragraphs accordingly; a line
that ends with an opening bracket, or starts with closing or continuing punctuation, always
continues its paragraph.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NamedTuple

from govtext import _re
from govtext.data import read_text
from govtext.document import Block, Document
from govtext.structure.markers import HEADING_MARKER, TASK_AT_START, TERMINAL

OPENERS = "《“‘（(「『【〔"
CONTINUERS = "》”’）)」』】〕、，。；：！？,.;:!?"
_LINE = _re.compile(r"[^\n]*")


class BoilerplatePattern(NamedTuple):
    id: str
    kind: str
    pattern: re.Pattern[str]
    tail: bool
    source: str


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The sourced patterns of ``data/boilerplate.jsonl``, loaded once."""
    out = []
    text = read_text("boilerplate.jsonl")
    for line in text.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        out.append(
            BoilerplatePattern(
                rec["id"],
                rec["kind"],
                _re.compile(rec["pattern"]),
                rec.get("scope") == "tail",
                rec["source"],
            )
        )
    return tuple(out)


def _lines(norm: str) -> list[tuple[int, int, int]]:
    """(start, end, raw start) of every line: content with surrounding spaces trimmed, (s, s) when blank."""
    out = []
    pos = 0
    for line in norm.split("\n"):
        n = len(line)
        stripped = line.strip(" ")
        if stripped:
            s = pos + n - len(line.lstrip(" "))
            out.append((s, s + len(stripped), pos))
        else:
            out.append((pos + n, pos + n, pos))
        pos += n + 1
    return out


_ZERO_WIDTH = "\u200b\ufeff\u2060"


def _marker_only(norm: str, s: int, e: int) -> bool:
    if e - s > 6:
        return False  # "一、", "（十二）", "第一，": a marker alone is short
    m = HEADING_MARKER.match(norm, s, e) or TASK_AT_START.match(norm, s, e)
    return m is not None and m.end() >= e


def _is_heading_line(norm: str, s: int, e: int) -> bool:
    if e - s > 60 or norm[e - 1] in TERMINAL:
        return False
    return HEADING_MARKER.match(norm, s, e) is not None


def text_blocks(doc: Document) -> list[Block]:
    """Paragraph blocks of a plain-text document."""
    norm = doc.norm
    lines = _lines(norm)
    nonblank = [i for i, (s, e, _) in enumerate(lines) if e > s]
    if not nonblank:
        return []
    followed_by_blank = sum(
        1 for i in nonblank if i + 1 < len(lines) and lines[i + 1][0] == lines[i + 1][1]
    )
    blank_layout = len(nonblank) >= 3 and followed_by_blank / len(nonblank) >= 0.4
    blocks: list[Block] = []
    cur_start = cur_end = -1
    prev_line_blank = True
    prev_s = prev_e = 0
    text = doc.text
    zero_width = any(z in text for z in _ZERO_WIDTH)
    for s, e, raw in lines:
        if e == s:
            # A line holding only zero-width characters is a copy artefact, not a paragraph break.
            if (
                zero_width
                and any(ch in _ZERO_WIDTH for ch in text[raw:s])
                and not text[raw:s].strip(_ZERO_WIDTH + " \t\r\u3000")
            ):
                continue
            prev_line_blank = True
            continue
        join = False
        if cur_start >= 0:
            if norm[cur_end - 1] in OPENERS or norm[s] in CONTINUERS:
                join = True
            elif norm[prev_e - 1] == "的" and not HEADING_MARKER.match(norm, s, e):
                join = True  # "……李强所作的\n政府工作报告\n。": a line never ends in 的
            elif _marker_only(norm, prev_s, prev_e):
                join = True  # "一、" on a line of its own, the title on the next
            elif blank_layout and not prev_line_blank:
                # Inside a blank-line paragraph a line break is a layout artefact, unless the
                # line before ends a sentence or is a heading of its own.
                join = not (
                    _is_heading_line(norm, prev_s, prev_e)
                    or norm[prev_e - 1] in "。！？!?"
                    or (
                        norm[prev_e - 1] in TERMINAL
                        and (
                            HEADING_MARKER.match(norm, s, e) is not None
                            or TASK_AT_START.match(norm, s, e)
                        )
                    )
                )
        if join:
            cur_end = e
        else:
            if cur_start >= 0:
                blocks.append(Block(cur_start, cur_end))
            cur_start, cur_end = s, e
        prev_line_blank = False
        prev_s, prev_e = s, e
    if cur_start >= 0:
        blocks.append(Block(cur_start, cur_end))
    return blocks


def split_reader_blocks(doc: Document, blocks: list[Block]) -> list[Block]:
    """Split reader blocks (Markdown paragraphs) where a new line starts with a heading marker."""
    out: list[Block] = []
    norm = doc.norm
    for b in blocks:
        if "\n" not in norm[b.start : b.end] or b.heading_level is not None:
            out.append(b)
            continue
        start = b.start
        pos = b.start
        while True:
            nl = norm.find("\n", pos, b.end)
            if nl < 0:
                break
            nxt = nl + 1
            while nxt < b.end and norm[nxt] == " ":
                nxt += 1
            prev_end = nl
            while prev_end > start and norm[prev_end - 1] == " ":
                prev_end -= 1
            if (
                prev_end > start
                and (
                    HEADING_MARKER.match(norm, nxt, b.end) or TASK_AT_START.match(norm, nxt, b.end)
                )
                and (norm[prev_end - 1] in TERMINAL or _is_heading_line(norm, start, prev_end))
            ):
                out.append(Block(start, prev_end, in_table=b.in_table, style=b.style))
                start = nxt
            pos = nl + 1
        out.append(
            Block(
                start,
                b.end,
                heading_level=b.heading_level,
                marker_end=b.marker_end,
                in_table=b.in_table,
                style=b.style,
            )
        )
    return out


def document_blocks(doc: Document) -> list[Block]:
    if doc.blocks is not None:
        return split_reader_blocks(doc, list(doc.blocks))
    return text_blocks(doc)


def boilerplate_kind(doc: Document, block: Block) -> tuple[str, bool] | None:
    """``(kind, starts_tail)`` when the block is boilerplate, else None."""
    norm = doc.norm
    if block.end - block.start > 240:
        return None  # disclaimers, toolbars and licence footers are short
    text = norm[block.start : block.end]
    if "\n" in text:
        # Join the block's lines so a footer broken by links still matches.
        text = "".join(part.strip() for part in text.split("\n"))
    combined, patterns = _combined_boilerplate()
    m = combined.match(text)
    if m is None:
        return None
    pat = patterns[int((m.lastgroup or "b0")[1:])]
    return pat.kind, pat.tail


@lru_cache(maxsize=1)
def _combined_boilerplate() -> tuple[re.Pattern[str], tuple[BoilerplatePattern, ...]]:
    """One alternation of all patterns (each anchored at the start): one match per block."""
    pats = boilerplate_patterns()
    body = "|".join(
        f"(?P<b{i}>(?:{p.pattern.pattern.removeprefix('^')}))" for i, p in enumerate(pats)
    )
    return _re.compile(f"(?:{body})"), pats
