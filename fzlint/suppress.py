"""Switching rules off in a Markdown draft, with HTML comments (which are not text):

    <!-- fzlint-disable FZ401 FZ404 -->   off from here (no codes: every rule)
    <!-- fzlint-enable FZ401 -->          on again (no codes: every rule)
    <!-- fzlint-disable-next-line FZ501 --> off for the next line only

Codes may be prefixes (FZ4) and are separated by spaces or commas. For other
formats, and for findings to keep out of a whole file set, use a baseline
(baseline.py).
"""

from __future__ import annotations

import re

from .model import Finding

_DIRECTIVE = re.compile(r"<!--\s*fzlint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
ALL = "*"


def directives(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, action, codes) for each directive; codes () means every rule."""
    found = []
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
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
    spans: list[tuple[int, int, str]] = []  # (from line, to line, code or ALL)
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
                    spans.append((open_.pop(key), line, key))
    spans.extend((start, 1 << 30, key) for key, start in open_.items())

    def off(f: Finding) -> bool:
        for key in next_line.get(f.line, ()):
            if key == ALL or f.code.startswith(key):
                return True
        return any(a <= f.line <= b and (key == ALL or f.code.startswith(key)) for a, b, key in spans)

    return [f for f in findings if not off(f)]
