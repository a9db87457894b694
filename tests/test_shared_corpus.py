"""Integration on ../shared: the seeds' structure (read and checked by hand, stored as hashes so
no text of theirs is copied here), the 72 national texts, and format conversions of a seed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from govtext import Document, parse, read
from tests.conftest import ROOT, SEEDS, needs_shared, seed_paths
from tests.docx_builder import build_docx

GOLD = json.loads((ROOT / "tests" / "data" / "seed_structure.json").read_text(encoding="utf-8"))


def _h(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _structure(report) -> list[tuple]:  # type: ignore[no-untyped-def]
    line_of = {s.id: s.line for s in report.sections}
    return [(s.line, s.marker, s.level, line_of.get(s.parent), s.title) for s in report.sections]


@needs_shared
@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_headings_tasks_and_enumerations(name: str) -> None:
    gold = GOLD[name]
    report = parse(read(SEEDS / name))
    assert (_h(report.title) if report.title else None) == gold["title_sha1"]
    got = [
        [s.line, s.marker, s.level, parent, len(title), _h(title), s.role]
        for s, (_, _, _, parent, title) in zip(report.sections, _structure(report), strict=True)
    ]
    assert got == gold["sections"]
    assert [[t.line, t.marker] for t in report.tasks] == gold["tasks"]
    assert [e.count for e in report.enumerations] == gold["enumeration_sizes"]


@needs_shared
def test_004_review_items_form_one_enumeration_of_five() -> None:
    report = parse(read(SEEDS / "004_685f8029cb9e22ac.txt"))
    review = next(s for s in report.sections if s.level == 1 and s.role == "review")
    enums = [e for e in report.enumerations if e.section == review.id]
    assert len(enums) == 1 and enums[0].count == 5
    lines = [t.line for t in report.tasks if t.enumeration == enums[0].id]
    assert lines == sorted(set(lines)) and len(lines) == 5  # one item per paragraph


@needs_shared
def test_004_repeated_item_stays_in_its_enumeration() -> None:
    report = parse(read(SEEDS / "004_685f8029cb9e22ac.txt"))
    sixth = next(
        s for s in report.sections if s.marker == "（六）" and s.level == 2 and s.role == "plan"
    )
    markers = [t.marker for t in report.tasks if t.section == sixth.id]
    assert markers == ["一是", "二是", "二是", "三是", "四是"]
    assert len({t.enumeration for t in report.tasks if t.section == sixth.id}) == 1


def test_national_corpus_parses(national: list[dict]) -> None:
    assert len(national) == 72
    for rec in national:
        report = parse(Document.from_text(str(rec["content"])))
        for s in report.sections:
            assert 0 <= s.start < s.end <= len(report.text)
        if "Public domain" in report.text:
            assert any(b.kind == "licence" for b in report.boilerplate)
        assert not any("本作品" in report.text[p.start : p.end] for p in report.paragraphs)


def test_2025_report_has_three_top_and_ten_second_level_sections(national: list[dict]) -> None:
    rec = next(r for r in national if r.get("year") == "2025")
    report = parse(Document.from_text(str(rec["content"])))
    assert sum(s.level == 1 for s in report.sections) == 3
    assert sum(s.level == 2 for s in report.sections) == 10
    assert [s.role for s in report.sections if s.level == 1] == ["review", "plan", "plan"]


def _comparable(report) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [
        (level, marker, parent, title) for (_, marker, level, parent, title) in _structure(report)
    ]


@needs_shared
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_converted_to_other_encodings_parses_the_same(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    original = parse(Document.from_text(text))
    for name, data in [
        ("gb18030", text.encode("gb18030")),
        ("utf16", text.encode("utf-16")),
        ("crlf", text.replace("\n", "\r\n").encode("utf-8")),
        ("crlf-gbk", text.replace("\n", "\r\n").encode("gbk")),
    ]:
        target = tmp_path / f"{name}.txt"
        target.write_bytes(data)
        converted = parse(read(target))
        assert _structure(converted) == _structure(original), name
        assert [(t.line, t.marker) for t in converted.tasks] == [
            (t.line, t.marker) for t in original.tasks
        ]


@needs_shared
@pytest.mark.parametrize("numbering", [False, True], ids=["typed", "autonumber"])
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_converted_to_docx_parses_the_same(
    path: Path, numbering: bool, tmp_path: Path
) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    original = parse(Document.from_text("\n".join(lines)))
    docx_path = build_docx(tmp_path / "seed.docx", lines, numbering=numbering)
    converted = parse(read(docx_path))
    assert _comparable(converted) == _comparable(original)
    assert [t.marker for t in converted.tasks] == [t.marker for t in original.tasks]
