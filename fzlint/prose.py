"""Prose analysis shared by the FZ4 rules: sentences, clauses and figures.

A ProseText is the paragraphs a rule looks at (a role's parts, the whole body,
one plan item), joined into one string with a line break between paragraphs
and indexed on first use: where sentences end, where figures start, which
spans are quoted. Sentences end at 。！？；(and ASCII !?;) and at the end of a
paragraph; clauses also at ，, . A terminator inside a pair of quotes or
brackets (“” 《》 （） …: an opening mark and the nearest closing mark of its
kind on the same line) does not split. The indexes are flat lists, each found
with one regular-expression scan that begins with a literal or a character
class (so the engine skips ahead by itself; a pattern that begins with a group
or an assertion is tried at every position, several times slower), and
clause and figure details are made only for the places a rule inspects: a
linter runs on every commit. A rule's own pattern that the engine would try at
every position (one beginning with a look-behind or a repeat) is searched
through its first characters instead (searcher()).

Figures are counts with a unit (187处, 1.1万余平方米, 近1500万元, 三次, 十余个),
percentages (90.31%), dates (3月18日, 2023年1月) and zero results (零新增). Not
figures: a bare year (2022年), ordinals (第5次), codes without a unit (12319热线),
names in short quotes (“4·8”, “1+N”, “三个统一”), titles in 《》, and the fixed
terms of rules/figures.yaml (四个意识, 八五普法, 一站式 …).

Positions here are 0-based indexes into ProseText.text; locate() turns one
into the (line, column) of the draft.
"""

from __future__ import annotations
from . import recache

import operator
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from .model import Document, Paragraph

# A pair of quotes or brackets: an opening mark and the nearest closing mark of
# its kind on the same line (pairs of one kind are not nested in report prose).
_PAIRS = (r"“[^”\n]*”|‘[^’\n]*’|《[^》\n]*》|（[^）\n]*）|\([^)\n]*\)|【[^】\n]*】|「[^」\n]*」"
          r"|〔[^〕\n]*〕|\[[^\]\n]*\]")
_OPENING = "“‘《（(【「〔["
_CLOSING = "”’》）)】」〕]"
_SPACE = " \t\u3000\xa0"
# What an opening mark without its closing mark becomes in the text the sentence
# and clause patterns scan (paired_only): a character that is no mark.
_NEUTRAL = "\ue000"


def paired_only(text: str) -> str:
    """text with each opening mark that has no closing mark of its kind after it
    on its line replaced by _NEUTRAL (same length, so the same indexes). At
    such a mark the pair alternatives of _run read to the end of the line and
    fail, and the mark counts as an ordinary character: the patterns find the
    same spans in either text, but on the original a line of thousands of
    unclosed marks (《《《…) costs time quadratic in their number."""
    lines = None
    for opening, closing in zip(_OPENING, _CLOSING):
        if opening not in text:
            continue
        if lines is None:
            lines = text.split("\n")
        for i, line in enumerate(lines):
            last = line.rfind(opening)
            if last >= 0 and line.find(closing, last) < 0:  # openings after the line's last closing mark
                k = line.rfind(closing, 0, last) + 1
                lines[i] = line[:k] + line[k:].replace(opening, _NEUTRAL)
    return text if lines is None else "\n".join(lines)


def _run(ends: str, lead: str = "") -> str:
    """A run of text up to one of `ends` (not including it) that does not begin
    with one of `lead`. A matched pair counts as one unit, so a terminator inside
    it does not end the run; an opening mark without its closing mark is an
    ordinary character. Plain text is matched as one repeat, which keeps the
    scan fast."""
    stop = f"{ends}\\n{re.escape(_OPENING)}"
    unit = f"[^{stop}]+|{_PAIRS}|[{re.escape(_OPENING)}]"
    first = f"[^{stop}{lead}][^{stop}]*|{_PAIRS}|[{re.escape(_OPENING)}]"
    return f"(?:{first})(?:{unit})*"


