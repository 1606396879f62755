"""`fzlint rules` and `fzlint explain`: the rule catalogue and one rule's documentation."""

from __future__ import annotations

import json

from .. import kinds
from ..ruleset import Rule, Text

# The headings of a rule's documentation (fzlint explain, and SARIF's help text).
LABELS = {
    "what": Text("检查什么", "What it checks"),
    "why": Text("为什么", "Why"),
    "wrong": Text("错误示例", "Wrong"),
    "right": Text("正确示例", "Right"),
    "severity": Text("级别", "Severity"),
    "fixable": Text("可自动修复", "Fixable"),
}


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
    labels = [LABELS[key].get(lang) for key in ("what", "why", "wrong", "right", "severity", "fixable")]
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
    params = parameters(rule)
    if params:
        head = "参数（可在配置文件的 params 中修改）" if zh else "Parameters (a configuration's params may change them)"
        parts.append(f"{head}:\n" + "\n".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()))
    return "\n".join(parts) + "\n"


def parameters(rule: Rule) -> dict:
    """A rule's parameters as a configuration writes them: the kind's defaults and the rule file's values."""
    kind = kinds.get(rule.kind)
    spec = getattr(kind, "PARAMS", {}) if kind else {}
    return {key: rule.raw.get(key, default) for key, (_, default) in spec.items()}
