"""``read(path)``: a report file (.txt, .md, .docx) into a :class:`~govtext.document.Document`."""

from __future__ import annotations

import os
from pathlib import Path

from govtext.document import Document
from govtext.errors import (
    FileMissingError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | DOCX_SUFFIXES
MAX_BYTES = 64 * 1024 * 1024

_REFUSED = {
    ".doc": "a legacy Word .doc file: open it in Word or WPS and save it as .docx",
    ".wps": "a WPS .wps file: save it as .docx",
    ".pdf": "a PDF: export its text to .txt or save the source as .docx",
    ".rtf": "an RTF file: save it as .docx",
}


def format_of(path: str | os.PathLike[str]) -> str:
    """``"text"``, ``"markdown"`` or ``"docx"`` by suffix; raises for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in TEXT_SUFFIXES:
        return "text"
    reason = _REFUSED.get(
        suffix, f"unsupported format {suffix!r} (govtext reads .txt, .md and .docx)"
    )
    raise UnsupportedFormatError(reason, path)


def read_bytes(
    data: bytes, *, path: str | None = None, format: str = "text", encoding: str | None = None
) -> Document:
    """Decode report bytes already in memory (stdin, an archive member, a test)."""
    if len(data) > MAX_BYTES:
        raise TooLargeError(
            f"{len(data) // (1024 * 1024)} MiB is over the {MAX_BYTES // (1024 * 1024)} MiB limit",
            path,
        )
    if format == "docx":
        from govtext.readers.docx import read_docx

        return read_docx(data, path)
    from govtext.readers.text import decode

    text, enc = decode(data, path, encoding)
    if format == "markdown":
        from govtext.readers.markdown import markdown_document

        return markdown_document(text, path=path, encoding=enc)
    return Document(text=text, path=path, encoding=enc, format="text")


def read(
    path: str | os.PathLike[str], *, encoding: str | None = None, format: str | None = None
) -> Document:
    """Read a report file.

    Args:
        path: a ``.txt``, ``.md`` or ``.docx`` file (a file without suffix is read as text).
        encoding: force a text codec instead of detecting UTF-8/UTF-16/GB18030.
        format: ``"text"``, ``"markdown"`` or ``"docx"`` to override the suffix.

    Raises:
        InputError: a coded, one-line error naming the file (missing, empty, binary,
            undecodable, unsupported, too large, corrupt or unsafe .docx).
    """
    name = os.fspath(path)
    fmt = format or format_of(name)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise FileMissingError("no such file", name) from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", name) from None
    if os.path.isdir(name):
        raise InputError("is a directory (pass files, or use `govtext batch` for folders)", name)
    if st.st_size > MAX_BYTES:
        raise TooLargeError(
            f"{st.st_size // (1024 * 1024)} MiB is over the {MAX_BYTES // (1024 * 1024)} MiB limit",
            name,
        )
    if fmt == "docx":
        from govtext.readers.docx import read_docx

        return read_docx(name, name)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return read_bytes(data, path=name, format=fmt, encoding=encoding)
