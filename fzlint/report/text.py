"""--format text (the default): each finding, then the line it is on with a
caret under the span, as ruff's full format shows it; then the summary.

Chinese characters take two columns of a terminal, so the caret is placed by
display width; a long paragraph is shown as a window around the span.
"""

from __future__ import annotations

import re

from . import _UNPRINTABLE, Output, PartsWriter, collect, file_lines, where
from .. import recache

WINDOW = 36  # characters shown before the span's start and after its end, at most
MAX_SPAN = 2 * WINDOW  # characters of a span shown, at most: a longer one is cut short with …
_BLANKED = recache.compile("\t|" + _UNPRINTABLE.pattern)


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


def file_part(result, out: Output) -> tuple[str, list[str]]:
    source = result.source
    shown = source is not None and not source.origins  # a web page's blocks are not its lines

    def one(f) -> str:
        return "\n".join([where(f, out), *_snippet(source, f, out)]) if shown else where(f, out)

    return file_lines(result, out, one)


class Writer(PartsWriter):
    file_part = staticmethod(file_part)


# The characters a terminal draws two columns wide: East Asian Width W or F
# (Unicode 14, the assigned characters; tests/report/test_text.py compares it
# with unicodedata). One compiled class counts them in C, where asking
# unicodedata character by character made the caret line the dearest part of
# a report with many findings.
_WIDE_CLASS = (
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615"
    "\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
    "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757"
    "\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf"
    "\u4e00-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufad9\ufe10-\ufe19\ufe30-\ufe6b\uff01-\uff60"
    "\uffe0-\uffe6\U00016fe0-\U0001b2fb\U0001f004\U0001f0cf\U0001f18e\U0001f191-\U0001f19a"
    "\U0001f200-\U0001f320\U0001f32d-\U0001f335\U0001f337-\U0001f37c\U0001f37e-\U0001f393"
    "\U0001f3a0-\U0001f3ca\U0001f3cf-\U0001f3d3\U0001f3e0-\U0001f3f0\U0001f3f4\U0001f3f8-\U0001f43e"
    "\U0001f440\U0001f442-\U0001f4fc\U0001f4ff-\U0001f53d\U0001f54b-\U0001f54e\U0001f550-\U0001f567"
    "\U0001f57a\U0001f595\U0001f596\U0001f5a4\U0001f5fb-\U0001f64f\U0001f680-\U0001f6c5\U0001f6cc"
    "\U0001f6d0-\U0001f6d2\U0001f6d5-\U0001f6df\U0001f6eb\U0001f6ec\U0001f6f4-\U0001f6fc"
    "\U0001f7e0-\U0001f7f0\U0001f90c-\U0001f93a\U0001f93c-\U0001f945\U0001f947-\U0001f9ff"
    "\U0001fa70-\U0001faf6\U00020000-\U0003134a]"
)


_wide_runs: re.Pattern | None = None  # compiled on first use: a clean run draws no caret


def width(text: str) -> int:
    """The columns text takes in a terminal: one a character, and one more for
    each wide one (counted as what removing the runs of wide ones removes,
    which in Chinese text is a few runs, not a match a character)."""
    global _wide_runs
    if _wide_runs is None:
        _wide_runs = recache.compile(_WIDE_CLASS + "+")
    return 2 * len(text) - len(_wide_runs.sub("", text))


def _snippet(source, f, out: Output) -> list[str]:
    lines = source.lines
    if not 0 < f.line <= len(lines):
        return []
    line = lines[f.line - 1]
    if not line or line.isspace():
        return []
    start = max(f.column - 1, 0)
    end = f.end_column - 1 if f.end_line == f.line and f.end_column > f.column else start + 1
    end = max(end, start + 1)
    left = max(0, start - WINDOW)
    # A span longer than MAX_SPAN (the marks of a whole paragraph) is shown up
    # to there and cut, with no context after it.
    right = min(len(line), start + MAX_SPAN if end - start > MAX_SPAN else end + WINDOW)
    # Only the window is copied (a paragraph may run to thousands of characters).
    # A tab, a line break inside the line (U+2028, a form feed) or a control
    # character is drawn as one space, so that the line stays one line and the
    # caret stays under the span.
    text = _BLANKED.sub(" ", line[left:right])
    cut = start - left  # the span's start in text
    shown = ("…" if left else "") + text + ("…" if right < len(line) else "")
    pad = width(text[:cut]) + (1 if left else 0)  # … is one column wide
    span = max(1, width(text[cut:end - left]))
    number = str(f.line)
    gutter = " " * len(number)
    style = out.style
    if not style.color:
        return [f"{gutter} |", f"{number} | {shown}", f"{gutter} | {' ' * pad}{'^' * span}"]
    return [
        style("dim", f"{gutter} |"),
        style("dim", f"{number} |") + f" {shown}",
        style("dim", f"{gutter} |") + " " + " " * pad + style(f.severity.label, "^" * span),
    ]
