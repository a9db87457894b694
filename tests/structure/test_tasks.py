"""Task items in depth: the verb-object core, and enumerations linked to their count claims."""

from __future__ import annotations

import pytest

from govtext import Document
from govtext.pipeline import parse_document
from govtext.structure.tasks import task_core

REPORT = (
    "县林业局2024年工作总结\n"
    "一、主要工作\n"
    "全年重点抓好“三项工作”：一是持续深化“放管服”改革，压缩审批时限；二是扎实开展森林防火，"
    "实现零火情；三是学习要经常，每月集中学习两次。\n"
    "二、存在问题\n"
    "一是资金缺口较大。二是专业人才不足。\n"
)


@pytest.mark.parametrize(
    ("title", "core"),
    [
        ("持续深化“放管服”改革，压缩审批时限", "深化“放管服”改革"),
        ("扎实开展森林防火", "开展森林防火"),
        ("加强政治建设，坚决扛起管党治党政治使命", "加强政治建设"),
        ("学习要经常", None),  # the verb is the subject: no action to name
        ("资金缺口较大", None),
        ("加强", None),  # a bare verb
    ],
)
def test_task_core(title: str, core: str | None) -> None:
    assert task_core(title) == core


def test_parse_fills_cores_and_links_the_claim() -> None:
    report = parse_document(Document.from_text(REPORT), findings=False)
    cores = [t.core for t in report.tasks]
    assert cores[:3] == ["深化“放管服”改革", "开展森林防火", None]
    first = report.enumerations[0]
    assert first.claim is not None
    assert (first.claim["text"], first.claim["count"], first.claim["items"]) == ("三项工作", 3, 3)
    assert REPORT[first.claim["start"] : first.claim["end"]] == "三项工作"
    problems = next(e for e in report.enumerations if e.start > REPORT.index("二、存在问题"))
    assert problems.claim is None
