"""deadline: the 成文日期 is no later than month/day of the year after the
report year (1 April by default: 第二十四条 has reports published before 1
April; departments report to their governments by 1 March)."""

from __future__ import annotations

from datetime import date

from ._spans import line_hit

KIND = "deadline"
PARAMS = {"month": (int, 4), "day": (int, 1)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    try:
        date(2001, params["month"], params["day"])
    except ValueError:
        return f"month/day: {params['month']}/{params['day']} is not a date"
    return None


def deadline_of(doc, params) -> date | None:
    """The date the report is due by: month/day of the year after its report
    year; None when the report year is unknown."""
    if doc.report_year is None:
        return None
    return date(doc.report_year + 1, params["month"], params["day"])


def on_time(doc, params) -> bool | None:
    """Whether the 成文日期 is no later than the deadline (what this rule
    checks); None when the date is missing or impossible, or the year unknown.
    The review page's on-time column asks this, so that it and FZ305 agree."""
    deadline = deadline_of(doc, params)
    if doc.date is None or doc.date.value is None or deadline is None:
        return None
    return doc.date.value <= deadline


def check(doc, params, ctx):
    if on_time(doc, params) is not False:
        return
    deadline = deadline_of(doc, params)
    yield line_hit(doc.date.line, {"date": doc.date.line.text, "year": doc.report_year,
                                   "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日"})
