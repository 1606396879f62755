"""Findings as Word comments (批注): the draft sent back to the drafting unit.

``fzlint annotate`` writes one .docx per input in which every finding is a
comment, ``FZnnn 消息``, anchored to exactly the text the finding points at,
with an optional first comment on the title that sums the findings up.

Which paragraph, which characters. A finding's line is the Source's line; for
a .docx that is the Nth paragraph in formats/docx.py's order, and this module
walks the document with docx.walk() (the same walk, the same numbering
counters) and reads each paragraph's characters with docx.pieces() (the same
w:t / w:tab / w:noBreakHyphen docx.py reads: insertions in, deletions out),
so that offsets agree by construction. The line's text begins with Word's
automatic numbering rendered (一、, （二）), which is not in any run: columns
are shifted by its length, and a span wholly inside it is anchored to the
paragraph's first run. A finding without a span (end = start) at a known
place is anchored to that whole paragraph; one without a place (line 1
column 1, the placeholder of a document-wide finding) or beyond the document
to the title paragraph, whole.

Anchoring. python-docx (>= 1.2) has Document.add_comment(runs, text, author,
initials), which puts w:commentRangeStart before the first run,
w:commentRangeEnd and a w:commentReference run after the last, and writes
the comment into word/comments.xml (creating it, its relationship and its
content type); it is used for that. It anchors only on whole runs, so the
run splitting is done here: the run holding the first or last character is
cut in two (its w:t split at the character, the run's properties copied to
both halves), which changes nothing Word shows.

Everything else stays as it was. python-docx re-serialises every XML part it
saves, so the package is not simply saved: the output zip takes every entry
of the input byte for byte, in order, except word/document.xml and its
relationships (python-docx's, with the anchors and the comments
relationship), [Content_Types].xml (the input's, with an Override for the
comments part added) and the comments part itself. Styles,
numbering, headers, footers, settings and media are the input's bytes.

Other inputs (.txt, .md, .html) become a new .docx made from the Source's
lines: one paragraph a line, the parsed document's headings (doc.sections,
recursively) in Heading 1–4 by level, the title centred; findings are
anchored to it by the same code (no numbering, so no shift). .doc, .wps,
.odt and .rtf are converted to .docx by LibreOffice (formats/office.py), as
for checking, and the converted .docx is annotated.

The CLI (cli.py annotate) chooses the output names (output_names) and refuses
an output directory that would overwrite an input (overwrites); each file is
written atomically (fix.write: a temporary file in the folder, os.replace).
"""

from __future__ import annotations

import copy
import io
import os
import zipfile
from dataclasses import dataclass

from .. import read
from ..formats import FormatError, docx as docx_format
from ..formats.numbering import W
from ..model import Finding, Severity, Source
from ..pipeline import FileResult, Linter

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_R, _RPR, _T = W + "r", W + "rPr", W + "t"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SUMMARY = {
    "zh": "fzlint：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
    "en": "fzlint: {errors} errors, {warnings} warnings, {infos} infos",
}


@dataclass(frozen=True)
class Options:
    author: str = "fzlint"
    initials: str = "FZ"
    summary: bool = True
    lang: str = "zh"


@dataclass
class Annotated:
    """One input's outcome: its result (findings as check gives them, or its
    FZ901) and the .docx to write (None when it could not be read)."""

    result: FileResult
    data: bytes | None
    comments: int = 0


# -- names -----------------------------------------------------------------------------

