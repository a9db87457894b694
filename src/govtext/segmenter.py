"""Word segmentation: jieba's dictionary and algorithm, plus govtext's government lexicon.

``segment(text)`` returns :class:`Token` records whose ``start``/``end`` are code-point offsets
into ``text`` exactly as given (full-width digits, CRLF and all): segmentation runs on the
same-length normalised view (:func:`govtext.document.normalise`), so "２０２４年" is cut like
"2024年" while every offset still points into the original.

Terms of :file:`data/gov_lexicon.tsv` (全面从严治党, 污染防治攻坚战, 三会一课, 生态环境局…) stay
whole: each enters the dictionary with the lowest frequency that beats the best split of the
term (see :func:`_term_frequency`). User dictionaries in jieba's format ("word [freq] [tag]" a
line) add the office's own names.

jieba's dictionary (350,000 words) is loaded once per process, on first use, into a private
``jieba.Tokenizer``: the global ``jieba`` state is never touched, so code that also uses
``jieba.cut`` directly sees jieba's own behaviour. The word graph and best route are computed
here rather than by ``Tokenizer.cut``: the same algorithm (same dictionary, same tie-breaks,
same HMM for runs of unknown characters, hence the same words) in one pass instead of two, which
makes up for the per-token work of offsets and tags (see ``scripts/bench.py segment``).
"""

# No `from __future__ import annotations`: Token is a NamedTuple (see govtext/model.py).

import functools
import logging
import os
import re
from collections.abc import Iterator, Sequence
from math import log
from typing import Any, NamedTuple, Union

from govtext.document import Document, normalise
from govtext.errors import ConfigError

LEXICON = "gov_lexicon.tsv"

# jieba's block patterns (jieba.re_han_default, jieba.re_skip_default): runs that go through
# the dictionary, and the whitespace that separates everything else.
_HAN_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_USERDICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")

PathLike = Union[str, "os.PathLike[str]"]


class Token(NamedTuple):
    """A word: ``text`` is ``original[start:end]``; ``pos`` is the tag the government lexicon
    or a user dictionary gives the word (``nz``, ``nt``, ``j``…), ``None`` for other words."""

    text: str
    start: int
    end: int
    pos: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "pos": self.pos}


class Dictionary:
    """Word frequencies in jieba's layout: every word, and every prefix of a word with 0."""

    __slots__ = ("freq", "log_total", "tags", "total")

    def __init__(self, freq: dict[str, int], total: int, tags: dict[str, str]) -> None:
        self.freq = freq
        self.total = total
        self.log_total = log(total)
        self.tags = tags

    def add(self, word: str, freq: int, tag: str | None = None) -> None:
        """Add or re-weigh a word (jieba's ``Tokenizer.add_word``, without its global side
        effects: a frequency of 0 does not register a forced split with ``jieba.finalseg``)."""
        old = self.freq.get(word, 0)
        self.freq[word] = freq
        self.total += freq - old
        self.log_total = log(self.total)
        if tag:
            self.tags[word] = tag
        for i in range(1, len(word)):
            self.freq.setdefault(word[:i], 0)

    def copy(self) -> "Dictionary":
        return Dictionary(dict(self.freq), self.total, dict(self.tags))


def _best_route(block: str, freq: dict[str, int], log_total: float) -> list[int]:
    """For each position of ``block``, the end of the word the most probable segmentation
    starts there (jieba's ``get_DAG`` + ``calc`` fused: maximise the sum of log frequencies,
    ties to the longer word, a character unknown to the dictionary counting as frequency 1)."""
    n = len(block)
    score = [0.0] * (n + 1)
    route = [0] * n
    get = freq.get
    for i in range(n - 1, -1, -1):
        best = None
        best_end = i + 1
        end = i + 1
        f = get(block[i])
        while f is not None:
            if f:
                s = log(f) - log_total + score[end]
                if best is None or s >= best:
                    best = s
                    best_end = end
            if end >= n:
                break
            end += 1
            f = get(block[i:end])
        if best is None:  # no word starts here: the character alone
            best = log(get(block[i]) or 1) - log_total + score[i + 1]
            best_end = i + 1
        score[i] = best
        route[i] = best_end
    return route


def _run(
    out: list[int], block: str, start: int, end: int, pos: int, freq: dict[str, int], hmm_cut: Any
) -> None:
    """Ends of the pieces of a run of characters the dictionary leaves single (jieba's
    ``__cut_DAG``): with the HMM, a run that is not itself a word goes to ``jieba.finalseg``;
    without it, the run is ASCII letters and digits and stays one piece ("PM2", "5")."""
    if hmm_cut is None:
        out.append(pos + end)
    elif end - start == 1 or freq.get(block[start:end]):
        out.extend(range(pos + start + 1, pos + end + 1))
    else:
        at = pos + start
        for word in hmm_cut(block[start:end]):
            at += len(word)
            out.append(at)


