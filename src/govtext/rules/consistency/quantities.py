"""Counted quantities inside sentences, for the consistency rules (no metric model needed)."""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

from collections.abc import Iterator
from typing import NamedTuple

from govtext import _re

COUNT_UNITS = "个项件家次人名条处起户宗份批座所台辆"
_QTY = _re.compile(rf"(?P<num>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<unit>[{COUNT_UNITS}])")
_SENT = _re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


class Qty(NamedTuple):
    start: int
    end: int
    value: float
    unit: str
    approx: bool
    before: str  # up to 12 characters before the number, within the sentence


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _SENT.finditer(text, start, end):
        yield m.span()


def quantities(text: str, start: int, end: int) -> list[Qty]:
    out = []
    for m in _QTY.finditer(text, start, end):
        s = m.start()
        if s > start and (text[s - 1].isdigit() or text[s - 1] in ".-—～~年月"):
            continue
        before = text[max(start, s - 12) : s]
        approx = bool(m.group("approx")) or before.endswith(("约", "近", "超过", "左右", "以上"))
        out.append(Qty(s, m.end(), float(m.group("num")), m.group("unit"), approx, before))
    return out
