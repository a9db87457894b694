"""Compiled patterns for the markers Chinese reports number things with.

Headings start a paragraph: 一、 （一） 1、/1. （1） 1） ① ⑴ ⒈ 第一章 第一节 第一部分.
Tasks (enumerated items) run inside paragraphs: 一是 二是, 第一， 第二， 首先 其次 最后,
(1) (2) and ① ② after the paragraph's start. All patterns run on the normalised text
(full-width digits already ASCII, ． already ".").
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

from typing import NamedTuple

from govtext import _re
from govtext.numerals import ordinal_of

CN = "一二三四五六七八九十"
CN_BIG = CN + "百零〇"

# Heading marker families, tried in order at the start of a paragraph.
_HEADING_SPECS: list[tuple[str, str]] = [
    ("appendix", r"附(?:件|表|录)([\d一二三四五六七八九十]{0,3})(?=[ \t:：]|$)[:：]?"),
    ("chapter", rf"第([{CN_BIG}\d]{{1,4}})章"),
    ("jie", rf"第([{CN_BIG}\d]{{1,4}})节"),
    ("part", rf"第([{CN_BIG}\d]{{1,4}})部分"),
    ("cn", rf"([{CN}]{{1,3}})(?:、|\.(?!\d))"),
    ("paren_cn", rf"[（(]([{CN}]{{1,3}})[)）]"),
    ("paren_arabic", r"[（(](\d{1,2})[)）]"),
    ("arabic", r"(\d{1,2})(?:、|\.(?![\d%]))(?![\d])"),
    ("arabic_paren", r"(\d{1,2})[)）]"),
    ("circled", r"([\u2460-\u2473\u3251-\u325f\u2776-\u277f])"),
    ("paren_circ", r"([\u2474-\u2487])"),
    ("dot_num", r"([\u2488-\u249b])"),
]
HEADING_MARKER = _re.compile(
    r"[ \t]*(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in _HEADING_SPECS) + r")[ \t]*"
)
_GROUP_OF = {name: i for i, (name, _) in enumerate(_HEADING_SPECS)}

# A paragraph that opens with an item marker is a task paragraph, never a heading.
TASK_AT_START = _re.compile(
    rf"[ \t]*(?:[{CN}]{{1,3}}是|第[{CN}]{{1,3}}[，,、：:]|首先[，,]|其一[，,、])"
)

# Characters a heading marker can start with (after optional spaces, which are in the set too).
MARKER_FIRST = frozenset(
    " \t一二三四五六七八九十（(0123456789第附"
    + "".join(chr(c) for c in range(0x2460, 0x249C))
    + "".join(chr(c) for c in range(0x3251, 0x3260))
    + "".join(chr(c) for c in range(0x2776, 0x2780))
)
TASK_FIRST = frozenset(" \t一二三四五六七八九十第首其")
SENTENCE_END = "。！？!?"
TERMINAL = "。！？!?；;：:…"
CLOSERS = "”’）)》」』】"


class Marker(NamedTuple):
    family: str
    text: str  # exactly as written, punctuation included
    ordinal: int | None
    start: int
    end: int  # end of the marker (after trailing spaces)


def _is_range(norm: str, pos: int, end: int, ordinal: int) -> bool:
    """ "一、二季度", "三、四月份": two numerals joined by 、 in a sentence, not a heading."""
    nxt = norm[pos : min(end, pos + 3)]
    if not nxt or nxt[0] not in CN:
        return False
    return ordinal_of(nxt[0]) == ordinal + 1 and len(nxt) > 1 and nxt[1] in "、季月年类级线期批等"


def match_heading_marker(norm: str, text: str, pos: int, end: int) -> Marker | None:
    """A heading marker at ``pos`` (leading spaces allowed) in the paragraph ``[pos, end)``."""
    if pos < len(norm) and norm[pos] not in MARKER_FIRST:
        return None  # most paragraphs: one set lookup instead of a regex match
    m = HEADING_MARKER.match(norm, pos, end)
    if not m:
        return None
    for name, _ in _HEADING_SPECS:
        if m.group(name) is not None:
            mstart, mend = m.span(name)
            numeral_group = m.group(_GROUP_OF[name] * 2 + 2)  # inner capturing group
            # Locate the numeral inside the marker: the first capturing group after the named one.
            ordinal = ordinal_of(numeral_group) if numeral_group else None
            if name == "cn" and ordinal is not None and _is_range(norm, mend, end, ordinal):
                return None
            return Marker(name, text[mstart:mend], ordinal, mstart, m.end())
    return None  # pragma: no cover


def _check_groups() -> None:
    # Each named group is followed by exactly one inner group; verify the index arithmetic.
    m = HEADING_MARKER.match("（三）x")
    assert m is not None and m.group(_GROUP_OF["paren_cn"] * 2 + 2) == "三"


_check_groups()
