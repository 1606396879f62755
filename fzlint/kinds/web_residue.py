"""web-residue: lines of web page furniture (rules/residue.yaml, and a page
headline repeating the title) that parse kept out of the structure."""

from __future__ import annotations

from ._spans import line_hit

KIND = "web-residue"
PARAMS = {}
VARIANTS = ("default",)


def check(doc, params, ctx):
    for line in doc.residue:
        yield line_hit(line, {"text": line.text[:20]})
