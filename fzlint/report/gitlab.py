"""--format gitlab: a GitLab Code Quality report (a JSON array of issues),
which GitLab shows in merge requests and on the pipeline.

Each issue's fingerprint is the SHA-256 of the rule's code, the path and the
text the finding points at (as baselines match findings, fzlint/baseline.py),
with a counter for the same text found again, so that the issue keeps its
fingerprint when the draft is edited elsewhere and GitLab can tell new
findings from old ones. A finding that points at no text at all (a file that
could not be read, an empty draft) is identified by its message instead.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from ..model import Severity
from . import Output, Totals, Writer as _Writer, collect, dumps, message

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
UNREADABLE = "FZ901"  # a file that could not be checked at all
UNREADABLE_SEVERITY = "blocker"


def fingerprint(code: str, path: str, text: str, n: int) -> str:
    return hashlib.sha256("\0".join((code, path, text, str(n))).encode("utf-8")).hexdigest()


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


class Writer(_Writer):
    """The issues, written file by file; the counters of texts seen are kept
    for the whole run (a path given twice counts on)."""

    def __init__(self, out: Output, write):
        super().__init__(out, write)
        self.seen: Counter = Counter()
        self.first = True

    def file(self, r) -> None:
        from ..baseline import pointed_text  # here, not above: only runs that need it pay for loading it

        seen, out = self.seen, self.out
        pointed = r.pointed if r.pointed is not None else [pointed_text(r, f) for f in r.findings]
        for f, text in zip(r.findings, pointed):
            key = (f.code, f.path, text or f.message)
            issue = {
                "description": message(f, out),
                "check_name": f.code,
                "fingerprint": fingerprint(*key, seen[key]),
                "severity": UNREADABLE_SEVERITY if f.code == UNREADABLE else SEVERITIES[f.severity],
                "location": {"path": f.path, "lines": {"begin": f.line}},
            }
            seen[key] += 1
            self.write(("[\n  " if self.first else ",\n  ")
                       + dumps(issue, "  "))
            self.first = False

    def end(self, totals: Totals) -> None:
        self.write("[]\n" if self.first else "\n]\n")