_ENDS = "。！？!?；;"
# A sentence, leading spaces left out: text up to and including a terminator (not
# one inside a pair), or up to a line break (a paragraph's end). No match begins
# with a space, so the scan passes leading spaces by itself.
_SENTENCE = recache.compile(f"{_run(_ENDS, _SPACE)}[{_ENDS}]?|[{_ENDS}]")
# A clause: text up to ，or , (not one inside a pair).
_CLAUSE = recache.compile(_run("，,"))
_CLAUSE_TAIL = _ENDS + _SPACE
_QUOTES = recache.compile(r"“[^“”\n]*”")
_TITLES = recache.compile(r"《[^《》\n]*》")
ITEM_HEAD_MAX = 20
_ITEM_HEAD = recache.compile(r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、])")


class Figure(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # count | percent | date | zero
    value: float | None = None  # counts and percentages
    unit: str = ""
    approx: str = ""  # "" exact | "lower" (余, 多, 超) | "about" (近, 约, 左右)


def _trie(words: list[str], embedded: bool = False) -> str:
    """The words as a regular expression shaped like a trie (显著(?:提升|提高)|明显…),
    longest first, so that at each place only the branch that fits is tried.
    `embedded`: for a trie inside a larger pattern (after its first character),
    whose top level may be a class too."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict) -> list[str]:
        # The characters that end a word and lead nowhere else are one class: the
        # branches start with distinct characters, so their order does not
        # matter, and a class is one test where a branch each is one.
        leaves = [re.escape(ch) for ch, child in sorted(node.items()) if ch and not child.keys() - {""}]
        out = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch and child.keys() - {""}]
        if leaves:
            out.insert(0, leaves[0] if len(leaves) == 1 else "[" + "".join(leaves) + "]")
        return out

    def build(node: dict) -> str:
        below = branches(node)
        if not below:
            return ""
        body = below[0] if len(below) == 1 else "(?:" + "|".join(below) + ")"
        return f"(?:{body})?" if "" in node else body

    if embedded:
        return "|".join(branches(tree))
    # At the top every branch begins with its literal, so that the engine skips
    # ahead to the words' first characters (it does not for a class among them).
    return "|".join(re.escape(ch) + build(child) for ch, child in sorted(tree.items()))


def literal_pattern(words) -> re.Pattern:
    """A pattern finding any of the words, the longest where several start at one
    place. It is a trie of literals: the engine then skips ahead to the words'
    first characters by itself and tries only the branch that fits (a flat
    alternation tries every word; a pattern that starts with a group, a class or
    an assertion is tried at every position)."""
    return recache.compile(recache.remembered(_trie, tuple(sorted(set(words)))))


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
        self.full = recache.compile("|".join(f"(?:{p})" for p in patterns))
        prefixes: set[str] = set()
        for i, pattern in enumerate(patterns):
            found = recache.analysed(_prefixes, pattern)[0]
            if "" in found:
                raise ValueError(f"[{i}]: {pattern!r} must begin with a word or an alternation of words")
            prefixes |= found
        self.words = literal_pattern(prefixes)

    def candidates(self, text: str, pos: int = 0, endpos: int | None = None):
        """Places where a match may begin (a fast scan; a word overlapping one
        already found is not reported, which is why search() looks again)."""
        for m in self.words.finditer(text, pos, len(text) if endpos is None else endpos):
            yield m.start()

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match within text[pos:endpos] ($ matches at endpos), or None;
        exact: every place a word begins is tried, the next searched for from
        the character after the last (words may overlap). (A zero-width
        look-ahead of the words, (?=…), finds the same places, but is tried at
        every position: three times slower than the words' own search.)"""
        endpos = len(text) if endpos is None else endpos
        word, match = self.words.search, self.full.match
        while True:
            place = word(text, pos, endpos)
            if place is None:
                return None
            m = match(text, place.start(), endpos)
            if m:
                return m
            pos = place.start() + 1


_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _first_chars(items) -> set[str] | None:
    """Class items (a character or a range, escaped) that the first character
    of every match of a parsed sequence belongs to; None when the sequence may
    match the empty string, or when that is not plainly known. A look-around or
    an anchor before the first character consumes nothing, and is left out; an
    optional part (x?, x*) adds its first characters to those of what follows."""
    items = list(items)
    for i, (op, av) in enumerate(items):
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return {re.escape(chr(av))}
        if name == "IN":
            if not all(str(o) in ("LITERAL", "RANGE") for o, _ in av):  # a negated class, \d, \w …
                return None
            return {re.escape(chr(a)) if str(o) == "LITERAL" else f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}"
                    for o, a in av}
        if name == "SUBPATTERN":
            return None if av[1] or av[2] else _first_chars(av[-1])  # no local flags ((?i:…))
        if name == "BRANCH":
            out: set[str] = set()
            for branch in av[1]:
                found = _first_chars(branch)
                if found is None:
                    return None
                out |= found
            return out
        if name in _REPEATS:
            first = _first_chars(av[2])
            if av[0] >= 1 or first is None:
                return first
            rest = _first_chars(items[i + 1:])  # the part may be left out
            return None if rest is None else first | rest
        return None
    return None


