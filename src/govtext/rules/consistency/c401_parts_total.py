from __future__ import annotations

from collections.abc import Iterator

from govtext import _re
from govtext.rules.base import Hit, LintContext, Rule, Severity
from govtext.rules.consistency.quantities import quantities, sentences

_TOTAL = _re.compile(r"(共|共计|合计|总计|累计|总数|一共)[^，。；]{0,10}$")
_COLON_AFTER = _re.compile(r"[，,]?其中[：:]")
_COLON_LIST = _re.compile(r"[^。]{0,8}其中[：:]")
_TOTAL_WORD = _re.compile(r"(?=[共合总累])(?:共|合计|总计|累计|总数)")
_DONE = _re.compile(r"(已|已经)[^，。；]{0,8}$")
_REST = _re.compile(r"(正在|未|尚未|剩余|其余|仍有|还有|待)[^，。；]{0,8}$")


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


class PartsDoNotAddUp(Rule):
    """Parts that do not add up to the total they break down.

    ## What it flags
    A stated total followed by its breakdown in the same sentence, when the parts do not sum to
    it: "共反馈问题37项……已完成整改30项，正在整改5项" (35 ≠ 37); "开展环境监测120次，其中：例行
    监测40次，委托监测50次" (90 ≠ 120); any "其中" list whose parts exceed the total.

    ## Why it matters
    Totals and their parts are the figures a reviewer checks with a calculator first.

    ## Example (flagged)
    共发现问题45个，其中已整改38个，正在整改5个。

    ## Example (clean)
    共发现问题45个，其中已整改38个，正在整改7个。

    ## Not flagged (known traps)
    Approximate figures (余, 多, 约, 以上), parts in another unit, a "其中" list without a colon
    that names only some parts (only a sum *above* the total is reported then).

    ## Options
    None.
    """

    code = "C401"
    name = "parts-do-not-add-up"
    category = "consistency"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.norm
        for ustart, uend, _ in ctx.by_unit(("共", "计", "总数", "其中：", "其中:")):
            if text.find("其中", ustart, uend) < 0 and text.find("已", ustart, uend) < 0:
                continue  # no breakdown of the total in this unit
            for s, e in sentences(text, ustart, uend):
                qs = quantities(text, s, e)
                if len(qs) < 3:
                    continue
                for k, total in enumerate(qs):
                    # A total is announced (共/合计…) or followed straight by "，其中："
                    follows = text[total.end : total.end + 4]
                    announced = _TOTAL.search(total.before) is not None
                    if total.approx or not (announced or _COLON_AFTER.match(follows)):
                        continue
                    rest = [q for q in qs[k + 1 :] if q.unit == total.unit]
                    if not rest or any(q.approx for q in rest):
                        continue
                    if _TOTAL.search(rest[0].before) and not rest[0].before.endswith("其中"):
                        continue  # a second total, not a breakdown
                    tail = text[total.end : e]
                    status = [q for q in rest if _DONE.search(q.before) or _REST.search(q.before)]
                    has_done = any(_DONE.search(q.before) for q in status)
                    has_rest = any(_REST.search(q.before) for q in status)
                    colon_list = _COLON_LIST.match(tail) is not None
                    parts = status if (has_done and has_rest) else rest
                    got = sum(q.value for q in parts)
                    exhaustive = (has_done and has_rest) or (colon_list and len(parts) >= 2)
                    if "其中" not in tail and not (has_done and has_rest):
                        continue
                    if got > total.value or (exhaustive and got != total.value):
                        shown = "+".join(_fmt(q.value) for q in parts)
                        yield Hit(
                            total.start,
                            total.end,
                            f"分项之和与总数不符：{shown}={_fmt(got)}{total.unit}，总数为{_fmt(total.value)}{total.unit}",
                        )
                    break
