"""Prose analysis shared by the FZ4 rules: sentences, clauses and figures.

A paragraph is split into sentences at 。！？；(and ASCII !?;) and into clauses
at ，, as well; a terminator inside a matched pair of quotes or brackets (“”
《》（） …) does not split. Figures are counts with a unit (187处, 1.1万余平方米,
近1500万元, 三次, 十余个), percentages (90.31%), dates (3月18日, 2023年1月) and
zero results (零新增). Not figures: a bare year (2022年), ordinals (第5次), codes
and hotlines without a unit (12319热线), names in short quotes (“4·8”, “1+N”,
“三个统一”), titles in 《》, and the fixed terms of rules/figures.yaml (四个意识,
八五普法, 一站式 …). All positions are 1-based columns on the paragraph's line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .model import Document, Paragraph

_OPEN = {"“": "quote", "‘": "single", "《": "title", "（": "paren", "(": "paren", "【": "square",
         "「": "corner", "〔": "tortoise", "[": "bracket"}
_CLOSE = {"”": "quote", "’": "single", "》": "title", "）": "paren", ")": "paren", "】": "square",
          "」": "corner", "〕": "tortoise", "]": "bracket"}
SENTENCE_ENDS = frozenset("。！？!?；;")
CLAUSE_ENDS = frozenset("，,")
_PAIR_MARKS = re.compile(r"[“”‘’《》（）()【】「」〔〕\[\]]")
_SENTENCE_MARKS = re.compile(r"[。！？!?；;“”‘’《》（）()【】「」〔〕\[\]]")
_CLAUSE_MARKS = re.compile(r"[，,“”‘’《》（）()【】「」〔〕\[\]]")


class Figure(NamedTuple):
    column: int
    end_column: int
    text: str
    kind: str  # count | percent | date | zero
    value: float | None = None  # counts and percentages
    unit: str = ""
    approx: str = ""  # "" exact | "lower" (余, 多, 超) | "about" (近, 约, 左右)


class Clause:
    __slots__ = ("column", "end_column", "text", "figures")

    def __init__(self, column: int, end_column: int, text: str, figures: list[Figure]):
        self.column, self.end_column, self.text, self.figures = column, end_column, text, figures


class Sentence:
    """A sentence of a paragraph; its clauses are made on first use."""

    __slots__ = ("line", "column", "end_column", "text", "figures", "_pairs", "_offset", "_clauses")

    def __init__(self, line: int, column: int, end_column: int, text: str, figures: list[Figure],
                 pairs: dict[int, int], offset: int):
        self.line, self.column, self.end_column, self.text, self.figures = line, column, end_column, text, figures
        self._pairs, self._offset, self._clauses = pairs, offset, None  # the paragraph's pairs, 0-based

    @property
    def clauses(self) -> list[Clause]:
        """The sentence's clauses (split at ，, outside quotes and brackets)."""
        if self._clauses is None:
            pairs = {i - self._offset: j - self._offset for i, j in self._pairs.items()
                     if self._offset <= i < self._offset + len(self.text)}
            self._clauses = []
            for start, end in cut(self.text, _CLAUSE_MARKS, CLAUSE_ENDS, pairs, keep_end=False):
                piece = self.text[start:end]
                lead = len(piece) - len(piece.lstrip())
                text = piece.strip().rstrip("。！？!?；;")  # the sentence's terminator is not the clause's
                column = self.column + start + lead
                end_column = column + len(text)
                figures = [f for f in self.figures if column <= f.column < end_column]
                self._clauses.append(Clause(column, end_column, text, figures))
        return self._clauses

    def clause_at(self, column: int) -> Clause | None:
        return next((c for c in self.clauses if c.column <= column < c.end_column), None)

    @property
    def is_item_head(self) -> bool:
        """A run-in item's head such as “一是强学习，提升法治意识。”: a heading, not a statement."""
        return len(self.text) <= ITEM_HEAD_MAX and bool(_ITEM_HEAD.match(self.text))


ITEM_HEAD_MAX = 20
_ITEM_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、])")


@dataclass
class Analysis:
    """A paragraph's sentences, and the spans that quotes and titles cover."""

    paragraph: Paragraph
    sentences: list[Sentence]
    quoted: list[tuple[int, int]]  # 0-based [start, end) of “…” and 《…》 with their marks
    _starts: list[int] | None = None

    def sentence_at(self, column: int) -> Sentence | None:
        if self._starts is None:
            self._starts = [s.column for s in self.sentences]
        i = bisect_right(self._starts, column) - 1
        if i >= 0 and column < self.sentences[i].end_column:
            return self.sentences[i]
        return None


