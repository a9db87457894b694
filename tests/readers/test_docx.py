"""Word files: order, tables, heading hints, automatic numbering, and hostile archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govtext import parse, read
from govtext.errors import CorruptDocxError, EmptyInputError, EncryptedDocxError, UnsafeDocxError
from govtext.readers.docx import chinese_numeral, format_number
from tests.conftest import REAL_DOCX, needs_shared
from tests.docx_builder import build_docx

LINES = [
    "市统计局2024年工作总结",
    "一、主要工作",
    "（一）统计调查扎实开展。全年完成各类调查12项。",
    "（二）数据质量稳步提升。一是完善核查制度。二是加强队伍建设。",
    "二、存在问题",
    "基层统计力量不足。",
    "三、2025年工作打算",
    "1、夯实基层基础。",
    "2、强化数据应用。",
]


def _outline(path: Path) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in parse(read(path)).sections]


def test_typed_markers_and_table_cells(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "typed.docx", LINES, table_rows=[["指标", "数值"], ["调查项目", "12项"]]
    )
    doc = read(path)
    assert doc.format == "docx" and doc.encoding == "docx"
    assert doc.text.splitlines()[: len(LINES)] == LINES
    assert "调查项目\n12项" in doc.text  # table cells in row order
    assert _outline(path) == [
        (1, "一、", "主要工作"),
        (2, "（一）", "统计调查扎实开展"),
        (2, "（二）", "数据质量稳步提升"),
        (1, "二、", "存在问题"),
        (1, "三、", "2025年工作打算"),
        (2, "1、", "夯实基层基础"),
        (2, "2、", "强化数据应用"),
    ]


def test_automatic_numbering_is_rendered_as_markers(tmp_path: Path) -> None:
    typed = build_docx(tmp_path / "typed.docx", LINES)
    auto = build_docx(tmp_path / "auto.docx", LINES, numbering=True)
    auto_doc = read(auto)
    assert "（二）数据质量稳步提升" in auto_doc.text
    assert "2、强化数据应用" in auto_doc.text
    assert _outline(auto) == _outline(typed)
    report = parse(auto_doc)
    assert [t.marker for t in report.tasks] == ["一是", "二是"]


def test_heading_styles_without_markers_become_headings(tmp_path: Path) -> None:
    lines = [
        "工作回顾",
        "全年完成既定目标任务，各项工作取得新进展，群众满意度稳步提高。",
        "存在问题",
        "基层力量仍然薄弱，专业人才短缺问题比较突出。",
    ]
    path = tmp_path / "styled.docx"
    from docx import Document as make

    d = make()
    for i, line in enumerate(lines):
        d.add_paragraph(line, style="Heading 1" if i % 2 == 0 else None)
    d.save(str(path))
    doc = read(path)
    assert [b.heading_level for b in doc.blocks or []] == [1, None, 1, None]
    sections = parse(doc).sections
    assert [(s.title, s.level, s.role) for s in sections] == [
        ("工作回顾", 1, "review"),
        ("存在问题", 1, "problems"),
    ]


def test_numbering_formats() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 23, 100, 105, 110)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
        "一百",
        "一百零五",
        "一百一十",
    ]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(4, "lowerRoman") == "iv"


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


DOC_XML = (
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>BODY</w:t></w:r></w:p></w:body></w:document>"
)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = _zip({"word/document.xml": DOC_XML, "word/media/filler.bin": b"\0" * (60 * 1024 * 1024)})
    with pytest.raises(UnsafeDocxError, match="zip bomb"):
        read(_write(tmp_path, "bomb.docx", bomb))


def test_doctype_and_entities_are_refused(tmp_path: Path) -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(UnsafeDocxError, match="DOCTYPE"):
        read(_write(tmp_path, "evil.docx", _zip({"word/document.xml": evil})))


def test_corrupt_encrypted_and_renamed_files(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocxError, match="not a zip"):
        read(_write(tmp_path, "plain.docx", "一、这其实是文本".encode()))
    with pytest.raises(EncryptedDocxError, match=r"legacy \.doc"):
        read(_write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    good = _zip({"word/document.xml": DOC_XML})
    with pytest.raises(CorruptDocxError):
        read(_write(tmp_path, "truncated.docx", good[: len(good) // 2]))
    with pytest.raises(CorruptDocxError, match="not well-formed"):
        read(_write(tmp_path, "broken.docx", _zip({"word/document.xml": DOC_XML[:-20]})))
    with pytest.raises(CorruptDocxError, match="no main document"):
        read(_write(tmp_path, "other.docx", _zip({"xl/workbook.xml": b"<x/>"})))
    empty = DOC_XML.replace(b"BODY", b"   ")
    with pytest.raises(EmptyInputError):
        read(_write(tmp_path, "empty.docx", _zip({"word/document.xml": empty})))


def test_input_file_is_not_modified(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "keep.docx", LINES, numbering=True)
    before = path.read_bytes()
    parse(read(path))
    assert path.read_bytes() == before


@needs_shared
@pytest.mark.parametrize(
    "name", ["gwr2025_beijing", "gwr2025_guangdong", "gwr2025_henan", "gwr2025_shandong"]
)
def test_real_word_and_wps_files(name: str) -> None:
    report = parse(read(REAL_DOCX / f"{name}.docx"))
    top = [s for s in report.sections if s.level == 1 and s.style == "cn"]
    assert len(top) >= 2
    assert top[0].role == "review" and top[-1].role == "plan"
    assert all("\n" not in s.title for s in report.sections)
    assert all(s.title for s in report.sections if s.style != "appendix")
    assert report.title and report.title.startswith("2025年")
