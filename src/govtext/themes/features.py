"""Features of a text unit for the theme model, in pure Python (training and inference share it).

A unit is cleaned (normalised full-width forms, the leading list or heading marker dropped,
numbers and placeholder slots such as ``XX`` folded to ``0``), then turned into *blocks* of
terms: character n-grams of the whole text, character n-grams of its lead sentence (the
taxonomy labels a unit by its lead sentence first), and optionally jieba words and cue-word
hits. Each block is weighted by tf-idf (sublinear tf, smoothed idf, as scikit-learn's
``TfidfVectorizer`` does), L2-normalised, and scaled by the block's weight.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from govtext.document import normalise

# One leading marker: 一、 （一） (1) 1、 1. 一是 第一， 首先， —— ①.
_LEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}(?:、|是)|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，、：,:]|(?:首先|其次|再次|最后)[，,]"
    r"|——|[①-⑳])\s*"
)
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)?|[XxＸ×*＊]{1,6})%?")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。；！？;!?]")


class FeatureSpec(NamedTuple):
    """Which blocks a model uses. Stored in the model file, so inference builds the same terms.

    ``ngrams``/``lead_ngrams`` are inclusive ranges of character n-gram lengths (a zero
    ``lead_weight`` switches the lead block off); ``word_weight``/``cue_weight`` above zero add
    jieba words (with govtext's government lexicon) and cue-word hits per theme.
    """

    ngrams: tuple[int, int] = (1, 3)
    lead_ngrams: tuple[int, int] = (1, 3)
    lead_weight: float = 0.5
    word_weight: float = 0.0
    cue_weight: float = 0.0
    min_df: int = 3
    sublinear_tf: bool = True

    def blocks(self) -> list[tuple[str, float]]:
        """(block name, weight) of every block in use, in a fixed order."""
        out = [("text", 1.0)]
        if self.lead_weight > 0:
            out.append(("lead", self.lead_weight))
        if self.word_weight > 0:
            out.append(("words", self.word_weight))
        if self.cue_weight > 0:
            out.append(("cues", self.cue_weight))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "ngrams": list(self.ngrams),
            "lead_ngrams": list(self.lead_ngrams),
            "lead_weight": self.lead_weight,
            "word_weight": self.word_weight,
            "cue_weight": self.cue_weight,
            "min_df": self.min_df,
            "sublinear_tf": self.sublinear_tf,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureSpec:
        return cls(
            ngrams=(int(data["ngrams"][0]), int(data["ngrams"][1])),
            lead_ngrams=(int(data["lead_ngrams"][0]), int(data["lead_ngrams"][1])),
            lead_weight=float(data["lead_weight"]),
            word_weight=float(data.get("word_weight", 0.0)),
            cue_weight=float(data.get("cue_weight", 0.0)),
            min_df=int(data.get("min_df", 1)),
            sublinear_tf=bool(data.get("sublinear_tf", True)),
        )


def clean(text: str) -> str:
    """The text the n-grams are taken from.

    >>> clean("（三）全年完成造林1.2万亩，完成率XX%。")
    '全年完成造林0万亩，完成率0。'
    """
    norm = normalise(text).strip()
    norm = _LEADING_MARKER.sub("", norm, count=1)
    norm = _NUMBER.sub("0", norm)
    return _SPACE.sub(" ", norm).lower()


def lead_sentence(cleaned: str) -> str:
    """The first sentence (up to 。；！？) of a cleaned text; the whole text when it has none."""
    m = _SENTENCE_END.search(cleaned)
    return cleaned[: m.start()] if m else cleaned


def char_ngrams(text: str, lo: int, hi: int) -> list[str]:
    return [text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


@functools.cache
def _jieba() -> Any:
    import logging

    import jieba

    from govtext.data import read_text

    jieba.setLogLevel(logging.WARNING)
    for line in read_text("gov_lexicon.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            jieba.add_word(line.split("\t")[0])
    return jieba


def unit_terms(text: str, spec: FeatureSpec) -> dict[str, list[str]]:
    """Block name -> the terms of one unit (repeated terms count)."""
    from govtext.themes.taxonomy import cue_counts

    cleaned = clean(text)
    out: dict[str, list[str]] = {"text": char_ngrams(cleaned, *spec.ngrams)}
    if spec.lead_weight > 0:
        out["lead"] = char_ngrams(lead_sentence(cleaned), *spec.lead_ngrams)
    if spec.word_weight > 0:
        out["words"] = [w for w in _jieba().lcut(cleaned) if w.strip()]
    if spec.cue_weight > 0:
        counts = cue_counts(normalise(text))
        out["cues"] = [label for label, n in counts.items() for _ in range(n)]
    return out


class BlockVocabulary(NamedTuple):
    """One block's terms (in column order) and their idf weights."""

    name: str
    weight: float
    terms: tuple[str, ...]
    idf: tuple[float, ...]


def fit_vocabulary(
    term_lists: Sequence[list[str]], name: str, weight: float, min_df: int
) -> BlockVocabulary:
    """Terms seen in at least ``min_df`` units, sorted, with idf = ln((1+n)/(1+df)) + 1."""
    df: dict[str, int] = {}
    for terms in term_lists:
        for term in set(terms):
            df[term] = df.get(term, 0) + 1
    n = len(term_lists)
    kept = sorted(t for t, d in df.items() if d >= min_df)
    idf = tuple(math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept)
    return BlockVocabulary(name, weight, tuple(kept), idf)


def weigh(
    terms: list[str], index: dict[str, int], idf: Sequence[float], sublinear: bool, scale: float
) -> tuple[list[int], list[float]]:
    """Column indices and L2-normalised, scaled tf-idf values of one unit's block."""
    cols: list[int] = []
    values: list[float] = []
    log = math.log
    for term, n in Counter(terms).items():
        col = index.get(term)
        if col is not None:
            cols.append(col)
            values.append(((1.0 + log(n)) if sublinear else n) * idf[col])
    norm = math.sqrt(sum(v * v for v in values))
    if norm > 0:
        factor = scale / norm
        values = [v * factor for v in values]
    return cols, values
