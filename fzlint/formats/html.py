"""A web page saved from the browser (.html/.htm): its main text, block by block.

Block elements (p, div, li, h1–h6, tr, td …) and <br> end a line; runs of
white space collapse as the browser collapses them (except in <pre>).
Scripts, styles, forms' controls, hidden elements, links that run script
(打印本页, 关闭窗口) and the page's navigation (<nav>, ARIA banner/navigation/
contentinfo roles, page-level <header> and <footer>, and elements whose class
or id names them: nav, menu, breadcrumb, footer …) are left out. What page furniture is left (打印本页, 浏览次数 …)
stays in the text for FZ308 to report. Each line remembers the line of the
.html file where its text starts, so a finding points into the file.

The charset is taken from a BOM, else from the <meta> tag if it names an
encoding a browser has, else UTF-8, else GB18030. Nothing referenced by the
page (images, scripts, frames) is fetched.

The markup is read by a tokenizer of its own, in one pass, following HTML
where a construct is not closed: an unclosed tag, comment or script runs to
the end of the file and is dropped. (The standard library's HTMLParser goes
back over the rest of the file for each unclosed construct: Python 3.11.7's
took 16 s on 40 KB of unclosed tags.) The extractor counts the open elements
by name, so no event walks its stack of them. A page beyond
limits.MAX_HTML_BYTES is refused, and a text past limits.MAX_TEXT_CHARS stops
the reading where it passes the limit.
"""

from __future__ import annotations

import codecs
import re
from html import unescape

from ..limits import MAX_HTML_BYTES, MAX_TEXT_CHARS
from ..model import LineHint, Source
from . import FormatError
from .. import recache

_BLOCK = frozenset("""address article aside blockquote caption center dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary
table tbody td tfoot th thead title tr ul""".split())
_SKIP = frozenset("script style noscript template head nav iframe svg math object select button textarea "
                  "option datalist audio video canvas map".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "search", "menubar", "menu"))
_FURNITURE_NAMES = frozenset("""nav navbar navigation menu mainmenu topmenu submenu breadcrumb breadcrumbs crumb
crumbs footer header site-header site-footer page-header page-footer topbar top-bar sidebar toolbar
skip-link skiplink""".split())
_MAIN = ("article", "main")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_SPACE = recache.compile(r"[ \t\r\n\f]+")
_META_CHARSET = recache.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = ("gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "euc-cn")
# The encodings of the WHATWG Encoding Standard (the ones a browser has), by
# the names Python's codecs give them: a label naming another codec (utf-7,
# rot13, base64, unicode_escape …) is ignored as a browser ignores it.
_WEB_ENCODINGS = frozenset("""utf-8 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8
iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u mac-roman cp874 cp1250 cp1251 cp1252 cp1253
cp1254 cp1255 cp1256 cp1257 cp1258 mac-cyrillic gbk gb18030 big5 big5hkscs euc_jp iso2022_jp shift_jis cp932 euc_kr
cp949 iso8859-1 ascii""".split())
_SPACES = b" \t\r\n\f"
_HTML_START = recache.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.I)


def sniff(data: bytes) -> bool:
    """Whether content that may be a web page (formats.TABLE) is one."""
    return looks_like_html(data)


def looks_like_html(data: bytes) -> bool:
    """Whether data starts (after a BOM, white space and comments) as a web page does."""
    head = data[3:2051] if data.startswith(codecs.BOM_UTF8) else data[:2048]
    at = len(head) - len(head.lstrip(_SPACES))
    while head.startswith(b"<!--", at):  # each comment skipped once: no regex backtracking over them
        end = head.find(b"-->", at + 4)
        if end < 0:
            return False
        at = end + 3
        at += len(head[at:]) - len(head[at:].lstrip(_SPACES))
    return bool(_HTML_START.match(head, at))


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec): BOM, then <meta charset>, then UTF-8, then GB18030."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode(data[len(bom):], codec), codec
    m = _META_CHARSET.search(data[:4096])
    codec = _web_encoding(m.group(1).decode("ascii")) if m else None
    if codec:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise FormatError("无法解码网页：既不是声明的编码，也不是 UTF-8 或 GB18030",
                    "cannot decode the page: neither its declared charset nor UTF-8 nor GB18030")


def _web_encoding(label: str) -> str | None:
    """The codec a <meta charset> label names, if it is one a browser has."""
    label = label.lower()
    if label in _GB:
        return "gb18030"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return codec if codec in _WEB_ENCODINGS else None


