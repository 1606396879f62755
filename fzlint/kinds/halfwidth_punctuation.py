"""halfwidth-punctuation: ASCII marks (`marks`: , : ; ? ! ( ) and their
full-width forms) in Chinese text; one finding per line, with the count.

A mark is in Chinese text when the nearest character before or after it
(spaces skipped) is Chinese or a full-width mark; a pair of round brackets is
when its content is, or when the word it follows is (张三(13800000000)). What
must stay ASCII stays: a mark between digits (1,000, 10:19:38), URLs and e-mail
addresses, marks among Latin words and codes (LED, 12319), and a heading's
marker, which FZ203 reports. Fixable: the line's marks are replaced by their
full-width forms, nothing else.
"""

from __future__ import annotations

import re

from ..model import Fix
from . import Hit
from . import _joined
from ._text import CJK_CHAR, CJK_CLASS, is_cjk
from .. import recache

KIND = "halfwidth-punctuation"
PARAMS = {"marks": (dict, None)}
VARIANTS = ("default",)
_PROTECTED = recache.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SPACE = " \t\u3000\xa0"
_PARENS = recache.compile(r"[()]")


def validate(params, vocabulary):
    for mark, full in params["marks"].items():
        if not (isinstance(mark, str) and len(mark) == 1 and isinstance(full, str) and len(full) == 1):
            return f"marks.{mark}: expected one ASCII mark mapped to one full-width mark"
    return None


def prepare(params):
    marks = params["marks"]
    plain = "".join(m for m in marks if m not in "()")
    any_mark = "[" + re.escape("".join(marks)) + "]"
    # The marks that need a second look: a bracket, or a mark that does not
    # follow a Chinese character (most marks do, and are wrong without more ado;
    # such a mark cannot lie in a URL or an e-mail address, which are ASCII).
    after_cjk = f"(?<![{CJK_CLASS}][{re.escape(plain)}])" if plain else ""
    return {**params, "pattern": recache.compile(any_mark), "doubtful": recache.compile(any_mark + after_cjk),
            # Marks replaced one after another with str.replace, unless one's
            # full-width form is itself one of the marks.
            "one_by_one": not set(marks.values()) & set(marks)}


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and text[i] in _SPACE:
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _chinese_pairs(text: str) -> dict[int, bool]:
    """Index of each ASCII bracket of a matched ( ) pair → whether the pair is in
    Chinese text (its content or its surroundings are)."""
    found: dict[int, bool] = {}
    stack: list[int] = []
    for m in _PARENS.finditer(text):
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            j = stack.pop()
            # Chinese content, or ASCII content glossing a Chinese word: 张三(13800000000);
            # but LED (light-emitting diode), f(x) stay.
            chinese = CJK_CHAR.search(text, j + 1, i) is not None or is_cjk(_neighbour(text, j, -1))
            found[j] = found[i] = chinese
    return found


def _neighbour_at(text: str, i: int, step: int, start: int, end: int) -> int:
    """The index of the nearest character before (step -1) or after (+1) i
    within [start, end), spaces skipped; -1 if none."""
    i += step
    while start <= i < end and text[i] in _SPACE:
        i += step
    return i if start <= i < end else -1


def _judge(text: str, doubtful: list[int], start: int, end: int, places: list[int] | None = None) -> list[int]:
    """Of the marks at `doubtful` (brackets, marks not after a Chinese
    character) in the line text[start:end], those that should be full-width.
    places: every mark of the line; a mark whose nearest neighbour is a mark
    made full-width is in Chinese text too (成效明显;\t;: the second ;
    follows the first, which becomes ；, and would be found only once it had)."""
    out = []
    beside: list[int] = []  # plain marks judged by their neighbours alone, and not Chinese
    line = text[start:end]
    protected = ([(s + start, e + start) for s, e in (m.span() for m in _PROTECTED.finditer(line))]
                 if ("/" in line or "@" in line or "www." in line) else [])
    pairs = ({k + start: v for k, v in _chinese_pairs(line).items()} if "(" in line and ")" in line else {})
    for i in doubtful:
        if protected and any(s <= i < e for s, e in protected):
            continue
        if i in pairs:
            chinese = pairs[i]
        else:
            before = text[i - 1] if i > start else ""
            after = text[i + 1] if i + 1 < end else ""
            if "0" <= before <= "9" and "0" <= after <= "9":
                continue  # 1,000  10:19:38
            chinese = is_cjk(_neighbour(line, i - start, -1)) or is_cjk(_neighbour(line, i - start, 1))
            if not chinese:
                beside.append(i)
        if chinese:
            out.append(i)
    if beside and places:
        wide = set(places).difference(doubtful).union(out)  # the marks that become full-width
        for order in (beside, beside[::-1]):  # a run of marks, from either end
            for i in order:
                if i not in wide and (_neighbour_at(text, i, -1, start, end) in wide
                                      or _neighbour_at(text, i, 1, start, end) in wide):
                    wide.add(i)
                    out.append(i)
    return out


def _full_width(piece: str, params: dict, shown: str) -> str:
    """piece with each of its marks (those in shown) replaced by its full-width form."""
    marks = params["marks"]
    if not params["one_by_one"]:
        return params["pattern"].sub(lambda m: marks[m.group()], piece)
    for ch in shown:
        piece = piece.replace(ch, marks[ch])
    return piece


def check(doc, params, ctx):
    pattern = params["pattern"]
    joined = _joined.of(doc)
    text, lines, starts = joined.text, joined.lines, joined.starts
    # The marks that need a second look (few) are found in one scan of the
    # draft; every other mark of a line is wrong, so a line is settled by
    # counting its marks and setting aside the few that stay ASCII.
    doubtful = [m.start() for m in params["doubtful"].finditer(text)]
    d = 0
    for i, line in enumerate(lines):
        start = starts[i]
        end = start + len(line.text)
        places = [m.start() for m in pattern.finditer(text, start, end)]
        if not places:
            continue
        d0 = d
        while d < len(doubtful) and doubtful[d] < end:
            d += 1
        kept: list[int] = []
        judged = doubtful[d0:d] if d > d0 else None
        ours = places  # the marks this rule may change
        if line.marker is not None:  # the marker is FZ203's
            skip = start + line.marker.end_column - line.column
            if places[0] < skip:
                kept = [j for j in places if j < skip]
                ours = places[len(kept):]
                if judged:
                    judged = [j for j in judged if j >= skip]
        if judged:
            right = set(_judge(text, judged, start, end, ours))
            kept += [j for j in judged if j not in right]
        count = len(places) - len(kept)
        if not count:
            continue
        kept_set = set(kept)
        found = [j for j in places if j not in kept_set] if kept else places
        first, last = found[0], found[-1] + 1
        shown = "".join(dict.fromkeys(text[j] for j in found))
        if kept:  # the marks that stay ASCII are left out of the fix
            pieces, at = [], first
            for j in sorted(kept):
                if first < j < last:
                    pieces += (_full_width(text[at:j], params, shown), text[j])
                    at = j + 1
            pieces.append(_full_width(text[at:last], params, shown))
            segment = "".join(pieces)
        else:  # every mark of the line is replaced
            segment = _full_width(text[first:last], params, shown)
        column = line.column + first - start
        yield Hit(line.number, column, column + last - first, {"count": count, "marks": " ".join(shown)},
                  fix=Fix(line.number, column, column + last - first, segment))
