"""Decoding: UTF-8 (BOM or not), UTF-16 (BOM or not), GB18030/GBK, and refusals."""

from __future__ import annotations

import pytest

from govtext.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FileMissingError,
    UnsupportedFormatError,
)
from govtext.readers import read, read_bytes
from govtext.readers.text import decode

REPORT = (
    "市水务局2024年工作总结\n"
    "一、主要工作完成情况\n"
    "（一）水资源管理持续加强。全年完成取水许可审批36件，同比增长12.5%。\n"
    "二、存在的问题\n一是基层力量薄弱。二是资金缺口较大。\n"
)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_decodes_common_encodings(encoding: str, expected: str) -> None:
    text, name = decode(REPORT.encode(encoding))
    assert text == REPORT
    assert name == expected


def test_utf16_without_bom_is_recognised() -> None:
    text, name = decode(REPORT.encode("utf-16-le"))
    assert text == REPORT and name == "utf-16"


def test_gb18030_report_with_rare_characters_is_not_mistaken() -> None:
    # 镕, 堃 and 㙦 are outside GB 2312 level 1 but occur in names; a real report still decodes.
    text = REPORT + "同时，在堃山镇、镕城区开展专项整治。\n" * 3
    assert decode(text.encode("gb18030"))[0] == text


def test_big5_bytes_are_refused_rather_than_misread() -> None:
    data = ("各縣市政府應加強環境監測與執法檢查，確保空氣品質持續改善。" * 20).encode("big5")
    with pytest.raises(DecodeError) as err:
        decode(data, "report.txt")
    assert "report.txt" in str(err.value) and str(err.value).startswith("GT-E104")


def test_binary_and_empty_are_clear_errors() -> None:
    with pytest.raises(BinaryInputError):
        decode(bytes(range(256)) * 8, "x.txt")
    with pytest.raises(EmptyInputError):
        decode(b"  \r\n\t ", "x.txt")
    with pytest.raises(EmptyInputError):
        decode("\ufeff".encode("utf-8"), "x.txt")


def test_forced_encoding_that_fails_names_the_file() -> None:
    with pytest.raises(DecodeError, match=r"a\.txt: cannot decode as ascii"):
        decode(REPORT.encode("utf-8"), "a.txt", encoding="ascii")


def test_read_refuses_missing_and_unsupported(tmp_path) -> None:
    with pytest.raises(FileMissingError):
        read(tmp_path / "nope.txt")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsupportedFormatError, match="PDF"):
        read(pdf)
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(UnsupportedFormatError, match="legacy Word"):
        read(doc)


def test_read_keeps_crlf_in_the_text(tmp_path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))
    doc = read(path)
    assert doc.encoding == "gb18030"
    assert doc.text == REPORT.replace("\n", "\r\n")
    assert len(doc.norm) == len(doc.text)


def test_read_bytes_markdown() -> None:
    doc = read_bytes("# 标题\n\n正文**重点**内容。".encode(), format="markdown")
    assert doc.format == "markdown" and doc.blocks and doc.blocks[0].heading_level == 1