def output_names(paths: list[str], outdir: str) -> dict[str, str]:
    """input path -> output path in outdir: the input's name, with .docx for
    any other format (a.txt -> a.docx, b.docx -> b.docx). Inputs that would
    share a name (two folders' report.docx, a.txt beside a.docx) are told
    apart deterministically: every one of them but the first in the given
    order takes its parent folders' names, then a number if need be
    (report.docx, report (sub).docx, report (2).docx)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem, suffix = os.path.splitext(os.path.basename(path))
        suffix = suffix if suffix.lower() == ".docx" else ".docx"
        name = stem + suffix
        if name.lower() in taken:
            parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
            candidate = f"{stem} ({parent}){suffix}" if parent else name
            count = 2
            while candidate.lower() in taken:
                candidate = f"{stem} ({count}){suffix}"
                count += 1
            name = candidate
        taken.add(name.lower())
        names[path] = os.path.join(outdir, name)
    return names


def overwrites(names: dict[str, str]) -> list[str]:
    """The output paths that are an input file (the same file, by its real path)."""
    inputs = {os.path.realpath(p) for p in names}
    return [out for out in names.values() if os.path.realpath(out) in inputs]


# -- one input -------------------------------------------------------------------------

def annotate(linter: Linter, path: str, options: Options) -> Annotated:
    """Lint path and make its annotated .docx; never raises for a bad input
    (an unreadable file is its FZ901 result and no .docx)."""
    try:
        return _annotate(linter, path, options)
    except read.ReadError as error:
        return Annotated(linter.read_error(error), None)
    except Exception as exc:  # noqa: BLE001 - one file's failure is its FZ901, the run goes on
        return Annotated(linter.internal_error(path, exc), None)


def _annotate(linter: Linter, path: str, options: Options) -> Annotated:
    data = read.load(path)
    package = None  # the .docx the comments go into, when the input is one (or converts to one)
    from .. import formats

    module = formats.choose(path, data).module
    if module == "office":
        from ..formats import office

        try:
            kind, package = office.to_docx(data)
        except FormatError as exc:
            raise read.ReadError(path, exc.zh, exc.en) from None
        source = read.from_bytes(path, package)
        source = Source(source.path, source.text, source.encoding, format=kind[1:], hints=source.hints)
    else:
        source = read.from_bytes(path, data)
        if source.format == "docx":
            package = data
    result = linter.lint_source(source, located=False)
    if result.error:
        return Annotated(result, None)
    findings = sorted(result.findings, key=Finding.sort_key)
    if package is not None:
        out, count = docx_with_comments(package, result, findings, options)
    else:
        out, count = text_with_comments(source, result, findings, options)
    # What check prints: the findings located as a .docx/.html user finds them.
    from ..pipeline import locate

    shown = findings if source.writable else locate(source, findings)
    return Annotated(FileResult(result.path, result.encoding, shown, document=result.document, source=source),
                     out, count)


def docx_with_comments(data: bytes, result: FileResult, findings: list[Finding], options: Options) -> tuple[bytes, int]:
    import docx

    document = docx.Document(io.BytesIO(data))
    count = _comment(document, result, findings, options)
    if not count:  # nothing to say: the input as it is
        return data, 0
    saved = io.BytesIO()
    document.save(saved)
    return _repack(data, saved.getvalue(), document), count


def text_with_comments(source: Source, result: FileResult, findings: list[Finding],
                   options: Options) -> tuple[bytes, int]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren(W + "p")):  # the template's own empty paragraphs, if any
        body.remove(p)
    doc = result.document
    levels = {section.line: min(max(section.level, 1), 4) for section in doc.headings()} if doc else {}
    title = {line.number for line in doc.title} if doc else set()
    # Style ids looked up once: python-docx's lookup by name walks every style each time.
    style_ids = {level: document.styles[f"Heading {level}"].style_id for level in set(levels.values())}
    for number, line in enumerate(source.lines, 1):
        level = levels.get(number)
        paragraph = document.add_paragraph(_xml_safe(line))
        if level:
            paragraph._p.style = style_ids[level]
        if number in title:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    count = _comment(document, result, findings, options)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), count


def _xml_safe(text: str) -> str:
    """text with the characters XML 1.0 cannot hold (control characters such
    as a form feed) as U+FFFD, one for one, so that columns still count."""
    return "".join(c if c in "\t" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff" else "\ufffd"
                   for c in text)


# -- comments --------------------------------------------------------------------------

def summary_text(findings: list[Finding], lang: str) -> str:
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    keys = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "infos"}
    for f in findings:
        counts[keys[f.severity]] += 1
    return _SUMMARY["en" if lang == "en" else "zh"].format(**counts)


def _comment(document, result: FileResult, findings: list[Finding], options: Options) -> int:
    """Add the summary and a comment for every finding; the number added."""
    paragraphs = [(p, len(prefix.replace("\n", ""))) for p, _, prefix, _ in docx_format.walk(document)]
    title = _title_line(result, paragraphs)
    count = 0
    if options.summary:
        _add(document, paragraphs, _title_span(result, paragraphs, title), summary_text(findings, options.lang),
             options)
        count += 1
    for f in findings:
        _add(document, paragraphs, _span(paragraphs, f, title), f"{f.code} {f.message}", options)
        count += 1
    return count


def _title_line(result: FileResult, paragraphs) -> int:
    """The title's first line; else the first paragraph with text; else 1."""
    doc = result.document
    if doc is not None and doc.title:
        return doc.title[0].number
    for number, (p, _) in enumerate(paragraphs, 1):
        if _length(p):
            return number
    return 1


