"""Draw passages for a metric annotation split from the national corpus, reproducibly.

    python scripts/sample_metric_passages.py --docs 6,8,15 --per-doc 4 --seed 7 -o OUT.jsonl
    python scripts/sample_metric_passages.py --docx gwr2025_henan.docx --per-doc 6 -o OUT.jsonl
    python scripts/sample_metric_passages.py --docs 2 --exclude corpus/metrics/passages_dev.jsonl …

A passage is one paragraph of 60-700 characters holding at least three numbers, or
`--min-numbers` (a block between blank lines; in a `.docx` of `../shared/real_docx`, read by
govtext's reader, a line); `--per-doc` of them are drawn at random from each document. The output carries
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


def lines_of(text: str) -> list[tuple[int, int]]:
    """Non-blank lines without their indentation: the paragraphs of a text read from .docx."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        pos += len(line) + 1
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="", help="comma-separated line indexes of the corpus")
    ap.add_argument("--docx", default="", help="comma-separated file names in ../shared/real_docx")
    ap.add_argument("--per-doc", type=int, default=4)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--min-numbers", type=int, default=3, help="numbers a passage must hold")
    ap.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="a passages_<split>.jsonl whose passages must not be drawn again (repeatable)",
    )
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    lines = (
        (SHARED / "corpus" / "national_gov_reports.jsonl").read_text(encoding="utf-8").splitlines()
    )
    rng = random.Random(args.seed)
    sources: list[tuple[str, str, list[tuple[int, int]]]] = []
    for idx in (int(x) for x in args.docs.split(",") if x):
        text = json.loads(lines[idx])["content"]
        sources.append((f"national/{idx}", text, paragraphs(text)))
    for name in (x for x in args.docx.split(",") if x):
        from govtext.readers import read

        text = read(SHARED / "real_docx" / name).text
        sources.append((f"real_docx/{name}", text, lines_of(text)))
    taken: dict[str, list[tuple[int, int]]] = {}
    for path in args.exclude:
        for row in Path(path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(row)
            taken.setdefault(rec["doc"], []).append((rec["start"], rec["end"]))
    out = []
    for doc, text, spans in sources:
        pool = [
            (s, e)
            for s, e in spans
            if 60 <= e - s <= 700
            and len(_NUMBER.findall(text[s:e])) >= args.min_numbers
            and not any(s < te and ts < e for ts, te in taken.get(doc, ()))
        ]
        for s, e in sorted(rng.sample(pool, min(args.per_doc, len(pool)))):
            passage = text[s:e]
            out.append(
                {
                    "pid": f"{doc}@{s}-{e}",
                    "doc": doc,
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
