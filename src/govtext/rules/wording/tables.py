"""Word tables for the wording rules: a data file of wrong → right entries, each with its source.

Literal entries are matched with one prefix-trie regex; entries with a ``pattern`` (a regular
expression for context, e.g. 截止 before a date) are matched separately.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from govtext import _re
from govtext.data import read_text
from govtext.textutil import literal_alternation


class Entry(NamedTuple):
    wrong: str
    right: str
    source: str


class WordTable(NamedTuple):
    literal: re.Pattern[str] | None
    by_literal: dict[str, Entry]
    patterns: tuple[tuple[re.Pattern[str], Entry], ...]

    def find(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """``(start, end, entry)`` for every match, in text order."""
        hits = []
        if self.literal is not None:
            for m in self.literal.finditer(text):
                hits.append((m.start(), m.end(), self.by_literal[m.group()]))
        for pat, entry in self.patterns:
            for m in pat.finditer(text):
                hits.append((m.start(), m.end(), entry))
        yield from sorted(hits, key=lambda h: h[0])


@cache
def load_table(name: str) -> WordTable:
    literals: dict[str, Entry] = {}
    patterns = []
    for line in read_text(name).splitlines():
        rec = json.loads(line)
        if "wrong" not in rec:
            continue
        entry = Entry(rec["wrong"], rec["right"], rec["source"])
        if rec.get("pattern"):
            patterns.append((_re.compile(rec["pattern"]), entry))
        else:
            literals[rec["wrong"]] = entry
    literal = _re.compile(literal_alternation(literals)) if literals else None
    return WordTable(literal, literals, tuple(patterns))
