"""Prose analysis shared by the FZ4 rules: sentences, clauses and figures.

A ProseText is the paragraphs a rule looks at (a role's parts, the whole body,
one plan item), joined into one string with a line break between paragraphs
and indexed on first use: where sentences end, where figures start, which
spans are quoted. Sentences end at 。！？；(and ASCII !?;) and at the end of a
paragraph; clauses also at ，, . A terminator inside a matched pair of quotes
or brackets (“” 《》 （） …) does not split. The indexes are flat lists found
with a few regular-expression scans, and sentence, clause and figure details
are made only for the places a rule inspects: a linter runs on every commit.

Figures are counts with a unit (187处, 1.1万余平方米, 近1500万元, 三次, 十余个),
percentages (90.31%), dates (3月18日, 2023年1月) and zero results (零新增). Not
figures: a bare year (2022年), ordinals (第5次), codes without a unit (12319热线),
names in short quotes (“4·8”, “1+N”, “三个统一”), titles in 《》, and the fixed
terms of rules/figures.yaml (四个意识, 八五普法, 一站式 …).

Positions here are 0-based indexes into ProseText.text; locate() turns one
into the (line, column) of the draft.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from .model import Document, Paragraph

_OPEN = {"“": "quote", "‘": "single", "《": "title", "（": "paren", "(": "paren", "【": "square",
         "「": "corner", "〔": "tortoise", "[": "bracket"}
_CLOSE = {"”": "quote", "’": "single", "》": "title", "）": "paren", ")": "paren", "】": "square",
          "」": "corner", "〕": "tortoise", "]": "bracket"}
SENTENCE_ENDS = frozenset("。！？!?；;\n")
CLAUSE_ENDS = frozenset("，,")
_PAIR_MARKS = re.compile(r"[“”‘’《》（）()【】「」〔〕\[\]\n]")
_SENTENCE_MARKS = re.compile(r"[。！？!?；;\n“”‘’《》（）()【】「」〔〕\[\]]")
_CLAUSE_MARKS = re.compile(r"[，,“”‘’《》（）()【】「」〔〕\[\]]")
# A sentence, leading spaces left out: text up to and including a terminator, or
# up to a line break (a paragraph's end).
_SENTENCE = re.compile(r"[ \t\u3000\xa0]*([^。！？!?；;\n \t\u3000\xa0][^。！？!?；;\n]*[。！？!?；;]?|[。！？!?；;])")
# A terminator after an opening mark with no closing mark between: only then can
# a terminator stand inside a pair, and the slower pair-aware cut is needed.
_END_AFTER_OPENING = re.compile(r"[“‘《（(【「〔\[][^”’》）)】」〕\]\n]*?[。！？!?；;]")
_QUOTED = re.compile(r"“[^“”\n]*”|《[^《》\n]*》")
_SPACE = " \t\u3000\xa0"
ITEM_HEAD_MAX = 20
_ITEM_HEAD = re.compile(r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、])")


class Figure(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # count | percent | date | zero
    value: float | None = None  # counts and percentages
    unit: str = ""
    approx: str = ""  # "" exact | "lower" (余, 多, 超) | "about" (近, 约, 左右)


def matched_pairs(text: str) -> dict[int, int]:
    """Opening index → closing index of each matched pair of quotes or brackets
    (pairs do not run across a line break)."""
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for m in _PAIR_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            stack.clear()
        elif ch in _OPEN:
            stack.append((_OPEN[ch], i))
        else:
            kind = _CLOSE[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == kind:
                    pairs[stack[k][1]] = i
                    del stack[k:]
                    break
    return pairs


def cut(text: str, marks: re.Pattern, ends: frozenset, pairs: dict[int, int],
        keep_end: bool = True) -> list[tuple[int, int]]:
    """Pieces of text cut at the `ends` found by `marks`, except inside a matched
    pair; a sentence keeps its terminator, a clause does not."""
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
    pieces.append((start, len(text)))
    return pieces


def _trimmed(text: str, pieces, offset: int, tail: str) -> list[tuple[int, int]]:
    """The pieces (shifted by offset) without leading spaces and trailing `tail`
    characters; empty ones dropped."""
    out = []
    for s, e in pieces:
        s, e = s + offset, e + offset
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in tail:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _trie(words: list[str]) -> str:
    """The words as a regular expression shaped like a trie (显著(?:提升|提高)|明显…),
    longest first, so that at each place only the branch that fits is tried."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "|".join(re.escape(ch) + build(child) for ch, child in sorted(tree.items()))


