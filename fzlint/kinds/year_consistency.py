"""year-consistency: the years of a report agree.

* the plan's year (its heading, or its first paragraph) is the report year + 1;
* the title's year is the year the body says it reports on (or --year);
* the report year is not in the future.
"""

from __future__ import annotations

from ..model import Line
from . import Hit
from ._spans import start_of_body_hit

KIND = "year-consistency"
PARAMS = {}
VARIANTS = ("default", "title", "future")


def _year_span(place, year: int) -> Hit:
    text = place.title if isinstance(place, Line) else place.text
    column = place.title_column if isinstance(place, Line) else place.column
    index = text.find(str(year))
    start = column + max(index, 0)
    line = place.number if isinstance(place, Line) else place.line
    return Hit(line, start, start + (len(str(year)) if index >= 0 else len(text)))


def _in_title(title: list[Line], year: str) -> tuple[Line, int]:
    """The title line where year begins, and its index there. The title's year
    is read from its lines joined, so it may run over a line break (20 / 23年);
    the span then ends with the line."""
    joined = "".join(ln.text for ln in title)
    at = max(joined.find(year), 0)
    for line in title[:-1]:
        if at < len(line.text):
            return line, at
        at -= len(line.text)
    return title[-1], min(at, len(title[-1].text))


def check(doc, params, ctx):
    year = doc.report_year
    if year is None:
        return
    if doc.plan_year and doc.report_year_from != "plan" and doc.plan_year != year + 1:
        hit = _year_span(doc.plan_year_line, doc.plan_year)
        yield Hit(hit.line, hit.column, hit.end_column,
                  {"plan_year": doc.plan_year, "year": year, "expected": year + 1})
    body_year = year if doc.report_year_from == "option" else doc.body_year
    if doc.title_year and body_year and doc.title_year != body_year:
        line, index = _in_title(doc.title, str(doc.title_year))
        yield Hit(line.number, line.column + index, line.column + min(index + 4, len(line.text)),
                  {"title_year": doc.title_year, "body_year": body_year}, "title")
    if year > ctx.today.year:
        place = doc.title[0] if doc.title else None
        hit = Hit(place.number, place.column, place.end_column) if place else start_of_body_hit(doc)
        yield Hit(hit.line, hit.column, hit.end_column, {"year": year, "today": ctx.today.isoformat()}, "future")
