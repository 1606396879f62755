"""required-section: each listed role has a top-level part of its own.

A role whose content stands only in passing (a sub-heading, a closing
paragraph) is left to section-in-passing. The finding points at the heading of
the first part that should come after the missing one, or at the body's end.

A text with no heading recognised at all (no part: FZ903's case) is not
checked: its parts may stand run into its paragraphs (doc.run_in_heading), or
under headings that lost their numerals or were split across lines, and a
text that is all measures would be told its measures part is missing. No part
is called missing; FZ903 says the required parts cannot be checked until the
parts have headings on lines of their own.
"""

from __future__ import annotations

from . import validate_roles
from ._spans import end_of_body_hit, heading_hit, suggested_heading

KIND = "required-section"
PARAMS = {"roles": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    if not doc.sections:  # FZ903: no part can be told apart yet
        return
    roles = ctx.vocabulary.roles
    present = {part.role for part in doc.sections}
    mentioned = {m.role for m in doc.mentions}
    for key in params["roles"]:
        if key in present or key in mentioned:
            continue
        role = roles[key]
        after = next((p for p in doc.sections if roles[p.role].order > role.order), None)
        args = {"role": role.name, "item": role.item, "example": suggested_heading(doc, key, params["roles"], roles)}
        yield heading_hit(after, args) if after else end_of_body_hit(doc, args)
