"""Heading tree, run-in titles, unmarked headings, roles, paragraphs, sentences, boilerplate."""

from __future__ import annotations

from govtext import Document, parse

REPORT = """下载 打印 全屏 收藏 字号
临川县交通运输局2024年工作总结
本文系作者原创投稿，仅供学习参考，请勿照搬照抄！

2024年，县交通运输局坚持稳中求进，各项工作取得新成效。现将有关情况报告如下：
一、2024年工作完成情况
（一）基础设施建设提速。全年完成交通固定资产投资8.6亿元。一是国省干线改造有序推进。二是农村公路提档升级。
1、干线公路
G318改线工程完成路基工程量的85%。
2、农村公路
（1）新改建农村公路126公里。
（2）实施危桥改造9座。
（二）运输服务保障有力。全年完成客运量320万人次。
二、存在问题与不足
一是养护资金缺口较大。
二是基层站所人员老化。
三、2025年工作打算
1、加快项目建设。首先，抓好前期工作；其次，强化要素保障；最后，严格质量监管。
2、提升服务水平。重点做好①城乡公交一体化；②农村物流网点建设。
特此报告。
"""


def test_heading_tree_levels_parents_and_titles() -> None:
    report = parse(Document.from_text(REPORT))
    got = [(s.marker, s.title, s.level, s.parent) for s in report.sections]
    assert got == [
        ("一、", "2024年工作完成情况", 1, None),
        ("（一）", "基础设施建设提速", 2, "s1"),
        ("1、", "干线公路", 3, "s2"),
        ("2、", "农村公路", 3, "s2"),
        ("（1）", "新改建农村公路126公里", 4, "s4"),
        ("（2）", "实施危桥改造9座", 4, "s4"),
        ("（二）", "运输服务保障有力", 2, "s1"),
        ("二、", "存在问题与不足", 1, None),
        ("三、", "2025年工作打算", 1, None),
        ("1、", "加快项目建设", 2, "s9"),  # "1、" straight under "三、"
        ("2、", "提升服务水平", 2, "s9"),
    ]
    assert [s.role for s in report.sections if s.level == 1] == ["review", "problems", "plan"]
    assert report.title == "临川县交通运输局2024年工作总结"


def test_spans_cover_sections_and_run_in_headings() -> None:
    report = parse(Document.from_text(REPORT))
    text = report.text
    s2 = report.sections[1]
    assert text[s2.start : s2.heading_end] == "（一）基础设施建设提速。"
    assert s2.run_in
    assert text[s2.title_start : s2.title_end] == "基础设施建设提速"
    assert text[s2.start : s2.end].rstrip().endswith("实施危桥改造9座。")
    assert report.sections[7].line == 14
    first_body = next(p for p in report.paragraphs if p.section == "s2")
    assert text[first_body.start : first_body.end].startswith("全年完成交通固定资产投资8.6亿元。")


def test_boilerplate_is_kept_out_of_content() -> None:
    report = parse(Document.from_text(REPORT))
    kinds = [(b.kind, b.line) for b in report.boilerplate]
    assert kinds == [("furniture", 1), ("disclaimer", 3)]
    assert all("原创投稿" not in report.text[p.start : p.end] for p in report.paragraphs)


def test_paragraph_roles_and_sentences() -> None:
    report = parse(Document.from_text(REPORT))
    roles = [p.role for p in report.paragraphs]
    assert roles[0] == "preamble" and roles[-1] == "closing"
    first = report.paragraphs[0]
    sents = [report.text[s.start : s.end] for s in report.sentences if s.paragraph == first.id]
    assert sents == [
        "2024年，县交通运输局坚持稳中求进，各项工作取得新成效。",
        "现将有关情况报告如下：",
    ]


def test_unmarked_heading_between_paragraphs() -> None:
    text = (
        "一、主要工作\n全年各项工作进展顺利，完成了年初确定的目标任务，群众满意度明显提升。\n"
        "存在的不足\n基层力量依然薄弱，部分项目推进缓慢，资金保障压力较大，需要在明年着力解决。\n"
        "二、下一步打算\n继续抓好重点项目建设，确保完成年度任务。\n"
    )
    report = parse(Document.from_text(text))
    assert [(s.title, s.style, s.level, s.parent) for s in report.sections] == [
        ("主要工作", "cn", 1, None),
        ("存在的不足", "unmarked", 2, "s1"),
        ("下一步打算", "cn", 1, None),
    ]


def test_nested_list_restarting_at_one_nests_under_the_later_item() -> None:
    text = (
        "一、总体要求\n坚持稳中求进。\n二、主要任务\n抓好以下工作：\n"
        "一、节约能源，降低消耗；\n二、改革产品结构，提高质量；\n三、加强管理\n三、保障措施\n加强组织领导。\n"
    )
    report = parse(Document.from_text(text))
    assert [(s.marker, s.level) for s in report.sections] == [
        ("一、", 1),
        ("二、", 1),
        ("一、", 2),
        ("二、", 2),
        ("三、", 2),
        ("三、", 1),
    ]


def test_ranges_and_decimals_are_not_markers() -> None:
    text = "一、二季度经济运行平稳，增长5.2%。\n1.5万人次参加培训。\n（一）工作回顾\n正文内容较长的一段话，用来说明情况。"
    report = parse(Document.from_text(text))
    assert [s.marker for s in report.sections] == ["（一）"]


def test_blank_line_layout_joins_link_fragments() -> None:
    text = (
        "各位代表：\n\n一、过去一年的工作\n\n\n会议审议通过了《\n国民经济发展纲要\n》，各项工作有序推进。\n\n"
        "第一，\n加快农业发展，稳定粮食生产。\n\n第二，\n调整工业结构。\n\n二、今年的任务\n\n继续推进改革开放。\n"
    )
    report = parse(Document.from_text(text))
    assert [s.title for s in report.sections] == ["过去一年的工作", "今年的任务"]
    bodies = [report.text[p.start : p.end] for p in report.paragraphs]
    assert bodies[1].startswith("会议审议通过了《\n国民经济发展纲要\n》")
    assert [t.marker for t in report.tasks] == ["第一", "第二"]
    assert report.tasks[0].title == "加快农业发展，稳定粮食生产"


def test_empty_and_whitespace_documents_parse_to_nothing() -> None:
    for text in ["", "   \n\n", "特此报告。"]:
        report = parse(Document.from_text(text))
        assert report.sections == [] and report.tasks == []


def test_a_salutation_with_a_zero_width_joiner_is_not_the_title() -> None:
    # Web copies leave U+200D after the colon; it must not hide the colon from the title test.
    text = "各位代表：\u200d\n\n现在，我代表县人民政府，向大会报告工作，请予审议。\n\n一、过去一年的工作\n\n全县生产总值增长5.2%。\n"
    report = parse(Document.from_text(text))
    assert report.title is None
    assert report.sections[0].title == "过去一年的工作"
    assert Document.from_text(text).norm[5] == " "
