"""`govtext parse` end to end, in-process (CliRunner) and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from govtext.cli.app import app
from tests.conftest import ROOT, SAMPLES, SHARED, needs_shared

runner = CliRunner()
REPORT = "区林业局2024年工作总结\n一、主要工作\n（一）造林绿化。全年完成造林1.2万亩。一是抓苗木。二是抓管护。\n二、存在问题\n一是资金不足。\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_has_the_documented_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(_write(tmp_path, "a.txt", REPORT))])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (
        doc["schema"] == "govtext/1"
        and doc["encoding"] == "utf-8"
        and doc["title"] == "区林业局2024年工作总结"
    )
    for key in [
        "sections",
        "paragraphs",
        "tasks",
        "slogans",
        "metrics",
        "placeholders",
        "findings",
    ]:
        assert isinstance(doc[key], list)
    s = doc["sections"][1]
    assert {
        k: s[k] for k in ["id", "level", "marker", "ordinal", "title", "role", "parent", "line"]
    } == {
        "id": "s2",
        "level": 2,
        "marker": "（一）",
        "ordinal": 1,
        "title": "造林绿化",
        "role": "review",
        "parent": "s1",
        "line": 3,
    }
    t = doc["tasks"][0]
    assert (t["marker"], t["ordinal"], t["title"], t["section"], t["line"]) == (
        "一是",
        1,
        "抓苗木",
        "s2",
        3,
    )
    assert REPORT[t["start"] : t["start"] + 2] == "一是"


def test_several_files_give_a_list_and_a_failure_does_not_stop_the_others(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", REPORT)
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["parse", str(a), str(missing), str(binary), str(a)])
    assert result.exit_code == 2
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("GT-E101") and "missing.txt" in errors[0]
    assert errors[1].startswith("GT-E103") and "b.txt" in errors[1]
    assert "Traceback" not in result.output


def test_text_and_jsonl_formats(tmp_path: Path) -> None:
    path = str(_write(tmp_path, "a.txt", REPORT))
    text = runner.invoke(app, ["parse", "--format", "text", path])
    assert text.exit_code == 0 and "  （一）造林绿化" in text.stdout
    jl = runner.invoke(app, ["parse", "-f", "jsonl", path, path])
    assert [json.loads(line)["schema"] for line in jl.stdout.splitlines()] == ["govtext/1"] * 2


def test_stdin_and_unsupported_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", "-"], input=REPORT.encode("gb18030"))
    assert result.exit_code == 0 and json.loads(result.stdout)["encoding"] == "gb18030"
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF")
    bad = runner.invoke(app, ["parse", str(pdf)])
    assert bad.exit_code == 2 and bad.stderr.startswith("GT-E105") and bad.stdout == ""


def test_python_dash_m_and_console_script_agree(tmp_path: Path) -> None:
    path = str(_write(tmp_path, "a.txt", REPORT))
    a = subprocess.run(
        [sys.executable, "-m", "govtext", "parse", path], capture_output=True, text=True, check=True
    )
    assert json.loads(a.stdout)["sections"][0]["title"] == "主要工作"
    bad = subprocess.run(
        [sys.executable, "-m", "govtext", "parse", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_bundled_samples_parse() -> None:
    result = runner.invoke(
        app,
        [
            "parse",
            "-f",
            "jsonl",
            *map(str, sorted(SAMPLES.glob("*.txt"))),
            str(SAMPLES / "speech.md"),
        ],
    )
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["format"] for d in docs] == ["text", "text", "markdown"]
    assert all(d["sections"] for d in docs)


def test_import_govtext_is_light_and_silent() -> None:
    code = "import sys, govtext; print(sorted(m for m in ('jieba','sklearn','spacy','pandas','docx','lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]" and out.stderr == ""


@needs_shared
def test_shared_contract_holds_on_the_seeds() -> None:
    result = subprocess.run(
        [sys.executable, str(SHARED / "contract.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **__import__("os").environ,
            "PATH": str(Path(sys.executable).parent)
            + ":"
            + __import__("os").environ.get("PATH", ""),
        },
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_parse_reports_placeholders_and_lint_findings(tmp_path: Path) -> None:
    text = "区审计局2024年工作总结\n一、主要工作\n全年完成审计项目XX个，一是抓质量。二是抓进度。二是抓队伍。\n"
    path = _write(tmp_path, "draft.txt", text)
    doc = json.loads(runner.invoke(app, ["parse", str(path)]).stdout)
    assert [(p["text"], p["kind"]) for p in doc["placeholders"]] == [("XX", "letter")]
    assert [f["code"] for f in doc["findings"]] == ["P101", "S201"]
    assert text[doc["findings"][1]["start"] : doc["findings"][1]["end"]] == "二是"
    quiet = json.loads(runner.invoke(app, ["parse", "--no-lint", str(path)]).stdout)
    assert quiet["findings"] == [] and len(quiet["placeholders"]) == 1


def test_ranked_indicators_are_asked_for_and_a_wrong_choice_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "w.txt", "区水利局2024年工作总结\n全年疏浚河道86公里，加固堤防32公里。\n"
    )
    by_mode = {}
    for mode in ("rules", "ranked"):
        result = runner.invoke(app, ["parse", str(path), "--indicators", mode, "--no-lint"])
        assert result.exit_code == 0, result.output
        by_mode[mode] = [m["indicator"] for m in json.loads(result.stdout)["metrics"]]
    assert by_mode == {"rules": ["疏浚河道", "加固堤防"], "ranked": ["河道", "堤防"]}
    result = runner.invoke(app, ["parse", str(path), "--indicators", "learned"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
