"""PDF (.pdf): the text layer, rebuilt into the paragraphs a reader sees.

The text is read with pypdfium2 (PDFium, the PDF engine of Chrome): its
characters, where each stands on the page and in what font size, and which
spaces PDFium put in itself between a CJK character and a figure (2025 年,
18 次), which are left out. From the page's visual lines it rebuilds what a
reader of the printed report sees:

  * page furniture is removed: a page number (— 3 —, - 3 -, 第3页, 第 3 页
    共 20 页, 3/20, a bare number) on the first or last two lines of a page,
    and a running header or footer, the same words (figures aside, at most
    40 characters) at the top or bottom of more than half of the pages;
  * lines wrapped at the page width are joined back into their paragraph,
    across page breaks too. L is the most common left edge of a line in the
    document, R where full lines end (margin()) and em the line's font size:
    a new paragraph starts when a line is indented (x0 > L + 0.5 em: a
    first-line indent, a centred title, a right-aligned date), when the line
    before it ends short (x1 < R - room, below), when the font size changes,
    or when it begins with a heading's numeral (一、 （一） 1. （1） 第一章);
    otherwise it continues the line before. So a title block, centred and set larger, keeps its lines:
    an organ's name and 关于…的报告 stay two, as they are in the report.
    The room a line may leave at its end and still be full is the width of
    what the next line begins with and a line break cannot part (a figure, a
    Latin word, 《 and the character after it) plus half an em: text set left-
    aligned (a .txt printed by LibreOffice) wraps those whole and leaves up
    to two ems at the end of a full line; justified text leaves none.

Each rebuilt paragraph is one line of the Source, as each paragraph of a
.docx is, and Source.pages gives, for text line n, the page and the line on
that page (counted from the top, every line of text on it, a running header
included) where it starts: pipeline.locate() puts them in each finding's
context (p3:12 “opening words…”), so a finding is found on the printed page.

A PDF with no character on any page is a scan (images of pages): it is
refused, since fzlint does no OCR. A PDF that needs a password to open is
refused (one that only restricts printing or copying reads as any other);
a damaged one is refused in one line. A PDF of more than limits.MAX_PAGES
pages, or whose text passes limits.MAX_TEXT_CHARS, is refused as soon as
that is known.
"""

from __future__ import annotations

import ctypes
import itertools
from collections import Counter
from typing import NamedTuple

from ..limits import MAX_PAGES, MAX_TEXT_CHARS
from ..model import Source
from . import FormatError
from .. import recache

PAGE_NUMBER = recache.compile(
    r"[-－—–‒―~～ \t]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[-－—–‒―~～ \t]*")
HEADING = recache.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
                     r"|[0-9]{1,3}\s*(?:[、．]|\.(?![0-9]))|[（(]\s*[0-9]{1,3}\s*[）)]"
                     r"|第[一二三四五六七八九十]{1,3}[章节部分])")
EDGE = 2  # a page's first and last EDGE lines may be its furniture
FURNITURE_CHARS = 40  # a running header or footer is a name, a title, a date: no paragraph of text
FIGURES = recache.compile(r"\d+")


class VisualLine(NamedTuple):
    page: int  # 1-based
    number: int  # the line on its page, 1-based, from the top
    text: str
    x0: float
    x1: float
    top: float
    size: float  # font size of its first character, in points
    lead: float  # the width of what it begins with that cannot be split (a figure, 《 and what follows …)
    width: float  # the page's


def read(path: str, data: bytes) -> Source:
    lines = visual_lines(data)
    text_lines, pages = rebuild(lines)
    return Source(path, "\n".join(text_lines), "utf-8", format="pdf", pages=tuple(pages))


