"""marker-consistency: siblings use the markers of one level.

The tree places each marker family at its own level (一、 > （一） > 1. > （1）),
so siblings of different families (（一） beside 1.) mean the levels are out of
order. The finding goes on the first sibling whose family differs from the one
most siblings use. A sibling that is only mis-punctuated (（一）、, 1、, (一))
belongs to FZ203 and is not reported again here.
"""

from __future__ import annotations

from collections import Counter

from ._siblings import numbered, sibling_groups
from . import Hit

KIND = "marker-consistency"
PARAMS = {}
VARIANTS = ("default",)


def check(doc, params, ctx):
    for group in sibling_groups(doc):
        sections = numbered(group)
        if len(sections) < 2:
            continue
        families = Counter(s.heading.marker.family for s in sections)
        if len(families) == 1:
            continue
        # The commonest; of equals, the first used (a Counter keeps the order first
        # seen, and max keeps the first of equals).
        usual = max(families, key=families.get)
        model = next(s for s in sections if s.heading.marker.family == usual)
        odd = next(s for s in sections if s.heading.marker.family != usual)
        marker = odd.heading.marker
        yield Hit(odd.line, marker.column, marker.end_column,
                  {"found": marker.text, "first": model.heading.marker.text, "first_line": model.line})
