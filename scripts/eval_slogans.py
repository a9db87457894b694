"""Evaluate the slogan extractor against the slogans annotated by reading the five seeds.

    python scripts/eval_slogans.py [--errors N]

corpus/slogans/gold_seeds.jsonl holds every slogan mention in ../shared/seeds (offsets, kind,
count, the expansion the report gives) and every quoted string that is not a slogan (titles,
names, dates, reported wording). Scores: slogan P/R by span overlap, count and expansion
accuracy on matched slogans, and how many non-slogans (and document titles among them) were
reported as slogans.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "corpus" / "slogans" / "gold_seeds.jsonl"


def evaluate() -> dict[str, object]:
    from govtext import Document
    from govtext.pipeline import parse_document

    gold = [json.loads(x) for x in GOLD.open(encoding="utf-8")]
    by_doc: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for g in gold:
        by_doc[str(g["doc"])].append(g)
        # Long texts and expansion items are stored as spans of the seed, not as copied text.
        seed = (SEEDS / str(g["doc"]).split("/", 1)[1]).read_text(encoding="utf-8")
        if "text_span" in g:
            a, b = g.pop("text_span")  # type: ignore[misc]
            g["text"] = seed[a:b]
        if g.get("expansion"):
            g["expansion"] = [
                seed[x[0] : x[1]] if isinstance(x, list) else x
                for x in g["expansion"]  # type: ignore[union-attr]
            ]
    pairs, missed, spurious, false_titles, false_names = [], [], [], [], []
    for doc_id, gs in by_doc.items():
        text = (SEEDS / doc_id.split("/", 1)[1]).read_text(encoding="utf-8")
        report = parse_document(Document.from_text(text, path=doc_id), findings=False)
        preds = list(report.slogans)
        used: set[int] = set()
        # Slogans first: a slogan inside a quoted title is matched as the slogan it is.
        for g in sorted(gs, key=lambda g: g["kind"] == "not_slogan"):
            hit = next(
                (
                    j
                    for j, p in enumerate(preds)
                    if j not in used and p.start < int(g["end"]) and int(g["start"]) < p.end
                ),
                None,
            )
            if g["kind"] == "not_slogan":
                if hit is not None:
                    used.add(hit)
                    (false_titles if _is_title(text, g) else false_names).append((text, g))
                continue
            if hit is None:
                missed.append((text, g))
            else:
                used.add(hit)
                pairs.append((text, g, preds[hit]))
        spurious.extend((text, p) for j, p in enumerate(preds) if j not in used)
    n_gold = sum(1 for g in gold if g["kind"] != "not_slogan")
    n_pred = len(pairs) + len(spurious) + len(false_titles) + len(false_names)
    count_ok = sum(1 for _, g, p in pairs if g["count"] == p.count)
    given = [(g, p) for _, g, p in pairs if g["expansion_where"] in ("parenthesis", "enumeration")]
    exp_ok = sum(1 for g, p in given if list(p.expansion or ()) == list(g["expansion"] or ()))
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": len(pairs),
        "precision": len(pairs) / max(1, n_pred),
        "recall": len(pairs) / max(1, n_gold),
        "count": count_ok / max(1, len(pairs)),
        "expansions_in_text": len(given),
        "expansion_exact": exp_ok / max(1, len(given)),
        "titles_as_slogans": len(false_titles),
        "names_as_slogans": len(false_names),
        "_missed": missed,
        "_spurious": spurious,
        "_false": false_titles + false_names,
        "_pairs": pairs,
    }


def _is_title(text: str, g: dict[str, object]) -> bool:
    s = int(g["start"])  # type: ignore[call-overload]
    return text[s - 1 : s] == "《"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if not SEEDS.is_dir():
        sys.exit("../shared is not present")
    s = evaluate()
    print(
        f"slogans on the seeds: {s['gold']} gold, {s['predicted']} predicted, {s['matched']} matched"
    )
    print(f"  P {s['precision']:.3f}  R {s['recall']:.3f}   count {s['count']:.3f}")
    print(
        f"  expansions the reports spell out: {s['expansions_in_text']}, exact {s['expansion_exact']:.3f}"
    )
    print(
        f"  non-slogans reported: titles {s['titles_as_slogans']}, names/other {s['names_as_slogans']}"
    )
    if args.errors:
        for label, rows in (("missed", s["_missed"]), ("false (not slogans)", s["_false"])):
            print(f"\n{label}:")
            for text, g in rows[: args.errors]:  # type: ignore[index]
                a, b = int(g["start"]), int(g["end"])
                print(
                    "  ",
                    text[max(0, a - 12) : a].replace("\n", "/"),
                    f"[{text[a:b]}]",
                    text[b : b + 8].replace("\n", "/"),
                )
        print("\nspurious:")
        for text, p in s["_spurious"][: args.errors]:  # type: ignore[index]
            print(
                "  ",
                text[max(0, p.start - 12) : p.start].replace("\n", "/"),
                f"[{p.text}]",
                text[p.end : p.end + 8].replace("\n", "/"),
            )
        print("\nexpansion / count disagreements:")
        for _text, g, p in s["_pairs"]:  # type: ignore[attr-defined]
            if g["expansion_where"] in ("parenthesis", "enumeration") and list(
                p.expansion or ()
            ) != list(g["expansion"] or ()):
                print("   EXP", g["text"], g["expansion"], "|", p.expansion)
            elif g["count"] != p.count:
                print("   CNT", g["text"], g["count"], "|", p.count)


if __name__ == "__main__":
    main()
