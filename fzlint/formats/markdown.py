"""Markdown: fenced code blocks and HTML comments are not text.

ATX headings (# …) are level hints, typed in the grammar itself. mask()
blanks out what is not text, keeping every line and column where it was, so
that findings and --fix positions still refer to the file as written.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def mask(text: str) -> str:
    """text with fenced code blocks emptied and HTML comments turned to spaces."""
    if "```" not in text and "~~~" not in text and "<!--" not in text:
        return text
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
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
