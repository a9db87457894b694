"""The learned indicator ranker, on sentences written in the genre; its weights file."""

from __future__ import annotations

import gzip
import json
import math
from itertools import pairwise

import pytest

from govtext import Document
from govtext.data import path as data_path
from govtext.extract.indicator_ranker import (
    MODEL_NAME,
    candidates,
    compare_key,
    rank,
    same_sentence,
    segment,
    unit_class,
)
from govtext.extract.metrics import metrics

HOUSING = "今年以来，区住建局改造老旧小区21个，加装电梯46部，惠及居民5300户。"
WATER = "全年疏浚河道86公里，加固堤防32公里，新建排涝泵站4座。"
MARKET = "全年抽检食品合格率97.5%，立案查处违法案件418件，罚没款860万元。"


def _indicators(text: str, how: str) -> dict[str, str]:
    return {m.text: m.indicator for m in metrics(Document.from_text(text), indicators=how)}


@pytest.mark.parametrize(
    ("text", "number", "rules", "ranked"),
    [
        (HOUSING, "46部", "加装电梯", "电梯"),
        (WATER, "86公里", "疏浚河道", "河道"),
        (WATER, "32公里", "加固堤防", "堤防"),
        (
            "新开通城乡公交线路9条，建制村通客车率保持100%。",
            "9条",
            "新开通城乡公交线路",
            "城乡公交线路",
        ),
        ("组织专题宣讲130场，覆盖党员群众2.6万人。", "2.6万人", "覆盖党员群众", "党员群众"),
    ],
)
def test_the_ranker_drops_the_verb_of_doing_the_rules_keep(
    text: str, number: str, rules: str, ranked: str
) -> None:
    assert _indicators(text, "rules")[number] == rules
    assert _indicators(text, "ranked")[number] == ranked


@pytest.mark.parametrize(
    ("text", "number", "indicator"),
    [
        (MARKET, "418件", "立案查处违法案件"),  # an established name keeps its verbs
        (MARKET, "97.5%", "抽检食品合格率"),
        (MARKET, "860万元", "罚没款"),
        ("全县粮食总产量达到48.6万吨，比上年增长2.1%。", "2.1%", "粮食总产量"),
        (WATER, "4座", "排涝泵站"),
    ],
)
def test_the_ranker_keeps_indicators_the_rules_have_right(
    text: str, number: str, indicator: str
) -> None:
    assert _indicators(text, "ranked")[number] == indicator


def test_ranked_indicators_change_nothing_else() -> None:
    doc = Document.from_text(HOUSING + "\n" + WATER + "\n" + MARKET)
    rules, ranked = metrics(doc), metrics(doc, indicators="ranked")
    assert len(rules) == len(ranked) == 9
    for a, b in zip(rules, ranked, strict=True):
        assert a._replace(indicator="") == b._replace(indicator="")
        assert b.indicator in doc.norm  # one phrase of the text


def test_unknown_indicator_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="rules' or 'ranked'"):
        metrics(Document.from_text(WATER), indicators="learned")


def test_candidates_are_word_bounded_phrases_of_the_sentence_and_the_rules_one() -> None:
    norm = Document.from_text(WATER).norm
    start = norm.index("32公里")
    found = {c.key: c for c in candidates(norm, start, start + 4, "加固堤防")}
    assert {"加固堤防", "堤防"} <= set(found)
    for c in found.values():
        assert norm[c.start : c.end] == c.key
        assert "，" not in c.key and "。" not in c.key
    assert "固堤" not in found  # not a word boundary: 加固 | 堤防
    # A phrase of the rules that is not one span of the text (a shared list head) is kept.
    joined = candidates(norm, start, start + 4, "城市堤防")
    assert any(c.side == "X" and c.key == "城市堤防" for c in joined)
    assert rank(norm, start, start + 4, "加固堤防") == "堤防"


