"""Word .docx: the body's paragraphs in order, numbered as Word shows them.

Every paragraph of the body is one line, so a finding's line is the paragraph
number as Word counts it (empty paragraphs and table cells' paragraphs
included). Tables' cells are text of their own, kept out of the heading
structure (LineHint.table); headers, footers, comments, footnotes and text
boxes are not the report's text and are left out. Tracked changes read as the
final text: insertions in, deletions out. Heading 1–4 / 标题 1–4 styles (or an
outline level) are level hints, and automatic numbering (numbering.py) is
rendered into the marker typed drafts have, so 一、 made by Word parses as
一、 typed.

A .docx is a zip of XML parts, and an untrusted one is handled as such
(limits.py gives every limit): an archive whose end record announces too many
entries or too large a directory is refused before zipfile reads the
directory; absurd sizes or compression ratios (zip bombs), and XML parts
beyond their limits, before anything is unpacked; a DTD (the carrier of
external entities and entity bombs) in any part python-docx parses as XML,
whatever its name or encoding, before python-docx parses anything. Numbers are
read within Word's own ranges (numbering.py), a text past the limit stops the
reading where it passes it, and nothing is ever fetched.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from xml.parsers import expat

from ..limits import (MAX_CENTRAL_DIRECTORY, MAX_RATIO, MAX_TEXT_CHARS, MAX_UNPACKED, MAX_XML_PART, MAX_XML_TOTAL,
                      MAX_ZIP_ENTRIES, RATIO_FLOOR, mib)
from ..model import LineHint, Source
from . import FormatError
from .numbering import W, Numbering, _val, integer
from .. import recache

_HEADING_STYLE = recache.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_P, _TBL, _PPR, _T, _TAB, _NO_BREAK_HYPHEN = (W + tag for tag in ("p", "tbl", "pPr", "t", "tab", "noBreakHyphen"))
_PSTYLE, _NUM_PR, _NUM_ID, _ILVL, _OUTLINE_LVL, _VAL = (W + tag for tag in ("pStyle", "numPr", "numId", "ilvl",
                                                                              "outlineLvl", "val"))
_SKIPPED = {W + "txbxContent", W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "sectPr",
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def check_archive(data: bytes) -> None:
    """Refuse what is not a sound Word package, before python-docx unpacks or
    parses anything: an absurd directory, entry count, size or compression
    ratio (zip bombs), XML parts beyond their limits, and a DTD in any part
    python-docx parses as XML."""
    check_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _damaged() from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _too_many_entries(len(entries))
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED:
        raise FormatError(f"解压后过大（{mib(total)} MB，上限 {mib(MAX_UNPACKED)} MB），疑为压缩炸弹，拒绝读取",
                        f"too large unpacked ({mib(total)} MB, limit {mib(MAX_UNPACKED)} MB); a zip bomb? refused")
    for e in entries:
        if e.file_size > RATIO_FLOOR and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise FormatError(f"条目 {e.filename} 压缩比异常（{e.file_size // max(e.compress_size, 1)} 倍），疑为压缩炸弹，拒绝读取",
                            f"entry {e.filename} has an absurd compression ratio; a zip bomb? refused")
        if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise FormatError(f"条目 {e.filename} 的压缩方式不是 Word 文档所用的（只有存储和 Deflate），文件已损坏",
                            f"entry {e.filename} is compressed by a method Word documents do not use "
                            "(only stored and deflated); damaged")
    names = {e.filename for e in entries}
    if "word/document.xml" not in names and _CONTENT_TYPES not in names:
        raise FormatError("是 ZIP 压缩包，但不是 Word 文档（.docx）", "a ZIP archive but not a Word document (.docx)")
    try:
        parts = _xml_parts(archive, entries)
        for e in parts:
            _refuse_dtd(archive, e)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError, zlib.error):
        raise FormatError("文件已损坏或不完整（ZIP 条目无法解压）",
                        "damaged or truncated (a ZIP entry cannot be unpacked)") from None


# -- the XML parts python-docx parses ------------------------------------------------

_CONTENT_TYPES = "[Content_Types].xml"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"


class _Root(Exception):
    """The root element began: the prolog, the only place a DTD may stand, is over."""


class _Doctype(Exception):
    """A document type declaration."""


def _xml_parts(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The entries python-docx parses as XML, whatever their names: the content
    types, every relationships part (python-docx names them *.rels), and each
    part whose content type ([Content_Types].xml, as python-docx reads it) is
    one python-docx has an XML class for. Refuses any beyond MAX_XML_PART, or
    all together beyond MAX_XML_TOTAL, before one of them is unpacked."""
    types = [e for e in entries if e.filename == _CONTENT_TYPES]
    _within_limits(types)
    defaults, overrides = _content_types(archive) if types else ({}, {})
    parsed = _parsed_content_types()
    parts = []
    for e in entries:
        partname = "/" + e.filename
        content_type = overrides.get(partname.lower()) or defaults.get(posixpath.splitext(partname)[1][1:].lower())
        if e.filename == _CONTENT_TYPES or e.filename.endswith(".rels") or content_type in parsed:
            parts.append(e)
    _within_limits(parts)
    return parts


