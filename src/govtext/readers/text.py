"""Decoding plain-text reports: BOMs, UTF-8, GB18030/GBK, UTF-16 without BOM, binary refusal."""

from __future__ import annotations

import re
from functools import lru_cache

from govtext.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)

# Control characters other than tab/newline/CR/form feed do not occur in reports.
_CONTROL = frozenset(chr(c) for c in range(32) if c not in (9, 10, 12, 13)) | {"\x7f", "\ufffd"}
_CONTROL_RE = re.compile("[" + "".join(f"\\u{ord(c):04x}" for c in sorted(_CONTROL)) + "]")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The 3,755 level-1 characters of GB 2312 (rows 16-55), the everyday core of written Chinese.

    Real GBK/GB18030 reports are made almost only of these; bytes of another encoding that
    happen to decode as GB18030 produce rare characters instead.
    """
    chars = []
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: most NUL bytes sit at one parity (the high byte of an ASCII
    character), and the decoded text reads as text."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # CJK characters such as 一 (U+4E00) also hold a NUL byte, so parity is a majority, not a rule.
    if odd > 2 * even:
        codec = "utf-16-le"
    elif even > 2 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    head = text[:4000]
    readable = sum(1 for ch in head if ch.isprintable() or ch in "\r\n\t")
    cjk = sum(1 for ch in head if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    if readable < len(head) * 0.98 or cjk + sum(ch.isascii() for ch in head) < len(head) * 0.9:
        return None
    return text


def _check_text(text: str, path: str | None, encoding: str) -> None:
    if not text.strip():
        raise EmptyInputError("file is empty (no text after decoding)", path)
    sample = text[:20000]
    bad = len(_CONTROL_RE.findall(sample))
    if bad > max(2, len(sample) // 200):
        raise BinaryInputError(
            f"not a text file ({bad} control characters after decoding as {encoding})", path
        )


def _plausible_gb(text: str) -> bool:
    hanzi = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < 20:
        return True
    common = _common_hanzi()
    return sum(ch in common for ch in hanzi) / len(hanzi) >= 0.75


def decode(data: bytes, path: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding_name)``.

    With ``encoding`` given, only that codec is tried. Otherwise: a BOM decides; then strict
    UTF-8; then GB18030 (a superset of GBK and GB 2312), accepted only when the result reads as
    ordinary Chinese. Raises a coded :class:`~govtext.errors.InputError` otherwise.
    """
    if not data.strip(b" \t\r\n\x0c"):
        raise EmptyInputError("file is empty", path)
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(
                f"cannot decode as {encoding}: {exc.__class__.__name__}", path
            ) from None
        text = text.removeprefix("\ufeff")
        _check_text(text, path, encoding)
        return text, encoding
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec if codec != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError:
                raise DecodeError(
                    f"has a {name} byte-order mark but is not valid {name}", path
                ) from None
            _check_text(text, path, name)
            return text, name
    if _looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            _check_text(utf16, path, "utf-16")
            return utf16, "utf-16"
        raise BinaryInputError("binary file (NUL bytes), not a text report", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_text(text, path, "utf-8")
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError("cannot decode: tried UTF-8 and GB18030 (use --encoding)", path) from None
    _check_text(text, path, "gb18030")
    if not _plausible_gb(text):
        raise DecodeError(
            "cannot decode: not UTF-8, and as GB18030 it is not Chinese text (use --encoding)", path
        )
    return text, "gb18030"
