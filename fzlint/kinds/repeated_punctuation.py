"""repeated-punctuation: the same mark typed twice or more (，， 。。 、、 ；；),
where one is meant. Ellipses …… and dashes —— are single marks written with
two characters and are not counted. Fixable: the run becomes one mark."""

from __future__ import annotations

import re

from ..model import Fix
from . import Hit
from . import _joined
from .. import recache

KIND = "repeated-punctuation"
PARAMS = {"marks": (str, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if not params["marks"] or set(params["marks"]) & set("…—"):
        return "marks: expected the marks that must not be doubled (not … or —, which are written twice)"
    return None


def prepare(params):
    marks = params["marks"]
    cls = f"[{re.escape(marks)}]"
    # A mark followed by another, found with a pattern that begins with a class
    # (a scan in C); whether they are the same mark is checked on the rare
    # matches. The second mark is a look-ahead, so that overlapping pairs are
    # all found: in 。，， the pair 。， must not hide ，，.
    return {**params, "pattern": recache.compile(f"({cls})\\1+"), "adjacent": recache.compile(f"{cls}(?={cls})")}


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    if not any(text[m.start()] == text[m.end()] for m in params["adjacent"].finditer(text)):
        return  # the usual case
    pattern = params["pattern"]
    for line in joined.lines:
        for m in pattern.finditer(line.text):
            column = line.column + m.start()
            end = line.column + m.end()
            yield Hit(line.number, column, end, {"found": m.group(), "mark": m.group(1)},
                      fix=Fix(line.number, column, end, m.group(1)))