def _within_limits(parts: list[zipfile.ZipInfo]) -> None:
    for e in parts:
        if e.file_size > MAX_XML_PART:
            raise FormatError(f"部件 {e.filename} 解压后过大（{e.file_size:,} 字节，上限 {MAX_XML_PART:,}），"
                              "不像是一份报告，拒绝读取",
                              f"part {e.filename} too large unpacked ({e.file_size:,} bytes, limit {MAX_XML_PART:,}); "
                              "not a report")
    total = sum(e.file_size for e in parts)
    if total > MAX_XML_TOTAL:
        raise FormatError(f"XML 部件解压后共 {total:,} 字节（上限 {MAX_XML_TOTAL:,}），不像是一份报告，拒绝读取",
                          f"XML parts too large unpacked ({total:,} bytes together, limit {MAX_XML_TOTAL:,}); "
                          "not a report")


def _content_types(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml's defaults (extension -> type) and overrides (part
    name -> type), keyed in lower case as python-docx looks them up: the
    Default and Override elements right below the root."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    depth = 0

    def start(name, attributes):
        nonlocal depth
        depth += 1
        if depth == 2 and name == f"{_CT} Default" and "Extension" in attributes:
            defaults[attributes["Extension"].lower()] = attributes.get("ContentType", "")
        elif depth == 2 and name == f"{_CT} Override" and "PartName" in attributes:
            overrides[attributes["PartName"].lower()] = attributes.get("ContentType", "")

    def end(name):
        nonlocal depth
        depth -= 1

    _parse(archive, archive.getinfo(_CONTENT_TYPES), start, end, namespaces=True)
    return defaults, overrides


