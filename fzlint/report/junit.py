"""--format junit: a JUnit XML report, for CI systems that show test results.

One <testsuite name="fzlint">; in it one <testcase> per file and rule
(classname the file's path, name "FZ101 missing-section") with a <failure>
whose type is the severity, whose message counts the findings and whose text
lists them, one "line:column message" a line. A file without findings gets a
single passing testcase named "fzlint", so that it is listed; a file that
could not be read, a testcase with an <error>.

The totals come first in the XML, so each file's testcases, as ElementTree
writes and indents them, go to a temporary file until the end.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from ..model import Severity
from . import Output, Totals, Writer as _Writer, collect, message
from .. import recache

# Each severity's count, as the summary line words it.
_COUNTS = {
    Severity.ERROR: ("{n} 个错误", "{n} error", "{n} errors"),
    Severity.WARNING: ("{n} 个警告", "{n} warning", "{n} warnings"),
    Severity.INFO: ("{n} 条提示", "{n} info", "{n} infos"),
}
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Case(NamedTuple):
    classname: str
    name: str
    outcome: str | None = None  # None (passed), "failure" or "error"
    type: str = ""
    message: str = ""
    text: str | None = None


def count(severity: Severity, n: int, lang: str) -> str:
    zh, one, many = _COUNTS[severity]
    return (zh if lang != "en" else one if n == 1 else many).format(n=n)


def cases(result, out: Output) -> list[Case]:
    """The testcases of one file."""
    if result.error is not None:
        f = result.findings[0]  # FZ901, the only finding of a file that could not be read
        return [Case(result.path, f"{f.code} {f.name}", "error", f.code, f.message)]
    if not result.findings:
        return [Case(result.path, "fzlint")]
    failures = []
    by_rule = sorted(result.findings, key=lambda f: f.code)  # stable: each rule's findings stay in report order
    for (code, name), group in groupby(by_rule, key=lambda f: (f.code, f.name)):
        group = list(group)
        severity = max(f.severity for f in group)
        text = "\n".join(f"{f.line}:{f.column} {message(f, out)}" for f in group)
        failures.append(Case(result.path, f"{code} {name}", "failure", severity.label,
                              count(severity, len(group), out.lang), text))
    return failures


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


def _tree(totals: dict, cases: list[Case]):
    import xml.etree.ElementTree as ET  # here, not above: only a JUnit report pays for loading it

    root = ET.Element("testsuites", name="fzlint", **totals)
    suite = ET.SubElement(root, "testsuite", name="fzlint", **totals)
    for case in cases:
        element = ET.SubElement(suite, "testcase", classname=xml_text(case.classname), name=case.name)
        if case.outcome is not None:
            child = ET.SubElement(element, case.outcome, type=case.type, message=xml_text(case.message))
            if case.text is not None:
                child.text = xml_text(case.text)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


_SUITE_END = "\n  </testsuite>"


class Writer(_Writer):
    def __init__(self, out: Output, write):
        super().__init__(out, write)
        self.tests = self.failures = self.errors = 0
        self.spool = None

    def file(self, r) -> None:
        file_cases = cases(r, self.out)
        self.tests += len(file_cases)
        self.failures += sum(c.outcome == "failure" for c in file_cases)
        self.errors += sum(c.outcome == "error" for c in file_cases)
        # The file's testcases as they are indented in the whole report: what
        # lies between the suite's opening tag and its closing one.
        text = _tree({}, file_cases)
        inner = text[text.index(">", text.index("<testsuite ")) + 1:text.rindex(_SUITE_END)]
        if self.spool is None:
            import tempfile

            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.spool.write(inner)

    def end(self, totals: Totals) -> None:
        counts = {"tests": str(self.tests), "failures": str(self.failures), "errors": str(self.errors)}
        if self.spool is None:  # no file at all
            self.write(_tree(counts, []))
            return
        text = _tree(counts, [Case("", "")])
        head = text[:text.index(">", text.index("<testsuite ")) + 1]
        self.write(head)
        spool = self.spool
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            self.write(chunk)
        spool.close()
        self.write(text[text.rindex(_SUITE_END):])
