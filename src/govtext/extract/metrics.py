"""Metrics: every quantity a report states, with what it measures.

"PM2.5年均值39.8微克/立方米，同比下降5%" gives two records: 39.8 微克/立方米 (indicator
"PM2.5年均值", a plain level) and 5 % (same indicator, decrease, comparison 同比). Each record
keeps the number as written, its value in the written unit, the unit normalised (％→%,
微克每立方米→微克/立方米, 万/亿 kept: "万亩", "亿元"), the value with 万/亿 applied, and what the
sentence says about it: direction, comparison base, approximation, whether it is a goal, and
whether the number is an unfilled placeholder ("X%", "**次", "达％").

Not metrics: years, months and dates; ordinals and list markers (第一, 一是, 1、); numbers in
names, codes and slogans (5G, G225, PM2.5, 4号线, “十四五”, 四个意识, 7×24小时, 1+N+X); idioms
(千方百计, 千家万户); counts that announce a list (以下八项工作, 三个方面). The rules run on
:attr:`Document.norm`, where full-width digits and ％ are ASCII and offsets are the original's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from govtext import _re
from govtext.data import read_text
from govtext.document import Document
from govtext.model import Metric, Placeholder
from govtext.report import ParsedReport
from govtext.words import is_word

_CN_DIGIT = "零〇○一二两三四五六七八九"
_CN = _CN_DIGIT + "十百千万亿"
_CN_VALUE = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_ARABIC = r"[0-9]+(?:[,，][0-9]{3}(?![0-9]))*(?:[.·][0-9]+)?"
# Text extracted from PDF often spaces out every digit ("增长1 0 ．3 ％"); in such a document
# numbers are read with single spaces inside them.
_ARABIC_SPACED = r"[0-9](?: ?[0-9])*(?: ?[.·] ?[0-9](?: ?[0-9])*)?"


def _number_pattern(arabic: str) -> str:
    return (
        r"(?=[0-9半百零〇○一二两三四五六七八九十千万亿])(?:"
        rf"(?P<pct>百分之[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
        rf"|(?P<frac>[{_CN_DIGIT}十百]+分之[{_CN_DIGIT}十百]+)"
        r"|(?P<dfrac>(?<![0-9./])[0-9]{1,2}/[0-9]{1,2}(?![0-9.%/万千]))"
        rf"|(?P<ar>{arabic})"
        rf"|(?P<half>[一两]半)"
        rf"|(?P<cn>[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
        r")"
    )


_NUMBER = _re.compile(_number_pattern(_ARABIC))


@lru_cache(maxsize=1)
def _spaced_number() -> re.Pattern[str]:
    return _re.compile(_number_pattern(_ARABIC_SPACED))


_SPACED_DIGITS = _re.compile(r"[0-9] [0-9.%]")
_PLAN_CIRCLE = _re.compile(r"[^，。；、]{0,5}圈")
_PER_POPULATION = _re.compile(r"/(?:10万|万|千)")
_MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_AFTER_APPROX = ("左右", "以上", "上下", "之多")
_AFTER_LIMIT = ("以内", "以下")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_END = "，。；：:！？!?\n"
_SENTENCE_END = "。！？!?\n"


class _Units(NamedTuple):
    first: frozenset[str]  # characters a unit, multiplier or approximation word starts with
    pattern: re.Pattern[str]
    normal: dict[str, str]
    kind: dict[str, str]
    idioms: re.Pattern[str]  # idioms with numerals (千方百计, 千家万户)


@lru_cache(maxsize=1)
def _units() -> _Units:
    normal: dict[str, str] = {}
    kind: dict[str, str] = {}
    for line in read_text("metric_units.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        unit, norm_form, unit_kind, _source = line.split("\t")
        normal[unit.replace("／", "/")] = norm_form
        kind[norm_form] = unit_kind
    from govtext.textutil import literal_alternation

    body = literal_alternation(sorted(normal, key=len, reverse=True))
    pattern = _re.compile(
        r"(?P<ap1>多|余|几)?(?P<mult>万亿|亿|万)?(?P<ap2>多|余)?" rf"(?P<unit>{body})?(?P<ap3>多)?"
    )
    idioms = _re.compile(
        literal_alternation(
            line.split("\t")[0]
            for line in read_text("numeral_idioms.txt").splitlines()
            if line and not line.startswith("#")
        )
    )
    first = frozenset({u[0] for u in normal} | set("多余几万亿年-—~至到"))
    return _Units(first, pattern, normal, kind, idioms)


def unit_forms() -> frozenset[str]:
    """Every unit and measure word a metric may carry, as written (个, 万元 is 万 + 元)."""
    return frozenset(_units().normal)


def unit_kind(unit: str) -> str:
    """ "count" for measure words (个, 项), else what the unit measures (length, currency …)."""
    units = _units()
    return units.kind.get(units.normal.get(unit, unit), "count")


# --- words around the number -------------------------------------------------------------


class _Words(NamedTuple):
    direction: dict[str, str]  # word -> increase | decrease | reach | limit
    approx: dict[str, str]
    strip: dict[str, str]
    light_verbs: tuple[str, ...]
    scope: frozenset[str]
    heads: tuple[str, ...]
    unit_word_starts: frozenset[str]
    post_stop: re.Pattern[str]
    trailing_verbs: tuple[str, ...]
    leading_verbs: re.Pattern[str]  # verbs in front of what is counted: 审批建设项目环评文件XX项
    kept_names: re.Pattern[str]  # names that hold such a verb: 城镇新增就业, 新增人民币贷款
    doer_then_verb: re.Pattern[str]  # 向有关部门移送, 审计查出: who acts or receives, then the verb
    verbs: frozenset[str]  # the verbs of doing and the light verbs, as words


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(read_text("metric_words.json"))
    direction = {w: d for d, words in data["direction"]["words"].items() for w in words}
    changes = sorted(
        (w for w, d in direction.items() if len(w) >= 2 and d != "reach"), key=len, reverse=True
    )
    # What ends the counted thing after a unit ("X家企业实施……", "X%降到……").
    post_stop = _re.compile(
        "(?:" + "|".join(changes) + r")(?=[0-9Xx*了到至近约超])"
        r"|的|得到|实现|受益|被|开工|全部|全面|均|都|已|已经|正在|开展|进行|实施|分别|累计|并|在|从|由|为|等|完成|统一|"
        r"支持|用于|前往|配备|加强|推动|促进|保证|确保|提升|带动|参与|"
        r"免征|顺利|全线|保持|通过|摆脱|展开|建立|发生|获得|成为|受到|享受|纳入|进入|得以|乔迁|和第|"
        r"荣获|获评|入选|被评为|全覆盖|建成(?!区)|"
        r"达(?!标|成)|按(?=要求|照|期|时)|分(?=[0-9Xx一二三四五六七八九十两])|占(?=[0-9Xx*])|比上年|同比"
    )
    return _Words(
        direction=direction,
        approx=dict.fromkeys(data["approx_before"]["words"], ""),
        strip=dict.fromkeys(data["strip"]["words"], ""),
        light_verbs=tuple(sorted(data["light_verbs"]["words"], key=len, reverse=True)),
        scope=frozenset(data["scope"]["words"]),
        heads=tuple(data["list_heads"]["words"]),
        unit_word_starts=frozenset(data["unit_word_starts"]["words"]),
        post_stop=post_stop,
        trailing_verbs=tuple(sorted(data["trailing_verbs"]["words"], key=len, reverse=True)),
        leading_verbs=_re.compile(
            "(?:"
            + "|".join(sorted(data["leading_verbs"]["words"], key=len, reverse=True))
            + ")(?=[\u4e00-\u9fffXx“《0-9A-Z]{2})(?!"
            + "|".join(data["verb_noun_heads"]["words"])
            + ")"
        ),
        kept_names=_re.compile("|".join(data["kept_names"]["words"])),
        verbs=frozenset(
            w
            for w in [*data["leading_verbs"]["words"], *data["light_verbs"]["words"]]
            if "(" not in w
        ),
        doer_then_verb=_re.compile(
            "(?:(?:向|为(?![民老])|给|与|同|被)[^，。；]{1,18}?|审计|我局|局机关|局党组|本局|市局|区局|县局)(?:"
            + "|".join(
                sorted(
                    (w for w in data["leading_verbs"]["words"] if not w.startswith(("全", "我"))),
                    key=len,
                    reverse=True,
                )
            )
            + ")(?=[\u4e00-\u9fffXx“]{2})"
        ),
    )


_COMPARISON = _re.compile(
    r"(?:同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|比上年预算|比上年|较上年|比去年|较去年"
    r"|与上年相比|比年初|较年初|比前五年|[比较](?:[0-9]{4}|\*+|X+)年(?:底|末)?(?:决算数|预算数|实际数)?"
    r"|[比较](?:[上去前]一?年(?:同期|末|底)?|[一二三四五六七八九十0-9]+年前|上一?个?季度|[一二三四]季度"
    r"|上月|上期|同期|常年)"
    r"|[比较](?:[一二三四五六七八九〇○零]{4}|[0-9]{4} )年(?:底|末)?"
    r"|[比较]“[^”]{1,6}”(?:期间|时期|末期)?|[比较](?:上半年|前三季度|上年末|上月))$"
)
_LEADING = _re.compile(
    r"^(?:其中|同时|此外|另外|目前|当前|截至目前|截止目前|截[至止][^，。]{1,8}?(?:底|末)|"
    r"[0-9]{4}年度?(?:[0-9]{1,2}月)?(?:底|末|初|以来|全年)?|[一二三四五六七八九〇○零]{4}年(?:底|末|初)?|"
    r"今年|去年|上年|明年|当年|年内|主?汛期|汛[前后]|本人|“[^”]{2,4}”(?:末|期间|时期|初)|"
    r"[一二三四五六七八九十0-9]+年(?:来|内|间)?(?!义务)|近年来|近[一二三四五六七八九十0-9]+年|一年来|过去一年|"
    r"共(?![计同享建产青])|一共|累计|先后|并|还(?![会要有本])|又|深入|全力|积极|扎实|认真|努力|着力|大力|进一步|持续|均能|每月|每年|"
    r"由|从(?!业|事)|在(?![校业职岗建读编线役食用园册孵押])|将|把|使|让|拟|计划|预计|要求|要(?![求素])|需|一次性|首次|再次|包括|其中包括|提前[一二三四五六七八九十0-9]+年|"
    r"(?:发行|安排|下达|开展|组织|形成|分别|合计|实现|达到|出具|创建|梳理出|全面完成|实施|督促|重点对|对(?![外象口话接])|除(?![尘险雪湿颤])|提出了?|完成(?!整改|率)|全年|"
    r"全市|全区|全县|全省|全局|全州|全盟|全镇|全乡|全委|全院|全系统|全行业|各类|各项|各级(?!各类)|相应地|距离|"
    r"[0-9一二三四五六七八九十]+(?:到|至|—|-)[0-9一二三四五六七八九十]+月份?|增发|关停|淘汰|用好|积累(?![所在部率])|拨付|筹集|有人认为|召开|举办|编发|具备(?!条件)|"
    r"修订完善了?|制定印发了?|力争|确保|争取|主要表现在|表现在|年底前|现已|现有|已经|已|"
    r"我国的?|我们|即|而|或(?!有)|但|虽然|仍然|却|只|也|都|就有|就(?![业医学诊地])|大约有|只需要|需要|它们|它|这些|"
    r"例如|比如|远远超过了?|有(?!效|色|机|线|关|序|力|利|望|限))(?=..)|"
    r"在[^，。]{0,6}?(?:初期|期间|时期|以来)|今年以来|年初以来|"
    r"第[一二三四五六七八九十]个五年(?:计划)?(?:期间)?|[第前]?[一二三四]季度|[上下]半年|"
    r"[0-9]{4}年?(?:到|至|—|－|-)[0-9]{4}年(?:的)?(?:[一二三四五六七八九十]+年间)?|"
    r"(?:（[一二三四五六七八九十]+）|\([0-9]+\)|[一二三四五六七八九十]+是)|"
    r"[，、])"
)
_TRAILING_TIME = _re.compile(
    r"[一二三四五六七八九十两]+年(?:来|间|中|内)?$|(?:今|明|去|当)年的?$|"
    r"[0-9一二三四五六七八九十]+(?:到|至|—|-)[0-9一二三四五六七八九十]+月份?$|"
    r"(?:年末|年底|年初|月末|月底|一度|逐步|连年|始终)$|(?:要|将|力争|确保)在$|截[至止][^，。；]{0,8}$|"
    r"(?:由|从|自)?[一二三四五六七八九〇○零]{4}年(?:底|末|初)?的?$|第[一二三四五六七八九十]个五年(?:期间)?$|"
    r"(?:由|从|自)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末|初)?的?$|(?:由|从|自)$|(?:由|从)[^由从，。；]{1,16}?的$"
    r"|(?:由|从)(?:每人每年|每人|人均|每年|平均)$"
)
_TARGET_CUE = _re.compile(
    r"预期目标|目标是|目标为|主要目标|力争|确保(?!了)|拟(?![订定])|计划(?!内|外)|争取|(?<![主重需纪必首])要(?![求素点闻])|将(?![近来])|"
    r"力求|努力实现|以上目标|今年|明年"
)
_PAST_CUE = _re.compile(
    r"去年|过去|五年来|一年来|今年以来|年初以来|已经|已|完成了|实现了|达到了|取得|实际完成|[0-9]{4}年(?:全年|底|末)?(?:，|[^要将]{0,3}共)"
)
_APPROX_FORMS = {"約": "约", "大约": "约", "将近": "近", "接近": "近"}
_RANGE_END = _re.compile(
    r"[-—~至到][0-9]+(?:\.[0-9]+)?(?P<mult>万亿|亿|万)?(?P<unit>%|‰|[\u4e00-\u9fff]{1,2})"
)
_NAME_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz-+×*/#№")
_NAME_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz+×*#")
_DATE_AFTER = frozenset("月日号时")
_ANAPHORA = ("这", "上述", "以上", "以下", "如下", "下列", "该", "前", "后", "头", "其")


class _Candidate(NamedTuple):
    start: int
    end: int  # end of the unit (the mention's text)
    number: str
    value: float | None
    unit: str
    multiplier: float
    approx: str | None
    placeholder: bool
    after_end: int  # end including 左右/以上/以内 after the unit
    after: str  # that trailing word


def _cn_number(s: str) -> float | None:
    """A validated Chinese numeral (二十三, 一百零五, 三千五百, 二〇二四, 十点五); ``None`` otherwise."""
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = _cn_number(whole)
        if w is None or not frac or any(c not in _CN_VALUE for c in frac):
            return None
        return float(f"{int(w)}.{''.join(str(_CN_VALUE[c]) for c in frac)}")
    if all(c in _CN_VALUE for c in s):
        if len(s) == 1:
            return float(_CN_VALUE[s])
        if len(s) == 4 and s[0] in "一二" and s[1] in "零〇○九一二":
            return None  # 二〇二四: a year written in digits, never a quantity
        return None
    total = 0
    section = 0
    digit: int | None = None
    last_unit = 10**9
    for ch in s:
        if ch in _CN_VALUE:
            if digit is not None and digit != 0:
                return None  # 四五: two digits in a row
            digit = _CN_VALUE[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            if unit >= last_unit:
                return None
            section += (digit if digit is not None else 1) * unit
            digit = None
            last_unit = unit
        elif ch in "万亿":
            unit = 10_000 if ch == "万" else 100_000_000
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * unit if ch == "亿" else total + section * unit
            section = 0
            digit = None
            last_unit = 10**9
        else:
            return None
    return float(total + section + (digit or 0))


def _clean_unit(unit: str, mult: str) -> str:
    return mult + unit


class _Context:
    """Per-document state: the normalised text, spans to skip, section roles."""

    def __init__(
        self,
        doc: Document,
        report: ParsedReport | None,
        placeholders: list[Placeholder],
        excluded: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.norm = doc.norm
        self.report = report
        self.placeholders = placeholders
        self.excluded = sorted(excluded)
        self._ex_starts = [s for s, _ in self.excluded]

    def in_excluded(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_right(self._ex_starts, start) - 1
        while i >= 0:
            s, e = self.excluded[i]
            if s <= start and end <= e:
                return True
            if e < start and s < start - 200:
                break
            i -= 1
        return False


def _quoted_spans(norm: str) -> list[tuple[int, int]]:
    """Short quoted strings and titles: numbers inside them are names (“十四五”, 《2+2》)."""
    spans: list[tuple[int, int]] = []
    for open_, close, limit in (
        ("“", "”", 16),
        ("《", "》", 80),
        ("〈", "〉", 80),
        ("「", "」", 16),
    ):
        i = norm.find(open_)
        while i >= 0:
            j = norm.find(close, i + 1, i + limit + 2)
            if j > 0 and "\n" not in norm[i:j]:
                spans.append((i, j + 1))
            i = norm.find(open_, i + 1)
    return spans


def _in_idiom(norm: str, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` lies in an idiom (searched in a small window: 400 idioms scanned
    over the whole text would cost more than reading every number)."""
    lo = max(0, s - 6)
    return any(m.start() < e and s < m.end() for m in _units().idioms.finditer(norm, lo, e + 6))