def _parsed_content_types() -> frozenset[str]:
    """The content types of the parts python-docx parses as XML (its registry)."""
    import docx  # noqa: F401 - registers python-docx's part classes
    from docx.opc.part import PartFactory, XmlPart

    return frozenset(t for t, cls in PartFactory.part_type_for.items() if issubclass(cls, XmlPart))


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose prolog holds a document type declaration (the carrier
    of external entities and entity bombs), as an XML parser meets it, in any
    encoding: expat reads the part up to its root element, where the prolog
    ends, and stops at a DOCTYPE before any entity in it is declared."""
    def start(name, attributes):
        raise _Root

    try:
        _parse(archive, info, start)
    except _Root:
        pass


def _parse(archive: zipfile.ZipFile, info: zipfile.ZipInfo, start, end=None, namespaces: bool = False) -> None:
    """Stream info's part through expat with these element handlers (names as
    "uri local" with namespaces); a DOCTYPE, or XML expat cannot read (Word's
    parts are UTF-8 or UTF-16), refuses it."""
    def doctype(*args):
        raise _Doctype

    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    with archive.open(info) as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            _feed(parser, info, chunk, False)
        _feed(parser, info, b"", True)


def _feed(parser, info: zipfile.ZipInfo, data: bytes, final: bool) -> None:
    try:
        parser.Parse(data, final)
    except _Doctype:
        raise FormatError(f"{info.filename} 含有 DTD（可能引用外部实体或构成实体炸弹），出于安全原因拒绝读取",
                          f"{info.filename} holds a DTD (external entities, entity bombs?); refused for safety") from None
    except (expat.ExpatError, ValueError, LookupError) as exc:  # the others: an encoding expat cannot read
        line = f"第 {exc.lineno} 行" if isinstance(exc, expat.ExpatError) else "开头"
        why = f"line {exc.lineno}: {expat.ErrorString(exc.code)}" if isinstance(exc, expat.ExpatError) else str(exc)
        raise FormatError(f"{info.filename} {line}不是有效的 XML（Word 文档的部件是 UTF-8 或 UTF-16 编码的 XML），文件已损坏",
                          f"{info.filename} {why} (a Word document's parts are XML in UTF-8 or UTF-16); damaged") from None


# -- the archive's end records, read before zipfile reads its directory ----------------

# APPNOTE.TXT 4.3.14-4.3.16.
_END = struct.Struct("<4s4H2LH")  # signature, disk, directory's disk, entries here, entries, size, offset, comment length
_END64_LOCATOR = struct.Struct("<4sLQL")  # signature, disk of the ZIP64 record, its offset, disks
_END64 = struct.Struct("<4sQ2H2L4Q")  # signature, record size, versions, disks, entries here, entries, size, offset


def _damaged() -> FormatError:
    return FormatError("文件已损坏或不完整，不是有效的 Word 文档（.docx 是 ZIP 包）",
                       "damaged or truncated: not a valid Word document (a .docx is a ZIP archive)")


def _too_many_entries(count: int) -> FormatError:
    return FormatError(f"ZIP 包条目过多（{count:,} 个，上限 {MAX_ZIP_ENTRIES:,}），疑为压缩炸弹，拒绝读取",
                       f"too many ZIP entries ({count:,}, limit {MAX_ZIP_ENTRIES:,}); a zip bomb? refused")


def check_directory(data: bytes) -> None:
    """Refuse an archive whose end records announce more entries, or a larger
    central directory, than the limits allow, before zipfile reads the directory
    (it builds an entry for every record there, whatever the count says).

    The records are found as zipfile finds them: the end record is the last 22
    bytes if they are one without a comment, else the last signature in the
    final 64 KiB (a comment may hold a fake one, and then zipfile takes that
    too); a ZIP64 record is the one before its locator, or the one the locator
    points at. zipfile reads the directory from the size the record gives, back
    from the record (the offset only shifts the entries), so the size bounds
    its work: at most MAX_CENTRAL_DIRECTORY / 46 entries. Raises FormatError
    and nothing else, whatever the bytes."""
    counts = []
    for entries, size in _end_records(data):
        if size > MAX_CENTRAL_DIRECTORY:
            raise FormatError(
                f"ZIP 包目录过大（{size:,} 字节，上限 {MAX_CENTRAL_DIRECTORY:,}），疑为压缩炸弹，拒绝读取",
                f"ZIP directory too large ({size:,} bytes, limit {MAX_CENTRAL_DIRECTORY:,}); a zip bomb? refused")
        counts.append(entries)
    if not counts:
        raise _damaged()
    if max(counts) > MAX_ZIP_ENTRIES:
        raise _too_many_entries(max(counts))


def _end_records(data: bytes) -> list[tuple[int, int]]:
    """(entries, directory size) of each end record zipfile may use; [] if there is none."""
    end = len(data) - _END.size
    if not (end >= 0 and data.startswith(b"PK\x05\x06", end) and data.endswith(b"\0\0")):
        end = data.rfind(b"PK\x05\x06", max(len(data) - (1 << 16) - _END.size, 0))
        if end < 0 or len(data) - end < _END.size:
            return []
    _, _, _, _, entries, size, _, _ = _END.unpack_from(data, end)
    locator = end - _END64_LOCATOR.size
    if locator < 0 or not data.startswith(b"PK\x06\x07", locator):
        return [(entries, size)]
    _, _, offset, _ = _END64_LOCATOR.unpack_from(data, locator)
    records = [r for r in (_end64(data, locator - _END64.size), _end64(data, offset)) if r]
    return records if data.startswith(b"PK\x06\x06", locator - _END64.size) else [(entries, size), *records]


def _end64(data: bytes, at: int) -> tuple[int, int] | None:
    if not (0 <= at <= len(data) - _END64.size and data.startswith(b"PK\x06\x06", at)):
        return None
    fields = _END64.unpack_from(data, at)
    return fields[7], fields[8]


def read(path: str, data: bytes) -> Source:
    check_archive(data)
    import docx  # imported here: only .docx files pay for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise FormatError(f"不是 Word 文档（.docx）：{exc}", f"not a Word document (.docx): {exc}") from None
    except Exception as exc:  # noqa: BLE001 - python-docx or lxml on a broken part
        raise FormatError(f"Word 文档已损坏：{type(exc).__name__}", f"damaged Word document: {type(exc).__name__}") from None
    lines: list[str] = []
    hints: dict[int, LineHint] = {}
    size = -1  # the text's length so far: each line and the line break before it
    for p, in_table, prefix, level in walk(document):
        text = (prefix + _text(p)).replace("\n", "")
        lines.append(text)
        size += len(text) + 1
        if size > MAX_TEXT_CHARS:  # the rest would be read only to be refused
            raise FormatError(f"正文过长（超过 {MAX_TEXT_CHARS:,} 字符），不像是一份报告",
                              f"text too long (over {MAX_TEXT_CHARS:,} characters); not a report")
        if in_table or level:
            hints[len(lines)] = LineHint(heading=0 if in_table else level, table=in_table)
    return Source(path, "\n".join(lines), "utf-8", format="docx", hints=hints)


def walk(document):
    """(w:p, inside a table, its automatic numbering as Word renders it, its
    heading level 1–9 or 0) for every paragraph of a python-docx Document's
    body in order: line N of the Source is the Nth. annotate.py walks a
    document with it too, to find the paragraph a finding's line names."""
    styles = _styles(document)
    numbering = Numbering(_numbering_element(document), {sid: s for sid, s in styles.items() if "numId" in s})
    style_levels = _style_levels(styles)
    default_style = styles.get("", {}).get("default")
    for p, in_table in _paragraphs(_body(document), False):
        style_id, num_id, ilvl, outline = _properties(p) if len(p) else _NO_PROPERTIES
        style_id = style_id or default_style
        yield p, in_table, numbering.render(num_id, ilvl, style_id), _heading_level(outline, style_id, style_levels)


