"""Reading the quotation marks of a block: which quote opens, which closes, which is turned.

Only a *turned* mark is reported as one: the counts tell. Two more ” than “ in a paragraph means
a quote was opened with ” (”双随机”); two more “ than ” means one was closed with “. An odd
difference is a missing or stray mark instead (Q302 reports it). An apostrophe before digits
(’99) is not a quote.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

from typing import NamedTuple

from govtext import _re

PAIRS = {"“": "”", "‘": "’"}
_MARK = {o: _re.compile(f"[{o}{c}]") for o, c in PAIRS.items()}


class QuoteSlip(NamedTuple):
    pos: int
    found: str
    should_be: str
    kind: str  # "opened-with-close" | "closed-with-open"


def _marks(text: str, start: int, end: int, open_q: str, close_q: str) -> list[int]:
    out = []
    for m in _MARK[open_q].finditer(text, start, end):
        i = m.start()
        if text[i] == "’" and i + 1 < end and text[i + 1].isdigit():
            continue  # ’99: an apostrophe for a year
        out.append(i)
    return out


def quote_slips(text: str, start: int, end: int) -> tuple[list[QuoteSlip], list[int]]:
    """Turned quotes in ``text[start:end]``, and the marks left unpaired when no turning explains them."""
    slips: list[QuoteSlip] = []
    unpaired: list[int] = []
    for open_q, close_q in PAIRS.items():
        marks = _marks(text, start, end, open_q, close_q)
        if not marks:
            continue
        n_open = sum(text[i] == open_q for i in marks)
        n_close = len(marks) - n_open
        diff = n_close - n_open
        found: list[QuoteSlip] = []
        if diff == 0:
            # Balanced counts: a pair typed the wrong way round (”四风“) shows as a close at depth 0.
            depth = 0
            for i in marks:
                if text[i] == open_q:
                    depth += 1
                elif depth == 0:
                    found.append(QuoteSlip(i, close_q, open_q, "opened-with-close"))
                    depth += 1
                else:
                    depth -= 1
            if found:
                # Each turned opener's partner is turned too: the next open mark after it.
                partners = []
                for slip in found:
                    nxt = next((j for j in marks if j > slip.pos and text[j] == open_q), None)
                    if nxt is not None:
                        partners.append(QuoteSlip(nxt, open_q, close_q, "closed-with-open"))
                if len(partners) != len(found):
                    unpaired.extend(s.pos for s in found)
                    continue
                found += partners
        elif diff > 0 and diff % 2 == 0:
            depth = 0
            for i in marks:
                if text[i] == open_q:
                    depth += 1
                elif depth == 0 and len(found) < diff // 2:
                    found.append(QuoteSlip(i, close_q, open_q, "opened-with-close"))
                    depth += 1
                else:
                    depth = max(0, depth - 1)
            if len(found) != diff // 2:
                unpaired.extend(marks)
                found = []
        elif diff < 0 and diff % 2 == 0:
            depth = 0
            want = -diff // 2
            for k, i in enumerate(marks):
                if text[i] == close_q:
                    depth = max(0, depth - 1)
                elif depth == 0:
                    depth += 1
                else:
                    # An open mark while a quote is open: turned close, unless closes still to come pair it.
                    rest = [text[j] for j in marks[k + 1 :]]
                    if rest.count(close_q) - rest.count(open_q) >= depth + 1 or len(found) >= want:
                        depth += 1
                    else:
                        found.append(QuoteSlip(i, open_q, close_q, "closed-with-open"))
                        depth -= 1
            if len(found) != want:
                unpaired.extend(marks)
                found = []
        else:
            depth_stack: list[int] = []
            for i in marks:
                if text[i] == open_q:
                    depth_stack.append(i)
                elif depth_stack:
                    depth_stack.pop()
                else:
                    unpaired.append(i)
            unpaired.extend(depth_stack)
        slips.extend(found)
    return sorted(slips, key=lambda s: s.pos), sorted(set(unpaired))
