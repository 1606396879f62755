"""Stage 5, report: findings, outlines and rule docs as text or JSON.

Formatters are registered by name in FORMATS; each takes the list of
FileResults and returns the whole output as one string.
"""

from __future__ import annotations

import json
from collections import Counter

from typing import TYPE_CHECKING

from .model import Document, Finding, Section, Severity
from .ruleset import Rule, Text, Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import FileResult


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


_T = {
    "summary": Text("检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示。",
                    "{files} files checked: {errors} errors, {warnings} warnings, {infos} infos."),
    "clean": Text("检查了 {files} 个文件，未发现问题。", "{files} files checked, no problems found."),
    "encoding": Text("{path}：按 {encoding} 编码读取", "{path}: read as {encoding}"),
    "fixable": Text("其中 {count} 个可用 --fix 自动修复（--diff 可先查看改动）。",
                    "{count} fixable with the --fix option (--diff shows the changes first)."),
    "fixed": Text("已修复 {fixed} 个问题，剩余 {left} 个。", "Fixed {fixed} problems, {left} remaining."),
    "context": Text("〔“{context}”〕", "[\u201c{context}\u201d]"),
}


def counts(results: list[FileResult]) -> Counter:
    c = Counter(f.severity for r in results for f in r.findings)
    return Counter({"errors": c[Severity.ERROR], "warnings": c[Severity.WARNING], "infos": c[Severity.INFO]})


def text(results: list[FileResult], style: Style, lang: str = "zh", quiet: bool = False,
         verbose: bool = False, fixing: bool = False) -> str:
    out = []
    for result in results:
        if verbose and result.encoding:
            out.append(style("dim", _T["encoding"].get(lang).format(path=result.path, encoding=result.encoding)))
        for f in result.findings:
            out.append(_text_line(f, style, lang))
    if not quiet:
        c = counts(results)
        if sum(c.values()):
            line = _T["summary"].get(lang).format(files=len(results), **c)
        else:
            line = _T["clean"].get(lang).format(files=len(results))
        out.append(style("bold", line))
        left = sum(len(r.findings) for r in results)
        if fixing:
            out.append(_T["fixed"].get(lang).format(fixed=sum(r.fixed for r in results), left=left))
        else:
            fixable = sum(1 for r in results for f in r.findings if f.fix is not None and f.fix.safe)
            if fixable:
                out.append(_T["fixable"].get(lang).format(count=fixable))
    return "\n".join(out) + ("\n" if out else "")


def _text_line(f: Finding, style: Style, lang: str = "zh") -> str:
    where = style("bold", f"{f.path}:{f.line}:{f.column}:")
    line = f"{where} {style(f.severity.label, f.severity.label)} {style('bold', f.code)} {f.message}"
    if f.context:  # .docx/.html: the paragraph's opening words, to find it by
        line += " " + style("dim", _T["context"].get(lang).format(context=f.context))
    return line


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


def as_json(results: list[FileResult]) -> str:
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


# -- outline -----------------------------------------------------------------

def outline_json(doc: Document) -> dict:
    def section(s: Section) -> dict:
        marker = s.heading.marker
        return {
            "level": s.level,
            "marker": marker.text if marker else "#" * s.heading.atx,
            "number": marker.number if marker else None,
            "title": s.title,
            "role": s.role,
            "line": s.line,
            "children": [section(c) for c in s.children],
        }

    recipient = doc.recipient.text.rstrip(":：") if doc.recipient else None
    return {
        "path": doc.path,
        "title": doc.title_text or None,
        "title_lines": [ln.number for ln in doc.title],
        "recipient": recipient,
        "report_year": doc.report_year,
        "report_year_from": doc.report_year_from,
        "plan_year": doc.plan_year,
        "date": doc.date.value.isoformat() if doc.date and doc.date.value else None,
        "sections": [section(s) for s in doc.sections],
    }


_OUTLINE = {
    "title": Text("标题", "title"), "recipient": Text("主送", "recipient"), "year": Text("年度", "year"),
    "date": Text("成文日期", "date"), "none": Text("（无）", "(none)"), "plan": Text("下一年度安排", "plan year"),
    "from": {"option": Text("来自 --year", "from --year"), "title": Text("来自标题", "from the title"),
             "body": Text("来自正文", "from the body"), "date": Text("由成文日期推断", "from the date"),
             "plan": Text("由下一年度安排推断", "from the plan")},
}


def outline_text(doc: Document, style: Style, vocabulary: Vocabulary | None = None, lang: str = "zh") -> str:
    t = {k: v.get(lang) for k, v in _OUTLINE.items() if isinstance(v, Text)}
    lines = [style("bold", doc.path)]
    title = f"{doc.title_text}（{doc.title[0].number}–{doc.title[-1].number}）" if doc.title else t["none"]
    lines.append(f"  {t['title']}：{title}")
    recipient = f"{doc.recipient.text.rstrip(':：')}（{doc.recipient.number}）" if doc.recipient else t["none"]
    lines.append(f"  {t['recipient']}：{recipient}")
    if doc.report_year:
        year = f"{doc.report_year}（{_OUTLINE['from'][doc.report_year_from].get(lang)}）"
    else:
        year = t["none"]
    if doc.plan_year:
        year += f"；{t['plan']} {doc.plan_year}"
    lines.append(f"  {t['year']}：{year}")
    date = f"{doc.date.value.isoformat()}（{doc.date.line.number}）" if doc.date and doc.date.value else t["none"]
    lines.append(f"  {t['date']}：{date}")

    def walk(s: Section, depth: int):
        marker = s.heading.marker.text if s.heading.marker else "#" * s.heading.atx
        role = ""
        if s.role:
            name = vocabulary.roles[s.role].name.get(lang) if vocabulary else s.role
            role = "  " + style("info", f"[{s.role}: {name}]")
        lines.append(f"  {s.line:>4}  {'  ' * depth}{marker}{s.title}{role}")
        for child in s.children:
            walk(child, depth + 1)

    for s in doc.sections:
        walk(s, 0)
    return "\n".join(lines) + "\n"


# -- rules and docs ----------------------------------------------------------

def rules_table(rules: list[Rule], lang: str = "zh") -> str:
    head = ("代码", "名称", "级别", "可修复") if lang == "zh" else ("code", "name", "severity", "fixable")
    rows = [head] + [(r.code, r.name, r.severity.label, ("是" if lang == "zh" else "yes") if r.fixable else "")
                     for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows) + "\n"


def rules_json(rules: list[Rule]) -> str:
    return json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.label, "fixable": r.fixable,
                        "kind": r.kind} for r in rules], ensure_ascii=False, indent=2) + "\n"


def explain(rule: Rule, lang: str = "zh") -> str:
    zh = lang != "en"
    labels = ("检查什么", "为什么", "错误示例", "正确示例", "级别", "可自动修复") if zh else (
        "What it checks", "Why", "Wrong", "Right", "Severity", "Fixable")
    parts = [
        f"{rule.code} {rule.name}",
        f"{labels[4]}: {rule.severity.label}" + (f"; {labels[5]}" if rule.fixable else ""),
        "",
        f"{labels[0]}:\n  {rule.doc.what.get(lang)}",
        f"{labels[1]}:\n  {rule.doc.why.get(lang)}",
    ]
    for label, example in ((labels[2], rule.doc.wrong), (labels[3], rule.doc.right)):
        if example.strip():
            parts.append(f"{label}:\n" + "\n".join("    " + ln for ln in example.rstrip("\n").split("\n")))
    return "\n".join(parts) + "\n"
