"""Stage 4, check: run the selected rules on a classified Document.

Each rule is an instance (rules/*.yaml) of a kind (fzlint/kinds); the kind
yields Hits, and this module stamps them with the rule's code, name, severity
and rendered message. Findings come back sorted by position.
"""

from __future__ import annotations

from . import kinds
from .kinds import Context
from .model import Document, Finding
from .ruleset import Rule


def run(doc: Document, rules: list[Rule], ctx: Context, lang: str = "zh") -> list[Finding]:
    findings = []
    for rule in rules:
        kind = kinds.get(rule.kind)
        if doc.is_empty and not getattr(kind, "HANDLES_EMPTY", False):
            continue
        for hit in kind.check(doc, rule.params, ctx):
            findings.append(Finding(
                path=doc.path,
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
                line=hit.line,
                column=hit.column,
                end_line=hit.end_line or hit.line,
                end_column=hit.end_column,
                message=rule.message(hit.variant, hit.args, lang),
                fix=hit.fix if rule.fixable else None,
            ))
    findings.sort(key=Finding.sort_key)
    return findings
