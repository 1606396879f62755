"""required-words: every part of a role says at least one of the given words
(regular expressions) in its body and sub-headings; its own heading does not
count. FZ102 uses it to ask a shortcomings part for its causes."""

from __future__ import annotations

from ._spans import heading_hit
from . import any_of

KIND = "required-words"
PARAMS = {"role": (str, None), "words": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if params["role"] not in vocabulary.roles:
        return f"role: unknown role {params['role']!r} (allowed: {', '.join(vocabulary.roles)})"
    return None


def prepare(params):
    return {**params, "words": any_of(params["words"])}


def check(doc, params, ctx):
    words = params["words"]
    for part in doc.parts(params["role"]):
        text = part.body_text()
        if text.strip() and not words.search(text):
            yield heading_hit(part, {"title": part.title})
