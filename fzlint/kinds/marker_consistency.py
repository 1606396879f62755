"""marker-consistency: siblings share one marker style.

Siblings of different families (（一） beside 1.) also mean a level is out of
the 一、 → （一） → 1. → （1） order, since the tree places each family at its
own level. Bracket and dot width do not make a different style (FZ203 reports
half-width brackets); 1. beside 1、 does. One finding per sibling group.
"""

from __future__ import annotations

from ._siblings import numbered, sibling_groups
from . import Hit

KIND = "marker-consistency"
PARAMS = {}
VARIANTS = ("default",)
_WIDTH = str.maketrans({"(": "（", ")": "）", "．": ".", ",": "，"})


def _style(marker) -> tuple[str, str]:
    return marker.family, marker.style.translate(_WIDTH).replace(" ", "")


def check(doc, params, ctx):
    for group in sibling_groups(doc):
        sections = numbered(group)
        if not sections:
            continue
        first = sections[0].heading.marker
        for section in sections[1:]:
            marker = section.heading.marker
            if _style(marker) != _style(first):
                yield Hit(section.line, marker.column, marker.end_column,
                          {"found": marker.text, "first": first.text, "first_line": sections[0].line})
                break
