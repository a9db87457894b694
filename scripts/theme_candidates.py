"""Cut candidate units for labelling from the training part of ../shared (round 2 and later).

    python scripts/theme_candidates.py -n 400 --seed 2 -o /tmp/candidates.jsonl
    python scripts/theme_candidates.py -n 60 --search 执法 监管 查处 -o /tmp/enforcement.jsonl

A candidate is a reference (doc, para, start, end, sha1, kind) into a State Council report
of ../shared, with its text added for the annotator to read; labels.jsonl keeps only the
reference. Candidates are cut as the first round's were, by blank-line blocks: a block is a
paragraph, or a heading when it is short and starts with a heading marker; inside a
paragraph with two or more ``一是/二是…`` or ``第一，/第二，`` items, each item is a candidate
too. ``para`` is the block's index among the document's blank-line blocks.

Only documents of the training part are used: a document with any held-out unit is skipped,
and so are candidates that overlap a labelled unit, are near-duplicates of any labelled unit
(held-out or not), or of another chosen candidate. The seeds of the training part are not
cut: every line of them is already labelled. ``--search`` keeps candidates containing one of
the words (targeted sampling for rare or weak themes); otherwise they are drawn at random.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.themes.labels import SharedCorpus, read_labels, text_sha1  # noqa: E402

LABELS = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+[部章])"
)
ITEM = re.compile(
    r"(?:(?<=^)|(?<=[。；！]))\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]，)"
)
MIN_CHARS = 8


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the blank-line-separated blocks, surrounding blanks stripped."""
    out: list[tuple[int, int]] = []
    current: list[int] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip():
            a = start + len(line) - len(line.lstrip())
            b = start + len(line.rstrip())
            if current is None:
                current = [a, b]
            else:
                current[1] = b
        elif current is not None:
            out.append((current[0], current[1]))
            current = None
    if current is not None:
        out.append((current[0], current[1]))
    return out


def cut(doc: str, text: str, year: Any) -> list[dict[str, Any]]:
    """Every candidate of one document: blocks, and the items of paragraphs that have them."""
    out = []
    for para, (start, end) in enumerate(blocks(text)):
        block = text[start:end]
        if len(block.strip()) < MIN_CHARS:
            continue
        kind = "heading" if len(block) <= 50 and HEADING.match(block) else "para"
        out.append(_candidate(doc, year, para, start, end, kind, text))
        if kind != "para":
            continue
        marks = [m.start() + len(m.group()) - len(m.group().lstrip()) for m in ITEM.finditer(block)]
        if len(marks) < 2:
            continue
        for a, b in zip(marks, [*marks[1:], len(block)], strict=True):
            item = block[a:b].rstrip()
            if len(item) >= MIN_CHARS:
                out.append(
                    _candidate(doc, year, para, start + a, start + a + len(item), "item", text)
                )
    return out


def _candidate(
    doc: str, year: Any, para: int, start: int, end: int, kind: str, text: str
) -> dict[str, Any]:
    return {
        "id": f"{doc}@{start}-{end}",
        "doc": doc,
        "year": year,
        "para": para,
        "start": start,
        "end": end,
        "sha1": text_sha1(text[start:end]),
        "kind": kind,
        "text": text[start:end],
    }


class NearDuplicates:
    """The test of ``near_duplicate_pairs``, one new text at a time against those added."""

    def __init__(self) -> None:
        self.sets: list[set[str]] = []
        self.index: dict[str, list[int]] = {}

    def add(self, text: str) -> None:
        grams = {text[i : i + 4] for i in range(len(text) - 3)}
        for g in grams:
            self.index.setdefault(g, []).append(len(self.sets))
        self.sets.append(grams)

    def matches(self, text: str) -> bool:
        grams = {text[i : i + 4] for i in range(len(text) - 3)}
        common: dict[int, int] = {}
        for g in grams:
            for j in self.index.get(g, ()):
                common[j] = common.get(j, 0) + 1
        for j, c in common.items():
            small = min(len(grams), len(self.sets[j]))
            if c / len(grams | self.sets[j]) >= 0.5 or (small >= 12 and c / small >= 0.9):
                return True
        return False


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=100, help="candidates to draw")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--search", nargs="*", help="keep candidates containing one of these words")
    ap.add_argument("--exclude", nargs="*", default=[], help="candidate files already drawn")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    units = read_labels(LABELS, shared=SHARED).units
    heldout_docs = {r["doc"] for r in records if r["split"] == "heldout" and "doc" in r}
    taken: dict[str, list[tuple[int, int]]] = {}
    for r in records:
        if "doc" in r:
            taken.setdefault(r["doc"], []).append((r["start"], r["end"]))
    drawn_texts = []
    for path in args.exclude:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            c = json.loads(line)
            taken.setdefault(c["doc"], []).append((c["start"], c["end"]))
            drawn_texts.append(c["text"])

    corpus = SharedCorpus(SHARED)
    lines = (SHARED / "corpus" / "national_gov_reports.jsonl").read_text(encoding="utf-8")
    years = [json.loads(line).get("year") for line in lines.splitlines()]
    pool = []
    for i, year in enumerate(years):
        doc = f"national/{i}"
        if doc in heldout_docs:
            continue
        for c in cut(doc, corpus.text(doc), year):
            spans = taken.get(doc, [])
            if any(a < c["end"] and c["start"] < b for a, b in spans):
                continue
            if args.search and not any(w in c["text"] for w in args.search):
                continue
            pool.append(c)
    rng = random.Random(args.seed)
    rng.shuffle(pool)

    known = NearDuplicates()
    for text in [u.text for u in units] + drawn_texts:
        known.add(text)
    chosen: list[dict[str, Any]] = []
    for c in pool:
        if len(chosen) == args.n:
            break
        if any(a < c["end"] and c["start"] < b for a, b in taken.get(c["doc"], [])):
            continue  # overlaps a candidate chosen before
        if known.matches(c["text"]):
            continue
        chosen.append(c)
        known.add(c["text"])
        taken.setdefault(c["doc"], []).append((c["start"], c["end"]))
    chosen.sort(key=lambda c: (int(c["doc"].split("/")[1]), c["start"]))
    with open(args.output, "w", encoding="utf-8") as fh:
        for c in chosen:
            c["how"] = "targeted" if args.search else "random"
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(pool)} candidates in the pool, {len(chosen)} written to {args.output}")


if __name__ == "__main__":
    main()
