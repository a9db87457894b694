"""Mutation test of the placeholder rules: take clean paragraphs, break them the way drafts are
broken, and count how many breaks the linter finds (recall) and how many of its placeholder
findings point at a break (precision).

    python scripts/mutation_test.py [--n 600] [--seed 1] [--source national|samples]

Mutations, each applied once to a paragraph that has no placeholder finding to begin with:
  number   a number before a unit becomes X, XX, XXX, X.X, Ｘ, xx, *, ** or *.*
  year     2019年 becomes 20XX年, XXXX年 or 20**年
  date     9月26日 becomes X月XX日 or *月*日
  name     a place or unit name becomes ×××, XX, 某某 or ○○
  delete   the number before %, 万元, 亿元 or 个百分点 is deleted ("增长%")
  delete-count  the number before a measure word is deleted ("完成项目个") — rarely detectable
  instruction   【待补充】, 【数据待核实】, （此处填写具体数据）, TODO：核对 or [待定] is inserted
A mutation counts as found when a placeholder finding overlaps the mutated span.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext import Document  # noqa: E402
from govtext.lint import lint  # noqa: E402

UNIT = (
    r"(?:%|％|万元|亿元|元|个|项|件|家|次|人|名|条|处|吨|亩|公里|万人|万亩|亿斤|千瓦|微克/立方米)"
)
NUMBER = re.compile(rf"(?<![\d.])\d+(?:\.\d+)?(?={UNIT})")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?=年)")
DATE = re.compile(r"(?<!\d)\d{1,2}月\d{1,2}日")
NAME = re.compile(
    r"(?:北京|上海|天津|重庆|广东|江苏|浙江|山东|河南|四川|湖北|湖南|福建|安徽|青川|临江)(?=市|省|县|区)"
)
DELETABLE = re.compile(r"(?<=[长降高升达为金额资])\d+(?:\.\d+)?(?=%|％|万元|亿元|个百分点)")
COUNT = re.compile(r"(?<=[成计共查办])\d+(?=[个项件家次])")

NUMBER_SLOTS = ["X", "XX", "XXX", "X.X", "Ｘ", "xx", "*", "**", "*.*"]
YEAR_SLOTS = ["20XX", "XXXX", "20**"]
DATE_SLOTS = ["X月XX日", "*月*日", "X月X日"]
NAME_SLOTS = ["×××", "XX", "某某", "○○"]
KINDS = ["number", "year", "date", "name", "delete", "delete-count", "instruction"]
INSTRUCTIONS = ["【待补充】", "【数据待核实】", "（此处填写具体数据）", "TODO：核对数据", "[待定]"]


def paragraphs(source: str) -> list[str]:
    texts: list[str] = []
    if source == "national":
        corpus = ROOT.parent / "shared" / "corpus" / "national_gov_reports.jsonl"
        if not corpus.exists():
            sys.exit("../shared is needed for --source national")
        for line in corpus.open(encoding="utf-8"):
            texts.append(json.loads(line)["content"])
    else:
        texts = [
            p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "corpus" / "samples").glob("clean_report.txt"))
        ]
        texts += [(ROOT / "corpus" / "samples" / "speech.md").read_text(encoding="utf-8")]
    out = []
    for t in texts:
        for para in re.split(r"\n\s*\n|\n", t):
            para = para.strip()
            if 40 <= len(para) <= 600 and "本作品" not in para:
                out.append(para)
    return out


def placeholder_findings(text: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in lint(Document.from_text(text), select=["placeholder"])]


def mutate(para: str, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """(mutated text, span start, span end) or None when the paragraph offers no target."""
    if kind == "instruction":
        cuts = [m.end() for m in re.finditer(r"[，。；]", para)] or [len(para)]
        at = rng.choice(cuts)
        ins = rng.choice(INSTRUCTIONS)
        return para[:at] + ins + para[at:], at, at + len(ins)
    pattern, slots = {
        "number": (NUMBER, NUMBER_SLOTS),
        "year": (YEAR, YEAR_SLOTS),
        "date": (DATE, DATE_SLOTS),
        "name": (NAME, NAME_SLOTS),
        "delete": (DELETABLE, [""]),
        "delete-count": (COUNT, [""]),
    }[kind]
    hits = list(pattern.finditer(para))
    if not hits:
        return None
    m = rng.choice(hits)
    new = rng.choice(slots)
    text = para[: m.start()] + new + para[m.end() :]
    if not new:  # a deletion: the slot is the unit that is left without its number
        unit = re.match(r"%|％|万元|亿元|个百分点|[个项件家次]", text[m.start() :])
        return text, m.start(), m.start() + (len(unit.group()) if unit else 1)
    return text, m.start(), m.start() + len(new)


def run(n: int, seed: int, source: str) -> dict[str, object]:
    rng = random.Random(seed)
    paras = [p for p in paragraphs(source) if not placeholder_findings(p)]
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    tp = fp = 0
    misses: list[str] = []
    quota = {k: n // len(KINDS) + (1 if i < n % len(KINDS) else 0) for i, k in enumerate(KINDS)}
    for kind in KINDS:
        done = 0
        tries = 0
        while done < quota[kind] and tries < 20000:
            tries += 1
            mutated = mutate(rng.choice(paras), kind, rng)
            if mutated is None:
                continue
            done += 1
            text, s, e = mutated
            spans = placeholder_findings(text)
            total[kind] += 1
            hit = any(a < max(e, s + 1) and s < b for a, b in spans)
            found[kind] += hit
            if not hit and len(misses) < 12:
                misses.append(f"{kind}: …{text[max(0, s - 12) : e + 12]}…")
            for a, b in spans:
                if a < max(e, s + 1) and s < b:
                    tp += 1
                else:
                    fp += 1
    detectable = [k for k in total if k != "delete-count"]
    recall_all = sum(found.values()) / max(1, sum(total.values()))
    recall_det = sum(found[k] for k in detectable) / max(1, sum(total[k] for k in detectable))
    return {
        "mutations": sum(total.values()),
        "per_kind": {k: f"{found[k]}/{total[k]}" for k in sorted(total)},
        "recall": round(recall_all, 4),
        "recall_without_delete_count": round(recall_det, 4),
        "precision": round(tp / max(1, tp + fp), 4),
        "findings": tp + fp,
        "false_findings": fp,
        "example_misses": misses,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", choices=["national", "samples"], default="national")
    args = ap.parse_args()
    print(json.dumps(run(args.n, args.seed, args.source), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