def _body(document):
    """The main part's w:body; an empty one for a w:document without one."""
    root = document.element
    if root.tag != W + "document":
        raise FormatError(f"Word 文档已损坏：正文部件的根元素不是 w:document，而是 {root.tag.rpartition('}')[2]}",
                          f"damaged Word document: the main part's root is {root.tag.rpartition('}')[2]}, "
                          "not w:document")
    return next(root.iterchildren(W + "body"), ())


_NO_PROPERTIES = (None, None, None, None)


def _properties(p) -> tuple[str | None, str | None, str | None, str | None]:
    """(w:pStyle, w:numId, w:ilvl, w:outlineLvl) of a paragraph's properties
    (w:pPr), each the first given, read in one pass over them."""
    style = num_id = ilvl = outline = None
    numbered = False
    for ppr in p.iterchildren(_PPR):
        for child in ppr:
            tag = child.tag
            if tag == _PSTYLE and style is None:
                style = child.get(_VAL)
            elif tag == _NUM_PR and not numbered:
                numbered = True
                for number in child:
                    if number.tag == _NUM_ID and num_id is None:
                        num_id = number.get(_VAL)
                    elif number.tag == _ILVL and ilvl is None:
                        ilvl = number.get(_VAL)
            elif tag == _OUTLINE_LVL and outline is None:
                outline = child.get(_VAL)
        break  # the first w:pPr, as find() gives it
    return style, num_id, ilvl, outline


