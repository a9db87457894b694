"""Keywords of a report: TF-IDF over govtext's segmentation, against a background of reports.

The background is :file:`data/idf.tsv`, inverse document frequencies computed by
``scripts/build_idf.py`` over the paragraphs of the State Council reports and the seed
department reports of ``../shared`` (derived counts only, no text). A paragraph, not a whole
report, is the unit: with 77 reports nearly every policy word occurs in most of them, while
paragraphs tell 污染防治 (a few hundred of 20,000) from 发展 (thousands).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from govtext.document import Document

if TYPE_CHECKING:
    from govtext.segmenter import Segmenter

IDF_FILE = "idf.tsv"
STOPWORDS_FILE = "keyword_stopwords.txt"
_HAN = re.compile("[\u4e00-\u9fff]")
# Enumeration markers and ordinals are structure, not subject: 一是, 第三, 十四五 stays.
_MARKER = re.compile("^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十百]+)$")


@functools.cache
def stopwords() -> frozenset[str]:
    """Words never reported as keywords (:file:`data/keyword_stopwords.txt`)."""
    from govtext.data import read_text

    words: set[str] = set()
    for line in read_text(STOPWORDS_FILE).splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@functools.cache
def idf_table() -> tuple[dict[str, float], float]:
    """``(idf by term, idf of a term the background does not list)`` from :file:`data/idf.tsv`."""
    from govtext.data import read_text

    table: dict[str, float] = {}
    default = 0.0
    for line in read_text(IDF_FILE).splitlines():
        if line.startswith("#"):
            if line.startswith("#default\t"):
                default = float(line.split("\t")[1])
            continue
        term, value = line.split("\t")
        table[term] = float(value)
    return table, default


def is_candidate(word: str) -> bool:
    """A word that may be a keyword: two or more characters, some Chinese, not a stopword,
    not an enumeration marker. ``word`` is in the normalised form (ASCII digits)."""
    return (
        len(word) >= 2
        and _HAN.search(word) is not None
        and word not in stopwords()
        and _MARKER.match(word) is None
    )


def term_counts(text: str | Document, *, segmenter: Segmenter | None = None) -> Counter[str]:
    """How often each keyword candidate occurs in ``text`` (normalised word forms)."""
    from govtext.segmenter import segmenter as shared_segmenter

    seg = segmenter or shared_segmenter()
    doc = text if isinstance(text, Document) else Document.from_text(text)
    norm = doc.norm
    counts: Counter[str] = Counter()
    for tok in seg.tokens(doc):
        word = norm[tok.start : tok.end]
        if is_candidate(word):
            counts[word] += 1
    return counts


def keywords(
    text: str | Document, n: int = 10, *, segmenter: Segmenter | None = None
) -> list[tuple[str, float]]:
    """The ``n`` words of ``text`` with the highest TF-IDF, best first.

    TF is a word's share of the document's candidate words; IDF comes from the background
    table (a word missing from it counts as occurring in one background paragraph). Ties go
    to the word that sorts first, so the result is deterministic.

    Args:
        text: a string or a :class:`~govtext.document.Document`.
        n: how many keywords.
        segmenter: a :class:`~govtext.segmenter.Segmenter` with user dictionaries, if any.

    Example:
        >>> [w for w, _ in keywords("坚决打好污染防治攻坚战，持续打好蓝天保卫战。", 2)]
        ['蓝天保卫战', '污染防治攻坚战']
    """
    counts = term_counts(text, segmenter=segmenter)
    total = sum(counts.values())
    if not total or n <= 0:
        return []
    idf, default = idf_table()
    scored = [(word, c / total * idf.get(word, default)) for word, c in counts.items()]
    scored.sort(key=lambda ws: (-ws[1], ws[0]))
    return [(word, round(score, 6)) for word, score in scored[:n]]
