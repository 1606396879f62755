"""thin-section: a part of a listed role whose body (paragraphs and
sub-headings, spaces not counted) is shorter than min_chars characters."""

from __future__ import annotations

from . import validate_roles
from ._spans import heading_hit

KIND = "thin-section"
PARAMS = {"roles": (list, None), "min_chars": (int, 50)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if params["min_chars"] < 1:
        return "min_chars: expected a positive number"
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    for part in doc.sections:
        if part.role in params["roles"]:
            # The characters that are not white space, counted from the pieces
            # str.split() leaves (its white space is exactly what re's \s matches)
            # rather than from a copy of the text with the spaces removed.
            chars = sum(map(len, part.body_text().split()))
            if chars < params["min_chars"]:
                yield heading_hit(part, {"title": part.title, "chars": chars, "min": params["min_chars"],
                                         "role": ctx.vocabulary.roles[part.role].name})