def _block_ends(
    block: str, freq: dict[str, int], log_total: float, hmm: bool, hmm_cut: Any
) -> list[int]:
    """Word ends within one dictionary block (jieba's ``__cut_DAG``/``__cut_DAG_NO_HMM``)."""
    route = _best_route(block, freq, log_total)
    out: list[int] = []
    n = len(block)
    x = run = 0  # block[run:x] is a run of single characters not yet given out
    while x < n:
        y = route[x]
        if y - x == 1 and (hmm or block[x] in _ASCII_ALNUM):
            x = y
            continue
        if run < x:
            _run(out, block, run, x, 0, freq, hmm_cut)
        out.append(y)
        x = run = y
    if run < n:
        _run(out, block, run, n, 0, freq, hmm_cut)
    return out


_MEMO_SIZE = 50_000


class Segmenter:
    """jieba with the government lexicon and, optionally, user dictionaries.

    Build one per set of user dictionaries and reuse it (:func:`segmenter` caches them);
    the dictionaries load on the first call. ``hmm=False`` turns off jieba's HMM guesses for
    runs of unknown characters (faster; unknown names come out character by character).
    """

    def __init__(self, user_dictionaries: Sequence[PathLike] = (), *, hmm: bool = True) -> None:
        self.user_dictionaries = tuple(os.fspath(p) for p in user_dictionaries)
        self.hmm = hmm
        self._dictionary: Dictionary | None = None
        # dictionary block -> its word ends: official texts repeat whole clauses (习近平新时代
        # 中国特色社会主义思想, 坚决打好污染防治攻坚战); bounded, cleared when full.
        self._memo: dict[str, list[int]] = {}

    def __repr__(self) -> str:
        return f"Segmenter(user_dictionaries={list(self.user_dictionaries)!r}, hmm={self.hmm})"

    @property
    def dictionary(self) -> Dictionary:
        if self._dictionary is None:
            base = government_dictionary()
            if self.user_dictionaries:
                base = base.copy()  # the shared government dictionary stays as it is
                for path in self.user_dictionaries:
                    load_user_dictionary(base, path)
            self._dictionary = base
        return self._dictionary

    def ends(self, norm: str) -> list[int]:
        """The end offset of every piece jieba would cut the normalised text ``norm`` into,
        whitespace included, in order: the pieces tile ``norm``."""
        d = self.dictionary
        freq, log_total, hmm = d.freq, d.log_total, self.hmm
        hmm_cut = None
        if hmm:
            from jieba import finalseg

            hmm_cut = finalseg.cut
        memo = self._memo
        out: list[int] = []
        append = out.append
        pos = 0
        for k, block in enumerate(_HAN_BLOCK.split(norm)):
            if not block:
                continue
            if k % 2 == 0:  # between dictionary blocks: whitespace, punctuation, symbols
                for piece in _SKIP.split(block):
                    if not piece:
                        continue
                    if len(piece) == 1 or _SKIP.match(piece):  # "\r\n" is one piece
                        pos += len(piece)
                        append(pos)
                    else:
                        out.extend(range(pos + 1, pos + len(piece) + 1))
                        pos += len(piece)
                continue
            rel = memo.get(block)
            if rel is None:
                rel = _block_ends(block, freq, log_total, hmm, hmm_cut)
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[block] = rel
            if pos:
                out.extend([pos + e for e in rel])
            else:
                out.extend(rel)
            pos += len(block)
        return out

    def spans(self, text: str, norm: str | None = None) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every piece of ``text``, whitespace included; the pieces tile
        ``text``. ``norm`` is ``text``'s same-length normalised view, if already known."""
        start = 0
        for end in self.ends(normalise(text) if norm is None else norm):
            yield start, end
            start = end

    def tokens(self, text: str | Document) -> list[Token]:
        """The words of ``text`` (a string or a :class:`Document`), whitespace left out."""
        if isinstance(text, Document):
            original, norm = text.text, text.norm
        else:
            original, norm = text, normalise(text)
        tag = self.dictionary.tags.get
        new = tuple.__new__  # Token(...) goes through a Python-level __new__: 3x slower
        out: list[Token] = []
        append = out.append
        start = 0
        if norm == original:
            for end in self.ends(norm):
                word = norm[start:end]
                if not word.isspace():
                    append(new(Token, (word, start, end, tag(word))))
                start = end
        else:
            for end in self.ends(norm):
                word = norm[start:end]
                if not word.isspace():
                    append(new(Token, (original[start:end], start, end, tag(word))))
                start = end
        return out

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as strings, whitespace left out."""
        return [t.text for t in self.tokens(text)]


def read_lexicon() -> list[tuple[str, str, str]]:
    """The government lexicon: ``(term, jieba tag, source)`` for each entry."""
    from govtext.data import read_text

    out = []
    for line in read_text(LEXICON).splitlines():
        if not line or line.startswith("#"):
            continue
        term, tag, source = line.split("\t")
        out.append((term, tag, source))
    return out


@functools.cache
def jieba_dictionary() -> tuple[dict[str, int], int]:
    """jieba's own dictionary (words and prefixes, total frequency), loaded once per process
    through a private ``jieba.Tokenizer`` (which reads jieba's marshal cache in the temporary
    folder, building it on the first run on a machine)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)  # jieba announces every load on stderr at DEBUG level
    try:
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    return tokenizer.FREQ, tokenizer.total