def _title_span(result: FileResult, paragraphs, title: int) -> tuple[int, int, int, int]:
    """The whole title, over all its lines (a title is often two: the organ, then 关于…的报告)."""
    line, start, _, end = _whole(paragraphs, title, title)
    doc = result.document
    last = doc.title[-1].number if doc is not None and doc.title else line
    if line == title and last > line and last <= len(paragraphs) and _length(paragraphs[last - 1][0]):
        return line, start, last, _length(paragraphs[last - 1][0])
    return line, start, line, end


def _length(p) -> int:
    return sum(len(text.replace("\n", "")) for _, text in docx_format.pieces(p))


def _whole(paragraphs, line: int, title: int) -> tuple[int, int, int, int]:
    """(line, start, end line, end) of line's whole paragraph, offsets in its
    runs' text; the title's if line has no text of its own."""
    if 1 <= line <= len(paragraphs) and _length(paragraphs[line - 1][0]):
        return line, 0, line, _length(paragraphs[line - 1][0])
    if 1 <= title <= len(paragraphs):
        return title, 0, title, _length(paragraphs[title - 1][0])
    return 1, 0, 1, 0


def _span(paragraphs, f: Finding, title: int) -> tuple[int, int, int, int]:
    """Where f's comment goes: (line, start, end line, end), offsets in the
    runs' text (the numbering prefix taken off)."""
    count = len(paragraphs)
    if not 1 <= f.line <= count:
        return _whole(paragraphs, title, title)
    if (f.end_line, f.end_column) <= (f.line, f.column):  # no span
        return _whole(paragraphs, title if (f.line, f.column) == (1, 1) else f.line, title)
    line, end_line = f.line, min(max(f.end_line, f.line), count)
    start = f.column - 1 - paragraphs[line - 1][1]
    end = (f.end_column - 1 - paragraphs[end_line - 1][1]) if end_line == f.end_line else _length(
        paragraphs[end_line - 1][0])
    if line == end_line and end <= 0:  # wholly in the numbering Word renders: its paragraph's first run
        return _first_run(paragraphs, line, title)
    start = max(start, 0)
    while end_line > line and end <= 0:  # ends at the start of a line: at the end of the one before
        end_line -= 1
        end = _length(paragraphs[end_line - 1][0])
    while line < end_line and start >= _length(paragraphs[line - 1][0]):
        line, start = line + 1, 0
    end = min(end, _length(paragraphs[end_line - 1][0]))
    if line == end_line and end <= start:
        return _whole(paragraphs, line, title)
    return line, start, end_line, end


def _first_run(paragraphs, line: int, title: int) -> tuple[int, int, int, int]:
    """The span of the paragraph's first run with text (the title's whole if it has none)."""
    run, length = None, 0
    for node, text in docx_format.pieces(paragraphs[line - 1][0]):
        size = len(text.replace("\n", ""))
        if not size:
            continue
        if run is None:
            run = _run_of(node)
        elif _run_of(node) is not run:
            break
        length += size
    return (line, 0, line, length) if run is not None else _whole(paragraphs, title, title)


def _add(document, paragraphs, span, text: str, options: Options) -> None:
    from docx.text.run import Run

    line, start, end_line, end = span
    if not paragraphs:  # an empty body: a paragraph to hold the comment
        document.add_paragraph()
        paragraphs.append((document.element.body.findall(W + "p")[-1], 0))
    first_p, last_p = paragraphs[line - 1][0], paragraphs[end_line - 1][0]
    if start == end and line == end_line:  # a paragraph without text: an empty run to anchor to
        r = first_p.add_r() if hasattr(first_p, "add_r") else None
        if r is None:
            return
        first = last = r
    else:
        _cut(first_p, start)
        _cut(last_p, end)
        first = _run_at(first_p, start, first=True)
        last = _run_at(last_p, end, first=False)
    document.add_comment([Run(first, None), Run(last, None)], text=text, author=options.author,
                         initials=options.initials)


