"""vague-quantity: a vague amount (`words`: 数万, 大量, 一大批, 一系列, 若干 …)
in the listed parts where a figure belongs; not when a figure in the same
clause gives the amount, and not inside quotes or titles."""

from __future__ import annotations

import re

from .. import prose
from . import Hit, validate_roles

KIND = "vague-quantity"
PARAMS = {"roles": (list, None), "words": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    words = prose.literal_pattern(params["words"])
    for paragraph in prose.paragraphs_of(doc, set(params["roles"])):
        analysis = None
        for m in words.finditer(paragraph.text):
            analysis = analysis or prose.analyse(doc, paragraph, ctx.figures)
            if prose.inside(analysis.quoted, m.start(), m.end()):
                continue
            column = paragraph.column + m.start()
            sentence = analysis.sentence_at(column)
            clause = sentence.clause_at(column) if sentence else None
            if clause is not None and not clause.figures:
                yield Hit(paragraph.line, column, column + len(m.group()), {"word": m.group()})