def _decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise FormatError(f"无法按 {codec.upper()} 解码网页（文件开头有该编码的 BOM）",
                        f"cannot decode the page as {codec.upper()} (it starts with its BOM)") from None


def read(path: str, data: bytes) -> Source:
    if len(data) > MAX_HTML_BYTES:
        raise FormatError(f"网页过大（{len(data):,} 字节，上限 {MAX_HTML_BYTES:,}），不像是一份报告",
                          f"page too large ({len(data):,} bytes, limit {MAX_HTML_BYTES:,}); not a report")
    markup, codec = decode(data)
    extractor = _Extractor()
    _tokenize(markup, extractor)
    lines, origins, hints = extractor.result()
    return Source(path, "\n".join(lines), codec, format="html", hints=hints, origins=tuple(origins))


# -- the tokenizer ---------------------------------------------------------------

_WS = "\t\n\f\r "
# Where something other than text may begin: a tag, an end tag, a comment, a
# declaration, a processing instruction. A "<" before anything else is text.
_MARKUP = recache.compile(r"<[a-zA-Z/!?]")
_NAME = recache.compile(rf"</?([a-zA-Z][^{_WS}/>]*)")
# A tag's attributes one at a time (with the separators before it), as HTML
# reads them: a quote opens a value only after "=". One match a step keeps the
# regex engine's memory flat, which one pattern repeating over a tag of a
# million attributes does not.
_ATTRIBUTE = recache.compile(rf"""[{_WS}/]*(?:([^{_WS}/>][^{_WS}/>=]*)
                             (?:[{_WS}]*=[{_WS}]*(?:"([^"]*)"|'([^']*)'|([^{_WS}>]*)))?)?""", re.X)
