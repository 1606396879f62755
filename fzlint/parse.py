"""Stage 2, parse: a Source to a Document.

grammar/report.lark types every line (heading with its marker, 成文日期, page
number, contact line, 特此报告, text) of the text (a Markdown file's code
blocks and comments blanked out first, formats/markdown.py); this module then
  * applies the format's line hints: a .docx table cell stays text, a heading
    style or <h2> makes a heading of its level (like Markdown's ##),
  * keeps web residue lines (rules/residue.yaml) out of the structure, and
    a run of list items above the first heading that is mostly residue (a
    page's metadata block) as a whole, and so a pipe table of metadata rows
    with its |---| rule (_table_blocks), a share bar from its label on
    (分享 微信 / 头条, _share_bars) and a run of metadata labels alone on
    their lines, each with its value under it (_field_blocks),
  * splits each heading into its phrase and any run-in body,
  * finds the front matter (title block, 主送机关 naming organs; a news
    column's name on the first line (省部要闻) set aside; a page headline,
    a page's summary, a mirror's source and date line and the publication date
    or a metadata field after the title set aside; a title run into the body
    on the text's first line; a cover letter, 报送函, before the report's own
    title: _cover_letter) and the back
    matter (特此报告, 落款, 成文日期, contact line) by their places,
  * reads a body line “、坚持党的领导……” as the level-1 heading whose numeral
    a web page lost, where its place says it is one (_lost_numerals),
  * nests the headings into the tree 一、 > （一） > 1. > （1）, and
  * in a text with no heading at all, finds a level-1 heading run into a
    paragraph (……报告如下：一、坚持党的领导……, _run_in_heading).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache


from . import lalr, prose
from .formats import markdown
from .limits import MAX_HEADINGS
from .model import DateLine, Document, Line, LineHint, LineKind, Marker, Paragraph, Section, Source
from . import recache

try:  # the re module's constants, to tell which residue patterns hold at a line's start
    from re import _constants as _sre_constants  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.9, 3.10
    import sre_constants as _sre_constants

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# family -> (level, canonical form)
_FAMILIES = {
    "cn": (1, "{n}、"),
    "paren-cn": (2, "（{n}）"),
    "arabic": (3, "{n}."),
    "paren-arabic": (4, "（{n}）"),
}
# Blanks: every character str.strip() strips but the line break \n (tabs, the
# \x0b and \x0c pdftotext leaves, U+0085, U+2000-U+200A, U+2028, U+3000 ...);
# the grammar's WS, _NL and TEXT use the same set (tests/test_parse.py holds
# them to it). A line of nothing else, or of Markdown hashes alone, is blank.
BLANKS = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_SENTENCE_END = recache.compile(r"[。！？!?]")
_TITLE_FORBIDDEN = recache.compile(r"[。，,；;！!？?：:]")
# A recipient may list its organs with commas (中共某县委员会，某县人民政府：).
_RECIPIENT_FORBIDDEN = recache.compile(r"[。；;！!？?：:]")
_SIGNATURE_FORBIDDEN = recache.compile(r"[。，,；;！!？?：:、]")


_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_GROUPS = {"亿": 100_000_000, "万": 10_000}  # the larger first


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 一万零一 → 10001, 十万 → 100000,
    一亿 → 100000000; digit strings (二〇二三) read digit by digit. None when it is
    no numeral (甲). The inverse of cn_numeral()."""
    if not text:
        return None
    if text.isdigit():
        return int(text.translate(_FULLWIDTH_DIGITS))
    if not any(ch in _CN_UNITS or ch in _CN_GROUPS for ch in text):
        digits = [CN_DIGITS.get(ch) for ch in text]
        if None in digits:
            return None
        value = 0
        for d in digits:
            value = value * 10 + d
        return value
    return _cn_value(text)


def _cn_value(text: str) -> int | None:
    """A numeral with units: the part before its last 亿 (or, without one, its
    last 万) counts that group, the part after it what is left (a leading 零
    reads as nothing); within a group, 千百十 scale the digit before them."""
    for name, group in _CN_GROUPS.items():
        k = text.rfind(name)
        if k >= 0:
            high = _cn_value(text[:k]) if k else 1
            low = _cn_value(text[k + 1:]) if k + 1 < len(text) else 0
            return None if high is None or low is None else high * group + low
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_CN_NUMERALS = "〇一二三四五六七八九"
_CN_SECTION_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def _cn_section(n: int, leading: bool) -> str:
    """0 < n < 10000 as read: 一千零一, 一百一十, 十五 (一十五 when not leading)."""
    out, zero = [], False
    for unit, name in _CN_SECTION_UNITS:
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                out.append("零")
            if not (unit == 10 and digit == 1 and leading and not out):  # 十五, not 一十五, at the start
                out.append(_CN_NUMERALS[digit])
            out.append(name)
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out.append("零")
        out.append(_CN_NUMERALS[n])
    return "".join(out)