def matched_pairs(text: str) -> dict[int, int]:
    """Opening index → closing index of each matched pair of quotes or brackets."""
    if not _PAIR_MARKS.search(text):
        return {}
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for m in _PAIR_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch in _OPEN:
            stack.append((_OPEN[ch], i))
        else:
            kind = _CLOSE[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == kind:
                    pairs[stack[k][1]] = i
                    del stack[k:]
                    break
    return pairs


def cut(text: str, marks: re.Pattern, ends: frozenset, pairs: dict[int, int], keep_end: bool = True):
    """Pieces of text (0-based start, end) cut at the `ends` found by `marks`, except
    inside a matched pair; a sentence keeps its terminator, a clause does not."""
    pieces = []
    start = 0
    until = -1
    for m in marks.finditer(text):
        i = m.start()
        if i <= until:
            continue
        if i in pairs:
            until = pairs[i]
        elif m.group() in ends:
            pieces.append((start, i + 1 if keep_end else i))
            start = i + 1
    if text[start:].strip():
        pieces.append((start, len(text)))
    return pieces


def literal_pattern(words) -> re.Pattern:
    """A pattern finding any of the words (longest first), guarded by their first
    characters so that the engine skips to candidates instead of trying every
    alternative at every position."""
    words = sorted(set(words), key=len, reverse=True)
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(f"(?=[{first}])(?:{'|'.join(re.escape(w) for w in words)})")


_CN_VALUE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_value(text: str) -> float | None:
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUE:
            current = _CN_VALUE[ch]
        elif ch in "十百千万":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000, "万": 10000}[ch]
            current = 0
        else:
            return None
    return float(total + current)


# Characters that, standing just before a Chinese numeral, make it no figure: an
# ordinal (第三次), a vague amount (数万人, 上千), a word (统一部署).
_NOT_BEFORE_CN = "第数几上统唯逐同之单专划合均万千百十一二两三四五六七八九"
# 一 as an article, not a count: 一项重要任务, 一个时期.
_ARTICLE_UNITS = "项个种条批支套类"
_PREFIXES = ("不少于", "不低于", "超过", "近", "约", "超", "逾")
_PREFIX_ENDS = frozenset(p[-1] for p in _PREFIXES)
_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, None: 1.0}


class FigureFinder:
    """Compiled from rules/figures.yaml: units, measure words and fixed terms.

    Every branch of the pattern starts with a character class or a literal, so
    that the regular expression engine skips to candidate characters; the
    checks on what stands before a number are made on the few matches.
    """

    def __init__(self, units: list[str], measure_words: list[str], fixed_terms: list[str], zero_results: list[str]):
        alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        self.fixed = literal_pattern(fixed_terms) if fixed_terms else None
        self.figure = re.compile(
            # The look-ahead lets the engine skip to candidate characters; the
            # look-behinds after it run only there.
            r"(?=[0-9一二两三四五六七八九十百千万零])(?:"
            r"(?<![0-9])(?P<date>[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日"
            r"|[0-9]{1,2}月(?![0-9])(?:份|底|初|中旬|上旬|下旬)?)"
            r"|(?<![第.．0-9A-Za-z])(?!(?:19|20)[0-9]{2}年)"  # not an ordinal or code; 2022年 is a year
            r"(?P<num>[0-9]+(?:[.．][0-9]+)?)(?P<mult>[万亿千])?(?P<post>余|多)?"
            rf"(?:(?P<pct>[%％‰])|(?P<unit>{alt(units)}))(?P<about>左右)?"
            rf"|(?<![{_NOT_BEFORE_CN}])(?!一(?:{'|'.join(_ARTICLE_UNITS)}))"
            rf"(?P<cnum>[一二两三四五六七八九十百千万]+)(?P<cpost>余|多)?(?P<cunit>{alt(measure_words)})"
            rf"|(?P<zero>零(?:{alt(zero_results)})))"
        )

    def _blanked(self, text: str, quoted) -> tuple[list[int], list[int]]:
        """Spans whose numerals are names, not figures (fixed terms, titles, short
        quotes), merged and sorted: (starts, ends)."""
        spans = [m.span() for m in self.fixed.finditer(text)] if self.fixed else []
        for start, end, kind in quoted:
            if kind == "title" or (end - start - 2 <= 8 and "零" not in text[start:end]):
                spans.append((start, end))
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if ends and start < ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return starts, ends

    def find(self, text: str, column: int, quoted) -> list[Figure]:
        figures = []
        blanked = None
        for m in self.figure.finditer(text):
            date, num, mult, post, pct, unit, about, cnum, cpost, cunit, zero = m.groups()
            start, end = m.span()
            if num:
                prefix = ""
                if start and text[start - 1] in _PREFIX_ENDS:
                    prefix = next((p for p in _PREFIXES if text.startswith(p, start - len(p))), "")
                    start -= len(prefix)
                value = float(num.replace("．", ".")) * _MULTIPLIERS[mult]
                approx = "about" if prefix in ("近", "约") or about else ("lower" if prefix or post else "")
                figure = Figure(column + start, column + end, text[start:end], "percent" if pct else "count",
                                value, unit or "", approx)
            elif cnum:
                figure = Figure(column + start, column + end, m.group(), "count", _cn_value(cnum), cunit,
                                "lower" if cpost else "")
            elif date:
                figure = Figure(column + start, column + end, date, "date")
            else:
                figure = Figure(column + start, column + end, zero, "zero", 0.0)
            if blanked is None:
                blanked = self._blanked(text, quoted)
            i = bisect_right(blanked[0], start) - 1  # the blanked span starting at or before the figure
            if (i >= 0 and blanked[1][i] > start) or (i + 1 < len(blanked[0]) and blanked[0][i + 1] < end):
                continue
            figures.append(figure)
        return figures


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """0-based [start, end) of the matched “…” and 《…》 in text, marks included."""
    return [(s, e + 1) for s, e in matched_pairs(text).items() if text[s] in "“《"]


