"""unquantified-claim: a clause in the listed parts that claims an achievement
or effect (one of `claims`, regular expressions searched in the clause) with no
figure of its own and no figure measuring an effect elsewhere in its sentence.
Only clauses holding one of the `cues` (plain words) are examined, which keeps
the rule fast; every claim pattern must contain a cue.

Counts of activities in neighbouring clauses (开展宣传15次) do not support a
claim about the effect (获得广泛好评); a percentage, a zero result (零新增) or a
change (同比下降11.3%) in the same sentence does. A clause that states a purpose
(`purposes`: 为……, 确保……) is not a claim, nor is a claim word used as an
attribute (对成效明显的科室……表扬).
"""

from __future__ import annotations

import re

from .. import prose
from . import Hit, validate_roles

KIND = "unquantified-claim"
PARAMS = {"roles": (list, None), "cues": (list, None), "claims": (list, None), "purposes": (list, []),
          "changes": (list, [])}
VARIANTS = ("default",)


def validate(params, vocabulary):
    try:
        for key in ("claims", "purposes", "changes"):
            re.compile("|".join(params[key]) or "x")
    except re.error as exc:
        return f"bad regular expression: {exc}"
    for i, claim in enumerate(params["claims"]):
        if not any(cue in claim for cue in params["cues"]):
            return f"claims[{i}]: {claim!r} contains none of the cues; add its key word to cues"
    return validate_roles(params["roles"], vocabulary)


def _measures_effect(sentence, changes) -> bool:
    for clause in sentence.clauses:
        for figure in clause.figures:
            if figure.kind in ("percent", "zero") or (changes and changes.search(clause.text)):
                return True
    return False


def check(doc, params, ctx):
    cues = prose.literal_pattern(params["cues"])
    claims = re.compile("|".join(f"(?:{c})" for c in params["claims"]))
    purposes = re.compile("|".join(f"(?:{c})" for c in params["purposes"])) if params["purposes"] else None
    changes = re.compile("|".join(f"(?:{c})" for c in params["changes"])) if params["changes"] else None
    for paragraph in prose.paragraphs_of(doc, set(params["roles"])):
        text = paragraph.text
        analysis = None
        seen = set()
        for cue in cues.finditer(text):
            # Look for a claim only in the clause around the cue: cheap, and the
            # clause is the unit a claim is judged in.
            start, end = prose.clause_bounds(text, cue.start())
            if start in seen:
                continue
            seen.add(start)
            if not claims.search(text, start, end):
                continue
            analysis = analysis or prose.analyse(doc, paragraph, ctx.figures)
            sentence = analysis.sentence_at(paragraph.column + cue.start())
            if sentence is None or sentence.is_item_head:
                continue
            clause = sentence.clause_at(paragraph.column + cue.start())
            m = claims.search(clause.text) if clause else None
            if not m or clause.figures or (purposes and purposes.match(clause.text)):
                continue
            if clause.text[m.end():m.end() + 1] == "的":  # an attribute, not a claim
                continue
            if not _measures_effect(sentence, changes):
                yield Hit(sentence.line, clause.column, clause.end_column,
                          {"claim": m.group(), "clause": clause.text[:24]})
