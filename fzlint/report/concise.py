"""--format concise: one line a finding (path:line:column: severity CODE message), then the summary."""

from __future__ import annotations

from . import Output, closing, file_lines, file_parts, statistics, where


def render(results, out: Output) -> str:
    if out.statistics:
        return statistics(results, out)
    return file_parts("concise", results, out) + closing(results, out)


def render_file(result, out: Output) -> str:
    return file_lines(result, out, lambda f: where(f, out))
