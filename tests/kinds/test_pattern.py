"""pattern: a user's banned phrases."""

from __future__ import annotations

from user_rules import lint_with

RULE = """  - code: CQ002
    name: empty-phrases
    kind: pattern
    severity: warning
    params: {patterns: ['圆满完成', '取得了?显著成效'], unless: ['圆满完成率']}
    message: '“{found}”'
"""


def test_found_and_not_found(tmp_path):
    text = "一、主要举措和成效\n工作圆满完成，取得显著成效，也取得了显著成效。\n圆满完成率98%。\n首页>圆满完成"
    found = [(f.line, f.column, f.end_column, f.message) for f in lint_with(tmp_path, RULE, text)]
    assert found == [(2, 3, 7, "“圆满完成”"), (2, 8, 14, "“取得显著成效”"), (2, 16, 23, "“取得了显著成效”")]


def test_nothing_on_a_text_without_the_phrases(tmp_path):
    assert lint_with(tmp_path, RULE, "一、主要举措和成效\n全年办理案件12件。") == []