def _scan(ctx: _Context, within: Sequence[tuple[int, int]] | None = None) -> list[_Candidate]:
    norm = ctx.norm
    units = _units()
    out: list[_Candidate] = []
    slot_at = {
        p.start: p
        for p in ctx.placeholders
        if p.kind in ("letter", "star") and p.end - p.start <= 8
    }
    # Numbers written with digits or Chinese numerals.
    first = units.first
    slot_starts = [p.start for p in ctx.placeholders]
    windows = within if within is not None else [(0, len(norm))]
    number = _spaced_number() if len(_SPACED_DIGITS.findall(norm, 0, 20000)) >= 20 else _NUMBER
    for m in (m for ws, we in windows for m in number.finditer(norm, ws, we)):
        s, e = m.span()
        if (
            m.lastgroup == "cn"
            and e - s >= 2
            and norm[e - 1] == "千"
            and norm[e : e + 1] in ("瓦", "米", "克")
        ):
            # "一千九百五十万千瓦": the 千 belongs to the unit 千瓦.
            m = number.match(norm, s, e - 1) or m
            s, e = m.span()
        nxt = _next_char(norm, e)
        if (
            nxt not in first
            and nxt != "/"
            and norm[e - 1] not in "万亿"
            and m.lastgroup not in ("pct", "frac", "half", "dfrac")
        ):
            continue  # nothing a quantity could end with follows: a code, an ordinal, a word
        if ctx.placeholders and any(
            s < p.end and p.start < e for p in _near(ctx.placeholders, slot_starts, s)
        ):
            continue  # "3XX个": the slot reading below takes it
        cand = _read_number(ctx, m, units)
        if cand is not None:
            out.append(cand)
    # Placeholder slots standing for numbers: "X%", "XX个", "**余份", "3XX个", and bare "XX，".
    if within is not None:
        slot_at = {k: p for k, p in slot_at.items() if any(a <= k < b for a, b in within)}
    for p in slot_at.values():
        cand = _read_slot(ctx, p, units)
        if cand is not None:
            out.append(cand)
    # A unit whose number is missing: "优良率达％", "处罚金额万元".
    for p in ctx.placeholders:
        if p.kind != "missing" or (
            within is not None and not any(a <= p.start < b for a, b in within)
        ):
            continue
        text = norm[p.start : p.end]
        mult = next((k for k in _MULTIPLIERS if text.startswith(k)), "")
        rest = text[len(mult) :]
        unit = units.normal.get(rest, rest)
        out.append(
            _Candidate(
                p.start,
                p.end,
                "",
                None,
                mult + unit,
                _MULTIPLIERS.get(mult, 1.0),
                None,
                True,
                p.end,
                "",
            )
        )
    out.sort()
    # One reading per position (a number inside a slot reading, duplicates).
    dedup: list[_Candidate] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