def visual_lines(data: bytes) -> list[VisualLine]:
    """Every line of text on every page, top to bottom; raises FormatError."""
    import pypdfium2 as pdfium  # imported here: only .pdf files pay for it
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise FormatError("PDF 已加密（设有打开密码），无法读取：请取消密码后再检查",
                              "the PDF is encrypted (it has a password to open); remove the password") from None
        raise FormatError("PDF 文件已损坏或不完整，无法读取", "damaged or incomplete PDF file; cannot read it") from None
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise FormatError(f"PDF 页数过多（{count:,} 页，上限 {MAX_PAGES:,}），不像是一份报告",
                              f"too many pages ({count:,}, limit {MAX_PAGES:,}); not a report")
        lines: list[VisualLine] = []
        chars = 0
        for index in range(count):
            try:
                page_lines, found = _page_lines(pdf, index, pdfium_c)
            except pdfium.PdfiumError:
                raise FormatError(f"PDF 文件已损坏：第 {index + 1} 页无法读取",
                                  f"damaged PDF file: page {index + 1} cannot be read") from None
            chars += found
            if chars > MAX_TEXT_CHARS:  # the rest would be read only to be refused
                raise FormatError(f"正文过长（超过 {MAX_TEXT_CHARS:,} 字符），不像是一份报告",
                                  f"text too long (over {MAX_TEXT_CHARS:,} characters); not a report")
            lines.extend(page_lines)
    finally:
        pdf.close()
    if not chars:
        raise FormatError("扫描版 PDF，没有文字层，无法检查（不支持文字识别 OCR）",
                          "scanned PDF without text; OCR is not supported")
    return lines


