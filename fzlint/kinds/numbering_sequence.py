"""numbering-sequence: sibling headings of one marker family count 1, 2, 3 ...

A heading is accepted when its number equals its place among its siblings or
follows the previous sibling's number, so that one wrong number gives one
finding (一、二、四、四 reports the first 四; 一、二、四、五 reports 四 only).
"""

from __future__ import annotations

from ..parse import marker_for
from ._siblings import numbered, sibling_groups
from . import Hit

KIND = "numbering-sequence"
PARAMS = {}
VARIANTS = ("default", "repeat")


def check(doc, params, ctx):
    for group in sibling_groups(doc):
        by_family: dict[str, list] = {}
        for section in numbered(group):
            by_family.setdefault(section.heading.marker.family, []).append(section)
        for family, sections in by_family.items():
            previous = None
            for index, section in enumerate(sections, start=1):
                marker = section.heading.marker
                prev_number = previous.heading.marker.number if previous else 0
                if marker.number not in (index, prev_number + 1):
                    expected = marker_for(family, prev_number + 1)
                    args = {"found": marker.text, "expected": expected,
                            "previous": previous.heading.marker.text if previous else "",
                            "previous_line": previous.line if previous else 0}
                    variant = "repeat" if previous and marker.number <= prev_number else "default"
                    yield Hit(section.line, marker.column, marker.end_column, args, variant)
                previous = section
