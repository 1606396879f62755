"""formulaic-items: every item of a part is a generic formula.

An item is a sub-heading with its text, or else a 一是/二是 item, or else a
sentence. It is formulaic when it has no figure and at least `share` of its
clauses use one of the `formulas` (有待进一步加强, 还不够, 仍需提升 …). One
finding at the part's heading when all its items are formulaic.
"""

from __future__ import annotations

import re

from .. import prose
from ._spans import heading_hit
from . import validate_roles

KIND = "formulaic-items"
PARAMS = {"roles": (list, None), "formulas": (list, None), "share": (float, 0.75)}
VARIANTS = ("default",)
_ITEM = re.compile(r"(?=[一二三四五六七八九十]+是)")


def validate(params, vocabulary):
    if not 0 < params["share"] <= 1:
        return "share: expected a share between 0 and 1"
    return validate_roles(params["roles"], vocabulary)


def items(doc, part, finder):
    """The items of a part, each as (its clause texts, whether it has a figure)."""
    if part.children:
        for child in part.children:
            sentences = [s for p in child.all_paragraphs() for s in prose.analyse(doc, p, finder).sentences]
            clauses = [child.title] + [c.text for s in sentences for c in s.clauses if c.text]
            yield clauses, any(s.figures for s in sentences)
        return
    sentences = [s for p in part.paragraphs for s in prose.analyse(doc, p, finder).sentences]
    if any(_ITEM.match(s.text) for s in sentences):  # 一是……。二是……。: an item runs to the next
        groups: list[list] = []
        for sentence in sentences:
            if _ITEM.match(sentence.text) or not groups:
                groups.append([sentence])
            else:
                groups[-1].append(sentence)
    else:
        groups = [[s] for s in sentences]
    for group in groups:
        yield [c.text for s in group for c in s.clauses if c.text], any(s.figures for s in group)


def check(doc, params, ctx):
    formulas = re.compile("|".join(f"(?:{f})" for f in params["formulas"]))
    for part in doc.sections:
        if part.role not in params["roles"]:
            continue
        found = list(items(doc, part, ctx.figures))
        if found and all(
            not has_figure and sum(1 for c in clauses if formulas.search(c)) >= params["share"] * len(clauses)
            for clauses, has_figure in found
        ):
            yield heading_hit(part, {"title": part.title, "items": len(found)})
