"""unbalanced-pairs: a quote or bracket without its partner in the same
paragraph (line): “” ‘’ 《》 〈〉 （） 〔〕 【】, the ASCII stand-ins ( ) [ ]
counted with the full-width forms of their kind, and an odd number of ASCII
double quotes. Each unmatched mark is reported where it stands; a run of the
same mark unmatched the same way (《《 typed twice) is one finding, and a
paragraph gets ten findings at most.

Most paragraphs are balanced, and that is found in C: the marks are taken out
of the text (one scan), then adjacent pairs of the same kind ((), “”, …) are
deleted from them until none is left; only a paragraph where a bracket then
remains, or that has an ASCII double quote, is read mark by mark."""

from __future__ import annotations

import re

from . import Hit
from . import _joined
from .. import recache

KIND = "unbalanced-pairs"
PARAMS = {"pairs": (list, None)}
VARIANTS = ("default", "closing")  # default: an opening mark left open
# The findings one paragraph gets at most: one with more unmatched marks is
# damaged (a million of them made a million findings, 7 s and 1 GB), and its
# first ten show it.
MAX_PER_LINE = 10
# The fast path deletes one level of nested pairs a round: pairs nested deeper
# than this (《《《…》》》 thousands deep took time quadratic in the depth) are
# read mark by mark instead.
_MAX_ROUNDS = 16


def validate(params, vocabulary):
    for pair in params["pairs"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p for p in pair)):
            return "pairs: expected [opening marks, closing marks] items, e.g. ['（(', '）)']"
    return None


def prepare(params):
    opening, closing = {}, {}
    for kind, (opens, closes) in enumerate(params["pairs"]):
        opening.update(dict.fromkeys(opens, kind))
        closing.update(dict.fromkeys(closes, kind))
    marks = recache.compile("[" + re.escape("".join(opening) + "".join(closing)) + '"\n]')
    return {**params, "opening": opening, "closing": closing, "marks": marks, "fast": _fast(opening, closing)}


def _fast(opening: dict, closing: dict):
    """(the pattern of what is not a bracket, the pattern of an innermost pair)
    for the fast path, or None when a mark both opens and closes or is the ASCII
    double quote (read by unmatched's own rules)."""
    if set(opening) & set(closing) or '"' in opening or '"' in closing or "\n" in opening or "\n" in closing:
        return None
    kinds = sorted(set(opening.values()))
    group = lambda table, kind: "[" + re.escape("".join(c for c, k in table.items() if k == kind)) + "]"
    not_bracket = recache.compile("[^" + re.escape("".join(opening) + "".join(closing)) + "\n]+")
    pair = recache.compile("|".join(group(opening, k) + group(closing, k) for k in kinds if k in closing.values()))
    return not_bracket, pair


def unmatched(text: str, opening: dict, closing: dict, marks: re.Pattern, fast=None) -> list[tuple[int, str]]:
    """(index, "opening" | "closing") of each unmatched mark of text, in order;
    each line (paragraph) is balanced on its own. With fast (from prepare), the
    lines found balanced in C are not read again."""
    if fast is None:
        return _unmatched(text, opening, closing, marks)
    not_bracket, pair = fast
    brackets = not_bracket.sub("", text)  # the brackets, and a line break between lines
    count, rounds = 1, 0
    while count:
        if rounds == _MAX_ROUNDS:  # pairs nested deeper than prose nests them: read mark by mark
            return _unmatched(text, opening, closing, marks)
        brackets, count = pair.subn("", brackets)
        rounds += 1
    quotes = '"' in text
    if not quotes and brackets.count("\n") == len(brackets):
        return []  # the usual case: every pair is closed
    # The lines to read: those where a bracket remains, and those with a ".
    lines = text.split("\n")
    left = brackets.split("\n")
    found = []
    start = 0
    for line, rest in zip(lines, left):
        if rest or (quotes and '"' in line):
            found += [(start + i, variant) for i, variant in _unmatched(line, opening, closing, marks)]
        start += len(line) + 1
    return found


def _unmatched(text: str, opening: dict, closing: dict, marks: re.Pattern) -> list[tuple[int, str]]:
    """unmatched, reading every mark: one scan of the whole text."""
    stack: list[tuple[int, int]] = []  # (kind, index)
    found = []
    quotes = []
    for m in marks.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":  # a paragraph ends: what is open stays unmatched
            if stack:
                found += [(j, "opening") for _, j in stack]
                stack = []
            if len(quotes) % 2:
                found.append((quotes[-1], "opening"))
            quotes = []
        elif ch == '"':
            quotes.append(i)
        elif ch in opening:
            stack.append((opening[ch], i))
        else:
            kind = closing[ch]
            if stack and stack[-1][0] == kind:
                stack.pop()
                continue
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None)
            if depth is None:
                found.append((i, "closing"))
            else:  # the openings above it were never closed
                found += [(j, "opening") for _, j in stack[depth + 1:]]
                del stack[depth:]
    found += [(j, "opening") for _, j in stack]
    if len(quotes) % 2:
        found.append((quotes[-1], "opening"))
    return sorted(found)


def runs(found: list[tuple[int, str]], text: str) -> list[tuple[int, int, str]]:
    """(start, end, variant) of the unmatched marks, a run of the same mark left
    unmatched the same way (《《《 typed for 《, or thousands in a damaged
    paragraph) taken as one: one finding, not one a character."""
    out: list[tuple[int, int, str]] = []
    for i, variant in found:
        if out and out[-1][1] == i and out[-1][2] == variant and text[i] == text[i - 1]:
            out[-1] = (out[-1][0], i + 1, variant)
        else:
            out.append((i, i + 1, variant))
    return out


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    found = unmatched(text, params["opening"], params["closing"], params["marks"], params["fast"])
    per_line: dict[int, int] = {}
    for start, end, variant in runs(found, text):
        number, column = joined.locate(start)
        per_line[number] = per_line.get(number, 0) + 1
        if per_line[number] > MAX_PER_LINE:
            continue
        yield Hit(number, column, column + end - start, {"mark": text[start]},
                  "closing" if variant == "closing" else "default")
