"""substitution: a user's own names, with a fix."""

from __future__ import annotations

from user_rules import lint_with

RULE = """  - code: CQ003
    name: city-names
    kind: substitution
    severity: warning
    fixable: true
    params: {replace: {综治中心: 社会治理中心, 综治: 社会治理}, keep: [综治中心旧址]}
    message: '{wrong}→{right}'
"""


def test_longest_first_kept_phrases_and_fixes(tmp_path):
    text = "一、主要举措和成效\n在综治中心开会，推进综治工作，参观综治中心旧址。"
    found = lint_with(tmp_path, RULE, text)
    assert [(f.line, f.column, f.message) for f in found] == [(2, 2, "综治中心→社会治理中心可用 --fix 自动改正。"), (2, 11, "综治→社会治理可用 --fix 自动改正。")]
    assert [(f.fix.column, f.fix.end_column, f.fix.replacement) for f in found] == [(2, 6, "社会治理中心"), (11, 13, "社会治理")]


def test_nothing_when_already_right(tmp_path):
    assert lint_with(tmp_path, RULE, "一、主要举措和成效\n在社会治理中心开会。") == []
