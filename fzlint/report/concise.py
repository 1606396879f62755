"""--format concise: one line a finding (path:line:column: severity CODE message), then the summary."""

from __future__ import annotations

from . import Output, finding_lines, statistics, summary, where


def render(results, out: Output) -> str:
    if out.statistics:
        return statistics(results, out)
    lines = finding_lines(results, out, lambda result, f: where(f, out))
    if not out.quiet:
        lines += summary(results, out)
    return "\n".join(lines) + ("\n" if lines else "")
