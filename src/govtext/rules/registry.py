"""The one table of lint rules, in code order. Codes are never reused: a retired rule stays
here with ``status = "removed"``."""

from __future__ import annotations

from functools import lru_cache

from govtext.rules.base import Rule

_RULE_PATHS = (
    "placeholder.p101_letter_placeholder:LetterPlaceholder",
    "placeholder.p102_star_placeholder:StarPlaceholder",
    "placeholder.p103_missing_number:MissingNumber",
    "placeholder.p104_blank_placeholder:BlankPlaceholder",
    "placeholder.p105_instruction_left:InstructionLeft",
    "placeholder.p106_custom_placeholder:CustomPlaceholder",
    "structure.s201_repeated_item:RepeatedItem",
    "structure.s202_skipped_item:SkippedItem",
    "structure.s203_heading_sequence:HeadingSequence",
    "structure.s204_count_claim:CountClaimMismatch",
    "structure.s205_heading_level_skipped:HeadingLevelSkipped",
    "structure.s206_heading_style_mixed:HeadingStyleMixed",
    "punctuation.q301_quote_direction:QuoteDirection",
    "punctuation.q302_unbalanced_brackets:UnbalancedBrackets",
    "punctuation.q303_halfwidth_punctuation:HalfwidthPunctuation",
    "consistency.c401_parts_total:PartsDoNotAddUp",
    "consistency.c402_rate_contradicts:RateContradictsNumbers",
    "consistency.c403_indicator_two_values:IndicatorTwoValues",
    "wording.w501_doubled_character:DoubledCharacter",
    "wording.w502_misspelling:Misspelling",
    "wording.w503_variant_form:VariantForm",
    "boilerplate.b601_website_boilerplate:WebsiteBoilerplate",
    "boilerplate.b602_licence_footer:LicenceFooter",
)


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, in code order."""
    import importlib

    out = []
    for path in _RULE_PATHS:
        module, cls = path.split(":")
        out.append(getattr(importlib.import_module(f"govtext.rules.{module}"), cls))
    return tuple(sorted(out, key=lambda r: r.code))


def by_code() -> dict[str, type[Rule]]:
    table: dict[str, type[Rule]] = {}
    for r in all_rules():
        table[r.code] = r
        for alias in r.aliases:
            table[alias] = r
    return table


def resolve(selectors: list[str]) -> set[str]:
    """Codes matched by selectors: a code ("P101"), a prefix ("P", "P1"), a rule name
    ("letter-placeholder"), a category ("placeholder") or "ALL". Raises KeyError for unknown ones."""
    codes: set[str] = set()
    rules = all_rules()
    for sel in selectors:
        sel = sel.strip()
        if not sel:
            continue
        up = sel.upper()
        matched = {
            r.code
            for r in rules
            if up == "ALL"
            or r.code.startswith(up)
            or sel in (r.name, r.category)
            or up in r.aliases
        }
        if not matched:
            raise KeyError(sel)
        codes |= matched
    return codes
