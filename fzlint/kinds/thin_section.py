"""thin-section: a part of a listed role whose body (paragraphs and
sub-headings, spaces not counted) is shorter than min_chars characters."""

from __future__ import annotations

import re

from ._spans import heading_hit

KIND = "thin-section"
PARAMS = {"roles": (list, None), "min_chars": (int, 50)}
VARIANTS = ("default",)
_SPACE = re.compile(r"\s+")


def validate(params, vocabulary):
    unknown = [r for r in params["roles"] if r not in vocabulary.roles]
    if unknown:
        return f"roles: unknown role {unknown[0]!r} (allowed: {', '.join(vocabulary.roles)})"
    return "min_chars: expected a positive number" if params["min_chars"] < 1 else None


def check(doc, params, ctx):
    for part in doc.sections:
        if part.role in params["roles"]:
            chars = len(_SPACE.sub("", part.body_text()))
            if chars < params["min_chars"]:
                yield heading_hit(part, {"title": part.title, "chars": chars, "min": params["min_chars"],
                                         "role": ctx.vocabulary.roles[part.role].name})
