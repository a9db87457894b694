"""Every rule's pass/fail cases (tests/rules/cases/CODE.yml), the way sqlfluff tests rules.

A fail case lists the flagged substrings, in order; a pass case must raise nothing of that rule.
The cases are govtext's own writing in the genre, including the issue's never-flag traps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from govtext import Document
from govtext.config import validate
from govtext.lint import lint

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return out


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    text = case.get("fail", case.get("pass"))
    config = validate(case.get("config", {}), "<case>")
    doc = Document.from_text(text)
    found = [f for f in lint(doc, config=config, select=[code]) if f.code == code]
    if "fail" in case:
        assert [f.text for f in found] == case["expect"], [(f.text, f.message) for f in found]
        for f in found:
            assert doc.text[f.start : f.end] == f.text
            assert f.message
    else:
        assert found == [], [(f.text, f.message) for f in found]
