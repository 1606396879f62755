"""repeated-punctuation: the same mark typed twice or more (，， 。。 、、 ；；),
where one is meant. Ellipses …… and dashes —— are single marks written with
two characters and are not counted. Fixable: the run becomes one mark."""

from __future__ import annotations

import re

from ..model import Fix
from . import Hit
from ._text import text_lines

KIND = "repeated-punctuation"
PARAMS = {"marks": (str, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if not params["marks"] or set(params["marks"]) & set("…—"):
        return "marks: expected the marks that must not be doubled (not … or —, which are written twice)"
    return None


def prepare(params):
    return {**params, "pattern": re.compile(f"([{re.escape(params['marks'])}])\\1+")}


def check(doc, params, ctx):
    pattern = params["pattern"]
    for line in text_lines(doc):
        for m in pattern.finditer(line.text):
            column = line.column + m.start()
            end = line.column + m.end()
            yield Hit(line.number, column, end, {"found": m.group(), "mark": m.group(1)},
                      fix=Fix(line.number, column, end, m.group(1)))
