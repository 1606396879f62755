"""publication-deadline: a web copy's own publication date, as its page's
metadata gives it (发布时间：2026-04-15, 发布日期：…, 时间：…), is later than
month/day of the year after the report year (31 March by default: 第二十四条
has reports published before 1 April).

Parse keeps such metadata lines out of the structure as web residue
(rules/residue.yaml), and the document keeps them (doc.residue); this kind
reads the date there, in the few residue lines, and never the text again. A
成文日期, 发文日期 or 更新时间 is not a publication date and is not read.

A news item that quotes the report (a dateline at the top of the text:
中新网3月29日电 据某部网站消息，某部发布……报告; `datelines`) is not the
report's page: its date, or a mirror's, is when the news was posted or copied,
not when the report was published, and the dateline's own day is the news
agency's, on or after the publication: it could clear the report, never show
it late. So nothing is said on such a page. The dateline is looked for in the
lines above the first heading (parse sets a lead ending 如下： aside as residue;
one without it stays in the text), never further down.

A page that tells, above the first heading, the day the report was released
(4月1日，《某部关于2022年度……的报告》正式发布。: a line that opens with the
day, the sentence naming the report and 发布/公布/公开, and no year but the
report's) before its own date is a reprint: its date is the reprint's, not the
report's publication date, and, as on a news item, nothing is said."""

from __future__ import annotations

from datetime import date

from . import Hit, any_of
from .deadline import deadline_of, validate  # noqa: F401 - the same month/day parameters
from .. import recache
from ..model import LineKind

KIND = "publication-deadline"
PARAMS = {"month": (int, 3), "day": (int, 31), "datelines": (list, [])}
VARIANTS = ("default",)

# The label, then the date: 发布时间：2026-04-15 10:00, [发布日期:2026/04/15],
# | 发布日期 | 2026-04-15 |, 时间：2026年4月15日. A bare 时间 only as a label of
# its own (at the start, or after a blank, a bracket or a table bar), so that
# 更新时间 and 发文时间 are not read.
_PUBLISHED = recache.compile(
    r"(?:发\s*布\s*(?:时\s*间|日\s*期)|(?<![^\s\[【|｜])时\s*间)\s*[:：\]】|｜]?\s*[|｜]?\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")


def prepare(params):
    return {**params, "datelines": any_of(params["datelines"])}


_LEAD_LINES = 8  # a news lead stands within the first lines of the text


def news_item(doc, datelines) -> bool:
    """Whether a news dateline stands in the text's first lines, above its
    first heading: the page is a news item quoting the report."""
    if datelines is None:
        return False
    for line in doc.lines[:_LEAD_LINES]:
        if line.kind is LineKind.HEADING:
            return False
        if datelines.match(line.text):
            return True
    return False


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


# A reprint's lead that gives the report's release day: the day (its year, if given) at the
# line's start, then the rest of the sentence.
_RELEASE_DAY = recache.compile(r"^[ \t\u3000]*(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                               r"([^。！？!?]{4,160})")
_RELEASED = recache.compile(r"发布|公布|公开")
_YEAR = recache.compile(r"((?:19|20)\d{2})\s*年")


def released(doc, page: date) -> date | None:
    """The day the report was released, as a reprint's lead above the first
    heading gives it (4月1日，《……2022年度……报告》正式发布。); None when no
    line does. A day without its year is the last such day on or before the
    page's date (4月1日 on a page of 2026-01-05 is 2025's), and a day within
    the report year is no release day of its report. A year the sentence
    names besides the day's own must be the report year (a report's own line
    on last year's report is no such lead)."""
    for line in doc.lines[:_LEAD_LINES]:
        if line.kind is LineKind.HEADING:
            return None
        m = _RELEASE_DAY.match(line.text)
        if m is None or "报告" not in m.group(4) or not _RELEASED.search(m.group(4)):
            continue
        if any(int(y) != doc.report_year for y in _YEAR.findall(m.group(4))):
            continue
        month, day = int(m.group(2)), int(m.group(3))
        try:
            if m.group(1):
                value = date(int(m.group(1)), month, day)
            else:
                value = date(page.year, month, day)
                value = value if value <= page else date(page.year - 1, month, day)
        except ValueError:  # no such day (2月30日; 2月29日 in a year without it)
            continue
        return value if value.year > doc.report_year else None
    return None


def check(doc, params, ctx):
    if not doc.residue:
        return
    deadline = deadline_of(doc, params)
    if deadline is None:
        return
    found = published(doc)
    if found is None or found[0] <= deadline or news_item(doc, params["datelines"]):
        return
    value, line, column, end_column = found
    day = released(doc, value)
    if day is not None and day < value:
        return  # a reprint, dated after the report's release
    yield Hit(line.number, column, end_column,
              {"date": f"{value.year}年{value.month}月{value.day}日", "year": doc.report_year,
               "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日"})