def literal_pattern(words) -> re.Pattern:
    """A pattern finding any of the words, the longest where several start at one
    place. It is a trie of literals: the engine then skips ahead to the words'
    first characters by itself and tries only the branch that fits (a flat
    alternation tries every word; a pattern that starts with a group, a class or
    an assertion is tried at every position)."""
    return re.compile(_trie(sorted(set(words))))


try:  # the re module's own parser, to read the literal words a pattern starts with
    from re import _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.9, 3.10
    import sre_parse as _sre_parse

_MAX_PREFIXES = 400


def _prefixes(items) -> tuple[set[str], bool]:
    """(the literal texts that every match of a parsed sequence starts with,
    whether the sequence is nothing but those texts)."""
    out = {""}
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out = {p + chr(av) for p in out}
            continue
        if name == "SUBPATTERN":
            inner, closed = _prefixes(av[-1])
        elif name == "BRANCH":
            inner, closed = set(), True
            for branch in av[1]:
                found, whole = _prefixes(branch)
                inner |= found
                closed = closed and whole
        elif name == "IN" and all(str(o) == "LITERAL" for o, _ in av):  # (a|b) parsed as [ab]
            inner, closed = {chr(a) for _, a in av}, True
        else:
            return out, False
        if "" in inner or len(out) * len(inner) > _MAX_PREFIXES:
            return out, False
        out = {p + a for p in out for a in inner}
        if not closed:
            return out, False
    return out, True


