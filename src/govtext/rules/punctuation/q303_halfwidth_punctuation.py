from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Fix, Hit, LintContext, Rule, Severity
from govtext.textutil import positions

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "·"}
_CN_NUMERALS = "一二三四五六七八九十"


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class HalfwidthPunctuation(Rule):
    """Half-width punctuation between Chinese characters.

    ## What it flags
    , ; : ? ! ( ) typed in ASCII between two Chinese characters ("协作,推动"), and a half-width
    dot between Chinese numerals in a date name ("六.五" for 六·五).

    ## Why it matters
    GB/T 15834-2011 §5.1: Chinese text uses full-width punctuation. A half-width comma shows
    the sentence was typed with the input method in English mode; it prints too narrow.

    ## Example (flagged)
    加强与纪检监察机关贯通协作,推动审计结果运用。

    ## Example (clean)
    加强与纪检监察机关贯通协作，推动审计结果运用。

    ## Not flagged (known traps)
    Punctuation between digits or Latin letters (9:30, 1,000, PM2.5, "Q&A"), URLs, decimals.

    ## Options
    Fix: safe (replaced by the full-width mark; 六.五 becomes 六·五).
    """

    code = "Q303"
    name = "halfwidth-punctuation"
    category = "punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.text
        for i in positions(text, (",", ";", ":", "?", "!", "(", ")", ".")):
            ch = text[i]
            prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
            if ch == ".":
                if not (prev and nxt and prev in _CN_NUMERALS and nxt in _CN_NUMERALS):
                    continue
            elif ch == "(" or ch == ")":
                if not (_han(prev) and _han(nxt)):
                    continue
            elif not (prev and nxt and _han(prev) and _han(nxt)):
                continue
            full = _FULL[ch]
            yield Hit(
                i,
                i + 1,
                f"中文之间使用了半角标点“{ch}”，应为“{full}”",
                Fix(i, i + 1, full, f"改为“{full}”"),
            )
