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
    writable = doc.source.writable
    hint = FIX_HINT[lang]
    for rule in rules:
        kind = kinds.get(rule.kind)
        if doc.is_empty and not getattr(kind, "HANDLES_EMPTY", False):
            continue
        fixable = rule.fixable and writable
        for hit in kind.check(doc, rule.params, ctx):
            fix = hit.fix if fixable else None
            message = rule.message(hit.variant, hit.args, lang)
            findings.append(Finding(
                path=doc.path,
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
                line=hit.line,
                column=hit.column,
                end_line=hit.end_line or hit.line,
                end_column=hit.end_column,
                message=message + hint if fix is not None and fix.safe else message,
                fix=fix,
            ))
    findings.sort(key=Finding.sort_key)
    return findings
