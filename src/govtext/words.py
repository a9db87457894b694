"""The common-word list (jieba's dictionary, frequency >= 3, plus the government lexicon),
searched in place: ``is_word("一体化")``. Used where a rule or extractor must tell a word from
an accident of adjacent characters (doubled characters, numeral formulas)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from govtext.data import path as data_path


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Any, int]:
    """The word list memory-mapped (lines "c<TAB> w1 w2 … " sorted by c), and where line 2 starts.

    Searched in place by bisection: loading 290,000 words, or even an index of the 5,600
    lines, would cost more than linting a report (scripts/build_common_words.py writes it).
    """
    import mmap

    with open(data_path("common_words.txt"), "rb") as fh:
        blob = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return blob, blob.find(b"\n") + 1


@lru_cache(maxsize=4096)
def _line_of(first: str) -> tuple[int, int] | None:
    """Byte range of the " w1 w2 … " part of the line for words starting with ``first``."""
    blob, lo = _lexicon()
    hi = len(blob)
    key = first.encode("utf-8")
    while lo < hi:
        mid = (lo + hi) // 2
        start = blob.rfind(b"\n", lo - 1, mid) + 1
        start = max(start, lo)
        end = blob.find(b"\n", mid)
        if end < 0:
            end = hi
        if start > mid:  # mid fell on a line break
            start = mid
        tab = blob.find(b"\t", start, end)
        head = blob[start:tab]
        if head == key:
            return tab + 1, end
        if head.decode("utf-8") < first:
            lo = end + 1
        else:
            hi = start
    return None


def is_word(w: str) -> bool:
    if len(w) < 2:
        return False
    span = _line_of(w[0])
    return (
        span is not None
        and _lexicon()[0].find(b" " + w.encode("utf-8") + b" ", span[0], span[1]) >= 0
    )
