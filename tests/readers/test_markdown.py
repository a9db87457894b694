"""Markdown: syntax is masked in the normalised view; offsets stay in the original."""

from __future__ import annotations

from govtext import Document, parse

SPEECH = """# 在全县安全生产工作会议上的讲话

同志们：

## 一、肯定成绩

今年以来，全县**安全生产形势总体平稳**，事故起数同比下降12%。

## 二、存在问题

一是**责任落实**不到位。二是隐患排查不彻底。

<!-- govtext: ignore P101 -->
全县召开会议**次，培训**人。
"""


def test_emphasis_is_formatting_and_star_slots_are_text() -> None:
    doc = Document.from_text(SPEECH, format="markdown")
    assert len(doc.norm) == len(doc.text)
    bold = doc.text.index("**安全生产")
    assert doc.norm[bold : bold + 2] == "  "
    slot = doc.text.index("**次")
    assert doc.norm[slot : slot + 3] == "**次"  # a number slot, not emphasis
    slot2 = doc.text.index("**人")
    assert doc.norm[slot2 : slot2 + 2] == "**"
    assert "govtext" not in doc.norm  # HTML comments are masked


def test_headings_come_from_hashes_and_markers() -> None:
    report = parse(Document.from_text(SPEECH, format="markdown"))
    assert report.title == "在全县安全生产工作会议上的讲话"
    assert [(s.marker, s.title, s.level, s.role) for s in report.sections] == [
        ("一、", "肯定成绩", 1, "review"),
        ("二、", "存在问题", 1, "problems"),
    ]
    first = report.sections[0]
    assert report.text[first.start : first.start + 2] == "一、"
    assert [t.marker for t in report.tasks] == ["一是", "二是"]


def test_lists_quotes_links_and_code_are_masked() -> None:
    text = "- 一是完成[年度计划](http://x.cn/a)。\n> 引用内容`代码`\n\n***\n"
    doc = Document.from_text(text, format="markdown")
    assert "http" not in doc.norm and "`" not in doc.norm and ">" not in doc.norm
    assert doc.norm.strip().startswith("一是完成 年度计划")
