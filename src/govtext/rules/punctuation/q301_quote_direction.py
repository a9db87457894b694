from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Fix, Hit, LintContext, Rule, Severity


class QuoteDirection(Rule):
    """A quotation opened with a closing mark (”) or closed with an opening mark (“).

    ## What it flags
    ”双随机、一公开”, ”四风” — the left quote typed as ” — and “四个意识“ with the right quote
    typed as “. The same for single quotes ‘ ’.

    ## Why it matters
    GB/T 15834-2011 (标点符号用法) §4.1: 引号 open with “ and close with ”. Input methods turn
    quotes the wrong way when text is pasted or edited; a reviewer always catches it.

    ## Example (flagged)
    全面推行”双随机、一公开”监管制度。

    ## Example (clean)
    全面推行“双随机、一公开”监管制度。

    ## Not flagged (known traps)
    Nested double quotes (“……“……”……”), quotes that open in one paragraph and close in the next.

    ## Options
    Fix: safe (`--fix` turns the mark round; the text is otherwise unchanged).
    """

    code = "Q301"
    name = "quote-direction"
    category = "punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        for _start, _end, slips, _unpaired in ctx.quotes:
            for s in slips:
                what = (
                    "前引号误用了后引号" if s.kind == "opened-with-close" else "后引号误用了前引号"
                )
                yield Hit(
                    s.pos,
                    s.pos + 1,
                    f"引号方向错误：{what} {s.found} ，应改为 {s.should_be}",
                    Fix(s.pos, s.pos + 1, s.should_be, f"改为 {s.should_be}"),
                )
