"""Stage 4, check: run the selected rules on a classified Document.

Each rule is an instance (rules/*.yaml) of a kind (fzlint/kinds); the kind
yields Hits, and this module stamps them with the rule's code, name, severity
and rendered message (ending in "可用 --fix 自动改正。" when --fix can repair
it: a safe fix in a .txt or .md file). Findings come back sorted by position.
"""

from __future__ import annotations

from . import kinds
from .kinds import Context
from .model import Document, Finding
from .ruleset import Rule


FIX_HINT = {"zh": "可用 --fix 自动改正。", "en": " --fix corrects it."}


def run(doc: Document, rules: list[Rule], ctx: Context, lang: str = "zh") -> list[Finding]:
    findings = []
    append = findings.append
    path, writable, empty = doc.path, doc.source.writable, doc.is_empty
    hint = FIX_HINT[lang]
    for rule in rules:
        kind = kinds.get(rule.kind)
        if empty and not getattr(kind, "HANDLES_EMPTY", False):
            continue
        fixable = rule.fixable and writable
        code, name, severity, message = rule.code, rule.name, rule.severity, rule.message
        for hit in kind.check(doc, rule.params, ctx):
            fix = hit.fix if fixable else None
            text = message(hit.variant, hit.args, lang)
            append(Finding(path, code, name, severity, hit.line, hit.column, hit.end_line or hit.line, hit.end_column,
                           text + hint if fix is not None and fix.safe else text, fix))
    findings.sort(key=Finding.sort_key)
    return findings
