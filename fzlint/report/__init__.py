"""Stage 5, report: findings as text, JSON and the formats CI systems read;
outlines and rule docs.

Each output format is a module of this package, registered by name in
FORMATS, with a Writer that writes the report as the files' results arrive,
in order (file(result) for each file, then end(totals)), so that a batch of
any size is written in flat memory; render(results, out) gives the whole
report as one string. out (Output) carries what every format may need:
colour, language, the rules that ran, the summary options.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..ruleset import Rule, Text
from .. import recache

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
_LOCATED = recache.compile(r"p\d+:\d+ “.*”", re.S)


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


class Totals:
    """The run in figures, kept as the files' results go by (the summary, the
    exit code, --statistics), so that no result need be kept for them."""

    def __init__(self, by_rule: bool = False):
        self.files = self.fixed = self.fixable = self.left = self.with_errors = self.unreadable = 0
        self.errors = self.warnings = self.infos = 0
        self.by_rule: Counter | None = Counter() if by_rule else None  # (code, name, safe fix) -> findings

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.fixed += result.fixed
        self.unreadable += result.error is not None
        errors, warnings, infos, fixable = result.figures if result.figures is not None else figures(result)
        self.errors += errors
        self.warnings += warnings
        self.infos += infos
        self.fixable += fixable
        self.left += errors + warnings + infos
        self.with_errors += errors > 0
        if self.by_rule is not None:
            self.by_rule.update((f.code, f.name, f.safe_fix) for f in result.findings)

    def counts(self) -> Counter:
        return Counter({"errors": self.errors, "warnings": self.warnings, "infos": self.infos})


def figures(result: FileResult) -> tuple[int, int, int, int]:
    """A file's findings counted: errors, warnings, infos, and those --fix may fix."""
    c = Counter(f.severity for f in result.findings)
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    return c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO], fixable


def summary(totals: Totals, out: Output) -> list[str]:
    """The closing lines of the text formats: counts, then what --fix did or could do."""
    lang, style = out.lang, out.style
    c = totals.counts()
    if sum(c.values()):
        line = _T["summary"].get(lang).format(files=totals.files, **c)
    else:
        line = _T["clean"].get(lang).format(files=totals.files)
    lines = [style("bold", line)]
    if out.fixing:
        lines.append(_T["fixed"].get(lang).format(fixed=totals.fixed, left=totals.left))
    elif totals.fixable:
        lines.append(_T["fixable"].get(lang).format(count=totals.fixable))
    return lines


def statistics(totals: Totals) -> str:
    """--statistics: findings counted per rule, most frequent first."""
    rows = sorted(totals.by_rule.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {code}  {'[*]' if fixable else '   '} {name}\n"
                   for (code, name, fixable), n in rows)


def file_lines(result: FileResult, out: Output, one) -> tuple[str, list[str]]:
    """One file's part of a text format: its encoding line (with --verbose),
    and each finding as one(finding) renders it; each ends in a line break."""
    head = ""
    if out.verbose and result.encoding:
        head = out.style("dim", _T["encoding"].get(out.lang).format(path=one_line(result.path),
                                                                    encoding=result.encoding)) + "\n"
    return head, [one(f) + "\n" for f in result.findings]


def closing(totals: Totals, out: Output) -> str:
    """The summary that closes the text formats (none with --quiet)."""
    return "" if out.quiet else "".join(line + "\n" for line in summary(totals, out))


class Writer:
    """Writes one format's report through write(text) as the files' results
    arrive in order: file(result) for each, then end(totals). A format
    keeps across files only what its report needs at the end."""

    def __init__(self, out: Output, write):
        self.out, self.write = out, write

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def end(self, totals: Totals) -> None:
        raise NotImplementedError


class PartsWriter(Writer):
    """A format that is each file's part in turn (FILE_PARTS), as the module's
    file_part(result, out) makes it (in a worker process: FileResult.rendered),
    then, unless summary is False, --statistics or the closing summary."""

    summary = True

    def file(self, result: FileResult) -> None:
        if self.summary and self.out.statistics:
            return
        head, pieces = result.rendered if result.rendered is not None else self.file_part(result, self.out)
        self.write(head + "".join(pieces))

    def end(self, totals: Totals) -> None:
        if self.summary:
            self.write(statistics(totals) if self.out.statistics else closing(totals, self.out))

    @staticmethod
    def file_part(result: FileResult, out: Output) -> tuple[str, list[str]]:
        raise NotImplementedError