def test_segment_splits_on_the_common_word_list() -> None:
    text = "加固堤防32公里"
    bounds = segment(text)
    words = [text[a:b] for a, b in pairwise(bounds)]
    assert words[:2] == ["加固", "堤防"]
    assert words[-1] == "公里"
    assert segment("疏浚河道")[1:] == (2, 4)


def test_compare_key_ignores_quotes_spaces_and_script() -> None:
    assert compare_key("“放管服” 改革") == "放管服改革"
    assert compare_key("國內生產總值") == "国内生产总值"


def test_the_weights_are_plain_json_without_copied_text() -> None:
    with gzip.open(data_path(MODEL_NAME), "rt", encoding="utf-8") as fh:
        model = json.load(fh)
    assert set(model) >= {"weights", "seen", "trained_on", "about"}
    assert "test" not in model["trained_on"]  # the held-out split stays unseen
    assert len(model["weights"]) > 1000
    assert all(math.isfinite(w) for w in model["weights"].values())
    # Feature names hold short fragments only; no run of text long enough to be a sentence.
    assert max(len(f) for f in model["weights"]) < 24
    assert max(len(k) for k in model["seen"]) < 9


@pytest.mark.parametrize(
    ("text", "number", "rules", "ranked"),
    [
        ("全年新增融资186亿元，平均融资成本降至4.35%，比上年下降36个基点。",
         "36个", "基点", "平均融资成本"),
        ("全县GDP增速只有4.8%，比全市平均低了0.7个百分点。",
         "0.7个百分点", "GDP增速", "GDP增速"),
    ],
)  # fmt: skip
def test_a_clause_without_a_subject_takes_the_one_the_sentence_named(
    text: str, number: str, rules: str, ranked: str
) -> None:
    assert _indicators(text, "rules")[number] == rules
    assert _indicators(text, "ranked")[number] == ranked


def test_the_previous_numbers_indicator_is_a_candidate_of_its_own() -> None:
    norm = Document.from_text("平均融资成本降至4.35%，比上年下降36个基点。").norm
    start = norm.index("36个")
    found = candidates(norm, start, start + 3, "基点", "平均融资成本")
    assert any(c.side == "P" and c.key == "平均融资成本" for c in found)
    # Another sentence's number is no predecessor.
    assert not same_sentence(norm + "全年新增9家。", len(norm) - 1, len(norm) + 4)
    assert same_sentence(norm, norm.index("4.35%") + 5, start)


def test_a_phrase_opening_the_clause_further_back_is_a_candidate() -> None:
    text = "全市粮食总产量，在连续三年丰收的基础上克服春旱影响再创新高，达到92.3万吨。"
    norm = Document.from_text(text).norm
    start = norm.index("92.3万吨")
    found = {c.key: c for c in candidates(norm, start, start + 6, "再创新高")}
    far = found["全市粮食总产量"]
    assert far.side == "L" and norm[far.start : far.end] == "全市粮食总产量"
    # Only phrases that open a clause: the middle of one is not introduced by what follows it.
    assert "粮食总产" not in found and "市粮食总产量" not in found
    # A phrase not followed by a word that introduces a quantity is not taken from afar.
    plain = Document.from_text("全市粮食总产量再创新高，创历史最好水平，达到92.3万吨。").norm
    p_start = plain.index("92.3万吨")
    assert "全市粮食总产量" not in {c.key for c in candidates(plain, p_start, p_start + 6, "")}


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("5.2%", "%"), ("百分之十", "%"), ("0.7个百分点", "pp"), ("860万元", "money"),
        ("1.2万亿元", "money"), ("3倍", "times"), ("翻一番", "times"), ("2.6万人", "people"),
        ("12万人次", "people"), ("21个", "count"), ("418件", "count"), ("86公里", "physical"),
        ("1.4万亿斤", "physical"), ("39.8微克/立方米", "physical"), ("46部", "other"),
        ("2025", "bare"), ("三项", "count"),
    ],
)  # fmt: skip
def test_unit_class_sorts_what_a_number_counts(mention: str, kind: str) -> None:
    assert unit_class(mention) == kind
