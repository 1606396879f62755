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

A sequence below level 1 that starts again at its first number after a
sibling with content of its own (（一）（二）（三）, text, then （一） again,
no parent heading between) has most likely lost the parent heading that
stood before the new （一）: a web copy that dropped 二、. It is reported as
such (variant restart, naming the parent heading due), not as a number to
change: asking for （四） would be the wrong fix. A continued sequence that
skips or repeats a number (（一）（二）（二）, or （一） right after a bare
（三） heading) keeps the default and repeat variants.
"""

from __future__ import annotations

from ..parse import marker_for
from ._siblings import numbered, sibling_groups
from . import Hit

KIND = "numbering-sequence"
PARAMS = {}
VARIANTS = ("default", "repeat", "missing", "restart")


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
                    parent_due = _parent_due(section, previous) if variant == "repeat" else None
                    if parent_due is not None:
                        variant, args["parent"] = "restart", parent_due
                    yield Hit(section.line, marker.column, marker.end_column, args, variant)
                previous = section


def _parent_due(section, previous) -> str | None:
    """The parent heading likely lost before section, a level-2-or-lower
    heading numbered 1 after a sibling numbered 2 or more that has content of
    its own (text or sub-headings): the parent's next number (二、 after 一、).
    None when the restart reads otherwise (a repeat, a bare heading before it,
    no numbered parent)."""
    marker, parent = section.heading.marker, section.parent
    if marker.number != 1 or marker.level <= 1 or previous.heading.marker.number < 2:
        return None
    if parent is None or parent.heading.marker is None:
        return None
    if not (previous.paragraphs or previous.children or previous.heading.body):
        return None
    return marker_for(parent.heading.marker.family, parent.heading.marker.number + 1)


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
