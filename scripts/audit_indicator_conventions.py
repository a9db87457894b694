"""Bring the development golds' indicators in line with the closed lists of GUIDE.md rule A.

    python scripts/audit_indicator_conventions.py            # list what would change
    python scripts/audit_indicator_conventions.py --apply    # rewrite gold_dev*.jsonl, gold_train

Annotators split on a few leading words: 新增 before a noun was kept 49 times and left out 228,
完成投资 kept 13 times where 完成水利投资 → 水利投资 was the rule 60 times, 实际使用外资 kept 21
times and cut 26. The ranker learns from these golds, so each split taught it both ways. On
2026-12-05 the guide settled each word by the golds' majority (rule A's lists); this script
applies those lists and nothing else. It is idempotent. The held-out `test` is not touched: it
is scored as its annotators read the guide, and retires to a development split unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys

from eval_metrics import DEV_SPLITS, METRICS, load_docs  # the same scripts/ folder

# 新增 is part of the name in these (GUIDE.md rule A), elsewhere it is the verb.
_XINZENG_OPENS = ("城镇就业", "劳动力", "人民币贷款", "贷款", "政府债务", "专项债", "债券",
                  "地方政府专项债", "建设用地", "耕地", "固定资产", "减税降费", "税费优惠")  # fmt: skip
_XINZENG_ENDS = ("装机", "装机容量", "发电机组", "发电机组容量", "灌溉面积")
_XINZENG_WHOLE = ("就业", "就业人数", "就业岗位")
# 完成 stays where nothing but verbs would be left.
_WANCHENG_KEEPS = ("整改", "整改率", "的比重", "数字化")


def _xinzeng_name(rest: str) -> bool:
    return rest.startswith(_XINZENG_OPENS) or rest.endswith(_XINZENG_ENDS) or rest in _XINZENG_WHOLE


def settled(text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """The indicator ``text[a:b]`` as rule A's lists have it, with the list's name, or None
    when the lists leave it as it is."""
    ind, before = text[a:b], text[max(0, a - 3) : a]
    if ind.startswith("新增") and len(ind) > 2 and not _xinzeng_name(ind[2:]):
        return a + 2, b, "新增 left out"
    if before.endswith("新增") and _xinzeng_name(ind) and not ind.startswith("新增"):
        return a - 2, b, "新增 kept"
    if before.endswith("新登记") and ind.startswith(("注册", "企业", "市场主体", "经营主体")):
        return a - 3, b, "新登记 kept"
    if ind.startswith("完成") and ind[2:] and ind[2:] not in _WANCHENG_KEEPS and ind[-1] != "率":
        return a + 2, b, "完成 left out"
    if before.endswith("完成") and ind == "整改":
        return a - 2, b, "完成 kept"
    if ind.startswith(("实际使用", "实际利用", "实际到位")):
        return a + 2, b, "实际 left out"
    if ind.startswith("挽回") and len(ind) > 2:
        return a + 2, b, "挽回 left out"
    return None


def _locate(text: str, mention: dict[str, object]) -> tuple[int, int]:
    if "indicator_span" in mention:
        a, b = mention["indicator_span"]  # type: ignore[misc]
        return a, b
    ind = mention.get("indicator")
    if not isinstance(ind, str) or not ind:
        return -1, -1
    start, end = int(mention["start"]), int(mention["end"])  # type: ignore[call-overload]
    # The indicator named before the number (rule F reaches back), else after it (rule D).
    a = text.rfind(ind, max(0, start - 120), start)
    if a < 0:
        a = text.find(ind, end, end + 60)
    return (a, a + len(ind)) if a >= 0 else (-1, -1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--apply", action="store_true", help="rewrite the gold files")
    args = ap.parse_args()
    docs = load_docs()
    changed = 0
    for split in (*DEV_SPLITS, "train"):
        path = METRICS / f"gold_{split}.jsonl"
        golds = [json.loads(line) for line in path.open(encoding="utf-8")]
        for g in golds:
            text = docs[g["doc"]]
            a, b = _locate(text, g)
            new = settled(text, a, b) if a >= 0 else None
            if new is None:
                continue
            na, nb, why = new
            print(f"{split}\t{g['doc']}\t{g['start']}\t{why}\t{text[a:b]} -> {text[na:nb]}")
            changed += 1
            if "indicator_span" in g:
                g["indicator_span"] = [na, nb]
            else:
                g["indicator"] = text[na:nb]
        if args.apply:
            with path.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in golds)
    print(f"{changed} indicators {'changed' if args.apply else 'to change'}", file=sys.stderr)


if __name__ == "__main__":
    main()
