"""--format github: GitHub Actions workflow commands, one line a finding.

    ::warning file=draft.txt,line=7,col=64,endLine=7,endColumn=86,title=FZ401 unquantified-claim::MESSAGE

The runner turns each line into an annotation on the file (error, warning or
notice). Message and property values are escaped as the runner's toolkit
(@actions/core) escapes them. Columns are given only where they are columns of
the file: on one line of a .txt or .md file, not in a .docx or a web page,
whose findings carry the paragraph's opening words in the message instead.
No summary line: the job log shows the annotations.
"""

from __future__ import annotations

from ..model import Finding, Severity
from . import Output, PartsWriter, collect, message, plain_text

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, out: Output, columns: bool) -> str:
    props = {"file": f.path, "line": f.line}
    if columns and f.end_line == f.line:  # the runner takes columns on one line only
        props.update(col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:
        props["endLine"] = f.end_line
    props["title"] = f"{f.code} {f.name}"
    head = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {head}::{escape_data(message(f, out))}"


def render(results, out: Output) -> str:
    return collect(Writer, results, out)


def file_part(result, out: Output) -> tuple[str, list[str]]:
    columns = plain_text(result)
    return "", [command(f, out, columns) + "\n" for f in result.findings]


class Writer(PartsWriter):
    summary = False  # the job log shows the annotations; --statistics changes nothing
    file_part = staticmethod(file_part)
