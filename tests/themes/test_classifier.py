"""The shipped theme model: safe loading, clear cases, scores, order, errors."""

from __future__ import annotations

import gzip
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import govtext
from govtext.errors import ModelError
from govtext.themes import LABELS, ThemeModel, ThemePrediction, classify, load_model
from govtext.themes.classifier import default_model_path
from tests.conftest import ROOT
from tests.themes.sentences import CLEAR_UNITS


def test_the_shipped_model_is_gzip_json_with_every_taxonomy_id() -> None:
    raw = Path(default_model_path()).read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == "govtext-themes" and data["format_version"] == 1
    assert data["labels"] == list(LABELS)
    # models/ holds a link to the package data, and the card next to it.
    assert (ROOT / "models" / "themes_model.json.gz").read_bytes() == raw
    assert (ROOT / "models" / "themes.card.md").is_file()


def test_loading_never_unpickles(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pickle used")

    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pickle, name, refuse)
    model = ThemeModel.load(default_model_path())
    assert model.classify(["一是深入开展大气污染防治。"])[0].label == "pollution_control"


@pytest.mark.parametrize("label", sorted(CLEAR_UNITS))
def test_clear_department_units_get_their_theme(label: str) -> None:
    assert classify([CLEAR_UNITS[label]])[0].label == label


def test_scores_cover_every_id_and_sum_to_one() -> None:
    for pred in classify(list(CLEAR_UNITS.values())):
        assert isinstance(pred, ThemePrediction)
        assert list(pred.scores) == list(LABELS)
        assert sum(pred.scores.values()) == pytest.approx(1.0)
        assert pred.scores[pred.label] == max(pred.scores.values())
        assert pred.to_dict()["label"] == pred.label


def test_one_prediction_per_text_in_input_order() -> None:
    texts = list(CLEAR_UNITS.values())
    together = classify(texts)
    reversed_ = classify(texts[::-1])
    assert [p.label for p in together] == list(CLEAR_UNITS)
    assert [p.label for p in reversed_] == list(CLEAR_UNITS)[::-1]
    assert together[0].scores == pytest.approx(classify(texts[:1])[0].scores)
    assert classify([]) == []


def test_empty_and_odd_texts_still_get_a_prediction() -> None:
    preds = classify(["", "   ", "1234", "XXXX年XX月"])
    assert len(preds) == 4 and all(p.label in LABELS for p in preds)


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(TypeError, match="list of texts"):
        classify("一是深入开展大气污染防治。")  # type: ignore[arg-type]


def test_pure_python_scoring_matches_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model()
    texts = list(CLEAR_UNITS.values())
    with_numpy = model.decision_function(texts)
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy now raises ImportError
    without = model.decision_function(texts)
    for a, b in zip(with_numpy, without, strict=True):
        assert a == pytest.approx(b, abs=1e-9)


def test_govtext_classify_is_the_lazy_export() -> None:
    preds = govtext.classify([CLEAR_UNITS["rural_agriculture"]])
    assert preds[0].label == "rural_agriculture"


def test_import_govtext_is_silent_and_light() -> None:
    code = (
        "import sys, govtext\n"
        "heavy = [m for m in ('numpy', 'sklearn', 'jieba', 'scipy') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "" and out.stderr == "[]"


def _write_model(tmp_path: Path, data: object, name: str = "m.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _tiny_model() -> dict[str, object]:
    """A hand-written two-label model in the plain-list form of the format."""
    return {
        "format": "govtext-themes",
        "format_version": 1,
        "labels": ["water", "air"],
        "features": {"ngrams": [1, 1], "lead_ngrams": [1, 1], "lead_weight": 0.0, "min_df": 1},
        "intercept": [0.0, 0.0],
        "calibration": {"method": "temperature", "temperature": 1.0},
        "blocks": [
            {
                "name": "text",
                "weight": 1.0,
                "terms": ["水", "气"],
                "idf": [1.0, 1.0],
                "coef": [[2.0, -2.0], [-2.0, 2.0]],
            }
        ],
    }


def test_a_hand_written_plain_json_model_works(tmp_path: Path) -> None:
    model = ThemeModel.load(_write_model(tmp_path, _tiny_model()))
    preds = model.classify(["治水", "治气", "其他"])
    assert [p.label for p in preds] == ["water", "air", "water"]  # a tie goes to the first
    assert preds[0].scores["water"] == pytest.approx(1 / (1 + 2.718281828**-4))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", r"not \(gzip-compressed\) JSON"),
        (b'{"format": "other"}', "not a govtext theme model"),
        (b'{"format": "govtext-themes", "format_version": 9}', "newer than this govtext"),
        (b'{"format": "govtext-themes", "format_version": 1}', "not a valid govtext theme model"),
    ],
)
def test_bad_model_files_raise_a_coded_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message) as info:
        ThemeModel.load(path)
    assert str(info.value).startswith(f"GT-E300 {path}: ")


def test_a_model_whose_arrays_do_not_line_up_is_refused(tmp_path: Path) -> None:
    data = _tiny_model()
    data["blocks"][0]["coef"] = [[2.0, -2.0]]  # type: ignore[index]
    with pytest.raises(ModelError, match="coef has 2 numbers where 4 are needed"):
        ThemeModel.load(_write_model(tmp_path, data))
    with pytest.raises(ModelError, match="model file not found"):
        ThemeModel.load(tmp_path / "missing.json.gz")
