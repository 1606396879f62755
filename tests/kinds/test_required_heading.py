"""required-heading: a part a user's office requires."""

from __future__ import annotations

from user_rules import lint_with

RULE = """  - code: CQ001
    name: demonstration-part
    kind: required-heading
    severity: error
    params: {headings: ['示范创建'], level: 1, name: 法治政府示范创建情况, example: 五、法治政府示范创建情况}
    message: '缺少{name}，如{example}'
"""
BODY = "一、主要举措和成效\n全年办理案件12件。\n（一）示范创建\n创建2个。\n二、存在的不足和原因\n人员不足，原因是编制少。"


def test_missing_at_level_one_even_with_a_subheading(tmp_path):
    found = lint_with(tmp_path, RULE, BODY)
    assert [(f.code, f.line, f.message) for f in found] == [("CQ001", 6, "缺少法治政府示范创建情况，如五、法治政府示范创建情况")]


def test_present(tmp_path):
    assert lint_with(tmp_path, RULE, BODY + "\n三、法治政府示范创建情况\n创建2个。") == []
    assert lint_with(tmp_path, RULE.replace("level: 1", "level: 0"), BODY) == []
