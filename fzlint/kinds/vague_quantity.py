"""vague-quantity: a vague amount (`words`: 数万, 大量, 一大批, 一系列, 若干 …)
in the listed parts where a figure belongs; not when a figure in the same
clause gives the amount, and not inside quotes or titles. Nor in the name of
a document written without 书名号: after 的 and before a kind of document
(`in_names`: 关于……的若干措施, 研究制定……的若干举措), 若干 is the name's word,
not an amount."""

from __future__ import annotations

import re

from .. import prose
from . import Hit, validate_roles
from .. import recache

KIND = "vague-quantity"
PARAMS = {"roles": (list, None), "words": (list, None), "in_names": (list, [])}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def prepare(params):
    names = params["in_names"]
    return {**params, "words": prose.literal_pattern(params["words"]),
            "in_names": recache.compile("|".join(map(re.escape, names))) if names else None}


def check(doc, params, ctx):
    pt, spans = prose.spans_of(doc, params["roles"], ctx.figures)
    words, names = params["words"], params["in_names"]
    for m in (m for start, end in spans for m in words.finditer(pt.text, start, end)):
        if pt.inside_quotes(m.start(), m.end()):
            continue
        if names and m.start() and pt.text[m.start() - 1] == "的" and names.match(pt.text, m.end()):
            continue
        clause = pt.clause_at(m.start())
        if clause is not None and not pt.has_figure(*clause):
            line, column = pt.locate(m.start())
            yield Hit(line, column, column + len(m.group()), {"word": m.group()})
