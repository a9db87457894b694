"""Corpus views: slogan timelines, theme shares, metric table, placeholders; load and charts.

Slogans, metrics and themes come from a stand-in extractor (``with_elements`` in conftest), so
these tests hold whatever the real extractors find.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import govtext
from govtext.batch import Options, run_batch
from govtext.batch.stats import VIEWS
from govtext.cli.app import app
from govtext.errors import UsageError
from tests.batch.conftest import write_bad_inputs

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

FAST = Options(themes=False)


@pytest.fixture
def outputs(corpus: Path, tmp_path: Path, with_elements: None) -> dict[str, Path]:
    write_bad_inputs(corpus / "bad")
    outs = {"parquet": tmp_path / "p", "csv": tmp_path / "c", "jsonl": tmp_path / "j.jsonl"}
    for fmt, out in outs.items():
        run_batch([str(corpus)], out, format=fmt, jobs=1, options=FAST)
    return outs


def test_every_format_loads_into_the_same_frames(outputs: dict[str, Path]) -> None:
    parquet = govtext.load(str(outputs["parquet"]))
    for fmt in ("csv", "jsonl"):
        other = govtext.load(str(outputs[fmt]))
        assert list(other) == list(parquet)
        for name in parquet:
            pd.testing.assert_frame_equal(parquet[name], other[name], obj=f"{fmt} {name}")
    assert parquet.documents["year"].dtype == "Int64"
    assert parquet.sections["run_in"].dtype == "boolean"
    four = parquet.slogans[parquet.slogans["text"] == "四个意识"]
    assert four["expansion"].iloc[0] == ["政治意识", "大局意识"]
    assert parquet.paragraphs["themes"].iloc[0] == {"业务": 0.3, "党建": 0.7}
    assert len(parquet.errors) == 2


def test_slogan_timeline_first_and_last_appearance(outputs: dict[str, Path]) -> None:
    corpus = govtext.load(str(outputs["parquet"]))
    span = corpus.slogan_span.set_index("slogan")
    four = span.loc["四个意识"]
    assert (four["first_year"], four["last_year"], four["documents"], four["count"]) == (
        2023,
        2024,
        3,
        3,
    )
    assert Path(four["first_path"]).name == "audit_2023.txt"
    assert Path(four["last_path"]).name == "speech.md"  # 2024, after audit_2024 by path
    assert span.loc["清四乱", "first_year"] == span.loc["清四乱", "last_year"] == 2022
    by_year = corpus.slogan_by_year
    rows = by_year[by_year["slogan"] == "放管服"][["year", "count", "documents"]]
    assert rows.values.tolist() == [[2023, 1, 1], [2024, 2, 2]]
    by_doc = corpus.slogan_by_document
    audit = by_doc[by_doc["path"].str.endswith("audit_2024.txt")]
    # In order of first mention.
    assert audit["slogan"].tolist() == ["两个确立", "四个意识", "两个维护", "放管服"]


def test_theme_shares_are_shares_of_body_text(outputs: dict[str, Path]) -> None:
    corpus = govtext.load(str(outputs["parquet"]))
    by_year = corpus.theme_by_year
    assert by_year.groupby("year")["share"].sum().round(9).eq(1.0).all()
    p = corpus.paragraphs.merge(corpus.documents[["doc_id", "year"]], on="doc_id")
    in_2024 = p[p["year"] == 2024]
    party = (in_2024["end"] - in_2024["start"])[in_2024["theme"] == "党建"].sum()
    expected = party / (in_2024["end"] - in_2024["start"]).sum()
    got = by_year[(by_year["year"] == 2024) & (by_year["theme"] == "党建")]["share"].iloc[0]
    assert got == pytest.approx(expected)
    by_doc = corpus.theme_by_document
    assert by_doc.groupby("doc_id")["share"].sum().round(9).eq(1.0).all()


def test_metric_table_and_placeholder_counts(outputs: dict[str, Path]) -> None:
    corpus = govtext.load(str(outputs["parquet"]))
    metrics = corpus.metric_table.set_index(["indicator", "unit", "year"])
    water = metrics.loc[("完成水利投资", "亿元", 2022)]
    assert (water["value"], water["mentions"], water["documents"]) == (3.5, 1, 1)
    assert pd.isna(water["target"])
    holes = corpus.placeholders_by_document.set_index(
        corpus.placeholders_by_document["path"].map(lambda p: Path(p).name)
    )
    assert holes.loc["audit_2024.txt", "total"] == holes.loc["audit_2024.txt", "letter"] == 2
    assert holes.loc["water_2022.txt", "instruction"] == 1
    assert holes.loc["education.docx", "total"] == 0
    assert len(holes) == 6  # every document, with or without placeholders


def test_views_are_empty_with_columns_when_the_tables_have_no_elements(
    corpus: Path, tmp_path: Path, without_elements: None
) -> None:
    out = tmp_path / "plain"
    run_batch([str(corpus)], out, jobs=1, options=FAST)
    corpus_ = govtext.load(str(out))
    for name in ("slogan_span", "slogan_by_year", "theme_by_year", "metric_table"):
        assert corpus_[name].empty and len(corpus_[name].columns) >= 4, name
    from govtext.output.corpus import render_stats

    text = render_stats(corpus_)
    assert "(no slogans in the tables)" in text
    assert "themes by year: (no themes in the tables" in text


def test_stats_command_prints_writes_and_plots(outputs: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    charts = tmp_path / "charts"
    result = CliRunner().invoke(
        app,
        [
            "stats",
            str(outputs["parquet"]),
            "--plot",
            str(charts),
            "-s",
            "四个意识",
            "-s",
            "两个维护",
            "-s",
            "放管服",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "四个意识: 2023 → 2024, 3 documents, 3 mentions | 2023:1 2024:2" in result.output
    assert "2024: 业务 61%, 党建 39%" in result.output
    assert "完成水利投资 (亿元): 2022=3.5" in result.output
    written = sorted(p.name for p in (outputs["parquet"] / "stats").iterdir())
    assert written == sorted(f"{v}.csv" for v in VIEWS)
    for name in ("theme_share_by_year.png", "slogan_timeline.png"):
        data = (charts / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_load_refuses_what_is_not_a_batch_output(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a govtext batch output"):
        govtext.load(str(tmp_path))
    result = CliRunner().invoke(app, ["stats", str(tmp_path)])
    assert result.exit_code != 0


def test_batch_with_themes_fills_the_theme_views(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "themed"
    run_batch([str(corpus)], out, jobs=1, options=Options(themes=True))
    corpus_ = govtext.load(str(out))
    tagged = corpus_.paragraphs.dropna(subset=["theme"])
    assert len(tagged) == len(corpus_.paragraphs) > 0
    first = tagged["themes"].iloc[0]
    assert isinstance(first, dict) and abs(sum(first.values()) - 1.0) < 1e-6
    assert set(corpus_.theme_by_year["year"].unique()) == {2021, 2022, 2023, 2024}
    assert corpus_.theme_by_year.groupby("year")["share"].sum().round(9).eq(1.0).all()
