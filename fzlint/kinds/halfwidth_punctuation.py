"""halfwidth-punctuation: ASCII marks (`marks`: , : ; ? ! ( ) and their
full-width forms) in Chinese text; one finding per line, with the count.

A mark is in Chinese text when the nearest character before or after it
(spaces skipped) is Chinese or a full-width mark; a pair of round brackets is
when its content is, or when the word it follows is (张三(13800000000)). What must stay ASCII stays: a mark
between digits (1,000, 10:19:38), URLs and e-mail addresses, marks among Latin
words and codes (LED, 12319), and a heading's marker, which FZ203 reports.
Fixable: the line's marks are replaced by their full-width forms, nothing else.
"""

from __future__ import annotations

import re

from ..model import Fix
from . import Hit
from ._text import is_cjk, text_lines

KIND = "halfwidth-punctuation"
PARAMS = {"marks": (dict, None)}
VARIANTS = ("default",)
_PROTECTED = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SPACE = " \t\u3000\xa0"


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
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            # Chinese content, or ASCII content glossing a Chinese word: 张三(13800000000);
            # but LED (light-emitting diode), f(x) stay.
            chinese = any(is_cjk(c) for c in text[j + 1:i]) or is_cjk(_neighbour(text, j, -1))
            found[j] = found[i] = chinese
    return found


def faulty(text: str, pattern: re.Pattern, skip: tuple[int, int] = (0, 0)) -> list[int]:
    """The indexes of the marks of text that should be full-width."""
    if not pattern.search(text):
        return []
    protected = [m.span() for m in _PROTECTED.finditer(text)] if ("/" in text or "@" in text or "www." in text) else []
    pairs = _chinese_pairs(text) if "(" in text and ")" in text else {}
    out = []
    for m in pattern.finditer(text):
        i = m.start()
        if skip[0] <= i < skip[1] or any(s <= i < e for s, e in protected):
            continue
        before, after = (text[i - 1] if i else ""), (text[i + 1] if i + 1 < len(text) else "")
        if before.isascii() and before.isdigit() and after.isascii() and after.isdigit():
            continue  # 1,000  10:19:38
        if i in pairs:
            if pairs[i]:
                out.append(i)
        elif is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1)):
            out.append(i)
    return out


def check(doc, params, ctx):
    marks, pattern = params["marks"], params["pattern"]
    for line in text_lines(doc):
        text = line.text
        skip = (0, 0)
        if line.marker is not None:  # the heading's own marker is FZ203's
            skip = (line.marker.column - line.column, line.marker.end_column - line.column)
        found = faulty(text, pattern, skip)
        if not found:
            continue
        first, last = found[0], found[-1] + 1
        segment = list(text[first:last])
        for i in found:
            segment[i - first] = marks[text[i]]
        column = line.column + first
        shown = "".join(dict.fromkeys(text[i] for i in found))
        yield Hit(line.number, column, line.column + last, {"count": len(found), "marks": " ".join(shown)},
                  fix=Fix(line.number, column, line.column + last, "".join(segment)))
