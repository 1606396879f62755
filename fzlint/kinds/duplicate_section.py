"""duplicate-section: a listed role played by more than one top-level part
(measures may be spread over several topic parts, so it is not listed)."""

from __future__ import annotations

from ._spans import heading_hit

KIND = "duplicate-section"
PARAMS = {"roles": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    unknown = [r for r in params["roles"] if r not in vocabulary.roles]
    return f"roles: unknown role {unknown[0]!r} (allowed: {', '.join(vocabulary.roles)})" if unknown else None


def check(doc, params, ctx):
    for key in params["roles"]:
        parts = doc.parts(key)
        for part in parts[1:]:
            yield heading_hit(part, {"role": ctx.vocabulary.roles[key].name, "first_line": parts[0].line})
