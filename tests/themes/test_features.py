"""Cleaning, n-grams and tf-idf weighting shared by training and inference."""

from __future__ import annotations

import math

import pytest

from govtext.themes.features import (
    FeatureSpec,
    char_ngrams,
    clean,
    fit_vocabulary,
    lead_sentence,
    unit_terms,
    weigh,
)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("一、2024年工作回顾", "0年工作回顾"),
        ("（三）全年完成造林1.2万亩，完成率XX%。", "全年完成造林0万亩，完成率0。"),
        ("二是推进黑臭水体整治，新建管网１８公里。", "推进黑臭水体整治，新建管网0公里。"),
        ("第一，抓好前期工作。", "抓好前期工作。"),
        ("1.2万亩耕地", "0万亩耕地"),  # a decimal is not a "1." marker
        ("②农村物流网点建设", "农村物流网点建设"),
        ("PM2.5平均浓度", "pm0平均浓度"),
        ("  全年  完成\u3000任务 ", "全年 完成 任务"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


def test_lead_sentence_stops_at_the_first_sentence_end() -> None:
    assert lead_sentence("推进机构改革。完成三定方案；建立制度") == "推进机构改革"
    assert lead_sentence("没有句末标点的标题") == "没有句末标点的标题"


def test_char_ngrams_and_blocks() -> None:
    assert char_ngrams("治水", 1, 2) == ["治", "水", "治水"]
    terms = unit_terms("一是治水。再治气", FeatureSpec(ngrams=(1, 1), lead_ngrams=(2, 2)))
    assert terms == {"text": ["治", "水", "。", "再", "治", "气"], "lead": ["治水"]}
    cues = unit_terms("推进碳达峰碳中和", FeatureSpec(lead_weight=0.0, cue_weight=0.5))
    assert cues["cues"].count("ecology_green") == 2 and set(cues) == {"text", "cues"}


def test_vocabulary_keeps_terms_seen_often_enough_with_smoothed_idf() -> None:
    vocab = fit_vocabulary([["水", "气"], ["水"], ["水", "土"]], "text", 1.0, min_df=2)
    assert vocab.terms == ("水",)
    assert vocab.idf == (pytest.approx(math.log(4 / 4) + 1),)


def test_weights_are_sublinear_tfidf_normalised_and_scaled() -> None:
    index = {"水": 0, "气": 1}
    cols, values = weigh(["水", "水", "气", "土"], index, [1.0, 2.0], True, 0.5)
    raw = {0: (1 + math.log(2)) * 1.0, 1: 2.0}
    norm = math.hypot(*raw.values())
    assert dict(zip(cols, values, strict=True)) == pytest.approx(
        {c: 0.5 * v / norm for c, v in raw.items()}
    )
    assert weigh(["土"], index, [1.0, 2.0], True, 1.0) == ([], [])


def test_weights_match_scikit_learn() -> None:
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    docs = ["治水治气", "治水", "治土治水", "气"]
    spec = FeatureSpec(ngrams=(1, 2), lead_weight=0.0, min_df=1)
    terms = [unit_terms(d, spec)["text"] for d in docs]
    vocab = fit_vocabulary(terms, "text", 1.0, min_df=1)
    ref = sklearn_text.TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True)
    matrix = ref.fit_transform(terms).toarray()
    order = [ref.vocabulary_[t] for t in vocab.terms]
    index = {t: i for i, t in enumerate(vocab.terms)}
    for row, unit in zip(matrix, terms, strict=True):
        cols, values = weigh(unit, index, vocab.idf, True, 1.0)
        mine = dict(zip(cols, values, strict=True))
        assert [mine.get(i, 0.0) for i in range(len(order))] == pytest.approx(
            [row[j] for j in order]
        )