def _term_frequency(d: Dictionary, term: str) -> int:
    """The lowest frequency that keeps ``term`` whole on its own: just above the probability
    of its best split (jieba's ``suggest_freq``), or the word's own if higher.

    Lowest on purpose. jieba undervalues official language (生态环境 has frequency 3 out of 60
    million), so most terms come out at 1-10, and that already keeps them whole in running
    text (99.7% of 2,568 occurrences in ../shared; see ``scripts/audit_lexicon.py``), while a
    common word next to a term still wins where the text means it: "生态环境部门" stays
    生态环境/部门, not 生态环境部/门, and "县中医院" stays 县/中医院. A floor of 20 already
    broke both."""
    route = _best_route(term, d.freq, d.log_total)
    p = 1.0
    i = 0
    while i < len(term):
        j = route[i]
        p *= (d.freq.get(term[i:j]) or 1) / d.total
        i = j
    return max(int(p * d.total) + 1, d.freq.get(term, 0))


@functools.cache
def government_dictionary() -> Dictionary:
    """jieba's dictionary with the government lexicon added (built once per process)."""
    freq, total = jieba_dictionary()
    d = Dictionary(freq, total, {})
    for term, tag, _source in read_lexicon():
        d.add(term, _term_frequency(d, term), tag)
    return d


def load_user_dictionary(d: Dictionary, path: PathLike) -> None:
    """Add a jieba-format user dictionary ("word [freq] [tag]" a line, UTF-8) to ``d``;
    a word without a frequency gets one that keeps it whole."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read user dictionary: {exc.strerror}", name) from None
    except UnicodeDecodeError:
        raise ConfigError("user dictionary is not UTF-8", name) from None
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _USERDICT_LINE.match(line)
        if m is None or " " in m.group(1):  # a word never holds a space: jieba cuts there
            raise ConfigError(f"line {lineno}: expected `word [frequency] [tag]`", name)
        word = normalise(m.group(1))
        freq = int(m.group(2)) if m.group(2) else _term_frequency(d, word)
        if freq <= 0:
            raise ConfigError(f"line {lineno}: frequency must be positive", name)
        d.add(word, freq, m.group(3).strip() if m.group(3) else None)


@functools.lru_cache(maxsize=16)
def _cached_segmenter(key: tuple[tuple[str, int], ...]) -> Segmenter:
    return Segmenter([path for path, _mtime in key])


def segmenter(user_dictionaries: Sequence[PathLike] = ()) -> Segmenter:
    """The shared :class:`Segmenter` for these user dictionaries (rebuilt when one changes)."""
    key = []
    for p in user_dictionaries:
        name = os.path.abspath(os.fspath(p))
        try:
            mtime = os.stat(name).st_mtime_ns
        except OSError as exc:
            raise ConfigError(f"cannot read user dictionary: {exc.strerror}", name) from None
        key.append((name, mtime))
    return _cached_segmenter(tuple(key))


def segment(text: str | Document, *, user_dictionaries: Sequence[PathLike] = ()) -> list[Token]:
    """Cut ``text`` into words; offsets are code points into ``text`` (or ``doc.text``).

    Args:
        text: the text, or a :class:`~govtext.document.Document`.
        user_dictionaries: jieba-format word lists to add to the government lexicon.

    Example:
        >>> [t.text for t in segment("坚决打赢污染防治攻坚战，落实“三会一课”制度。")]
        ['坚决', '打赢', '污染防治攻坚战', '，', '落实', '“', '三会一课', '”', '制度', '。']
    """
    return segmenter(user_dictionaries).tokens(text)
