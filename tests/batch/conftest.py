"""A small corpus in the genre (our own writing: 临江县 and its departments), in every input
format batch reads, and the bad inputs a real folder holds."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govtext import model
from tests.docx_builder import build_docx

AUDIT_2023 = """临江县审计局2023年工作总结

2023年，县审计局坚持以习近平新时代中国特色社会主义思想为指导，牢固树立“四个意识”，坚决做到“两个维护”，全面完成年度审计任务。
一、主要工作
（一）财政审计扎实推进。全年完成审计项目26个，查出问题金额1.2亿元。一是开展预算执行审计。二是开展决算草案审计。
（二）专项审计持续深化。聚焦“放管服”改革，开展优化营商环境专项审计，推动整改问题15个。
二、存在问题
审计力量不足，信息化水平不高。
三、2024年工作打算
1、持续做好预算执行审计。
2、加强审计队伍建设。
"""

AUDIT_2024 = """临江县审计局2024年工作总结

2024年，县审计局深刻领悟“两个确立”的决定性意义，增强“四个意识”，做到“两个维护”，审计监督效能持续提升。
一、主要工作
（一）经济责任审计。完成经济责任审计XX项，涉及领导干部XX名。
（二）民生资金审计。首先，审计养老保险基金。其次，审计教育专项资金。最后，审计保障性住房资金。
二、存在问题
整改跟踪不够及时。
三、2025年工作打算
持续深化“放管服”改革审计，推进审计全覆盖。
"""

WATER_2022 = """临江县水务局2022年工作总结

一、工作开展情况
（一）水利工程建设。全年完成水利投资3.5亿元，同比增长12%。新建农村供水工程8处。
（二）河湖长制落实。开展河湖“清四乱”专项行动，清理问题【待补充】个。
二、下一步工作计划
一是加快重点水利工程建设。二是强化水资源管理。三是推进河湖长制提档升级。
"""

SPEECH_MD = """# 在全县营商环境工作会议上的讲话

同志们：

2024年，全县深化“放管服”改革，营商环境持续优化。

## 一、提高政治站位

各级各部门要增强“四个意识”，做到“两个维护”，把优化营商环境作为一把手工程。

## 二、抓好重点任务

一要深化审批制度改革。二要强化要素保障。三要加强督查问效。
"""

EDU_DOCX = [
    "临江县教育局2023年工作总结",
    "一、主要工作",
    "（一）基础教育提质。新建改扩建学校4所，新增学位2400个。",
    "（二）教师队伍建设。一是开展教师培训。二是推进县管校聘。",
    "二、存在问题",
    "城区学位仍然紧张。",
    "三、2024年工作打算",
    "1、推进义务教育优质均衡发展。",
    "2、加强师德师风建设。",
]

FINANCE_GBK = """临江县财政局2021年工作总结

一、主要工作
全年一般公共预算收入完成8.6亿元，增长6.5%。一是加强收入征管。二是优化支出结构。
二、2022年工作计划
坚持过紧日子，兜牢“三保”底线。
"""


def write_corpus(root: Path) -> list[Path]:
    """Six reports: UTF-8 .txt (one in a subfolder), GBK .txt, .md and .docx."""
    (root / "audit").mkdir(parents=True, exist_ok=True)
    files = [
        root / "audit" / "audit_2023.txt",
        root / "audit" / "audit_2024.txt",
        root / "water_2022.txt",
        root / "speech.md",
        root / "finance_gbk.txt",
    ]
    files[0].write_text(AUDIT_2023, encoding="utf-8")
    files[1].write_text(AUDIT_2024, encoding="utf-8")
    files[2].write_text(WATER_2022, encoding="utf-8")
    files[3].write_text(SPEECH_MD, encoding="utf-8")
    files[4].write_bytes(FINANCE_GBK.encode("gbk"))
    files.append(build_docx(root / "education.docx", EDU_DOCX, numbering=True))
    return sorted(files)


def write_bad_inputs(root: Path) -> dict[str, Path]:
    """A corrupt .docx (a truncated archive) and a binary file named .txt."""
    root.mkdir(parents=True, exist_ok=True)
    good = root / "_whole.zip"
    with zipfile.ZipFile(good, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>" * 200)
    corrupt = root / "corrupt.docx"
    corrupt.write_bytes(good.read_bytes()[:100])
    good.unlink()
    binary = root / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    return {"corrupt": corrupt, "binary": binary}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_corpus(root)
    return root


# ---- elements other modules will fill, faked here so the tables and views have rows -----

_SLOGANS = ("四个意识", "两个维护", "两个确立", "放管服", "清四乱")
_METRIC = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:完成|达到|增长|新建|新增)?(\d+(?:\.\d+)?)(亿元|个|%|所)"
)


def fake_parse_document(real: Callable[..., Any]) -> Callable[..., Any]:
    """``parse_document`` plus slogans (five known formulas), metrics (number + unit after a
    short noun) and a paragraph theme (党建 when it mentions 党 or 意识, else 业务)."""

    def parse_document(doc: Any, **kwargs: Any) -> Any:
        report = real(doc, **kwargs)
        text = doc.text
        report.slogans = []
        for name in _SLOGANS:
            for m in re.finditer(re.escape(name), text):
                pos = doc.position(m.start())
                report.slogans.append(
                    model.Slogan(
                        name,
                        m.start(),
                        m.end(),
                        pos.line,
                        pos.column,
                        "formula",
                        None,
                        name,
                        ("政治意识", "大局意识") if name == "四个意识" else None,
                        "lexicon",
                        True,
                    )
                )
        report.slogans.sort(key=lambda s: s.start)
        report.metrics = []
        for m in _METRIC.finditer(text):
            pos = doc.position(m.start(2))
            value = float(m.group(2))
            report.metrics.append(
                model.Metric(
                    m.group(0),
                    m.start(2),
                    m.end(),
                    pos.line,
                    pos.column,
                    m.group(2),
                    value,
                    m.group(3),
                    1.0,
                    value,
                    m.group(1),
                    "",
                    None,
                    None,
                    "计划" in text[max(0, m.start() - 20) : m.start()],
                    False,
                )
            )
        report.paragraphs = [
            p._replace(
                theme="党建"
                if ("党" in text[p.start : p.end] or "意识" in text[p.start : p.end])
                else "业务",
                themes={"党建": 0.7, "业务": 0.3},
            )
            for p in report.paragraphs
        ]
        return report

    return parse_document


@pytest.fixture
def with_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    import govtext.pipeline

    monkeypatch.setattr(
        govtext.pipeline, "parse_document", fake_parse_document(govtext.pipeline.parse_document)
    )


@pytest.fixture
def without_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    """``parse_document`` with no slogans, metrics or themes: the views must still work."""
    import govtext.pipeline

    real = govtext.pipeline.parse_document

    def bare(doc: Any, **kwargs: Any) -> Any:
        report = real(doc, **kwargs)
        report.slogans, report.metrics = [], []
        return report

    monkeypatch.setattr(govtext.pipeline, "parse_document", bare)
