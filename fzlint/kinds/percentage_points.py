"""percentage-points: the change of a rate written in % where percentage
points are meant: 败诉率11.8%，同比下降3% (→ 下降3个百分点).

Reported only where the sentence says that the change is the rate's: a rate
named (`rates`), its value as a percentage in the same clause (11.8%, or
由90%提高到93%), then the change (`changes`: 下降, 提高 … a figure in %) right
after it, with nothing between but a comparison (`links`: 同比, 较上年 …).
When the rate's value is not stated (发生率同比下降11.3%) the change may be
relative to a rate that is no percentage at all, and nothing is said; nor
when the clause says the change is relative (`relative`: 下降了3%（相对）),
nor for the change of a count (案件数同比下降3%). Not fixable: only the
writer knows which was meant."""

from __future__ import annotations

import re

from .. import prose
from . import Hit
from .. import recache

KIND = "percentage-points"
PARAMS = {"rates": (str, None), "changes": (list, None), "links": (str, None), "relative": (list, None)}
VARIANTS = ("default",)

_PERCENT = (recache.compile("%"), recache.compile("％"))
_CLAUSE_BREAK = frozenset("，,；;。\n")
_MAX_NAME_GAP = 16  # characters between a rate's name and its value
_MAX_LINK = 32  # characters from the start of the rate's value to its change
_NEAR = 8  # characters either side of a change where it may be said to be relative


def validate(params, vocabulary):
    if not params["changes"] or not all(isinstance(w, str) and w for w in params["changes"]):
        return "changes: expected a list of words"
    if not params["relative"] or not all(isinstance(w, str) and w for w in params["relative"]):
        return "relative: expected a list of words"
    return None


def prepare(params):
    verbs = "|".join(map(re.escape, sorted(params["changes"], key=len, reverse=True)))
    return {**params, "rates": prose.searcher(params["rates"]),
            # The change before a % sign, searched in a short window that ends at the sign.
            "change": recache.compile(f"(?:{verbs})(了)?(?:约|近)?([0-9]+(?:[.．][0-9]+)?)$"),
            "links": recache.compile(params["links"]),
            "relative": prose.literal_pattern(params["relative"])}


def check(doc, params, ctx):
    pt = prose.of_body(doc, ctx.figures)
    text = pt.text
    places = sorted(m.start() for p in _PERCENT for m in p.finditer(text))
    change, links, rates, relative = params["change"], params["links"], params["rates"], params["relative"]
    for at in places:
        m = change.search(text, max(0, at - 14), at)
        if m is None:
            continue
        start = m.start()
        clause = pt.clause_at(start)
        sentence = pt.sentence_at(start)
        if clause is None or sentence is None:
            continue
        # A relative change says so next to it (相对下降3%, 下降了3%（相对）): only that much is read,
        # not the whole clause, which may be long and hold many changes.
        if relative.search(text, max(clause[0], start - _NEAR), min(max(clause[1], at + 1), at + 1 + _NEAR)):
            continue
        # Only a short stretch before the change is read (a sentence may be a whole paragraph).
        level = next((f for f in reversed(pt.figures(max(sentence[0], start - _MAX_LINK), start))
                      if f.kind == "percent"), None)
        if level is None or not links.fullmatch(text, level.end, start):
            continue
        named = list(rates.finditer(text, max(sentence[0], level.start - _MAX_NAME_GAP - 3), level.start))
        if not named:
            continue
        gap = text[named[-1].end():level.start]
        if len(gap) > _MAX_NAME_GAP or any(c in _CLAUSE_BREAK for c in gap):
            continue
        if any(f.kind == "count" for f in pt.figures(named[-1].end(), level.start)):
            continue
        line, column = pt.locate(start)
        found = text[start:at + 1]
        suggestion = found[:-1] + "个百分点"
        yield Hit(line, column, column + len(found), {"value": level.text, "found": found, "suggestion": suggestion})
