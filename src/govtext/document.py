"""The decoded report: original text, a same-length normalised view, and a line index.

Every offset govtext reports is a 0-based code-point offset into :attr:`Document.text`, the
text exactly as decoded (a BOM is not part of it; CRLF stays CRLF). Analysis runs on
:attr:`Document.norm`, which has the *same length*: each normalisation replaces one code point
by one code point (full-width digits and letters by ASCII, ％ by %, NBSP and U+3000 by a space,
the CR of a CRLF by a space, Markdown syntax by spaces, and — in a report written in
traditional script, such as the State Council's of 1954 — each traditional character by its
simplified form). Because the two strings align position by position, no offset ever needs
mapping back.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from govtext import _re

# Full-width forms that carry the same meaning as their ASCII twins in numbers and codes.
# Full-width *punctuation* (，。：（）“”) is left alone: it is ordinary Chinese text.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0A: ord("*"), 0xFF0B: ord("+"), 0xFF0E: ord(".")})
_FULLWIDTH.update({0xFF0F: ord("/"), 0xFF0D: ord("-")})
# Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) are invisible leftovers of web and
# Word copies; as spaces they no longer hide a line's last character ("各位代表：\u200d").
_SPACES = (0x00A0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
for _space in (*_SPACES, 0x0009, 0x000B, 0x000C):
    _FULLWIDTH[_space] = ord(" ")
NORMALISE = str.maketrans(_FULLWIDTH)
_REPLACEMENT = {chr(k): chr(v) for k, v in _FULLWIDTH.items()}
# str.translate walks a dict for every character of non-ASCII text (~150 ns each, 0.15 s on the
# national corpus); a regex finds the few characters that change and replaces only those.
_NORMALISABLE = _re.compile("[" + "".join(f"\\u{cp:04x}" for cp in sorted(_FULLWIDTH)) + "]")

_LINE_BREAK = _re.compile(r"\r\n|\r|\n")


def _replace(m: re.Match[str]) -> str:
    return _REPLACEMENT[m.group()]


# Common characters that simplified script writes otherwise (們國這個為來時會…): in a report in
# traditional script they are some 9% of the text (the State Council's of 1954), in the
# simplified reports at most 0.5% (old forms quoted or left by OCR).
_TRADITIONAL_HINTS = _re.compile("[們國這個為來時會說對發經過與業產動實區後還開關學]")
_TRADITIONAL_SHARE = 0.02


@lru_cache(maxsize=1)
def _traditional() -> dict[int, int]:
    from govtext.data import read_text

    table = {}
    for line in read_text("traditional_chars.tsv").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = ord(simp)
    return table


def simplified(text: str) -> str:
    """``text`` with every traditional character replaced by its simplified form (same length)."""
    return text.translate(_traditional())


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script (judged on its first 20,000 characters)."""
    window = min(len(text), 20000)
    hints = len(_TRADITIONAL_HINTS.findall(text, 0, window))
    return hints >= 20 and hints >= _TRADITIONAL_SHARE * window


def normalise(text: str) -> str:
    """Return the same-length normalised view of ``text`` (see the module docstring)."""
    norm = _NORMALISABLE.sub(_replace, text)
    if "\r" in norm:
        # CRLF -> " \n" and a lone CR -> "\n": one code point each, so offsets stay put.
        norm = norm.replace("\r\n", " \n").replace("\r", "\n")
    if is_traditional(norm):
        norm = simplified(norm)
    return norm


class Block(NamedTuple):
    """A paragraph whose bounds the reader knows (a Word paragraph, a Markdown block).

    ``heading_level`` is a hint from a Word heading style / outline level or a Markdown ``#``;
    ``marker_end`` is set when the reader rendered automatic numbering ("一、") in front of the
    paragraph text, so ``text[start:marker_end]`` is that rendered marker.
    """

    start: int
    end: int
    heading_level: int | None = None
    marker_end: int | None = None
    in_table: bool = False
    style: str | None = None


class Position(NamedTuple):
    """1-based line and column (in code points) of an offset."""

    line: int
    column: int


class Document:
    """A decoded report. Build one with :func:`govtext.read` or :meth:`Document.from_text`."""

    def __init__(
        self,
        text: str,
        path: str | None = None,
        encoding: str | None = None,
        format: str = "text",
        blocks: Sequence[Block] | None = None,
        norm: str = "",
    ) -> None:
        self.text = text
        self.path = path
        self.encoding = encoding
        self.format = format
        self.blocks = blocks
        self.norm = norm or normalise(text)
        self._line_starts: list[int] | None = None
        if len(self.norm) != len(self.text):  # pragma: no cover - a reader bug, never input
            raise AssertionError("normalised text must keep the length of the original")

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, encoding={self.encoding!r}, length={len(self.text)})"

    @classmethod
    def from_text(cls, text: str, *, path: str | None = None, format: str = "text") -> Document:
        """Wrap an already-decoded string. ``format="markdown"`` masks Markdown syntax."""
        if format == "markdown":
            from govtext.readers.markdown import markdown_document

            return markdown_document(text, path=path, encoding=None)
        return cls(text=text, path=path, encoding=None, format=format)

    def __len__(self) -> int:
        return len(self.text)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        return self._line_starts

    def position(self, offset: int) -> Position:
        """1-based line and column of a code-point offset (CRLF, LF and CR all end a line)."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return Position(i + 1, offset - starts[i] + 1)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
