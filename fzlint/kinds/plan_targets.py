"""plan-targets: each item of a plan part names a measurable target (a
figure), a deadline or a responsible unit (`targets`, regular expressions).
Items are the part's sub-headings with their text, else its paragraphs."""

from __future__ import annotations

from .. import prose
from . import Hit, any_of, validate_roles

KIND = "plan-targets"
PARAMS = {"roles": (list, None), "targets": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def prepare(params):
    targets = any_of(params["targets"])  # [0-9]{1,2}月… : searched through its first characters
    return {**params, "targets": prose.searcher(targets) if targets is not None else None}


def check(doc, params, ctx):
    targets = params["targets"]
    pt = prose.of_body(doc, ctx.figures)
    for part in doc.sections:
        if part.role not in params["roles"]:
            continue
        if part.children:
            units = [(c.heading, c.heading.title, list(c.all_paragraphs())) for c in part.children]
        else:
            units = [(None, p.text, [p]) for p in part.paragraphs]
        for heading, label, paragraphs in units:
            spans = [pt.span_of(p) for p in paragraphs]
            if any(pt.has_figure(*s) or targets.search(pt.text, *s) for s in spans) or targets.search(label):
                continue
            if heading is not None:
                yield Hit(heading.number, heading.column, heading.title_column + len(heading.title),
                          {"item": label[:20]})
            else:
                p = paragraphs[0]
                yield Hit(p.line, p.column, p.column + min(len(p.text), 20), {"item": label[:20]})
