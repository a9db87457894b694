"""Slogans on text written in the genre; the seeds' slogan gold when ../shared is there."""

from __future__ import annotations

import subprocess
import sys

from govtext import Document, read
from govtext.model import Slogan
from govtext.pipeline import parse_document
from tests.conftest import ROOT, SEEDS, needs_shared

SPEECH = (
    "在全县生态环境工作会议上的讲话\n"
    "一、总体思路\n"
    "今年全局工作要始终贯穿“一条主线”（打基础、立规矩、树正气），聚焦“两大任务”（改善环境质量、"
    "服务高质量发展）。各支部要增强“四个意识”，严格落实“三会一课”制度，深化”四风”整治，"
    "对照“2+2+17+1”问题清单抓整改，开展“三比四争一创”（比学习、比业务、比作风，争当宣传员、"
    "争当守护者、争当践行者、争当志愿者，创一流业绩）。\n"
    "全局上下要聚焦一个目标，推进两项机制，开展三个创建。\n"
    "二、重点工作\n"
    "抓好“五个建设”：一是加强政治建设，筑牢思想根基；二是加强思想建设，深化理论武装；"
    "三是加强组织建设，夯实基层基础；四是加强作风建设，持续转变作风；五是加强廉政建设，守牢纪律底线。\n"
    "要深刻认识到，一条主线是统领，两大任务是重点。\n"
    "三、其他\n"
    "转发《关于开展“一源一策”整治的通知》，在“学习强国”平台开展学习，办好“六·五”环境日活动，"
    "编制“十四五”生态环境保护规划，群众反映“办事难、办事慢”问题得到解决。\n"
)


def _slogans(text: str) -> list[Slogan]:
    doc = Document.from_text(text)
    found = parse_document(doc, findings=False).slogans
    for s in found:
        assert s.text == text[s.start : s.end]
        assert (s.line, s.column) == tuple(doc.position(s.start))
    return found


def _first(found: list[Slogan], text: str) -> Slogan:
    return next(s for s in found if s.text == text)


def test_parenthesised_expansions_and_counts() -> None:
    found = _slogans(SPEECH)
    line = _first(found, "一条主线")
    assert line.kind == "formula" and line.count == 1
    assert (
        line.expansion == ("打基础", "立规矩", "树正气") and line.expansion_source == "parenthesis"
    )
    three = _first(found, "三比四争一创")
    assert three.count == 8 and three.expansion is not None and len(three.expansion) == 8
    assert _first(found, "两大任务").expansion == ("改善环境质量", "服务高质量发展")


def test_lexicon_counts_and_expansions() -> None:
    found = _slogans(SPEECH)
    awareness = _first(found, "四个意识")
    assert awareness.known and awareness.count == 4 and awareness.expansion_source == "lexicon"
    assert awareness.expansion == ("政治意识", "大局意识", "核心意识", "看齐意识")
    assert _first(found, "三会一课").count == 4
    assert _first(found, "四风").count == 4  # quoted with a misdirected ” still counts
    assert _first(found, "2+2+17+1").count == 22


def test_enumerated_expansion_and_unquoted_series() -> None:
    found = _slogans(SPEECH)
    five = _first(found, "五个建设")
    assert five.expansion_source == "enumeration" and five.expansion is not None
    assert five.expansion[0] == "加强政治建设" and len(five.expansion) == 5
    assert {"一个目标", "两项机制", "三个创建"} <= {s.text for s in found if not s.known}


def test_later_mentions_keep_the_expansion_the_report_gave() -> None:
    found = [s for s in _slogans(SPEECH) if s.text == "一条主线"]
    assert len(found) == 2
    assert found[1].expansion == ("打基础", "立规矩", "树正气")


def test_titles_names_dates_periods_and_complaints_are_not_slogans() -> None:
    texts = {s.text for s in _slogans(SPEECH)}
    assert not texts & {"学习强国", "六·五", "十四五", "办事难、办事慢"}
    assert all("通知" not in t for t in texts)


def test_slogan_spans_are_not_metrics() -> None:
    report = parse_document(Document.from_text(SPEECH), findings=False)
    assert report.metrics == []


@needs_shared
def test_seed_expansions_required_by_the_brief() -> None:
    by_name = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
    found = parse_document(read(by_name["004"]), findings=False).slogans
    spelled = {s.text: s for s in found if s.expansion_source == "parenthesis"}
    for name, n in (
        ("一条主线", 3),
        ("两大任务", 2),
        ("五区定位", 5),
        ("三件大事", 3),
        ("五小", 5),
        ("两翼", 2),
    ):
        expansion = spelled[name].expansion
        assert expansion is not None and len(expansion) == n, (name, expansion)
    found = parse_document(read(by_name["001"]), findings=False).slogans
    three = next(s for s in found if s.text == "三比四争一创")
    assert three.expansion is not None and len(three.expansion) == 8


@needs_shared
def test_seed_slogan_gold() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_slogans.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    first = out.splitlines()[1].split()
    precision, recall = float(first[1]), float(first[3])
    assert precision >= 0.95 and recall >= 0.95, out
    assert "titles 0," in out, out


def test_a_named_principle_is_a_slogan_not_a_metric() -> None:
    from govtext import parse

    report = parse(
        Document.from_text("本市外事工作始终以和平共处五项原则为准绳，与友好城市深化交流。")
    )
    assert [(s.text, s.count) for s in report.slogans] == [("和平共处五项原则", 5)]
    assert report.metrics == []
