"""section-in-passing: a role with no part of its own whose content stands
only in the heading of another part that joins it to its own (主要举措、成效和
不足), as a sub-heading inside another part, as a closing paragraph
(下一步，……), or as a paragraph or run-in item (二是……) of another part
(the Mentions of classify.py; nothing in the plan part counts, since it sets
out next year's work). One finding per role, at the first such place."""

from __future__ import annotations

from . import Hit, validate_roles
from ._spans import suggested_heading

KIND = "section-in-passing"
PARAMS = {"roles": (list, None)}
VARIANTS = ("default", "closing-paragraph", "paragraph", "heading")


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    present = {part.role for part in doc.sections}
    for key in params["roles"]:
        if key in present:
            continue
        mention = next((m for m in doc.mentions if m.role == key), None)
        if mention is None:
            continue
        role = ctx.vocabulary.roles[key]
        variant = mention.how if mention.how in VARIANTS else "default"
        yield Hit(mention.line, mention.column, mention.end_column,
                  {"role": role.name, "item": role.item, "example": suggested_heading(doc, key, params["roles"], ctx.vocabulary.roles),
                   "text": mention.text if variant == "heading" else mention.text[:20]},  # a heading whole
                  variant)
