"""Evaluate the metric extractor against the hand-annotated mentions in corpus/metrics/.

    python scripts/eval_metrics.py [--split test|dev…] [--indicators rules|ranked]
        [--part all|national|written] [--errors N] [--field indicator]

The gold files hold references into ../shared (document id, code-point offsets) and the
annotated fields; the extractor runs on each whole document (so section roles are known) and
its records inside the annotated passages are matched to gold mentions by span overlap.
Scores: mention precision/recall/F1; on matched mentions, accuracy of value, unit, indicator
(exact, and "contained": one string inside the other with the same last character, i.e. the
same head noun), direction, target, approx, comparison and placeholder.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
METRICS = ROOT / "corpus" / "metrics"
# The development splits, in the order they were annotated (dev, dev2, …): every gold file but
# the held-out `test` and the once-annotated `train`, so that a new split needs no code change.
DEV_SPLITS = tuple(
    sorted(
        (p.stem.removeprefix("gold_") for p in METRICS.glob("gold_dev*.jsonl")),
        key=lambda s: int(s.removeprefix("dev") or 1),
    )
)


def load_docs() -> dict[str, str]:
    docs: dict[str, str] = {}
    with (SHARED / "corpus" / "national_gov_reports.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            docs[f"national/{i}"] = json.loads(line)["content"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        docs[f"seeds/{path.name}"] = path.read_text(encoding="utf-8")
    # Real Word files: offsets are into the text govtext's reader decodes from them.
    from govtext.readers import read

    for path in sorted((SHARED / "real_docx").glob("*.docx")):
        docs[f"real_docx/{path.name}"] = read(path).text
    # Department-style passages written for the annotated splits (our own text, in the repo).
    for path in sorted(METRICS.glob("written_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            docs[rec["doc"]] = rec["text"]
    return docs


def _norm_ind(s: str) -> str:
    # Quotes and spaces aside, and in simplified characters: the extractor reads a report in
    # traditional script through the simplified view (govtext.document.normalise), while the
    # annotators keep its indicators as written. The ranker compares candidates the same way.
    from govtext.extract.indicator_ranker import compare_key

    return compare_key(s)


def indicator_match(pred: str, gold: str) -> tuple[bool, bool]:
    p, g = _norm_ind(pred), _norm_ind(gold)
    exact = p == g
    contained = exact or (bool(p) and bool(g) and (p in g or g in p) and p[-1] == g[-1])
    return exact, contained


Mention = dict[str, object]


def match_mentions(
    gold: list[Mention], other: list[Mention]
) -> tuple[list[tuple[Mention, Mention]], list[Mention], list[Mention]]:
    """Pair mentions of the same document whose spans overlap, each used once, in order:
    the pairs, the gold mentions left unpaired, and the other side's left unpaired."""
    used: set[int] = set()
    pairs = []
    missed = []
    for g in gold:
        match = next(
            (
                j
                for j, p in enumerate(other)
                if j not in used
                and p["doc"] == g["doc"]
                and p["start"] < g["end"]  # type: ignore[operator]
                and g["start"] < p["end"]  # type: ignore[operator]
            ),
            None,
        )
        if match is None:
            missed.append(g)
        else:
            used.add(match)
            pairs.append((g, other[match]))
    return pairs, missed, [p for j, p in enumerate(other) if j not in used]


def _in_part(doc_id: str, part: str) -> bool:
    # Written passages carry doc ids written*/N; everything else is a real report.
    return part == "all" or (doc_id.startswith("written") == (part == "written"))


