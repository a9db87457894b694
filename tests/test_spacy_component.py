"""The spaCy adapter: span groups with parse's offsets, record attributes, tokenizer, cats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

import govtext  # noqa: E402
import govtext.pipeline  # noqa: E402
from govtext.model import Slogan  # noqa: E402
from govtext.pipeline import parse_document  # noqa: E402
from govtext.spacy_component import (  # noqa: E402
    GROUPS,
    GovtextComponent,
    _records,
    document_themes,
    load,
)

# An invented report with the awkward cases: CRLF, full-width digits, a placeholder inside a
# jieba token ("X%"), a run-in heading, tasks, and lexicon terms.
REPORT = (
    "临江县生态环境局2024年工作总结\r\n"
    "一、主要工作\r\n"
    "（一）抓党建。严格落实“三会一课”制度，全年召开支部党员大会１２次。\r\n"
    "一是打好污染防治攻坚战，PM2.5浓度下降X%。二是全面推行河长制，完成**个断面整治。\r\n"
    "二、存在问题\r\n"
    "一是监测能力不足。二是执法力量偏弱。\r\n"
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load()


def _spans(doc: Any, group: str) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.spans["govtext_" + group]]


def test_spans_have_the_offsets_of_parse(nlp: Any) -> None:
    doc = nlp(REPORT)
    assert doc.text == REPORT
    report = parse_document(govtext.Document.from_text(REPORT), themes=True)
    assert report.sections and report.tasks and report.placeholders and report.findings
    for group in GROUPS:
        expected = [(s, e) for s, e, _ in _records(report, group)]
        assert _spans(doc, group) == expected, group
    # "X%" was one jieba token; the placeholder X is now a token of its own.
    assert "X" in [t.text for t in doc] and "%" in [t.text for t in doc]


def test_spans_carry_the_records(nlp: Any) -> None:
    doc = nlp(REPORT)
    report = parse_document(govtext.Document.from_text(REPORT), themes=True)
    tasks = doc.spans["govtext_tasks"]
    assert [s._.govtext for s in tasks] == [t.to_dict() for t in report.tasks]
    assert tasks[0]._.govtext["marker"] == "一是" and tasks[0].text.startswith("一是打好")
    heading = doc.spans["govtext_headings"][0]
    assert heading.text == "一、主要工作" and heading._.govtext["title"] == "主要工作"
    findings = doc.spans["govtext_findings"]
    assert {s.label_ for s in findings} >= {"P101", "P102"}
    assert all(s._.govtext["code"] == s.label_ for s in findings)
    placeholder = doc.spans["govtext_placeholders"][0]
    assert placeholder.text == "X" and placeholder._.govtext["kind"] == placeholder.label_


def test_ranked_indicators_are_a_pipe_setting() -> None:
    text = "区水利局2024年工作总结\n全年疏浚河道86公里，加固堤防32公里。\n"
    got = {}
    for mode in ("rules", "ranked"):
        nlp = spacy.blank("zh")
        nlp.add_pipe("govtext", config={"findings": False, "themes": False, "indicators": mode})
        doc = nlp(text)
        got[mode] = [s._.govtext["indicator"] for s in doc.spans["govtext_metrics"]]
    assert got == {"rules": ["疏浚河道", "加固堤防"], "ranked": ["河道", "堤防"]}


def test_tokenizer_keeps_lexicon_terms_and_the_exact_text(nlp: Any) -> None:
    text = "坚决打好污染防治攻坚战 落实“三会一课”\u3000制度。\n"
    doc = nlp.make_doc(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert "污染防治攻坚战" in words and "三会一课" in words and "\u3000" in words
    assert doc[words.index("污染防治攻坚战")].whitespace_ == " "


def test_the_pipe_works_on_any_chinese_tokenizer() -> None:
    report = parse_document(govtext.Document.from_text(REPORT), themes=True)
    for config in ({}, {"nlp": {"tokenizer": {"segmenter": "jieba"}}}):
        nlp = spacy.blank("zh", config=config)
        nlp.add_pipe("govtext", config={"findings": False})
        doc = nlp(REPORT)
        assert _spans(doc, "tasks") == [(t.start, t.end) for t in report.tasks]
        assert _spans(doc, "placeholders") == [(p.start, p.end) for p in report.placeholders]
        assert list(doc.spans["govtext_findings"]) == []


def test_slogans_and_metrics_are_picked_up_when_the_parse_has_them(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = govtext.pipeline.parse_document

    def with_slogans(doc: Any, **kw: Any) -> Any:
        report = original(doc, **kw)
        start = doc.text.index("三会一课")
        pos = doc.position(start)
        report.slogans = [
            Slogan("三会一课", start, start + 4, pos.line, pos.column, "formula", 4, "三会一课")
        ]
        return report

    monkeypatch.setattr(govtext.pipeline, "parse_document", with_slogans)
    doc = nlp(REPORT)
    (span,) = doc.spans["govtext_slogans"]
    assert span.text == "三会一课" and span._.govtext["kind"] == "formula"


def test_document_themes_go_to_cats(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    original = govtext.pipeline.parse_document
    scores = {"s1": {"pollution_control": 0.8, "party_building": 0.2}, "s3": {"general": 1.0}}

    def with_themes(doc: Any, **kw: Any) -> Any:
        report = original(doc, **kw)
        report.sections = [s._replace(themes=scores.get(s.id)) for s in report.sections]
        return report

    monkeypatch.setattr(govtext.pipeline, "parse_document", with_themes)
    doc = nlp(REPORT)
    report = with_themes(govtext.Document.from_text(REPORT))
    top = [s for s in report.sections if s.level == 1]
    w1, w2 = top[0].end - top[0].start, top[1].end - top[1].start
    assert doc.cats == pytest.approx(
        {
            "general": w2 / (w1 + w2),
            "party_building": 0.2 * w1 / (w1 + w2),
            "pollution_control": 0.8 * w1 / (w1 + w2),
        }
    )
    assert document_themes(parse_document(govtext.Document.from_text(REPORT), themes=False)) is None


def test_round_trip_through_disk(nlp: Any, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert again.pipe_names == ["govtext"]
    a, b = nlp(REPORT), again(REPORT)
    assert [t.text for t in a] == [t.text for t in b]
    assert _spans(a, "sections") == _spans(b, "sections")


def test_pipe_over_many_texts_and_bad_config(nlp: Any) -> None:
    docs = list(nlp.pipe([REPORT, "一是抓落实。二是抓整改。", ""]))
    assert [len(d.spans["govtext_tasks"]) for d in docs] == [4, 2, 0]
    with pytest.raises(ValueError, match="unknown span groups"):
        GovtextComponent(nlp, groups=["sections", "entities"])


def test_core_never_imports_spacy() -> None:
    code = (
        "import sys, govtext\n"
        "from govtext.pipeline import parse_document\n"
        "parse_document(govtext.Document.from_text('一、工作\\n一是抓党建。'))\n"
        "govtext.segment('测试'); govtext.keywords('污染防治攻坚战', 3)\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_docstring_examples() -> None:
    import doctest

    import govtext.spacy
    import govtext.spacy_component

    for module in (govtext.spacy, govtext.spacy_component):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
