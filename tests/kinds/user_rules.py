"""Linting a snippet with one rule of a user's rule file (the generic kinds)."""

from __future__ import annotations

from fzlint import ruleset
from fzlint.model import Source
from fzlint.pipeline import Linter, Options


def lint_with(tmp_path, rule_yaml: str, text: str):
    path = tmp_path / "mine.yaml"
    path.write_text("rules:\n" + rule_yaml, encoding="utf-8")
    rules = ruleset.extend(ruleset.default(), path)
    linter = Linter(rules, Options(rules=[r for r in rules.rules if not r.code.startswith("FZ")]))
    return linter.lint_source(Source("d.txt", text, "utf-8")).findings
