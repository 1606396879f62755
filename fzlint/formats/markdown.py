"""Markdown: fenced code blocks and HTML comments are not text.

ATX headings (# …) are level hints, typed in the grammar itself. mask()
blanks out what is not text, keeping every line and column where it was, so
that findings and --fix positions still refer to the file as written;
hidden() tells where the blanked characters are, and in_file() turns a fix
the rules made on the masked text into the one that applies to the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from .. import recache

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Fix

_FENCE = recache.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_BREAK = recache.compile(r"[^\n]")
_NO_FENCE = str.maketrans(" `~", "\x01\x02\x03")
_COMMENT_CHARS = recache.compile(" +")


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


def hidden(text: str) -> dict[int, list[tuple[int, int]]]:
    """What of a Markdown text the linter does not see (markdown.mask blanks
    it out): line number -> the [start, end) character ranges (0-based) of
    its comments' characters, or of the whole line in a fenced block.

    A comment's own spaces count: the comments are found in a copy of the
    text without spaces (nor the backticks and tildes of fences), where every
    space mask() leaves is a masked comment character."""
    masked = mask(text)
    if masked == text:
        return {}
    text_lines = text.split("\n")
    found = {number: [(0, len(line))] for number, (line, shown) in enumerate(zip(text_lines, masked.split("\n")), 1)
             if line and not shown}  # the lines of fenced blocks, emptied
    fenced = set(found)
    blanked = mask(text.translate(_NO_FENCE))
    starts = [0]
    for line in text_lines:
        starts.append(starts[-1] + len(line) + 1)
    number = 1
    for m in _COMMENT_CHARS.finditer(blanked):  # a run never crosses a line: a line break is no space
        while starts[number] <= m.start():
            number += 1
        if number not in fenced:
            found.setdefault(number, []).append((m.start() - starts[number - 1], m.end() - starts[number - 1]))
    return found


def _touches_hidden(fix: Fix, ranges: list[tuple[int, int]]) -> bool:
    start, end = fix.column - 1, fix.end_column - 1
    if start == end:  # an insertion: inside a hidden range, not at its edge
        return any(s < start < e for s, e in ranges)
    return any(start < e and s < end for s, e in ranges)


def in_file(fix: Fix, line: str, ranges: list[tuple[int, int]]) -> Fix | None:
    """A fix made on the masked text of a Markdown line, as it applies to the
    line in the file, whose hidden ranges (hidden()) are given: itself if it
    touches none; one that reaches across a comment (FZ501's one fix for the
    marks of a line on both sides of it) with the comment's characters put
    back where the replacement has the spaces mask() left for them; None when
    it would change or move what the rules never saw."""
    if not _touches_hidden(fix, ranges):
        return fix
    start, end = fix.column - 1, fix.end_column - 1
    if start == end:
        return None
    if len(fix.replacement) != end - start:
        return None
    chars = list(fix.replacement)
    for s, e in ranges:
        for k in range(max(s, start), min(e, end)):
            if chars[k - start] not in (" ", line[k]):  # the space mask() left, or the file's own
                return None
            chars[k - start] = line[k]
    return fix._replace(replacement="".join(chars))