def collect(writer: type[Writer], results, out: Output) -> str:
    """The whole report a Writer writes for results, as one string."""
    chunks: list[str] = []
    w = writer(out, chunks.append)
    totals = Totals(out.statistics)
    for r in results:
        totals.add(r)
        w.file(r)
    w.end(totals)
    return "".join(chunks)


def dumps(value, indent: str = "") -> str:
    """json.dumps(value, ensure_ascii=False, indent=2) as nested at indent (its
    first line is not indented: it follows a key or the previous item), for
    the JSON of the formats: dicts, lists, strings, integers, booleans, None.
    json.dumps encodes with indentation in Python, a generator a value; this
    joins the strings the C string encoder makes, several times faster."""
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (_json_string(k) + ": " + dumps(v, inner) for k, v in value.items())
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + inner + (",\n" + inner).join(dumps(v, inner) for v in value) + "\n" + indent + "]"
    raise TypeError(f"not JSON: {type(value).__name__}")


def _json_string(text: str) -> str:
    from json.encoder import encode_basestring  # the C encoder; imported here: the text formats need no JSON

    global _json_string
    _json_string = encode_basestring
    return encode_basestring(text)


@dataclass
class Needs:
    """What the report needs of each file's result, made where the file was
    linted (prepare), while its Document and Source are still there: each
    finding's lines of a format in FILE_PARTS, the text each finding points
    at (a baseline, gitlab's fingerprints), and whether the findings
    themselves are needed, or only their figures (FileResult.figures: a
    format in FILE_PARTS without --statistics or a baseline)."""

    part: tuple[str, Output] | None = None  # (format name, out) for the worker to render the file's part
    pointed: bool = False
    findings: bool = True


def prepare(result: FileResult, needs: Needs) -> FileResult:
    """result with what needs asks for, and without its Document and Source:
    a slim result, all that the report keeps or sends between processes."""
    result.plain = plain_text(result)
    if needs.pointed:
        from ..baseline import pointed_text

        result.pointed = [pointed_text(result, f) for f in result.findings]
    if needs.part is not None:
        name, out = needs.part
        result.rendered = format_module(name).Writer.file_part(result, out)
    if not needs.findings:
        # A finding costs more to send between processes than its lines: only
        # the figures travel, and the part as one string.
        result.figures = figures(result)
        result.findings = []
        if result.rendered is not None:
            head, pieces = result.rendered
            result.rendered = head + "".join(pieces), []
    result.document = result.source = None
    return result


def keep(result: FileResult, kept: list[int]) -> None:
    """Keep only the findings at these indexes (in place), with their pointed
    texts and rendered lines (a baseline drops findings after prepare)."""
    result.findings = [result.findings[i] for i in kept]
    if result.pointed is not None:
        result.pointed = [result.pointed[i] for i in kept]
    if result.rendered is not None:
        head, pieces = result.rendered
        result.rendered = head, [pieces[i] for i in kept]


# The characters that end a line for str.splitlines() or a terminal, or that
# a terminal obeys instead of showing (C0 and C1 controls, ESC among them),
# less the tab. A draft may hold any of them (a form feed in every pdftotext
# output, U+2028 from a web page) and a finding quotes the draft; a file's name
# may hold them too. One finding is one line: where they are quoted, they are
# shown as escapes, visibly and harmlessly.
_UNPRINTABLE = recache.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


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
    return result.plain if result.source is None else result.source.writable


def render(name: str, results: list[FileResult], out: Output) -> str:
    return collect(format_module(name).Writer, results, out)


# The output formats, each a module of this package with render(results, out),
# imported when chosen: a run pays only for the one it prints.
FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")

# The formats whose report is each file's part in turn (and a summary), whose
# Writer is a PartsWriter: the workers render the parts (prepare, batch.py),
# so that the findings' lines are drawn in parallel and the files' text need
# not travel back.
FILE_PARTS = ("text", "concise", "github")


def format_module(name: str):
    if name not in FORMATS:
        raise ValueError(f"unknown format: {name}")
    return importlib.import_module(f"{__name__}.{name}")
