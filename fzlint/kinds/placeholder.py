"""placeholder: a blank left to fill, in any line the author wrote (title,
headings, paragraphs, signature, date; not web residue):

  * blank marks standing for a figure or a name: XX, ××, □□, ○○ (two or
    more; one before 年, 月 or 日: 2025年X月X日), and 〔〕 with the year of a
    document number left out (国发〔〕33号). Not a blank: X or × within
    Latin text or between digits (X光, 3×4), ○ or 〇 beside a Chinese numeral
    (二〇二五年, 二○○八年: the digit zero), 〇〇后 (a generation), and marks
    after one of the `surnames` (张××, 王○○: how published texts anonymise a
    person);
  * a note left by the drafter: （待补充）, （待核实）… in brackets (`notes`),
    TODO;
  * a unit with no figure: % after a word (满意率达%), 个百分点 after a word
    (提高了个百分点), 万元 or 亿元 right after one of `money_words` (资金亿元),
    a measure word (`units`) right after one of `count_verbs` and before a
    clause's end (受理件，);
  * rates with no figures: a rate, or a list of them, then 达到/为/均达到 …
    (`rate_verbs`) and the clause's end (接通率、办结率、满意率均达到。).
"""

from __future__ import annotations

import re
import string

from .. import prose
from . import Hit
from . import _joined
from .. import recache

KIND = "placeholder"
PARAMS = {
    "notes": (list, None),
    "surnames": (str, ""),
    "money_words": (list, None),
    "count_verbs": (list, None),
    "units": (list, None),
    "rate_verbs": (list, None),
}
VARIANTS = ("default", "note", "unit", "rates")

_MARKS = "XxＸ×□○〇"
# Latin letters (an X run takes in all the X beside it, so its neighbours are other letters).
_LATIN = frozenset(string.ascii_letters + "".join(map(chr, range(0xFF21, 0xFF3B))) + "".join(map(chr, range(0xFF41, 0xFF5B))))
_X = frozenset("XxＸ")
_ZERO = frozenset("○〇")
_CN_DIGITS = frozenset("一二两三四五六七八九十零〇○")
_DATE_UNITS = frozenset("年月日号")
_TODO = recache.compile("TODO")
_PERCENT_MARKS = "%％"
_PERCENT = recache.compile("[%％](?:[、，,和及与][%％])*")
_POINTS = recache.compile("个百分点")
_YUAN = recache.compile("元")  # one scan for 万元 and 亿元
# Before % or 个百分点, what makes it no blank: a figure (12%, 百分之, 两个百分点), a vague
# amount (几个百分点) or a word that counts (每个百分点).
_NUMERALS = frozenset("0123456789０１２３４５６７８９.．一二两三四五六七八九十百千万亿〇零几多数若干余每各这那半")
_BOUNDARY = "，。；、,;：:（()）\n"
# What ends a clause after a rate verb (or is the end of the text).
_RATE_END = frozenset("，。；、,;\n")
# Marks that end the list of rates going back from the verb.
_LIST_STOP = frozenset("。；;：:！？!?\n（）()“”《》")
_MAX_BACK = 40
_FIGURE_START = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百")


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def validate(params, vocabulary):
    for key in ("notes", "money_words", "count_verbs", "units", "rate_verbs"):
        if not params[key] or not all(isinstance(w, str) and w for w in params[key]):
            return f"{key}: expected a list of words"
    return None


def _by_length(words: list[str]) -> list[tuple[int, frozenset]]:
    """The words as a set for each length, longest first: the word before a place is
    then a few set lookups, where str.endswith with a tuple compares every word."""
    lengths = sorted({len(w) for w in words}, reverse=True)
    return [(n, frozenset(w for w in words if len(w) == n)) for n in lengths]


def _after(verbs: list[str], units: list[str]) -> str:
    """Look-behinds (one for each unit: each must have a fixed width) for a unit
    that follows a verb's last character."""
    last = "".join(sorted({v[-1] for v in verbs}))
    return "|".join(f"(?<=[{re.escape(last)}]{re.escape(u)})" for u in units)


def prepare(params):
    units = sorted(params["units"], key=len, reverse=True)
    verbs = params["count_verbs"]
    return {**params,
            "notes": prose.literal_pattern(params["notes"]),
            "surnames": frozenset(params["surnames"]),
            "money_words": _by_length(params["money_words"]),
            "count_verbs": _by_length(params["count_verbs"]),
            # A measure word after a verb's last character and before a clause's end, found
            # from the measure word's last character: one pattern for each, beginning with
            # that literal (the engine skips ahead to it by itself; a class of them is tried
            # at every character, several times slower), the verb's last character checked
            # in the same match (most measure words follow no verb).
            "units": [(recache.compile(f"{re.escape(last)}(?:{_after(verbs, [u for u in units if u.endswith(last)])})"
                                  f"(?=[{re.escape(_BOUNDARY)}]|$)"),
                       [u for u in units if u.endswith(last)]) for last in sorted({u[-1] for u in units})],
            "rates": recache.compile(f"率(?:均|分别|都|也)?(?:{'|'.join(map(re.escape, sorted(params['rate_verbs'], key=len, reverse=True)))})")}


