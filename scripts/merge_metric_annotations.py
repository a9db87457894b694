"""Turn two independent metric annotations into one gold split: offsets, agreement, conflicts.

    python scripts/merge_metric_annotations.py PASSAGES A.jsonl B.jsonl --out-dir DIR

PASSAGES is the annotators' working copy (pid, doc, start, end, sha1, text), or a
written_*.jsonl file (doc, text; each line is one passage, pid ``<doc>@0-<length>``); A and B
hold one mention per line (pid, text, occurrence, number, value, unit, indicator, direction,
comparison, approx, target, placeholder). Each mention is located in its passage (the
`occurrence`-th match of `text`) and given document offsets. Writes to DIR:

* ``agreement.txt`` — mention Dice and per-field agreement on the mentions both found;
* ``conflicts.jsonl`` — every mention only one annotator has, and every field on which the
  two disagree, with the passage context, for adjudication;
* ``merged.jsonl`` — the mentions both agree on entirely, in gold format (doc, start, end…).

Adjudicated decisions are applied with ``--decisions D.jsonl`` (one line per conflict id:
``{"id": …, "keep": true|false}`` for a one-sided mention, ``{"id": …, "value": …}`` for a
field), and the gold is then written as ``gold.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from eval_metrics import _norm_ind, match_mentions  # the same scripts/ folder

_DIGIT = re.compile(r"[0-9０-９.．]")
FIELDS = ("number", "value", "unit", "indicator", "direction", "comparison", "approx", "target",
          "placeholder")  # fmt: skip


def _inside_number(text: str, pos: int) -> bool:
    return pos > 0 and bool(_DIGIT.match(text[pos - 1])) and bool(_DIGIT.match(text[pos]))


def _nth(text: str, sub: str, n: int, skip_inside_numbers: bool) -> int:
    """Start of the n-th occurrence of ``sub`` in ``text`` (-1 if none), optionally not
    counting those that start inside a number."""
    pos = -1
    for _ in range(n):
        pos = text.find(sub, pos + 1)
        while skip_inside_numbers and pos > 0 and _inside_number(text, pos):
            pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos


def _nearest(passage: dict[str, object], text: str, start: int) -> int:
    """The document offset of the occurrence of ``text`` in ``passage`` nearest ``start``
    (a decided extent such as "6000万" for "近6000万" starts elsewhere than the one decided on)."""
    body, base = str(passage["text"]), int(passage["start"])  # type: ignore[call-overload]
    hits = [base + i for i in range(len(body)) if body.startswith(text, i)]
    if not hits:
        raise SystemExit(f"{passage['pid']}: decided text {text!r} not in the passage")
    return min(hits, key=lambda h: abs(h - start))


def locate(
    passages: dict[str, dict[str, object]], rows: list[dict[str, object]]
) -> list[dict[str, object]]:
    out = []
    for r in rows:
        p = passages[str(r["pid"])]
        text = str(p["text"])
        want = int(r.get("occurrence") or 1)  # type: ignore[call-overload]
        pos = _nth(text, str(r["text"]), want, skip_inside_numbers=False)
        if _inside_number(text, pos):
            # The guide asks for the n-th substring, but some annotators counted mentions:
            # a hit inside a longer number ("5%" in "9.5%") can only mean the latter.
            pos = _nth(text, str(r["text"]), want, skip_inside_numbers=True)
        if pos < 0:
            raise SystemExit(f"{r['pid']}: {r['text']!r} (occurrence {want}) not in the passage")
        start = int(p["start"]) + pos  # type: ignore[call-overload]
        rec = {
            "doc": p["doc"],
            "start": start,
            "end": start + len(str(r["text"])),
            "text": r["text"],
        }
        rec.update({k: r.get(k) for k in FIELDS})
        rec["pid"] = r["pid"]
        rec["_ctx"] = (
            text[max(0, pos - 30) : pos]
            + "["
            + str(r["text"])
            + "]"
            + text[pos + len(str(r["text"])) : pos + len(str(r["text"])) + 12]
        )
        out.append(rec)
    return out


def _as_passage(rec: dict[str, object]) -> dict[str, object]:
    # A written_*.jsonl line ({doc, text}) is a whole passage, named as the annotators see it.
    if "pid" in rec:
        return rec
    text = str(rec["text"])
    return {"pid": f"{rec['doc']}@0-{len(text)}", "doc": rec["doc"], "start": 0, "end": len(text),
            "text": text}  # fmt: skip


def read_jsonl(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(x) for x in fh if x.strip()]


def same(field: str, a: object, b: object) -> bool:
    if field == "indicator":
        return _norm_ind(str(a or "")) == _norm_ind(str(b or ""))
    if field == "value" and a is not None and b is not None:
        return abs(float(a) - float(b)) < 1e-9  # type: ignore[arg-type]
    return a == b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("passages")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--decisions")
    args = ap.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    passages = {str(r["pid"]): r for r in map(_as_passage, read_jsonl(args.passages))}
    a = locate(passages, read_jsonl(args.a))
    b = locate(passages, read_jsonl(args.b))
    pairs, only_a, only_b = match_mentions(a, b)
    agree = Counter()
    conflicts = []
    merged = []
    n = 0
    for ra, rb in pairs:
        bad = [f for f in (*FIELDS, "text") if not same(f, ra.get(f), rb.get(f))]
        for f in (*FIELDS, "text"):
            agree[f] += f not in bad
        if bad:
            for f in bad:
                n += 1
                conflicts.append({"id": n, "kind": "field", "field": f, "pid": ra["pid"], "start": ra["start"],
                                  "A": ra.get(f), "B": rb.get(f), "ctx": ra["_ctx"]})  # fmt: skip
        merged.append({k: v for k, v in ra.items() if not k.startswith("_") and k != "pid"})
    for who, rows in (("A", only_a), ("B", only_b)):
        for r in rows:
            n += 1
            conflicts.append({"id": n, "kind": "only", "who": who, "pid": r["pid"], "start": r["start"],
                              "mention": {k: v for k, v in r.items() if not k.startswith("_")}, "ctx": r["_ctx"]})  # fmt: skip
    dice = 2 * len(pairs) / max(1, len(a) + len(b))
    lines = [f"A {len(a)} mentions, B {len(b)}, both {len(pairs)}: mention Dice {dice:.3f}"]
    lines += [f"  {f:12} {agree[f] / max(1, len(pairs)):.3f}" for f in (*FIELDS, "text")]
    (out / "agreement.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    with (out / "conflicts.jsonl").open("w", encoding="utf-8") as fh:
        for c in conflicts:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(conflicts)} conflicts -> {out / 'conflicts.jsonl'}")
    if args.decisions:
        decided = {d["id"]: d for d in read_jsonl(args.decisions)}
        missing = [c["id"] for c in conflicts if c["id"] not in decided]
        if missing:
            raise SystemExit(f"{len(missing)} conflicts undecided, first {missing[:5]}")
        by_start = {(m["doc"], m["start"]): m for m in merged}
        for c in conflicts:
            d = decided[c["id"]]
            if c["kind"] == "field":
                key = next(
                    k
                    for k in by_start
                    if k[1] == c["start"] and str(k[0]) == str(passages[c["pid"]]["doc"])
                )
                m = by_start[key]
                if c["field"] == "text":  # a different extent: the decided text, nearest
                    m["start"] = _nearest(passages[c["pid"]], str(d["value"]), int(m["start"]))
                    m["end"] = m["start"] + len(str(d["value"]))
                m[c["field"]] = d["value"]
            elif d.get("keep"):
                m = {k: v for k, v in c["mention"].items() if k != "pid"}
                m.update(d.get("fix", {}))
                by_start[(m["doc"], m["start"])] = m
        gold = sorted(by_start.values(), key=lambda m: (str(m["doc"]), int(m["start"])))
        with (out / "gold.jsonl").open("w", encoding="utf-8") as fh:
            for m in gold:
                rec = {k: m.get(k) for k in ("doc", "start", "end", "text", *FIELDS)}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{len(gold)} gold mentions -> {out / 'gold.jsonl'}")


if __name__ == "__main__":
    main()