def _next_char(norm: str, pos: int) -> str:
    """The character at ``pos``, or the one after it when ``pos`` holds a single space
    ("39.8 万亿元"); see :func:`_tail`."""
    return norm[pos + 1 : pos + 2] if norm.startswith(" ", pos) else norm[pos : pos + 1]


def _near(placeholders: list[Placeholder], starts: list[int], pos: int) -> list[Placeholder]:
    import bisect

    i = bisect.bisect_left(starts, pos - 8)
    return placeholders[i : i + 4]


def _tail(ctx: _Context, pos: int, units: _Units) -> tuple[re.Match[str] | None, int, str]:
    if ctx.norm.startswith(" ", pos):
        # "39.8 万亿元": one space between the number and its unit.
        spaced = units.pattern.match(ctx.norm, pos + 1)
        if spaced and (spaced.group("unit") or spaced.group("mult")):
            pos += 1
    m = units.pattern.match(ctx.norm, pos)
    end = m.end() if m else pos
    after = ""
    for word in (*_AFTER_APPROX, *_AFTER_LIMIT):
        if ctx.norm.startswith(word, end):
            after = word
            break
    return m, end, after


def _read_number(ctx: _Context, m: re.Match[str], units: _Units) -> _Candidate | None:
    norm = ctx.norm
    s, e = m.span()
    kind = m.lastgroup
    raw = m.group()
    before = norm[s - 1] if s > 0 else ""
    nxt = _next_char(norm, e)
    if (
        kind in ("ar", "cn")
        and nxt not in units.first
        and not (kind == "ar" and _PER_POPULATION.match(norm, e))
        and not (kind == "cn" and raw[-1] in "万亿")
    ):
        return None  # nothing a quantity could end with follows: a code, an ordinal, a word
    value: float | None
    mult_in_number = ""
    if kind == "ar":
        if before in "-~" and s >= 2 and (norm[s - 2].isdigit() or norm[s - 2] in "%‰"):
            before = ""  # "6%-6.5%": a range, not a code
        if before in _NAME_BEFORE or before == "." or (before.isdigit()):
            return None
        if before == " " and s >= 2 and norm[s - 2].isdigit():
            return None  # the tail of a spaced-out number ("4 6 2 8 0") in an unspaced text
        value = float(raw.replace(",", "").replace("，", "").replace("·", ".").replace(" ", ""))
    elif kind == "dfrac":
        num, _, den = raw.partition("/")
        if not 0 < int(num) < int(den):
            return None
        value = int(num) / int(den)
    elif kind == "pct":
        value = _cn_number(raw[3:])
        if value is None:
            return None
    elif kind == "frac":
        den, _, num = raw.partition("分之")
        d, n = _cn_number(den), _cn_number(num)
        if not d or n is None:
            return None
        value = n / d
    elif kind == "half":
        value = 0.5 if raw[0] == "一" else 2.5
    else:
        # A Chinese numeral: split a trailing 万/亿 off as the multiplier ("八亿农民", "五百多万人").
        core = raw
        for k in ("万亿", "亿", "万"):
            if core.endswith(k) and len(core) > len(k):
                head = core[: -len(k)]
                if _cn_number(head) is not None and not head.endswith(("万", "亿")):
                    core, mult_in_number = head, k
                break
        value = _cn_number(core)
        if value is None:
            return None
        raw = core
        e = s + len(core)
    if before == "第" or (kind == "cn" and norm[max(0, s - 1) : s] in ("周",)):
        return None
    tail, end, after = _tail(ctx, s + len(raw) + len(mult_in_number), units)
    approx = None
    mult = mult_in_number
    unit = ""
    if tail is not None:
        if tail.group("mult") and not mult:
            mult = tail.group("mult")
        elif tail.group("mult") and mult:
            end = s + len(raw) + len(mult_in_number)  # 八亿万: leave it
            tail = None
    if tail is not None and tail.group("unit") and _unit_starts_word(norm, tail.start("unit")):
        # "十亿人口", "上千万家庭": 人口 and 家庭 are words, not 人 and 家 counting something.
        end = tail.start("unit")
        tail = units.pattern.match(norm, tail.start(), end) if tail.group("mult") else None
    if tail is not None:
        approx = tail.group("ap1") or tail.group("ap2") or tail.group("ap3")
        unit = units.normal.get(tail.group("unit") or "", "")
        if unit == "个" and tail.group("ap3") and norm.startswith(("月", "季度", "小时"), end):
            more = "月" if norm.startswith("月", end) else norm[end : end + 2]
            unit, end = "个" + more, end + len(more)  # "1个多月"
        if not tail.group("unit") and not tail.group("mult"):
            # "十多" without a unit, or nothing at all after the number.
            end = s + len(raw) + len(mult_in_number)
            approx = None
    if kind == "pct":
        unit, end = "%", s + len(m.group())
        mult = ""
    if kind == "frac":
        unit, end = "", s + len(m.group())
    if kind in ("half", "dfrac"):
        unit, end = "", s + len(m.group())
    if kind == "ar" and not unit and not mult:
        per = _PER_POPULATION.match(norm, s + len(raw))
        if per:  # "孕产妇死亡率控制在8.6/10万": a rate per population
            unit, end = per.group(), per.end()
    if kind == "ar" and not unit and not mult:
        if _duration(norm, s, end, raw):
            unit, end, approx = "年", end + 1, None  # "连续6年增产"
        else:
            shared = _RANGE_END.match(norm, end)
            if shared and shared.group("unit") == "年":
                shared = None  # "2006—2020年": a span of years
            if shared:
                # "增长5-6%": the first number of a range takes the unit of the second.
                mult = shared.group("mult") or ""
                unit = units.normal.get(shared.group("unit"), shared.group("unit"))
    nxt = norm[end] if end < len(norm) else ""
    full_unit = mult + unit
    if kind == "cn" and (unit == "期" or (unit in ("种", "类") and (value or 0) < 10)):
        return None  # "两种价格": kinds, not amounts; "二期工程": a phase
    if kind == "cn" and mult and any(ch in raw for ch in "万亿") and value is not None:
        # "二亿三千万亩" is 23000 万亩: the numeral before 万 is counted in 万.
        whole = _cn_number(raw + mult)
        if whole is not None:
            value = whole / _MULTIPLIERS[mult]
    if (
        unit == "次"
        and norm.startswith(("会议", "全会", "全体会议"), end)
        and "届" in norm[max(0, s - 10) : s]
    ):
        return None  # "市十六届人大二次会议": a session of a congress, an ordinal
    if unit == "小时" and norm.startswith(("值班", "服务", "在线", "监控", "热线", "不间断"), end):
        return None  # "24小时值班制度": a schedule, not a quantity
    if unit in ("分钟", "小时") and _PLAN_CIRCLE.match(norm, end):
        return None  # "15分钟生活圈", "1小时通勤圈": the name of a plan
    if not _plausible(ctx, s, end, kind or "", raw, full_unit, nxt, value):
        return None
    return _Candidate(
        s,
        end,
        m.group() if kind in ("pct", "frac", "half", "dfrac") else raw,
        value,
        full_unit,
        _MULTIPLIERS.get(mult, 1.0),
        approx,
        False,
        end + len(after),
        after,
    )


