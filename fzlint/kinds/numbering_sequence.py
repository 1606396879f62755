"""numbering-sequence: sibling headings of one marker family count 1, 2, 3 ...

A heading is accepted when its number equals its place among its siblings or
follows the previous sibling's number, so that one wrong number gives one
finding (一、二、四、四 reports the first 四; 一、二、四、五 reports 四 only).
Items may also run on from one part to the next: 1. 2. under （一）, then
3. 4. under （二）, a convention some drafters keep; a group's first heading
is accepted as the number after the last of its family under the previous
part (the parent's previous sibling).

A level-1 heading whose numeral is lost (a bare 、, parse.py) has the number
its place calls for; it is reported as such (variant missing), once.
"""

from __future__ import annotations

from ..parse import marker_for
from ._siblings import numbered, sibling_groups
from . import Hit

KIND = "numbering-sequence"
PARAMS = {}
VARIANTS = ("default", "repeat", "missing")


def check(doc, params, ctx):
    for group in sibling_groups(doc):
        by_family: dict[str, list] = {}
        for section in numbered(group):
            by_family.setdefault(section.heading.marker.family, []).append(section)
        for family, sections in by_family.items():
            previous = None
            carried = _carried(doc, group, family)
            for index, section in enumerate(sections, start=1):
                marker = section.heading.marker
                if marker.lost:
                    yield Hit(section.line, marker.column, marker.end_column,
                              {"found": marker.text, "expected": marker.canonical}, "missing")
                    previous = section
                    continue
                prev_number = previous.heading.marker.number if previous else carried
                if marker.number not in (index, prev_number + 1):
                    expected = marker_for(family, (previous.heading.marker.number if previous else 0) + 1)
                    args = {"found": marker.text, "expected": expected,
                            "previous": previous.heading.marker.text if previous else "",
                            "previous_line": previous.line if previous else 0}
                    variant = "repeat" if previous and marker.number <= prev_number else "default"
                    yield Hit(section.line, marker.column, marker.end_column, args, variant)
                previous = section


def _carried(doc, group, family: str) -> int:
    """The number of the last heading of family under the part before the
    group's parent (0 when there is none): where items running on across
    parts continue from."""
    parent = group[0].parent
    if parent is None:
        return 0
    siblings = parent.parent.children if parent.parent is not None else doc.sections
    k = next((i for i, s in enumerate(siblings) if s is parent), 0)
    if k == 0:
        return 0
    last = [s for s in numbered(siblings[k - 1].children) if s.heading.marker.family == family]
    return last[-1].heading.marker.number if last else 0
