"""Markdown: fenced code blocks and HTML comments are not text.

ATX headings (# …) are level hints, typed in the grammar itself. mask()
blanks out what is not text, keeping every line and column where it was, so
that findings and --fix positions still refer to the file as written.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_BREAK = re.compile(r"[^\n]")


def comments(text: str):
    """(start, end) of each HTML comment, <!-- to the first --> after it; an
    opening never closed is text. One pass: a search for the closing mark
    starts where the last one ended, so that thousands of unclosed openings
    cost no more than one (the regex <!--.*?--> ran to the end of the text
    from each of them)."""
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return
        pos = end + 3
        yield start, pos


def mask(text: str) -> str:
    """text with fenced code blocks emptied and HTML comments turned to spaces."""
    if "```" not in text and "~~~" not in text and "<!--" not in text:
        return text
    if "<!--" in text:
        parts, last = [], 0
        for start, end in comments(text):
            parts += [text[last:start], _NOT_BREAK.sub(" ", text[start:end])]
            last = end
        text = "".join(parts) + text[last:]
    lines = text.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = ""
            lines[i] = ""
        elif m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
            fence = m.group(1)
            lines[i] = ""
    return "\n".join(lines)
