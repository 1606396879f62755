"""year-range: a range of years joined by a hyphen or a tilde (2021-2025年,
2021~2025年, 2021年－2025年) where official style writes the dash (2021—2025年,
as in the title of 《法治政府建设实施纲要（2021—2025年）》), or with the dash
lost (20212025年).

A range is two years of the `centuries` (19xx, 20xx), the second later than
the first by at most `max_span` years, followed by 年 (or closing a bracket the
first opens: （2021-2025）). Not a range: a date (2023-01-13), a code or a
standard's number (GB/T 9704-2012: the first number is no year there, and
a number glued to a letter, a digit, a point or a slash is part of something
else). Every line the author wrote is searched (not web residue).

Fixable: the connector (with the spaces around it) becomes —; nothing else
changes. The lost dash is reported without a fix (the eight digits could be
something else typed wrong)."""

from __future__ import annotations

import re

from ..model import Fix
from . import Hit
from . import _joined
from .. import recache

KIND = "year-range"
PARAMS = {"connectors": (str, None), "max_span": (int, 30)}
VARIANTS = ("default", "lost")

_BEFORE = frozenset("0123456789０１２３４５６７８９.．/／ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_OPEN = {"(": ")", "（": "）"}


def validate(params, vocabulary):
    if not params["connectors"] or "—" in params["connectors"]:
        return "connectors: expected the marks that must not join years (not —, the right one)"
    if params["max_span"] < 1:
        return "max_span: expected a positive number of years"
    return None


def prepare(params):
    cls = re.escape(params["connectors"])
    # Two years with a connector between them (or none: the dash lost), then 年 or a closing
    # bracket. One pattern for each century the first year may have, each beginning with its
    # literal (19, 20): the engine skips ahead to it by itself, where a pattern beginning with
    # (?:19|20) or with a class is tried at every character (several times slower).
    rest = f"[0-9]{{2}}(?:年?([ \\t\\u3000]*[{cls}][ \\t\\u3000]*))?((?:19|20)[0-9]{{2}})(年|[)）])"
    return {**params, "patterns": [recache.compile(c + rest) for c in ("20", "19")]}


def _ranges(text: str, params):
    """(start, end, match) of each year range written with a connector or with none."""
    span = params["max_span"]
    for pattern in params["patterns"]:
        for m in pattern.finditer(text):
            s = m.start()
            if s and text[s - 1] in _BEFORE:
                continue  # part of a longer number or a code
            if not 0 < int(m.group(2)) - int(text[s:s + 4]) <= span:
                continue
            if m.group(1):
                if m.group(3) != "年" and not (s and _OPEN.get(text[s - 1]) == m.group(3)):
                    continue  # 2021-2025 with neither 年 nor a bracket it closes
            elif m.group(3) != "年":
                continue
            yield m


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    for m in sorted(_ranges(text, params), key=lambda m: m.start()):
        whole = m.group() if m.group(3) == "年" else m.group()[:-1]  # not the closing bracket
        i = joined.line_at(m.start())
        if m.group(1):  # the connector with its spaces: reported and replaced, nothing else
            a, b = m.span(1)
            line, column = joined.position(i, a)
            connector = text[a:b]
            args = {"found": whole, "connector": connector.strip(),
                    "expected": whole[:a - m.start()] + "—" + whole[b - m.start():]}
            yield Hit(line, column, column + b - a, args, fix=Fix(line, column, column + b - a, "—"))
        else:
            line, column = joined.position(i, m.start())
            yield Hit(line, column, column + len(whole), {"found": whole, "expected": f"{whole[:4]}—{whole[4:]}"}, "lost")
