from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity

OPEN_TO_CLOSE = {
    "（": "）",
    "(": ")",
    "《": "》",
    "【": "】",
    "〔": "〕",
    "［": "］",
    "「": "」",
    "『": "』",
}
CLOSE_TO_OPEN = {v: k for k, v in OPEN_TO_CLOSE.items()}
# Full- and half-width parentheses close each other here; mixing widths is another rule's concern.
SAME = {"（": "（", "(": "（", "）": "）", ")": "）"}
_BRACKETS = tuple(OPEN_TO_CLOSE) + tuple(CLOSE_TO_OPEN)


class UnbalancedBrackets(Rule):
    """A bracket or quotation mark without its partner inside a paragraph.

    ## What it flags
    An opening （ 《 【 〔 “ ‘ with no closing mark before the paragraph ends, or a closing mark
    with no opening one.

    ## Why it matters
    An unclosed bracket usually means part of a sentence was deleted; the reader cannot tell
    where the aside ends. GB/T 15834-2011 §4.5, §4.8 require paired marks.

    ## Example (flagged)
    严格执行集体决策制度（全年集体研究重大事项23项。

    ## Example (clean)
    严格执行集体决策制度（全年集体研究重大事项23项）。

    ## Not flagged (known traps)
    Brackets closed across a line break inside one paragraph (Wikisource link fragments),
    list markers "1）" and "（1）" at a paragraph start, misturned quotes (Q301 reports those).

    ## Options
    None.
    """

    code = "Q302"
    name = "unbalanced-brackets"
    category = "punctuation"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.text
        for start, _end, positions in ctx.by_unit(_BRACKETS):
            stack: list[int] = []
            for i in positions:
                ch = text[i]
                if ch in OPEN_TO_CLOSE:
                    stack.append(i)
                    continue
                want = SAME.get(CLOSE_TO_OPEN[ch], CLOSE_TO_OPEN[ch])
                match = next(
                    (
                        k
                        for k in range(len(stack) - 1, -1, -1)
                        if SAME.get(text[stack[k]], text[stack[k]]) == want
                    ),
                    None,
                )
                if match is not None:
                    del stack[match:]
                elif not _is_list_marker(text, start, i):
                    yield Hit(i, i + 1, f"括号不配对：{ch} 没有对应的 {CLOSE_TO_OPEN[ch]}")
            for i in stack:
                yield Hit(i, i + 1, f"括号不配对：{text[i]} 没有对应的 {OPEN_TO_CLOSE[text[i]]}")
        for _start, _end, _slips, unpaired in ctx.quotes:
            singles = [i for i in unpaired if text[i] in "‘’"]
            for i in unpaired:
                ch = text[i]
                mixed = ch == "“" and any(0 < j - i <= 12 and text[j] == "’" for j in singles)
                if ch in "’‘" and any(0 < i - j <= 12 and text[j] == "“" for j in unpaired):
                    continue  # reported with its “
                if mixed:
                    msg = "引号不配对：前引号 “ 与后引号 ’ 混用"
                elif ch in "“‘":
                    msg = f"引号不配对：前引号 {ch} 没有对应的后引号"
                else:
                    msg = f"引号不配对：后引号 {ch} 没有对应的前引号"
                yield Hit(i, i + 1, msg)


def _is_list_marker(text: str, start: int, pos: int) -> bool:
    """ "1）", "a)" or "二）" opening a paragraph or an item after ；，。: a closing mark with no
    opener by design."""
    k = pos
    while k > start and pos - k < 3 and text[k - 1] not in "；;，,。、：:\n \u3000":
        k -= 1
    head = text[k:pos]
    at_item_start = k == start or text[k - 1] in "；;，,。、：:\n \u3000"
    return at_item_start and 0 < len(head) <= 2 and (head.isdigit() or head.isalpha())