class Searcher:
    """A pattern searched through the characters its matches can begin with.

    A pattern that begins with a class or a repeat ([0-9]{1,2}月), with a
    look-behind ((?<!增长)率) or with alternatives that do not all begin with a
    literal is tried by the engine at every position of the text (some 40 ns a
    character). Here a class of the first characters is scanned for instead (a
    few ns a character) and the pattern is tried only where one stands; the
    matches are the pattern's own. search, finditer and match take the
    arguments of re.Pattern's."""

    def __init__(self, pattern: re.Pattern, first: str):
        self.full = pattern
        self.pattern = pattern.pattern
        self.first = recache.compile(f"[{first}]")

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        match = self.full.match
        for place in self.first.finditer(string, pos, endpos):
            m = match(string, place.start(), endpos)
            if m:
                return m
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        endpos = len(string) if endpos is None else endpos
        match, first = self.full.match, self.first.search
        while True:
            place = first(string, pos, endpos)
            if place is None:
                return
            m = match(string, place.start(), endpos)
            if m:  # never empty: every match has a first character
                yield m
                pos = m.end()
            else:
                pos = place.start() + 1

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return self.full.match(string, pos, len(string) if endpos is None else endpos)


def _skips_ahead(items) -> bool:
    """Whether the engine skips ahead by itself to where a parsed pattern may
    match: it does when the pattern (inside its groups) begins with a literal,
    a class, or alternatives that each begin with a literal."""
    while len(items) and str(items[0][0]) == "SUBPATTERN":
        items = items[0][1][-1]
    if not len(items):
        return False
    op, av = items[0]
    if str(op) in ("LITERAL", "IN"):
        return True
    return str(op) == "BRANCH" and all(len(b) and str(b[0][0]) == "LITERAL" for b in av[1])


