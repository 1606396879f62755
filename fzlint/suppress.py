"""Switching rules off in a Markdown draft, with HTML comments (which are not text):

    <!-- fzlint-disable FZ401 FZ404 -->   off from here (no codes: every rule)
    <!-- fzlint-enable FZ401 -->          on again (no codes: every rule)
    <!-- fzlint-disable-next-line FZ501 --> off for the next line only

Codes may be prefixes (FZ4) and are separated by spaces or commas. For other
formats, and for findings to keep out of a whole file set, use a baseline
(baseline.py).
"""

from __future__ import annotations

import bisect
import re

from .model import Finding

from .formats.markdown import comments
from . import recache

_DIRECTIVE = recache.compile(r"<!--\s*fzlint-(disable-next-line|disable|enable)\b(.*)-->", re.S)
ALL = "*"


def directives(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, action, codes) for each directive, a comment of its own; codes
    () means every rule. Linear: comments are found in one pass and lines
    counted from the last directive on."""
    found = []
    line, counted = 1, 0
    for start, end in comments(text):
        m = _DIRECTIVE.fullmatch(text, start, end)
        if not m:
            continue
        line += text.count("\n", counted, start)
        counted = start
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
        found.append((line, m.group(1), codes))
    return found


def apply(text: str, findings: list[Finding]) -> list[Finding]:
    if "fzlint-" not in text or not findings:
        return findings
    marks = directives(text)
    if not marks:
        return findings
    next_line: dict[int, set[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}  # code, code prefix or ALL: its (from line, to line), in order
    open_: dict[str, int] = {}
    for line, action, codes in marks:
        keys = codes or (ALL,)
        if action == "disable-next-line":
            next_line.setdefault(line + 1, set()).update(keys)
        elif action == "disable":
            for key in keys:
                open_.setdefault(key, line)
        else:  # enable
            for key in (list(open_) if not codes else keys):
                if key in open_:
                    spans.setdefault(key, []).append((open_.pop(key), line))
    for key, start in open_.items():
        spans.setdefault(key, []).append((start, 1 << 30))
    # A key's spans do not overlap (a key is open once at a time) and come in
    # order, so a finding looks up only the keys that can name it (ALL and the
    # prefixes of its code), each by bisection: not every span of the draft.
    starts = {key: [a for a, _ in s] for key, s in spans.items()}

    def within(key: str, n: int) -> bool:
        i = bisect.bisect_right(starts.get(key, ()), n) - 1
        return i >= 0 and n <= spans[key][i][1]

    def off(f: Finding) -> bool:
        keys = (ALL, *(f.code[:i] for i in range(1, len(f.code) + 1)))
        marked = next_line.get(f.line, ())
        return any(key in marked or within(key, f.line) for key in keys)

    return [f for f in findings if not off(f)]
