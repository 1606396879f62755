"""substitution: wordings to replace, each with the one to write instead.

The generic kind for a user's own term list (FZ601 takes its terms from
rules/terms.yaml instead). `replace` maps each wrong wording to the right one;
they are matched as written (no regular expressions), longest first, and not
inside a longer phrase listed under `keep`. Each match is one finding with
{wrong} and {right}; a rule marked fixable lets --fix make the replacement.
"""

from __future__ import annotations

from .. import prose
from ..model import Fix
from . import Hit
from ._text import text_lines

KIND = "substitution"
PARAMS = {"replace": (dict, None), "keep": (list, [])}
VARIANTS = ("default",)
FOR_USERS = True  # a generic kind for rules users write (configuration: extend); no shipped rule uses it


def validate(params, vocabulary):
    pairs = params["replace"]
    if not pairs or not all(isinstance(k, str) and k and isinstance(v, str) and k != v for k, v in pairs.items()):
        return "replace: expected a mapping of wrong wordings to different right ones (strings)"
    if not all(isinstance(p, str) and p for p in params["keep"]):
        return "keep: expected a list of phrases"
    return None


def prepare(params):
    return {"replace": params["replace"], "regex": prose.literal_pattern(params["replace"]),
            "keep": prose.literal_pattern(params["keep"]) if params["keep"] else None}


def check(doc, params, ctx):
    regex, keep, replace = params["regex"], params["keep"], params["replace"]
    for line in text_lines(doc):
        kept = [m.span() for m in keep.finditer(line.text)] if keep else []
        for m in regex.finditer(line.text):
            if any(a <= m.start() and m.end() <= b for a, b in kept):
                continue
            start, end = line.column + m.start(), line.column + m.end()
            right = replace[m.group()]
            yield Hit(line.number, start, end, {"wrong": m.group(), "right": right},
                      fix=Fix(line.number, start, end, right))
