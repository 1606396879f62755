"""Spans shared by the kinds: where a finding about a part or a line points."""

from __future__ import annotations

from ..model import Document, Line, Section
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
