"""govtext.keywords: TF-IDF against the shipped background table."""

from __future__ import annotations

import math
from pathlib import Path

import govtext
from govtext.document import Document
from govtext.segmenter import Segmenter
from govtext.tfidf import idf_table, is_candidate, keywords, stopwords, term_counts
from tests.test_segmenter import REPORT

# An invented county water bureau summary: its subject is rural drinking water and rivers.
WATER = (
    "临江县水利局2024年工作总结\n"
    "一是抓好农村饮水安全。全年新建集中供水工程12处，改造老旧管网86公里，农村自来水普及率达到96%。"
    "二是全面推行河长制。县乡村三级河长巡河3200余人次，河长制工作考核位居全市前列。"
    "三是加强水土保持。治理水土流失面积15平方公里，农村饮水安全和水土保持工作得到省水利厅肯定。\n"
)


def test_keywords_name_the_subject_not_the_scaffolding() -> None:
    top = [w for w, _ in keywords(WATER, 8)]
    assert "河长制" in top[:3]
    assert {"饮水", "水土保持"} & set(top)
    for scaffolding in ("工作", "一是", "全面", "加强", "全年", "达到"):
        assert scaffolding not in top


def test_keywords_keep_lexicon_terms_whole() -> None:
    top = dict(keywords(REPORT, 30))
    assert "污染防治攻坚战" in top and "三会一课" in top
    assert "攻坚战" not in top  # would only appear if the term had been broken


def test_scores_are_tf_times_idf_sorted_and_deterministic() -> None:
    text = "落实河长制。落实河长制。推进蓝天保卫战。"
    result = keywords(text, 5)
    idf, default = idf_table()
    counts = term_counts(text)
    total = sum(counts.values())
    for word, score in result:
        assert math.isclose(score, counts[word] / total * idf.get(word, default), abs_tol=1e-6)
    assert [s for _, s in result] == sorted((s for _, s in result), reverse=True)
    assert result == keywords(Document.from_text(text), 5)
    assert govtext.keywords is keywords


def test_nothing_to_rank() -> None:
    assert keywords("", 5) == []
    assert keywords("一是，二是。", 5) == []
    assert keywords(WATER, 0) == []


def test_candidates() -> None:
    assert is_candidate("河长制") and is_candidate("PM2.5浓度")
    assert not is_candidate("工作") and not is_candidate("三是") and not is_candidate("第十")
    assert not is_candidate("水") and not is_candidate("2024")
    assert "我们" in stopwords()


def test_the_background_table_states_its_provenance() -> None:
    from govtext.data import path

    lines = Path(path("idf.tsv")).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("scripts/build_idf.py" in line and "national_gov_reports" in line for line in header)
    idf, default = idf_table()
    n = int(next(line for line in header if line.startswith("#N\t")).split("\t")[1])
    assert math.isclose(default, math.log((1 + n) / 2) + 1, abs_tol=1e-3)
    assert len(idf) > 5000 and all(1 <= v < default for v in idf.values())
    # common words weigh less than programme names
    assert idf["发展"] < idf["污染防治"] < default


def test_user_dictionary_words_can_be_keywords(tmp_path: Path) -> None:
    userdict = tmp_path / "u.txt"
    userdict.write_text("青川河 nz\n", encoding="utf-8")
    text = "青川河治理。青川河巡查。"
    assert "青川河" not in dict(keywords(text, 5))
    assert "青川河" in dict(keywords(text, 5, segmenter=Segmenter([userdict])))
