"""required-heading: the draft has a heading matching one of the given patterns.

The generic kind for a part a user's office requires beyond the regulation's
four (e.g. 法治政府示范创建情况). `headings` are regular expressions searched in
each heading's phrase; `level` limits the search to one level of the outline
(1 = 一、 parts; 0 = any level). Missing, it is reported once, at the end of
the body, with {name} and {example} from the parameters.
"""

from __future__ import annotations

from . import any_of
from ._spans import end_of_body_hit

KIND = "required-heading"
PARAMS = {"headings": (list, None), "level": (int, 0), "name": (str, None), "example": (str, "")}
VARIANTS = ("default",)
FOR_USERS = True  # a generic kind for rules users write (configuration: extend); no shipped rule uses it


def validate(params, vocabulary):
    if not params["headings"] or not all(isinstance(p, str) and p for p in params["headings"]):
        return "headings: expected a list of regular expressions"
    if not 0 <= params["level"] <= 4:
        return "level: expected 0 (any level) or 1 to 4"
    return None


def prepare(params):
    return {**params, "headings": any_of(params["headings"])}


def check(doc, params, ctx):
    pattern, level = params["headings"], params["level"]
    for section in doc.headings():
        if (not level or section.level == level) and pattern.search(section.title):
            return
    yield end_of_body_hit(doc, {"name": params["name"], "example": params["example"] or params["name"]})
