"""duplicate-section: a listed role played by more than one top-level part
(measures may be spread over several topic parts, so it is not listed)."""

from __future__ import annotations

from . import validate_roles
from ._spans import heading_hit

KIND = "duplicate-section"
PARAMS = {"roles": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def check(doc, params, ctx):
    for key in params["roles"]:
        parts = doc.parts(key)
        for part in parts[1:]:
            yield heading_hit(part, {"role": ctx.vocabulary.roles[key].name, "first_line": parts[0].line})