_BARE_MAGNITUDE = _re.compile(r"[十百千万亿]+")
_SCALE_CLASS = _re.compile(r"级|[县市区镇乡村](?![级])")
_AGE_GROUP = _re.compile(r"及?(?:以上|以下)的?[\u4e00-\u9fff]")


def _plausible(
    ctx: _Context,
    s: int,
    end: int,
    kind: str,
    raw: str,
    unit: str,
    nxt: str,
    value: float | None,
) -> bool:
    norm = ctx.norm
    before = norm[s - 1] if s > 0 else ""
    if ctx.in_excluded(s, end):
        return False
    if unit == "岁" and _AGE_GROUP.match(norm, end):
        return False  # "45岁以上教师占比": an age group names who is counted
    if (
        _BARE_MAGNITUDE.fullmatch(raw)
        and _SCALE_CLASS.match(norm, end)
        and before not in ("超", "近", "上", "逾")
    ):
        return False  # "千亿级氟硅新材料项目", "经济总量千亿县": a class, not a quantity
    if kind == "ar":
        if not unit and (nxt == "年" or norm.startswith(("-", "—", "~", "至"), end)):
            return False
        if nxt in _DATE_AFTER and not unit:
            return False
        if nxt in _NAME_AFTER or (nxt == "." and not unit):
            return False
        # A bare number is a code, a heading number or a page; "2+2" is a formula.
        return bool(unit) and not (unit in ("个", "项") and norm.startswith(("+", "×"), end))
    if kind in ("frac", "half", "pct", "dfrac"):
        return True
    # Chinese numerals: only with a unit, never as an article or inside a formula.
    doubling = s > 0 and norm[max(0, s - 2) : s].endswith(("翻", "翻了"))
    if not unit or (_in_idiom(norm, s, end) and not doubling):
        return False  # "经过一番努力" is an idiom, "翻一番" a doubling
    if raw == "一" and unit not in ("倍", "个百分点", "番") and not unit.startswith(("万", "亿")):
        return _coordinated(ctx, s, end)
    if before in ("每", "逐", "单", "同", "唯", "统", "专", "万", "千") and unit not in ("%",):
        return False
    if norm.startswith(_ANAPHORA, max(0, s - 2)) or (s >= 1 and norm[s - 1] in "这该其"):
        return False
    if unit in ("个", "项", "条", "点", "种", "类", "大") and norm.startswith(
        ("方面", "是", "要", "必须", "坚持", "不", "注重", "到位"), end
    ):
        return False
    return not norm.startswith(("：", ":"), end)


def _duration(norm: str, s: int, end: int, raw: str) -> bool:
    """ "连续6年增产", "受教育年限10.8年" are metrics (unit 年); "2019年" is a date."""
    if (len(raw) >= 4 and "." not in raw) or not norm.startswith("年", end):
        return False
    if "." in raw:
        return True  # a year is never 10.8: a length of time
    before = norm[max(0, s - 8) : s]
    return before.endswith(("连续", "长达", "历时", "了", "用", "达")) or any(
        w in before for w in ("年限", "寿命", "工龄", "年龄")
    )


def _coordinated(ctx: _Context, s: int, end: int) -> bool:
    """ "召开三次党组会和一次专题会议": 一 counts when it is one of a list of counts."""
    norm = ctx.norm
    window = norm[max(0, s - 12) : s]
    return bool(
        _re.compile(rf"[{_CN_DIGIT}十]+[次个项件场名家]\S{{0,8}}[和、及与]$").search(window)
    )


def _read_slot(ctx: _Context, p: Placeholder, units: _Units) -> _Candidate | None:
    norm = ctx.norm
    s = p.start
    raw = norm[p.start : p.end]
    tail, end, after = _tail(ctx, p.end, units)
    nxt = norm[end] if end < len(norm) else ""
    unit = ""
    mult = ""
    approx = None
    if tail is not None and tail.group("unit") and _unit_starts_word(norm, tail.start("unit")):
        return None  # "X项目", "X人员", "X组织": the slot is a name, the "unit" a word's start
    if tail is not None and (tail.group("unit") or tail.group("mult")):
        unit = units.normal.get(tail.group("unit") or "", "")
        mult = tail.group("mult") or ""
        approx = tail.group("ap1") or tail.group("ap2") or tail.group("ap3")
    elif tail is not None and tail.group("ap1") and norm.startswith(("个", "次"), tail.end()):
        pass
    else:
        end = p.end
        nxt = norm[end] if end < len(norm) else ""
        before = norm[s - 1] if s > 0 else ""
        # A bare slot counts only where a number is clearly expected: "挽回损失XX，".
        if not (nxt in "，。；" and _HAN.match(before or "a") and before not in "“《的"):
            return None
        after = ""
    if nxt in _DATE_AFTER or norm.startswith("年", end) or norm.startswith("年", p.end):
        return None
    if ctx.in_excluded(s, end):
        return None
    return _Candidate(
        s,
        end,
        raw,
        None,
        mult + unit,
        _MULTIPLIERS.get(mult, 1.0),
        approx,
        True,
        end + len(after),
        after,
    )


def _unit_starts_word(norm: str, pos: int) -> bool:
    return norm[pos : pos + 2] in _words().unit_word_starts


# --- what the number measures ------------------------------------------------------------


class _Reading(NamedTuple):
    indicator: str
    direction: str
    comparison: str | None
    approx: str | None
    inherited: bool
    post_end: int  # end of the counted thing read after the unit (0 when none)