def _page_lines(pdf, index: int, pdfium_c) -> tuple[list[VisualLine], int]:
    """The lines of one page, top to bottom, and how many characters it holds."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
    except BaseException:
        page.close()
        raise
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count else ""
        if len(text) != count:  # characters beyond UCS-2 (or ones PDFium leaves out of its text): one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        width = page.get_width()
        found: list[VisualLine] = []
        chars: list[tuple[float, float, float, str, int]] = []  # a line's (left, right, top, character, index)
        # The raw call with one box for all (pypdfium2's get_charbox makes one
        # a character, and raises for a character without a box).
        raw, box, rect = textpage.raw, pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FS_RECTF()
        where = ctypes.byref(rect)
        generated = pdfium_c.FPDFText_IsGenerated
        for i, ch in enumerate(itertools.chain(text, "\n")):
            if ch in "\r\n":
                line = _line(chars, textpage, pdfium_c, index + 1, width)
                if line is not None:
                    found.append(line)
                chars = []
                continue
            if (ch < " " or ch >= "\ufffe") or (ch.isspace() and (not chars or generated(raw, i))):
                continue  # controls, PDFium's soft-hyphen marker (\x02); spaces PDFium made
            if box(raw, i, where):
                chars.append((rect.left, rect.right, rect.top, ch, i))
            else:  # no box: where the character before it ends, or at the page's edge
                left, top = (chars[-1][1], chars[-1][2]) if chars else (0.0, 0.0)
                chars.append((left, left, top, ch, i))
        # Top to bottom (PDFium gives them in the order they were drawn, a footer sometimes first).
        found.sort(key=lambda line: (-round(line.top), line.x0))
        return [line._replace(number=n) for n, line in enumerate(found, 1)], sum(len(ln.text) for ln in found)
    finally:
        textpage.close()
        page.close()


def _line(chars, textpage, pdfium_c, page: int, width: float) -> VisualLine | None:
    """One visual line of its characters. They are put in the order they
    stand in, left to right: PDFium gives them in the order they were drawn,
    and a Word or LibreOffice PDF draws the quotation marks of a CJK line (set
    in a Western font) after the CJK characters around them."""
    chars.sort(key=lambda c: c[0] + c[1])
    while chars and chars[-1][3].isspace():
        chars.pop()
    if not chars:
        return None
    words = "".join(c[3] for c in chars).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    left, right, top = chars[0][0], chars[-1][1], chars[0][2]
    lead = chars[min(_unit([c[3] for c in chars]), len(chars)) - 1][1] - left
    size = pdfium_c.FPDFText_GetFontSize(textpage, chars[0][4])
    return VisualLine(page, 0, words, left, right, top, size, lead, width)


OPENING = "《“‘（(〔【［[「『<〈"
CLOSING = "，,。.、；;：:！!？?）)》”’〕】］]」』>〉%％…—"
LATIN = recache.compile(r"[0-9A-Za-z.%％]+")


def _unit(chars: list[str]) -> int:
    """How many of a line's first characters a line break cannot part, as a
    typesetter keeps them: a figure or Latin word whole, an opening bracket or
    quotation mark with the character after it, and the closing punctuation
    after either (a line may not begin with it)."""
    text = "".join(chars[:64])
    latin = LATIN.match(text)
    n = latin.end() if latin else (2 if text[:1] in OPENING else 1)
    while n < len(text) and text[n] in CLOSING:
        n += 1
    return max(1, n)


def furniture(lines: list[VisualLine]) -> set[tuple[int, int]]:
    """(page, line) of every page number and running header or footer."""
    by_page: dict[int, list[VisualLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    drop: set[tuple[int, int]] = set()
    seen: Counter = Counter()
    edges: dict[int, list[VisualLine]] = {}
    for page, on_page in by_page.items():
        edge = on_page[:EDGE] + [ln for ln in on_page[-EDGE:] if ln.number > EDGE]
        edges[page] = edge
        for line in edge:
            if PAGE_NUMBER.fullmatch(line.text):
                drop.add((page, line.number))
        seen.update({_shape(line) for line in edge if len(line.text) <= FURNITURE_CHARS})
    pages = len(by_page)
    if pages >= 2:
        repeated = {shape for shape, n in seen.items() if n * 2 > pages and n >= 2}
        for page, edge in edges.items():
            drop.update((page, line.number) for line in edge
                        if len(line.text) <= FURNITURE_CHARS and _shape(line) in repeated)
    return drop


def _shape(line: VisualLine) -> tuple[str, bool]:
    """What a running header or footer keeps from page to page: its words,
    figures aside (a page number, a date), and whether it stands at the top."""
    return FIGURES.sub("#", "".join(line.text.split())), line.number <= EDGE


def _mode(values) -> float:
    return Counter(round(v) for v in values).most_common(1)[0][0]


SLACK = 0.5  # of an em: how much room a line may leave at its end and still be full


FEW = 8  # lines of body text: fewer say nothing of where full lines end


def margin(body: list[VisualLine], left: float, em: float) -> float:
    """Where full lines end: the edge most lines of body text reach. Justified
    text (Word's 两端对齐) ends them all at the margin; left-aligned text (a
    .txt through LibreOffice) ends them within a few characters of it,
    punctuation hanging a little past it, so the edge is taken as the 90th
    percentile of their ends. In a text of a few lines, which may all be short,
    the margins are taken to be equal: the page's width less the left edge."""
    ends = sorted(ln.x1 for ln in body if abs(ln.size - em) <= 0.5)
    if len(ends) < FEW:
        return max(ln.width for ln in body) - left
    return ends[len(ends) * 9 // 10 - 1]


def rebuild(lines: list[VisualLine]) -> tuple[list[str], list[tuple[int, int]]]:
    """The paragraphs of the visual lines, furniture left out, and where each starts."""
    drop = furniture(lines)
    body = [ln for ln in lines if (ln.page, ln.number) not in drop]
    if not body:
        return [""], [(1, 1)]
    left, em_body = _mode(ln.x0 for ln in body), _mode(ln.size for ln in body)
    right = margin(body, left, em_body)
    paragraphs: list[list[str]] = []
    starts: list[tuple[int, int]] = []
    previous: VisualLine | None = None
    for line in body:
        em = max(line.size, 1.0)
        new = (previous is None
               or line.x0 > left + 0.5 * em
               or right - previous.x1 > line.lead + SLACK * em
               or abs(line.size - previous.size) > 0.5
               or HEADING.match(line.text) is not None)
        if new:
            paragraphs.append([line.text])
            starts.append((line.page, line.number))
        else:
            paragraphs[-1].append(line.text)
        previous = line
    return [_join(parts) for parts in paragraphs], starts


def _join(parts: list[str]) -> str:
    """A paragraph's lines as one: CJK run on, Latin words kept apart."""
    out = parts[0]
    for part in parts[1:]:
        if out and part and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out
