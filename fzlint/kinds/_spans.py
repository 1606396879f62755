"""Spans shared by the kinds: where a finding about a part or a line points."""

from __future__ import annotations

from ..model import Document, Line, Section
from ..parse import cn_numeral
from . import Hit


def heading_hit(section: Section, args: dict | None = None, variant: str = "default") -> Hit:
    """The heading's marker and phrase."""
    h = section.heading
    return Hit(h.number, h.column, h.title_column + len(h.title), args or {}, variant)


def line_hit(line: Line, args: dict | None = None, variant: str = "default") -> Hit:
    return Hit(line.number, line.column, line.end_column, args or {}, variant)


def end_of_body_hit(doc: Document, args: dict | None = None, variant: str = "default") -> Hit:
    """The start of the body's last line: where missing back matter should follow."""
    number = doc.body_end_line()
    line = next((ln for ln in doc.lines if ln.number == number), None)
    column = line.column if line else 1
    return Hit(number, column, column + (len(line.text) if line else 0), args or {}, variant)


def start_of_body_hit(doc: Document, args: dict | None = None, variant: str = "default") -> Hit:
    """The first line of the body (preface or first heading)."""
    candidates = [p.line for p in doc.preface[:1]] + [s.line for s in doc.sections[:1]]
    if not candidates:
        return end_of_body_hit(doc, args, variant)
    number = min(candidates)
    line = next(ln for ln in doc.lines if ln.number == number)
    return Hit(number, line.column, line.end_column, args or {}, variant)


def suggested_heading(doc: Document, key: str, listed, roles) -> str:
    """The heading to add for the role `key`, which has no part of its own:
    numbered for the place it would take (before the first part of a later
    role, after the parts of earlier roles, and after the parts also missing
    among the `listed` roles that come before it) and dated with the report
    year, e.g. 二、2023年度推进法治政府建设存在的不足和原因. `roles` are the
    vocabulary's roles by key."""
    role = roles[key]
    present = {part.role for part in doc.sections}
    place = next((i for i, p in enumerate(doc.sections) if roles[p.role].order > role.order), len(doc.sections))
    place += sum(1 for k in listed if k not in present and roles[k].order < role.order)
    return role.heading(cn_numeral(place + 1) + "、", doc.report_year)