_WANTED = frozenset(("hidden", "style", "role", "href", "class", "id"))  # what _furniture reads
_COMMENT_END = recache.compile(r"--!?>")
# Elements whose content is text up to their end tag, not markup (script and
# style; title and textarea, whose character references count).
_RAW = {name: recache.compile(rf"</{name}(?=[{_WS}/>])", re.I) for name in
        ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea")}
_ESCAPABLE_RAW = frozenset(("title", "textarea"))


def _tokenize(markup: str, out: "_Extractor") -> None:
    """Feed markup to out as start tags, end tags and text, in one pass. What
    is not closed runs to the end of the file and is dropped, as in HTML: a
    tag, a comment, a bogus comment (<!DOCTYPE, <?xml, </3 …)."""
    at, end = 0, len(markup)
    while at < end:
        m = _MARKUP.search(markup, at)
        if m is None:
            out.text(markup, at, end)
            return
        start = m.start()
        if start > at:
            out.text(markup, at, start)
        tag = _NAME.match(markup, start)
        if tag is not None:
            at = close = tag.end()
            while close < end and markup[close] != ">":  # each step takes at least one character
                close = _ATTRIBUTE.match(markup, close).end()
            if close == end:
                return
            name = tag.group(1).lower()
            if markup[start + 1] == "/":
                out.end_tag(name)
                at = close + 1
                continue
            out.start_tag(name, markup, at, close)
            at = close + 1
            if markup[close - 1] == "/":  # <div/>: opened and closed, as HTMLParser reads it
                if name not in _VOID:
                    out.end_tag(name)
            elif name in _RAW:
                found = _RAW[name].search(markup, at)
                stop = found.start() if found else end
                out.text(markup, at, stop, raw=name not in _ESCAPABLE_RAW)
                at = stop
        elif markup.startswith("<!--", start):
            if markup.startswith((">", "->"), start + 4):
                at = markup.index(">", start + 4) + 1  # <!--> and <!---> are empty comments
                continue
            close = _COMMENT_END.search(markup, start + 4)
            if close is None:
                return
            at = close.end()
        elif markup.startswith("</>", start):
            at = start + 3  # nothing
        else:
            close = markup.find(">", start + 2)
            if close < 0:
                return
            at = close + 1


def _attributes(markup: str, start: int, end: int) -> dict[str, str | None]:
    """The attributes of markup[start:end] that _furniture reads, by lower-cased
    name, values unescaped (the first of a name counts, as in HTML)."""
    found: dict[str, str | None] = {}
    at = start
    while at < end:  # no ">" before end: each step takes at least one character
        m = _ATTRIBUTE.match(markup, at, end)
        at = m.end()
        name = (m.group(1) or "").lower()
        if name in _WANTED and name not in found:
            value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
            found[name] = unescape(value) if value else value
    return found


# -- the extractor -----------------------------------------------------------------

class _Extractor:
    def __init__(self):
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self.open: dict[str, int] = {}  # open elements by tag, so that an end tag is matched in O(1)
        self.skipping = 0  # open elements that are left out
        self.pre = 0
        self.lines: list[str] = []
        self.origins: list[int] = []
        self.hints: dict[int, LineHint] = {}
        self.current: list[str] = []
        self.origin = 0
        self.heading = 0
        self.line = 1  # the line of the file at self.counted
        self.counted = 0
        self.size = -1  # the text's length so far: each line and the line break before it

    # -- elements

    def start_tag(self, tag: str, markup: str, start: int, end: int):
        """A start tag whose attributes are markup[start:end]."""
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self._break()
            return
        skip = self.skipping > 0 or tag in _SKIP or self._furniture(tag, markup, start, end)
        self._close_implied(tag)
        self.stack.append((tag, skip))
        self.open[tag] = self.open.get(tag, 0) + 1
        if skip:
            self.skipping += 1
            return
        if tag in _BLOCK:
            self._break()
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
        if tag == "pre":
            self.pre += 1

    def end_tag(self, tag: str):
        if not self.open.get(tag):
            return  # a stray end tag
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self.open[open_tag] -= 1
            if skipped:
                self.skipping -= 1
            elif open_tag in _BLOCK:
                self._break()
                if open_tag == "pre":
                    self.pre -= 1
            if open_tag == tag:
                break

    def _close_implied(self, tag):
        """<p> and <li> end where the next one starts, as in a browser."""
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th") and self.stack and self.stack[-1][0] == tag:
            self.end_tag(tag)

    def _furniture(self, tag: str, markup: str, start: int, end: int) -> bool:
        if tag in ("header", "footer", "aside") and not any(self.open.get(main) for main in _MAIN):
            return True
        if start == end:
            return False
        attrs = _attributes(markup, start, end)
        if "hidden" in attrs or re.search(r"display\s*:\s*none", attrs.get("style") or "", re.I):
            return True
        if (attrs.get("role") or "").lower() in _FURNITURE_ROLES:
            return True
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            return True  # 打印本页, 关闭窗口, 字号 大 中 小: page controls, not text
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        return any(name in _FURNITURE_NAMES for name in names)

    # -- text

    def text(self, markup: str, start: int, end: int, raw: bool = False):
        """The text markup[start:end], character references decoded unless raw."""
        if self.skipping or start == end:
            return
        data = markup[start:end] if raw else unescape(markup[start:end])
        if self.pre:
            for i, part in enumerate(data.split("\n")):
                if i:
                    self._break(force=True)
                    newline = markup.find("\n", start, end)  # where this line of the <pre> starts in the file
                    start = newline + 1 if newline >= 0 else start
                self._add(part, markup, start)
            return
        text = _SPACE.sub(" ", data)
        if text.strip() or self.current:
            self._add(text, markup, start)

    def _add(self, text: str, markup: str, start: int):
        if not self.current:
            self.origin = self._line(markup, start)
            if not self.pre:
                text = text.lstrip(" ")
            if not text:
                return
        self.current.append(text)

    def _line(self, markup: str, at: int) -> int:
        """The line of the file at position at (positions asked for only grow)."""
        self.line += markup.count("\n", self.counted, at)
        self.counted = at
        return self.line

    def _break(self, force: bool = False):
        if self.current:
            text = "".join(self.current).rstrip(" ")
            if text or force:
                self.size += len(text) + 1
                if self.size > MAX_TEXT_CHARS:  # the rest would be read only to be refused
                    raise FormatError(f"正文过长（超过 {MAX_TEXT_CHARS:,} 字符），不像是一份报告",
                                      f"text too long (over {MAX_TEXT_CHARS:,} characters); not a report")
                self.lines.append(text)
                self.origins.append(self.origin)
                if self.heading:
                    self.hints[len(self.lines)] = LineHint(heading=self.heading)
            self.current = []
        self.heading = 0 if not self.stack or self.stack[-1][0] not in _HEADINGS else self.heading

    def result(self):
        self._break()
        return self.lines, self.origins, self.hints
