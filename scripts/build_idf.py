"""Build src/govtext/data/idf.tsv: the background inverse document frequencies that
``govtext.keywords`` weighs a report's words with.

    python scripts/build_idf.py        # needs ../shared

Units are paragraphs (non-blank lines of at least MIN_CHARS characters) of the State Council
reports in ../shared/corpus/national_gov_reports.jsonl and the seed reports in ../shared/seeds.
Each is cut with govtext.segment (government lexicon included) and its keyword candidates
(govtext.tfidf.is_candidate) counted once. idf = ln((1 + N) / (1 + df)) + 1, the smoothed form
scikit-learn uses; terms in fewer than MIN_DF paragraphs are left out and take the file's
default, the idf of df = 1. Only terms and numbers are written: derived statistics, no text.
Rerun after changing the lexicon or the stopwords.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "govtext" / "data" / "idf.tsv"
MIN_CHARS = 10
MIN_DF = 3
sys.path.insert(0, str(ROOT / "src"))


def paragraphs() -> tuple[list[str], int, int]:
    """Background paragraphs, and how many reports of each kind they came from."""
    units: list[str] = []
    national = seeds = 0
    with (SHARED / "corpus" / "national_gov_reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            national += 1
            units.extend(json.loads(line)["content"].splitlines())
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        seeds += 1
        units.extend(p.read_text(encoding="utf-8").splitlines())
    return [u.strip() for u in units if len(u.strip()) >= MIN_CHARS], national, seeds


def main() -> None:
    if not (SHARED / "seeds").is_dir():
        sys.exit("../shared is not present")
    from govtext.document import Document
    from govtext.segmenter import read_lexicon
    from govtext.tfidf import term_counts

    units, national, seeds = paragraphs()
    df: Counter[str] = Counter()
    for unit in units:
        df.update(term_counts(Document.from_text(unit)).keys())
    n = len(units)

    def idf(d: int) -> float:
        return math.log((1 + n) / (1 + d)) + 1

    kept = sorted((t, d) for t, d in df.items() if d >= MIN_DF)
    lines = [
        "# govtext background IDF for keywords(): term<TAB>idf, idf = ln((1+N)/(1+df)) + 1.",
        f"# Derived statistics, no text: df = number of paragraphs (lines of >= {MIN_CHARS} "
        f"characters) holding the term, over {national} records of "
        "../shared/corpus/national_gov_reports.jsonl (State Council reports 1954-2025 and the "
        f"NPC resolutions on them) and the {seeds} reports of ../shared/seeds, cut with "
        f"govtext.segment ({len(read_lexicon())} lexicon terms). Terms with df < {MIN_DF} are "
        "left out and take #default (the idf of df = 1). Built by scripts/build_idf.py.",
        f"#N\t{n}",
        f"#default\t{idf(1):.4f}",
    ]
    lines += [f"{t}\t{idf(d):.4f}" for t, d in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{n} paragraphs, {len(df)} terms, {len(kept)} with df >= {MIN_DF} written to {OUT}")


if __name__ == "__main__":
    main()
