import pytest

from conftest import lint, seed_text
from fzlint import fix, ruleset

M = "一、主要举措和成效\n"


def found(text):
    """(line, column, end_column, reported text, replacement or None) of each FZ507 finding."""
    lines = text.split("\n")
    return [(f.line, f.column, f.end_column, lines[f.line - 1][f.column - 1:f.end_column - 1],
             f.fix.replacement if f.fix else None) for f in lint(text, select=["FZ507"])]


@pytest.mark.parametrize("text,connector,expected", [
    ("落实《法治政府建设实施纲要（2021-2025年）》。", "-", "2021—2025年"),
    ("制定2023~2025年普法规划。", "~", "2023—2025年"),
    ("制定2023～2025年普法规划。", "～", "2023—2025年"),
    ("制定2023－2025年普法规划。", "－", "2023—2025年"),
    ("制定2023–2025年普法规划。", "–", "2023—2025年"),  # en dash
    ("制定2021年-2025年普法规划。", "-", "2021年—2025年"),
    ("制定2021 - 2025年普法规划。", " - ", "2021—2025年"),  # the spaces go with the hyphen
    ("《法治中国建设规划(2020-2025)》", "-", "2020—2025"),  # closing the bracket it opens
])
def test_hyphen_or_tilde_is_found_and_only_the_connector_fixed(text, connector, expected):
    [(line, column, end, reported, replacement)] = found(M + text)
    assert (line, reported, replacement) == (2, connector, "—")
    assert column == text.index(connector) + 1 and end == column + len(connector)
    [f] = lint(M + text, select=["FZ507"])
    assert f"“{expected}”" in f.message and f.severity.label == "warning"
    fixed, applied = fix.apply(M + text, [f])
    assert fixed == M + text.replace(connector, "—", 1) and len(applied) == 1
    assert lint(fixed, select=["FZ507"]) == []


def test_the_dash_lost_is_found_without_a_fix():
    text = M + "落实纲要（20212025年）目标任务。"
    assert found(text) == [(2, 6, 15, "20212025年", None)]
    [f] = lint(text, select=["FZ507"])
    assert "“2021—2025年”" in f.message


@pytest.mark.parametrize("text", [
    "落实《法治政府建设实施纲要（2021—2025年）》。",  # the dash: right
    "落实2021至2025年规划。",
    "于2023-01-13印发。",  # a date
    "执行GB/T 9704-2012，编号2015-2020。",  # a standard's number; no 年 and no bracket
    "编号A2021-2025年。",  # glued to a code
    "统计2025-2021年数据。",  # not a range: the second year is earlier
    "统计1900-2025年数据。",  # more than 30 years
    "电话023-12345678。",
    "订单号20231231年。",  # eight digits, the second four no later year
    "编号120212025年。",  # nine digits
])
def test_not_found(text):
    assert found(M + text) == []


def test_not_in_web_residue_and_found_in_the_title():
    text = "某县关于2021-2025年法治政府建设情况的报告\n发布日期：2023-01-13\n" + M + "开展工作。"
    assert [f[:2] for f in found(text)] == [(1, 9)]


def test_seeds_write_the_outline_title_with_a_hyphen():
    # 003 line 1 and 004 line 46 write 《法治政府建设实施纲要(2021-2025年)》, whose title has the dash
    # (2021—2025年), and 004 also 《法治中国建设规划(2021-2025年)》: real faults. The other seeds
    # have no range of years.
    assert [f[:2] + f[3:] for f in found(seed_text(3))] == [(1, 164, "-", "—")]
    assert [f[:2] + f[3:] for f in found(seed_text(4))] == [(46, 21, "-", "—"), (46, 45, "-", "—")]
    assert [found(seed_text(n)) for n in (0, 1, 2)] == [[], [], []]


def test_odd_text_does_not_crash():
    assert found("") == []
    assert found("-" * 5000 + "2021" * 3000 + "年") == []
    assert found(M + "2021-" * 2000 + "2025年") == [(2, 10000, 10001, "-", "—")]


def test_the_docs_example_is_fixed_into_the_right_one():
    """--fix turns the wrong example's hyphen and tilde into the right example's dashes; the
    lost dash (its third line) is left for the writer."""
    rule = next(r for r in ruleset.default().rules if r.code == "FZ507")
    fixed, applied = fix.apply(rule.doc.wrong, lint(rule.doc.wrong, select=["FZ507"]))
    assert len(applied) == 2
    wrong, right, fixed = rule.doc.wrong.split("\n"), rule.doc.right.split("\n"), fixed.split("\n")
    assert fixed[:2] == right[:2] and fixed[2] == wrong[2] != right[2]
    assert right[2] == wrong[2].replace("20212025", "2021—2025")
