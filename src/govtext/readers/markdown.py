"""Markdown reports: keep the original text, mask the syntax in the normalised view.

``**加粗**`` is formatting: the asterisks become spaces in :attr:`Document.norm`, so no rule
mistakes them for a star placeholder, while offsets still point into the original Markdown.
A ``**`` glued to a measure word ("完成**次", "**%") cannot open emphasis: it stands for a number.
"""

from __future__ import annotations

import re

from govtext import _re
from govtext.document import Block, Document, normalise

_HEADING = _re.compile(r"^( {0,3})(#{1,6})([ \t]+|$)(.*?)([ \t]+#+)?[ \t]*$")
_BULLET = _re.compile(r"^( {0,3})([-+*])[ \t]+(?=\S)")
_QUOTE = _re.compile(r"^( {0,3})(>[ \t]?)+")
_RULE = _re.compile(r"^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$")
_FENCE = _re.compile(r"^ {0,3}(```|~~~)")
_COMMENT = _re.compile(r"<!--.*?-->", re.S)
_LINK = _re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_CODE = _re.compile(r"`+")
# A delimiter run of * or _ ; pairing below follows CommonMark's flanking idea, simplified.
_DELIM = _re.compile(r"\*{1,3}|(?<![A-Za-z0-9])_{1,3}|(?<=\s)_{1,3}")
# Characters that follow a number: a star run glued to them is a number slot, not emphasis.
_AFTER_NUMBER = set("%％‰个项次件家人名条批场期篇天元万亿余多年月日号倍户座所台辆套吨亩千百")


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def emphasis_delimiters(line: str) -> list[tuple[int, int]]:
    """Spans of the ``*``/``_`` runs in ``line`` that pair up as emphasis."""
    out: list[tuple[int, int]] = []
    openers: list[re.Match[str]] = []
    for m in _DELIM.finditer(line):
        before = line[m.start() - 1] if m.start() > 0 else " "
        after = line[m.end()] if m.end() < len(line) else " "
        if not before.isspace() and openers:
            closed = False
            for k in range(len(openers) - 1, -1, -1):
                o = openers[k]
                same_run = o.group()[0] == m.group()[0] and len(o.group()) == len(m.group())
                if same_run and m.start() > o.end():  # a matching opener and non-empty content
                    out.append(o.span())
                    out.append(m.span())
                    del openers[k:]
                    closed = True
                    break
            if closed:
                continue
        if not after.isspace() and after not in _AFTER_NUMBER and not before.isdigit():
            openers.append(m)
    return out


def _mask_emphasis(line: str, chars: list[str], base: int) -> None:
    for s, e in emphasis_delimiters(line):
        _mask(chars, base + s, base + e)


def markdown_document(text: str, *, path: str | None, encoding: str | None) -> Document:
    norm = list(normalise(text))
    blocks: list[Block] = []
    for m in _COMMENT.finditer(text):
        _mask(norm, m.start(), m.end())
    pos = 0
    in_fence = False
    para_start: int | None = None
    para_end = 0

    def flush() -> None:
        nonlocal para_start
        if para_start is not None:
            blocks.append(Block(para_start, para_end))
            para_start = None

    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start, end = pos, pos + len(line)
        pos += len(raw)
        masked_line = "".join(norm[start:end])
        if _FENCE.match(line):
            _mask(norm, start, end)
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            continue
        if not masked_line.strip():
            flush()
            continue
        h = _HEADING.match(line)
        if h:
            flush()
            _mask(norm, start, start + len(h.group(1)) + len(h.group(2)) + len(h.group(3)))
            if h.group(5):
                _mask(norm, end - len(h.group(5)), end)
            body = start + h.start(4)
            blocks.append(Block(body, body + len(h.group(4)), heading_level=len(h.group(2))))
            _mask_emphasis(h.group(4), norm, body)
            continue
        if _RULE.match(line):
            flush()
            _mask(norm, start, end)
            continue
        q = _QUOTE.match(line)
        if q:
            _mask(norm, start, start + q.end())
        b = _BULLET.match(line)
        if b:
            flush()
            _mask(norm, start, start + b.end())
        for lm in _LINK.finditer(line):
            _mask(
                norm,
                start + lm.start(),
                start + lm.start() + (2 if lm.group().startswith("!") else 1),
            )
            _mask(norm, start + lm.start(1) + len(lm.group(1)), start + lm.end())
        for cm in _CODE.finditer(line):
            _mask(norm, start + cm.start(), start + cm.end())
        _mask_emphasis(line, norm, start)
        first = start + len(line) - len(line.lstrip(" \t\u3000>"))
        if para_start is None:
            para_start = first
        para_end = end
    flush()
    # Trim the whitespace the masking left at block edges.
    normed = "".join(norm)
    trimmed = []
    for blk in blocks:
        s, e = blk.start, blk.end
        while s < e and normed[s].isspace():
            s += 1
        while e > s and normed[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(Block(s, e, heading_level=blk.heading_level))
    return Document(
        text=text, path=path, encoding=encoding, format="markdown", blocks=trimmed, norm=normed
    )
