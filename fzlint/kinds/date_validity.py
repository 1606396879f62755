"""date-validity: a date written in Arabic numerals that cannot exist or lacks
a unit, anywhere in the author's text (not web residue):

  * a month outside 1–12: 13月, 2022年0月;
  * a day the month does not have: 2月30日, 4月31日, 3月0日; 2月29日 only when
    the year is written and is not a leap year (2023年2月29日);
  * month and day run together, 月 missing: 于1011日 (10月11日). A number of
    three or four digits before 日 is taken for such a date only when it splits
    into a month and a day that exist, and when it stands where a date stands:
    after a year (2022年1011日), after one of `date_before` (于, 截至 …) or at
    the start of a clause (after ，。；！？ or at the start of the line).
    180日内, 延长120日 are durations.

Durations are not dates: N个月, N日内 and a number of months or days followed
by one of `duration_after` (内, 以上, 左右 …) or preceded by one of
`duration_before` (连续, 满 …) are left alone. A 成文日期 in Chinese numerals
that cannot exist (二〇二三年二月三十日) is reported too."""

from __future__ import annotations

import calendar
import operator

from .. import prose
from ..parse import date_parts
from ..ruleset import Text
from . import Hit
from .. import recache

KIND = "date-validity"
PARAMS = {
    "date_before": (list, []),
    "duration_before": (list, []),
    "duration_after": (list, []),
}
VARIANTS = ("default", "run-together")

