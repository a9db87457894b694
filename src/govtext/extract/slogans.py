"""Slogans: numeric formula slogans (四个意识, 三会一课, 六讲六杜绝, “2+2+17+1”) and quoted
catchphrases (“放管服”, “回头看”, “长江大保护”), with their expansion when the report spells it
out — in parentheses (“一条主线”（打基础、立规矩、树正气）) or in the list a claim announces — or
when the shipped lexicon knows the standard one.

A quoted string is a slogan unless it is something else: a document title (“关于……的通知”), a
name (“学习强国”平台, “12369”热线), a period (“十四五”), or quoted speech (long, with
punctuation). Unquoted text is a slogan only when the lexicon knows it (with at least three
characters, or a numeral formula such as 四风), or when it alternates numerals and words the
way formulas do (三会一课, 两学一做, 六讲六杜绝).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, NamedTuple

from govtext import _re
from govtext.data import read_text
from govtext.document import Document
from govtext.model import Slogan
from govtext.report import ParsedReport
from govtext.words import is_word

_NUM_CHARS = "一二两三四五六七八九十百千万双"
_NUM_VALUE = {
    "一": 1,
    "二": 2,
    "两": 2,
    "双": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_QUOTES = '“”"「」'
_MAX_QUOTED = 14
# Numeral + measure word + a short noun, in a series or named elsewhere as a slogan:
# "聚焦一个目标，推进两项机制，开展三个创建", "这两大任务".
_COUNTED_NAME = _re.compile(
    r"(?<![一二两三四五六七八九十第每这该])[一二两三四五六七八九十]{1,2}(?:个|项|大|条|件|张)"
    r"[\u4e00-\u9fff]{2}(?=[，、；。：（(]|$)"
)
# After the closing quote: the quoted text names a thing (a platform, a hotline, a prize).
_NAME_AFTER = _re.compile(
    r"[^，。；：\n]{0,16}?(?:平台|APP|App|app|客户端|网站|公众号|微信|微博|栏目|专栏|节目|杂志|报社|"
    r"热线|号码|小程序|系统|商标|品牌|杯|奖|专题调研|调研|集中整治|整改|专项行动|活动|监管|推进会|"
    r"论坛|问题|主题实践)"
)
_LABEL_ENDS = ("年", "式", "化", "长", "堂", "眼", "日", "月", "周", "号")
_DATE = _re.compile(r"[0-9一二三四五六七八九十]{1,3}[·.．][0-9一二三四五六七八九十]{1,3}")
_SURNAMES = _re.compile(r"[\u4e00-\u9fff](?:、[\u4e00-\u9fff])+")
_TITLE_END = _re.compile(
    r"(?:通知|意见|办法|方案|规定|条例|决定|报告|纲要|细则|通报|公告|批复|法|规则|标准|指南|名单|条约|條約|协定|公约|"
    r"实施方案|行动计划|工作要点|若干措施)$"
)
_PERIOD = _re.compile(r"^(?:[一二三四五六七八九十]{1,2}五|[0-9]{1,2}五)$")  # 十四五, 九五
_FORMULA_SEGMENT = _re.compile(
    rf"([{_NUM_CHARS}]|[0-9]+)([个项大条种类件点]?)([^{_NUM_CHARS}0-9+＋]*)"
)
_ALTERNATING = _re.compile(
    r"(?<![一二两三四五六七八九十双百千万第])[一二两三四五六七八九十双][\u4e00-\u9fff]{1,2}"
    r"[一二两三四五六七八九十双][\u4e00-\u9fff]{1,3}"
)
# Words that make "三年一次", "一年一度", "两天一夜" a frequency, not a formula.
_NOT_FORMULA_WORDS = frozenset(
    "年月日天次届期度夜周个项批份时岁代级层流线点片处半吨人元亩户家名是些样般切律致起同道直定再且来去到方面手心意"
)


_RULE_SET = _re.compile(
    r"(?<![一二两三四五六七八九十第])[一二两三四五六七八九十]{1,2}(?:项|条)(?:规定|禁令|纪律|基本原则|准则|严禁|不准)"
)


class _Entry(NamedTuple):
    slogan: str
    kind: str
    count: int | None  # type: ignore[assignment]  # shadows tuple.count on purpose
    expansion: tuple[str, ...] | None


class _Lexicon(NamedTuple):
    entries: dict[str, _Entry]  # surface form -> entry
    unquoted: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    entries: dict[str, _Entry] = {}
    for line in read_text("slogans.jsonl").splitlines():
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        entry = _Entry(
            row["slogan"],
            row["kind"],
            row.get("count"),
            tuple(row["expansion"]) if row.get("expansion") else None,
        )
        entries[row["slogan"]] = entry
        for alias in row.get("aliases") or ():
            if not any(q in alias for q in _QUOTES + "‘’"):
                entries.setdefault(alias, entry)
    from govtext.textutil import literal_alternation

    unquoted = [
        form
        for form, e in entries.items()
        if len(form) >= 3 or (e.kind == "formula" and form in ("四风", "三农", "三定", "两山"))
    ]
    pattern = _re.compile(literal_alternation(sorted(unquoted, key=len, reverse=True)))
    return _Lexicon(entries, pattern if unquoted else None)


def _formula_count(text: str) -> int | None:
    """四个意识 -> 4, 三会一课 -> 4, 三比四争一创 -> 8, 六个一 -> 6, “2+2+17+1” -> 22."""
    if re.fullmatch(r"[0-9]+(?:[+＋][0-9]+)+", text):
        return sum(int(x) for x in re.split(r"[+＋]", text))
    if re.search(r"[+＋]", text):
        return None  # 1+N+X: a formula whose parts are not all numbers
    segments = _FORMULA_SEGMENT.findall(text)
    if not segments or not text.startswith(segments[0][0]):
        first = next((ch for ch in text if ch in _NUM_VALUE), None)
        return _NUM_VALUE.get(first or "")
    if len(segments) >= 2 and segments[0][1] == "个" and not segments[0][2]:
        return _value(segments[0][0])  # 六个一: six items called "one ..."
    if len(segments) >= 2 and all(not seg[1] and not seg[2] for seg in segments):
        return sum(_value(seg[0]) or 0 for seg in segments) or None  # 三三: three and three
    worded = [s for s in segments if s[2]]
    if len(worded) >= 2:
        return sum(_value(s[0]) or 0 for s in worded) or None
    return _value(segments[0][0])


def _value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUM_VALUE.get(token)


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    """Idioms led by numerals (一言堂, 一班人): never formulas."""
    from govtext.textutil import literal_alternation

    words = [
        line.split("\t")[0]
        for line in read_text("numeral_idioms.txt").splitlines()
        if line and not line.startswith("#")
    ]
    return _re.compile("^(?:" + literal_alternation(words) + ")$")


_LEADING_NUMBER = _re.compile(r"^[零〇○一二两三四五六七八九十百千万亿点分之0-9.]+")
_TRAILING_APPROX = _re.compile(r"(?:以上|以下|左右|多|余)?的?$")


def _numeral_word(text: str) -> bool:
    """ "三角一体化", "一二三产业": the numerals belong to ordinary words or to a number."""
    for k, ch in enumerate(text):
        if ch in _NUM_VALUE:
            nxt = text[k + 1 : k + 2]
            if nxt in _NUM_VALUE or nxt in "百千万亿零〇○":
                return True
            if is_word(text[k : k + 2]) or is_word(text[k : k + 3]):
                return True
    return False


def _is_quantity(text: str) -> bool:
    """“一千五百公里”, “三分之一以上”, “一九七八”, “二十一世纪”: a number, a year or a period —
    while “四项”工程 and “三三” are formula labels."""
    m = _LEADING_NUMBER.match(text)
    if m is None:
        return False
    number = m.group()
    rest = _TRAILING_APPROX.sub("", text[m.end() :])
    big = len(number) >= 3 or any(ch in "百千万亿点分之" for ch in number)
    if not rest:
        return big
    if rest in ("世纪", "年代", "周年", "年", "个月", "倍"):
        return True
    from govtext.extract.metrics import unit_forms, unit_kind

    unit = rest.lstrip("万亿")
    if unit not in unit_forms():
        return False
    return big or unit_kind(unit) != "count"


def _is_formula(text: str) -> bool:
    if _PERIOD.match(text) or text[:1] in "百千万" or _is_quantity(text):
        return False  # 千名环保干部……, “一千五百公里”: quantities, not formulas
    if re.fullmatch(r"[0-9]+(?:[+＋][0-9A-Za-z]+)+|[0-9A-Za-z]+(?:[+＋][0-9A-Za-z]+)+", text):
        return True
    return bool(re.match(rf"[{_NUM_CHARS}]", text)) and any(
        "\u4e00" <= ch <= "\u9fff" for ch in text[1:]
    )


def _quoted(norm: str) -> list[tuple[int, int]]:
    """Spans inside quote pairs, paired in order on each line whatever their direction."""
    out: list[tuple[int, int]] = []
    for line_start, line in _lines(norm):
        open_at = -1
        for k, ch in enumerate(line):
            if ch in _QUOTES:
                if open_at < 0:
                    open_at = k
                else:
                    out.append((line_start + open_at + 1, line_start + k))
                    open_at = -1
    return out


def _lines(norm: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in norm.split("\n"):
        if any(q in line for q in _QUOTES):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _expansion_in_parens(norm: str, pos: int, count: int | None = None) -> tuple[str, ...] | None:
    """“一条主线”（打基础、立规矩、树正气） -> the three phrases."""
    if not norm.startswith(("（", "("), pos):
        return None
    depth = 0
    end = pos
    while end < len(norm) and end < pos + 400:
        ch = norm[end]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth == 0:
                break
        elif ch == "\n":
            return None
        end += 1
    else:
        return None
    inner = norm[pos + 1 : end].strip()
    inner = inner.removeprefix("即").removeprefix("：").strip()
    if not inner or len(inner) < 4:
        return None
    items: list[str] = []
    for part in _split_top(inner, "；;"):
        if "：" in part:
            part = part.split("：", 1)[1]
        items.extend(_split_top(part, "、，,"))
    items = [_unquote(it.strip(" 。")).removesuffix("等") for it in items]
    items = [it for it in items if it]
    return tuple(items) if len(items) >= 2 or (items and count == 1) else None


def _unquote(item: str) -> str:
    """Drop quotes around a whole item (“回头看”), keep those inside (“散乱污”企业整治)."""
    if item[:1] in '“"' and item[-1:] in '”"' and not any(q in item[1:-1] for q in '“”"'):
        return item[1:-1]
    return item


def _split_top(text: str, seps: str) -> list[str]:
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in text:
        if ch in "（(“":
            depth += 1
        elif ch in "）)”":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _parallel(items: list[str]) -> bool:
    """“系统治水、科学治水、精准治水”, “能者上、平者让、庸者下”: items built alike."""
    if len(items) < 2 or any(not 2 <= len(it) <= 12 for it in items):
        return False
    lengths = {len(it) for it in items}
    if max(lengths) - min(lengths) <= 1:
        return True
    return len({it[0] for it in items}) == 1 or len({it[-1] for it in items}) == 1


def _is_slogan(norm: str, s: int, e: int, text: str, known: bool) -> bool:
    """Whether a quoted string is a slogan (see the module docstring)."""
    if known:
        return True
    if not text or len(text) < 2 or "\n" in text:
        return False
    if _PERIOD.match(text) or _DATE.fullmatch(text) or _is_quantity(text):
        return False  # “十四五”, “六·五”, “10·27”, “一千五百公里”
    if text.isascii() and not re.search(r"[+＋]", text):
        return False  # “12369”, “PM2.5”: codes and names
    if _SURNAMES.fullmatch(text):
        return False  # “杨、季、缪”
    if norm[max(0, s - 3) : s - 1].endswith(("所说", "所谓", "叫做", "称为")):
        return False  # 所说“打基础”: the report quoting its own words
    if norm.startswith(("（", "("), e + 1) and len(text) <= _MAX_QUOTED:
        return True  # “一线”（以……为执法主线）: the report spells it out
    if re.search(r"[Xx*＊×]", text) and not re.fullmatch(r"[0-9A-Za-z+＋]+", text):
        return False  # “党建强X”, “治气攻坚X条措施”: a masked name
    if _is_formula(text) and not _idioms().search(text):
        return not _TITLE_END.search(text) or len(text) < 6
    items = [it for it in re.split(r"[、，,]", text) if it]
    if any(ch in text for ch in "。；：！？;:!?《》"):
        return False
    if len(items) > 1:
        if not _parallel(items) or len(text) > 40:
            return False  # reported wording, a list of names
    elif len(text) <= 3 or len(text) > _MAX_QUOTED or text.endswith(_LABEL_ENDS):
        return False  # metaphors and labels (“牛鼻子”, “落实年”, “网格化”), long wording
    if _TITLE_END.search(text) and len(text) >= 6:
        return False  # a document title
    return not _NAME_AFTER.match(norm, e + 1)


def slogans(doc: Document, *, report: ParsedReport | None = None) -> list[Slogan]:
    """Formula slogans and quoted catchphrases, in document order.

    Example:
        >>> [(s.text, s.count, s.expansion) for s in slogans(Document.from_text(
        ...     "始终贯穿“一条主线”（打基础、立规矩、树正气），增强“四个意识”。"))][:2]
        [('一条主线', 1, ('打基础', '立规矩', '树正气')), ('四个意识', 4, ('政治意识', '大局意识', '核心意识', '看齐意识'))]
    """
    norm = doc.norm
    lex = _lexicon()
    found: dict[int, tuple[int, int, str, bool]] = {}  # start -> (start, end, kind, quoted)
    for s, e in _quoted(norm):
        text = norm[s:e].strip()
        entry = lex.entries.get(text)
        if not _is_slogan(norm, s, e, text, entry is not None):
            continue
        kind = entry.kind if entry else ("formula" if _is_formula(text) else "catchphrase")
        found[s] = (s, e, kind, True)
    quoted_spans = sorted((s - 1, e + 1) for s, e, _, _ in found.values())
    if lex.unquoted is not None:
        for m in lex.unquoted.finditer(norm):
            s, e = m.span()
            if _inside(quoted_spans, s) or s in found:
                continue
            entry = lex.entries[m.group()]
            found[s] = (s, e, entry.kind, False)
    taken = sorted((a, b) for a, b, _, _ in found.values())
    for m in _ALTERNATING.finditer(norm):
        s, e = m.span()
        if _inside(quoted_spans, s) or _inside(taken, s):
            continue
        text = m.group()
        words = re.split(rf"[{_NUM_CHARS}]", text)
        if any(w[:1] in _NOT_FORMULA_WORDS for w in words if w) or _numeral_word(text):
            continue
        found[s] = (s, e, "formula", False)
    for m in _RULE_SET.finditer(norm):
        s, e = m.span()
        if not _inside(quoted_spans, s) and not _inside(taken, s):
            found[s] = (s, e, "formula", False)  # 省委十项规定, 六条禁令
    # Unquoted "N个X" names: a series of them, one the report quotes elsewhere, or one followed
    # by its expansion.
    named = {_normalise(norm[a:b]) for a, b, kind, _ in found.values() if kind == "formula"}
    series = [m for m in _COUNTED_NAME.finditer(norm) if not _inside(quoted_spans, m.start())]
    taken = sorted((a, b) for a, b, _, _ in found.values())
    for k, m in enumerate(series):
        s, e = m.span()
        if _inside(taken, s):
            continue
        near = any(
            0 < abs(o.start() - s) <= 16
            and not _SENTENCE_BREAK.search(norm, min(o.end(), e), max(o.start(), s))
            for o in series[max(0, k - 1) : k + 2]
            if o is not m
        )
        if m.group() in named or near or norm.startswith(("（", "("), e):
            found[s] = (s, e, "formula", False)
    # A formula the report names (quoted, or as a series) is a slogan wherever it recurs:
    # “一条主线”（……） and later "必须要有一条主线贯穿始终", "这两大任务".
    named = {
        _normalise(norm[a:b])
        for a, b, kind, _ in found.values()
        if kind == "formula" and b - a >= 3
    }
    taken = sorted((a, b) for a, b, _, _ in found.values())
    from govtext.textutil import positions

    for name in named:
        for s in positions(norm, [name]):
            if not _inside(taken, s) and not _inside(quoted_spans, s):
                found[s] = (s, s + len(name), "formula", False)
    claims = _claim_lists(report) if report is not None else {}
    out: list[Slogan] = []
    for s, e, kind, quoted in sorted(found.values()):
        text = doc.text[s:e]
        normalized = _normalise(norm[s:e])
        entry = lex.entries.get(normalized)
        count = _formula_count(normalized) if kind == "formula" else None
        if (
            entry is not None
            and entry.count is not None
            and (normalized == entry.slogan or count is None)
        ):
            count = entry.count  # an alias ("五险" for 五险一金) keeps its own numeral
        after = e + 1 if quoted and e < len(norm) and norm[e] in _QUOTES else e
        expansion = _expansion_in_parens(norm, after, count)
        source = "parenthesis" if expansion else None
        if expansion is None and (s, e) in claims:
            expansion, source = _short_items(claims[(s, e)]), "enumeration"
        if expansion is None and count and norm.startswith(("：", ":"), after):
            expansion = _expansion_after_colon(norm, after + 1, count)
            source = "enumeration" if expansion else None
        if expansion is None and entry is not None and entry.expansion:
            expansion, source = entry.expansion, "lexicon"
        pos = doc.position(s)
        out.append(
            Slogan(
                text=text,
                start=s,
                end=e,
                line=pos.line,
                column=pos.column,
                kind=kind,
                count=count,
                normalized=entry.slogan if entry else normalized,
                expansion=expansion,
                expansion_source=source,
                known=entry is not None,
            )
        )
    return _propagate(out)


def _propagate(found: list[Slogan]) -> list[Slogan]:
    """A slogan the report spells out once keeps that expansion at its other mentions."""
    spelled: dict[str, Slogan] = {}
    for s in found:
        if s.expansion_source in ("parenthesis", "enumeration"):
            spelled.setdefault(s.normalized, s)
    return [
        s._replace(
            expansion=spelled[s.normalized].expansion,
            expansion_source=spelled[s.normalized].expansion_source,
        )
        if s.normalized in spelled and s.expansion_source not in ("parenthesis", "enumeration")
        else s
        for s in found
    ]


def _expansion_after_colon(norm: str, pos: int, count: int) -> tuple[str, ...] | None:
    """“一个目标”：以创建……为目标。 -> the clause after the colon, when its parts match the count."""
    end = pos
    while end < len(norm) and norm[end] not in "。\n" and end - pos < 200:
        end += 1
    items = [it.strip() for it in _split_top(norm[pos:end], "；;") if it.strip()]
    if len(items) == 1 and count > 1:
        items = [it.strip() for it in _split_top(items[0], "、，,") if it.strip()]
    return tuple(items) if items and len(items) == count else None


_SENTENCE_BREAK = _re.compile(r"[。！？!?\n]")


def _short_items(titles: tuple[str, ...]) -> tuple[str, ...]:
    """Items of an announced list, each cut to its first clause (“两个机制”：一是推进A机制，……)."""
    return tuple(re.split(r"[，,；;。]", title, maxsplit=1)[0] for title in titles)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _normalise(text: str) -> str:
    return text.strip().replace("＋", "+").replace(" ", "")


def _claim_lists(report: ParsedReport) -> dict[tuple[int, int], tuple[str, ...]]:
    """Slogan spans that announce a list (“五个建设”：一是……) -> the items' lead sentences."""
    from govtext.structure.claims import find_claims

    titles: dict[str, list[str]] = {}
    for t in report.tasks:
        titles.setdefault(t.enumeration, []).append(t.title)
    sections = {sec.id: sec.title for sec in report.sections}
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    for c in find_claims(report):
        if c.list_kind == "tasks":
            items = [x for eid in c.list_ids for x in titles.get(eid, [])]
        else:
            items = [sections[sid] for sid in c.list_ids if sid in sections]
        if items:
            out[(c.start, c.end)] = tuple(items)
    return out


def slogan_spans(found: list[Slogan]) -> list[tuple[int, int]]:
    """Spans (quotes included) whose numbers are names, for the metric extractor."""
    return [(s.start - 1, s.end + 1) for s in found]
