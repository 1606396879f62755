"""thin-section: a part of a listed role whose body (paragraphs and
sub-headings, spaces not counted) is shorter than min_chars characters.

An empty part (no text, no sub-heading) followed at once by a part whose
heading repeats its number is not thin: the heading line written twice (a web
page, a drafter's paste), or a sub-heading misnumbered at the top level
(一、主要举措 then 一、强化领导责任, the part's text under it), is one fault, and
FZ201 reports the repeated number on the second heading. An empty part followed
by the next number (一、 then 二、, whatever the words) is thin, as is a part
with any text before the repeated number."""

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


def _repeated(part, following) -> bool:
    """Whether `following`'s heading repeats part's number (the repeat FZ201 reports)."""
    a, b = part.heading.marker, following.heading.marker
    return a is not None and b is not None and (a.family, a.number) == (b.family, b.number)


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
