"""Section roles: preamble / review / problems / plan / closing (TAXONOMY.md, last line).

Rule-based on purpose: a role is read off the top-level heading ("一、2024年工作回顾",
"二、存在的问题和不足", "三、2025年工作打算"), and sub-sections inherit their parent's role.
The cue words live in ``data/section_roles.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from govtext import _re
from govtext.data import read_text

ROLES = ("preamble", "review", "problems", "plan", "closing")


@lru_cache(maxsize=1)
def _cues() -> tuple[list[tuple[str, list[re.Pattern[str]]]], re.Pattern[str]]:
    data = json.loads(read_text("section_roles.json"))
    ordered = [(role, [_re.compile(p) for p in data["cues"][role]]) for role in data["order"]]
    return ordered, _re.compile(data["closing_paragraph"])


def role_of_title(title: str) -> str | None:
    """The role a heading's words name, or None when they name none."""
    ordered, _ = _cues()
    for role, patterns in ordered:
        for pat in patterns:
            if pat.search(title):
                return role
    return None


def is_closing_paragraph(text: str) -> bool:
    return _cues()[1].match(text) is not None
