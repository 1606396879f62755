"""Stage 5, report: findings as text, JSON and the formats CI systems read;
outlines and rule docs.

Each output format is a module of this package with a render(results, out)
function, registered by name in FORMATS; out (Output) carries what every
format may need: colour, language, the rules that ran, the summary options.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..ruleset import Rule, Text

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import FileResult


class Style:
    """ANSI colour through colorama, or none."""

    def __init__(self, color: bool):
        self.color = color
        if color:
            from colorama import Fore, Style as S, just_fix_windows_console

            just_fix_windows_console()
            self._codes = {
                "bold": S.BRIGHT, "dim": S.DIM, "reset": S.RESET_ALL,
                "error": Fore.RED + S.BRIGHT, "warning": Fore.YELLOW + S.BRIGHT, "info": Fore.CYAN,
            }

    def __call__(self, what: str, text: str) -> str:
        if not self.color:
            return text
        return f"{self._codes[what]}{text}{self._codes['reset']}"



@dataclass
class Output:
    """What a format is told besides the results."""

    style: Style = field(default_factory=lambda: Style(False))
    lang: str = "zh"
    quiet: bool = False  # findings only, no summary
    verbose: bool = False  # also the encoding each file was read in
    fixing: bool = False  # --fix ran: say how many were fixed
    statistics: bool = False  # counts per rule instead of the findings
    rules: list[Rule] = field(default_factory=list)  # the rules that ran, for formats that describe them


def counts(results: list[FileResult]) -> Counter:
    c = Counter(f.severity for r in results for f in r.findings)
    return Counter({"errors": c[Severity.ERROR], "warnings": c[Severity.WARNING], "infos": c[Severity.INFO]})


def has_errors(result: FileResult) -> bool:
    """Whether a file has a finding of error severity (exit code 1, a highlighted row)."""
    return any(f.severity is Severity.ERROR for f in result.findings)


def tally(results: list[FileResult]) -> dict:
    """A batch in figures: files, errors, warnings, infos, files with errors, files unreadable."""
    return {"files": len(results), **counts(results), "with_errors": sum(1 for r in results if has_errors(r)),
            "unreadable": sum(1 for r in results if r.error)}



# A .docx/.html finding's paragraph, by its opening words (after the message).
CONTEXT = Text("〔“{context}”〕", "[\u201c{context}\u201d]")
# A .pdf finding's context comes located and quoted (p3:12 “…”, pipeline.locate).
LOCATED = Text("〔{context}〕", "[{context}]")
_LOCATED = re.compile(r"p\d+:\d+ “.*”", re.S)


def context_text(context: str, lang: str) -> str:
    """A finding's context as the reports show it, after the message."""
    return (LOCATED if _LOCATED.fullmatch(context) else CONTEXT).get(lang).format(context=context)

_T = {
    "summary": Text("检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示。",
                    "{files} files checked: {errors} errors, {warnings} warnings, {infos} infos."),
    "clean": Text("检查了 {files} 个文件，未发现问题。", "{files} files checked, no problems found."),
    "encoding": Text("{path}：按 {encoding} 编码读取", "{path}: read as {encoding}"),
    "fixable": Text("其中 {count} 个可用 --fix 自动修复（--diff 可先查看改动）。",
                    "{count} fixable with the --fix option (--diff shows the changes first)."),
    "fixed": Text("已修复 {fixed} 个问题，剩余 {left} 个。", "Fixed {fixed} problems, {left} remaining."),
    "context": CONTEXT,
}


def summary(results: list[FileResult], out: Output) -> list[str]:
    """The closing lines of the text formats: counts, then what --fix did or could do."""
    lang, style = out.lang, out.style
    c = counts(results)
    if sum(c.values()):
        line = _T["summary"].get(lang).format(files=len(results), **c)
    else:
        line = _T["clean"].get(lang).format(files=len(results))
    lines = [style("bold", line)]
    left = sum(len(r.findings) for r in results)
    if out.fixing:
        lines.append(_T["fixed"].get(lang).format(fixed=sum(r.fixed for r in results), left=left))
    else:
        fixable = sum(1 for r in results for f in r.findings if f.safe_fix)
        if fixable:
            lines.append(_T["fixable"].get(lang).format(count=fixable))
    return lines


