"""Word .docx reports: paragraphs in document order, table cells, heading hints, list numbers.

The archive is opened defensively before any XML is parsed: an OLE file (encrypted .docx or a
renamed .doc) is refused, as are zip bombs (too many members, too large an uncompressed total,
a runaway compression ratio) and XML that declares a DOCTYPE or entities. XML is parsed with
entity resolution and network access off.

Word's automatic numbering (``w:numPr``) is rendered as the marker a reader sees ("一、",
"（一）", "1.") in front of the paragraph text, so numbered headings keep their markers; the
:class:`~govtext.document.Block` of such a paragraph records where the rendered marker ends.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from govtext import _re
from govtext.document import Block, Document
from govtext.errors import CorruptDocxError, EncryptedDocxError, UnsafeDocxError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

MAX_MEMBERS = 5000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
MAX_PART = 128 * 1024 * 1024
MAX_RATIO = 120  # deflate rarely beats ~20:1 on real XML; bombs reach 1000:1
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Elements whose text a reader does not see in the body flow.
_SKIP = {
    W + "pPr",
    W + "rPr",
    W + "del",
    W + "moveFrom",
    W + "instrText",
    W + "delText",
    W + "drawing",
    W + "pict",
    W + "object",
    MC + "AlternateContent",
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
    W + "fldChar",
}


def _check_archive(zf: zipfile.ZipFile, path: str | None) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeDocxError(f"archive has {len(infos)} members (limit {MAX_MEMBERS})", path)
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:
            raise EncryptedDocxError("archive members are encrypted", path)
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise UnsafeDocxError(
                f"{info.filename} expands {ratio}:1 (limit {MAX_RATIO}:1): refusing a possible zip bomb",
                path,
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnsafeDocxError(
            f"archive expands to {total // (1024 * 1024)} MiB (limit {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MiB)",
            path,
        )


def _read_part(zf: zipfile.ZipFile, name: str, path: str | None) -> bytes | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    with zf.open(info) as fh:
        data = fh.read(MAX_PART + 1)  # the header's size may lie: cap what is actually read
    if len(data) > MAX_PART:
        raise UnsafeDocxError(f"{name} is larger than {MAX_PART // (1024 * 1024)} MiB", path)
    return data


def _parse_xml(data: bytes, name: str, path: str | None) -> Any:
    from lxml import etree

    head = data[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
        raise UnsafeDocxError(
            f"{name} declares a DOCTYPE/entities (refused: XML entity tricks)", path
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocxError(f"{name} is not well-formed XML ({exc.msg})", path) from None


def _main_part(zf: zipfile.ZipFile, path: str | None) -> str:
    rels = _read_part(zf, "_rels/.rels", path)
    if rels:
        m = re.search(rb'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', rels) or re.search(
            rb'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"', rels
        )
        if m:
            return m.group(1).decode("utf-8", "replace")
    if "word/document.xml" in zf.namelist():
        return "word/document.xml"
    raise CorruptDocxError("no main document part: not a Word .docx file", path)


# --- numbering -------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (the counting form Word uses)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = (
            ""
            if rest == 0
            else ("零" + chinese_numeral(rest) if rest < 10 else chinese_numeral(rest))
        )
        if 10 <= rest < 20:
            tail = "一" + chinese_numeral(rest)
        return _CN_DIGITS[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    vals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in a ``w:numFmt`` format."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographDigital",
        "japaneseCounting",
        "chineseLegalSimplified",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return chinese_numeral(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """``numbering.xml`` resolved into level definitions, with running counters."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: Any) -> Numbering:
        num = cls()
        if root is None:
            return num
        for an in root.iter(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                level = _Level()
                fmt = lvl.find(W + "numFmt")
                if fmt is not None:
                    level.fmt = fmt.get(W + "val", "decimal")
                txt = lvl.find(W + "lvlText")
                if txt is not None:
                    level.text = txt.get(W + "val", "")
                start = lvl.find(W + "start")
                if start is not None:
                    level.start = int(start.get(W + "val", "1"))
                levels[ilvl] = level
            num.abstract[an.get(W + "abstractNumId", "")] = levels
        for n in root.iter(W + "num"):
            abs_el = n.find(W + "abstractNumId")
            overrides: dict[int, int] = {}
            for ov in n.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    overrides[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val", "1"))
            if abs_el is not None:
                num.nums[n.get(W + "numId", "")] = (abs_el.get(W + "val", ""), overrides)
        return num

    def next_marker(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (list, level) and return the rendered marker text."""
        if num_id not in self.nums:
            return ""
        abs_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abs_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return ""
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started and overrides:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def repl(m: re.Match[str]) -> str:
            lv = int(m.group(1)) - 1
            lvl_def = levels.get(lv, _Level())
            value = counters.get(lv, overrides.get(lv, lvl_def.start))
            return format_number(value, lvl_def.fmt)

        return re.sub(r"%([1-9])", repl, level.text)


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num: tuple[str, int] | None = None
    outline: int | None = None


def _styles(root: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for st in root.iter(W + "style"):
        s = _Style()
        name = st.find(W + "name")
        s.name = (name.get(W + "val", "") if name is not None else "").lower()
        based = st.find(W + "basedOn")
        s.based_on = based.get(W + "val") if based is not None else None
        ppr = st.find(W + "pPr")
        if ppr is not None:
            s.num = _num_pr(ppr, None)
            ol = ppr.find(W + "outlineLvl")
            if ol is not None:
                s.outline = int(ol.get(W + "val", "9"))
        styles[st.get(W + "styleId", "")] = s
    return styles


def _num_pr(ppr: Any, default_ilvl: int | None) -> tuple[str, int] | None:
    np_ = ppr.find(W + "numPr")
    if np_ is None:
        return None
    nid = np_.find(W + "numId")
    ilvl = np_.find(W + "ilvl")
    if nid is None:
        return None
    return nid.get(W + "val", "0"), int(ilvl.get(W + "val", "0")) if ilvl is not None else (
        default_ilvl or 0
    )


_HEADING_NAME = _re.compile(r"^(?:heading|标题)\s*([1-9])$")


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> Iterator[_Style]:
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield styles[style_id]
        style_id = styles[style_id].based_on


# --- walking the body ------------------------------------------------------------------------


def iter_block_paragraphs(container: Any, in_table: bool = False) -> Iterator[tuple[Any, bool]]:
    """Yield ``(w:p element, in_table)`` in document order, descending into tables and content controls."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield child, in_table
        elif tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                if tr.getparent() is not child:
                    continue
                for tc in tr:
                    if tc.tag == W + "tc":
                        yield from iter_block_paragraphs(tc, True)
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
            yield from iter_block_paragraphs(child, in_table)


def iter_paragraph_text(p: Any) -> Iterator[tuple[str, Any]]:
    """Yield ``(text, w:t element or None)`` pieces of a paragraph as a reader sees them."""
    for child in p:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "t":
            if child.text:
                yield child.text, child
        elif tag == W + "tab" or tag == W + "ptab":
            yield "\t", None
        elif tag == W + "br" or tag == W + "cr":
            if child.get(W + "type") not in ("page", "column"):
                yield "\n", None
        elif tag == W + "noBreakHyphen":
            yield "-", None
        elif tag == W + "sym":
            char = child.get(W + "char")
            if char:
                try:
                    code = int(char, 16)
                    yield chr(code - 0xF000 if code >= 0xF000 else code), None
                except ValueError:
                    pass
        elif tag == W + "p":  # nested paragraph (text boxes, content controls): own line
            yield "\n", None
            yield from iter_paragraph_text(child)
        else:
            yield from iter_paragraph_text(child)


@dataclass
class DocxText:
    """The text of a .docx with the pieces that produced it (used to annotate the original)."""

    text: str
    blocks: list[Block]
    pieces: list[tuple[int, Any]]  # (offset of the piece in text, w:t element)
    paragraphs: list[tuple[int, int, Any]]  # (start, end, w:p) for every paragraph


def extract(
    body: Any, numbering: Numbering, styles: dict[str, _Style], keep_pieces: bool = False
) -> DocxText:
    out: list[str] = []
    blocks: list[Block] = []
    pieces: list[tuple[int, Any]] = []
    paragraphs: list[tuple[int, int, Any]] = []
    pos = 0
    for p, in_table in iter_block_paragraphs(body):
        ppr = p.find(W + "pPr")
        style_id = None
        outline = None
        numpr = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style_id = ps.get(W + "val") if ps is not None else None
            ol = ppr.find(W + "outlineLvl")
            outline = int(ol.get(W + "val", "9")) if ol is not None else None
            numpr = _num_pr(ppr, None)
        heading_level = None
        style_name = None
        for st in _style_chain(styles, style_id):
            style_name = style_name or st.name
            if numpr is None and st.num is not None:
                numpr = st.num
            if outline is None and st.outline is not None:
                outline = st.outline
            m = _HEADING_NAME.match(st.name)
            if m and heading_level is None:
                heading_level = int(m.group(1))
        if heading_level is None and outline is not None and outline < 9:
            heading_level = outline + 1
        marker = ""
        if numpr is not None and numpr[0] not in ("0", ""):
            marker = numbering.next_marker(numpr[0], numpr[1])
        start = pos
        if marker:
            out.append(marker)
            pos += len(marker)
        marker_end = pos if marker else None
        for text, el in iter_paragraph_text(p):
            if keep_pieces and el is not None:
                pieces.append((pos, el))
            out.append(text)
            pos += len(text)
        end = pos
        paragraphs.append((start, end, p))
        out.append("\n")
        pos += 1
        blocks.append(
            Block(
                start,
                end,
                heading_level=heading_level,
                marker_end=marker_end,
                in_table=in_table,
                style=style_name,
            )
        )
    text = "".join(out)
    trimmed: list[Block] = []
    for b in blocks:
        s, e = b.start, b.end
        while s < e and text[s] in " \t\u3000\xa0\n":
            s += 1
        while e > s and text[e - 1] in " \t\u3000\xa0\n":
            e -= 1
        if s < e:
            marker_end = b.marker_end if b.marker_end is not None and b.marker_end > s else None
            trimmed.append(Block(s, e, b.heading_level, marker_end, b.in_table, b.style))
    return DocxText(text, trimmed, pieces, paragraphs)


def open_archive(source: bytes | str | IO[bytes], path: str | None) -> zipfile.ZipFile:
    data_head: bytes
    target: str | IO[bytes]
    if isinstance(source, bytes):
        data_head = source[:8]
        target = io.BytesIO(source)
    elif isinstance(source, str):
        with open(source, "rb") as f:
            data_head = f.read(8)
        target = source  # ZipFile opens and closes the file itself
    else:
        data_head = source.read(8)
        source.seek(0)
        target = source
    if data_head.startswith(OLE_MAGIC):
        raise EncryptedDocxError(
            "an OLE compound file: an encrypted .docx or a legacy .doc renamed to .docx (save it as an unencrypted .docx)",
            path,
        )
    if not data_head.startswith(b"PK"):
        raise CorruptDocxError("not a zip archive, so not a .docx file", path)
    try:
        zf = zipfile.ZipFile(target)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocxError(f"corrupt zip archive ({exc})", path) from None
    return zf


def load_parts(zf: zipfile.ZipFile, path: str | None) -> tuple[Any, Numbering, dict[str, _Style]]:
    _check_archive(zf, path)
    try:
        main = _main_part(zf, path)
        doc_xml = _read_part(zf, main, path)
        if doc_xml is None:
            raise CorruptDocxError(f"{main} is missing from the archive", path)
        root = _parse_xml(doc_xml, main, path)
        folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        num_xml = _read_part(zf, folder + "numbering.xml", path)
        sty_xml = _read_part(zf, folder + "styles.xml", path)
        numbering = Numbering.from_xml(
            _parse_xml(num_xml, "numbering.xml", path) if num_xml else None
        )
        styles = _styles(_parse_xml(sty_xml, "styles.xml", path) if sty_xml else None)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
    ) as exc:
        raise CorruptDocxError(
            f"corrupt archive member ({exc.__class__.__name__}: {exc})", path
        ) from None
    except (ValueError, KeyError, IndexError) as exc:
        raise CorruptDocxError(f"unreadable Word XML ({exc.__class__.__name__})", path) from None
    body = root.find(W + "body")
    if body is None:
        raise CorruptDocxError("the document has no body", path)
    return body, numbering, styles


def read_docx(source: bytes | str | IO[bytes], path: str | None = None) -> Document:
    """Read a .docx into a :class:`Document` (text joined paragraph by paragraph with newlines)."""
    zf = open_archive(source, path)
    with zf:
        body, numbering, styles = load_parts(zf, path)
    result = extract(body, numbering, styles)
    if not result.text.strip():
        from govtext.errors import EmptyInputError

        raise EmptyInputError("the Word document has no text", path)
    return Document(
        text=result.text, path=path, encoding="docx", format="docx", blocks=result.blocks
    )
