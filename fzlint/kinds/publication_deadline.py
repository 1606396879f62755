"""publication-deadline: a web copy's own publication date, as its page's
metadata gives it (发布时间：2026-04-15, 发布日期：…, 时间：…), is later than
month/day of the year after the report year (31 March by default: 第二十四条
has reports published before 1 April).

Parse keeps such metadata lines out of the structure as web residue
(rules/residue.yaml), and the document keeps them (doc.residue); this kind
reads the date there, in the few residue lines, and never the text again. A
成文日期, 发文日期 or 更新时间 is not a publication date and is not read."""

from __future__ import annotations

from datetime import date

from . import Hit
from .deadline import deadline_of, validate  # noqa: F401 - the same month/day parameters
from .. import recache

KIND = "publication-deadline"
PARAMS = {"month": (int, 3), "day": (int, 31)}
VARIANTS = ("default",)

# The label, then the date: 发布时间：2026-04-15 10:00, [发布日期:2026/04/15],
# | 发布日期 | 2026-04-15 |, 时间：2026年4月15日. A bare 时间 only as a label of
# its own (at the start, or after a blank, a bracket or a table bar), so that
# 更新时间 and 发文时间 are not read.
_PUBLISHED = recache.compile(
    r"(?:发\s*布\s*(?:时\s*间|日\s*期)|(?<![^\s\[【|｜])时\s*间)\s*[:：\]】|｜]?\s*[|｜]?\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")


def published(doc) -> tuple[date, object, int, int] | None:
    """The page's publication date with its residue line and the date's span
    on it (columns, end exclusive), from the first metadata line that gives
    one; None when no residue line does (or its date cannot exist)."""
    for line in doc.residue:
        if "间" not in line.text and "期" not in line.text:
            continue
        m = _PUBLISHED.search(line.text)
        if m is None:
            continue
        try:
            value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return value, line, line.column + m.start(1), line.column + m.end(3)
    return None


def check(doc, params, ctx):
    if not doc.residue:
        return
    deadline = deadline_of(doc, params)
    if deadline is None:
        return
    found = published(doc)
    if found is None or found[0] <= deadline:
        return
    value, line, column, end_column = found
    yield Hit(line.number, column, end_column,
              {"date": f"{value.year}年{value.month}月{value.day}日", "year": doc.report_year,
               "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日"})
