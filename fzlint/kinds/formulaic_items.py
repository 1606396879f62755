"""formulaic-items: every item of a part is a generic formula.

An item is a sub-heading with its text, or else a 一是/二是 item, or else a
sentence. It is formulaic when it has no figure and at least `share` of its
clauses use one of the `formulas` (有待进一步加强, 还不够, 仍需提升 …). One
finding at the part's heading when all its items are formulaic.
"""

from __future__ import annotations


from .. import prose
from ._spans import heading_hit
from . import any_of, validate_roles
from .. import recache

KIND = "formulaic-items"
PARAMS = {"roles": (list, None), "formulas": (list, None), "share": (float, 0.75)}
VARIANTS = ("default",)
_ITEM = recache.compile(r"[一二三四五六七八九十]+是")


def validate(params, vocabulary):
    if not 0 < params["share"] <= 1:
        return "share: expected a share between 0 and 1"
    return validate_roles(params["roles"], vocabulary)


def _clauses(pt: prose.ProseText, sentences) -> list[str]:
    return [pt.text[s:e] for sentence in sentences for s, e in pt.clauses(*sentence)]


def items(pt: prose.ProseText, part):
    """The items of a part, each as (its clause texts, whether it has a figure)."""
    if part.children:
        for child in part.children:
            sentences = pt.sentences_in([pt.span_of(p) for p in child.all_paragraphs()])
            yield [child.title] + _clauses(pt, sentences), any(pt.has_figure(*s) for s in sentences)
        return
    sentences = pt.sentences_in([pt.span_of(p) for p in part.paragraphs])
    enumerated = any(_ITEM.match(pt.text, s) for s, _ in sentences)
    groups: list[list] = []
    for sentence in sentences:  # 一是……。二是……。: an item runs to the next; else a sentence each
        if not enumerated or _ITEM.match(pt.text, sentence[0]) or not groups:
            groups.append([sentence])
        else:
            groups[-1].append(sentence)
    for group in groups:
        yield _clauses(pt, group), any(pt.has_figure(*s) for s in group)


def prepare(params):
    return {**params, "formulas": any_of(params["formulas"])}


def check(doc, params, ctx):
    formulas = params["formulas"]
    for part in doc.sections:
        if part.role not in params["roles"]:
            continue
        found = list(items(prose.of_body(doc, ctx.figures), part))
        if found and all(
            not has_figure and sum(1 for c in clauses if formulas.search(c)) >= params["share"] * len(clauses)
            for clauses, has_figure in found
        ):
            yield heading_hit(part, {"title": part.title, "items": len(found)})
