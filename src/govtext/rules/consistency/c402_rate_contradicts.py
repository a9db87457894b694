from __future__ import annotations

from collections.abc import Iterator

from govtext import _re
from govtext.rules.base import Hit, LintContext, Rule, Severity
from govtext.rules.consistency.quantities import quantities, sentences

_RATE = _re.compile(r"率(?:为|达|达到|是|超过)?(?P<pct>\d+(?:\.\d+)?)%")
_DONE_VERB = _re.compile(r"(整改|办结|完成|销号|解决|处理|办理|化解|验收|查处|结案|回复|受理)")


class RateContradictsNumbers(Rule):
    """A rate that contradicts the counts it is computed from.

    ## What it flags
    "反馈的50个问题，已完成整改40个，完成整改率为90%" — 40/50 is 80%. The rate, the total and
    the done count must sit in one sentence (or the rate in the next), in the same unit.

    ## Why it matters
    A rate that its own numbers refute is the clearest sign a figure was updated in one place and
    not the other.

    ## Example (flagged)
    本年度发现的60个问题已整改48个，整改率为90%。

    ## Example (clean)
    本年度发现的60个问题已整改48个，整改率为80%。

    ## Not flagged (known traps)
    Rounding (48/60 = 80.0%; 2/3 reported as 66.7% or 67%), rates of other things in the same
    sentence (优良率, 覆盖率), approximate counts.

    ## Options
    None.
    """

    code = "C402"
    name = "rate-contradicts-numbers"
    category = "consistency"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.norm
        for ustart, uend, _ in ctx.by_unit(("率",)):
            spans = list(sentences(text, ustart, uend))
            for idx, (s, e) in enumerate(spans):
                for rm in _RATE.finditer(text, s, e):
                    verb = _DONE_VERB.search(text[max(s, rm.start() - 6) : rm.start()])
                    if verb is None:
                        continue
                    window_start = spans[idx - 1][0] if idx and rm.start() - s < 4 else s
                    qs = [q for q in quantities(text, window_start, rm.start()) if not q.approx]
                    done = [
                        q
                        for q in qs
                        if _DONE_VERB.search(q.before)
                        and any(w in q.before for w in ("已", "完成", "共"))
                    ]
                    if not done:
                        continue
                    d = done[-1]
                    totals = [
                        q
                        for q in qs
                        if q.unit == d.unit and q.start < d.start and q.value >= d.value
                    ]
                    if not totals:
                        continue
                    t = totals[-1]
                    pct = float(rm.group("pct"))
                    decimals = len(rm.group("pct").split(".")[1]) if "." in rm.group("pct") else 0
                    actual = d.value / t.value * 100 if t.value else 0.0
                    if abs(actual - pct) > 0.5 * 10**-decimals + 1e-9:
                        yield Hit(
                            rm.start("pct"),
                            rm.end(),
                            f"比率与数字矛盾：{d.value:g}/{t.value:g}={actual:.1f}%，文中为{rm.group('pct')}%",
                        )
