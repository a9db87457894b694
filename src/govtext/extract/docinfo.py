"""The year and the region a report states about itself, for corpus tables.

Precision first: a value comes only from a place where reports state it, and ``None`` is the
answer when none of them does. Each value carries its source, so a researcher can keep only
what the text says.

Year, in this order:

``title``
    the first year in the title: "2025年北京市政府工作报告", "领导班子2019年度工作报告",
    "市生态环境保护局2022年工作总结及2023年工作谋划" (the year summarised, as the title names it).
``date``
    a full date among the first lines ("——2024年3月5日在第十四届全国人民代表大会……",
    "（2023年3月13日……通过）") or a date standing alone on one of the last lines (a signature).
``heading``
    a heading that only a government work report has: "2025年政府工作任务",
    "2018年经济社会发展总体要求和政策取向", "2017年工作总体部署", "对2018年政府工作的建议".
    ("2025年工作打算" is not used: in a 2024 summary it names the next year.)
``opening``
    the first line of running text (after the title and a salutation such as "同志们：") starts
    "2021年，……", "2021年以来" or "2024年是……": a summary's first sentence names its year.
``path``
    the file name holds exactly one year as a separate token ("003_2022.txt").

Region: the issuing body named at the start of the title ("临江县审计局2024年工作总结" → 临江县,
"2025年广东省政府工作报告" → 广东省, "中共临江县委……" → 临江县), the byline
("在北京市第十六届人民代表大会……", "广东省省长 王伟中") or the opening ("我代表临江县人民政府");
the State Council ("我代表国务院", "国务院总理", a resolution of the 全国人民代表大会) → ``全国``.
The source is ``title`` or ``opening`` (the first eight lines: byline, salutation, first sentence).
Names with a stand-in ("XX县", "某市", "市生态环境局" without a name) give ``None``.

Not re-exported from :mod:`govtext.extract`: compiling these patterns takes ~20 ms, which the
linter's cold start must not pay.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import NamedTuple

from govtext.document import Document, normalise

NATIONAL = "全国"
_HEAD_LINES = 8
_TAIL_LINES = 5

_YEAR = r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})\s*年"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_YEAR = r"([〇○零一二三四五六七八九]{4})\s*年"
_MONTH_DAY = r"\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"

_TITLE_YEAR = re.compile(_YEAR)
_DATE = re.compile(rf"(?:{_YEAR}|{_CN_YEAR}){_MONTH_DAY}")
_DATE_LINE = re.compile(rf"^[\s（(—－-]*(?:{_YEAR}|{_CN_YEAR}){_MONTH_DAY}[\s）)]*$")
_HEADING_YEAR = re.compile(
    rf"^(?:对)?{_YEAR}(?:度)?(?:的)?(?:经济社会发展(?:的)?总体要求|政府工作任务|工作总体部署|政府工作的建议)"
)
_OPENING_YEAR = re.compile(rf"^{_YEAR}(?:度)?(?:，|,|以来|是)")
_SALUTATION = re.compile(r"^[^，。,]{1,12}[：:！!]$")
_PATH_YEAR = re.compile(r"(?<![0-9A-Za-z])(1[89][0-9]{2}|20[0-9]{2})(?![0-9A-Za-z])")

# A character of a place name: CJK, but not a unit suffix, an organ word or a stand-in (某).
_N = r"(?:(?![局厅委办院会部处所站队组司署某省市县区旗盟])[\u4e00-\u9fff])"
_REGION = (
    rf"(?:{_N}{{2,7}}?(?:省|自治区|特别行政区))?"
    rf"(?:{_N}{{1,7}}?(?:市|自治州|地区|盟))?"
    rf"(?:{_N}{{1,7}}?(?:自治县|县|区|旗|市))?"
)
_ORGAN = (
    r"(?:人民政府|政府|人民代表大会|人大|政协|委员会|党委|纪委"
    r"|[\u4e00-\u9fff]{0,10}?(?:局|厅|委|办公室|办|中心|院|署|处|所|站|队))"
)
_TITLE_REGION = re.compile(
    rf"^(?:{_YEAR}(?:度)?)?(?:中共|中国共产党|关于)?(?P<region>{_REGION})(?={_ORGAN})"
)
_BYLINE_REGION = (
    re.compile(rf"在(?P<region>{_REGION})第[一二三四五六七八九十百0-9]+届人民代表大会"),
    re.compile(rf"^(?P<region>{_REGION})(?:人民政府)?(?:省长|市长|县长|区长|州长|旗长|盟长|主席)"),
)
_OPENING_REGION = re.compile(rf"我代表(?P<region>{_REGION})(?:人民政府|政府)")
_NATIONAL_TITLE = re.compile(
    rf"^(?:{_YEAR}(?:度)?)?(?:中华人民共和国)?国务院|^第[一二三四五六七八九十]+届全国人民代表大会"
)
_NATIONAL_HEAD = re.compile(
    r"我代表国务院|国务院总理|^第[一二三四五六七八九十]+届全国人民代表大会"
    r"|在第[一二三四五六七八九十]+届全国人民代表大会第[一二三四五六七八九十]+次会议上"
)


class DocInfo(NamedTuple):
    """What a report states about itself; each ``*_source`` names where the value was read."""

    year: int | None
    year_source: str | None
    region: str | None
    region_source: str | None


def _year_of(m: re.Match[str]) -> int | None:
    """The year of a match of ``_YEAR`` (group 1) or ``_CN_YEAR`` (group 2, "二〇二四")."""
    if m.group(1):
        return int(m.group(1))
    if m.lastindex and m.lastindex >= 2 and m.group(2):
        value = 0
        for ch in m.group(2):
            value = value * 10 + _CN_DIGITS[ch]
        return value if 1800 <= value <= 2099 else None
    return None


def _lines(norm: str) -> list[str]:
    return [line.strip() for line in norm.split("\n") if line.strip()]


def _first_sentence_line(lines: list[str], title: str | None) -> str | None:
    """The first line of running text: not the title, not a salutation ("同志们：")."""
    norm_title = normalise(title).strip() if title else None
    for line in lines[:4]:
        if line == norm_title or _SALUTATION.match(line):
            continue
        return line
    return None


def _clean_region(name: str | None) -> str | None:
    return name if name and len(name) >= 2 else None


def doc_year(
    doc: Document, *, title: str | None = None, headings: Iterable[str] = (), from_path: bool = True
) -> tuple[int | None, str | None]:
    """The year a report is named for and where it was read (see the module docstring).

    Args:
        doc: the report.
        title: its title (``ParsedReport.title``), when it has one.
        headings: its section titles, in document order.
        from_path: fall back on a year token in the file name.
    """
    if title:
        m = _TITLE_YEAR.search(normalise(title))
        if m:
            return int(m.group(1)), "title"
    lines = _lines(doc.norm)
    for line in lines[:_HEAD_LINES]:
        m = _DATE.search(line[:200])
        if m and (year := _year_of(m)):
            return year, "date"
    for heading in headings:
        m = _HEADING_YEAR.match(normalise(heading).strip())
        if m:
            return int(m.group(1)), "heading"
    first = _first_sentence_line(lines, title)
    if first is not None:
        m = _OPENING_YEAR.match(first)
        if m:
            return int(m.group(1)), "opening"
    for line in lines[-_TAIL_LINES:]:
        m = _DATE_LINE.match(line)
        if m and (year := _year_of(m)):
            return year, "date"
    if from_path and doc.path:
        stem = os.path.splitext(os.path.basename(doc.path))[0]
        found = _PATH_YEAR.findall(stem)
        if len(found) == 1:
            return int(found[0]), "path"
    return None, None


def doc_region(doc: Document, *, title: str | None = None) -> tuple[str | None, str | None]:
    """The region of the issuing body and where it was read (see the module docstring)."""
    lines = _lines(doc.norm)[:_HEAD_LINES]
    if title:
        norm_title = normalise(title).strip()
        if _NATIONAL_TITLE.search(norm_title):
            return NATIONAL, "title"
        m = _TITLE_REGION.match(norm_title)
        if m and (region := _clean_region(m.group("region"))):
            return region, "title"
    for line in lines:
        for pattern in (*_BYLINE_REGION, _OPENING_REGION):
            m = pattern.search(line)
            if m and (region := _clean_region(m.group("region"))):
                return region, "opening"
    for line in lines:
        if _NATIONAL_HEAD.search(line):
            return NATIONAL, "opening"
    return None, None


def doc_info(
    doc: Document, *, title: str | None = None, headings: Iterable[str] = (), from_path: bool = True
) -> DocInfo:
    """Year and region of a report with their sources (``None`` when the text does not say)."""
    year, year_source = doc_year(doc, title=title, headings=headings, from_path=from_path)
    region, region_source = doc_region(doc, title=title)
    return DocInfo(year, year_source, region, region_source)
