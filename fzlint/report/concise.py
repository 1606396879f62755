"""--format concise: one line a finding (path:line:column: severity CODE message), then the summary."""

from __future__ import annotations

from . import Output, PartsWriter, collect, file_lines, where


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


def file_part(result, out: Output) -> tuple[str, list[str]]:
    return file_lines(result, out, lambda f: where(f, out))


class Writer(PartsWriter):
    file_part = staticmethod(file_part)
