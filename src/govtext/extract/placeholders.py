"""Unfilled template slots: letters and stars standing for numbers or names, units whose number
is missing, blanks, and drafting instructions left in place.

Precision comes first: published reports are full of look-alikes — “数据要素×”, “1+N+X”,
“7×24小时”, X射线, PM2.5, VOCs, 二○○○年, footnote stars, Markdown emphasis, 万元GDP能耗 — and
each is recognised for what it is. The patterns run on :attr:`Document.norm`, where Ｘ is X,
％ is % and Markdown syntax is already blank.
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
from govtext.model import Placeholder
from govtext.textutil import positions

KINDS = ("letter", "star", "missing", "blank", "instruction", "custom")

# What follows a number: a slot glued to one of these stands for a number.
UNIT_CHARS = set(
    "%‰个项次件家人名条批场期篇天元万亿余多年月日号倍户座所台辆套吨亩千百处份起宗册部类级支株头只棵根站轮届位笔万"
)
_SLOT_LETTER = _re.compile(r"[Xx×]+")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.×")
_STARS = _re.compile(r"\*+(?:\.\*+)?")
_LATIN = _re.compile(r"[A-Za-z\u00c0-\u024f]")
_SLOT_CORE = _re.compile(r"[0-9]*(?:[Xx]+|×{2,})(?:\.(?:[Xx]+|[0-9]+))*[0-9]*")
_MULTIPLICATION = _re.compile(r"[0-9]+[Xx×][0-9]+")
_PUNCT = set("，。；：！？、（）《》“”‘’,;:!?()-")


class _Terms(NamedTuple):
    x_words: tuple[str, ...]
    formula_suffix: re.Pattern[str]
    acronyms: tuple[str, ...]
    footnote_star: re.Pattern[str]
    surnames: frozenset[str]


@lru_cache(maxsize=1)
def _terms() -> _Terms:
    data = json.loads(read_text("placeholder_terms.json"))
    return _Terms(
        x_words=tuple(e["term"].translate({0xFF38: "X"}) for e in data["x_words"]),
        formula_suffix=_re.compile(data["formula_suffix"]["pattern"]),
        acronyms=tuple(sorted(data["acronyms"], key=len, reverse=True)),
        footnote_star=_re.compile(data["footnote_star"]["pattern"]),
        surnames=frozenset(data["anonymised_name_surnames"]),
    )


def _is_cjk(ch: str) -> bool:
    # A comparison, not a regex: compiling a class over 20,000 code points costs ~2 ms per pattern.
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


def _prev_nonspace(norm: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and norm[i] in " \t":
        i -= 1
    return norm[i] if i >= 0 else ""


def _next_nonspace(norm: str, pos: int) -> str:
    i = pos
    while i < len(norm) and norm[i] in " \t":
        i += 1
    return norm[i] if i < len(norm) else ""


def _letter_slots(norm: str) -> Iterable[tuple[int, int]]:
    terms = _terms()
    last_end = -1
    for pos in positions(norm, ("X", "x", "×")):
        if pos < last_end:
            continue  # inside a token already seen
        s, e = pos, pos + 1
        while s > 0 and norm[s - 1] in _TOKEN_CHARS:
            s -= 1
        while e < len(norm) and norm[e] in _TOKEN_CHARS:
            e += 1
        last_end = e
        tok = norm[s:e]
        core = _SLOT_CORE.search(tok)
        if core is None:
            continue
        cs, ce = s + core.start(), s + core.end()
        before, after = tok[: core.start()], tok[core.end() :]
        # Letters around the slot: "XXGDP" is a slot glued to an acronym; "VOCs", "XML", "Xi" are words.
        if _LATIN.search(before) or _LATIN.search(after):
            if before and not any(before.endswith(a) for a in terms.acronyms):
                continue
            if after and not any(after.startswith(a) for a in terms.acronyms):
                continue
        slot = norm[cs:ce].strip(".")
        if not slot:
            continue
        cs = norm.index(slot, cs)
        ce = cs + len(slot)
        letters = "".join(c for c in slot if c in "Xx×")
        digits = "".join(c for c in slot if c.isdigit())
        nxt = norm[ce] if ce < len(norm) else ""
        prv = norm[cs - 1] if cs > 0 else ""
        if "×" in letters and len(letters) < 2:
            continue  # a lone × is a multiplication sign or "数据要素×"
        if digits and len(letters) == 1:
            if _MULTIPLICATION.fullmatch(slot):
                continue  # 3x4, 7×24
            if nxt not in UNIT_CHARS:
                continue  # "415X" and model numbers: a lone letter after digits needs a unit
        if (
            terms.formula_suffix.search(norm, max(0, cs - 3), ce)
            and "+" in norm[max(0, cs - 3) : cs]
        ):
            continue  # “1+N+X”, “双尖双领+X”
        if any(norm.startswith(w, cs) for w in terms.x_words) or any(
            norm.startswith(w, cs - w.index("X"))
            for w in terms.x_words
            if "X" in w and w.index("X") <= cs
        ):
            continue
        # A lone letter beside a Latin word ("iPhone X", "X-ray") is not a slot.
        beside_latin = _LATIN.match(_prev_nonspace(norm, cs)) or _LATIN.match(
            _next_nonspace(norm, ce)
        )
        if beside_latin and not (before or after):
            continue
        if nxt == "-" and _LATIN.match(norm[ce + 1 : ce + 2] or " "):
            continue
        if prv == "-" and not digits and _LATIN.match(norm[cs - 2 : cs - 1] or " "):
            continue
        yield cs, ce


def _emphasis_spans(norm: str) -> set[int]:
    """Star runs that pair up as Markdown emphasis within a line (pasted into a .txt)."""
    from govtext.readers.markdown import emphasis_delimiters

    paired: set[int] = set()
    pos = 0
    for line in norm.split("\n"):
        if "*" in line:
            delims = emphasis_delimiters(line)
            for (os_, oe), (cs, _ce) in zip(delims[0::2], delims[1::2], strict=True):
                inner = line[oe:cs]
                # Plain text only counts a pair when it wraps a short phrase: slots such as
                # "控制在**微克……控制在**微克" or "（*-*年）" have punctuation or no words between.
                if (
                    2 <= len(inner) <= 30
                    and sum(map(_is_cjk, inner)) >= 2
                    and not any(c in _PUNCT for c in inner)
                ):
                    paired.update((pos + os_, pos + cs))
        pos += len(line) + 1
    return paired


def _star_slots(doc: Document) -> Iterable[tuple[int, int]]:
    norm = doc.norm
    terms = _terms()
    if "*" not in norm:
        return
    paired = _emphasis_spans(norm) if doc.format != "markdown" else set()
    for m in _STARS.finditer(norm):
        s, e = m.span()
        if s in paired:
            continue
        line_start = norm.rfind("\n", 0, s) + 1
        line_end = norm.find("\n", e)
        line_end = len(norm) if line_end < 0 else line_end
        before = norm[line_start:s]
        nxt = norm[e] if e < len(norm) else "\n"
        prv = norm[s - 1] if s > 0 else "\n"
        if not before.strip():
            rest = norm[e:line_end]
            if (nxt == " " and rest.strip()) or (not rest.strip() and e - s >= 3):
                continue  # a bullet "* 内容" or a rule "***"
        if terms.footnote_star.search(norm[max(line_start, s - 8) : e]):
            continue  # "注：*为初步统计数"
        if not before.strip() and norm[e : e + 1] in ("为", "表", "系", "指"):
            continue  # a footnote line "*为……"
        if prv.isdigit() and nxt.isdigit():
            continue  # 3*4
        if (prv.isascii() and prv.isalpha()) or (nxt.isascii() and nxt.isalpha()):
            continue
        if (
            e - s == 1
            and nxt in "，。；、：）)”！？ \n\t,;"
            and (
                prv.isdigit()
                or (
                    (prv in UNIT_CHARS or prv in "米升克瓦时")
                    and any(c.isdigit() or c in "Xx" for c in norm[max(0, s - 4) : s])
                )
            )
        ):
            continue  # a footnote reference after a number: "减排1860吨*、"
        yield s, e


# Anchored on the slot itself (%, 元, 百分点, a measure word before punctuation), which is rare;
# the word before it is checked in code.
# Matched at anchor positions found with str.find (see textutil.positions).
_MISSING = _re.compile(
    r"(?P<pct>[%‰])"
    r"|(?P<money>元)(?!GDP|国内生产总值|地区生产总值|生产总值|增加值|户)"
    r"|(?P<points>个百分点)"
)
# "达家。", "为次，": a measure word straight after 达/为 and before punctuation.
_COUNT_AFTER = _re.compile(r"(?P<count>[个项件家次户条批])(?=[，。；、）)])")
# Words before a money unit that need an amount between them and the unit: "处罚金额万元".
_AMOUNT_NOUN_END = set("额金款资费入出值模助贴励")
_AMOUNT_NOUN = _re.compile(
    r"资金|金额|投资|投入|经费|费用|罚款|补助|补贴|总值|产值|收入|总额|利润|税收|销售额|营业额"
)
_CHANGE_VERB_END = set("长高升降低加少落大小增减")


def _missing_slots(norm: str) -> Iterable[tuple[int, int]]:
    for pos in positions(norm, ("%", "‰", "元", "个百分点", "达", "为", "共")):
        m = (
            _MISSING.match(norm, pos)
            if norm[pos] not in "达为共"
            else _COUNT_AFTER.match(norm, pos + 1)
        )
        if m is None:
            continue
        s, e = m.span()
        kind = m.lastgroup
        if kind == "money":
            for unit in ("万亿", "亿", "万", "千"):
                if norm.startswith(unit, s - len(unit)):
                    s -= len(unit)
                    break
        prev = norm[s - 1 : s]
        if (
            kind == "money"
            and prev not in _AMOUNT_NOUN_END
            and not (
                prev in "达为"
                and _AMOUNT_NOUN.search(norm, max(0, s - 10), s)
                and not norm.startswith(("以上", "左右", "级", "户"), e)
            )
        ):
            continue  # "资金将达亿元" is a slot; "人均收入达万元以上" style phrases need the noun close by
        if kind == "points" and prev not in _CHANGE_VERB_END:
            continue
        if kind == "pct":
            if not _is_cjk(prev):
                continue  # "5%", "X%": the number is there
            if norm[s - 1 : s] in "（(" or norm[e : e + 1] in "）)":
                continue  # a unit label "增长率（%）"
            line_start = norm.rfind("\n", 0, s) + 1
            if "单位:" in norm[line_start:s] or "单位：" in norm[line_start:s]:
                continue
        if (
            kind == "money"
            and norm[s - 2 : s] in ("资金", "金额", "总额", "余额")
            and norm[s - 3 : s - 2] in "超近逾上数几"
        ):
            continue
        yield s, e


_BLANK = _re.compile(
    r"(?P<line>_{2,}|＿{2,})"
    r"|(?P<circles>[○〇]{2,})"
    r"|(?P<mou>某某+)"
    r"|(?P<parens>[（(][ \u3000]*[)）])"
    r"|(?P<brackets>【[ \u3000]*】|\[[ \u3000]*\])"
)
# Single characters: str.find on one character is the fastest scan there is.
_BLANK_ANCHORS = ("_", "＿", "○", "〇", "某", "（", "(", "【", "[")
_NUMERAL_NEIGHBOURS = set("零一二三四五六七八九十百千万亿两0123456789年")

_INSTRUCTION = _re.compile(
    r"(?:"
    r"【[^】\n]{0,30}(?:待|补充|核实|填写|确认|修改|插入|删除|完善|更新|TODO|TBD)[^】\n]{0,30}】"
    r"|[（(](?:此处|这里|此段|请|待)[^）)\n]{0,40}[）)]"
    r"|\[(?:待|TBD|TODO|此处)[^\]\n]{0,30}\]"
    r"|(?:TODO|FIXME|TBD)(?![A-Za-z])[:：]?"
    r"|(?<=数据|数字|金额|数量|比例|名称|内容|时间|日期|人数|具体)(?:待核实|待补充|待确认|待定|待更新|待填写)"
    r")"
)


def _blank_slots(norm: str) -> Iterable[tuple[int, int]]:
    surnames = _terms().surnames
    last_end = -1
    for pos in positions(norm, _BLANK_ANCHORS):
        if pos < last_end:
            continue
        m = _BLANK.match(norm, pos)
        if m is None:
            continue
        s, e = m.span()
        last_end = e
        if m.lastgroup == "circles" and (
            norm[s - 1 : s] in _NUMERAL_NEIGHBOURS or norm[e : e + 1] in _NUMERAL_NEIGHBOURS
        ):
            continue  # 二○○○年: ○ is a zero
        if m.lastgroup == "mou" and norm[s - 1 : s] in surnames:
            continue  # 王某某: an anonymised name in a published case
        if m.lastgroup == "parens" and e - s == 2 and not _is_cjk(norm[s - 1 : s]):
            continue  # "()" in code or formulas
        yield s, e


def placeholders(
    doc: Document,
    *,
    extra_patterns: Sequence[str | re.Pattern[str]] = (),
    allowed_terms: Sequence[str] = (),
) -> list[Placeholder]:
    """Find unfilled placeholders in a document, in document order.

    Args:
        doc: the document.
        extra_patterns: an office's own slot patterns (regular expressions), reported as ``custom``.
        allowed_terms: an office's own names that contain X or stars (e.g. "X计划"); no slot
            inside one of them is reported.

    Example:
        >>> [p.text for p in placeholders(Document.from_text("全年完成XX万元，优良率达％，“数据要素×”"))]
        ['XX', '％']
    """
    norm = doc.norm
    found: dict[tuple[int, int], str] = {}
    for kind, spans in (
        ("instruction", _instr_slots(norm)),
        ("letter", _letter_slots(norm)),
        ("star", _star_slots(doc)),
        ("missing", _missing_slots(norm)),
        ("blank", _blank_slots(norm)),
    ):
        for s, e in spans:
            found.setdefault((s, e), kind)
    for pat in extra_patterns:
        rx = _re.compile(pat) if isinstance(pat, str) else pat
        for m in rx.finditer(norm):
            if m.end() > m.start():
                found.setdefault(m.span(), "custom")
    if allowed_terms:
        allowed = [
            (m.start(), m.end())
            for t in allowed_terms
            if t
            for m in re.finditer(re.escape(t), doc.text)
        ]
        found = {
            k: v for k, v in found.items() if not any(a <= k[0] and k[1] <= b for a, b in allowed)
        }
    # An instruction "【数据待核实】" swallows the slots inside it.
    spans = sorted(found)
    out: list[Placeholder] = []
    last_end = -1
    for s, e in spans:
        if s < last_end:
            continue
        pos = doc.position(s)
        out.append(Placeholder(doc.text[s:e], s, e, pos.line, pos.column, found[(s, e)]))
        last_end = e
    return out


_INSTRUCTION_ANCHORS = ("【", "[", "（", "(", "待", "TODO", "FIXME", "TBD")


def _instr_slots(norm: str) -> Iterable[tuple[int, int]]:
    last_end = -1
    for pos in positions(norm, _INSTRUCTION_ANCHORS):
        if pos < last_end:
            continue
        if norm[pos] in "TF" and pos > 0 and norm[pos - 1].isascii() and norm[pos - 1].isalpha():
            continue  # part of a longer Latin word
        m = _INSTRUCTION.match(norm, pos)
        if m is None:
            continue
        last_end = m.end()
        yield m.span()