def _clause_start(norm: str, pos: int, floor: int) -> int:
    i = pos - 1
    depth = 0
    while i >= floor:
        ch = norm[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif ch in _CLAUSE_END and depth == 0:
            return i + 1
        i -= 1
    return floor


def _after_last_comma(text: str) -> str:
    """The part after the last top-level 、 (the part before belongs to the previous number)."""
    depth = 0
    cut = -1
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif ch == "、" and depth == 0:
            cut = k
    return text[cut + 1 :]


_ABOVE_BELOW = _re.compile(r"(高于|低于|快于|慢于|多于|少于|高出)([^，。；、的]{2,14})$")
# "比全国平均水平高近两个百分点": the base before, then the sign of the difference.
_BASE_THEN_SIGN = _re.compile(r"(比[^，。；、]{2,14}?)(高出?|低|快|慢)$")
_TRAILING_HAVE = _re.compile(r"..(?<![拥具现没所持占共还])有$")
_WEAK_REACH = frozenset(("为", "是", "到", "至", "达", "达到", "保持", "保持在", "实现"))


def _suffix(table: dict[str, str], text: str) -> str | None:
    """The longest key of ``table`` that ends ``text`` (keys are 1-5 characters)."""
    for k in (8, 7, 6, 5, 4, 3, 2, 1):
        tail = text[-k:]
        if len(tail) == k and tail in table:
            return tail
    return None


def _strip_right(text: str) -> tuple[str, str | None, str | None, str | None, bool]:
    """Peel direction verbs, comparison, adverbs and approximation words off the end.

    Returns the rest, the direction (the verb nearest the number wins, except that a weak
    "为/达到" gives way to a real change: "增长目标为17%" is an increase), the comparison base,
    an approximation word, and whether any verb was seen.
    """
    direction: str | None = None
    weak = False
    comparison = None
    approx = None
    saw_over = False
    had_verb = False
    words = _words()
    while text:
        t = text.rstrip(" ")
        if t != text:
            text = t
            continue
        if text.endswith("占比"):
            break  # "护理型床位占比提高到58%": 占比 is the share itself
        m = _COMPARISON.search(text)
        if m:
            comparison = comparison or m.group()
            text = text[: m.start()]
            continue
        m = _ABOVE_BELOW.search(text)
        if m and direction is None:
            # "增长7.1%，高于城镇居民1.8个百分点": the base of a difference, and its sign.
            comparison = comparison or m.group(2)
            direction = "increase" if m.group(1).startswith(("高", "快", "多")) else "decrease"
            text = text[: m.start()]
            had_verb = True
            continue
        m = _BASE_THEN_SIGN.search(text)
        if m and direction is None:
            comparison = comparison or m.group(1)
            direction = "increase" if m.group(2).startswith(("高", "快")) else "decrease"
            text = text[: m.start()]
            had_verb = True
            continue
        m = _TRAILING_TIME.search(text)
        if m:
            text = text[: m.start()]
            continue
        if text.endswith(("安排", "积累")) and len(text) >= 6:
            text = text[:-2]  # "中央预算内投资安排5000亿元"
            continue
        if _TRAILING_HAVE.search(text):
            text = text[:-1]  # "从业人员有三万八千多人"
            continue
        if text.endswith("高达"):
            # "资产负债率仍高达67%": the level reached (unlike 长达, a length).
            direction = direction or "reach"
            text, had_verb = text[:-2], True
            continue
        if text.endswith(("长达", "多达")):
            text = text[:-2]  # "长达3500公里": a length, not a change
            continue
        if text.endswith("收到") and len(text) >= 4:
            text = text[:-2]  # "各项税收共收到…元": received, not reached
            continue
        if text.endswith("起降"):
            break  # "保障航班起降10.2万架次": take-offs and landings, not a fall
        word = _suffix(words.approx, text)
        if word and not (word == "超" and text.endswith("超过")):
            approx = approx or word
            text = text[: -len(word)]
            continue
        word = _suffix(words.direction, text)
        if word:
            d = words.direction[word]
            if word == "超过" and direction is None:
                saw_over = True
            elif direction is None or (weak and d in ("increase", "decrease")):
                weak = word in _WEAK_REACH
                direction = d
            had_verb = True
            text = text[: -len(word)]
            continue
        word = _suffix(words.strip, text)
        if word:
            text = text[: -len(word)]
            continue
        if direction is not None or saw_over:
            m = _MODAL_TAIL.search(text)
            if m and m.start() >= 2:
                text = text[: m.start()]  # "规上工业总产值要突破600亿元": 要 goes with the verb
                continue
        break
    if saw_over:
        if direction is None or direction == "reach":
            direction = "reach"
        else:
            approx = approx or "超"
    return text, direction, comparison, approx, had_verb


_MODAL_TAIL = _re.compile(
    r"(?:(?<![主重需必纲摘首紧只])要|(?<![即])将|将要|(?<![人天英口奇鬼刚方])才|"
    r"(?<![存现所正内潜实自外好])在|(?<![年度月季工作])计划|力争|预计|争取|确保|(?<![比模])拟)$"
)
_ONLY_QUALIFIERS = _re.compile(r"(?:全国|全年|今年|当年|平均|每人|人均|每年|每月|每户)*")


def _strip_left(text: str) -> str:
    text = text.lstrip(" ")
    words = _words()
    lead = words.leading_verbs
    while True:
        if words.kept_names.match(text):
            return text
        # "审计查出问题整改率": a rate is named by the act it measures, so its verb stays.
        verb_ok = not text.endswith("率")
        m = _LEADING.match(text) or (lead.match(text) if verb_ok else None)
        if m is None and verb_ok:
            # "向纪检监察机关移送问题线索", "审计查出违规资金": the doer or the receiver, then the act.
            m = words.doer_then_verb.match(text)
        if not m or m.end() == 0:
            return text
        rest = text[m.end() :].lstrip(" ")
        if not rest:
            return text if text in ("新增",) else ""
        text = rest


def _post_noun(norm: str, pos: int, limit: int) -> str:
    """The counted thing after the unit: "X家企业", "510万沼气用户", "两批“高效办成一件事”"."""
    end = pos
    while end < limit and norm[end] not in _CLAUSE_END and norm[end] not in "、（(《":
        end += 1
    text = norm[pos:end]
    stop = _words().post_stop
    m = stop.search(norm[pos : end + 2])  # the lookahead may need the number after
    if m and m.start() >= len(text):
        m = None
    if text.startswith("的"):
        text = text[1:]
        m = stop.search(norm[pos + 1 : end + 2])
        if m and m.start() >= len(text):
            m = None
    if m:
        text = text[: m.start()] if m.start() >= 2 else ""
    text = text.rstrip("和及与近约超 ").removesuffix("中")
    if _suffix(_words().direction, text[:2]) == text[:2] and len(text) <= 4:
        return ""  # "31%升至37%": a verb of change, not a counted thing
    return text if _HAN.match(text[:1] or "a") or text.startswith(("“", "X", "x")) else ""


def _shares_head(items: list[str]) -> list[str]:
    """ "高技术制造业、装备制造业增加值" → each item with the shared head 增加值;
    "单位国内生产总值用水量、能耗、二氧化碳排放量" → each with the shared prefix 单位国内生产总值."""
    last = items[-1]
    k = last.find("分别")
    if k >= 2 and k == len(items[0]):
        items = [*items[:-1], last[:k] + last[k + 2 :]]  # "交通、能源、水利分别完成投资"
    elif k >= 2:
        items = [*items[:-1], last[:k]]  # "供水、燃气管网分别新建改造": the head ends at 分别
    first, rest = items[0], items[1:]
    prefix = _SHARED_PREFIX.match(first)
    if prefix and all(not it.startswith(prefix.group()) for it in rest):
        return [first] + [prefix.group() + it for it in rest]
    last = items[-1]
    middle = items[1:-1]
    lengths = {len(it) for it in middle}
    if len(lengths) == 1 and (k := lengths.pop()) <= 3 and len(first) > k and len(last) > k:
        # "用于科技、教育、卫生和文化事业的支出": items as long as the middle ones, between
        # the prefix the first carries and the suffix the last carries.
        before, suffix = first[:-k], last[k:]
        if suffix.startswith(_FIELD_NOUNS):
            return [before + it + suffix for it in [first[-k:], *middle, last[:k]]]
    count = _ITEM_COUNT.search(last)
    if count and _CN_VALUE.get(count.group(1)) == len(items) and count.end() < len(last):
        # "茶叶、食用菌、中药材三大产业综合产值": the count closes the list, the head follows.
        tail = last[count.end() :]
        return [it + tail for it in items[:-1]] + [last[: count.start()] + tail]
    k = len(first)
    if (
        2 <= k <= 3
        and all(len(it) == k for it in items[:-1])
        and len(last) >= k + 2
        and is_word(last[:k])
        and not is_word(last[: k + 1])
    ):
        # "城市、农村低保标准", "城镇和农村居民人均可支配收入": items of one length, in parallel,
        # the last carrying the head they share (not "水产品产量" cut after 水产).
        return [it + last[k:] for it in items[:-1]] + [last]
    head = next((h for h in _words().heads if last.endswith(h) and len(last) > len(h)), None)
    if head is None:
        return items
    return [it if it.endswith((head, "数", "率")) else it + head for it in items[:-1]] + [last]


# "三大", "两项": a count of the items just listed.
_ITEM_COUNT = _re.compile(r"([两三四五六七八九])(?:大|项|类|个)")
# What a list of fields is a list of: "科技、教育和文化事业的支出", "第一、二、三产业增加值".
_FIELD_NOUNS = ("事业", "方面", "领域", "工作", "行业", "产业", "部门", "系统", "单位", "类")
_SHARED_PREFIX = _re.compile(
    r"单位(?:国内|地区)生产总值|单位GDP|单位工业增加值|城镇居民人均|农村居民人均|人均|全社会|规模以上工业"
)


def _top_level_items(text: str) -> list[str]:
    depth = 0
    parts: list[str] = []
    cur = ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        if depth == 0 and ch == "、":
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    parts.append(cur)
    if len(parts) == 1 and "和" in text:
        parts = text.split("和")
    return [p for p in parts if p]


def metrics(
    doc: Document,
    *,
    report: ParsedReport | None = None,
    placeholders: list[Placeholder] | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    within: Sequence[tuple[int, int]] | None = None,
    indicators: str = "rules",
) -> list[Metric]:
    """Every quantity the document states, in document order.

    Args:
        doc: the document.
        report: its parsed structure (section roles help tell goals from results; parsed when
            not given).
        placeholders: the document's placeholders, when already found.
        exclude: spans whose numbers are names (slogan spans: “四个意识”, 三会一课).
        within: read only the numbers inside these spans (sorted, disjoint); the words around
            them are still read from the whole text.
        indicators: ``"rules"`` (fast), or ``"ranked"``: the rules' indicator re-chosen among
            the phrases around the number by the learned ranker
            (:mod:`govtext.extract.indicator_ranker`; more often right on unseen text, about ten
            times slower).

    Example:
        >>> [(m.text, m.indicator, m.direction) for m in metrics(Document.from_text(
        ...     "全年PM2.5年均值39.8微克/立方米，同比下降5%。"))]
        [('39.8微克/立方米', 'PM2.5年均值', 'none'), ('5%', 'PM2.5年均值', 'decrease')]
    """
    if indicators not in ("rules", "ranked"):
        raise ValueError(f"indicators must be 'rules' or 'ranked', not {indicators!r}")
    if report is None:
        from govtext.structure.segment import parse

        report = parse(doc, sentences=False)
    if placeholders is None:
        from govtext.extract.placeholders import placeholders as find_placeholders

        placeholders = find_placeholders(doc)
    norm = doc.norm
    excluded = [*_quoted_spans(norm), *exclude]
    excluded.extend((s.start, s.start + len(s.marker)) for s in report.sections if s.marker)
    excluded.extend((t.start, t.start + len(t.marker)) for t in report.tasks)
    ctx = _Context(doc, report, sorted(placeholders, key=lambda p: p.start), excluded)
    cands = _scan(ctx, within)
    records: list[Metric] = []
    done: list[tuple[_Candidate, _Reading]] = []
    for i, c in enumerate(cands):
        done.append((c, _read_context(ctx, cands, i, done)))
    readings = _lists(norm, cands, [r for _, r in done])
    if indicators == "ranked":
        from govtext.extract.indicator_ranker import rank, same_sentence

        ranked = []
        for k, (c, r) in enumerate(zip(cands, readings, strict=True)):
            before = cands[k - 1].end if k else -1
            prev = readings[k - 1].indicator if same_sentence(norm, before, c.start) else ""
            ranked.append(r._replace(indicator=rank(norm, c.start, c.end, r.indicator, prev=prev)))
        readings = ranked
    for c, r in zip(cands, readings, strict=True):
        pos = doc.position(c.start)
        target = _is_target(ctx, c)
        direction = r.direction
        if c.after in _AFTER_LIMIT and direction in ("none", "reach"):
            direction = "limit"
        approx = c.approx or (c.after if c.after in _AFTER_APPROX else None) or r.approx
        approx = _APPROX_FORMS.get(approx or "", approx)
        value_normalized = None if c.value is None else c.value * c.multiplier
        records.append(
            Metric(
                text=doc.text[c.start : c.end],
                start=c.start,
                end=c.end,
                line=pos.line,
                column=pos.column,
                number=doc.text[c.start : c.start + len(c.number)],
                value=c.value,
                unit=c.unit,
                multiplier=c.multiplier,
                value_normalized=value_normalized,
                indicator=r.indicator,
                direction=direction,
                comparison=r.comparison,
                approx=approx,
                target=target,
                placeholder=c.placeholder,
            )
        )
    return records


_LEADING_DIRECTION = _re.compile(
    r"^.{0,4}?(?:(?P<limit>至少|最多|不少于|不低于|不超过|控制在)|(?P<reach>达到|保持)|(?P<achieve>实现))"
)
_OF_BASE = _re.compile(r"(?:为|是|恢复到|恢复至|相当于|完成(?!率)了?)[^，。；]{1,20}的$")
# The same shape where the subject can be cut off before the verb (not 作为, 因为, 成为…).
_OF_BASE_TAIL = _re.compile(
    r"(?<![作因成认称以])(?:完成(?!率)了?|为|是|相当于)(?P<base>[^，。；]{1,20})的$"
)
_GOAL_AFTER = _re.compile(r"[^，。；]{0,24}?目标")
_ACTION_DIRECTION = _re.compile(
    r"增发|新增|净增|递增|增加(?!值)|新建|新改建|新设|新开放|新开(?![工展放幕启创局篇])|新识别|新缔结|"
    r"新修(?![订改正])|新发展(?!理念|阶段|格局)|新纳入|新培育|新引进|新开通|关闭|关停|淘汰|裁军|裁减|精减|精简|压减|削减|取消|撤销|化解|注销|退出|拆除|减少|减轻"
)
_RATE_WORDS = {"涨幅": "increase", "增幅": "increase", "增速": "increase", "降幅": "decrease"}
_ADVERBS = frozenset("基本 全部 已经 已 共 累计 全面 顺利 如期 提前 先后 陆续 分别 均".split())
_FROM_TO = _re.compile(
    r"[^，。；]{0,4}?(?:提高|增加|上升|下降|降低|减少|扩大|缩小|压缩|增长|降|升|调|下调|上调|增至|降至)"
    r"(?:到|至)?"
)
_FROM_WORD = _re.compile(r"(?<![自理缘经])(?:从|由)(?![业事于此])")
_ACTION_INSIDE = _re.compile(r".*(?:安排|下达|(?<!新)增发|拨付|筹集|关停|淘汰)")
_COUNTED_AFTER = _re.compile(r".*(?:共计|累计|合计|一共|(?<![公总一])共(?![同享建治产青识性用有]))")
_ADVERBIAL_GAP = _re.compile(r"扣除[^，。；]{0,8}因素|按可比价格计算|按可比口径计算|其中")
_ABSTRACT_HEADS = frozenset(
    "基础上 速度 水平 目标 预定目标 规模 幅度 程度 标准 要求 比重 比例 目标任务 任务".split()
)
_JUNK = frozenset("而但即就有却还也都只它这其又并").union(["它虽然", "虽然", "我们", "我国"])
_REFERRING_VERBS = frozenset("覆盖 惠及 涉及 完成 建成 办结 化解 整改到位".split())


def _repeated_act(before: str, verb: str) -> bool:
    """ "新设经营主体…，日均新设约50户": the verb was said before, with its object (not inside a
    name such as 培训班)."""
    k = before.rfind(verb)
    return k >= 0 and before[k + len(verb) : k + len(verb) + 1] not in "班会站所中"


_ANAPHORIC = frozenset(("总数", "总量", "总计", "其中", "数量"))  # "…新增126家，总数达到1047家"
_SHARE = _re.compile(
    r"^(?:只|仅|约|就|共|将|可以)?(?:占(?![道用地有领据])|是|相当于|等于)(.{0,40}?)的?$"
)
_RANGE = ("-", "—", "~", "至", "到")


def _read_context(
    ctx: _Context,
    cands: list[_Candidate],
    i: int,
    done: list[tuple[_Candidate, _Reading]],
) -> _Reading:
    norm = ctx.norm
    c = cands[i]
    prev = cands[i - 1] if i > 0 else None
    clause = _clause_start(norm, c.start, max(0, c.start - 80))
    bounded_by_prev = prev is not None and prev.after_end > clause
    if prev is not None and bounded_by_prev:
        clause = max(prev.after_end, done[-1][1].post_end)
    raw = raw0 = norm[clause : c.start]
    if bounded_by_prev:
        raw = _after_last_comma(raw)
    text, direction, comparison, approx, had_verb = _strip_right(raw)
    baseline = False
    if _FROM_TO.match(norm, c.after_end):
        # "奖励起点从年营业额5万元提高到8万元": what follows 从 qualifies the baseline.
        k = max((m.start() for m in _FROM_WORD.finditer(text)), default=-1)
        if k >= 2 and len(text) - k <= 8:
            text, _, _, _, _ = _strip_right(text[:k])
        kr = max((m.start() for m in _FROM_WORD.finditer(raw0)), default=-1)
        baseline = kr >= 0 and len(raw0) - kr <= 12
    if text in _RATE_WORDS and not bounded_by_prev:
        # "缴纳比例降到X‰，降幅近X%": a lone 降幅 refers back, and says which way.
        direction, text = direction or _RATE_WORDS[text], ""
    if unit_kind(c.unit) in ("count", "length", "area"):
        # "主次干道提升改造15条": the number counts the thing, not the act.
        after = next((v for v in _words().trailing_verbs if text.endswith(v)), None)
        if after and len(text) - len(after) >= 2:
            text = text[: -len(after)]
            if direction is None and after.startswith("新增"):
                direction = "increase"
            text = _strip_right(text)[0]  # "5G基站累计建成2180个"
            if text.lstrip(" ") in _ADVERBS:
                text = ""  # "基本建成544万套": the thing is named before
    if (
        direction in ("reach", None)
        and raw.lstrip(" ").startswith(("为", "实现"))
        and not _strip_left(text)
    ):
        direction = None  # "为1.17万个乡镇卫生院配备……": 为 is "for", not "amounts to"
    if direction is None:
        # The verb of doing leads what is counted ("新建城市口袋公园"), not a name inside it
        # ("建成减少碳排放示范项目").
        verb = next(
            (
                v
                for v in _ACTION_DIRECTION.finditer(text, 0, 12)
                if not text[: v.start()].endswith(tuple(w for w in _words().verbs if len(w) == 2))
            ),
            None,
        )
        if verb:
            direction = (
                "increase" if verb.group().startswith(("增", "新", "递", "净")) else "decrease"
            )
    if direction is None:
        lead = _LEADING_DIRECTION.match(text)
        if lead and lead.group("limit"):
            direction = "limit"  # "至少组织X次": the verb leads the clause
        elif lead and (lead.group("reach") or _GOAL_AFTER.match(norm, c.after_end)):
            # "达到A率100%"; but "实现营业收入1286亿元" is a plain amount, and only
            # "实现人均经费500元的目标" reaches something.
            direction = "reach"
    if c.unit in ("%", "倍") and not baseline and raw0.endswith("的"):
        m = _OF_BASE_TAIL.search(text.removesuffix("的") + "的")
        if m:
            # "到位资金86亿元，完成年度目标的107%": the base follows the verb; what reaches it is
            # named before (or carried over from the number before).
            text = text[: m.start()]
            comparison = comparison or m.group("base")  # "是上年的1.4倍": 上年 is the base
    text = _strip_left(text)
    if raw.rstrip(" ").endswith("、") and not bounded_by_prev:
        text = ""  # "完成A改造、X台B改造": A is an item of its own
    m = _ACTION_INSIDE.search(text)
    if m and len(text) - m.end() >= 2 and m.end() > 2:
        text = text[m.end() :]  # "中央财政安排城乡医疗救助补助资金": what is allotted follows 安排
    m = _COUNTED_AFTER.search(text)
    if m and len(text) - m.end() >= 2:
        # "全市执法共立案查处案件": what is counted follows 共 (and its own verb goes too)
        text = _strip_left(text[m.end() :])
    share = _SHARE.match(text) if text else None
    shared_base = ""
    if share:
        base = share.group(1).removesuffix("的")
        if text.startswith("是") or c.unit == "倍":
            comparison = comparison or (base or None)
        if base.endswith(("比重", "比例", "份额")):
            shared_base = text  # "（A）占国内生产总值的比重从0.64%提高到1.13%"
        else:
            direction = direction or "reach"
        text, had_verb = "", True
    elif (k := text.find("等于", 2)) > 0 and (text.endswith("的") or k == len(text) - 2):
        # "工农业总产值将等于一九四九年的三倍": A is measured, against the base after 等于.
        text = _strip_left(text[:k].rstrip("将可以就也却"))
        direction, had_verb = direction or "reach", True
    elif "占" in text[1:].replace("占比", ""):
        # "A（就）占B的48.4%": A is measured, as a share of B.
        text = _strip_left(text[: text.rindex("占")].rstrip("的就只仅约共仍"))
        direction, had_verb = direction or "reach", True
    if bounded_by_prev and raw and raw[-1:] in "和及与":
        text = ""
    text = text.lstrip("）) ")  # "A（不足100人）仍有23所": what the remark closes is named before
    if text in _JUNK or text in _ANAPHORIC:
        text = ""
    if 0 < len(text) <= 2 and raw.lstrip(" ").startswith(text):
        # "经济增长预期目标为5%": 经济增长 is the indicator, not 经济.
        verb_after = raw.lstrip(" ")[len(text) : len(text) + 2]
        if text + verb_after in ("经济增长", "经济发展", "经济运行"):
            text += verb_after
    sentence_end = _next_boundary(norm, c.after_end, _CLAUSE_END)
    nxt_start = cands[i + 1].start if i + 1 < len(cands) else len(norm)
    post = ""
    post_end = 0
    post_from = c.after_end + (1 if c.after and norm.startswith("的", c.after_end) else 0)
    if (not c.after or post_from > c.after_end) and post_from < len(norm):
        # "覆盖80%以上的大城市": the counted thing after 以上的 / 左右的.
        post = _post_noun(norm, post_from, min(sentence_end, nxt_start))
        if post:
            post_end = norm.find(post, post_from) + len(post)
    words = _words()
    if _ONLY_QUALIFIERS.fullmatch(text):
        text = ""  # "全国平均每人达到……": no indicator of its own
    light = (
        not text
        or text in words.scope
        or text.endswith(words.light_verbs)
        or text[-1] in "与对向给同"
    )
    post_de = post_from > c.after_end or norm.startswith("的", c.after_end)
    if post_de and (post in _ABSTRACT_HEADS or post.startswith(("目标", "水平"))):
        post = ""  # "递增7.9%的基础上", "增长3.2%的速度": the number's own indicator is elsewhere
    indicator = text
    if post and light:
        indicator = post  # "召开三次党组会", "对XX家企业"
    elif post and not had_verb and not post_de:
        # The counted thing follows the number: "完成25项年度治太项目" counts 年度治太项目.
        indicator = post
    inherited = False
    sent = _sentence_start(norm, c.start)
    same = []
    for pc, r in reversed(done):
        if pc.start < sent:
            break
        if r.indicator:
            same.append(r)
            break
    # Between the previous number and this clause: only punctuation ("财政收入6.85万亿元，增长
    # 11.7%") or a new subject ("原煤11亿吨；原油产量继续增长，达到1.42亿吨").
    gap = norm[prev.after_end : clause] if prev is not None and not bounded_by_prev else ""
    new_subject = any(_HAN.match(ch) for ch in _ADVERBIAL_GAP.sub("", gap))
    if (
        (indicator in words.verbs or indicator in _REFERRING_VERBS)
        and not post
        and same
        and not new_subject
        and (_repeated_act(norm[sent:clause], indicator) or indicator in _REFERRING_VERBS)
    ):
        indicator = ""  # "新设经营主体1.85万户，日均新设约50户": the act repeated refers back
    if not indicator and same and not new_subject:
        # The indicator carries over within the sentence.
        indicator, inherited = same[-1].indicator, True
        if shared_base:
            indicator = indicator + shared_base
    if not indicator and not bounded_by_prev and clause > 0 and norm[clause - 1] in "，":
        # "城镇居民人均可支配收入，由1997年的5160元增加到……": the subject ends the clause before.
        before = norm[_clause_start(norm, clause - 1, max(0, clause - 40)) : clause - 1]
        subject = _subject(before.strip())
        if 2 <= len(subject) <= 30 and not any(ch.isdigit() for ch in subject):
            indicator = subject + shared_base
    if not indicator and same:
        indicator, inherited = same[-1].indicator, True
    if prev is not None and done and norm[prev.after_end : c.start].strip(" ") in _RANGE:
        direction = None  # "3至5家": the second end of a range takes the first's direction
    if direction is None and prev is not None and done and norm[prev.after_end : c.start] in _RANGE:
        direction = done[-1][1].direction
    if direction is None and bounded_by_prev and done and raw0[:1] in ("、", "和"):
        direction = done[-1][1].direction  # "至少组织X次集体学习、X次党日活动"
    if direction is None and c.unit in ("%", "倍") and _OF_BASE.search(raw0) and not baseline:
        # "一般公共预算收入为预算的101.3%", "恢复到2019年同期的108%", "完成年度目标的106%"
        direction = "reach"
    if direction is None:
        if "新增" in indicator:
            direction = "increase"
        elif any(w in indicator for w in ("精减", "精简", "压减", "削减")):
            direction = "decrease"
    if c.unit == "年" or (baseline and direction in ("reach", None)):
        direction = "none"  # "比重从11.1%增加到…": the start of a change is a plain level
    return _Reading(_tidy(indicator), direction or "none", comparison, approx, inherited, post_end)


def _lists(norm: str, cands: list[_Candidate], readings: list[_Reading]) -> list[_Reading]:
    """Numbers listed together share out the indicators: "A、B增加值分别增长8.9%、7.7%" and
    "A 17175元，B 5153元，实际增长9.8%和8.5%"."""
    out = list(readings)
    i = 0
    n = len(cands)
    while i < n:
        j = i
        while j + 1 < n and norm[cands[j].after_end : cands[j + 1].start] in ("、", "和", "及"):
            j += 1
        size = j - i + 1
        if size >= 2:
            first = out[i]
            for k in range(i + 1, j + 1):
                if out[k].direction == "none":
                    out[k] = out[k]._replace(direction=first.direction)
            items = _top_level_items(first.indicator) if not first.inherited else []
            if len(items) == size - 1 and "和" in items[-1][1:-1]:
                # "A、B和C事业的支出分别为…": the last pair is joined by 和.
                items = [*items[:-1], *items[-1].split("和", 1)]
            if len(items) == size:
                for k, item in enumerate(_shares_head(items)):
                    out[i + k] = out[i + k]._replace(indicator=item, inherited=False)
            elif first.inherited and all(r.inherited for r in out[i : j + 1]):
                sent = _sentence_start(norm, cands[i].start)
                before = []
                for c, r in zip(cands[:i], out[:i], strict=True):
                    if c.start >= sent and r.indicator and r.indicator not in before:
                        before.append(r.indicator)
                if len(before) >= size:
                    for k, ind in enumerate(before[-size:]):
                        out[i + k] = out[i + k]._replace(indicator=ind)
        i = j + 1
    return out


def _subject(clause: str) -> str:
    """The subject a clause names: "以钢的产量来说" -> 钢的产量; "A增长显著加快" -> A."""
    m = _AS_FOR.fullmatch(clause)
    if m:
        clause = m.group(1)
    words = _words()
    cut = min(
        (k for w in words.direction if len(w) >= 2 for k in [clause.find(w)] if k >= 2),
        default=-1,
    )
    if cut >= 2:
        clause = clause[:cut]
    return _strip_left(_strip_right(clause)[0])


_PLACE_SLOT = _re.compile(r"(?:[Xx]{2,}|\*{2,}|(?:[Xx]+|\*+)[省市县区镇乡村])(?![0-9.%])")
_AS_FOR = _re.compile(r"(?:以|拿|就)(.+?)(?:来说|而言|来看)")


def _tidy(indicator: str) -> str:
    # "XXGDP总量", "xx区涉及": a slot standing for the place is not part of what is measured
    # (a single X standing for a word is: "民生X项目").
    m = _PLACE_SLOT.match(indicator)
    if m and len(indicator) - m.end() >= 2:
        indicator = indicator[m.end() :]
    if indicator.endswith(("）", ")")) and ("（" in indicator or "(" in indicator):
        k = max(indicator.rfind("（"), indicator.rfind("("))
        if k >= 2:
            indicator = indicator[:k]  # "农业总产值（包括村办工业）": the remark is not the name
    indicator = indicator.strip(" 、，的").rstrip("和及与")
    if indicator[:1] in "和及与" and indicator[:2] not in ("和美", "和谐", "和平", "及时", "与会"):
        indicator = indicator[1:]
    return indicator


def _next_boundary(norm: str, pos: int, chars: str) -> int:
    i = pos
    n = len(norm)
    while i < n and norm[i] not in chars:
        i += 1
    return i


@lru_cache(maxsize=4)
def _sentence_ends(norm: str) -> list[int]:
    return [m.start() for m in _SENTENCE_END_RE.finditer(norm)]


_SENTENCE_END_RE = _re.compile("[" + _SENTENCE_END + "]")


def _sentence_start(norm: str, pos: int) -> int:
    import bisect

    ends = _sentence_ends(norm)
    i = bisect.bisect_left(ends, pos) - 1
    return ends[i] + 1 if i >= 0 else 0


def _is_target(ctx: _Context, c: _Candidate) -> bool:
    norm = ctx.norm
    s = _sentence_start(norm, c.start)
    e = _next_boundary(norm, c.end, _SENTENCE_END)
    before = norm[s : c.start]
    if norm[max(0, c.start - 4) : c.start].endswith(("现行", "现行的")):
        return False
    role = None
    if ctx.report is not None:
        sec = ctx.report.section_at(c.start)
        role = sec.role if sec is not None else None
    cue = _target_cue(before, norm[c.start : e]) or _target_cue(norm[c.end : e][:12])
    past = _past_cue(before, cue)
    if role == "plan":
        return not past or bool(cue)
    if cue or past or role is not None:
        return bool(cue) and not past
    # No cue in the sentence and no section role to go by (a passage on its own): a paragraph
    # that opens with a plan ("2025年，我局计划……", "主要目标是：") sets its numbers as goals.
    para = _line_start(norm, s)
    if para < s:
        opening = norm[para : _next_boundary(norm, para, _SENTENCE_END)]
        plan = _PLAN_OPENING.search(opening[:16])
        return bool(plan) and not _past_cue(opening, _target_cue(opening))
    return False


@lru_cache(maxsize=4)
def _line_starts(norm: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(norm))]