def required_chars(items) -> frozenset[str] | None:
    """Characters of which every match of a parsed sequence contains at least
    one (the fewest such that the sequence plainly requires: a literal, a class
    of literals, one of each branch's), or None. A line without any of them
    cannot match, which a look-ahead scan tells faster than the pattern."""
    best: frozenset[str] | None = None
    for op, av in items:
        name, found = str(op), None
        if name == "LITERAL":
            found = frozenset(chr(av))
        elif name == "IN":
            if all(str(o) == "LITERAL" for o, _ in av):  # no range, category or negation
                found = frozenset(chr(a) for _, a in av)
        elif name == "SUBPATTERN":
            found = None if av[1] or av[2] else required_chars(av[-1])  # no local flags ((?i:…))
        elif name == "BRANCH":
            branches = [required_chars(b) for b in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif name in _REPEATS and av[0] >= 1:
            found = required_chars(av[2])
        if found and (best is None or len(found) < len(best)):
            best = found
    return best


def _plain_first_chars(parsed) -> set[str] | None:
    """_first_chars of a pattern the engine would try at every position (None
    for one that skips ahead by itself)."""
    return None if _skips_ahead(parsed) else _first_chars(parsed)


def searcher(pattern):
    """A Searcher for a pattern (a string or compiled) that the engine would
    try at every position and whose matches begin with plainly known
    characters, else the compiled pattern itself: either has search, finditer
    and match."""
    compiled = pattern if isinstance(pattern, re.Pattern) else recache.compile(pattern)
    if compiled.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(compiled.pattern, str):
        return compiled
    first = recache.analysed(_plain_first_chars, compiled.pattern, compiled.flags)
    return Searcher(compiled, "".join(sorted(first))) if first else compiled


def wording_searcher(patterns: list[str]):
    """One pattern for any of several regular expressions, searched through
    the characters their matches can begin with (a Searcher) when each
    one's are known: the engine tries an alternation of many patterns at
    every position, several times slower than scanning for a class."""
    compiled = recache.compile("|".join(f"(?:{p})" for p in patterns))
    first: set[str] = set()
    for p in patterns:
        chars = recache.analysed(_first_chars, p)
        if not chars:
            return compiled
        first |= chars
    return Searcher(compiled, "".join(sorted(first)))


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
# ordinal (第三次), a vague amount (数万人, 上千), a word (统一部署), a digit (5万人
# is one Arabic figure).
_NOT_BEFORE_CN = frozenset("第数几上统唯逐同之单专划合均万千百十一二两三四五六七八九0123456789")
# 一 as an article, not a count: 一项重要任务, 一个时期.
_ARTICLE_UNITS = frozenset("项个种条批支套类")
# Before an Arabic number: an ordinal (第5次), a decimal's tail, a code (A12).
_NOT_BEFORE_ARABIC = frozenset("第.．0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_YEAR = recache.compile(r"(?:19|20)[0-9]{2}年")
_PREFIXES = ("不少于", "不低于", "超过", "近", "约", "超", "逾")
_PREFIX_ENDS = frozenset(p[-1] for p in _PREFIXES)
_START = operator.methodcaller("start")
_CN_NUMERALS = "一二两三四五六七八九十百千万"
_ARABIC_RUN = recache.compile("[0-9]+")
_CN_RUN = recache.compile(f"[{_CN_NUMERALS}]+")
# A run this long makes FigureFinder._runs read the runs one by one; shorter
# runs cost the engine at most this many numerals read per numeral. Written as
# one numeral then LONG_RUN - 1 more, not [0-9]{8}: a pattern that opens with a
# class (not a repeat) lets the engine skip ahead to a numeral in C, twice as fast.
LONG_RUN = 8
_LONG_ARABIC_RUN = recache.compile(f"[0-9][0-9]{{{LONG_RUN - 1}}}")
_LONG_CN_RUN = recache.compile(f"[{_CN_NUMERALS}][{_CN_NUMERALS}]{{{LONG_RUN - 1}}}")
_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, None: 1.0}


class FigureFinder:
    """Compiled from rules/figures.yaml: units, measure words and fixed terms.

    Each of the three patterns begins with a character class or a literal, so
    that the engine skips ahead to candidate characters by itself; what a
    look-behind would check (the character before) is checked on the few
    matches instead, which is several times faster."""

    def __init__(self, units: list[str], measure_words: list[str], fixed_terms: list[str], zero_results: list[str]):
        self.fixed = literal_pattern(fixed_terms) if fixed_terms else None
        self.fixed_width = max((len(t) for t in fixed_terms), default=0)
        unit_trie, measure_trie = (recache.remembered(_trie, tuple(words), True) for words in (units, measure_words))
        self.arabic = recache.compile(
            r"[0-9](?:(?P<date>[0-9]{3}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]?月[0-9]{1,2}日"
            r"|[0-9]?月(?![0-9])(?:份|底|初|中旬|上旬|下旬)?)"
            r"|(?P<num>[0-9]*(?:[.．][0-9]+)?)(?P<mult>[万亿千])?(?P<post>余|多)?"
            rf"(?:(?P<pct>[%％‰])|(?P<unit>{unit_trie}))(?P<about>左右)?)")
        self.chinese = recache.compile(rf"[一二两三四五六七八九十百千万][一二两三四五六七八九十百千万]*(?P<post>余|多)?(?P<unit>{measure_trie})")
        self.zero = recache.compile(f"零(?:{recache.remembered(_trie, tuple(zero_results), True)})") if zero_results else None
        # Both patterns are tried only at the first numeral of a run (_runs):
        # that is exact while no unit or measure word begins with a numeral.
        self.runs_exact = (not any(u[:1] in "0123456789" for u in units)
                           and not any(w[:1] in _CN_NUMERALS for w in measure_words))

    def matches(self, text: str, quoted: list[tuple[int, int]]) -> list[re.Match]:
        """The figures of text as matches, in order of their start. Not figures:
        numerals inside 《》 or a short quote (but 零…), or in a fixed term."""
        q_starts = [q[0] for q in quoted]

        def named(s: int, e: int) -> bool:
            i = bisect_right(q_starts, s) - 1
            if i >= 0 and quoted[i][1] >= e:
                q0, q1 = quoted[i]
                return text[q0] == "《" or (q1 - q0 - 2 <= 8 and "零" not in text[q0:q1])
            return False

        found = []
        append = found.append
        for m in self._runs(self.arabic, _ARABIC_RUN, _LONG_ARABIC_RUN, text, 4):
            s = m.start()
            if m.group(1) is None:  # not a date
                if (s and text[s - 1] in _NOT_BEFORE_ARABIC) or (text[s + 4:s + 5] == "年" and _YEAR.match(text, s)):
                    continue
            elif s and text[s - 1].isdigit():
                continue
            if q_starts:  # named(), inline: most figures are not in a quote
                i = bisect_right(q_starts, s) - 1
                if i >= 0:
                    q0, q1 = quoted[i]
                    if q1 >= m.end() and (text[q0] == "《" or (q1 - q0 - 2 <= 8 and "零" not in text[q0:q1])):
                        continue
            append(m)
        fixed = None
        fixed_width = self.fixed_width
        for m in self._runs(self.chinese, _CN_RUN, _LONG_CN_RUN, text, 0):
            s, e = m.span()
            if (s and text[s - 1] in _NOT_BEFORE_CN) or (text[s] == "一" and text[s + 1] in _ARTICLE_UNITS):
                continue
            if q_starts and named(s, e):
                continue
            # A fixed term (四个意识, 最多跑一次) overlapping the figure lies within
            # fixed_width - 1 characters of it: when none is there, none overlaps;
            # else the terms are found once, as a scan of the whole text finds them.
            if self.fixed is not None and self.fixed.search(text, max(0, s - fixed_width + 1), e + fixed_width - 1):
                if fixed is None:
                    fixed = [t.span() for t in self.fixed.finditer(text)]
                    fixed_starts = [t[0] for t in fixed]
                i = bisect_left(fixed_starts, e) - 1  # the last term starting before the end
                if i >= 0 and fixed[i][1] > s:  # terms do not overlap, so their ends are sorted too
                    continue
            append(m)
        if self.zero is not None and "零" in text:
            found += (m for m in self.zero.finditer(text) if not (q_starts and named(*m.span())))
        found.sort(key=_START)
        return found

    def _runs(self, pattern: re.Pattern, run: re.Pattern, long: re.Pattern, text: str, tail: int):
        """pattern.finditer(text) for a pattern that begins with a numeral and
        reads the numerals after it to the end of their run, in time linear in
        the runs' lengths. The engine would try it at every numeral of a run,
        reading to the run's end each time (20,000 digits took 30 s). The
        match from inside a run has the same text after the run as the match
        from its start, so it fails where that fails; but the date forms
        count the digits before 年 or 月 ([0-9]{3}年, [0-9]?月), so a match may
        still begin at the run's last `tail` numerals. (A match begun inside a
        run is no figure, the numeral before it tells, but it takes its text
        from later matches, as finditer does.) Without a run of LONG_RUN
        numerals (`long`), finditer itself is used, which is faster there: it
        reads at most LONG_RUN numerals per numeral, and stays in C."""
        if not self.runs_exact or not long.search(text):
            yield from pattern.finditer(text)
            return
        match = pattern.match
        taken = 0
        for r in run.finditer(text):
            start, end = r.span()
            if start < taken:  # a run inside the last match (one ending inside a run goes on from its end)
                if end <= taken:
                    continue
                start = taken
            m = match(text, start)
            k = max(start + 1, end - tail)
            while m is None and k < end:
                m = match(text, k)
                k += 1
            if m is not None:
                taken = m.end()
                yield m

    @staticmethod
    def figure(m: re.Match) -> Figure:
        """The Figure a match from matches() stands for, with its value."""
        text, (s, e) = m.string, m.span()
        if m.re.groupindex.get("date") and m.group("date") is not None:
            return Figure(s, e, text[s:e], "date")
        if text[s] == "零":
            return Figure(s, e, text[s:e], "zero", 0.0)
        if not text[s].isdigit():
            return Figure(s, e, text[s:e], "count", _cn_value(text[s:m.start("post") if m.group("post") else m.start("unit")]),
                          m.group("unit"), "lower" if m.group("post") else "")
        prefix = ""
        if s and text[s - 1] in _PREFIX_ENDS:
            prefix = next((p for p in _PREFIXES if text.startswith(p, s - len(p))), "")
        value = float(text[s:m.end("num")].replace("．", ".")) * _MULTIPLIERS[m.group("mult")]
        approx = "about" if prefix in ("近", "约") or m.group("about") else ("lower" if prefix or m.group("post") else "")
        s -= len(prefix)
        return Figure(s, e, text[s:e], "percent" if m.group("pct") else "count", value, m.group("unit") or "", approx)


def join(items) -> tuple[str, list[int]]:
    """The texts of items (paragraphs or lines, anything with .text) joined with a
    line break between them, and the index at which each starts."""
    starts, offset = [], 0
    for item in items:
        starts.append(offset)
        offset += len(item.text) + 1
    return "\n".join(item.text for item in items), starts


class ProseText:
    """Paragraphs joined into one text, indexed on first use for the FZ4 rules."""

    def __init__(self, paragraphs: list[Paragraph], finder: FigureFinder):
        self.paragraphs = paragraphs
        self.finder = finder
        self.text, self.offsets = join(paragraphs)
        self._sentences: list[tuple[int, int]] | None = None
        self._paired: str | None = None
        self._sentence_starts: list[int] | None = None
        self._quoted: list[tuple[int, int]] | None = None
        self._quoted_starts: list[int] | None = None
        self._figures: list[re.Match] | None = None
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
            quotes = [m.span() for m in _QUOTES.finditer(text)] if "“" in text else []
            titles = [m.span() for m in _TITLES.finditer(text)] if "《" in text else []
            if quotes and titles:  # two literal scans are faster than one for either mark
                merged, end = [], -1
                for span in sorted(quotes + titles):
                    if span[0] >= end:  # a title inside a quote (or a quote inside a title) is part of it
                        merged.append(span)
                        end = span[1]
                quotes = merged
            self._quoted = quotes or titles
            self._quoted_starts = [s for s, _ in self._quoted]
        return self._quoted

    def inside_quotes(self, start: int, end: int) -> bool:
        quoted = self.quoted
        i = bisect_right(self._quoted_starts, start) - 1
        return i >= 0 and end <= quoted[i][1]

    @property
    def paired(self) -> str:
        """The text the sentence and clause patterns scan (paired_only)."""
        if self._paired is None:
            self._paired = paired_only(self.text)
        return self._paired

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) of each sentence, terminator kept, leading spaces left out."""
        if self._sentences is None:
            self._sentences = [m.span() for m in _SENTENCE.finditer(self.paired)]
            self._sentence_starts = [s for s, _ in self._sentences]
        return self._sentences

    def sentence_at(self, index: int) -> tuple[int, int] | None:
        sentences = self.sentences
        i = bisect_right(self._sentence_starts, index) - 1
        if i >= 0 and index < sentences[i][1]:
            return sentences[i]
        return None

    def is_item_head(self, start: int, end: int) -> bool:
        """A run-in item's head such as “一是强学习，提升法治意识。”: a heading, not a statement."""
        return end - start <= ITEM_HEAD_MAX and _ITEM_HEAD.match(self.text, start) is not None

    def sentences_in(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that begin within the (sorted) spans."""
        sentences, starts = self.sentences, self._sentence_starts
        out = []
        for start, end in spans:
            out += sentences[bisect_left(starts, start):bisect_left(starts, end)]
        return out

    def statements(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences within the spans that state something: all but run-in item heads."""
        return [s for s in self.sentences_in(spans) if not self.is_item_head(*s)]

    @property
    def figure_starts(self) -> list[int]:
        """Where each figure starts."""
        if self._figure_starts is None:
            self._figures = self.finder.matches(self.text, self.quoted)
            self._figure_starts = [m.start() for m in self._figures]
            self._built: list[Figure | None] = [None] * len(self._figures)
        return self._figure_starts

    def has_figure(self, start: int, end: int) -> bool:
        starts = self.figure_starts
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def figures(self, start: int, end: int) -> list[Figure]:
        """The figures of text[start:end], with their values."""
        starts = self.figure_starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        built = self._built
        for k in range(i, j):
            if built[k] is None:
                built[k] = self.finder.figure(self._figures[k])
        return built[i:j]

    def figure_range(self, start: int, end: int) -> range:
        """The numbers of the figures of text[start:end], for figure_span and figure_of:
        a reader of a few of many figures builds only those."""
        starts = self.figure_starts
        return range(bisect_left(starts, start), bisect_left(starts, end))

    def figure_span(self, k: int) -> tuple[int, int]:
        """The [start, end) of figure k as matched (a prefix such as 超过 left out)."""
        return self._figures[k].span()

    def figure_of(self, k: int) -> Figure:
        """Figure k, with its value."""
        built = self._built[k]
        if built is None:
            built = self._built[k] = self.finder.figure(self._figures[k])
        return built

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) of the clauses of the sentence text[start:end] (split at ，,
        outside quotes and brackets), trimmed, terminators left out."""
        clauses = self._clauses.get(start)
        if clauses is None:
            text = self.text
            clauses = []
            for m in _CLAUSE.finditer(self.paired, start, end):
                s, e = m.span()
                while s < e and text[s] in _SPACE:
                    s += 1
                while e > s and text[e - 1] in _CLAUSE_TAIL:
                    e -= 1
                if s < e:
                    clauses.append((s, e))
            self._clauses[start] = clauses
        return clauses

    def clause_at(self, index: int) -> tuple[int, int] | None:
        sentence = self.sentence_at(index)
        return None if sentence is None else self.clause_in(sentence, index)

    def clause_in(self, sentence: tuple[int, int], index: int) -> tuple[int, int] | None:
        """The clause of the sentence that holds a text index (None: in the marks between clauses)."""
        clauses = self.clauses(*sentence)
        i = bisect_right(clauses, (index, len(self.text) + 1)) - 1  # the last clause starting at or before index
        return clauses[i] if i >= 0 and index < clauses[i][1] else None


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """Every paragraph of the body: the preface, then each part's, in order."""
    return list(doc.preface) + [p for part in doc.sections for p in part.all_paragraphs()]


