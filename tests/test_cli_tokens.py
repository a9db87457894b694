"""`govtext tokens`: words per paragraph, JSON lines with offsets, keywords, user dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from govtext.cli.app import app
from govtext.config import load_file

runner = CliRunner()
REPORT = "临江县水利局2024年工作总结\r\n一是全面推行河长制。\r\n\r\n二是落实“三会一课”制度，青川河巡河８６次。\r\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_text_output_is_one_line_of_words_per_paragraph(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tokens", str(_write(tmp_path, "r.txt", REPORT))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3  # the blank line between paragraphs gives no line
    assert lines[1].split() == ["一是", "全面推行", "河长制", "。"]
    assert "三会一课" in lines[2].split() and "８６" in lines[2].split()


def test_jsonl_gives_offsets_into_the_decoded_text(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["tokens", str(_write(tmp_path, "r.txt", REPORT)), "-f", "jsonl", "-k", "3"]
    )
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["schema"] == "govtext/1" and record["path"].endswith("r.txt")
    for tok in record["tokens"]:
        assert REPORT[tok["start"] : tok["end"]] == tok["text"]
    i = REPORT.index("河长制")  # after a CRLF: offsets count the CR
    assert {"text": "河长制", "start": i, "end": i + 3, "pos": "nz"} in record["tokens"]
    assert len(record["keywords"]) == 3 and record["keywords"][0]["score"] > 0


def test_keywords_follow_the_tokens_in_text_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tokens", str(_write(tmp_path, "r.txt", REPORT)), "-k", "2"])
    assert result.exit_code == 0, result.output
    tail = result.stdout.split("# keywords (TF-IDF)\n")[1].splitlines()
    assert len(tail) == 2 and all(len(line.split("\t")) == 2 for line in tail)


def test_user_dictionaries_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "dicts").mkdir()
    (tmp_path / "dicts" / "office.txt").write_text("青川河 nz\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govtext]\nuser-dictionaries = ["dicts/office.txt"]\n', encoding="utf-8"
    )
    report = _write(tmp_path, "r.txt", REPORT)
    result = runner.invoke(app, ["tokens", str(report)])
    assert result.exit_code == 0, result.output
    assert "青川河" in result.stdout.split()
    # the underscore spelling of the issue reads the same
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govtext]\nuser_dictionaries = ["dicts/office.txt"]\n', encoding="utf-8"
    )
    cfg = load_file(tmp_path / "pyproject.toml")
    assert cfg is not None and cfg.user_dictionaries == (str(tmp_path / "dicts" / "office.txt"),)


def test_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tokens", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "GT-E101" in result.stderr
    (tmp_path / "govtext.toml").write_text('user-dictionaries = ["nope.txt"]\n', encoding="utf-8")
    report = _write(tmp_path, "r.txt", REPORT)
    result = runner.invoke(app, ["tokens", str(report)])
    assert result.exit_code == 2
    assert "GT-E200" in result.stderr and "no such file 'nope.txt'" in result.stderr
