"""Theme ids, their cue words (with sources) and the keyword-count baseline."""

from __future__ import annotations

import json

import pytest

from govtext.data import read_text
from govtext.themes.taxonomy import GENERAL, LABELS, cue_counts, cue_words, keyword_label
from tests.conftest import SHARED, needs_shared


def test_every_id_has_cue_words_with_a_source() -> None:
    data = json.loads(read_text("theme_cues.json"))["cues"]
    assert list(data) == list(LABELS) and GENERAL in LABELS
    for entries in data.values():
        assert entries and all(e["cue"] and "TAXONOMY.md" in e["source"] for e in entries)
    assert cue_words()["pollution_control"][:2] == ("大气", "PM2.5")


@needs_shared
def test_the_ids_are_the_ones_of_the_shared_taxonomy() -> None:
    taxonomy = (SHARED / "TAXONOMY.md").read_text(encoding="utf-8")
    assert all(f"| `{label}` |" in taxonomy for label in LABELS)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("新建污水管网12公里，断面水质稳定达标。", "pollution_control"),
        ("推进碳达峰碳中和，严守生态保护红线。", "ecology_green"),
        ("全年完成各项工作任务。", GENERAL),  # no cue word at all
        ("同志们，总的来看，今年工作成绩显著。", GENERAL),
        ("加强安全生产和应急管理，排查隐患。", "risk_safety"),
    ],
)
def test_keyword_baseline(text: str, label: str) -> None:
    assert keyword_label(text) == label


def test_ties_go_to_the_theme_listed_first() -> None:
    counts = cue_counts("开展警示教育，加强理论学习。")
    assert counts["party_building"] == counts["integrity_conduct"] == 1
    assert keyword_label("开展警示教育，加强理论学习。") == "party_building"
