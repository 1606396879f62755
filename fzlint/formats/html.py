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
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from ..model import LineHint, Source
from . import FormatError

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
_MAIN = frozenset(("article", "main"))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = ("gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "euc-cn")
# The encodings of the WHATWG Encoding Standard (the ones a browser has), by
# the names Python's codecs give them: a label naming another codec (utf-7,
# rot13, base64, unicode_escape …) is ignored as a browser ignores it.
_WEB_ENCODINGS = frozenset("""utf-8 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8
iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u mac-roman cp874 cp1250 cp1251 cp1252 cp1253
cp1254 cp1255 cp1256 cp1257 cp1258 mac-cyrillic gbk gb18030 big5 big5hkscs euc_jp iso2022_jp shift_jis cp932 euc_kr
cp949 iso8859-1 ascii""".split())
_SPACES = b" \t\r\n\f"
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.I)


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
    markup, codec = decode(data)
    extractor = _Extractor()
    extractor.feed(markup)
    extractor.close()
    lines, origins, hints = extractor.result()
    return Source(path, "\n".join(lines), codec, format="html", hints=hints, origins=tuple(origins))


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self.skipping = 0  # open elements that are left out
        self.pre = 0
        self.lines: list[str] = []
        self.origins: list[int] = []
        self.hints: dict[int, LineHint] = {}
        self.current: list[str] = []
        self.origin = 0
        self.heading = 0

    # -- elements

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self._break()
            return
        skip = self.skipping > 0 or tag in _SKIP or self._furniture(tag, dict(attrs))
        self._close_implied(tag)
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
            return
        if tag in _BLOCK:
            self._break()
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, skipped = self.stack.pop()
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
            self.handle_endtag(tag)

    def _furniture(self, tag: str, attrs: dict) -> bool:
        if "hidden" in attrs or re.search(r"display\s*:\s*none", attrs.get("style") or "", re.I):
            return True
        if (attrs.get("role") or "").lower() in _FURNITURE_ROLES:
            return True
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            return True  # 打印本页, 关闭窗口, 字号 大 中 小: page controls, not text
        if tag in ("header", "footer", "aside") and not any(t in _MAIN for t, _ in self.stack):
            return True
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        return any(name in _FURNITURE_NAMES for name in names)

    # -- text

    def handle_data(self, data):
        if self.skipping or not data:
            return
        if self.pre:
            parts = data.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self._break(force=True)
                self._add(part)
            return
        text = _SPACE.sub(" ", data)
        if text.strip() or self.current:
            self._add(text)

    def _add(self, text: str):
        if not self.current:
            self.origin = self.getpos()[0]
            if not self.pre:
                text = text.lstrip(" ")
            if not text:
                return
        self.current.append(text)

    def _break(self, force: bool = False):
        text = "".join(self.current).rstrip(" ")
        if text or (force and self.current):
            self.lines.append(text)
            self.origins.append(self.origin)
            if self.heading:
                self.hints[len(self.lines)] = LineHint(heading=self.heading)
        self.current = []
        self.heading = 0 if not self.stack or self.stack[-1][0] not in _HEADINGS else self.heading

    def result(self):
        self._break()
        return self.lines, self.origins, self.hints