def _line_start(norm: str, pos: int) -> int:
    import bisect

    starts = _line_starts(norm)
    return starts[bisect.bisect_right(starts, pos) - 1]


_NEWLINE = _re.compile("\n")


def _past_cue(text: str, cue: re.Match[str] | None) -> re.Match[str] | None:
    past = _PAST_CUE.search(text)
    if past and past.group()[:1].isdigit() and cue and cue.group() in _STRONG_CUES:
        return None  # "2025年，我局计划……": the year opens a plan, not a review
    return past


def _target_cue(text: str, tail: str = "") -> re.Match[str] | None:
    """The first goal cue, skipping 将 as the object marker of a change ("将税率从16%降至13%");
    ``tail`` is the rest of the sentence after ``text``."""
    for m in _TARGET_CUE.finditer(text):
        if m.group() == "将" and _BA_CHANGE.match(text[m.end() :] + tail):
            continue
        return m
    return None


_STRONG_CUES = frozenset(
    ("计划", "预期目标", "主要目标", "目标是", "目标为", "力争", "确保", "争取", "拟", "将")
)
_BA_CHANGE = _re.compile(
    r"[^，。；]{1,24}?(?:从|由)[^，。；]{0,16}?(?:降|提高|增加|减少|调整|扩大|下调|上调)"
)
_PLAN_OPENING = _re.compile(
    r"预期目标|主要目标|目标是|目标任务是|(?:[局委办厅们市县区镇]|(?<![五个])年)计划(?!内|外|单列|的|生育|任务)|工作打算|重点抓好|重点做好|下一步|明年"
)
