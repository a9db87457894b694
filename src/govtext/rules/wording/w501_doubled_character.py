from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from govtext import _re
from govtext.data import read_text
from govtext.rules.base import Hit, LintContext, Rule, Severity
from govtext.words import is_word

_DOUBLE = _re.compile(r"([\u4e00-\u9fff])\1")
_NUMERALS = set("零〇○一二三四五六七八九十百千万亿两")
# Distributive reduplication of places and units: 县县有图书馆, 村村通, 户户通, 人人参与.
_DISTRIBUTIVE = set("县市乡镇村户家人省区校厂店站岗处科局")
_DISTRIBUTIVE_NEXT = set("有通都皆建设落联参达配到")
# Function words that stand alone after a word ending in the same character: 目的|的|实现.
_FUNCTION_WORDS = set("的了是在有和对为将把被从向到等也都就又还再而或与及使让给以于上中下里")
# Productive suffixes that close a compound before a word starting with them: 居住国|国籍.
_SUFFIXES = set(
    "国税费率厅办股组州街港场厂店法制化性式型员者师界业品权证库网线园馆室局处科所站院校队区县市省生"
)
_NAME_HEAD = _re.compile(r"系统|平台|APP|App|app|小程序|品牌|专区|服务站")
# Productive prefixes before a word that starts with the same character: 老|老人, 超|超临界.
_PREFIXES = set("超非反副准亚次总代前老大小高低多单双全半再原")
# Characters common in traditional but not in simplified writing: such texts get no doubling
# check (the word list is simplified).
_TRADITIONAL = set(
    "們國這會與為說對時個來實發動種學後經過開關係讓應當還進點體導機運黨聯區條義產業勞農萬僅紛"
)


@lru_cache(maxsize=1)
def reduplications() -> frozenset[str]:
    text = read_text("reduplications.txt")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


def _word_ends_at(text: str, end: int) -> bool:
    return any(is_word(text[end - k : end]) for k in (2, 3, 4) if end - k >= 0)


def _word_starts_at(text: str, start: int) -> bool:
    return any(is_word(text[start : start + k]) for k in (2, 3, 4) if start + k <= len(text))


def doubling_is_normal(text: str, i: int, unit_start: int = 0, unit_end: int | None = None) -> bool:
    """Whether the pair ``text[i:i+2]`` (one character twice) is normal Chinese.

    Reduplication (牢牢, 扎扎实实, 一座座, 县县有, 歇歇脚、喝喝水, 条条和块块), a word boundary
    (学习|习近平), a compound suffix or prefix (居住国|国籍, “老老人”), a free-standing particle
    (目的|的), a name (企安安系统) or a use the paragraph repeats (监管管出…管出) make it normal;
    a typo leaves one of the two characters belonging to no word.
    """
    unit_end = len(text) if unit_end is None else unit_end
    c = text[i]
    pair = text[i : i + 2]
    after = text[i + 2 : i + 3]
    before = text[i - 1 : i] if i > 0 else ""
    if c in _NUMERALS:
        return True
    if after and text[i + 3 : i + 4] == after and after != c:
        return True  # AABB: 扎扎实实, 方方面面
    if i >= 2 and text[i - 2] == before and before != c:
        return True  # the BB of AABB
    if before == "一":
        return True  # 一座座新城, 一个个村庄
    if c in _DISTRIBUTIVE and after in _DISTRIBUTIVE_NEXT:
        return True
    if _NAME_HEAD.match(text, i + 2):
        return True  # a product or programme name: 企安安系统
    window = text[max(unit_start, i - 8) : min(unit_end, i + 10)]
    if (
        len({m.group() for m in _DOUBLE.finditer(window) if "\u4e00" <= m.group()[0] <= "\u9fff"})
        >= 2
    ):
        return True  # parallel reduplications: 条条和块块, 歇歇脚、喝喝水、热热饭
    if pair in reduplications():
        return True
    quote_open = text.rfind("“", max(unit_start, i - 8), i)
    if quote_open >= 0 and "”" in text[i + 2 : i + 10] and "”" not in text[quote_open:i]:
        return True  # a short quoted term: “小小孩”, “老老人”
    left = _word_ends_at(text, i + 1)  # the first character closes a word
    right = _word_starts_at(text, i + 1)  # the second character opens a word
    if left and right:
        return True  # 学习|习近平, 共产党|党组, 饮用水|水源
    if any(
        is_word(text[s : s + k])
        for k in (3, 4)
        for s in range(max(0, i + 2 - k), i + 1)
        if s + k <= len(text)
    ):
        return True  # a longer word holds the pair: 绿油油
    if right and (c in _SUFFIXES or c in _PREFIXES):
        return True  # 居住国|国籍, 寄宿生|生活费, 超|超临界
    if left and (c in _FUNCTION_WORDS or c in _SUFFIXES):
        return True  # 目的|的; 车站|站线, 城市|市城: a place suffix heads a new compound
    # The second character's use repeats in the paragraph: 监管管出公平、管出效率; 工商结合、商商结合.
    follow = text[i + 1 : i + 3]
    repeats = text.count(follow, unit_start, unit_end) if len(follow) == 2 else 0
    return bool((left and repeats >= 2) or repeats >= 3)


class DoubledCharacter(Rule):
    """A character typed twice by mistake.

    ## What it flags
    "精准管管控", "全面面推进": the same character twice where neither a reduplicated word nor a
    word boundary explains it, so that one of the two characters belongs to no word.

    ## Why it matters
    Doubled keystrokes survive spell-checkers that only look at words; a reviewer reading aloud
    stumbles on them.

    ## Example (flagged)
    强化精准管管控，全面面推进审计信息化建设。

    ## Example (clean)
    强化精准管控，全面推进审计信息化建设。

    ## Not flagged (known traps)
    Reduplication (牢牢, 扎扎实实, 处处, 步步为营, 层层, 一座座, 县县有, 歇歇脚、喝喝水), word
    boundaries (学习|习近平, 共产党|党组, 饮用水|水源, 公安局|局长), numerals (一一, “十五五”),
    texts in traditional characters (the word list is simplified).

    ## Options
    None. The word list is jieba's dictionary (frequency ≥ 3) plus govtext's government lexicon.
    """

    code = "W501"
    name = "doubled-character"
    category = "wording"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        norm = ctx.doc.norm
        if sum(norm.count(ch) for ch in "們國這會與為說對時個") > 20:
            return  # a traditional-character text
        slots = [(p.start, p.end) for p in ctx.placeholders]
        units = ctx.units
        k = 0
        for m in _DOUBLE.finditer(norm):
            i = m.start()
            if any(s < i + 2 and i < e for s, e in slots):
                continue  # 某某 is a blank placeholder (P104), not a typo
            while k < len(units) and units[k][1] <= i:
                k += 1
            us, ue = units[k] if k < len(units) and units[k][0] <= i else (0, len(norm))
            if not doubling_is_normal(norm, i, us, ue):
                pair = ctx.doc.text[i : i + 2]
                yield Hit(
                    i, i + 2, f"疑似重复字：“{pair}”（“{ctx.doc.text[max(0, i - 2) : i + 4]}”）"
                )
