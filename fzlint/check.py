"""Stage 4, check: run the selected rules on a classified Document.

Each rule is an instance (rules/*.yaml) of a kind (fzlint/kinds); the kind
yields Hits, and this module stamps them with the rule's code, name, severity
and rendered message (ending in "可用 --fix 自动改正。" when --fix can repair
it: a safe fix in a .txt or .md file). Findings come back sorted by position.

The kinds see a Markdown draft with its comments and fenced blocks blanked
out (formats/markdown.py), and make their fixes on that text; a fix that
reaches across a comment is given here as it applies to the file, with the
comment kept, and one that would change what the rules never saw is dropped
(formats/markdown.py: in_file), so that every fix reported is one --fix applies.
"""

from __future__ import annotations

from . import kinds
from .formats import markdown
from .kinds import Context
from .model import Document, Finding
from .ruleset import Rule


FIX_HINT = {"zh": "可用 --fix 自动改正。", "en": " --fix corrects it."}


def run(doc: Document, rules: list[Rule], ctx: Context, lang: str = "zh") -> list[Finding]:
    findings = []
    append = findings.append
    path, writable, empty = doc.path, doc.source.writable, doc.is_empty
    hint = FIX_HINT[lang]
    hidden = markdown.hidden(doc.source.text) if writable and doc.source.format == "markdown" else None
    for rule in rules:
        kind = kinds.get(rule.kind)
        if empty and not getattr(kind, "HANDLES_EMPTY", False):
            continue
        fixable = rule.fixable and writable
        code, name, severity, message = rule.code, rule.name, rule.severity, rule.message
        for hit in kind.check(doc, rule.params, ctx):
            fix = hit.fix if fixable else None
            if hidden and fix is not None and fix.line in hidden:
                fix = markdown.in_file(fix, doc.source.lines[fix.line - 1], hidden[fix.line])
            text = message(hit.variant, hit.args, lang)
            append(Finding(path, code, name, severity, hit.line, hit.column, hit.end_line or hit.line, hit.end_column,
                           text + hint if fix is not None and fix.safe else text, fix))
    findings.sort(key=Finding.sort_key)
    return findings
