"""Small text helpers shared by extractors and rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def literal_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, built as a prefix trie so that the engine tries one
    branch per first character instead of every word at every position."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            branches.append(re.escape(ch) + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


def positions(
    text: str, needles: Iterable[str], start: int = 0, end: int | None = None
) -> list[int]:
    """Sorted start offsets of every occurrence of any of ``needles`` in ``text[start:end]``.

    ``str.find`` runs at memory speed (about 20 times faster than a ``re`` scan of the same
    text), so rules find their rare anchor characters this way and match patterns only there.
    """
    end = len(text) if end is None else end
    out: list[int] = []
    for needle in needles:
        i = text.find(needle, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(needle, i + 1, end)
    out.sort()
    return out
