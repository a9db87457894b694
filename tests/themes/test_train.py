"""Training a small model end to end (seconds), and the evaluation helpers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from govtext.themes.classifier import ThemeModel
from govtext.themes.labels import LabelledUnit, read_labels
from tests.conftest import ROOT

pytest.importorskip("sklearn")

from govtext.themes.train import TrainConfig, fit_temperature, label_order, train

CORPUS = ROOT / "corpus" / "themes" / "labels.jsonl"
FIVE = ("party_building", "rural_agriculture", "pollution_control", "risk_safety", "general")


def _written(labels: tuple[str, ...] = FIVE, per_label: int = 14) -> list[LabelledUnit]:
    units = read_labels(CORPUS, shared=None).units  # the written units carry their text
    out: list[LabelledUnit] = []
    for label in labels:
        out += [u for u in units if u.label == label][:per_label]
    return out


def test_train_save_load_and_predict_the_same(tmp_path: Path) -> None:
    units = _written()
    result = train(units, config=TrainConfig(), folds=3, version="test-1")
    model = result.model
    assert model.labels == FIVE and model.version == "test-1" and model.temperature > 0
    assert model.meta["units"] == len(units) and model.meta["label_counts"]["general"] == 14
    assert len(result.cv_labels) == len(units) and set(result.cv_labels) <= set(FIVE)
    path = tmp_path / "m.json.gz"
    model.save(path)
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert data["blocks"][0]["coef"]["dtype"] == "<f2"
    loaded = ThemeModel.load(path)
    texts = [
        "局党组认真落实“三会一课”制度，开展主题党日活动。",
        "新建污水管网12公里，整治黑臭水体3条。",
    ]
    assert [p.label for p in loaded.classify(texts)] == ["party_building", "pollution_control"]
    for a, b in zip(model.predict_proba(texts), loaded.predict_proba(texts), strict=True):
        assert a == pytest.approx(b, abs=1e-9)
    # Units of the training data come back with their own label.
    right = sum(
        p.label == u.label
        for p, u in zip(loaded.classify([u.text for u in units]), units, strict=True)
    )
    assert right / len(units) > 0.9


def test_two_labels_of_a_users_own_taxonomy() -> None:
    units = [
        LabelledUnit(f"u{i}", text, label, "para", "user", None, None)
        for i, (text, label) in enumerate(
            [(f"第{i}次检查河道水质，清理河道垃圾。", "河湖") for i in range(8)]
            + [(f"第{i}次检查道路路面，修补道路坑槽。", "道路") for i in range(8)]
        )
    ]
    model = train(
        units, config=TrainConfig(spec=TrainConfig().spec._replace(min_df=1)), folds=2
    ).model
    assert model.labels == ("河湖", "道路")  # not taxonomy ids: sorted
    preds = model.classify(["检查河道水质", "修补道路坑槽"])
    assert [p.label for p in preds] == ["河湖", "道路"]


def test_label_order_follows_the_taxonomy_when_it_can() -> None:
    assert label_order(["general", "party_building"]) == ("party_building", "general")
    assert label_order(["b", "a", "general"]) == ("a", "b", "general")


def test_temperature_sharpens_or_softens_to_fit() -> None:
    scores_ = [[2.0, 0.0], [0.0, 2.0], [2.0, 0.0], [2.0, 0.0]]
    assert fit_temperature(scores_, [0, 1, 0, 1]) > 1.0  # one in four wrong: soften
    assert fit_temperature(scores_, [0, 1, 0, 0]) < 1.0  # all right: sharpen
