"""Building .docx drafts in tests with python-docx: typed markers, or markers
made by Word's automatic numbering (a numbering part written here, as Word
writes one)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# A typed heading marker at the start of a line, by its level (0-based, as w:ilvl).
MARKERS = (
    (0, re.compile(r"^[一二三四五六七八九十]{1,3}[、，,．.]")),
    (1, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)][、，,．.]?")),
    (2, re.compile(r"^[0-9]{1,3}(?:[.．](?![0-9])|、)")),
    (3, re.compile(r"^[（(][0-9]{1,3}[）)][、，,．.]?")),
)

# 一、 → （一） → 1. → （1）, the way a Chinese Word template defines them.
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))


def abstract_num(abstract_id: int, levels=LEVELS) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')


def num(num_id: int, abstract_id: int, restart_level: int | None = None) -> str:
    override = (f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="1"/></w:lvlOverride>'
                if restart_level is not None else "")
    return f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def numbering_part(document, abstracts: list[str], nums: list[str]) -> None:
    """Put abstract definitions and instances into the document's numbering part
    (abstractNum elements before num elements, as the schema orders them)."""
    root = document.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    for xml in abstracts:
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            root.append(element)
    for xml in nums:
        root.append(parse_xml(xml))


def set_numbering(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def typed(text: str, path: Path) -> dict[int, int]:
    """A .docx of text's non-blank lines, one paragraph each, markers typed.
    Returns text line -> paragraph number."""
    document = docx.Document()
    mapping = {}
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            document.add_paragraph(line)
            mapping[number] = len(document.paragraphs)
    document.save(path)
    return mapping


def numbered(text: str, path: Path, restart_at: int | None = None, levels=LEVELS) -> dict[int, int]:
    """A .docx of text's non-blank lines whose heading markers are left out of
    the text and made by automatic numbering instead. With restart_at, the
    level-1 heading on that text line starts a second list, numbered from 一
    again (the mistake of copying a part from another document).
    Returns text line -> paragraph number."""
    document = docx.Document()
    numbering_part(document, [abstract_num(10, levels)], [num(10, 10), num(11, 10, restart_level=0)])
    mapping = {}
    num_id = 10
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        stripped = line.lstrip(" \t\u3000")
        for level, pattern in MARKERS:
            m = pattern.match(stripped)
            if m:
                if restart_at == number:
                    num_id = 11
                paragraph = document.add_paragraph(stripped[m.end():])
                set_numbering(paragraph, num_id, level)
                break
        else:
            paragraph = document.add_paragraph(line)
        mapping[number] = len(document.paragraphs)
    document.save(path)
    return mapping


def with_part(path: Path, target: Path, name: str, replace) -> None:
    """Copy the .docx at path to target with part `name` rewritten by replace(bytes) -> bytes."""
    import zipfile

    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(copy.copy(info), replace(data) if info.filename == name else data)


