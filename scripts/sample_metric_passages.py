"""Draw passages for a metric annotation split from the national corpus, reproducibly.

    python scripts/sample_metric_passages.py --docs 6,8,15 --per-doc 4 --seed 7 -o OUT.jsonl

A passage is one paragraph (a block between blank lines) of 60-700 characters holding at least
three numbers; `--per-doc` of them are drawn at random from each document. The output carries
the reference fields of `corpus/metrics/passages_<split>.jsonl` (pid, doc, start, end, sha1)
and, for the annotators' working copy only, the passage `text` (never committed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_NUMBER = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千万亿两]{2,}[^年月日]"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", text + "\n\n"):
        start, end = pos, m.start()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
        pos = m.end()
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True, help="comma-separated line indexes of the corpus")
    ap.add_argument("--per-doc", type=int, default=4)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    lines = (
        (SHARED / "corpus" / "national_gov_reports.jsonl").read_text(encoding="utf-8").splitlines()
    )
    rng = random.Random(args.seed)
    out = []
    for idx in (int(x) for x in args.docs.split(",")):
        text = json.loads(lines[idx])["content"]
        pool = [
            (s, e)
            for s, e in paragraphs(text)
            if 60 <= e - s <= 700 and len(_NUMBER.findall(text[s:e])) >= 3
        ]
        for s, e in sorted(rng.sample(pool, min(args.per_doc, len(pool)))):
            passage = text[s:e]
            out.append(
                {
                    "pid": f"national/{idx}@{s}-{e}",
                    "doc": f"national/{idx}",
                    "start": s,
                    "end": e,
                    "sha1": hashlib.sha1(passage.encode()).hexdigest()[:12],
                    "text": passage,
                }
            )
    with open(args.output, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} passages, {sum(len(r['text']) for r in out)} characters -> {args.output}")


if __name__ == "__main__":
    main()
