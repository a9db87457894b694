"""Chinese and enclosed numerals: 二十三 -> 23, 一百二十 -> 120, 两 -> 2, ③ -> 3, 1.4万 -> 14000."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
    "幺": 1,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_DIGIT_CHARS = "".join(_DIGITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def cn_to_int(text: str) -> int | None:
    """Parse a Chinese numeral; ``None`` when ``text`` is not one.

    Handles counting forms (二十三, 一百零五, 三千五百万), bare digit strings (二〇二四 -> 2024)
    and a leading 十 (十二 -> 12).

    Example:
        >>> cn_to_int("一百二十"), cn_to_int("二十"), cn_to_int("两"), cn_to_int("二〇二四")
        (120, 20, 2, 2024)
    """
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    section = 0
    number = 0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
            seen_digit = True
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (number if seen_digit else 1) * unit
            number = 0
            seen_digit = False
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section += number
            total += section * unit
            section = 0
            number = 0
            seen_digit = False
        else:
            return None
    return total + section + number


def enclosed_to_int(ch: str) -> int | None:
    """① -> 1 … ⑳ -> 20; ⑴ -> 1; ⒈ -> 1; ❶ -> 1."""
    cp = ord(ch)
    for base in (0x2460, 0x2474, 0x2488):
        if base <= cp < base + 20:
            return cp - base + 1
    if 0x2776 <= cp <= 0x277F:
        return cp - 0x2776 + 1
    if 0x3251 <= cp <= 0x325F:  # ㉑ … ㉟
        return cp - 0x3251 + 21
    return None


def ordinal_of(text: str) -> int | None:
    """The ordinal of a marker's numeral part: "三" -> 3, "12" -> 12, "④" -> 4."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) == 1:
        enclosed = enclosed_to_int(text)
        if enclosed is not None:
            return enclosed
    return cn_to_int(text)