def evaluate(split: str, indicators: str = "rules", part: str = "all") -> dict[str, object]:
    from govtext import Document
    from govtext.pipeline import parse_document

    docs = load_docs()
    passages = [json.loads(x) for x in (METRICS / f"passages_{split}.jsonl").open(encoding="utf-8")]
    gold = [json.loads(x) for x in (METRICS / f"gold_{split}.jsonl").open(encoding="utf-8")]
    for g in gold:
        # Long indicators are stored as a span of the document, not as copied text.
        if "indicator_span" in g:
            a, b = g.pop("indicator_span")
            g["indicator"] = docs[str(g["doc"])][a:b]
    gold = [g for g in gold if _in_part(str(g["doc"]), part)]
    passages = [p for p in passages if _in_part(str(p["doc"]), part)]
    by_doc: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for p in passages:
        text = docs[p["doc"]][p["start"] : p["end"]]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != p["sha1"]:
            raise SystemExit(f"passage {p['pid']} does not match ../shared (hash differs)")
        by_doc[p["doc"]].append(p)
    preds: list[dict[str, object]] = []
    for doc_id, ps in by_doc.items():
        doc = Document.from_text(docs[doc_id], path=doc_id)
        report = parse_document(doc, findings=False, sentences=False, indicators=indicators)
        for m in report.metrics:
            if any(p["start"] <= m.start < p["end"] for p in ps):
                rec = m.to_dict()
                rec["doc"] = doc_id
                preds.append(rec)
    pairs, missed, spurious = match_mentions(gold, preds)
    tp = len(pairs)
    precision = tp / max(1, len(preds))
    recall = tp / max(1, len(gold))
    scores: dict[str, object] = {
        "gold": len(gold),
        "predicted": len(preds),
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
    }
    fields = collections.Counter()
    for g, p in pairs:
        fields["value"] += (g["value"] is None and p["value"] is None) or (
            g["value"] is not None
            and p["value"] is not None
            and abs(float(g["value"]) - float(p["value"])) < 1e-6
        )
        fields["unit"] += g["unit"] == p["unit"]
        exact, contained = indicator_match(str(p["indicator"]), str(g["indicator"]))
        fields["indicator"] += exact
        fields["indicator_contained"] += contained
        for k in ("direction", "target", "approx", "comparison", "placeholder", "number"):
            fields[k] += g[k] == p[k]
        fields["text"] += g["text"] == p["text"]
    for k in (
        "value",
        "unit",
        "indicator",
        "indicator_contained",
        "direction",
        "target",
        "approx",
        "comparison",
        "placeholder",
        "number",
        "text",
    ):
        scores[k] = fields[k] / max(1, tp)
    scores["_pairs"] = pairs
    scores["_predicted"] = preds
    scores["_missed"] = missed
    scores["_spurious"] = spurious
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split",
        default="test",
        choices=["test", *DEV_SPLITS, "train"],
    )
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--field", default="indicator", help="field whose disagreements to print")
    ap.add_argument(
        "--indicators", default="rules", choices=["rules", "ranked"], help="as `govtext parse`"
    )
    ap.add_argument(
        "--part",
        default="all",
        choices=["all", "national", "written"],
        help="score only real reports' passages or only the written ones",
    )
    args = ap.parse_args()
    if not (SHARED / "seeds").is_dir():
        sys.exit("../shared is not present: the gold references cannot be resolved")
    s = evaluate(args.split, args.indicators, args.part)
    part = "" if args.part == "all" else f", {args.part} part"
    print(
        f"metrics on {args.split}{part} ({args.indicators} indicators): {s['gold']} gold mentions, {s['predicted']} predicted, "
        f"{s['matched']} matched"
    )
    print(
        f"  mentions  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
        "   (aim: P and R >= 0.95)"
    )
    aims = {"value": 0.98, "unit": 0.98, "direction": 0.90, "indicator": 0.85}
    for k in (
        "value",
        "unit",
        "indicator",
        "indicator_contained",
        "direction",
        "target",
        "approx",
        "comparison",
        "placeholder",
        "text",
    ):
        aim = f"   (aim >= {aims[k]:.2f})" if k in aims else ""
        print(f"  {k:<20} {s[k]:.3f}{aim}")
    if args.errors:
        docs = load_docs()

        def ctx(d: dict[str, object]) -> str:
            t = docs[str(d["doc"])]
            a, b = int(d["start"]), int(d["end"])  # type: ignore[call-overload]
            return (t[max(0, a - 30) : a] + "[" + t[a:b] + "]" + t[b : b + 10]).replace("\n", "/")

        print("\nmissed:")
        for g in s["_missed"][: args.errors]:  # type: ignore[index]
            print("  ", ctx(g))
        print("\nspurious:")
        for p in s["_spurious"][: args.errors]:  # type: ignore[index]
            print("  ", ctx(p))
        print(f"\n{args.field} disagreements (gold | predicted):")
        n = 0
        for g, p in s["_pairs"]:  # type: ignore[attr-defined]
            if args.field == "indicator":
                bad = not indicator_match(str(p["indicator"]), str(g["indicator"]))[0]
            else:
                bad = g[args.field] != p[args.field]
            if bad and n < args.errors:
                print(f"   {ctx(g)}  | {g[args.field]} | {p[args.field]}")
                n += 1


if __name__ == "__main__":
    main()