_CLAUSE_BREAKS = "，,；;。！？!?"
_CLAUSE_BREAK = re.compile(f"[{_CLAUSE_BREAKS}]")


def clause_bounds(text: str, index: int) -> tuple[int, int]:
    """The 0-based [start, end) of the clause around index: from the punctuation
    mark before it to the one after it (quotes are not considered)."""
    left = max(text.rfind(c, 0, index) for c in _CLAUSE_BREAKS) + 1
    m = _CLAUSE_BREAK.search(text, index)
    return left, m.start() if m else len(text)


def analyse(doc: Document, paragraph: Paragraph, finder: FigureFinder) -> Analysis:
    """The paragraph's sentences with their figures; cached on the document."""
    key = ("prose", paragraph.line, paragraph.column)
    cached = doc.derived.get(key)
    if cached is not None:
        return cached
    text, column = paragraph.text, paragraph.column
    pairs = matched_pairs(text)
    quoted = [(s, e + 1, _OPEN[text[s]]) for s, e in pairs.items() if text[s] in "“《"]
    figures = finder.find(text, column, quoted)
    sentences = []
    fi, nfig = 0, len(figures)
    for start, end in cut(text, _SENTENCE_MARKS, SENTENCE_ENDS, pairs):
        while text[start] in " \t\u3000\xa0":
            start += 1
        first = fi
        while fi < nfig and figures[fi].column < column + end:
            fi += 1
        sentences.append(Sentence(paragraph.line, column + start, column + end, text[start:end],
                                  figures[first:fi], pairs, start))
    analysis = Analysis(paragraph, sentences, [(s, e) for s, e, _ in quoted])
    doc.derived[key] = analysis
    return analysis


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """Every paragraph of the body: the preface, then each part's, in order."""
    key = ("body",)
    if key not in doc.derived:
        doc.derived[key] = list(doc.preface) + [p for part in doc.sections for p in part.all_paragraphs()]
    return doc.derived[key]


def sentences_of(doc: Document, paragraphs, finder: FigureFinder):
    """The sentences of the paragraphs that state something (not run-in item heads)."""
    for paragraph in paragraphs:
        for sentence in analyse(doc, paragraph, finder).sentences:
            if not sentence.is_item_head:
                yield sentence


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the 0-based spans."""
    return any(s <= start and end <= e for s, e in spans)


def paragraphs_of(doc: Document, roles) -> list[Paragraph]:
    """The paragraphs of the parts with the given roles, in document order, less a
    closing paragraph that carries another role in passing (下一步，……)."""
    key = ("roles", *sorted(roles))
    if key not in doc.derived:
        closing = {(m.line, m.column) for m in doc.mentions if m.how == "closing-paragraph"}
        doc.derived[key] = [p for part in doc.sections if part.role in roles for p in part.all_paragraphs()
                            if (p.line, p.column) not in closing]
    return doc.derived[key]
