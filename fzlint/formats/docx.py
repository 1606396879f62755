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

A .docx is a zip of XML parts, and an untrusted one is handled as such:
archives with absurd sizes or entry counts (zip bombs) are refused before
anything is unpacked, XML with a DTD (the carrier of external entities and
entity bombs) is refused, python-docx parses without resolving entities, and
nothing is ever fetched. A text past limits.MAX_TEXT_CHARS stops the reading
where it passes the limit.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..limits import MAX_RATIO, MAX_TEXT_CHARS, MAX_UNPACKED, MAX_ZIP_ENTRIES, RATIO_FLOOR
from ..model import LineHint, Source
from . import FormatError
from .numbering import W, Numbering, _val, integer

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_P, _TBL, _PPR, _T, _TAB, _NO_BREAK_HYPHEN = (W + tag for tag in ("p", "tbl", "pPr", "t", "tab", "noBreakHyphen"))
_PSTYLE, _NUM_PR, _NUM_ID, _ILVL, _OUTLINE_LVL, _VAL = (W + tag for tag in ("pStyle", "numPr", "numId", "ilvl",
                                                                              "outlineLvl", "val"))
_SKIPPED = {W + "txbxContent", W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "sectPr",
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}



def check_archive(data: bytes) -> None:
    """Refuse what is not a sound Word package, before unpacking anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise FormatError("文件已损坏或不完整，不是有效的 Word 文档（.docx 是 ZIP 包）",
                        "damaged or truncated: not a valid Word document (a .docx is a ZIP archive)") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FormatError(f"ZIP 包条目过多（{len(entries)} 个，上限 {MAX_ZIP_ENTRIES}），疑为压缩炸弹，拒绝读取",
                        f"too many ZIP entries ({len(entries)}, limit {MAX_ZIP_ENTRIES}); a zip bomb? refused")
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED:
        raise FormatError(f"解压后过大（{total // 1048576} MB，上限 {MAX_UNPACKED // 1048576} MB），疑为压缩炸弹，拒绝读取",
                        f"too large unpacked ({total // 1048576} MB, limit {MAX_UNPACKED // 1048576} MB); a zip bomb? refused")
    for e in entries:
        if e.file_size > RATIO_FLOOR and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise FormatError(f"条目 {e.filename} 压缩比异常（{e.file_size // max(e.compress_size, 1)} 倍），疑为压缩炸弹，拒绝读取",
                            f"entry {e.filename} has an absurd compression ratio; a zip bomb? refused")
    names = {e.filename for e in entries}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise FormatError("是 ZIP 压缩包，但不是 Word 文档（.docx）", "a ZIP archive but not a Word document (.docx)")
    try:
        for e in entries:
            if e.filename.endswith((".xml", ".rels")):
                with archive.open(e) as fh:
                    head = fh.read(4096)
                if _DTD.search(head):
                    raise FormatError(f"{e.filename} 含有 DTD 或实体声明（可能引用外部实体），出于安全原因拒绝读取",
                                    f"{e.filename} holds a DTD or entity declaration (external entities?); refused for safety")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise FormatError("文件已损坏或不完整（ZIP 条目无法解压）",
                        "damaged or truncated (a ZIP entry cannot be unpacked)") from None


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
    styles = _styles(document)
    numbering = Numbering(_numbering_element(document), {sid: s for sid, s in styles.items() if "numId" in s})
    style_levels = _style_levels(styles)
    default_style = styles.get("", {}).get("default")
    lines: list[str] = []
    hints: dict[int, LineHint] = {}
    size = -1  # the text's length so far: each line and the line break before it
    for p, in_table in _paragraphs(_body(document), False):
        style_id, num_id, ilvl, outline = _properties(p) if len(p) else _NO_PROPERTIES
        style_id = style_id or default_style
        text = (numbering.render(num_id, ilvl, style_id) + _text(p)).replace("\n", "")
        lines.append(text)
        size += len(text) + 1
        if size > MAX_TEXT_CHARS:  # the rest would be read only to be refused
            raise FormatError(f"正文过长（超过 {MAX_TEXT_CHARS:,} 字符），不像是一份报告",
                              f"text too long (over {MAX_TEXT_CHARS:,} characters); not a report")
        level = _heading_level(outline, style_id, style_levels)
        if in_table or level:
            hints[len(lines)] = LineHint(heading=0 if in_table else level, table=in_table)
    return Source(path, "\n".join(lines), "utf-8", format="docx", hints=hints)


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
    out: list[str] = []
    for child in element:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag == _NO_BREAK_HYPHEN:
            out.append("-")
        elif tag in _SKIPPED or tag == _P or not isinstance(tag, str):
            continue
        elif len(child):
            out.append(_text(child))
    return "".join(out)


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
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None