def _run_at(p, offset: int, first: bool):
    """The run that begins at offset (first) or ends at offset (last), after _cut."""
    position = 0
    found = None
    for node, text in docx_format.pieces(p):
        length = len(text.replace("\n", ""))
        if not length:
            continue
        if first and position >= offset:
            return _run_of(node)
        if not first and position + length <= offset:
            found = _run_of(node)
        position += length
    if found is None:  # only reached for an offset past the text: the first/last run there is
        nodes = [n for n, t in docx_format.pieces(p) if t]
        found = _run_of(nodes[-1] if first else nodes[0])
    return found


def _run_of(node):
    """The w:r holding node (w:t, w:tab …); node itself when it stands outside a run."""
    parent = node.getparent()
    return parent if parent is not None and parent.tag == _R else node


def _cut(p, offset: int) -> None:
    """Make offset (in p's runs' text) fall between two runs: split the w:t
    that holds it in two, then its run before the second (the run's
    properties copied to both halves)."""
    position = 0
    for node, text in docx_format.pieces(p):
        length = len(text.replace("\n", ""))
        if position < offset < position + length:  # inside a w:t (a tab or hyphen is one character)
            raw = _raw_index(text, offset - position)
            second = copy.deepcopy(node)
            node.text, second.text = text[:raw], text[raw:]
            node.set(_XML_SPACE, "preserve")
            second.set(_XML_SPACE, "preserve")
            node.addnext(second)
            _split_before(second)
            return
        if position == offset and length:
            _split_before(node)
            return
        position += length


def _raw_index(text: str, visible: int) -> int:
    """The index in text of its visible-th character, line breaks not counted (docx.py drops them)."""
    seen = 0
    for i, c in enumerate(text):
        if c == "\n":
            continue
        if seen == visible:
            return i
        seen += 1
    return len(text)


def _split_before(node) -> None:
    """Split node's run into one ending before node and one beginning with it."""
    r = node.getparent()
    if r is None or r.tag != _R:
        return
    children = list(r)
    index = children.index(node)
    if not any(c.tag != _RPR for c in children[:index]):
        return  # node already begins its run
    second = copy.deepcopy(r)
    for c in list(second):
        if c.tag != _RPR:
            second.remove(c)
    for c in children[index:]:
        second.append(c)  # moves it
    r.addnext(second)


# -- the package -----------------------------------------------------------------------

def _repack(original: bytes, saved: bytes, document) -> bytes:
    """The input package with the annotated document.xml, its relationships,
    the comments part and its content type; every other entry byte for byte."""
    part = document.part
    main = part.partname.lstrip("/")
    rels = posix_rels(main)
    comments = document.part._comments_part.partname.lstrip("/")
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(io.BytesIO(saved)) as new:
        names = set(src.namelist())
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename in (main, rels, comments):
                    data = new.read(info.filename)
                elif info.filename == "[Content_Types].xml":
                    data = _with_override(src.read(info), "/" + comments) if comments not in names else src.read(info)
                else:
                    data = src.read(info)
                dst.writestr(copy.copy(info), data)
            for name in (rels, comments):
                if name not in names:
                    dst.writestr(name, new.read(name))
    return out.getvalue()


def posix_rels(partname: str) -> str:
    """word/document.xml -> word/_rels/document.xml.rels"""
    folder, name = os.path.split(partname)
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _with_override(types: bytes, partname: str) -> bytes:
    """[Content_Types].xml with an Override for partname (none is added where
    the part has one), parsed as XML whatever its encoding (UTF-16 too) or
    prefix (<ct:Types>), and written back in its encoding."""
    from lxml import etree  # python-docx's

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(types, parser)
    info = etree.ElementTree(root).docinfo
    if not any(o.get("PartName", "").lower() == partname.lower() for o in root.iter(_CT + "Override")):
        etree.SubElement(root, _CT + "Override", PartName=partname, ContentType=COMMENTS_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding=info.encoding or "UTF-8",
                          standalone=info.standalone)
