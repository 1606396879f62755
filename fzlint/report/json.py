"""--format json: one object with every file's diagnostics and a summary."""

from __future__ import annotations

import json

from ..model import Finding
from . import Output, counts


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
    c = counts(results)
    data = {
        "files": [
            {"path": r.path, "encoding": r.encoding, "fixed": r.fixed,
             "diagnostics": [finding_json(f) for f in r.findings]}
            for r in results
        ],
        "summary": {"files": len(results), **c, "fixed": sum(r.fixed for r in results)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