def _cn_numeral(n: int, leading: bool) -> str:
    for group, name in ((100_000_000, "亿"), (10_000, "万")):
        if n >= group:
            high, low = divmod(n, group)
            text = _cn_numeral(high, leading) + name
            if low:
                # a gap of a whole digit place or more below the group is read 零: 一万零一, 一亿零一千
                text += ("零" if low < group // 10 else "") + _cn_numeral(low, False)
            return text
    return _cn_section(n, leading)


def cn_numeral(n: int) -> str:
    """Any non-negative integer in Chinese numerals, as it is read: 1 → 一,
    10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 1001 → 一千零一,
    10001 → 一万零一, 100000 → 十万, 10**8 → 一亿, 10**12 → 一万亿; 0 → 〇."""
    if n < 0:
        raise ValueError(f"no Chinese numeral for a negative number: {n}")
    return _cn_numeral(n, True) if n else _CN_NUMERALS[0]


def marker_for(family: str, number: int) -> str:
    """The canonical marker of a family with a given number: ("paren-cn", 2) → （二）."""
    numeral = cn_numeral(number) if family in ("cn", "paren-cn") else str(number)
    return _FAMILIES[family][1].format(n=numeral)


class _LineBuilder:
    """Turns the grammar's rules into Line objects as the LALR parser reduces
    (Lark calls the method named after each rule; every rule has one)."""

    def start(self, children):
        return children

    def text(self, children):
        tok = children[0]
        return Line(tok.line, LineKind.TEXT, tok.value.rstrip(), tok.column)

    def _whole_line(kind):  # noqa: N805 - a factory used in the class body
        def build(self, children):
            tok = children[0]
            return Line(tok.line, kind, tok.value.rstrip(), tok.column)

        return build

    date_line = _whole_line(LineKind.DATE)
    page_number = _whole_line(LineKind.PAGE_NUMBER)
    contact = _whole_line(LineKind.CONTACT)
    closing = _whole_line(LineKind.CLOSING)
    del _whole_line

    def _marker(family):  # noqa: N805
        level, template = _FAMILIES[family]

        def build(self, children):
            tok = children[0]
            raw = tok.value
            numeral = re.sub(r"[^一二三四五六七八九十0-9０-９]", "", raw)
            canonical = template.format(n=numeral)
            if family == "arabic" and "．" in raw:  # the full-width 下脚点 of Chinese typesetting
                canonical = canonical.replace(".", "．")
            marker = Marker(family, level, cn_number(numeral) or 0, raw, canonical,
                            tok.column, tok.column + len(raw))
            return marker, tok.line

        return build

    cn = _marker("cn")
    paren_cn = _marker("paren-cn")
    arabic = _marker("arabic")
    paren_arabic = _marker("paren-arabic")
    del _marker

    def heading(self, children):
        atx = len(children.pop(0).value) if getattr(children[0], "type", None) == "ATX" else 0
        (marker, number), tok = children[0], (children[1] if len(children) > 1 else None)
        if marker.faulty:
            # what follows the marker: the blanks the grammar skipped, then the text
            rest = " " * (tok.column - marker.end_column) + tok.value if tok is not None else ""
            marker.rewritable = _keeps_marker(marker, rest)
        if tok is None:
            return _heading_line(number, marker, atx, "", marker.end_column)
        return _heading_line(number, marker, atx, tok.value, tok.column)

    def atx_heading(self, children):
        hashes, tok = children
        return _heading_line(tok.line, None, len(hashes.value), tok.value, tok.column)


_MARKER_TERMINALS = {"cn": "MARK_CN", "paren-cn": "MARK_PAREN_CN", "arabic": "MARK_ARABIC",
                     "paren-arabic": "MARK_PAREN_ARABIC"}


@lru_cache(maxsize=1)
def _marker_patterns() -> dict[str, re.Pattern]:
    terminals = {t.name: t for t in _parser().terminals}
    return {family: recache.compile(terminals[name].pattern.to_regexp()) for family, name in _MARKER_TERMINALS.items()}


def _keeps_marker(marker: Marker, rest: str) -> bool:
    """Whether the marker's canonical form followed by rest is read as that
    marker by the grammar: 1. before 2023年 is not (a decimal, 1.2023)."""
    m = _marker_patterns()[marker.family].match(marker.canonical + rest)
    return m is not None and m.end() == len(marker.canonical)


def _heading_line(number: int, marker: Marker | None, atx: int, content: str, column: int) -> Line:
    """A heading's line: its phrase (up to the first 。！？) and any run-in body.

    content is what follows the marker, from column on. The line's text is
    filled in from the source by parse_lines(), which has the whole line.
    """
    line = Line(number, LineKind.HEADING, "", marker.column if marker else column, marker=marker, atx=atx)
    content = content.rstrip()
    line.title_column = column
    m = _SENTENCE_END.search(content)
    if m:
        line.title = content[: m.start()]
        body = content[m.end():]
        line.body = body.lstrip()
        line.body_column = column + m.end() + len(body) - len(line.body)
    else:
        line.title = content
    return line


@lru_cache(maxsize=1)
def _parser():
    return lalr.parser(_LineBuilder())


@lru_cache(maxsize=1)
def _shaped() -> re.Pattern:
    """Whether a line can begin with one of the grammar's own line shapes
    (heading marker, 成文日期, page number, contact, 特此报告, Markdown hashes):
    the grammar's terminals other than TEXT, which takes whatever they do not,
    and the separators, behind the blanks the grammar ignores. Read from the
    compiled grammar, so that it stays the one definition of the shapes."""
    parser = _parser()
    skipped = {"TEXT", "_NL", "_EMPTY_ATX", *parser.lexer_conf.ignore}
    shapes = [t.pattern.to_regexp() for t in parser.terminals if t.name not in skipped]
    return recache.compile("|".join(f"(?:{p})" for p in shapes))


@lru_cache(maxsize=1)
def _heading_shaped() -> re.Pattern:
    """Whether a line's content (after its blanks) begins a heading: a numeral
    marker or Markdown's hashes, which the grammar tries before every other
    shape at the start of a line (a line of hashes alone is blank)."""
    shapes = [t.pattern.to_regexp() for t in _parser().terminals if t.name.startswith("MARK_") or t.name == "ATX"]
    return recache.compile("|".join(f"(?:{p})" for p in shapes))


# The grammar's whole-line shapes: terminal -> the kind of line _LineBuilder makes of it.
_WHOLE_LINE_KINDS = {"DATE": LineKind.DATE, "PAGE_NUMBER": LineKind.PAGE_NUMBER, "CONTACT": LineKind.CONTACT,
                     "CLOSING": LineKind.CLOSING}


@lru_cache(maxsize=1)
def _whole_line_shapes() -> list[tuple[re.Pattern, LineKind]]:
    """(terminal, kind) for the shapes that make a line by themselves, in the
    order Lark's lexer tries them (lark.lexer: by priority, then the widest).
    (They begin with different characters, so at most one matches a line.)"""
    terminals = sorted((t for t in _parser().terminals if t.name in _WHOLE_LINE_KINDS),
                       key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    return [(recache.compile(t.pattern.to_regexp()), _WHOLE_LINE_KINDS[t.name]) for t in terminals]


class TooManyHeadings(Exception):
    """A text with more than limits.MAX_HEADINGS headings, refused before the grammar types its lines."""


@lru_cache(maxsize=1)
def _empty_atx() -> re.Pattern:
    """Markdown hashes with nothing after them: a line the grammar gives no line for."""
    [terminal] = [t for t in _parser().terminals if t.name == "_EMPTY_ATX"]
    return recache.compile(terminal.pattern.to_regexp())


def is_blank(line: str) -> bool:
    """Whether a line of the text is blank: nothing but BLANKS, or Markdown's
    hashes with nothing after them (an empty heading). parse_lines() gives no
    Line for it, as the grammar gives none."""
    content = line.lstrip(BLANKS)
    return not content or (content[0] == "#" and _empty_atx().match(content) is not None)


def parse_lines(text: str, hints: dict[int, LineHint] | None = None) -> list[Line]:
    """Type every non-blank line of text with the grammar, then apply the
    format's hints: a table cell is text, a heading style makes a heading.

    Only the lines that begin with a heading go through the parser, joined in
    one text. A line that begins with none of the grammar's shapes is TEXT by
    the grammar's own rule (TEXT takes whatever no other shape claims), and
    one that begins with a whole-line shape (成文日期, page number, contact,
    特此报告) is that shape: the grammar tries it first at the start of a line,
    and nothing else may follow it. Typing those here, without the parser,
    halves the parse of a long report, and keeps the parser's work within the
    headings' limit.

    A text of more than limits.MAX_HEADINGS headings raises TooManyHeadings
    once the count is passed, before any line goes to the parser."""
    source_lines = text.split("\n")
    shaped = _shaped().match
    heading = _heading_shaped().match
    empty_atx = _empty_atx().match
    whole_lines = _whole_line_shapes()
    hinted = {n for n, hint in hints.items() if hint.heading and not hint.table} if hints else set()
    lines: list[Line | None] = []
    numbers: list[int] = []  # the source line number of each line handed to the parser
    pending: list[int] = []  # the indices of the lines to finish below: the parser's, and those with a hint
    headings = 0
    for number, whole in enumerate(source_lines, 1):
        content = whole.lstrip(BLANKS)
        if not content or (content[0] == "#" and empty_atx(content)):  # is_blank(whole)
            continue
        column = len(whole) - len(content) + 1
        # The shapes are matched after the blanks: a pattern that begins with
        # blanks of its own ([ \t]*联系) would otherwise be tried at each of
        # them, in time quadratic in their number.
        line, is_heading = None, False
        if not shaped(content):
            line = Line(number, LineKind.TEXT, content.rstrip(), column)
        elif not (is_heading := heading(content) is not None):
            line = next((Line(number, kind, m.group().rstrip(), column)
                         for regex, kind in whole_lines if (m := regex.match(content))), None)
        if line is None:
            numbers.append(number)  # filled in from the parser below
        if line is None or (hints and number in hints):
            pending.append(len(lines))
        if is_heading or number in hinted:
            headings += 1
            if headings > MAX_HEADINGS:
                raise TooManyHeadings(f"more than {MAX_HEADINGS} headings")
        lines.append(line)
    parsed = iter(_parser().parse("\n".join(source_lines[n - 1] for n in numbers)) if numbers else ())
    for i in pending:
        line = lines[i]
        if line is None:  # the parser's, in the same order
            line = lines[i] = next(parsed)
            line.number = numbers[line.number - 1]
        hint = hints.get(line.number) if hints else None
        if hint is not None:
            whole = source_lines[line.number - 1]
            column = len(whole) - len(whole.lstrip(BLANKS)) + 1
            if hint.table:
                lines[i] = line = Line(line.number, LineKind.TEXT, whole[column - 1:].rstrip(), column)
            elif hint.heading and line.kind is LineKind.TEXT:
                lines[i] = line = _heading_line(line.number, None, min(hint.heading, 4), line.text, line.column)
        if line.kind is LineKind.HEADING:  # (headings come only from the parser and from hints)
            line.text = source_lines[line.number - 1][line.column - 1:].rstrip()
    return lines



# The list bullet a page's metadata or share bar keeps when converted to text
# (- 索引号：…, • 日期：…): the patterns see the line without it.
_BULLET = recache.compile(r"[-•·*]\s+")


class Residue:
    """Which lines are web page furniture (rules/residue.yaml)."""

    def __init__(self, patterns: list[str], max_length: int, list_items: list[str] = (),
                 summary: list[str] = (), watermarks: list[str] = (), title_tails: list[str] = (),
                 long_rows: list[str] = (), columns: list[str] = (), news_columns: list[str] = (),
                 share_items: list[str] = (), value_rows: list[str] = ()):
        # Most patterns hold at the line's start (^…): they are tried there alone
        # (a search would try every one of them at every place of every line).
        # Those whose first characters are known are tried only on a line that
        # begins with one of them: one test of a class, where the engine tries
        # the branches of an alternation one after another.
        anchored = [p for p in patterns if _anchored(p)]
        first = {p: recache.analysed(prose._first_chars, p) for p in anchored}
        keyed = [p for p in anchored if first[p]]
        chars = "".join(sorted(set().union(*(first[p] for p in keyed))))
        self.keyed = recache.compile(f"(?=[{chars}])(?:{_alternatives(keyed).pattern})") if keyed else None
        # The others are each behind a scan for a character they need (前 for
        # 3天前, > for a breadcrumb): a line without it fails at once, where the
        # pattern would try its optional parts and repeats first.
        self.start = _alternatives([_gated(p) for p in anchored if not first[p]])
        self.regex = _alternatives([p for p in patterns if p not in anchored])
        self.max_length = max_length
        self.list_items = _alternatives(list_items)
        self.summary = _alternatives(summary)
        self.watermark = _alternatives(watermarks)
        self.title_tail = _alternatives(title_tails)
        self.long_rows = _alternatives(long_rows)
        self.column = _alternatives(columns)
        self.news_column = _alternatives(news_columns)
        self.share_item = _alternatives(share_items)
        self.value_row = _alternatives(value_rows)

    def matches(self, text: str) -> bool:
        if len(text) > self.max_length:
            # a page's metadata row of several fields, whatever its length (tried on a shorter line too, below)
            return bool(self.long_rows and self.long_rows.match(text))
        bullet = _BULLET.match(text)
        item = text[bullet.end():] if bullet else text
        if ((self.keyed and self.keyed.match(item)) or (self.start and self.start.match(item))
                or (self.regex and self.regex.search(item)) or (self.long_rows and self.long_rows.match(item))):
            return True
        return bool(bullet and self.list_items and self.list_items.search(item))

    def is_summary(self, text: str) -> bool:
        """Whether a line is a page's summary by its label (摘要：…)."""
        return bool(self.summary and self.summary.match(text))


def _gated(pattern: str) -> str:
    """The pattern behind a look-ahead for one of the characters every match of
    it contains (prose.required_chars), where it has such characters."""
    needed = recache.analysed(_needed_chars, pattern)
    if not needed:
        return pattern
    chars = "".join(re.escape(ch) for ch in sorted(needed))
    return f"(?=[^{chars}]*[{chars}])(?:{pattern})"


def _needed_chars(parsed) -> frozenset[str] | None:
    """prose.required_chars of a whole pattern (none for a case-blind one)."""
    return None if parsed.state.flags & re.IGNORECASE else prose.required_chars(parsed)


def _anchored(pattern: str) -> bool:
    """Whether every match of the pattern begins at the start of the text (^ before all its branches)."""
    try:
        return recache.analysed(_starts_anchored, pattern)
    except re.error:
        return False  # the combined pattern names it (ruleset validated it already)


def _starts_anchored(parsed) -> bool:
    return bool(parsed.data) and parsed.data[0] == (_sre_constants.AT, _sre_constants.AT_BEGINNING)


def _alternatives(patterns) -> re.Pattern | None:
    return recache.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


_BULLET_CHARS = ("-", "•", "·", "*")


# A label alone in square brackets, as a page's metadata list writes its labels
# ([ 发文字号 ]), whatever its words (a label the page garbled: [ 索号 ], [ 有性 ]).
_BRACKET_LABEL = recache.compile(r"\[[ \t\u3000]*[\u4e00-\u9fff]{1,6}[ \t\u3000]*\]")


def _list_blocks(lines: list[Line], residue: Residue) -> None:
    """A run of list items above the first heading most of which (two at
    least) are furniture is a page's metadata block: its other items, the
    values whose labels were lost (• 法治政府建设) or the title repeated as
    the block's last field, are furniture too. Counted with the furniture
    towards the majority: a label alone in brackets the page garbled
    (• [ 索号 ]) and the value right under a label alone (• [ 发文字号 ] /
    • 某教工委发〔2026〕1号, • 发布机构 / • 某县教委)."""
    label = residue.list_items.match if residue.list_items is not None else None
    run: list[Line] = []
    furniture = metadata = 0
    after_label = False  # whether the item before is a label alone
    for line in lines:
        kind = line.kind
        if kind is LineKind.HEADING:
            break
        if (kind is LineKind.TEXT or kind is LineKind.RESIDUE) and line.text[:1] in _BULLET_CHARS \
                and (bullet := _BULLET.match(line.text)):
            item = line.text[bullet.end():].strip(BLANKS)
            is_label = bool(_BRACKET_LABEL.fullmatch(item) or (label is not None and label(item)))
            run.append(line)
            furniture += kind is LineKind.RESIDUE
            metadata += kind is LineKind.RESIDUE or is_label or after_label
            after_label = is_label
            continue
        if run:
            _furnish(run, furniture, metadata)
            run, furniture, metadata, after_label = [], 0, 0, False
    _furnish(run, furniture, metadata)


def _furnish(run: list[Line], furniture: int, metadata: int) -> None:
    if furniture >= 2 and 2 * metadata > len(run):
        for line in run:
            line.kind = LineKind.RESIDUE


_VALUE_ROW_MAX = 50  # characters: a label and one value


def _value_rows(lines: list[Line], residue: Residue) -> None:
    """A page's metadata row given without its colon above the first heading
    (公开范围 面向全社会, 发布机构 某县人民政府) or an index number alone
    there (000000000/2026-00001; rules/residue.yaml value_rows) is
    furniture."""
    if residue.value_row is None:
        return
    row = residue.value_row.match
    for line in lines:
        if line.kind is LineKind.HEADING:
            break
        if line.kind is LineKind.TEXT and len(line.text) <= _VALUE_ROW_MAX and row(line.text.strip(BLANKS)):
            line.kind = LineKind.RESIDUE


# The rule under a pipe table's first row: |---|---|, | :-- | --: |, ---|---
_TABLE_RULE = recache.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")


def _table_blocks(lines: list[Line], residue: Residue) -> None:
    """A pipe table above the first heading (its rows on lines one after
    another, each beginning with |) with two rows or more that are a page's
    metadata (rules/residue.yaml patterns), and most of whose rows are such
    rows or hold a metadata label alone in a cell (list_items: | 公开形式 |
    责任部门 | |, | 生成日期 | … | 是否有效 |), is the page's metadata table:
    all its rows are furniture, the Markdown rule under its first row
    (|---|---|) too. A table in the report's body is left alone."""
    run: list[Line] = []
    for line in lines:
        kind = line.kind
        if kind is LineKind.HEADING:
            break
        row = (kind is LineKind.TEXT or kind is LineKind.RESIDUE) and line.text[:1] == "|"
        if row and run and line.number == run[-1].number + 1:
            run.append(line)
            continue
        _furnish_table(run, residue)
        run = [line] if row else []
    _furnish_table(run, residue)


_CELLS = recache.compile(r"[|｜]")


def _furnish_table(run: list[Line], residue: Residue) -> None:
    if len(run) == 1 and run[0].kind is LineKind.TEXT and _TABLE_RULE.fullmatch(run[0].text):
        run[0].kind = LineKind.RESIDUE  # a table's rule alone, its rows lost: |---|---|
        return
    furniture = sum(ln.kind is LineKind.RESIDUE for ln in run)
    if furniture < 2:
        return
    label = residue.list_items.match if residue.list_items is not None else None
    metadata = furniture + sum(ln.kind is LineKind.TEXT and label is not None
                               and any(label(cell.strip(BLANKS)) for cell in _CELLS.split(ln.text)) for ln in run)
    if 2 * metadata > len(run):
        _to_kind(run, LineKind.RESIDUE)


# A share bar's label at the start of its line: 分享, 分享到：, 分享至
_SHARE_LABEL = recache.compile(r"(?:分享(?:到|至)?)[ \t\u3000]*[:：]?")
# The items of a share bar: apart by blanks, bars or 、
_SHARE_SPLIT = recache.compile(r"[\s|｜、/]+")
_SHARE_MAX = 40  # characters: a share bar's line is short


def _share_bars(lines: list[Line], residue: Residue) -> None:
    """A page's share bar (分享 微信 / 头条 / 微博 空间 qq): a line that
    begins with the bar's label (分享, 分享到：) followed by nothing but sites
    to share to (rules/residue.yaml share_items), and each line right after it
    that holds nothing but such sites, is furniture. Sites with no label
    above them are left alone (a report's table may list its channels)."""
    item = residue.share_item
    if item is None:
        return
    is_open = False  # whether the line before is part of a share bar
    for line in lines:
        text = line.text
        if (line.kind is not LineKind.TEXT and line.kind is not LineKind.RESIDUE) or len(text) > _SHARE_MAX \
                or not (is_open or "分享" in text):
            is_open = False
            continue
        label = _SHARE_LABEL.match(text)
        if not is_open and label is None:
            continue
        rest = text[label.end():] if label is not None else text
        items = [x for x in _SHARE_SPLIT.split(rest) if x]
        if all(item.fullmatch(x) for x in items) and (items or label is not None):
            line.kind = LineKind.RESIDUE
            is_open = True
        else:
            is_open = False


# A value under its label in a page's metadata written one field a line: short,
# no sentence or clause mark, no colon at its end (a recipient's, a lead-in's).
_FIELD_VALUE_MAX = 40
_FIELD_VALUE_FORBIDDEN = recache.compile(r"[。，,；;！!？?]|[:：]$")
_FIELD_VALUE_KINDS = (LineKind.TEXT, LineKind.RESIDUE, LineKind.DATE)


def _field_blocks(lines: list[Line], residue: Residue) -> None:
    """A page's metadata written one field a line, each label alone on its
    line and its value, if the page kept one, on the next (发文单位 /
    某区人民政府 / 发文字号 / 发文日期 / 2026-03-01 10:00 / 索引号 /
    000000000/2026-00001): a run above the first heading of two such label
    lines or more (rules/residue.yaml list_items: a metadata label alone, or
    an index number), with at most one value line after each, is furniture as
    a whole. A value is short, with no sentence or clause mark and no colon at
    its end, and names no 法治……报告 (the title below the block stays)."""
    if residue.list_items is None:
        return
    label = residue.list_items.search
    run: list[Line] = []
    labels = 0
    valued = False  # whether the last label line has its value in the run
    for line in lines:
        kind = line.kind
        if kind is LineKind.HEADING:
            break
        if (kind is LineKind.TEXT or kind is LineKind.RESIDUE) and label(line.text):
            run.append(line)
            labels += 1
            valued = False
            continue
        if run and not valued and _is_field_value(line):
            run.append(line)
            valued = True
            continue
        if labels >= 2:
            _to_kind(run, LineKind.RESIDUE)
        run, labels, valued = [], 0, False
    if labels >= 2:
        _to_kind(run, LineKind.RESIDUE)


def _is_field_value(line: Line) -> bool:
    text = line.text
    return (line.kind in _FIELD_VALUE_KINDS and len(text) <= _FIELD_VALUE_MAX
            and not _FIELD_VALUE_FORBIDDEN.search(text) and not ("法治" in text and "报告" in text))


def _to_kind(lines: list[Line], kind: LineKind) -> None:
    for line in lines:
        line.kind = kind


def parse(source: Source, residue: Residue) -> Document:
    """Raises read.ReadError for a text beyond limits.MAX_HEADINGS."""
    text = markdown.mask(source.text) if source.format == "markdown" else source.text
    try:
        lines = parse_lines(text, source.hints)
    except TooManyHeadings:
        from .read import ReadError

        raise ReadError(source.path, f"标题过多（超过 {MAX_HEADINGS:,} 个），不像是一份报告",
                        f"too many headings (more than {MAX_HEADINGS:,}); not a report") from None
    for line in lines:
        if line.kind is LineKind.TEXT and residue.matches(line.text):
            line.kind = LineKind.RESIDUE
    _value_rows(lines, residue)
    _list_blocks(lines, residue)
    _table_blocks(lines, residue)
    _share_bars(lines, residue)
    _field_blocks(lines, residue)
    doc = Document(source=source, lines=lines, text=text)
    doc.residue = [ln for ln in lines if ln.kind is LineKind.RESIDUE]
    doc.page_numbers = [ln for ln in lines if ln.kind is LineKind.PAGE_NUMBER]
    content = [ln for ln in lines if ln.kind not in (LineKind.RESIDUE, LineKind.PAGE_NUMBER)]
    start = _front_matter(doc, content, residue)
    skip = _run_in_title(doc, content[start], residue, start == 0 and doc.document_number is None) \
        if not doc.title and start < len(content) else 0
    end = _back_matter(doc, content, start)
    if doc.letter and doc.date is None and not doc.signature:
        _letter_back_matter(doc)
    body = [ln for ln in content[start:end] if ln.kind is not LineKind.RESIDUE]  # (a line set aside at the title)
    _lost_numerals(body, source.hints)
    _body(doc, body, skip)
    if not doc.sections:
        doc.run_in_heading = _run_in_heading(doc.preface)
    return doc


def _letter_back_matter(doc: Document) -> None:
    """A report sent under a cover letter, with no 落款 or 成文日期 of its own:
    the letter's sender and date are the document's (its 特此报告 is no
    closing of the report's: FZ303 and FZ307 stand at the report's end)."""
    lines = doc.letter
    if lines[-1].kind is LineKind.DATE:
        doc.date = parse_date(lines[-1])
    signature = [ln for ln in lines[:-1] if ln.kind is LineKind.TEXT and _is_signature_like(ln, strict=True)]
    doc.signature = signature


# A line that is a level-1 heading whose numeral was lost (a web page dropped
# the 一 of 一、): 、 and then the heading's words, with no sentence end or
# clause mark in them, or at their end, and not too long for a heading.
_LOST_NUMERAL = recache.compile(r"、[ \t\u3000]*(?=[\u4e00-\u9fff0-9０-９“《])")
_LOST_TITLE_FORBIDDEN = recache.compile(r"[。！？!?；;：:]|[，,、]$")
_LOST_TITLE_MAX = 50  # characters: longer is prose (FZ204 takes the same bound for a heading phrase)
# The end of what stands above such a heading: a sentence or a lead-in (……报告如下：).
_ENDS_SENTENCE = recache.compile(r"[。！？!?：:][”’」』）)]?$")


def _lost_numerals(body: list[Line], hints: dict[int, LineHint] | None) -> None:
    """Make a heading of each body line that reads as a level-1 heading whose
    numeral is lost: “、坚持党的领导，确保……推进” standing alone, after a
    line that ends its sentence (or a heading, or the front matter), before
    body text or a sub-heading, and where the sequence of the level-1
    headings around it has a place for it (一、 before 二、). Its marker is the
    bare 、, numbered for that place, with lost set (FZ201 reports it).

    A line that begins with 、 below one cut off mid-sentence (……联合市场监管局 /
    、税务局开展检查) is the rest of that sentence, and one that holds a sentence
    end is prose: both stay text. So does one under an item numbered N、 (the
    nearest heading above it), whose lost numeral may be an Arabic one."""
    if len(body) < 2 or not any(ln.kind is LineKind.TEXT and ln.text[0] == "、" for ln in body):
        return
    level1 = [k for k, ln in enumerate(body) if ln.kind is LineKind.HEADING and ln.marker and ln.marker.level == 1]
    # Within the headings' limit (parse_lines refuses a text beyond it): past it the lines stay text.
    budget = MAX_HEADINGS - sum(1 for ln in body if ln.kind is LineKind.HEADING)
    following = iter(level1)
    upcoming = next(following, None)  # the index of the next level-1 heading
    previous_number = 0  # the number of the last level-1 heading
    last_heading = None
    for k, line in enumerate(body):
        if line.kind is LineKind.HEADING:
            last_heading = line
            if k == upcoming:
                previous_number = line.marker.number
                upcoming = next(following, None)
            continue
        if line.kind is not LineKind.TEXT or line.text[0] != "、" or k + 1 == len(body) \
                or (hints and line.number in hints) or budget <= 0:
            continue
        m = _LOST_NUMERAL.match(line.text)
        if m is None:
            continue
        title = line.text[m.end():]
        if len(title) > _LOST_TITLE_MAX or _LOST_TITLE_FORBIDDEN.search(title):
            continue
        above, below = body[k - 1] if k else None, body[k + 1]
        if above is not None and above.kind is not LineKind.HEADING and not _ENDS_SENTENCE.search(above.text):
            continue
        if below.kind is not LineKind.TEXT and not (below.kind is LineKind.HEADING and below.marker
                                                    and below.marker.level > 1):
            continue
        if last_heading is not None and last_heading.marker is not None \
                and last_heading.marker.family == "arabic" and last_heading.marker.text.endswith("、"):
            continue
        number = previous_number + 1
        if upcoming is not None and body[upcoming].marker.number != number + 1:
            continue  # no place for it between the level-1 headings around it
        marker = Marker("cn", 1, number, "、", marker_for("cn", number), line.column, line.column + 1, lost=True)
        heading = _heading_line(line.number, marker, 0, title, line.column + m.end())
        line.kind, line.marker = LineKind.HEADING, marker
        line.title, line.title_column, line.body, line.body_column = (
            heading.title, heading.title_column, heading.body, heading.body_column)
        previous_number, last_heading = number, line
        budget -= 1


# A level-1 heading run into a paragraph: 一、 after a sentence end or a lead-in's
# colon, before the heading's words (not 一、二季度, a list of numerals).
_RUN_IN_HEADING = recache.compile(r"(?<=[。！？!?：:；;])[ \t\u3000]*(一[ \t]*、)(?=[\u4e00-\u9fff0-9“《])(?![一二三四五六七八九十])")
_RUN_IN_WORDS = recache.compile(r"[^，,。；;：:！？!?（(“《 \t\u3000]{1,16}")


def _run_in_heading(preface: list[Paragraph]) -> Paragraph | None:
    """Where a text with no heading lines has its first level-1 heading run
    into a paragraph (……现将有关情况报告如下：一、坚持党的领导，……（一）……): the
    span of 一、 and the heading's opening words. None when no paragraph has one."""
    for paragraph in preface:
        m = _RUN_IN_HEADING.search(paragraph.text)
        if m:
            words_ = _RUN_IN_WORDS.match(paragraph.text, m.end())
            end = words_.end() if words_ else m.end()
            start = m.start(1)
            return Paragraph(paragraph.line, paragraph.column + start, paragraph.text[start:end])
    return None


_TITLE_MAX = 60  # characters: a longer line is no line of a title


def _is_title_like(line: Line) -> bool:
    if line.kind is LineKind.HEADING:
        return line.marker is None and line.atx > 0 and not _TITLE_FORBIDDEN.search(line.text)
    # (A line that begins with 、 is no title: the rest of a line above, or a heading whose numeral was lost.)
    return (line.kind is LineKind.TEXT and len(line.text) <= _TITLE_MAX and not _TITLE_FORBIDDEN.search(line.text)
            and line.text[0] != "、")


# What each addressee of a 主送机关 ends with: an organ (县委, 某县人民政府, 市人大常委会,
# 县人大, 党中央, 市妇联, 某海关, 某某公司, 某旗), or the members a report delivered at a meeting greets
# (主任、各位副主任、委员：, 各位代表：). A label of the page's with a colon (保护视力色:,
# 分享到:) is none.
_ORGAN_ENDS = r"政府|委员会|党委|党工委|党组|街道|办事处|局|部|委|办|中心|院|所|厅|镇|乡|区|县|市|省|室|管委会"
_ADDRESSEE_END = recache.compile(rf"(?:{_ORGAN_ENDS}|会|中央|协|处|科|股|站|队|社区|村|组|公司|集团|大学|学院|学校|"
                                 r"旗|盟|州|兵团|署|联|行|关|人大|代表|委员|主任|同志|同志们|领导)$")
# The addressees' separators, and a note in brackets after one (某县司法局（县委依法治县办）).
_ADDRESSEE_SPLIT = recache.compile(r"[、，,\s\u3000]+")
_ADDRESSEE_NOTE = recache.compile(r"[（(][^（）()]{1,20}[）)]$")


def _is_recipient(line: Line) -> bool:
    text = line.text
    return (
        line.kind is LineKind.TEXT
        and len(text) <= 40
        and text[-1] in ":："
        and not _RECIPIENT_FORBIDDEN.search(text[:-1])
        and "如下" not in text
        and _names_addressees(text[:-1])
    )


def _names_addressees(text: str) -> bool:
    """Whether every item of a recipient line (its organs, listed with 、，
    or blanks) is an organ or the members of a meeting."""
    items = [_ADDRESSEE_NOTE.sub("", item) for item in _ADDRESSEE_SPLIT.split(text.strip(BLANKS)) if item]
    return bool(items) and all(_ADDRESSEE_END.search(item) for item in items)


def words(text: str) -> str:
    """The text with full-width forms as their ASCII forms and no blanks: what
    two copies of a line share however each was typed or --fix made it."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _words(lines: list[Line]) -> str:
    return words("".join(ln.text for ln in lines))


# A 发文字号 alone on a line (某府〔2025〕26号, 某办发〔2024〕3号): a real 公文 has it
# above its title; it is neither title nor fault.
# (A page may put it in brackets: [某政发〔2026〕7号], 【某办发[2026]3号】.)
# A 文号: the issuer's short name, the year in brackets, the number (某政发〔2026〕7号).
_NUMBER = r"[\u4e00-\u9fff]{1,15}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号"
_DOCUMENT_NUMBER = recache.compile(rf"^(?:[\[［【〔]\s*)?{_NUMBER}(?:\s*[\]］】〕])?$")
# The end of a news item's lead before the report it quotes: 详情如下： 具体报告如下：
# (not a report's own 现将有关情况报告如下：, which opens its body).
_LEAD_END = recache.compile(r"(?:详情|详细内容|具体内容|具体报告|报告全文|报告原文|全文|原文)如下\s*[:：]$")
_LEAD_LINES = 6  # a lead ends within the first lines of the text


# 签发人：某某 (the signing leader a report sent upward names in its 版头).
_SIGNER = recache.compile(r"^签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fff·]{2,8}(\s+[\u4e00-\u9fff·]{2,8})*$")


# The same in brackets at the start of a title's line, as a page lists its documents
# ([某政发〔2026〕7号]某市人民政府关于……, 【某办发[2026]3号】……): the number is group 1.
_NUMBER_HEAD = recache.compile(rf"^[\[［【〔]\s*({_NUMBER})\s*[\]］】〕][ \t\u3000]*(?=\S)")


def is_document_number(line: Line) -> bool:
    return line.kind is LineKind.TEXT and _DOCUMENT_NUMBER.match(line.text) is not None


def _news_lead(content: list[Line]) -> int:
    """The index of the line that ends a news lead (…详情如下：) at the top of
    the text, -1 when there is none: the lead and what stands above it (the
    news headline) are the page's, not the report's."""
    for k, line in enumerate(content[:_LEAD_LINES]):
        if line.kind is LineKind.HEADING:
            return -1
        if line.kind is LineKind.TEXT and _LEAD_END.search(line.text) and "现将" not in line.text:
            return k
    return -1


# A page headline dressed as a document's name: in 《》, perhaps after the 文号 and with
# （全文） after it (某政发〔2026〕3号《某县……报告》, 《某部……报告》（全文）), or with （全文） alone
# (matched on a line's words: NFKC, no blanks). Group 1 or 2 is the title it names.
_DRESSED = recache.compile(rf"^(?:{_NUMBER})?《([^《》]+)》(?:\(全文\))?$|^(.+?)\(全文\)$")


def _undressed(text: str) -> str:
    m = _DRESSED.match(text)
    return text if m is None else (m.group(1) or m.group(2))


def _headline(candidates: list[Line]) -> tuple[int, int, int]:
    """A block of the title-like lines at the top followed by the same words
    again (the page headline, then the document's title block, however each
    breaks its lines): (start, k, end), the block being candidates[start:k]
    and its copy candidates[k:end]; (0, 0, 0) when no block repeats. A block
    repeats only when it names a 报告. The blocks are compared as words,
    whatever the width of their marks and the blanks in them: a headline and
    a title that differ only there are one title (and --fix, making the
    title's marks full-width, must not make the headline part of the text in
    a later round), and a line dressed as a document's name (《……报告》（全文）,
    文号《……报告》) as the title it names."""
    words = [_undressed(_words([c])) for c in candidates]
    n = len(candidates)
    for start in range(n):
        for k in range(start + 1, n):
            block = "".join(words[start:k])
            if "报告" not in block:  # a title names its document type; 甲 / 甲 is no headline
                continue
            again = ""
            for j in range(k, n):
                again += words[j]
                if again == block:
                    return start, k, j + 1
                if not block.startswith(again):
                    break
    return 0, 0, 0


# What a line of a title block holds: the organ (中共某县县委  某县人民政府, 某县自然资源局（县林业局）),
# or part of 关于……年度……法治政府建设……报告.
# (A draft's own marks above its title, 征求意见稿, 送审稿, 内部资料, 秘密★, are left as they were.)
_TITLE_PART = recache.compile(r"关于|报告|年|法治|附件|稿|密|内部|公开|(大学|学校|公司|集团|协会|联合会)$")


def _is_title_part(line: Line) -> bool:
    text = line.text.rstrip(BLANKS)
    return bool(_TITLE_PART.search(text) or _ORGAN_END.search(text) or text.endswith(("）", ")")))


def _page_header(candidates: list[Line]) -> int:
    """How many of the title-like lines at the top stand above the title block
    and are no part of a title (a site's name, 某某网 某某网, a watermark
    ending in a web address): the block below them names its 报告."""
    k = 0
    while k < len(candidates) and not _is_title_part(candidates[k]):
        k += 1
    return k if k < len(candidates) and any("报告" in c.text for c in candidates[k:]) else 0


def _column_name(candidates: list[Line], residue: Residue) -> int:
    """1 when the first title-like line is a site's column name (落实情况公开,
    某某专栏; rules/residue.yaml columns) and the lines below it make a whole
    title on their own; else 0."""
    if len(candidates) < 2 or residue.column is None or not residue.column.match(candidates[0].text.strip(BLANKS)):
        return 0
    return 1 if _WHOLE_TITLE.match("".join(words(c.text) for c in candidates[1:])) else 0


# A site's name (某市人民政府, 某区人民政府门户网站, 某县政府网): the words of a
# government site's header, not a party organ's (中共某县委员会 may begin a joint title).
_SITE_NAME = recache.compile(r"^(?!中共)[^\s。，,；;：:！!？?、“”《》（）()]{2,20}?(?:人民政府|政府)(?:门户网站|网站|网)?$")
# What a line above a title may be besides its organ: a draft's marks (征求意见稿, 内部资料,
# 秘密★, 特急), an attachment's label (附件2), a note on publication (此件公开发布), a year.
_TITLE_MARK = recache.compile(r"稿|密|内部|附件|公开|急|号|[0-9０-９]{4}|^关于|[）)]$")
_HEADER_MAX = 20  # characters: a site's name or a column's is short
# A whole title that names its reporting body before the year (某乡2020年度法治政府建设情况报告,
# 某县人民政府关于2025年度……的报告); not one that begins with a year, 关于 or 年度, which a
# line above may complete (某县人民政府 / 2025年法治政府建设年度报告).
_ORGAN_YEAR = r"^(?!关于|[0-9０-９〇○零一二三四五六七八九]{4}|法治|年度|[—－-])\S.*?[0-9０-９]{4}\s*年.*法治.*"
_TITLE_NOTE = r"\s*(?:[（(][^（）()]{1,12}[）)])?$"
_ORGAN_TITLE = recache.compile(_ORGAN_YEAR + "报告" + _TITLE_NOTE)


def _banner(doc: Document, candidates: list[Line]) -> int:
    """How many of the title-like lines at the top of a web copy (a text with
    page furniture of its own elsewhere) are a column's banner above a whole
    title (法治政府建设 / 某市创建全国法治政府建设示范市 / 本专题内容由某局发布,
    then 某市人民政府关于2025年度……报告, on one line or as an organ's line and
    its 关于…报告 line): lines with no year and no mark of a draft (征求意见稿,
    附件2), not all of them an organ's name (中共某县委员会 /
    某县人民政府 / 关于……, a joint title, stays); else 0."""
    if len(candidates) < 2 or not doc.residue:
        return 0
    joined = [words(c.text) for c in candidates]
    for k in range(1, len(candidates)):
        whole = _ORGAN_TITLE.match(joined[k]) or (
            k + 1 < len(candidates) and _ORGAN_END.search(joined[k]) and _ORGAN_TITLE.match(joined[k] + joined[k + 1]))
        if not whole:
            continue
        above = [c.text.strip(BLANKS) for c in candidates[:k]]
        if any(_TITLE_MARK.search(t) for t in above) or all(_ORGAN_END.search(t) for t in above):
            return 0
        return k
    return 0


def _header_line(doc: Document, candidates: list[Line]) -> int:
    """1 when the first title-like line is the page's, above a title that
    names its own reporting body (某乡2020年度……报告) in a web copy (a text
    with page furniture of its own elsewhere): a government site's name
    (某市人民政府), or a short line that is no organ's name and no mark of
    a draft (a column's name: 年度法治政府建设情况报告); else 0. A draft
    without page furniture keeps such a line in its title as typed."""
    if len(candidates) < 2 or not doc.residue:
        return 0
    text = candidates[0].text.strip(BLANKS)
    if not (_SITE_NAME.match(text) or (len(text) <= _HEADER_MAX and not _ORGAN_END.search(text)
                                       and not _TITLE_MARK.search(text))):
        return 0
    return 1 if _ORGAN_TITLE.match("".join(words(c.text) for c in candidates[1:])) else 0


# _ORGAN_TITLE's body and year, ending as any report's title does
# (某厅2025年法治政府建设工作情况, 某县2024年度法治政府建设工作总结, ……报告).
_OWN_TITLE = recache.compile(_ORGAN_YEAR + "(?:报告|情况|总结)" + _TITLE_NOTE)


def _above_furniture(doc: Document, candidates: list[Line]) -> int:
    """How many title-like lines stand above page furniture (metadata rows,
    a date line) that separates them from a title naming its own reporting
    body below: a page's section label or headline, no part of the title
    (a title's lines follow one another); else 0."""
    if len(candidates) < 2 or not doc.residue:
        return 0
    for s in range(len(candidates) - 1, 0, -1):
        above, below = candidates[s - 1].number, candidates[s].number
        if any(above < ln.number < below for ln in doc.residue) \
                and _OWN_TITLE.match("".join(words(c.text) for c in candidates[s:])):
            return s
    return 0


# The 题注 under the title of a report delivered at a meeting: the date and the
# meeting, perhaps after a dash or in brackets, on one line or over two or three
# (——2026年3月17日在某县第十八届人民代表大会 / 常务委员会第二十次会议上;
# （2026年5月28日在市六届人大常委会第九次会议上）; a draft's date left blank,
# 2026年 月 日, or no date at all). Matched on the lines' words joined.
_CAPTION_DATE = r"(?:[0-9]{4}|[〇○零一二三四五六七八九Ｏ]{4})年[0-9〇○零一二三四五六七八九十]{0,3}月[0-9〇○零一二三四五六七八九十]{0,3}日"
_CAPTION_START = recache.compile(rf"^[—\-]*\(?(?:{_CAPTION_DATE})?在")
_CAPTION = recache.compile(rf"^[—\-]*(\()?(?:{_CAPTION_DATE})?在[^()（）。，,；;：:！!？?]{{2,60}}?"
                           r"(?:会议|大会|会)上(?:的(?:报告|讲话|发言|说明))?(?(1)\)|)$")
_CAPTION_LINES = 3
# The speaker's post and name on the line under a 题注: 某县人民政府副县长 某某.
_SPEAKER = recache.compile(r"^[\u4e00-\u9fff（）()]{2,24}?(?:长|主任|书记|主席|委员|负责人)[ \t\u3000]*[\u4e00-\u9fff·×]{2,4}$")


def _caption(content: list[Line], i: int) -> int:
    """How many lines from content[i] make the title's 题注 (the date and
    meeting a report was delivered at); 0 when content[i] begins none."""
    joined = ""
    for k in range(i, min(i + _CAPTION_LINES, len(content))):
        line = content[k]
        if line.kind is not LineKind.TEXT or len(line.text) > _TITLE_MAX:
            return 0
        joined += words(line.text)
        if k == i and not _CAPTION_START.match(joined):
            return 0
        if _CAPTION.match(joined):
            return k - i + 1
    return 0


def _to_residue(doc: Document, lines: list[Line]) -> None:
    for line in lines:
        line.kind = LineKind.RESIDUE
        doc.residue.append(line)
    doc.residue.sort(key=lambda ln: ln.number)


# A mirror's source and date line at the title (省政府办公厅 2026-03-15, 2026/03/15 某县司法局,
# 政策法规科 2026-03-15): an organ, an office of one (科, 处, 股) or a site (某县人民政府网) and
# a date as pages write it, nothing else. (A 成文日期 with its 落款 is written 2026年3月15日; a
# time after the date is residue already.)
_SOURCE = r"[^\s。，,；;：:！!？?、“”《》]{1,30}?(?:" + _ORGAN_ENDS + r"|科|处|股|网)"
_SOURCE_DAY = r"(?:19|20)\d{2}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)\d{1,2}"
_SOURCE_DATE = recache.compile(rf"^(?:{_SOURCE}[ \t\u3000]+{_SOURCE_DAY}|{_SOURCE_DAY}[ \t\u3000]+{_SOURCE})$")
# ... or over two lines, the organ's or site's name, then the date alone (某区人民政府 / 2026-03-19),
# or the date alone (2026-03-19): a page's, in a web copy only (a text with page furniture elsewhere).
_SOURCE_NAME = recache.compile(rf"^{_SOURCE}$")
_PAGE_DAY = recache.compile(rf"^{_SOURCE_DAY}$")


def _page_source(doc: Document, content: list[Line], i: int) -> int:
    """How many lines from content[i] are a web copy's source and date under
    its title, written as the organ's name and the date alone on the next
    line (某区人民政府 / 2026-03-19) or the date alone (2026-03-19); 0 when
    there are none or the text has no page furniture of its own."""
    if not doc.residue:
        return 0
    line = content[i]
    if _PAGE_DAY.match(line.text.strip(BLANKS)):
        return 1
    if line.kind is LineKind.TEXT and i + 1 < len(content) and _SOURCE_NAME.match(line.text.strip(BLANKS)) \
            and _PAGE_DAY.match(content[i + 1].text.strip(BLANKS)):
        return 2
    return 0


def _own_title_at(content: list[Line], i: int) -> bool:
    """Whether the title-like lines from content[i] (one to three) make a
    whole title that names its own reporting body (某局 / 2025年……报告)."""
    joined = ""
    for line in content[i: i + 3]:
        if not _is_title_like(line):
            break
        joined += words(line.text)
        if _OWN_TITLE.match(joined):
            return True
    return False


def _front_matter(doc: Document, content: list[Line], residue: Residue) -> int:
    """Title block and 主送机关; returns the index of the first body line."""
    i = 0
    lead = _news_lead(content)
    if lead >= 0:
        _to_residue(doc, content[: lead + 1])
        i = lead + 1
    i = _skip_summary(doc, content, i, residue)
    if i < len(content) and content[i].kind is LineKind.TEXT and residue.news_column is not None \
            and residue.news_column.match(content[i].text.strip(BLANKS)):
        # A news column's name on the first line (省部要闻): the page's, whatever follows.
        _to_residue(doc, [content[i]])
        i += 1
    first = i
    candidates: list[Line] = []
    aside: list[Line] = []  # a mirror's source and date line above the title or under it
    tail = 0  # the length of a metadata field run onto the last candidate (…报告 - 文号:), which ends the block
    while True:
        while not tail and i < len(content) and len(candidates) < 5:
            if doc.document_number is None and is_document_number(content[i]):
                doc.document_number = content[i]
            elif content[i].kind is LineKind.TEXT and _SOURCE_DATE.match(content[i].text):
                aside.append(content[i])
                if candidates and not _own_title_at(content, i + 1):
                    # under the title: the title block ends there (unless a title naming its
                    # own reporting body follows: the lines above were the page's headline)
                    i += 1
                    break
            elif candidates and (n := _page_source(doc, content, i)):
                aside.extend(content[i: i + n])
                i += n - 1
                if not _own_title_at(content, i + 1):
                    i += 1
                    break  # as a source and date line under the title
            elif content[i].kind is LineKind.TEXT and _SIGNER.match(content[i].text):
                pass  # 签发人：某某 of a report sent upward: the 版头's, neither title nor body
            elif candidates and _caption(content, i):
                break  # the 题注 under the title (——2026年3月1日在……会议上) is no title line
            elif _is_title_like(content[i]):
                candidates.append(content[i])
            elif tail := _title_tail(content[i], residue, _words(candidates)):
                candidates.append(content[i])
            else:
                break
            i += 1
        # A title that is not followed by anything is not a title but the whole text.
        if candidates and i == len(content):
            candidates, i, doc.document_number, tail, aside = [], first, None, 0, []
            break
        # A web copy repeats the title: the page headline, then the document's own
        # title block. Keep the block and treat the headline as residue.
        start, drop, end = _headline(candidates)
        if not drop:
            # Short lines of a column's banner above a whole title (法治政府建设 /
            # 某市创建……示范市 / 本专题内容由某局发布): the page's; the lines below
            # them may hold the title again.
            banner = _banner(doc, candidates)
            if not banner:
                break
            _to_residue(doc, candidates[:banner])
            candidates = candidates[banner:]
            first = content.index(candidates[0])
            continue
        if start and _words([candidates[start]]).startswith("关于") \
                and _ORGAN_END.search(candidates[start - 1].text.rstrip(BLANKS)):
            # Not a headline: the title's 关于…报告 line, under its organ line,
            # written twice (灵寿县人民政府 / 关于……报告 / 关于……报告). The copy goes.
            _to_residue(doc, candidates[drop:end])
            candidates = candidates[:drop] + candidates[end:]
            break
        _to_residue(doc, candidates[:drop])
        candidates = candidates[drop:]
        first = content.index(candidates[0])
    _to_residue(doc, aside)
    # Short lines above a title block that are no part of a title (a site's
    # name, a banner, a watermark) are the page's header.
    header = _page_header(candidates)
    header += _column_name(candidates[header:], residue)
    header += _header_line(doc, candidates[header:])
    header += _above_furniture(doc, candidates[header:])
    if header:
        _to_residue(doc, candidates[:header])
        candidates = candidates[header:]
    # A whole title, then another in other words: the page's headline, then
    # the document's own title (某街道2023年度……情况报告 / 某街道2023年……工作报告).
    headline = _second_title(candidates, tail)
    if headline:
        _to_residue(doc, candidates[:headline])
        candidates = candidates[headline:]
    if len(candidates) > 3:  # a title block has one to three lines; what follows is body
        i = content.index(candidates[0]) + 3
        candidates, tail = candidates[:3], 0
        if doc.document_number is not None and doc.document_number.number > candidates[-1].number:
            doc.document_number = None  # it stands in the body
    if candidates and (number := _NUMBER_HEAD.match(candidates[0].text)):
        # The page's 文号 in brackets before the title on its line ([某政发〔2026〕7号]某市人民政府关于……):
        # the document's number, no word of its title.
        line, cut = candidates[0], number.end()
        if doc.document_number is None:
            doc.document_number = Line(line.number, LineKind.TEXT, number.group(1), line.column + number.start(1))
        candidates = [Line(line.number, LineKind.TEXT, line.text[cut:], line.column + cut)] + candidates[1:]
    doc.title = candidates
    if tail:
        doc.title_label = _cut_title(doc, candidates[-1], tail)
    elif candidates and (tail := _date_tail(candidates[-1].text)):
        doc.title_date = _cut_title(doc, candidates[-1], tail)
    if candidates and (n := _caption(content, i)):
        if i + n < len(content) and _SPEAKER.match(content[i + n].text) and content[i + n].kind is LineKind.TEXT:
            n += 1  # the speaker's post and name under it (某县人民政府副县长 某某)
        doc.caption = content[i: i + n]
        i += n
    i = _skip_summary(doc, content, i, residue)
    if i < len(content) and _is_recipient(content[i]):
        doc.recipient = content[i]
        i += 1
    if not candidates and (letter := _cover_letter(content, i)):
        # A cover letter (报送函) before the report's own title: its lines are the
        # letter's, the title under it the report's, and a recipient under that the report's own.
        end, title = letter
        doc.letter, doc.title = content[i:end - len(title)], title
        i = end
        if i < len(content) and _is_recipient(content[i]):
            doc.recipient = content[i]
            i += 1
    return _skip_summary(doc, content, i, residue)


# A cover letter's paragraph (报送函): the report is being sent with it, 现将我局《……》随文上报,
# 现将……报送你们, 现将……呈报; not a report's own lead into its body (现将……情况报告如下：).
_TRANSMIT = recache.compile(r"现将[^。！？!?]{2,80}?(?:随文|随函|一并|予以)?(?:上报|报送|呈报|呈送|印送|报上|呈上|送上)"
                            r"[^。！？!?：:]{0,20}[。！!]")
_LETTER_MAX = 200  # characters: a cover letter's paragraph is short
# 特此报告 is typed CLOSING by the grammar; a letter may end 特此报送 / 特此呈报 / 特此函告 instead.
_LETTER_CLOSING = recache.compile(r"^特此(?:报送|呈报|上报|函告|报告|汇报)[。.]?$")
# The report's own title under the letter: 法治 and the report's kind at its end
# (……法治政府建设工作总结, ……法治政府建设情况报告, …… 工作情况), one to three lines.
_LETTER_TITLE = recache.compile(r"^\S{0,40}?(?:法治|依法行政)\S{0,30}?(?:报告|总结|情况)(?:[（(][^（）()]{1,12}[）)])?$")
_BOOK_TITLE = recache.compile(r"《([^《》]{4,60})》")


def _cover_letter(content: list[Line], i: int) -> tuple[int, list[Line]] | None:
    """A cover letter (报送函) at content[i], between the recipient and the
    report's own title: one or two short paragraphs, one of which sends the
    report (现将……随文上报。), then 特此报告 and/or the sender and a date,
    then a title (one to three title-like lines that name 法治 and end in
    报告, 总结 or 情况, or are the very words the letter names in 《》), then
    more text. Returns (the index after the title, the title's lines), or
    None."""
    j, sends, named = i, False, ""
    while j < len(content) and j - i < 2 and content[j].kind is LineKind.TEXT \
            and len(content[j].text) <= _LETTER_MAX and _ENDS_SENTENCE.search(content[j].text) \
            and "如下" not in content[j].text and not _LETTER_CLOSING.match(content[j].text):
        if _TRANSMIT.search(content[j].text):
            sends = True
            book = _BOOK_TITLE.search(content[j].text)
            named = words(book.group(1)) if book else named
        j += 1
    if not sends:
        return None
    closed = j < len(content) and (content[j].kind is LineKind.CLOSING or (
        content[j].kind is LineKind.TEXT and _LETTER_CLOSING.match(content[j].text) is not None))
    j += closed
    k = j
    while k < len(content) and k - j < 2 and _is_signature_like(content[k], strict=True):
        k += 1
    if k < len(content) and content[k].kind is LineKind.DATE:
        j = k + 1
    elif closed:
        j = k  # 特此报告 and the sender, undated
    else:
        return None
    run = []
    while j + len(run) < len(content) and len(run) < 3 and _is_title_like(content[j + len(run)]):
        run.append(content[j + len(run)])
    for n in range(len(run), 0, -1):
        title = words("".join(ln.text for ln in run[:n]))
        if j + n < len(content) and (_LETTER_TITLE.match(title) or (named and named.endswith(title) and len(title) >= 6)):
            return j + n, run[:n]
    return None


# A whole title on one line: a reporting body, a year, 法治……报告 at its end
# (perhaps with a note: （摘要）), not a subtitle (——…).
_WHOLE_TITLE = recache.compile(r"^(?:[0-9０-９]{4}\s*年度?(?!关于|法治|[—－-])\S|(?!关于|[0-9０-９]|法治|年度|[—－-])\S.*?"
                               r"[0-9０-９]{4}\s*年).*法治.*报告\s*(?:[（(][^（）()]{1,12}[）)])?$")


def _second_title(candidates: list[Line], tail: int = 0) -> int:
    """How many lines at the top of the title-like lines make a whole title
    that another whole title follows, in other words (the page's headline,
    then the document's own title, on one line or as its block of lines); 0
    when there is none. A title split over lines (某县人民政府关于 / 2025年度……的报告)
    has no whole title in its first line. The last line's last tail
    characters (a metadata field run onto it) are left out."""
    joined = [words(c.text) for c in candidates]
    if tail and candidates:
        joined[-1] = words(candidates[-1].text[:-tail])
    for k in range(1, len(candidates)):
        if _WHOLE_TITLE.match("".join(joined[:k])) and _WHOLE_TITLE.match("".join(joined[k:])):
            return k
    return 0


# The page's publication date after the title, on the title's line:
# 某局2023年法治政府建设情况报告 (2024-02-26), …报告 2024-02-26.
_ISO_DAY = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
_TITLE_DATE = recache.compile(rf"(?:\s*[(（\[【]\s*{_ISO_DAY}\s*[)）\]】]|\s+{_ISO_DAY})$")


def _date_tail(text: str) -> int:
    """The length of the page's publication date at the end of a title's line
    (with the blanks before it); 0 when there is none."""
    m = _TITLE_DATE.search(text)
    return len(m.group()) if m is not None and "报告" in text[: m.start()] else 0


# characters: a field run onto a title's line (its separator, label and value) is no
# longer; the bound also keeps the search linear (a tail pattern begins with blanks).
_TAIL_MAX = 80


def _title_tail(line: Line, residue: Residue, above: str = "") -> int:
    """The length of a field of the page's metadata run onto the end of a
    line that ends a whole title before it, with the title's lines above
    (whose words are above): 某县2025年度法治政府建设情况报告 - 文号:, …报告
    发布日期:, counted with the blanks before it; 0 when there is none."""
    if (line.kind is not LineKind.TEXT or residue.title_tail is None or "报告" not in line.text
            or len(line.text) > _TITLE_MAX + _TAIL_MAX):
        return 0
    m = residue.title_tail.search(line.text)
    if m is None:
        return 0
    head = line.text[: m.start()]
    if len(head) > _TITLE_MAX or _TITLE_FORBIDDEN.search(head) or not _WHOLE_TITLE.match(above + words(head)):
        return 0
    return len(line.text) - m.start()


def _cut_title(doc: Document, last: Line, tail: int) -> Line:
    """Leaves the last `tail` characters of the title's last line (web residue
    run onto it: a publication date, a metadata field) out of the title's
    text, and returns them as a line of their own for FZ308."""
    text = last.text[len(last.text) - tail:].lstrip(BLANKS)
    doc.title_cut = tail
    return Line(last.number, LineKind.RESIDUE, text, last.end_column - len(text))


def _skip_summary(doc: Document, content: list[Line], i: int, residue: Residue) -> int:
    """Sets aside a page's summary of the report at content[i] (above the title
    or right under it): a line labelled as one (摘要：…), or a line the
    report's first paragraph begins with (a copy of its opening, cut off).
    Returns the index after it."""
    if i >= len(content) or content[i].kind is not LineKind.TEXT:
        return i
    line = content[i]
    if residue.is_summary(line.text) or (not _is_title_like(line) and _copied_ahead(content, i)):
        _to_residue(doc, [line])
        return i + 1
    return i


_SUMMARY_MIN = 20  # characters: a summary shorter than this is no tell


def _copied_ahead(content: list[Line], i: int) -> bool:
    """Whether the first paragraph after content[i], past the title block and
    recipient that may stand between, begins with its words (an ellipsis
    at its end left out)."""
    text = content[i].text
    if len(text) < _SUMMARY_MIN:
        return False
    for line in content[i + 1: i + 7]:
        if line.kind is not LineKind.TEXT:
            return False
        if _is_title_like(line) or _is_recipient(line) or is_document_number(line):
            continue
        head, other = words(text[:8]), words(line.text[:8])
        n = min(len(head), len(other))
        if not n or head[:n] != other[:n]:  # the usual case, told apart by the first characters
            return False
        summary = words(text).rstrip(".")  # words() reads … as ...
        return len(summary) >= _SUMMARY_MIN and words(line.text).startswith(summary)
    return False


def _is_signature_like(line: Line, strict: bool) -> bool:
    if line.kind is not LineKind.TEXT or len(line.text) > 40 or _SIGNATURE_FORBIDDEN.search(line.text):
        return False
    return not strict or bool(_ORGAN_END.search(line.text))


_ORGAN_END = recache.compile(rf"(?:{_ORGAN_ENDS})$")


def _back_matter(doc: Document, content: list[Line], start: int) -> int:
    """特此报告, 落款, 成文日期 and contact lines; returns the index just after the body."""
    j = len(content)
    contact: list[Line] = []
    while j > start and content[j - 1].kind is LineKind.CONTACT:
        j -= 1
        contact.append(content[j])
    contact.reverse()  # (inserted at the front one by one, 166,000 contact lines took 5 s)
    date_index = None
    if j > start and content[j - 1].kind is LineKind.DATE:
        j -= 1
        date_index = j
        doc.date = parse_date(content[j])
    # Signature lines stand directly above the date; without a date they must
    # read as organ names and follow 特此报告 or precede a contact line.
    k = j
    signature: list[Line] = []
    while k > start and len(signature) < 4 and _is_signature_like(content[k - 1], strict=date_index is None):
        k -= 1
        signature.insert(0, content[k])
    if signature and (date_index is not None or contact or (k > start and content[k - 1].kind is LineKind.CLOSING)):
        doc.signature = signature
        j = k
    if j > start and content[j - 1].kind is LineKind.CLOSING:
        j -= 1
        doc.closing = content[j]
    doc.contact = contact
    return j


_DATE_PARTS = recache.compile(r"^(\S{4})\s*年\s*(\S{1,3}?)\s*月\s*(\S{1,3}?)\s*日$")
_ISO_DATE = recache.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as a 成文日期 written with 年月日 says them, in Arabic
    or Chinese numerals (二〇二三年二月三十日 → (2023, 2, 30), whether or not
    that day exists); None when it is not such a date."""
    m = _DATE_PARTS.match(text)
    numbers = tuple(cn_number(part) for part in m.groups()) if m else (None,)
    return None if None in numbers else numbers


def parse_date(line: Line) -> DateLine:
    text = line.text
    numbers = date_parts(text)
    if numbers is None:
        m = _ISO_DATE.match(text)
        numbers = tuple(cn_number(part) for part in m.groups()) if m else None
    if numbers is None:
        return DateLine(line, None, None)
    y, mo, d = numbers
    try:
        value = date(y, mo, d)
    except ValueError:
        return DateLine(line, None, None)
    return DateLine(line, value, f"{y}年{mo}月{d}日")


# A title run in after a watermark: up to its first 报告 (and a note after it: （摘要）).
_RUN_IN_TITLE = recache.compile(r"[^\s，,。；;：:]{2,60}?报告(?:[（(][^（）()]{1,12}[）)])?")
# A title run in at the start of the text's first line, blanks allowed inside
# (某街 2025 年法治政府建设情况报告), then the body's opening words: a year, or
# 今年以来/一年来…, and its comma (2025 年，在区委……).
_RUN_IN_TITLE_BARE = recache.compile(r"[^\s，,。；;：:！!？?、“”《》][^，,。；;：:！!？?、“”《》]{1,59}?报告"
                                     r"(?:[（(][^（）()]{1,12}[）)])?(?=[ \t\u3000]*"
                                     r"(?:(?:19|20)[0-9][ \t\u3000]*[0-9][ \t\u3000]*年(?:度|以来)?|今年以来|一年来|"
                                     r"近年来|过去一年|本年度)[ \t\u3000]*[，,])")


def _run_in_title(doc: Document, line: Line, residue: Residue, first: bool) -> int:
    """A text whose first line begins with its title, run in before the body
    (a copy from a document-sharing site): after a site's watermark ending in
    its web address, or, on the text's first content line (first), with the
    body's opening words (2025年，……) right after it. Sets doc.title to the
    title's span of the line and returns where the body begins in it (0: no
    such title). The title must be whole: a reporting body, a year and
    法治……报告."""
    if line.kind is not LineKind.TEXT:
        return 0
    mark = residue.watermark.match(line.text) if residue.watermark is not None else None
    if mark is not None:
        start = mark.end()
        title = _RUN_IN_TITLE.match(line.text, start)
    elif first:
        start = 0
        title = _RUN_IN_TITLE_BARE.match(line.text)
    else:
        return 0
    if title is None or not _WHOLE_TITLE.match(words(title.group())):
        return 0
    rest = line.text[title.end():]
    if not rest.strip(BLANKS):
        return 0
    doc.title = [Line(line.number, LineKind.TEXT, title.group(), line.column + start)]
    return len(line.text) - len(rest.lstrip(BLANKS))


def _body(doc: Document, body: list[Line], skip: int = 0) -> None:
    """The preface and the heading tree; the first skip characters of the
    first line are not the body's (a title run in, _run_in_title)."""
    stack: list[Section] = []
    paragraphs = doc.preface  # where the paragraphs go: the preface, then the latest section's
    heading = LineKind.HEADING
    if skip and body:
        first = body[0]
        paragraphs.append(Paragraph(first.number, first.column + skip, first.text[skip:]))
        body = body[1:]
    for line in body:
        if line.kind is heading:
            level = line.marker.level if line.marker else min(max(line.atx, 1), 4)
            while stack and stack[-1].level >= level:
                stack.pop()
            section = Section(heading=line, level=level, parent=stack[-1] if stack else None)
            (stack[-1].children if stack else doc.sections).append(section)
            stack.append(section)
            paragraphs = section.paragraphs
            if line.body:
                paragraphs.append(Paragraph(line.number, line.body_column, line.body))
        else:
            paragraphs.append(Paragraph(line.number, line.column, line.text))
