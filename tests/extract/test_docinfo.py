"""Year and region a report states about itself: each source, and null when the text is silent."""

from __future__ import annotations

import pytest

from govtext import Document, parse
from govtext.extract.docinfo import NATIONAL, doc_info
from tests.conftest import SEEDS, needs_shared


def _info(text: str, path: str | None = None) -> tuple[object, ...]:
    doc = Document(text, path=path)
    report = parse(doc)
    return tuple(doc_info(doc, title=report.title, headings=[s.title for s in report.sections]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "临江县审计局2024年工作总结\n\n一、主要工作\n全年完成审计项目26个。\n",
            (2024, "title", "临江县", "title"),
        ),
        (
            "2025年江川市人民政府工作报告\n\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n",
            (2025, "title", "江川市", "title"),
        ),
        (
            "中共临江县委2023年度落实全面从严治党主体责任情况报告\n\n一、履行职责情况\n",
            (2023, "title", "临江县", "title"),
        ),
        (
            "江南省北湖市东城区财政局2022年工作总结及2023年工作谋划\n\n一、工作完成情况\n",
            (2022, "title", "江南省北湖市东城区", "title"),
        ),
        (
            # No year in the title: the date line under it; the region from the byline.
            "政府工作报告\n——2024年1月16日在江南省第十四届人民代表大会第二次会议上\n"
            "江南省省长　张某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n",
            (2024, "date", "江南省", "opening"),
        ),
        (
            # A government work report without title or date: its task heading names the year.
            "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2024年工作回顾\n过去一年……\n"
            "二、2025年经济社会发展总体要求和政策取向\n今年发展主要预期目标是……\n"
            "三、2025年政府工作任务\n（一）大力提振消费。\n",
            (2025, "heading", NATIONAL, "opening"),
        ),
        (
            # A summary without title: its first sentence names the year.
            "同志们：\n2023年，在县委、县政府的坚强领导下，全局上下真抓实干。\n一、主要工作\n",
            (2023, "opening", None, None),
        ),
        (
            # The review heading of a government report is the previous year: not used.
            "各位代表：\n现在，我代表国务院作政府工作报告。\n一、2005年工作回顾\n2005年，我国经济平稳发展。\n",
            (None, None, NATIONAL, "opening"),
        ),
        (
            # A plan heading in a summary names the next year: not used either.
            "县统计局工作总结\n\n一、主要工作\n统计调查扎实开展。\n二、2025年工作打算\n夯实基层基础。\n",
            (None, None, None, None),
        ),
        (
            # Stand-ins are not names; a template year is not a year.
            "XX县审计局20XX年工作总结\n\n一、主要工作\n完成审计项目XX个。\n",
            (None, None, None, None),
        ),
        (
            "某市生态环境局工作总结\n\n一、主要工作\n深入打好污染防治攻坚战。\n",
            (None, None, None, None),
        ),
        (
            # A signature date on the last line.
            "关于2024年度述职述廉的报告\n\n一、履职情况\n认真履行职责。\n\n临江县水务局\n2025年1月8日\n",
            (2024, "title", None, None),
        ),
        (
            "述职述廉报告\n\n一、履职情况\n认真履行职责。\n\n临江县水务局\n二〇二五年一月八日\n",
            (2025, "date", None, None),
        ),
        (
            # Full-width digits read as digits.
            "临江县教育局２０２３年工作总结\n\n一、主要工作\n",
            (2023, "title", "临江县", "title"),
        ),
    ],
)
def test_year_and_region(text: str, expected: tuple[object, ...]) -> None:
    assert _info(text) == expected


def test_year_from_the_file_name_only_as_a_separate_token() -> None:
    text = "各位代表：\n现在，我代表国务院向大会作政府工作报告。\n一、过去五年工作回顾\n"
    assert _info(text, "corpus/017_2016.txt")[:2] == (2016, "path")
    assert _info(text, "corpus/2016年报告.txt")[:2] == (2016, "path")
    # A hash in the name is not a year, nor is a name with two years.
    assert _info(text, "seeds/000_a2019b7f.txt")[:2] == (None, None)
    assert _info(text, "cmp_2015_2016.txt")[:2] == (None, None)


def test_organ_words_are_not_place_names() -> None:
    # "市审计局城区分局" has no place name before 市: nothing is made up from the organ words.
    assert _info("市审计局城区分局2024年工作总结\n\n一、主要工作\n")[2:] == (None, None)
    # A local report that mentions the State Council in its body is not national.
    text = "临江县发改局2024年工作总结\n\n一、主要工作\n认真落实国务院大督查反馈意见。\n"
    assert _info(text)[2:] == ("临江县", "title")


@needs_shared
def test_seed_years() -> None:
    from govtext import read

    years = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read(path)
        report = parse(doc)
        years[path.name[:3]] = doc_info(doc, title=report.title, from_path=False)[:2]
    assert years == {
        "000": (2019, "title"),
        "001": (2022, "title"),
        "002": (2021, "opening"),
        "003": (2019, "title"),
        "004": (2021, "opening"),
    }