def _runs(text: str):
    """(start, end) of each run of blank marks, found with a literal search for
    each mark the text holds (most texts hold none; a class scan would read every
    character)."""
    places = []
    for mark in _MARKS:
        k = text.find(mark)
        while k >= 0:
            places.append(k)
            k = text.find(mark, k + 1)
    if not places:
        return
    places.sort()
    start = prev = places[0]
    for k in places[1:]:
        if k != prev + 1:
            yield start, prev + 1
            start = k
        prev = k
    yield start, prev + 1


def _blanks(text: str, surnames):
    k = text.find("〔〕")  # a document number with its year left out: 国发〔〕33号
    while k >= 0:
        yield k, k + 2, "default"
        k = text.find("〔〕", k + 2)
    for s, e in _runs(text):
        run = text[s:e]
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if len(set(run) & _X) and (before in _LATIN or after in _LATIN):
            continue  # part of a Latin word or code
        if len(run) == 1 and after not in _DATE_UNITS:
            continue  # X光, 3×4, a bullet ○
        if set(run) <= _ZERO and (before in _CN_DIGITS or after in _CN_DIGITS or after == "后"):
            continue  # the digit zero: 二〇二五年, 二○○八年; 〇〇后
        if before in surnames:
            continue  # 张××, 王○○: a person anonymised
        yield s, e, "default"


def _notes(text: str, notes):
    for m in notes.finditer(text):
        s, e = m.span()
        opening = max(text.rfind(o, max(0, s - 12), s) for o in "（(【[")
        if opening < 0 or any(c in text[opening + 1:s] for c in "）)】]\n"):
            continue
        close = min((k for k in (text.find(c, e, e + 12) for c in "）)】]") if k >= 0), default=-1)
        if close < 0 or "\n" in text[e:close]:
            continue
        yield opening, close + 1, "note"
    for m in _TODO.finditer(text):
        s, e = m.span()
        if (s and text[s - 1] in _LATIN) or (e < len(text) and text[e] in _LATIN):
            continue
        yield s, e, "note"


def _words_before(text: str, s: int, most: int = 6) -> int:
    """Where the few Chinese words before s begin (to quote 满意率达% whole)."""
    k = s
    while k > s - most and k and _ideograph(text[k - 1]):
        k -= 1
    return k


def _units(text: str, params):
    for mark in _PERCENT_MARKS:  # each a literal search: most texts have few
        s = text.find(mark)
        while s >= 0:
            if s and _ideograph(text[s - 1]) and text[s - 1] not in _NUMERALS:
                yield _words_before(text, s), _PERCENT.match(text, s).end(), "unit"
            s = text.find(mark, s + 1)
    for m in _POINTS.finditer(text):
        s = m.start()
        if s and _ideograph(text[s - 1]) and text[s - 1] not in _NUMERALS:
            yield _words_before(text, s), m.end(), "unit"
    money = params["money_words"]
    for m in _YUAN.finditer(text):
        s = m.start() - 1
        if s < 0 or text[s] not in "万亿":
            continue
        word = _word_before(text, s, money)
        if word and not (m.end() < len(text) and text[m.end()] == "级"):
            yield s - len(word), m.end(), "unit"
    verbs = params["count_verbs"]
    for pattern, units in params["units"]:
        for m in pattern.finditer(text):
            end = m.end()
            for unit in units:  # longest first: 人次 before 次
                s = end - len(unit)
                if text.startswith(unit, s):
                    word = _word_before(text, s, verbs)
                    if word:
                        yield s - len(word), end, "unit"
                        break


def _word_before(text: str, s: int, words: list[tuple[int, frozenset]]) -> str:
    """The longest of the words (a set for each length, longest first) that ends at s, or ""."""
    for n, found in words:
        if n <= s and text[s - n:s] in found:
            return text[s - n:s]
    return ""


def _rates(text: str, pattern):
    for m in pattern.finditer(text):
        e = m.end()
        blank = _PERCENT.match(text, e)  # 分别为%、%、%
        if blank:
            e = blank.end()
        elif e < len(text) and (text[e] not in _RATE_END or (text[e] == "\n" and text[e + 1:e + 2] in _FIGURE_START)):
            continue  # a figure or words follow: 达100%, 达到规定要求; a line broken before its figure
        # Back over the rate's name and the rates listed before it (接通率、办结率、满意率).
        k = m.start()
        lo = max(0, k - _MAX_BACK)
        while k > lo:
            c = text[k - 1]
            if c in _LIST_STOP or (c in "，,、" and text[k - 2:k - 1] != "率"):
                break
            k -= 1
        yield k, e, "rates"


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    found = sorted({*_blanks(text, params["surnames"]), *_notes(text, params["notes"]),
                    *_units(text, params), *_rates(text, params["rates"])})
    last = -1
    for start, end, variant in found:
        if start < last:
            continue  # one finding for one blank (（待补充） holds no other)
        last = end
        i = joined.line_at(start)
        line, column = joined.position(i, start)
        end = min(end, joined.bounds(i)[1])
        yield Hit(line, column, column + end - start, {"found": text[start:end]}, variant)