def statistics(results: list[FileResult], out: Output) -> str:
    """--statistics: findings counted per rule, most frequent first."""
    by_rule = Counter((f.code, f.name, f.safe_fix) for r in results for f in r.findings)
    rows = sorted(by_rule.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {code}  {'[*]' if fixable else '   '} {name}\n"
                   for (code, name, fixable), n in rows)


def file_lines(result: FileResult, out: Output, one) -> str:
    """One file's part of a text format: its encoding line (with --verbose) and
    each finding as one(finding) renders it, each ending in a line break."""
    lines = []
    if out.verbose and result.encoding:
        lines.append(out.style("dim", _T["encoding"].get(out.lang).format(path=one_line(result.path), encoding=result.encoding)))
    for f in result.findings:
        lines.append(one(f))
    return "".join(line + "\n" for line in lines)


def file_parts(name: str, results: list[FileResult], out: Output) -> str:
    """The files' parts of a format that renders file by file, in order: as a
    worker process rendered it (FileResult.rendered, with --jobs), else here."""
    render_file = format_module(name).render_file
    return "".join(r.rendered if r.rendered is not None else render_file(r, out) for r in results)


def closing(results: list[FileResult], out: Output) -> str:
    """The summary that closes the text formats (none with --quiet)."""
    return "" if out.quiet else "".join(line + "\n" for line in summary(results, out))


# The characters that end a line for str.splitlines() or a terminal, or that
# a terminal obeys instead of showing (C0 and C1 controls, ESC among them),
# less the tab. A draft may hold any of them (a form feed in every pdftotext
# output, U+2028 from a web page) and a finding quotes the draft; a file's name
# may hold them too. One finding is one line: where they are quoted, they are
# shown as escapes, visibly and harmlessly.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """text with every line-breaking or control character shown as its escape (\\x0c, \\u2028)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def where(f: Finding, out: Output) -> str:
    """path:line:column: severity CODE message 〔context〕, the head of every
    text finding, always one line (one_line)."""
    style = out.style
    label = f.severity.label
    path, text = one_line(f.path), one_line(f.message)
    if style.color:
        line = (f"{style('bold', f'{path}:{f.line}:{f.column}:')} {style(label, label)} "
                f"{style('bold', f.code)} {text}")
    else:
        line = f"{path}:{f.line}:{f.column}: {label} {f.code} {text}"
    if f.context:  # .docx/.html: the paragraph's opening words, to find it by
        line += " " + style("dim", context_text(one_line(f.context), out.lang))
    return line


def message(f: Finding, out: Output) -> str:
    """The finding's message; on a .docx or .html also the paragraph's opening
    words, as the text formats show them (the CI formats)."""
    if not f.context:
        return f.message
    return f"{f.message} {context_text(f.context, out.lang)}"


def plain_text(result) -> bool:
    """Whether the result is of a plain text file (.txt, .md, or one that could
    not be read), whose findings' columns are columns of the file itself, not
    of a Word paragraph or a web page's block."""
    return result.source is None or result.source.writable


def render(name: str, results: list[FileResult], out: Output) -> str:
    return format_module(name).render(results, out)


# The output formats, each a module of this package with render(results, out),
# imported when chosen: a run pays only for the one it prints.
FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")

# The formats whose report is each file's part in turn (and a summary), with
# render_file(result, out): with --jobs the workers render the parts
# (batch.py), so that the findings' lines are drawn in parallel and the files'
# text need not travel back.
FILE_PARTS = ("text", "concise", "github")


def format_module(name: str):
    if name not in FORMATS:
        raise ValueError(f"unknown format: {name}")
    return importlib.import_module(f"{__name__}.{name}")
