"""Themes on the sections, paragraphs and tasks of a parsed report."""

from __future__ import annotations

import pytest

from govtext import Document
from govtext.pipeline import parse_document
from govtext.themes import LABELS, ThemeModel
from govtext.themes.tag import TITLE_WEIGHT, tag_report
from tests.themes.sentences import REPORT


def test_parse_with_themes_fills_every_section_paragraph_and_task() -> None:
    report = parse_document(Document.from_text(REPORT), themes=True, findings=False)
    elements = [*report.sections, *report.paragraphs, *report.tasks]
    assert len(report.sections) == 5 and len(report.tasks) == 4
    for element in elements:
        assert element.theme in LABELS
        assert element.themes is not None and list(element.themes) == list(LABELS)
        assert sum(element.themes.values()) == pytest.approx(1.0, abs=1e-3)
    sections = {s.title: s for s in report.sections}
    assert sections["深入打好污染防治攻坚战"].theme == "pollution_control"
    assert sections["从严从实加强党的建设"].theme == "party_building"
    # Roles stay rule-based: themes do not touch them.
    assert [s.role for s in report.sections] == ["review", "review", "review", "problems", "plan"]
    tasks = {t.title: t.theme for t in report.tasks}
    assert tasks["推进黑臭水体整治，新建污水管网18公里"] == "pollution_control"
    as_json = report.to_dict()
    assert as_json["paragraphs"][0]["theme"] in LABELS
    assert as_json["sections"][1]["themes"]["pollution_control"] > 0.5


def test_without_themes_the_fields_stay_empty() -> None:
    report = parse_document(Document.from_text(REPORT), findings=False)
    assert all(s.theme is None and s.themes is None for s in report.sections)
    assert all(p.theme is None for p in report.paragraphs)


def _two_label_model() -> ThemeModel:
    """水 votes water, 气 votes air: enough to check how a section's scores are mixed."""
    return ThemeModel(
        {
            "format": "govtext-themes",
            "format_version": 1,
            "labels": ["water", "air"],
            "features": {"ngrams": [1, 1], "lead_ngrams": [1, 1], "lead_weight": 0.0},
            "intercept": [0.0, 0.0],
            "calibration": {"method": "temperature", "temperature": 1.0},
            "blocks": [
                {
                    "name": "text",
                    "weight": 1.0,
                    "terms": ["水", "气"],
                    "idf": [1.0, 1.0],
                    "coef": [[5.0, -5.0], [-5.0, 5.0]],
                }
            ],
        }
    )


def test_a_section_mixes_its_title_with_its_children_by_length() -> None:
    text = "一、治水\n加强治气工作，做好监测。\n二、综合\n（一）治气\n加强治气工作。\n（二）治水\n加强治水工作，长段落长段落长段落。\n"
    from govtext.structure.segment import parse

    report = parse(Document.from_text(text))
    model = _two_label_model()
    tag_report(report, model=model)
    first, overall, air, water = report.sections
    title_water = model.predict_proba(["治水"])[0][0]
    para_water = model.predict_proba(["加强治气工作，做好监测。"])[0][0]
    assert first.themes is not None
    assert first.themes["water"] == pytest.approx(
        TITLE_WEIGHT * title_water + (1 - TITLE_WEIGHT) * para_water, abs=1e-4
    )
    # "综合" says nothing; its longer child section about water outweighs the air one.
    assert (overall.title, overall.theme) == ("综合", "water")
    assert (air.theme, water.theme) == ("air", "water")
