"""--format sarif: one SARIF 2.1.0 log, for GitHub code scanning and other
viewers of static analysis results.

One run: the tool with a reporting descriptor for every rule that ran (what it
checks, why, a wrong and a right example), the files as artifacts, one result
a finding, a replacement for each safe fix, and one invocation that says
whether every file could be read. Columns count characters, as fzlint's do
(columnKind unicodeCodePoints), and end columns are exclusive in both. A .docx
or web page gets lines only: its findings' columns are not columns of the file.

The log is written as json.dumps(indent=2) would write it whole, but the
results (the bulk of it) go to a temporary file as each file's arrive and are
copied into the log at the end; only the artifacts are kept in memory.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Severity
from ..ruleset import Rule, Text
from . import Output, Totals, Writer as _Writer, collect, docs, dumps, message, plain_text

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# A text file's encoding as fzlint read it (a Python codec name), by its IANA name.
CHARSETS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030",
            "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}

_T = {**docs.LABELS, "fix": Text("自动修复", "Automatic fix")}


def artifact_location(path: str) -> dict:
    """A path as given, as a URI: relative ones against %SRCROOT%, absolute ones as file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SRCROOT}


def _fenced(example: str) -> str:
    fence = "```"
    while fence in example:
        fence += "`"
    return f"{fence}text\n{example.rstrip()}\n{fence}"


def descriptor(rule: Rule, lang: str) -> dict:
    doc = rule.doc
    markdown = [f"**{_T['what'].get(lang)}**: {doc.what.get(lang)}", f"**{_T['why'].get(lang)}**: {doc.why.get(lang)}"]
    for key, example in (("wrong", doc.wrong), ("right", doc.right)):
        if example.strip():
            markdown.append(f"**{_T[key].get(lang)}**:\n\n{_fenced(example)}")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc.what.get(lang)},
        "fullDescription": {"text": doc.why.get(lang)},
        "help": {"text": docs.explain(rule, lang), "markdown": "\n\n".join(markdown) + "\n"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable},
    }


def region(f: Finding, columns: bool) -> dict:
    if not columns:
        return {"startLine": f.line, "endLine": f.end_line}
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def result(f: Finding, location: dict, rule_index: dict, columns: bool, out: Output) -> dict:
    entry = {"ruleId": f.code}
    if f.code in rule_index:
        entry["ruleIndex"] = rule_index[f.code]
    entry.update({
        "level": LEVELS[f.severity],
        "message": {"text": message(f, out)},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(f, columns)}}],
    })
    if f.safe_fix:
        fix = f.fix
        deleted = {"startLine": fix.line, "startColumn": fix.column, "endLine": fix.line, "endColumn": fix.end_column}
        entry["fixes"] = [{
            "description": {"text": _T["fix"].get(out.lang)},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}]}],
        }]
    return entry


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


RESULT_INDENT = " " * 8  # runs[0].results[i]


class Writer(_Writer):
    def __init__(self, out: Output, write):
        super().__init__(out, write)
        self.rule_index = {rule.code: i for i, rule in enumerate(out.rules)}
        self.artifacts: list[dict] = []
        self.index: dict[str, int] = {}  # uri -> artifact index
        self.unreadable: list[dict] = []
        self.spool = None  # the results' text, once there is a result

    def file(self, r) -> None:
        out = self.out
        location = artifact_location(r.path)
        if location["uri"] not in self.index:
            self.index[location["uri"]] = len(self.artifacts)
            artifact = {"location": location}
            if r.encoding in CHARSETS and plain_text(r):
                artifact["encoding"] = CHARSETS[r.encoding]
            self.artifacts.append(artifact)
        location = {**location, "index": self.index[location["uri"]]}
        if r.findings:
            if self.spool is None:
                import tempfile  # here, not above: a clean run needs none

                self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
                separator = "\n" + RESULT_INDENT
            else:
                separator = ",\n" + RESULT_INDENT
            columns = plain_text(r)
            self.spool.write(separator + (",\n" + RESULT_INDENT).join(
                dumps(result(f, location, self.rule_index, columns, out), RESULT_INDENT) for f in r.findings))
        if r.error is not None:
            self.unreadable.append({"level": "error", "message": {"text": f"{r.error.path}: {r.error.reason(out.lang)}"},
                                    "locations": [{"physicalLocation": {"artifactLocation": location}}]})

    def end(self, totals: Totals) -> None:
        out = self.out
        invocation = {"executionSuccessful": not self.unreadable}
        if self.unreadable:
            invocation["toolExecutionNotifications"] = self.unreadable
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "fzlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [descriptor(rule, out.lang) for rule in out.rules],
                }},
                "invocations": [invocation],
                "artifacts": self.artifacts,
                "results": [],
                "columnKind": "unicodeCodePoints",
            }],
        }
        text = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
        if self.spool is None:
            self.write(text)
            return
        # "results": [] occurs once: in any string of the log its quotes would be escaped.
        head, tail = text.split('"results": []', 1)
        self.write(head + '"results": [')
        spool = self.spool
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            self.write(chunk)
        spool.close()
        self.write("\n" + " " * 6 + "]" + tail)
