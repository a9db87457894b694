"""`govtext classify`, `govtext train` and `govtext parse --themes`, in-process."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtext.cli.app import app
from govtext.themes import LABELS
from tests.themes.sentences import CLEAR_UNITS, REPORT

runner = CliRunner()
needs_sklearn = pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None, reason="scikit-learn is not installed"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_classify_prints_one_line_per_paragraph(tmp_path: Path) -> None:
    units = [CLEAR_UNITS["pollution_control"], "", CLEAR_UNITS["party_building"]]
    path = _write(tmp_path, "a.txt", "\n".join(units) + "\n")
    result = runner.invoke(app, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(n, label) for n, label, _, _ in lines] == [
        ("1", "pollution_control"),
        ("3", "party_building"),
    ]
    assert 0.5 < float(lines[0][2]) <= 1 and lines[0][3].endswith("…")


def test_classify_jsonl_from_stdin() -> None:
    text = "  " + CLEAR_UNITS["rural_agriculture"] + "\n" + CLEAR_UNITS["general"]
    result = runner.invoke(app, ["classify", "-", "--format", "jsonl"], input=text.encode())
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["label"] for r in records] == ["rural_agriculture", "general"]
    first = records[0]
    assert (first["line"], first["start"]) == (1, 2)
    assert text[first["start"] : first["end"]] == first["text"] == CLEAR_UNITS["rural_agriculture"]
    assert list(first["scores"]) == list(LABELS)


def test_classify_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["classify", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and result.stderr.startswith("GT-E101")
    path = _write(tmp_path, "a.txt", "严格依法行政。\n")
    result = runner.invoke(app, ["classify", str(path), "--model", str(tmp_path / "no.json")])
    assert result.exit_code == 2 and "GT-E300" in result.stderr


def test_parse_themes_fills_sections_paragraphs_and_tasks(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(_write(tmp_path, "r.txt", REPORT)), "--themes"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    for key in ("sections", "paragraphs", "tasks"):
        assert doc[key] and all(e["theme"] in LABELS for e in doc[key])
        assert all(set(e["themes"]) == set(LABELS) for e in doc[key])
    plain = json.loads(runner.invoke(app, ["parse", str(tmp_path / "r.txt")]).stdout)
    assert plain["sections"][0]["theme"] is None


@needs_sklearn
def test_train_a_users_taxonomy_then_use_it(tmp_path: Path) -> None:
    records = [
        {"text": f"第{i}次巡查河道，清理河道垃圾，检测水质。", "label": "河湖"} for i in range(6)
    ] + [{"text": f"第{i}次巡查道路，修补坑槽，清扫路面。", "label": "道路"} for i in range(6)]
    labels = _write(
        tmp_path, "labels.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    )
    model = tmp_path / "roads.json.gz"
    result = runner.invoke(app, ["train", str(labels), "-o", str(model), "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "12 units, 2 labels; cross-validated macro-F1" in result.stdout and model.exists()
    text = _write(tmp_path, "t.txt", "巡查河道，清理垃圾。\n巡查道路，修补坑槽。\n")
    out = runner.invoke(app, ["classify", str(text), "--model", str(model)])
    assert [line.split("\t")[1] for line in out.stdout.splitlines()] == ["河湖", "道路"]
    parsed = runner.invoke(app, ["parse", str(text), "--themes-model", str(model)])
    assert json.loads(parsed.stdout)["paragraphs"][0]["theme"] == "河湖"


@needs_sklearn
def test_train_refuses_bad_labels_and_classifiers(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.jsonl", '{"text": "x"}\n')
    result = runner.invoke(app, ["train", str(bad), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2 and result.stderr.startswith("GT-E302")
    result = runner.invoke(app, ["train", str(bad), "-o", "m.json", "--classifier", "forest"])
    assert result.exit_code == 2 and "unknown classifier" in result.stderr