class Lexicon:
    """Regular expressions that each begin with a word (or an alternation of
    words), searched fast: the words are found first, with one guarded
    alternation that reports overlapping places too, and the full expressions
    are tried only there. Without this, an alternation of expressions is tried
    at every position of the text."""

    def __init__(self, patterns: list[str]):
        self.full = re.compile("|".join(f"(?:{p})" for p in patterns))
        prefixes: set[str] = set()
        for i, pattern in enumerate(patterns):
            found = _prefixes(_sre_parse.parse(pattern))[0]
            if "" in found:
                raise ValueError(f"[{i}]: {pattern!r} must begin with a word or an alternation of words")
            prefixes |= found
        self.words = literal_pattern(prefixes)
        # The same words as zero-width look-aheads: every place, overlaps included.
        self.places = re.compile(f"(?=(?:{self.words.pattern}))")

    def candidates(self, text: str, pos: int = 0, endpos: int | None = None):
        """Places where a match may begin (a fast scan; a word overlapping one
        already found is not reported, which is why search() looks again)."""
        for m in self.words.finditer(text, pos, len(text) if endpos is None else endpos):
            yield m.start()

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match within text[pos:endpos] ($ matches at endpos), or None;
        exact: every place a word begins is tried."""
        endpos = len(text) if endpos is None else endpos
        for place in self.places.finditer(text, pos, endpos):
            m = self.full.match(text, place.start(), endpos)
            if m:
                return m
        return None


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
    """Compiled from rules/figures.yaml: units, measure words and fixed terms."""

    def __init__(self, units: list[str], measure_words: list[str], fixed_terms: list[str], zero_results: list[str]):
        alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        self.fixed = literal_pattern(fixed_terms) if fixed_terms else None
        self.fixed_width = max((len(t) for t in fixed_terms), default=0)
        self.figure = re.compile(
            # The look-ahead lets the engine skip to candidate characters; the
            # look-behinds after it run only there.
            r"(?=[0-9一二两三四五六七八九十百千万零])(?:"
            r"(?<![0-9])(?P<date>[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日"
            r"|[0-9]{1,2}月(?![0-9])(?:份|底|初|中旬|上旬|下旬)?)"
            r"|(?<![第.．0-9A-Za-z])(?!(?:19|20)[0-9]{2}年)"  # not an ordinal or a code; 2022年 is a year
            r"(?P<num>[0-9]+(?:[.．][0-9]+)?)(?P<mult>[万亿千])?(?P<post>余|多)?"
            rf"(?:(?P<pct>[%％‰])|(?P<unit>{alt(units)}))(?P<about>左右)?"
            rf"|(?<![{_NOT_BEFORE_CN}])(?!一(?:{'|'.join(_ARTICLE_UNITS)}))"
            rf"(?P<cnum>[一二两三四五六七八九十百千万]+)(?P<cpost>余|多)?(?P<cunit>{alt(measure_words)})"
            rf"|(?P<zero>零(?:{alt(zero_results)})))"
        )

    def _is_name(self, text: str, start: int, end: int, quoted_starts, quoted_ends) -> bool:
        """Whether the numeral at text[start:end] belongs to a name, not a figure:
        inside 《》, inside a short quote (but 零…), or part of a fixed term."""
        i = bisect_right(quoted_starts, start) - 1
        if i >= 0 and quoted_ends[i] >= end:
            q0, q1 = quoted_starts[i], quoted_ends[i]
            if text[q0] == "《" or (q1 - q0 - 2 <= 8 and "零" not in text[q0:q1]):
                return True
        if self.fixed is not None and not text[start].isdigit():  # fixed terms hold Chinese numerals
            for m in self.fixed.finditer(text, max(0, start - self.fixed_width), end + self.fixed_width):
                if m.start() < end and start < m.end():
                    return True
        return False

    def starts(self, text: str, quoted) -> list[int]:
        """Where the figures of text start (only the places)."""
        q_starts, q_ends = [q[0] for q in quoted], [q[1] for q in quoted]
        return [m.start() for m in self.figure.finditer(text)
                if not self._is_name(text, m.start(), m.end(), q_starts, q_ends)]

    def find(self, text: str, start: int, end: int, quoted) -> list[Figure]:
        """The figures of text[start:end], with their values."""
        q_starts, q_ends = [q[0] for q in quoted], [q[1] for q in quoted]
        figures = []
        for m in self.figure.finditer(text, start, end):
            date, num, mult, post, pct, unit, about, cnum, cpost, cunit, zero = m.groups()
            s, e = m.span()
            if self._is_name(text, s, e, q_starts, q_ends):
                continue
            if num:
                prefix = ""
                if s and text[s - 1] in _PREFIX_ENDS:
                    prefix = next((p for p in _PREFIXES if text.startswith(p, s - len(p))), "")
                s -= len(prefix)
                value = float(num.replace("．", ".")) * _MULTIPLIERS[mult]
                approx = "about" if prefix in ("近", "约") or about else ("lower" if prefix or post else "")
                figures.append(Figure(s, e, text[s:e], "percent" if pct else "count", value, unit or "", approx))
            elif cnum:
                figures.append(Figure(s, e, m.group(), "count", _cn_value(cnum), cunit, "lower" if cpost else ""))
            elif date:
                figures.append(Figure(s, e, date, "date"))
            else:
                figures.append(Figure(s, e, zero, "zero", 0.0))
        return figures


class ProseText:
    """Paragraphs joined into one text, indexed on first use for the FZ4 rules."""

    def __init__(self, paragraphs: list[Paragraph], finder: FigureFinder):
        self.paragraphs = paragraphs
        self.finder = finder
        self.text = "\n".join(p.text for p in paragraphs)
        self.offsets = []
        offset = 0
        for p in paragraphs:
            self.offsets.append(offset)
            offset += len(p.text) + 1
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] | None = None
        self._quoted: list[tuple[int, int]] | None = None
        self._figure_starts: list[int] | None = None
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._index: dict[int, int] | None = None

    def span_of(self, paragraph: Paragraph) -> tuple[int, int]:
        """The [start, end) of one of the paragraphs in the text."""
        if self._index is None:
            self._index = {id(p): i for i, p in enumerate(self.paragraphs)}
        i = self._index[id(paragraph)]
        return self.offsets[i], self.offsets[i] + len(paragraph.text)

    def locate(self, index: int) -> tuple[int, int]:
        """The (line, column) in the draft of a text index."""
        i = bisect_right(self.offsets, index) - 1
        paragraph = self.paragraphs[i]
        return paragraph.line, paragraph.column + index - self.offsets[i]

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """[start, end) of each “…” and 《…》, marks included."""
        if self._quoted is None:
            text = self.text
            self._quoted = [m.span() for m in _QUOTED.finditer(text)] if ("“" in text or "《" in text) else []
        return self._quoted

    def inside_quotes(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quoted)

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) of each sentence, terminator kept, leading spaces left out."""
        if self._sentences is None:
            text = self.text
            if _END_AFTER_OPENING.search(text):  # a terminator may stand inside a pair
                pieces = cut(text, _SENTENCE_MARKS, SENTENCE_ENDS, matched_pairs(text))
                sentences = _trimmed(text, pieces, 0, "\n")
            else:
                sentences = [m.span(1) for m in _SENTENCE.finditer(text)]
            self._sentences = sentences
        return self._sentences

    def sentence_at(self, index: int) -> tuple[int, int] | None:
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in self.sentences]
        i = bisect_right(self._sentence_starts, index) - 1
        if i >= 0 and index < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def is_item_head(self, start: int, end: int) -> bool:
        """A run-in item's head such as “一是强学习，提升法治意识。”: a heading, not a statement."""
        return end - start <= ITEM_HEAD_MAX and _ITEM_HEAD.match(self.text, start) is not None

    def sentences_in(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that begin within the (sorted) spans."""
        return [s for s in self.sentences if within(spans, s[0])]

    def statements(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences within the spans that state something: all but run-in item heads."""
        return [s for s in self.sentences_in(spans) if not self.is_item_head(*s)]

    @property
    def figure_starts(self) -> list[int]:
        """Where each figure starts."""
        if self._figure_starts is None:
            self._figure_starts = self.finder.starts(self.text, self.quoted)
        return self._figure_starts

    def has_figure(self, start: int, end: int) -> bool:
        starts = self.figure_starts
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def figures(self, start: int, end: int) -> list[Figure]:
        """The figures of text[start:end], with their values."""
        if not self.has_figure(start, end):
            return []
        return self.finder.find(self.text, start, end, self.quoted)

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) of the clauses of the sentence text[start:end] (split at ，,
        outside quotes and brackets), trimmed, terminators left out."""
        if start in self._clauses:
            return self._clauses[start]
        sentence = self.text[start:end]
        pieces = cut(sentence, _CLAUSE_MARKS, CLAUSE_ENDS, matched_pairs(sentence), keep_end=False)
        self._clauses[start] = _trimmed(self.text, pieces, start, "。！？!?；;" + _SPACE)
        return self._clauses[start]

    def clause_at(self, index: int) -> tuple[int, int] | None:
        sentence = self.sentence_at(index)
        if sentence is None:
            return None
        return next(((s, e) for s, e in self.clauses(*sentence) if s <= index < e), None)


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """Every paragraph of the body: the preface, then each part's, in order."""
    return list(doc.preface) + [p for part in doc.sections for p in part.all_paragraphs()]