def _paragraphs(element, in_table: bool):
    """(w:p, inside a table) for every paragraph below element, in order."""
    for child in element:
        tag = child.tag
        if tag == _P:
            yield child, in_table
        elif tag == _TBL:
            yield from _paragraphs(child, True)
        elif tag not in _SKIPPED and isinstance(tag, str):
            yield from _paragraphs(child, in_table)


def _text(element) -> str:
    """The text Word shows for a paragraph: runs, hyperlinks, fields' results,
    insertions; not deletions, text boxes or the fallback copies of drawings."""
    return "".join(text for _, text in pieces(element))


def pieces(element):
    """(element, its text) for each element _text reads text from (w:t, w:tab,
    w:noBreakHyphen), in order: "".join of the texts is _text(element). The
    one walk for reading and for annotating (annotate.py anchors comments to them)."""
    for child in element:
        tag = child.tag
        if tag == _T:
            yield child, child.text or ""
        elif tag == _TAB:
            yield child, "\t"
        elif tag == _NO_BREAK_HYPHEN:
            yield child, "-"
        elif tag in _SKIPPED or tag == _P or not isinstance(tag, str):
            continue
        elif len(child):
            yield from pieces(child)


def _styles(document) -> dict[str, dict]:
    """style id -> {"name", "based", "outline", "numId", "ilvl"}; "" -> {"default": id}."""
    found: dict[str, dict] = {}
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part
        return found
    for style in root.findall(W + "style"):
        sid = style.get(W + "styleId")
        if not sid:
            continue
        entry: dict = {"name": _val(style, "name") or "", "based": _val(style, "basedOn")}
        ppr = style.find(W + "pPr")
        outline = _outline_level(_val(ppr, "outlineLvl"))
        if outline is not None:
            entry["outline"] = outline
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            entry["numId"] = _val(num_pr, "numId")
            entry["ilvl"] = _val(num_pr, "ilvl")
        found[sid] = entry
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
            found[""] = {"default": sid}
    return found


def _style_levels(styles: dict[str, dict]) -> dict[str, int]:
    """style id -> 1–9 from a Heading n / 标题 n name or an outline level (through basedOn), else 0."""
    levels: dict[str, int] = {}
    for sid in styles:
        style_id, seen, level = sid, 0, 0
        while style_id and style_id in styles and seen < 10:
            style = styles[style_id]
            m = _HEADING_STYLE.match(style.get("name", "").strip())
            if m:
                level = int(m.group(1))
                break
            if "outline" in style:
                level = style["outline"] + 1 if style["outline"] < 9 else 0
                break
            style_id, seen = style.get("based"), seen + 1
        levels[sid] = level
    return levels


def _heading_level(outline: str | None, style_id: str | None, style_levels: dict[str, int]) -> int:
    """1–9 from the paragraph's outline level (w:outlineLvl), else from its style's, else 0."""
    level = _outline_level(outline) if outline is not None else None
    if level is not None:
        return level + 1 if level < 9 else 0
    return style_levels.get(style_id, 0)


def _outline_level(value: str | None) -> int | None:
    """w:outlineLvl: 0–8 a heading level, 9 body text; None if absent or unreadable."""
    return integer(value, 0, 9)


def _numbering_element(document):
    """The numbering part's root, or None: no numbering relationship, or one to
    a part python-docx did not parse as XML (an image, say), gives no lists."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None
    return getattr(part, "element", None)