_D = "[0-9０-９]+"
_S = "[ \t\u3000]?"
# A number followed by 年 and a month, by 月 or by 日, with what belongs to it.
_DATE = recache.compile(
    f"(?P<a>{_D}){_S}(?:"
    f"年{_S}(?:(?P<ym>{_D}){_S}月(?:{_S}(?P<yd>{_D}){_S}日)?|(?P<yr>{_D}){_S}日)"
    f"|月(?:{_S}(?P<d>{_D}){_S}日)?"
    f"|(?P<r>日))"
)
# Where a date may begin: the first digit of a run of digits (the look-behind:
# no digit before it) followed by a unit. A pattern searched for a digit then a
# unit would be tried at every digit of a run and read to the run's end each
# time: time quadratic in the run's length (20,000 digits took 30 s); begun only
# at a run's first digit, each run is read once. It opens with the digit class,
# not the look-behind, so that the engine skips ahead to a digit by itself: one
# scan of the text in C.
_CANDIDATE = recache.compile(f"[0-9０-９](?<![0-9０-９].)[0-9０-９]*(?={_S}[年月日])")
# A number longer than this is no year, month or day; its value is not needed
# (and int() refuses strings of over 4,300 digits).
_MAX_DIGITS = 9
_MAX_FOUND = 24  # the longest date a message quotes whole
_START = operator.methodcaller("start")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# Before a number, what makes it part of something else: a longer number, a
# decimal, a range (1-13月), a code.
_NOT_BEFORE = frozenset("0123456789０１２３４５６７８９.．-－/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A run-together date at the start of a clause. Not after ： 、 or an opening
# bracket, where durations stand too (办理时限：120日; 60日、120日; （120日）).
_CLAUSE_START = frozenset("，,。；;！!？?\n")
_SPACE = " \t\u3000"


def validate(params, vocabulary):
    for key in PARAMS:
        if not all(isinstance(w, str) and w for w in params[key]):
            return f"{key}: expected a list of words"
    return None


def prepare(params):
    def words(key):
        return prose.literal_pattern(params[key]) if params[key] else None

    return {**params, "before": tuple(params["date_before"]), "not_before": tuple(params["duration_before"]),
            "after": words("duration_after")}


def _int(digits: str) -> int:
    """The value of a number of digits; one of more than _MAX_DIGITS significant
    digits as 10**_MAX_DIGITS, which is out of range as a month or a day too."""
    digits = digits.translate(_FULLWIDTH).lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else 10 ** _MAX_DIGITS


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: 28 outside leap years


def problem(year: int | None, month: int, day: int | None) -> Text | None:
    """Why the date cannot exist, or None. Without a year 2月29日 is allowed."""
    if not 1 <= month <= 12:
        return Text("月份只能是1至12", "months run from 1 to 12")
    if day is None:
        return None
    if day < 1:
        return Text("日不能为0", "there is no day 0")
    if month == 2 and day == 29 and year is not None and not calendar.isleap(year):
        return Text(f"{year}年不是闰年，2月只有28天", f"{year} is not a leap year; February has 28 days")
    days = 28 if month == 2 and year is not None and not calendar.isleap(year) else _DAYS[month - 1]
    if day > days:
        return Text(f"{month}月只有{days}天", f"month {month} has {days} days")
    return None


def splits(digits: str, year: int | None) -> list[str]:
    """The dates a run-together 月日 number can be: 1011 → 10月11日; 111 → 1月11日, 11月1日."""
    out = []
    for k in (1, 2):
        m, d = digits[:k], digits[k:]
        if 1 <= len(d) <= 2 and m[0] != "0" and d[0] != "0" and problem(year, int(m), int(d)) is None:
            out.append(f"{int(m)}月{int(d)}日")
    return out


def _year(digits: str) -> int | None:
    """A year written in full (four digits), for the leap-year check."""
    return _int(digits) if len(digits) == 4 else None


def _candidates(text: str):
    """Where a date may begin: the start of each run of digits followed by a unit."""
    return map(_START, _CANDIDATE.finditer(text))


def _hits(text: str, params):
    """(start, end, variant, args) of each malformed date in text."""
    after = params["after"]
    taken = 0
    for start in _candidates(text):
        if start < taken or (start and text[start - 1] in _NOT_BEFORE):
            continue
        m = _DATE.match(text, start)
        if m is None:
            continue
        end = taken = m.end()
        a = m.group("a").translate(_FULLWIDTH)
        found = m.group()
        if len(found) > _MAX_FOUND:  # a number of thousands of digits is quoted by its ends
            found = found[:_MAX_FOUND // 2] + "…" + found[-(_MAX_FOUND // 2):]
        if m.group("ym") is not None:  # 2023年2月29日, 2022年13月
            month = _int(m.group("ym"))
            day = _int(m.group("yd")) if m.group("yd") is not None else None
            reason = problem(_year(a), month, day)
            if reason:
                yield start, end, "default", {"found": found, "reason": reason}
        elif m.group("yr") is not None:  # 2022年1011日
            digits = m.group("yr").translate(_FULLWIDTH)
            options = splits(digits, _year(a)) if len(digits) in (3, 4) else []
            if options and not (after and after.match(text, end)):
                yield start, end, "run-together", {"found": found, "suggestion": _either(a + "年", options)}
        elif m.group("r") is not None:  # 于1011日
            if len(a) not in (3, 4) or (after and after.match(text, end)):
                continue
            k = start
            while k and text[k - 1] in _SPACE:
                k -= 1
            if not (k == 0 or text[k - 1] in _CLAUSE_START or text.endswith(params["before"], 0, k)):
                continue
            options = splits(a, None)
            if options:
                yield start, end, "run-together", {"found": found, "suggestion": _either("", options)}
        elif m.group("d") is not None:  # 2月30日
            reason = problem(None, _int(a), _int(m.group("d")))
            if reason:
                yield start, end, "default", {"found": found, "reason": reason}
        else:  # 13月 standing alone
            if len(a) > 2 or 1 <= _int(a) <= 12:
                continue
            if (after and after.match(text, end)) or text.endswith(params["not_before"], 0, start):
                continue
            yield start, end, "default", {"found": found, "reason": problem(None, _int(a), None)}


def _either(year: str, options: list[str]) -> Text:
    return Text("”或“".join(year + o for o in options), "” or “".join(year + o for o in options))


def check(doc, params, ctx):
    # One pass over the whole text; the rare hit is then placed on its line,
    # and dropped when that line is web residue or a page number.
    text = doc.text
    skipped = {line.number for line in doc.residue} | {line.number for line in doc.page_numbers}
    hit_lines = set()
    for start, end, variant, args in _hits(text, params):
        number = text.count("\n", 0, start) + 1
        if number in skipped:
            continue
        column = start - text.rfind("\n", 0, start)
        hit_lines.add(number)
        yield Hit(number, column, column + end - start, args, variant)
    # A 成文日期 in Chinese numerals that cannot exist (the Arabic ones are found above).
    date = doc.date
    if date is not None and date.value is None and date.line.number not in hit_lines:
        numbers = date_parts(date.line.text)
        if numbers is not None:
            reason = problem(*numbers)
            if reason:
                line = date.line
                yield Hit(line.number, line.column, line.end_column, {"found": line.text, "reason": reason})
