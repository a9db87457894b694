"""Build src/govtext/data/word_tags.tsv: coarse parts of speech for the indicator ranker.

Source: jieba 0.42.1 ``dict.txt`` (MIT licence, (c) Sun Junyi), words with a frequency of at
least MIN_FREQ, plus the government lexicon shipped with govtext (its tags win). jieba's tags are
folded into a few classes (v verb, vn verbal noun, a, d, m, q, p, c, f, t, r, u, i idiom, o
other); nouns are not stored, since a word of the common-word list
(``govtext.words.is_word``) with no entry here is a noun. Single characters are all stored,
with the tag of their first entry. Rerun after changing either source:

    python scripts/build_word_tags.py
"""

from __future__ import annotations

import os
from pathlib import Path

import jieba

MIN_FREQ = 3
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "govtext" / "data" / "word_tags.tsv"
LEXICON = ROOT / "src" / "govtext" / "data" / "gov_lexicon.tsv"


def coarse(tag: str) -> str:
    if tag == "vn":
        return "vn"
    if tag.startswith("v"):
        return "v"
    if tag.startswith("n") or tag in ("j", "s", "b", "nz", "g"):
        return "n"
    if tag.startswith("a"):
        return "a"
    if tag.startswith("u"):
        return "u"
    if tag in ("i", "l"):
        return "i"
    if tag in ("d", "m", "q", "p", "c", "f", "t", "r", "x"):
        return tag
    if tag == "mq":
        return "m"
    return "o"


def main() -> None:
    tags: dict[str, str] = {}
    chars: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            if len(word) == 1:
                chars.setdefault(word, coarse(tag))
            elif int(freq) >= MIN_FREQ and len(word) <= 6:
                tags[word] = coarse(tag)
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] and len(parts[0]) <= 6:
            tags[parts[0]] = coarse(parts[1])
    lines = [
        "# Coarse parts of speech of words and characters (nouns of the common-word list are"
        " not stored).",
        "# Source: jieba 0.42.1 dict.txt (MIT licence, (c) Sun Junyi), frequency >= 3, and the"
        " govtext government lexicon; built by scripts/build_word_tags.py.",
    ]
    lines += [f"{w}\t{t}" for w, t in sorted(chars.items())]
    lines += [f"{w}\t{t}" for w, t in sorted(tags.items()) if t != "n"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} entries -> {OUT}")


if __name__ == "__main__":
    main()
