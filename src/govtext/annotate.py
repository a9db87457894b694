"""Write findings back into a copy of the user's file: review comments (批注) in a .docx, inline
markers in .txt/.md; and apply safe fixes to a copy. The input file is never modified.

For .docx, runs are split at each finding's boundaries (the text stays the same, only run
structure changes) so that every comment is anchored on exactly the flagged characters.
"""

from __future__ import annotations

import bisect
import copy
import os
from collections.abc import Sequence
from typing import Any

from govtext.document import Document
from govtext.errors import InputError
from govtext.model import Finding

MARK_OPEN, MARK_CLOSE = "〖", "〗"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def annotate_text(doc: Document, findings: Sequence[Finding]) -> str:
    """The text with ``〖CODE message〗`` inserted after each flagged span."""
    text = doc.text
    inserts: dict[int, list[str]] = {}
    for f in findings:
        inserts.setdefault(f.end, []).append(f"{MARK_OPEN}{f.code} {f.message}{MARK_CLOSE}")
    out = []
    last = 0
    for pos in sorted(inserts):
        out.append(text[last:pos])
        out.extend(inserts[pos])
        last = pos
    out.append(text[last:])
    return "".join(out)


def fix_text(text: str, findings: Sequence[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply fixes (safe ones, or all with ``unsafe``) that do not overlap; return text and count."""
    fixes = sorted(
        (f.fix for f in findings if f.fix and (unsafe or f.fix.get("safe"))),
        key=lambda fx: (fx["start"], fx["end"]),
    )
    out = []
    last = 0
    n = 0
    for fx in fixes:
        if fx["start"] < last:
            continue
        out.append(text[last : fx["start"]])
        out.append(fx["replacement"])
        last = fx["end"]
        n += 1
    out.append(text[last:])
    return "".join(out), n


class _Pieces:
    """The w:t elements of a document body with their offsets in the extracted text."""

    def __init__(self, pieces: list[tuple[int, Any]]) -> None:
        self.starts = [p for p, _ in pieces]
        self.elems = [e for _, e in pieces]

    def length(self, k: int) -> int:
        return len(self.elems[k].text or "")

    def find(self, offset: int) -> int:
        """Index of the piece containing ``offset`` (or the last piece starting before it)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def split(self, offset: int) -> None:
        """Split the run holding ``offset`` so that a run boundary falls exactly there."""
        k = self.find(offset)
        if k < 0:
            return
        start, t = self.starts[k], self.elems[k]
        inner = offset - start
        text = t.text or ""
        if inner <= 0 or inner >= len(text):
            return
        run = t.getparent()
        if run is None or not run.tag.endswith("}r"):
            return
        new_run = copy.deepcopy(run)
        children = list(run)
        idx = children.index(t)
        for child in children[idx + 1 :]:
            run.remove(child)
        new_children = list(new_run)
        for child in new_children[:idx]:
            if not child.tag.endswith("}rPr"):
                new_run.remove(child)
        new_t = next(c for c in new_run if c.tag == t.tag)
        t.text, new_t.text = text[:inner], text[inner:]
        for el in (t, new_t):
            el.set(XML_SPACE, "preserve")
        run.addnext(new_run)
        # Later w:t of the original run moved to the copy: keep the piece list in step.
        moved = [c for c in new_run if c.tag == t.tag][1:]
        self.elems[k + 1 : k + 1 + len(moved)] = moved
        self.starts.insert(k + 1, offset)
        self.elems.insert(k + 1, new_t)


def _open_docx_with_text(path: str) -> tuple[Any, Any, str]:
    """python-docx Document, the piece list, and the text exactly as :func:`govtext.read` gives it."""
    import docx

    from govtext.readers.docx import extract, load_parts, open_archive

    zf = open_archive(path, path)
    with zf:
        _, numbering, styles = load_parts(zf, path)
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        raise InputError(
            f"python-docx cannot open it for annotation ({exc.__class__.__name__})", path
        ) from None
    result = extract(document.element.body, numbering, styles, keep_pieces=True)
    return document, result, result.text


def annotate_docx(
    path: str, findings: Sequence[Finding], out_path: str, *, author: str = "govtext"
) -> int:
    """Write a copy of ``path`` with one review comment per finding; return the comment count."""
    from docx.text.run import Run

    if os.path.abspath(path) == os.path.abspath(out_path):
        raise InputError("refusing to overwrite the input file; choose another output path", path)
    document, result, _text = _open_docx_with_text(path)
    pieces = _Pieces(result.pieces)
    for f in findings:
        pieces.split(f.start)
        pieces.split(f.end)
    para_bounds = [(s, e, p) for s, e, p in result.paragraphs]
    n = 0
    for f in findings:
        lo = bisect.bisect_left(pieces.starts, f.start)
        runs: list[Any] = []
        k = lo
        while k < len(pieces.starts) and pieces.starts[k] < max(f.end, f.start + 1):
            r = pieces.elems[k].getparent()
            if r is not None and (not runs or runs[-1] is not r):
                runs.append(r)
            k += 1
        if not runs:
            # The span is a rendered list number (no text run): anchor on its paragraph's first run.
            para = next((p for s, e, p in para_bounds if s <= f.start <= e), None)
            if para is None:
                continue
            first = next(
                iter(para.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")),
                None,
            )
            if first is None:
                continue
            runs = [first]
        body = f"{f.code} {f.message}"
        document.add_comment(
            [Run(r, document) for r in runs], text=body, author=author, initials="GT"
        )
        n += 1
    document.save(out_path)
    return n


def fix_docx(path: str, findings: Sequence[Finding], out_path: str, *, unsafe: bool = False) -> int:
    """Write a copy of ``path`` with the fixes applied inside its text runs; return how many."""
    if os.path.abspath(path) == os.path.abspath(out_path):
        raise InputError("refusing to overwrite the input file; choose another output path", path)
    document, result, _ = _open_docx_with_text(path)
    pieces = _Pieces(result.pieces)
    n = 0
    fixes = sorted(
        (f.fix for f in findings if f.fix and (unsafe or f.fix.get("safe"))),
        key=lambda fx: -fx["start"],
    )
    for fx in fixes:
        k = pieces.find(fx["start"])
        if k < 0:
            continue
        t = pieces.elems[k]
        inner = fx["start"] - pieces.starts[k]
        text = t.text or ""
        if inner < 0 or fx["end"] - pieces.starts[k] > len(text):
            continue  # a fix across runs: left alone
        t.text = text[:inner] + fx["replacement"] + text[fx["end"] - pieces.starts[k] :]
        n += 1
    document.save(out_path)
    return n
