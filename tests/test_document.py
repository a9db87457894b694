from govtext.document import Document, normalise


def test_normalise_keeps_length_and_maps_fullwidth():
    text = "ＰＭ２．５年均值３９．８微克／立方米，同比下降５％\u00a0。\r\n第二行\r第三行"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == "PM2.5年均值39.8微克/立方米，同比下降5% 。 \n第二行\n第三行"


def test_position_counts_crlf_and_cr_as_line_ends():
    doc = Document.from_text("一、总体情况\r\n（一）工作成效\r二是推进")
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index("（一）")) == (2, 1)
    assert doc.position(doc.text.index("二是")) == (3, 1)
    assert doc.line_text(2) == "（一）工作成效"


def test_position_columns_are_code_points():
    doc = Document.from_text("各位代表：\n现在，我代表局党组报告工作。")
    assert doc.position(doc.text.index("我代表")) == (2, 4)


def test_from_text_markdown_masks_emphasis_but_keeps_offsets():
    doc = Document.from_text("## 一、总体情况\n\n全年**完成**目标任务。", format="markdown")
    assert doc.text.index("完成") == doc.norm.index("完成")
    assert "*" not in doc.norm


def test_a_report_in_traditional_script_is_read_through_simplified_characters() -> None:
    from govtext.document import normalise

    line = "一年來，全國糧食產量達到三億八千萬噸，國營工業總產值比上年增長百分之十二。"
    text = "\n".join([line] * 10)
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm.startswith(
        "一年来，全国粮食产量达到三亿八千万吨，国营工业总产值比上年增长百分之十二。"
    )
    # A simplified report that quotes a few traditional characters keeps them.
    plain = "全年地区生产总值增长5.2%，工业企业利润稳步回升，城乡居民收入继续增加。"
    quoted = "\n".join([plain, plain, "老厂区改造为文化街区，“產業”二字仍写在厂牌上。"] * 12)
    assert normalise(quoted) == quoted


def test_metrics_of_a_report_in_traditional_script() -> None:
    from govtext.extract.metrics import metrics

    text = "\n".join(["一年來，全國糧食產量達到三億八千萬噸，比上年增長百分之十二。"] * 10)
    found = metrics(Document.from_text(text))[:2]
    assert [(m.text, m.value, m.unit, m.direction) for m in found] == [
        ("三億八千萬噸", 38000.0, "万吨", "reach"),
        ("百分之十二", 12.0, "%", "increase"),
    ]
    assert found[0].indicator == "粮食产量"
