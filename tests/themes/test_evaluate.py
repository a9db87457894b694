"""Scores, confusion, calibration and the grouping that keeps folds honest."""

from __future__ import annotations

import math

import pytest

from govtext.themes.evaluate import (
    calibration,
    confusion,
    heldout_leaks,
    near_duplicate_pairs,
    scores,
    unit_groups,
)
from govtext.themes.labels import LabelledUnit


def test_scores_and_confusion() -> None:
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "b"]
    s = scores(gold, pred, ["a", "b", "c"])
    assert s.per_class == pytest.approx({"a": 2 / 3, "b": 2 / 4, "c": 0.0})
    assert s.macro_f1 == pytest.approx((2 / 3 + 0.5) / 3) and s.accuracy == 0.5
    assert s.support == {"a": 2, "b": 1, "c": 1}
    assert confusion(gold, pred, ["a", "b", "c"]) == [[1, 1, 0], [0, 1, 0], [0, 1, 0]]
    cal = calibration(["a", "b"], [[0.9, 0.1], [0.6, 0.4]], ["a", "b"])
    assert cal["log_loss"] == pytest.approx(-(math.log(0.9) + math.log(0.4)) / 2)
    assert cal["ece"] == pytest.approx(0.5 * 0.1 + 0.5 * 0.6)


def test_groups_join_documents_and_near_duplicates() -> None:
    def unit(i: int, text: str, doc: str | None) -> LabelledUnit:
        return LabelledUnit(str(i), text, "general", "para", "x", doc, None)

    units = [
        unit(0, "现在，我代表区人民政府向大会报告工作，请予审议。", None),
        unit(1, "现在，我代表区人民政府向大会报告工作，请予审议，并请提出意见。", None),
        unit(2, "粮食总产量稳定增长。", "national/3"),
        unit(3, "新建污水管网12公里。", "national/3"),
        unit(4, "严格依法行政，建设法治政府。", None),
    ]
    assert near_duplicate_pairs([u.text for u in units]) == [(0, 1)]
    g = unit_groups(units)
    assert g[0] == g[1] and g[2] == g[3] and len({g[0], g[2], g[4]}) == 3


def test_heldout_leaks_name_documents_and_near_duplicates() -> None:
    def unit(uid: str, text: str, doc: str | None, split: str) -> LabelledUnit:
        return LabelledUnit(uid, text, "general", "para", "x", doc, split)

    units = [
        unit("h1", "现在，我代表区人民政府向大会报告工作，请予审议。", None, "heldout"),
        unit("h2", "粮食总产量稳定增长，农民收入持续提高。", "national/3", "heldout"),
        unit("t1", "现在，我代表区人民政府向大会报告工作，请予审议，并请提出意见。", None, "train"),
        unit("t2", "新建污水管网12公里。", "national/3", "train"),
        unit("t3", "严格依法行政，建设法治政府。", "national/4", "train"),
        unit("t4", "深入开展理论学习，筑牢思想根基。", None, None),
    ]
    assert sorted(heldout_leaks(units)) == [
        ("t1", "h1", "near-duplicate"),
        ("t2", "national/3", "heldout document"),
    ]
    assert heldout_leaks(units[2:]) == []
