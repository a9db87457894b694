"""``--format text``: ``path:line:column: CODE message``, the source line with the span marked."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from govtext.document import Document
from govtext.model import Finding

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _width(s: str) -> int:
    """Display width in terminal cells: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render_finding(
    f: Finding, doc: Document | None, *, colour: bool = False, source: bool = True
) -> str:
    code = f"{_COLOURS.get(f.severity, '')}{_BOLD}{f.code}{_RESET}" if colour else f.code
    loc = f"{f.path or '-'}:{f.line}:{f.column}:"
    if colour:
        loc = f"{_BOLD}{loc}{_RESET}"
    head = f"{loc} {code} {f.message}"
    if not source or doc is None:
        return head
    line_text = doc.line_text(f.line).replace("\t", " ")
    col = f.column - 1
    span = f.text.split("\n")[0] if f.text else ""
    # Long report lines: show a window around the span.
    lo = max(0, col - 30)
    hi = min(len(line_text), col + max(len(span), 1) + 30)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line_text) else ""
    shown = prefix + line_text[lo:hi] + suffix
    pad = _width(prefix + line_text[lo:col])
    mark = "^" * max(1, _width(span))
    gutter = f"{f.line:>5} | "
    if colour:
        mark = f"{_COLOURS.get(f.severity, '')}{mark}{_RESET}"
        gutter = f"{_DIM}{gutter}{_RESET}"
    return (
        f"{head}\n{gutter}{shown}\n{' ' * len(gutter) if not colour else ' ' * 8}{' ' * pad}{mark}"
    )


def render_text(
    results: Sequence[tuple[Document | None, Sequence[Finding]]],
    *,
    colour: bool = False,
    source: bool = True,
) -> str:
    out = []
    total: Counter[str] = Counter()
    for doc, findings in results:
        for f in findings:
            out.append(render_finding(f, doc, colour=colour, source=source))
            total[f.severity] += 1
    n = sum(total.values())
    if n:
        parts = ", ".join(
            f"{total[s]} {s}{'s' if total[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if total[s]
        )
        out.append(f"Found {n} finding{'s' if n != 1 else ''} ({parts}).")
    else:
        out.append("No findings.")
    return "\n".join(out)


def render_statistics(findings: Sequence[Finding], fixable: set[str]) -> str:
    counts = Counter((f.code, f.rule) for f in findings)
    lines = []
    for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0])):
        mark = "[*]" if code in fixable else "   "
        lines.append(f"{n:>6}  {code}  {mark} {rule}")
    return "\n".join(lines)
