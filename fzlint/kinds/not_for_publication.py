"""not-for-publication: text that must not be published in a report that is
(第二十四条): a secrecy marking (秘密★1年, 机密, 内部资料 注意保存, 内部使用)
standing as a marking, a resident identity card number, a mobile phone number.

A marking is a line of its own, or the start of a line (秘密★1年 before the
title): the `markings` patterns are matched at a line's start and must reach
its end unless they say otherwise; prose about secrecy work (保守秘密,
保密审查, 泄露国家秘密, 印发内部资料3期) is never a marking, nor is a Word
table's cell (a table of 定密 figures headed 绝密, 机密, 秘密). Residue lines are
read too: a marking above the title may have been set aside as the page's
header.

An identity card number is 18 characters with a real birth date and the check
character GB 11643 gives; a mobile number is 11 digits from 13 to 19 (138-0000-0000
too), not an amount (15000000000元). Hotlines (12345, 12348) and landlines
(0571-87654321) are neither. Both are found with one scan of the text (and
only when a cheaper test says it may hold one); the message masks the middle
of the number rather than repeating it."""

from __future__ import annotations

import re

from . import Hit, any_of
from ._text import text_lines
from ..model import LineKind
from .. import recache

KIND = "not-for-publication"
PARAMS = {"markings": (list, None)}
VARIANTS = ("default", "id", "mobile")  # default: a marking

# An identity card number (GB 11643: 6-digit area, birth date, 3-digit sequence,
# check character) or a mobile number, not inside a longer run of digits or
# letters (an account number, a 统一社会信用代码, a decimal). A mobile number
# is written whole or with hyphens (139-1234-5678), not with blanks: text from
# a PDF puts blanks between figures (150 2023 2024 in a flattened table); and
# an amount (15000000000元) is not one.
_NUMBER = recache.compile(
    r"(?<![0-9A-Za-z.])(?:"
    r"(?P<id>[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])"
    r"|(?P<mobile>1[3-9][0-9](?P<sep>-?)[0-9]{4}(?P=sep)[0-9]{4})(?![元万亿件次人个户份条项名家笔吨米亩%％余多])"
    r")(?![0-9A-Za-z]|\.[0-9])")
# The cheap test that comes first: with every ASCII digit made 0, anything
# else (a Chinese character included) made ".", and hyphens dropped, a text
# that holds either kind of number holds 11 zeros in a row. Encoding and
# translating run in C over the text at a few nanoseconds a character, where a
# regular expression that must try each digit costs ten times as much in a
# report full of figures; only a text that passes is searched.
_ZERO = bytes(ord("0") if 48 <= c <= 57 else ord(".") for c in range(256))
_ELEVEN = b"0" * 11
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def validate(params, vocabulary):
    if not params["markings"] or not all(isinstance(p, str) and p for p in params["markings"]):
        return "markings: expected a list of regular expressions"
    return None


def prepare(params):
    markings = any_of(params["markings"])
    # The same patterns after a line break and its blanks: a search that jumps
    # from one break to the next in C, where matching each line in turn costs
    # a Python call a line. The first character must not be blank, so that a
    # run of blank lines is not tried from each of its breaks in turn (a blank
    # in a pattern, \s, runs on across lines: quadratic). What it finds is a
    # candidate only, matched again on its own line.
    return {"markings": markings,
            "at_start": recache.compile("\n[^\\S\n]*(?=\\S)(?:" + markings.pattern + ")", re.MULTILINE)}


def valid_id(number: str) -> bool:
    """Whether an 18-character number has the check character GB 11643 gives."""
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17].upper()


def mask(number: str) -> str:
    """The number with its middle hidden: 330102********1234, 138****5678."""
    digits = number.replace("-", "")
    keep = 6 if len(digits) == 18 else 3
    return digits[:keep] + "*" * (len(digits) - keep - 4) + digits[-4:]


def check(doc, params, ctx):
    hits = list(_markings(doc, params["markings"], params["at_start"]))
    hits.extend(_numbers(doc))
    hits.sort(key=lambda h: (h.line, h.column))
    yield from hits


def _markings(doc, markings, at_start):
    text = "\n" + doc.text
    m = at_start.search(text)
    if m is None:
        return
    by_number = {line.number: line for line in doc.lines if line.kind is not LineKind.PAGE_NUMBER}
    hints = doc.source.hints
    number, counted = 0, 0  # the line number at offset `counted` of text, counted on as the matches go
    while m is not None:
        number += text.count("\n", counted, m.start() + 1)
        counted = m.start() + 1
        line = by_number.get(number)
        hint = hints.get(number) if hints else None
        if hint is not None and hint.table:
            line = None  # a table cell (绝密 | 机密 | 秘密 heading a column of figures) is no marking
        found = markings.match(line.text) if line is not None else None
        if found is not None and found.end() > found.start():
            yield Hit(line.number, line.column, line.column + len(found.group().rstrip()),
                      {"found": found.group().strip()})
        m = at_start.search(text, m.start() + 1)


def _numbers(doc):
    text = doc.text
    if _ELEVEN not in text.encode("ascii", "replace").translate(_ZERO, b"-"):
        return
    found = list(_NUMBER.finditer(text))
    by_number = {line.number: line for line in text_lines(doc)}
    # The line number and the offset where the line starts, at offset
    # `counted`: counted on from match to match, never from the top again.
    number, start, counted = 1, 0, 0
    for m in found:
        if m.group("id") is not None and not valid_id(m.group("id")):
            continue
        breaks = text.count("\n", counted, m.start())
        if breaks:
            number += breaks
            start = text.rfind("\n", counted, m.start()) + 1
        counted = m.start()
        line = by_number.get(number)
        if line is None:
            continue  # web residue or a page number: not the author's text
        column = m.start() - start + 1
        variant = "id" if m.group("id") is not None else "mobile"
        yield Hit(number, column, column + len(m.group()), {"masked": mask(m.group())}, variant)
