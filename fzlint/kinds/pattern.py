"""pattern: a phrase that must not appear, given as regular expressions.

The generic kind for rules a user writes (a city's 司法局 banning its own
phrases). Every content line is searched (web residue and page numbers are
not); each match is one finding, with {found} the matched text. Matches inside
a phrase listed under `unless` (also regular expressions) are not reported.
"""

from __future__ import annotations

from . import Hit, any_of
from ._text import text_lines

KIND = "pattern"
PARAMS = {"patterns": (list, None), "unless": (list, [])}
VARIANTS = ("default",)
FOR_USERS = True  # a generic kind for rules users write (configuration: extend); no shipped rule uses it


def validate(params, vocabulary):
    for key in ("patterns", "unless"):
        if not all(isinstance(p, str) and p for p in params[key]):
            return f"{key}: expected a list of regular expressions"
    return None if params["patterns"] else "patterns: give at least one regular expression"


def prepare(params):
    return {"patterns": any_of(params["patterns"]), "unless": any_of(params["unless"])}


def check(doc, params, ctx):
    pattern, unless = params["patterns"], params["unless"]
    for line in text_lines(doc):
        allowed = [m.span() for m in unless.finditer(line.text)] if unless else []
        for m in pattern.finditer(line.text):
            if m.end() == m.start() or any(a <= m.start() and m.end() <= b for a, b in allowed):
                continue
            yield Hit(line.number, line.column + m.start(), line.column + m.end(), {"found": m.group()})
