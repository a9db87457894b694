"""Review comments (批注) in a copy of the user's Word file, one per finding, anchored on the
flagged text; the copy keeps exactly the original paragraph text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx

from govtext import read
from govtext.annotate import annotate_docx, fix_docx
from govtext.lint import lint
from tests.conftest import SEEDS, needs_shared
from tests.docx_builder import build_docx

LINES = [
    "县审计局2024年工作总结",
    "一、主要工作",
    "全年完成审计项目XX个，查出问题金额X.X亿元，审计建议采纳率达％。",
    "严格落实”第一议题”制度，一是抓学习。二是抓调研。二是抓服务。",
    "二、下步打算",
    "继续做好各项工作。",
]


def _paragraph_texts(path: Path) -> list[str]:
    return [p.text for p in open_docx(str(path)).paragraphs]


def _comments(path: Path) -> list[str]:
    doc = open_docx(str(path))
    return [c.text for c in doc.comments]


def _anchored_texts(path: Path) -> list[str]:
    """The text between each commentRangeStart and commentRangeEnd, read from the XML."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for el in root.iter():
        if el.tag == ns + "commentRangeStart":
            open_ids.append(el.get(ns + "id"))
            out[el.get(ns + "id")] = []
        elif el.tag == ns + "commentRangeEnd":
            open_ids.remove(el.get(ns + "id"))
        elif el.tag == ns + "t" and el.text:
            for cid in open_ids:
                out[cid].append(el.text)
    return ["".join(v) for _, v in sorted(out.items(), key=lambda kv: int(kv[0]))]


def test_one_comment_per_finding_on_the_flagged_text(tmp_path: Path) -> None:
    src = build_docx(tmp_path / "draft.docx", LINES)
    before = src.read_bytes()
    findings = lint(read(src))
    out = tmp_path / "draft.reviewed.docx"
    n = annotate_docx(str(src), findings, str(out))
    assert n == len(findings) == 5
    assert src.read_bytes() == before  # the input is never modified
    assert _paragraph_texts(out) == _paragraph_texts(src)
    comments = _comments(out)
    assert len(comments) == 5 and comments[0].startswith("P101 ")
    assert _anchored_texts(out) == [f.text for f in findings]


def test_annotate_refuses_to_overwrite_input(tmp_path: Path) -> None:
    src = build_docx(tmp_path / "draft.docx", LINES)
    with pytest.raises(Exception, match="overwrite"):
        annotate_docx(str(src), lint(read(src)), str(src))


def test_finding_on_a_rendered_list_number_is_anchored_on_its_paragraph(tmp_path: Path) -> None:
    lines = ["一、主要工作", "1、党建工作", "正文较长的一段说明文字，介绍全年的党建工作情况。"]
    src = build_docx(tmp_path / "num.docx", lines, numbering=True)
    findings = lint(read(src), select=["S205"])  # on the marker "1、", which Word renders
    assert [f.text for f in findings] == ["1、"]
    out = tmp_path / "num.reviewed.docx"
    assert annotate_docx(str(src), findings, str(out)) == 1
    assert _paragraph_texts(out) == _paragraph_texts(src)
    assert _anchored_texts(out) == ["党建工作"]


def test_fix_docx_turns_quotes_in_a_copy(tmp_path: Path) -> None:
    src = build_docx(tmp_path / "draft.docx", LINES)
    out = tmp_path / "draft.fixed.docx"
    assert fix_docx(str(src), lint(read(src)), str(out)) == 1
    texts = _paragraph_texts(out)
    assert "严格落实“第一议题”制度" in texts[3]
    assert "XX" in texts[2]


@needs_shared
def test_annotated_copy_of_a_seed(tmp_path: Path) -> None:
    text = (SEEDS / "002_35ef2daec24acfb0.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    src = build_docx(tmp_path / "seed.docx", lines, numbering=True)
    findings = lint(read(src))
    assert sum(f.code == "P101" for f in findings) >= 60
    out = tmp_path / "seed.reviewed.docx"
    assert annotate_docx(str(src), findings, str(out)) == len(findings)
    assert _paragraph_texts(out) == _paragraph_texts(src)
    assert len(_comments(out)) == len(findings)
    anchored = _anchored_texts(out)
    assert sum(a == f.text for a, f in zip(anchored, findings, strict=True)) >= len(findings) - 2
