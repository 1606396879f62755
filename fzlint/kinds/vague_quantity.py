"""vague-quantity: a vague amount (`words`: 数万, 大量, 一大批, 一系列, 若干 …)
in the listed parts where a figure belongs; not when a figure in the same
clause gives the amount, and not inside quotes or titles."""

from __future__ import annotations

from .. import prose
from . import Hit, validate_roles

KIND = "vague-quantity"
PARAMS = {"roles": (list, None), "words": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def prepare(params):
    return {**params, "words": prose.literal_pattern(params["words"])}


def check(doc, params, ctx):
    pt, spans = prose.spans_of(doc, params["roles"], ctx.figures)
    words = params["words"]
    for m in (m for start, end in spans for m in words.finditer(pt.text, start, end)):
        if pt.inside_quotes(m.start(), m.end()):
            continue
        clause = pt.clause_at(m.start())
        if clause is not None and not pt.has_figure(*clause):
            line, column = pt.locate(m.start())
            yield Hit(line, column, column + len(m.group()), {"word": m.group()})
