"""required-words: every part of a role says at least one of the given words
(regular expressions) in its body and sub-headings; its own heading does not
count. FZ102 uses it to ask a shortcomings part for its causes."""

from __future__ import annotations

import re

from ._spans import heading_hit

KIND = "required-words"
PARAMS = {"role": (str, None), "words": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if params["role"] not in vocabulary.roles:
        return f"role: unknown role {params['role']!r} (allowed: {', '.join(vocabulary.roles)})"
    try:
        re.compile("|".join(params["words"]))
    except re.error as exc:
        return f"words: bad regular expression: {exc}"
    return None


def check(doc, params, ctx):
    words = re.compile("|".join(f"(?:{w})" for w in params["words"]))
    for part in doc.parts(params["role"]):
        text = part.body_text()
        if text.strip() and not words.search(text):
            yield heading_hit(part, {"title": part.title})
