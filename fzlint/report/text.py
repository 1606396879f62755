"""--format text (the default): each finding, then the line it is on with a
caret under the span, as ruff's full format shows it; then the summary.

Chinese characters take two columns of a terminal, so the caret is placed by
display width; a long paragraph is shown as a window around the span.
"""

from __future__ import annotations

import unicodedata

from . import Output, finding_lines, statistics, summary, where

WINDOW = 36  # characters shown either side of the span's start, at most


def render(results, out: Output) -> str:
    if out.statistics:
        return statistics(results, out)

    def one(result, f) -> str:
        source = result.source
        snippet = _snippet(source, f, out) if source is not None and not source.origins else []
        return "\n".join([where(f, out), *snippet])

    lines = finding_lines(results, out, one)
    if not out.quiet:
        lines += summary(results, out)
    return "\n".join(lines) + ("\n" if lines else "")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _snippet(source, f, out: Output) -> list[str]:
    lines = source.lines
    if not 0 < f.line <= len(lines) or not lines[f.line - 1].strip():
        return []
    text = lines[f.line - 1].replace("\t", " ")
    start = max(f.column - 1, 0)
    end = f.end_column - 1 if f.end_line == f.line and f.end_column > f.column else start + 1
    left = max(0, start - WINDOW)
    right = min(len(text), max(end, start + 1) + WINDOW)
    shown = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    pad = width(("…" if left else "") + text[left:start])
    span = max(1, width(text[start:min(end, right)]))
    number = str(f.line)
    gutter = " " * len(number)
    style = out.style
    return [
        style("dim", f"{gutter} |"),
        style("dim", f"{number} |") + f" {shown}",
        style("dim", f"{gutter} |") + " " + " " * pad + style(f.severity.label, "^" * span),
    ]
