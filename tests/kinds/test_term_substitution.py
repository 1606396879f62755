import pytest

from conftest import assert_load_fails, document, edit, lint, linter, seed_text
from fzlint import ruleset
from fzlint.model import Fix, LineKind, Source
from fzlint.pipeline import Linter, Options

TITLE = "某某区关于2023年度法治政府建设情况的报告"


def fz601(text, **kw):
    return [(f.line, f.column, f.end_column, f.fix.replacement) for f in lint(text, select=["FZ601"], **kw)]


# -- the seeds ------------------------------------------------------------------

def test_002_fazhi_xuanchuan_jiaoyu_at_line_8():
    findings = lint(seed_text(2), select=["FZ601"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(8, 219, 225)]
    [f] = findings
    assert "“法制宣传教育”应为“法治宣传教育”" in f.message
    assert f.fix == Fix(8, 219, 225, "法治宣传教育", True)
    # the same line's 重大行政执法决定法制审核制度 (twice) is right and left alone
    assert seed_text(2).split("\n")[7].count("法制审核") == 2


def test_001_tuixing_fazhi_jianshe_in_the_duties_heading():
    [f] = lint(seed_text(1), select=["FZ601"])
    assert (f.line, f.column, f.end_column) == (21, 10, 16)
    assert f.fix.replacement == "推进法治建设" and f.fix.safe
    assert seed_text(1).split("\n")[20][f.column - 1:f.end_column - 1] == "推行法治建设"


@pytest.mark.parametrize("number", [0, 3, 4])
def test_other_seeds_have_no_wrong_term(number):
    assert lint(seed_text(number), select=["FZ601"]) == []


# -- snippets -------------------------------------------------------------------

@pytest.mark.parametrize("wrong,right", [
    ("法制政府", "法治政府"),
    ("法制宣传教育", "法治宣传教育"),
    ("法制宣传", "法治宣传"),
    ("推行法治建设", "推进法治建设"),
    ("推进法治政府建设第一责任人", "推进法治建设第一责任人"),
    ("法治政府建设第一责任人", "法治建设第一责任人"),
    ("法制思维", "法治思维"),
    ("法制意识", "法治意识"),
    ("法制观念", "法治观念"),
    ("法制素养", "法治素养"),
    ("法制化营商环境", "法治化营商环境"),
    ("法治审核", "法制审核"),
])
def test_each_wrong_term_with_its_fix(wrong, right):
    text = f"{TITLE}\n一、主要举措和成效\n全年持续加强{wrong}工作。"
    assert fz601(text) == [(3, 7, 7 + len(wrong), right)]


def test_title_headings_and_paragraphs_are_all_read():
    text = ("某某区关于2023年度法制政府建设情况的报告\n"
            "一、主要负责人履行推行法治建设第一责任人职责情况\n"
            "（一）强化法制思维\n"
            "增强法制意识。")
    assert fz601(text) == [(1, 12, 16, "法治政府"), (2, 10, 16, "推进法治建设"),
                           (3, 6, 10, "法治思维"), (4, 3, 7, "法治意识")]


def test_columns_count_from_the_line_start_with_its_indent():
    assert fz601(f"{TITLE}\n一、主要举措和成效\n　　开展法制宣传教育。") == [(3, 5, 11, "法治宣传教育")]


def test_the_longest_term_is_reported_once():
    text = f"{TITLE}\n一、主要举措和成效\n履行推进法治政府建设第一责任人职责。"
    [f] = lint(text, select=["FZ601"])
    assert (f.column, f.end_column, f.fix.replacement) == (3, 16, "推进法治建设第一责任人")


@pytest.mark.parametrize("sentence", [
    "落实重大执法决定法制审核制度，发挥法制机构作用。",
    "认真落实领导干部述职述廉述法制度。",
    "配合全国人大常委会法制工作委员会调研。",
    "完善行政执法制度，规范执法行为。",
    "开展法治宣传教育，增强法治意识，运用法治思维和法治方式。",
    "12月4日不再是法制宣传日，而是国家宪法日。",  # not_in: 法制宣传日
    "学习《关于加强法制宣传教育的决议》。",  # a document's title keeps its wording
])
def test_legitimate_uses_are_left_alone(sentence):
    assert fz601(f"{TITLE}\n一、主要举措和成效\n{sentence}") == []


# Issue 13: the 纲要's charge quoted (推进本地区本部门法治政府建设第一责任人职责) is not the
# drift from the statutory term; the term alone, for the 党政主要负责人, still is.
@pytest.mark.parametrize("sentence,expected", [
    ("各级政府及其部门主要负责人要切实履行推进本地区本部门法治政府建设第一责任人职责。", []),
    ("乙镇政府主要负责人切实履行推进本地本部门法治政府建设第一责任人职责，主持专题会议3次。", []),
    ("主要负责人履行推进本地区、本部门法治政府建设第一责任人职责。", []),
    ("局主要负责人履行法治政府建设第一责任人职责。", [(3, 9, 20, "法治建设第一责任人")]),
    ("党政主要负责人严格履行推进法治政府建设第一责任人职责。", [(3, 12, 25, "推进法治建设第一责任人")]),
    ("局长切实履行本部门法治政府建设第一责任人职责。", [(3, 10, 21, "法治建设第一责任人")]),
])
def test_the_outlines_charge_to_each_government_and_department_is_quoted_not_wrong(sentence, expected):
    assert fz601(f"{TITLE}\n一、主要举措和成效\n{sentence}") == expected


def test_web_residue_is_not_read():
    text = f"您当前的位置：首页 > 普法 > 法制宣传\n{TITLE}\n一、主要举措和成效\n开展普法活动32场。"
    assert document(text).lines[0].kind is LineKind.RESIDUE
    assert fz601(text) == []


def test_english_message():
    text = f"{TITLE}\n一、主要举措和成效\n开展法制宣传教育。"
    [f] = linter(select=["FZ601"], lang="en").lint_source(Source("d.txt", text, "utf-8")).findings
    assert f.message.startswith("Wrong term: write “法治宣传教育”, not “法制宣传教育”. The current term is 法治宣传教育")


# -- terms.yaml: an unsafe term, and validation naming the file and key ---------

def test_an_unsafe_term_asks_for_confirmation(rules_copy):
    edit(rules_copy / "terms.yaml", "    right: 法治意识\n", "    right: 法治意识\n    safe: false\n")
    rules = ruleset.load(rules_copy)
    linter = Linter(rules, Options(rules=rules.select(["FZ601"], None)))
    [f] = linter.lint_source(Source("d.txt", f"{TITLE}\n一、主要举措和成效\n增强法制意识。", "utf-8")).findings
    assert f.fix == Fix(3, 3, 7, "法治意识", False)
    assert "请确认后改正" in f.message


@pytest.mark.parametrize("old,new,expected", [
    ("  - wrong: 法制政府\n    right: 法治政府\n", "  - wrong: 法制政府\n    right: 法治政府\n    colour: red\n",
     r"terms\.yaml: terms\[0\]: unknown key 'colour'"),
    ("  - wrong: 法制政府\n    right: 法治政府\n", "  - wrong: 法制政府\n", r"terms\.yaml: terms\[0\]\.right: required"),
    ("  - wrong: 法制政府\n    right: 法治政府\n", "  - wrong: 法制政府\n    right: 法制政府\n",
     r"terms\.yaml: terms\[0\] \(法制政府\)\.right: expected the right wording"),
    ("    not_in: [法制宣传日]", "    not_in: [宪法日]", r"terms\[2\] \(法制宣传\)\.not_in: expected a list of longer phrases"),
    ("  - wrong: 法制思维\n", "  - wrong: 法制意识\n", r"terms\.yaml: terms\[\d+\] \(法制意识\)\.wrong: '法制意识' is listed twice"),
    ("  - wrong: 法制中国\n    right: 法治中国\n", "  - wrong: 法制中国\n    right: 法制中国化\n",
     r"terms\[\d+\] \(法制中国\)\.right: contains the wrong wording"),
    ("terms:", "words:", r"terms\.yaml: expected a mapping with a list under terms"),
])
def test_bad_terms_file_names_file_and_key(rules_copy, old, new, expected):
    assert_load_fails(rules_copy, "terms.yaml", old, new, expected)


def test_kinds_with_a_one_argument_prepare_still_load():
    rules = ruleset.default().by_code()
    assert "pattern" in rules["FZ404"].params  # relative-time: prepare(params)
    assert "terms" in rules["FZ601"].params  # term-substitution: prepare(params, vocabulary)
