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
from bisect import bisect_left

from ..model import Fix
from . import Hit
from . import _joined
from ._text import CJK, is_cjk

KIND = "halfwidth-punctuation"
PARAMS = {"marks": (dict, None)}
VARIANTS = ("default",)
_PROTECTED = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SPACE = " \t\u3000\xa0"
_PARENS = re.compile(r"[()]")


def validate(params, vocabulary):
    for mark, full in params["marks"].items():
        if not (isinstance(mark, str) and len(mark) == 1 and isinstance(full, str) and len(full) == 1):
            return f"marks.{mark}: expected one ASCII mark mapped to one full-width mark"
    return None


def prepare(params):
    marks = params["marks"]
    return {**params, "pattern": re.compile("[" + re.escape("".join(marks)) + "]")}


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
            chinese = any(is_cjk(c) for c in text[j + 1:i]) or is_cjk(_neighbour(text, j, -1))
            found[j] = found[i] = chinese
    return found


def faulty(text: str, places: list[int], start: int, end: int, skip: int = 0) -> list[int]:
    """Of the ASCII marks at `places` in the line text[start:end], those that
    should be full-width; the first `skip` characters (a heading's marker) are
    left alone."""
    # Most marks follow a Chinese character and need no more thought (such a mark
    # cannot lie in a URL or an e-mail address, which are ASCII).
    out, rest = [], []
    for i in places:
        if i - start < skip:
            continue
        if text[i - 1] in CJK and text[i] not in "()" and i > start:
            out.append(i)
        else:
            rest.append(i)
    if not rest:
        return out
    line = text[start:end]
    protected = ([(s + start, e + start) for s, e in (m.span() for m in _PROTECTED.finditer(line))]
                 if ("/" in line or "@" in line or "www." in line) else [])
    pairs = ({k + start: v for k, v in _chinese_pairs(line).items()} if "(" in line and ")" in line else {})
    for i in rest:
        if any(s <= i < e for s, e in protected):
            continue
        if i in pairs:
            chinese = pairs[i]
        else:
            before = text[i - 1] if i > start else ""
            after = text[i + 1] if i + 1 < end else ""
            if "0" <= before <= "9" and "0" <= after <= "9":
                continue  # 1,000  10:19:38
            chinese = is_cjk(_neighbour(line, i - start, -1)) or is_cjk(_neighbour(line, i - start, 1))
        if chinese:
            out.append(i)
    return sorted(out)


def check(doc, params, ctx):
    marks, pattern = params["marks"], params["pattern"]
    joined = _joined.of(doc)
    text, lines = joined.text, joined.lines
    places = [m.start() for m in pattern.finditer(text)]  # one scan of the whole draft
    k = 0
    while k < len(places):
        i = joined.line_at(places[k])
        start, end = joined.bounds(i)
        k0, k = k, bisect_left(places, end, k)
        line = lines[i]
        skip = line.marker.end_column - line.column if line.marker is not None else 0  # the marker is FZ203's
        found = faulty(text, places[k0:k], start, end, skip)
        if not found:
            continue
        first, last = found[0], found[-1] + 1
        pieces, at = [], first
        for j in found:  # the text between the marks, and each mark replaced
            pieces += (text[at:j], marks[text[j]])
            at = j + 1
        segment = "".join(pieces)
        column = line.column + first - start
        shown = "".join(dict.fromkeys(text[j] for j in found))
        yield Hit(line.number, column, column + last - first, {"count": len(found), "marks": " ".join(shown)},
                  fix=Fix(line.number, column, column + last - first, segment))
