"""date-format: the 成文日期 written as 2023年1月30日 (Arabic numerals, full
year, no leading zeros). Fixable: the date is rewritten in that form."""

from __future__ import annotations

from ..model import Fix
from . import Hit

KIND = "date-format"
PARAMS = {}
VARIANTS = ("default",)


def check(doc, params, ctx):
    date = doc.date
    if date is None or date.canonical is None or date.line.text == date.canonical:
        return
    line = date.line
    yield Hit(line.number, line.column, line.end_column, {"found": line.text, "expected": date.canonical},
              fix=Fix(line.number, line.column, line.end_column, date.canonical))
