"""The rule registry: stable codes, documented rules, a case file for each."""

from __future__ import annotations

from pathlib import Path

from govtext.rules.base import CATEGORIES, CODE_PATTERN, DOC_HEADINGS, Severity
from govtext.rules.registry import all_rules, resolve

CASES_DIR = Path(__file__).parent / "cases"


def test_codes_are_unique_and_well_formed() -> None:
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    assert all(CODE_PATTERN.match(c) for c in codes)
    prefixes = {"placeholder": "P", "structure": "S", "punctuation": "Q", "consistency": "C", "wording": "W",
                "boilerplate": "B"}  # fmt: skip
    for r in all_rules():
        assert r.category in CATEGORIES
        assert r.code[0] == prefixes[r.category]
        assert isinstance(r.severity, Severity)
        assert r.status in ("stable", "preview", "removed")


def test_every_docstring_has_every_heading_and_every_rule_a_case_file() -> None:
    for r in all_rules():
        doc = r.doc()
        assert doc.splitlines()[0].strip(), r.code
        for heading in DOC_HEADINGS:
            assert f"## {heading}" in doc, (r.code, heading)
        assert (CASES_DIR / f"{r.code}.yml").exists(), r.code


def test_selectors() -> None:
    assert resolve(["P101"]) == {"P101"}
    assert {"P101", "P102"} <= resolve(["P1"])
    assert resolve(["letter-placeholder"]) == {"P101"}
    assert all(c.startswith("Q") for c in resolve(["punctuation"]))
    assert len(resolve(["ALL"])) == len(all_rules())