def of_body(doc: Document, finder: FigureFinder) -> ProseText:
    """The ProseText of the whole body, made once per document."""
    if "prose" not in doc.derived:
        paragraphs = list(doc.preface)  # body_paragraphs(), noting where each part's begin and end
        parts = []
        for part in doc.sections:
            first = len(paragraphs)
            paragraphs += part.all_paragraphs()
            parts.append((part.role, first, len(paragraphs)))
        doc.derived["prose"] = ProseText(paragraphs, finder)
        doc.derived["prose-parts"] = parts
    return doc.derived["prose"]


def spans_of(doc: Document, roles, finder: FigureFinder) -> tuple[ProseText, list[tuple[int, int]]]:
    """The body's ProseText and the [start, end) of the runs of consecutive
    paragraphs of the parts with the given roles (less a closing paragraph
    carrying another role); a run spans the line breaks between its paragraphs,
    which no sentence crosses, so that a rule scans a few runs, not every
    paragraph."""
    pt = of_body(doc, finder)
    key = ("spans", *sorted(roles))
    if key not in doc.derived:
        roles = set(roles)
        closing = {(m.line, m.column) for m in doc.mentions if m.how == "closing-paragraph"}
        paragraphs, offsets = pt.paragraphs, pt.offsets
        runs: list[tuple[int, int]] = []
        for role, first, end in doc.derived["prose-parts"]:
            if role not in roles or first == end:
                continue
            if closing and any((p.line, p.column) in closing for p in paragraphs[first:end]):
                pieces = [(offsets[i], offsets[i] + len(paragraphs[i].text)) for i in range(first, end)
                          if (paragraphs[i].line, paragraphs[i].column) not in closing]
            else:  # a part's paragraphs follow each other in the text: one run
                pieces = [(offsets[first], offsets[end - 1] + len(paragraphs[end - 1].text))]
            for start, stop in pieces:
                if runs and runs[-1][1] + 1 == start:
                    runs[-1] = (runs[-1][0], stop)
                else:
                    runs.append((start, stop))
        doc.derived[key] = runs
    return pt, doc.derived[key]

