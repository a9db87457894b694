"""Property-based: any string parses without an exception and every span lies inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext import Document, parse
from govtext.report import ParsedReport

# Characters that drive the segmenter: markers, punctuation, line ends, full-width forms, stars.
SINGLE = list(
    "一二三四五六七八九十是第（）()、，。；：！？“”《》【】 \n\r\t\u3000\u200bXx*%％１２3.．①②⑴⒈"
)
WORDS = [
    "首先，",
    "其次，",
    "最后，",
    "附件",
    "章",
    "节",
    "部分",
    "本作品是中华人民共和国的",
    "**",
    "\n\n",
    "万",
    "亿元",
    "个",
    "增长",
    "下降",
    "同比",
    "左右",
    "分别",
    "“四个意识”",
    "（打基础、立规矩）",
    "三会一课",
    "2+2",
    "20XX年",
    "达％",
]
PIECES = st.sampled_from([*SINGLE, *WORDS]) | st.characters(codec="utf-8")
MD_PIECES = PIECES | st.sampled_from(
    ["# ", "## ", "- ", "> ", "`", "[a](b)", "<!--", "-->", "_", "\n```\n"]
)


def texts(pieces: st.SearchStrategy[str], max_pieces: int) -> st.SearchStrategy[str]:
    return st.lists(pieces, max_size=max_pieces).map("".join)


def _check_spans(report: ParsedReport) -> None:
    n = len(report.text)
    lists = [
        report.sections,
        report.paragraphs,
        report.sentences,
        report.tasks,
        report.enumerations,
        report.boilerplate,
        report.slogans,
        report.metrics,
        report.placeholders,
        report.findings,
    ]
    for items in lists:
        for el in items:
            assert 0 <= el.start <= el.end <= n  # type: ignore[attr-defined]
            if (hasattr(el, "text") and not hasattr(el, "kind")) or hasattr(el, "indicator"):
                assert el.text == report.text[el.start : el.end]  # type: ignore[attr-defined]
            pos = report.doc.position(el.start)  # type: ignore[attr-defined]
            assert (el.line, el.column) == (pos.line, pos.column)  # type: ignore[attr-defined]
    ids = {s.id for s in report.sections}
    for s in report.sections:
        assert s.parent is None or s.parent in ids
        assert s.start <= s.heading_end <= s.end or s.heading_end <= s.end
    for t in report.tasks:
        assert t.section is None or t.section in ids
        assert t.start <= t.title_start <= t.title_end <= n


@settings(max_examples=300, deadline=None)
@given(texts(PIECES, 200))
def test_any_text_parses_with_spans_inside(text: str) -> None:
    _check_spans(parse(Document.from_text(text)))


@settings(max_examples=150, deadline=None)
@given(texts(MD_PIECES, 150))
def test_any_markdown_parses_with_spans_inside(text: str) -> None:
    doc = Document.from_text(text, format="markdown")
    assert len(doc.norm) == len(doc.text)
    _check_spans(parse(doc))
