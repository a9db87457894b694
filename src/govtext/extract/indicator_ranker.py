"""A learned choice of a metric's indicator among the phrases around its number.

The rules of :mod:`govtext.extract.metrics` name an indicator for every number. This ranker
takes that phrase as one candidate among the word-bounded phrases of the same sentence — in
front of the number (ending at it or at the verb just before it, or inside the rules' phrase)
and right after it, and the indicator the rules gave the number before it in the same sentence
(a clause such as "比上年下降36个基点" names nothing of its own), and phrases that open a clause up to
100 characters back and are followed by what introduces a quantity ("粮食产量，从……", "……增加值，同比……") —
and picks the best by a linear model over features of each candidate: its relation to the
rules' phrase (the same, a part of it, an extension), its first and last characters and words,
the coarse part of speech of those words and of the words around it, the material between it
and the number, its length, how often it was an indicator in the annotated data, for the
previous number's indicator how the clause of this one opens, for a phrase from afar what
stands between, and the class of the number's unit (%, percentage points, money, people,
counts, physical measures) crossed with the phrase's last character and word. Word boundaries
and parts of speech come from the common-word list and ``word_tags.tsv`` (jieba's dictionary,
folded), not from jieba itself.

The weights (``data/indicator_ranker.json.gz``, plain JSON: feature name → weight) are fitted by
``scripts/train_indicator_ranker.py`` on the annotated metric splits of ``corpus/metrics``, as
a conditional log-linear model over each mention's candidates. It is opt-in
(``metrics(doc, indicators="ranked")``, ``govtext parse --indicators ranked``): it reads every
number's sentence word by word, about ten times slower than the rules.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise, repeat
from typing import NamedTuple

from govtext import _re
from govtext.data import path as data_path
from govtext.document import simplified
from govtext.words import is_word

MODEL_NAME = "indicator_ranker.json.gz"
_STOP = frozenset("，。；：！？\n,;:!?")
_SENTENCE_END = frozenset("。；！？\n")
_LEFT_REACH = 60  # characters read back from the number
_RIGHT_REACH = 20
_MAX_LEFT = 20  # longest candidate in front of the number, in characters
_MAX_RIGHT = 16
_MAX_STRING = 6  # longest text fragment a feature name holds
_ORG_ENDS = frozenset("局委会院部办所站联厅府司处队")
_LEFT_FAR = 100  # how far back a clause-initial phrase may stand from its number
# What follows a phrase that names a quantity stated further on ("粮食产量，从……增加到……").
_NEXT = (
    "，", "从", "由", "在", "增加", "增长", "达到", "提高", "下降", "减少", "占", "比", "是",
    "为", "已", "不断", "共", "分别", "将", "要", "所占",
)  # fmt: skip
_NUMERAL_LEAD = _re.compile(
    r"^[0-9.,，·０-９一二三四五六七八九十百千万亿两零〇○点几多余XxＸ*＊%％ ]+"
)
_COUNT_ENDS = frozenset("个家项件所处座条名户批场次篇起宗份台辆套间只")
_PHYSICAL_ENDS = frozenset("吨斤亩米里方瓦时")


class Candidate(NamedTuple):
    """A phrase that may name what a number measures: ``side`` is L (before the number), R
    (after it) or X (the rules' phrase where it is not one span of the text)."""

    key: str  # the phrase as compared: simplified, without quotes and spaces
    side: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    tags: dict[str, str] = {}
    with open(data_path("word_tags.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, _, tag = line.rstrip("\n").partition("\t")
            tags[word] = tag
    return tags


class Model(NamedTuple):
    weights: dict[str, float]
    seen: dict[str, int]  # indicators of the training data, with their frequency


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """The weights file (default: the one shipped); JSON with ``weights`` and ``seen``."""
    with gzip.open(path or data_path(MODEL_NAME), "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    return Model(dict(raw["weights"]), dict(raw["seen"]))


@lru_cache(maxsize=1 << 16)
def compare_key(phrase: str) -> str:
    """A phrase as indicators are compared: without quotes and spaces, in simplified script."""
    return simplified(phrase.replace("“", "").replace("”", "").replace(" ", ""))


@lru_cache(maxsize=1 << 17)
def _word(w: str) -> bool:
    return is_word(w) or (len(w) > 1 and w in _tags())


@lru_cache(maxsize=1 << 14)
def segment(text: str) -> tuple[int, ...]:
    """Word boundaries of ``text``: the union of forward and backward maximal matching on the
    common-word list. The forward pass keeps a run of ASCII letters and digits whole, the
    backward one does not, so boundaries fall inside such runs too (as the model was fitted)."""
    bounds = {0, len(text)}
    i = 0
    while i < len(text):
        step = 1
        if text[i].isascii() and text[i].isalnum():
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] == "."):
                j += 1
            step = j - i
        else:
            for k in range(min(7, len(text) - i), 1, -1):
                if _word(text[i : i + k]):
                    step = k
                    break
        i += step
        bounds.add(i)
    j = len(text)
    while j > 0:
        step = 1
        for k in range(min(7, j), 1, -1):
            if _word(text[j - k : j]):
                step = k
                break
        j -= step
        bounds.add(j)
    return tuple(sorted(bounds))


def _tag(w: str) -> str:
    tags = _tags()
    if len(w) == 1:
        return tags.get(w, "x")
    return tags.get(w, "n")


@lru_cache(maxsize=1 << 15)
def _first_word(s: str) -> tuple[str, str]:
    for k in range(min(6, len(s)), 1, -1):
        if _word(s[:k]):
            return s[:k], _tag(s[:k])
    return s[:1], _tag(s[:1])


@lru_cache(maxsize=1 << 15)
def _last_word(s: str) -> tuple[str, str]:
    for k in range(min(6, len(s)), 1, -1):
        if _word(s[-k:]):
            return s[-k:], _tag(s[-k:])
    return s[-1:], _tag(s[-1:])


def _back(norm: str, start: int, reach: int) -> int:
    """Where reading back from ``start`` stops: at the sentence's start or ``reach`` away."""
    a = start
    while a > 0 and norm[a - 1] not in _SENTENCE_END and start - a < reach:
        a -= 1
    return a


def _window(norm: str, start: int, end: int) -> tuple[int, int]:
    a = _back(norm, start, _LEFT_REACH)
    b = end
    while b < len(norm) and norm[b] not in _STOP and b - end < _RIGHT_REACH:
        b += 1
    return a, b


def same_sentence(norm: str, before_end: int, start: int) -> bool:
    """Whether nothing ends a sentence between an earlier number (ending at ``before_end``)
    and the number at ``start``."""
    if not 0 <= before_end <= start:
        return False
    return not any(ch in _SENTENCE_END for ch in norm[before_end:start])


def candidates(norm: str, start: int, end: int, rule: str, prev: str = "") -> list[Candidate]:
    """The phrases considered for the number at ``norm[start:end]``: the rules' one, and
    ``prev``, the rules' indicator of the number before it in the same sentence, included."""
    a, b = _window(norm, start, end)
    out: dict[str, Candidate] = {}
    left = norm[a:start]
    bounds = segment(left)
    ends = {len(left)}
    ends.update(x for x in bounds if len(left) - x <= 4)  # before the verb in front of it
    loc = left.rfind(rule) if rule else -1
    if loc >= 0:
        ends.update(x for x in bounds if loc < x <= loc + len(rule))
    for j in sorted(ends):
        for i in bounds:
            if i >= j or j - i > _MAX_LEFT:
                continue
            phrase = left[i:j]
            if any(ch in _STOP for ch in phrase):
                continue
            key = compare_key(phrase)
            out.setdefault(key, Candidate(key, "L", a + i, a + j))
    right = norm[end:b]
    rbounds = segment(right)
    for i in rbounds:
        if i > 3:
            break
        for j in rbounds:
            if j <= i or j - i > _MAX_RIGHT:
                continue
            phrase = right[i:j]
            if any(ch in _STOP for ch in phrase):
                continue
            key = compare_key(phrase)
            out.setdefault(key, Candidate(key, "R", end + i, end + j))
    rule_key = compare_key(rule)
    if rule_key and rule_key not in out:
        out[rule_key] = Candidate(rule_key, "X", -1, -1)
    prev_key = compare_key(prev)
    if prev_key and prev_key not in out:
        out[prev_key] = Candidate(prev_key, "P", -1, -1)
    # Last, so that they never displace a nearer candidate with the same key: phrases that
    # open a clause further back and are followed by what introduces a quantity.
    far = _back(norm, start, _LEFT_FAR)
    left = norm[far:start]
    bounds = segment(left)
    for j in bounds:
        if not (0 < j < len(left) - 4 and left.startswith(_NEXT, j)):
            continue
        for i in bounds:
            if i >= j or j - i > _MAX_LEFT or (i and left[i - 1] not in "，：、（ "):
                continue
            phrase = left[i:j]
            if any(ch in _STOP for ch in phrase):
                continue
            key = compare_key(phrase)
            if key and key not in out:
                out[key] = Candidate(key, "L", far + i, far + j)
    return list(out.values())


def unit_class(mention: str) -> str:
    """The coarse kind of a number's unit: ``%``, ``pp`` (percentage points), ``money``,
    ``times``, ``people``, ``count``, ``physical``, ``bare`` (no unit) or ``other``."""
    if mention.startswith("百分之"):
        return "%"
    unit = _NUMERAL_LEAD.sub("", mention)
    if not unit:
        return "%" if mention.endswith(("%", "％")) else "bare"
    last = unit[-1]
    if unit.startswith(("个百分点", "百分点")):
        return "pp"
    if "元" in unit:
        return "money"
    if last in "倍番":
        return "times"
    if last == "人" or unit.endswith("人次"):
        return "people"
    if last in _COUNT_ENDS:
        return "count"
    if last in _PHYSICAL_ENDS:
        return "physical"
    return "other"


def _short(s: str) -> str:
    # Longer strings would be memorised text, not features that carry over to other reports.
    return s if len(s) <= _MAX_STRING else "LONG"


def _bucket(n: int) -> str:
    return str(n) if n < 6 else ("6-9" if n < 10 else "10+")


@lru_cache(maxsize=1 << 15)
def _tags_of(text: str) -> tuple[str, ...]:
    bounds = segment(text)
    return tuple(_tag(text[x:y]) for x, y in pairwise(bounds))


def features(
    norm: str,
    start: int,
    end: int,
    rule: str,
    c: Candidate,
    seen: dict[str, int],
    prev: str = "",
) -> Iterator[str]:
    """The feature names of candidate ``c`` for the number at ``norm[start:end]``; ``prev`` is
    the rules' indicator of the number before it in the same sentence, or ""."""
    key, side = c.key, c.side
    pred = compare_key(rule)
    yield "b"
    yield "side=" + side
    if key and key == compare_key(prev):
        # The clause may only go on about what the sentence named before ("平均融资成本降至
        # 4.35%，比上年下降36个基点"): what opens the clause tells.
        clause = norm[max(0, start - 12) : start]
        clause = clause[max(clause.rfind(ch) for ch in "，。；：、\n") + 1 :]
        yield from ("prev", "prev_side=" + side, "prev_c2=" + clause[:2], "prev_c1=" + clause[:1])
        yield "prev_cl=" + _bucket(len(clause))
        yield "prev_rule=" + str(key == pred)
    if key == pred:
        yield "rule"
    elif key and pred.endswith(key):
        drop = pred[: len(pred) - len(key)]
        yield from ("rsuf", "rsuf_drop=" + _short(drop), "rsuf_dl=" + _bucket(len(drop)))
        yield from ("rsuf_d1=" + drop[:1], "rsuf_d2=" + drop[:2], "rsuf_dz=" + drop[-1:])
    elif key and pred.startswith(key):
        drop = pred[len(key) :]
        yield from ("rpre", "rpre_drop=" + _short(drop), "rpre_dl=" + _bucket(len(drop)))
        yield "rpre_d1=" + drop[:1]
    elif key and pred and key.endswith(pred):
        ext = key[: len(key) - len(pred)]
        yield from (
            "rext",
            "rext=" + _short(ext),
            "rext_l=" + _bucket(len(ext)),
            "rext_z=" + ext[-1:],
        )
    elif key and pred and (key in pred or pred in key):
        yield "rin"
    else:
        yield "rnone"
    yield from ("len=" + _bucket(len(key)), "f1=" + key[:1], "f2=" + key[:2])
    yield from ("l1=" + key[-1:], "l2=" + key[-2:])
    i, j = c.start, c.end
    spanless = side in ("X", "P")
    if not spanless:
        before = norm[max(0, i - 2) : i]
        after = norm[j : j + 2]
        yield from ("b1=" + before[-1:], "b2=" + before, "a1=" + after[:1], "a2=" + after)
        if side == "L":
            gap = norm[j:start]
            yield "gapl=" + _bucket(len(gap))
            if len(gap) <= 5:
                yield "gap=" + gap
            yield from ("gap0=" + gap[:1], "gapz=" + gap[-1:])
            yield "gapcomma=" + str(gap.count("、"))
        else:
            gap = norm[end:i]
            yield from ("rgapl=" + _bucket(len(gap)), "rgap=" + gap[:4])
    if key:
        fw, ft = _first_word(key)
        lw, lt = _last_word(key)
        yield from ("ft=" + ft, "lt=" + lt, "ft_lt=" + ft + "_" + lt, "fw=" + fw, "lw=" + lw)
        if not spanless:
            pre = norm[max(0, i - 6) : i]
            post = norm[j : j + 6]
            bw, bt = _last_word(pre) if pre else ("", "none")
            aw, at = _first_word(post) if post else ("", "none")
            yield from ("bt=" + bt, "at=" + at, "bt_ft=" + bt + "_" + ft)
            yield from ("bw=" + bw, "aw=" + aw)
            yield from ("lt_at=" + lt + "_" + at, "side_at=" + side + at)
        tags = _tags_of(key)
        verbs = sum(t == "v" for t in tags)
        yield from ("nv=" + _bucket(verbs), "nw=" + _bucket(len(tags)))
        yield "tags=" + "_".join(tags) if len(tags) <= 4 else "tags=long"
        if side == "L":
            gap = norm[j:start]
            if gap:
                gt = _tags_of(gap)
                yield "gapt=" + "_".join(gt[:3])
                yield "gapnv=" + _bucket(sum(t.startswith("v") for t in gt))
            else:
                yield "gapt=EMPTY"
        if key == pred:
            yield from ("rule_ft=" + ft, "rule_lt=" + lt, "rule_side=" + side)
            yield "rule_len=" + _bucket(len(key))
        elif pred.endswith(key):
            dw, dt = _last_word(pred[: len(pred) - len(key)])
            yield from ("dropL_t=" + dt, "dropL_w=" + dw, "dropL_t_ft=" + dt + "_" + ft)
        elif pred.startswith(key):
            dw, dt = _first_word(pred[len(key) :])
            yield from ("dropR_t=" + dt, "dropR_w=" + dw, "dropR_t_lt=" + dt + "_" + lt)
        yield "side_len=" + side + _bucket(len(key))
        head = seen.get("~" + lw, 0)
        yield "seenhead=" + _bucket(min(head, 9))
    if side == "L":
        # An organisation named before the phrase in its clause is its subject, not part of it.
        lead = norm[max(0, i - 12) : i]
        cut = max(lead.rfind(ch) for ch in "，。；：、\n")
        lead = lead[cut + 1 :]
        yield "lead_org=" + str(any(ch in _ORG_ENDS for ch in lead[-4:]) if lead else "none")
        yield "key_org=" + str(any(ch in _ORG_ENDS for ch in key[:-1]))
    yield "isword=" + str(is_word(key))
    n = seen.get(key, 0)
    yield "seen=" + _bucket(min(n, 9))
    if n:
        yield "seen_side=" + side
    # What the number counts narrows what can name it: a share names a rate, money a fund.
    uc = unit_class(norm[start:end])
    yield "u_side=" + uc + side
    if key:
        yield from ("u_l1=" + uc + key[-1:], "u_lw=" + uc + lw, "u_lt=" + uc + lt)
        yield "u_len=" + uc + _bucket(len(key))
        if key == pred:
            yield "u_rule=" + uc
    if side == "L":
        gap = norm[c.end : start]
        far = len(gap) > 4 and not (pred and pred in key)
        yield "far=" + str(far)
        if far:
            yield "far_n=" + norm[c.end : c.end + 1]
            yield "far_cl=" + _bucket(sum(gap.count(ch) for ch in "，、："))
            yield "far_b=" + (norm[c.start - 1 : c.start] if c.start > 0 else "^")


def rank(
    norm: str, start: int, end: int, rule: str, model: Model | None = None, prev: str = ""
) -> str:
    """The indicator of the number at ``norm[start:end]``: the best-scoring candidate, as
    written in the text (the rules' phrase itself when it wins). ``prev`` is the rules'
    indicator of the number before it in the same sentence, if any."""
    model = model or load_model()
    w = model.weights
    best: Candidate | None = None
    best_score = float("-inf")
    for c in candidates(norm, start, end, rule, prev):
        feats = features(norm, start, end, rule, c, model.seen, prev)
        score = sum(map(w.get, feats, repeat(0.0)))
        if score > best_score:
            best, best_score = c, score
    if best is None or best.side == "X" or best.key == compare_key(rule):
        return rule
    if best.side == "P":
        return prev
    return norm[best.start : best.end]