def paragraphs_of(doc: Document, roles) -> list[Paragraph]:
    """The paragraphs of the parts with the given roles, in document order, less a
    closing paragraph that carries another role in passing (下一步，……)."""
    closing = {(m.line, m.column) for m in doc.mentions if m.how == "closing-paragraph"}
    return [p for part in doc.sections if part.role in roles for p in part.all_paragraphs()
            if (p.line, p.column) not in closing]


def of_body(doc: Document, finder: FigureFinder) -> ProseText:
    """The ProseText of the whole body, made once per document."""
    if "prose" not in doc.derived:
        doc.derived["prose"] = ProseText(body_paragraphs(doc), finder)
    return doc.derived["prose"]


def spans_of(doc: Document, roles, finder: FigureFinder) -> tuple[ProseText, list[tuple[int, int]]]:
    """The body's ProseText and the [start, end) of the paragraphs of the parts
    with the given roles (less a closing paragraph carrying another role)."""
    pt = of_body(doc, finder)
    key = ("spans", *sorted(roles))
    if key not in doc.derived:
        doc.derived[key] = [pt.span_of(p) for p in paragraphs_of(doc, set(roles))]
    return pt, doc.derived[key]


def within(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether a text index lies in one of the (sorted) spans."""
    i = bisect_right(spans, (index, float("inf"))) - 1
    return i >= 0 and index < spans[i][1]
