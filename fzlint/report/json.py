"""--format json: one object with every file's diagnostics and a summary,
written file by file (the text json.dumps(indent=2) makes of the whole)."""

from __future__ import annotations


from ..model import Finding
from . import Output, Totals, Writer as _Writer, collect, dumps


def finding_json(f: Finding) -> dict:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "message": f.message,
        "context": f.context,
        "fixable": f.fixable,
        "fix": None if f.fix is None else {
            "line": f.fix.line, "column": f.fix.column, "end_column": f.fix.end_column,
            "replacement": f.fix.replacement, "safe": f.fix.safe,
        },
    }


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


class Writer(_Writer):
    first = True

    def file(self, r) -> None:
        entry = {"path": r.path, "encoding": r.encoding, "fixed": r.fixed,
                 "diagnostics": [finding_json(f) for f in r.findings]}
        opening = '{\n  "files": [\n    ' if self.first else ",\n    "
        self.first = False
        self.write(opening + dumps(entry, "    "))

    def end(self, totals: Totals) -> None:
        summary = {"files": totals.files, **totals.counts(), "fixed": totals.fixed}
        self.write(('{\n  "files": [],\n' if self.first else "\n  ],\n") + '  "summary": '
                   + dumps(summary, "  ") + "\n}\n")
