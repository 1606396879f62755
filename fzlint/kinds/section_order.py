"""section-order: top-level parts follow the order of the roles in
rules/sections.yaml (the regulation's order of content items). A part whose
role comes before one already seen is reported."""

from __future__ import annotations

from ._spans import heading_hit

KIND = "section-order"
PARAMS = {}
VARIANTS = ("default",)


def check(doc, params, ctx):
    roles = ctx.vocabulary.roles
    latest = None
    for part in doc.sections:
        role = roles[part.role]
        if latest is not None and role.order < roles[latest.role].order:
            yield heading_hit(part, {"role": role.name, "before": roles[latest.role].name,
                                     "before_line": latest.line})
        elif latest is None or role.order > roles[latest.role].order:
            latest = part
