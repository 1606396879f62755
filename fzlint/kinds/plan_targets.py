"""plan-targets: each item of a plan part names a measurable target (a
figure), a deadline or a responsible unit (`targets`, regular expressions).
Items are the part's sub-headings with their text, else its paragraphs."""

from __future__ import annotations

import re

from .. import prose
from . import Hit, validate_roles

KIND = "plan-targets"
PARAMS = {"roles": (list, None), "targets": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    targets = re.compile("|".join(f"(?:{t})" for t in params["targets"]))
    for part in doc.sections:
        if part.role not in params["roles"]:
            continue
        if part.children:
            units = [(c.heading, c.heading.title, list(c.all_paragraphs())) for c in part.children]
        else:
            units = [(None, p.text, [p]) for p in part.paragraphs]
        for heading, label, paragraphs in units:
            text = label + "".join(p.text for p in paragraphs)
            has_figure = any(s.figures for p in paragraphs for s in prose.analyse(doc, p, ctx.figures).sentences)
            if has_figure or targets.search(text):
                continue
            if heading is not None:
                hit = Hit(heading.number, heading.column, heading.title_column + len(heading.title))
            else:
                p = paragraphs[0]
                hit = Hit(p.line, p.column, p.column + min(len(p.text), 20))
            yield Hit(hit.line, hit.column, hit.end_column, {"item": label[:20]})
