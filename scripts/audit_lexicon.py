"""Check src/govtext/data/gov_lexicon.tsv against ../shared (seeds and State Council reports).

    python scripts/audit_lexicon.py               # one line per term, then totals
    python scripts/audit_lexicon.py --conflicts   # also the places where a term may be wrong

For each term: where it occurs in ../shared (the "seen in" attestation the source column may
cite), how many occurrences govtext.segment keeps whole (no cut inside the term; a longer
word may hold it, as 中国共产党 holds 共产党), how many plain jieba keeps whole, and
*conflicts*: occurrences where plain jieba makes a word that straddles the term's edge
("县中学" → 县/中学 for the term 县中), the places where adding the term may break ordinary
segmentation. Conflicts are printed with a few characters of context for review on screen;
nothing from ../shared is written anywhere.
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))


def shared_documents() -> dict[str, str]:
    """label -> text: "seeds 000" … and "national 2025" (a resolution: "national #1")."""
    docs: dict[str, str] = {}
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        docs[f"seeds {p.name[:3]}"] = p.read_text(encoding="utf-8")
    corpus = SHARED / "corpus" / "national_gov_reports.jsonl"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                rec = json.loads(line)
                label = f"national {rec['year']}" if rec.get("year") else f"national #{i}"
                docs[label] = rec["content"]
    return docs


def attestation(labels: list[str], limit: int = 4) -> str:
    """ "seen in ../shared seeds 000, 004; national 2018, 2019 (+3)" """
    seeds = [lab.split()[1] for lab in labels if lab.startswith("seeds")]
    # report years, newest first, then the NPC resolutions on the reports by corpus line (#5)
    national = sorted(
        (lab.split()[1] for lab in labels if lab.startswith("national")),
        key=lambda v: (v.startswith("#"), -int(v.lstrip("#")) if v[0] != "#" else int(v[1:])),
    )
    parts = []
    if seeds:
        parts.append("seeds " + ", ".join(seeds))
    if national:
        more = f" (+{len(national) - limit})" if len(national) > limit else ""
        parts.append("national " + ", ".join(national[:limit]) + more)
    return "seen in ../shared " + "; ".join(parts) if parts else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conflicts", action="store_true", help="print conflict contexts")
    args = ap.parse_args()
    import jieba

    from govtext.document import normalise
    from govtext.segmenter import read_lexicon, segmenter

    jieba.setLogLevel(logging.WARNING)
    docs = shared_documents()
    if not docs:
        sys.exit("../shared is not present")
    seg = segmenter()
    cuts: dict[str, tuple[set[int], set[int], list[int], list[int]]] = {}  # starts
    for label, text in docs.items():
        norm = normalise(text)
        ours = seg.ends(norm)
        plain_ends: list[int] = []
        at = 0
        for w in jieba.cut(norm):
            at += len(w)
            plain_ends.append(at)
        ours_starts = [0, *ours[:-1]]
        plain_starts = [0, *plain_ends[:-1]]
        cuts[label] = (set(ours_starts), set(plain_starts), plain_starts, plain_ends)
    total = whole = plain_whole = conflicts = overrides = 0
    unseen = []
    for term, tag, _source in read_lexicon():
        labels, n, n_ours, n_plain, bad = [], 0, 0, 0, []
        for label, text in docs.items():
            norm = normalise(text)
            ours, plain, plain_starts, plain_ends = cuts[label]
            i = norm.find(term)
            if i >= 0:
                labels.append(label)
            while i >= 0:
                j = i + len(term)
                n += 1
                # whole: no cut inside the term (a longer word may hold it: 中国共产党)
                n_ours += not any(k in ours for k in range(i + 1, j))
                n_plain += not any(k in plain for k in range(i + 1, j))
                # a plain-jieba word that starts inside the term and ends after it, or
                # starts before it and ends inside it
                k = bisect.bisect_right(plain_ends, i)  # first word ending after i
                straddles = False
                while k < len(plain_starts) and plain_starts[k] < j:
                    s, e = plain_starts[k], plain_ends[k]
                    straddles |= s < i < e < j or i < s < j < e
                    k += 1
                if straddles:
                    kept = "kept" if not any(k in ours for k in range(i + 1, j)) else "cut"
                    bad.append(kept + ": " + norm[max(0, i - 6) : j + 6].replace("\n", "⏎"))
                i = norm.find(term, j)
        total += n
        whole += n_ours
        plain_whole += n_plain
        conflicts += len(bad)
        overrides += sum(b.startswith("kept") for b in bad)
        if not n:
            unseen.append(term)
        print(
            f"{term}\t{tag}\t{n} occ\tgovtext whole {n_ours}\tjieba whole {n_plain}\t"
            f"conflicts {len(bad)}\t{attestation(labels)}"
        )
        if args.conflicts:
            for b in bad[:5]:
                print(f"    conflict, {b}")
    print(
        f"\n{len(read_lexicon())} terms; {total} occurrences in ../shared; govtext keeps {whole} "
        f"whole ({whole / max(total, 1):.1%}), plain jieba {plain_whole}; "
        f"{conflicts} straddling-word conflicts ({overrides} where govtext keeps the term); "
        f"{len(unseen)} terms not seen in ../shared"
    )


if __name__ == "__main__":
    main()
