"""thin-section: a part of a listed role whose body (paragraphs and
sub-headings, spaces not counted) is shorter than min_chars characters.

An empty part whose heading the next part repeats (number and words: a web
page, or a drafter's paste, that wrote the heading line twice) is not thin:
the repeat is one fault, and FZ201 reports it on the copy."""

from __future__ import annotations

from . import validate_roles
from ..parse import words
from ._spans import heading_hit

KIND = "thin-section"
PARAMS = {"roles": (list, None), "min_chars": (int, 50)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if params["min_chars"] < 1:
        return "min_chars: expected a positive number"
    return validate_roles(params["roles"], vocabulary)


def _repeated(part, following) -> bool:
    """Whether `following` repeats part's heading line: same number, same words."""
    a, b = part.heading.marker, following.heading.marker
    return (a is not None and b is not None and (a.family, a.number) == (b.family, b.number)
            and words(part.title) == words(following.title))


def check(doc, params, ctx):
    parts = doc.sections
    for k, part in enumerate(parts):
        if part.role in params["roles"]:
            # The characters that are not white space, counted from the pieces
            # str.split() leaves (its white space is exactly what re's \s matches)
            # rather than from a copy of the text with the spaces removed.
            chars = sum(map(len, part.body_text().split()))
            if chars == 0 and k + 1 < len(parts) and _repeated(part, parts[k + 1]):
                continue
            if chars < params["min_chars"]:
                yield heading_hit(part, {"title": part.title, "chars": chars, "min": params["min_chars"],
                                         "role": ctx.vocabulary.roles[part.role].name})
