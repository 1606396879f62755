"""unbalanced-pairs: a quote or bracket without its partner in the same
paragraph (line): “” ‘’ 《》 〈〉 （） 〔〕 【】, the ASCII stand-ins ( ) [ ]
counted with the full-width forms of their kind, and an odd number of ASCII
double quotes. Each unmatched mark is reported where it stands."""

from __future__ import annotations

import re

from . import Hit
from . import _joined

KIND = "unbalanced-pairs"
PARAMS = {"pairs": (list, None)}
VARIANTS = ("default", "closing")  # default: an opening mark left open


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
    marks = re.compile("[" + re.escape("".join(opening) + "".join(closing)) + '"\n]')
    return {**params, "opening": opening, "closing": closing, "marks": marks}


def unmatched(text: str, opening: dict, closing: dict, marks: re.Pattern) -> list[tuple[int, str]]:
    """(index, "opening" | "closing") of each unmatched mark of text, in order;
    each line (paragraph) is balanced on its own. One scan of the whole text."""
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


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    for i, variant in unmatched(text, params["opening"], params["closing"], params["marks"]):
        line = joined.line_at(i)
        number, column = joined.position(line, i)
        yield Hit(number, column, column + 1, {"mark": text[i]}, "closing" if variant == "closing" else "default")
