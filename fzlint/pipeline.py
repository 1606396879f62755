"""The stages in order, for one file: read → parse → classify → indicators → check.

lint_file never raises for a bad input: a file that cannot be read becomes a
FileResult with an FZ901 finding and its error. Findings a Markdown draft
switches off in comments are dropped (suppress.py); findings on a .docx,
.html or .pdf are located in the file as its user sees it (locate()).
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from datetime import date

from . import check, classify, indicators, parse, prose, read, suppress
from .kinds import Context
from .model import Document, Finding, Severity, Source
from .ruleset import BUILTIN_KINDS, Rule, RuleSet


@dataclass
class Options:
    """What a run asks of every file: the rules, the report year, the language, today."""

    rules: list[Rule]
    year: int | None = None
    lang: str = "zh"
    today: date = field(default_factory=date.today)


@dataclass
class FileResult:
    """One file's outcome: its findings or its read error, and what the report needs of it."""

    path: str
    encoding: str | None
    findings: list[Finding]
    error: read.ReadError | None = None
    document: Document | None = None
    fixed: int = 0  # fixes applied by --fix
    source: Source | None = None  # what was read (the text formats show its lines)
    # Made by report.prepare before the Document and the Source are dropped:
    plain: bool = True  # whether columns are the file's own (report.plain_text)
    rendered: tuple[str, list[str]] | None = None  # a text format's part: its head and each finding's lines
    # (or the whole part and [] once findings is emptied)
    pointed: list[str] | None = None  # the text each finding points at (baseline.pointed_text)
    figures: tuple[int, int, int, int] | None = None  # errors, warnings, infos, fixable, once findings is emptied


class Linter:
    """Holds what every file shares: the rule set, the residue matcher, the options."""

    def __init__(self, ruleset: RuleSet, options: Options):
        self.ruleset = ruleset
        self.options = options
        vocabulary = ruleset.vocabulary
        self.residue = parse.Residue(list(vocabulary.residue_patterns), vocabulary.residue_max_length,
                                     **vocabulary.residue_lists)
        self.context = Context(vocabulary=vocabulary, today=options.today,
                               figures=prose.FigureFinder(**vocabulary.figures))
        self.document_rules = [r for r in options.rules if r.kind not in BUILTIN_KINDS]

    def document(self, source) -> Document:
        doc = parse.parse(source, self.residue)
        doc = classify.classify(doc, self.ruleset.vocabulary, self.options.year)
        doc.indicators = indicators.extract(doc, self.ruleset.vocabulary, self.context.figures)
        return doc

    def lint_source(self, source, located: bool = True) -> FileResult:
        # The cyclic garbage collector is held off while one text is linted:
        # the model of a long text is hundreds of thousands of objects made at
        # once, few of them ever garbage, and the collector's passes over them
        # were two fifths of the parse. It runs again (and collects) after.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._lint_source(source, located)
        finally:
            if enabled:
                gc.enable()

    def _lint_source(self, source, located: bool) -> FileResult:
        try:
            doc = self.document(source)
        except read.ReadError as error:  # a text beyond a limit the parse holds it to (limits.MAX_HEADINGS)
            return self.read_error(error)
        findings = check.run(doc, self.document_rules, self.context, self.options.lang)
        if source.format == "markdown":
            findings = suppress.apply(source.text, findings)
        if located and not source.writable:  # annotate.py asks for the lines of the Source itself
            findings = locate(source, findings)
        return FileResult(source.path, source.encoding, findings, document=doc, source=source)

    def lint_file(self, path: str) -> FileResult:
        try:
            source = read.read(path)
        except read.ReadError as error:
            return self.read_error(error)
        return self.lint_source(source)

    def internal_error(self, path: str, exc: Exception) -> FileResult:
        """An unexpected failure on one file as its result, a one-line FZ901 and
        no traceback, so that the run goes on (FZLINT_DEBUG=1 prints it)."""
        if os.environ.get("FZLINT_DEBUG"):
            import traceback

            traceback.print_exc()
        what = _one_line(exc)
        return self.read_error(read.ReadError(path, f"内部错误（{what}），请报告此问题",
                                              f"internal error ({what}); please report it"))

    def read_error(self, error: read.ReadError) -> FileResult:
        rule = self.ruleset.by_code()["FZ901"]
        finding = Finding(error.path, rule.code, rule.name, Severity.ERROR, 1, 1, 1, 1,
                          rule.message("default", {"reason": error.reason(self.options.lang)}, self.options.lang))
        return FileResult(error.path, None, [finding], error=error)


def _one_line(exc: Exception, limit: int = 160) -> str:
    """An exception as one line that is the same in every run: its type and the
    first line of its text, cut to limit characters. (Lark's parse errors go on
    over several lines to list the expected tokens, in an order that varies.)"""
    text = str(exc).strip().split("\n", 1)[0].strip()
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


CONTEXT_LENGTH = 16


def locate(source: Source, findings: list[Finding]) -> list[Finding]:
    """Findings on a .docx, .html or .pdf as its user finds them: the
    paragraph's opening words as context, an .html line moved to the line of
    the file where its block starts, and a .pdf paragraph's page and line on
    the page before its words (p3:12 “…”; formats/pdf.py). (They carry no
    fix: check.run gives fixes only to the formats --fix writes back.)"""
    lines = source.lines
    origins = source.origins
    pages = source.pages
    located = []
    for f in findings:
        text = lines[f.line - 1].strip(parse.BLANKS) if 0 < f.line <= len(lines) else ""
        context = text[:CONTEXT_LENGTH] + ("…" if len(text) > CONTEXT_LENGTH else "")
        if pages and 0 < f.line <= len(pages):
            page, on_page = pages[f.line - 1]
            context = f"p{page}:{on_page} “{context}”"
        line, end_line = f.line, f.end_line
        if origins:
            line = origins[f.line - 1] if 0 < f.line <= len(origins) else f.line
            end_line = origins[f.end_line - 1] if 0 < f.end_line <= len(origins) else line
        located.append(f._replace(line=line, end_line=end_line, context=context))
    return located
