import pytest

from conftest import assert_load_fails, lint, seed_text
from fzlint import ruleset


def report(year, body):
    return f"某某区关于{year}年度法治政府建设情况的报告\n一、主要举措和成效\n{body}"


def fz602(text, **kw):
    return [(f.line, f.column, f.end_column) for f in lint(text, select=["FZ602"], **kw)]


# -- the seeds ------------------------------------------------------------------

def test_002_uses_the_2015_2020_goal_formula_in_a_report_on_2023():
    [f] = lint(seed_text(2), select=["FZ602"])
    assert (f.line, f.column, f.end_column) == (6, 71, 80)
    assert "“廉洁高效、守法诚信”在2023年度的报告中已过时" in f.message
    assert "“智能高效、廉洁诚信、人民满意”" in f.message


@pytest.mark.parametrize("number", [0, 1, 3, 4])
def test_other_seeds_cite_nothing_outdated(number):
    # 003 is on 2021: its 党的十九大……精神 was still the latest, and its “七五”
    # 普法 is summed up (总结“七五”普法的成果与经验), not current.
    assert lint(seed_text(number), select=["FZ602"]) == []


def test_003_as_a_report_on_2022_would_cite_the_19th_congress_as_the_latest():
    [f] = lint(seed_text(3), select=["FZ602"], year=2022)
    assert (f.line, f.column, f.end_column) == (1, 65, 92)
    assert f.message.startswith("“党的十九大和十九届二中、三中、四中、五中、六中全会精神”在2022年度的报告中已过时")


# -- 《信访条例》: replaced on 1 May 2022 -------------------------------------------

SENTENCE = "认真贯彻《信访条例》，依法办理信访事项120件。"


def test_xinfang_tiaoli_in_a_report_on_2023():
    [f] = lint(report(2023, SENTENCE), select=["FZ602"])
    assert (f.line, f.column, f.end_column) == (3, 5, 11)
    assert "《信访工作条例》自2022年5月1日起施行" in f.message and "请改为《信访工作条例》" in f.message


def test_the_same_sentence_in_a_report_on_2021_is_fine():
    assert fz602(report(2021, SENTENCE)) == []


def test_the_year_option_decides_too():
    text = "一、主要举措和成效\n" + SENTENCE
    assert fz602(text, year=2023) == [(2, 5, 11)]
    assert fz602(text, year=2021) == []


def test_from_the_year_of_since_on():
    assert fz602(report(2022, SENTENCE)) == [(3, 5, 11)]


def test_no_report_year_no_finding():
    assert fz602("一、主要举措和成效\n" + SENTENCE) == []


@pytest.mark.parametrize("body", ["认真贯彻《信访工作条例》。", "贯彻《重庆市信访条例》。"])
def test_current_and_local_regulations_are_fine(body):
    assert fz602(report(2023, body)) == []


# -- the other references -------------------------------------------------------

@pytest.mark.parametrize("year,body,span", [
    (2021, "贯彻落实《法治政府建设实施纲要（2015—2020年）》。", (3, 14, 28)),
    (2022, "贯彻落实《法治政府建设实施纲要(2015-2020年)》。", (3, 14, 28)),
    (2021, "深入开展“七五”普法。", (3, 5, 11)),  # the opening quote included
    (2022, "落实七五普法规划。", (3, 3, 7)),
    (2022, "深入学习贯彻党的十九大精神。", (3, 7, 14)),
    (2023, "学习党的十九大和十九届历次全会精神。", (3, 3, 18)),
    (2025, "深入学习贯彻党的二十届三中全会精神。", (3, 9, 18)),
    (2025, "学习党的二十届二中、三中全会精神。", (3, 5, 17)),
    (2021, "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。", (3, 23, 32)),
])
def test_outdated_references(year, body, span):
    assert fz602(report(year, body)) == [span]


@pytest.mark.parametrize("year,body", [
    (2020, "贯彻落实《法治政府建设实施纲要（2015—2020年）》。"),
    (2021, "《法治政府建设实施纲要（2015—2020年）》圆满收官，2021年实施新纲要。"),
    (2020, "深入开展“七五”普法。"),
    (2021, "全面总结“七五”普法工作，启动“八五”普法。"),
    (2021, "“七五”普法期间获评先进集体。"),
    (2021, "深入学习贯彻党的十九大精神。"),
    (2022, "从党的十九大精神到党的二十大精神，一以贯之。"),
    (2024, "深入学习贯彻党的二十届三中全会精神。"),
    (2025, "深入学习贯彻党的二十届三中、四中全会精神。"),
    (2025, "学习二十届三中全会精神和四中全会精神。"),
    (2020, "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"),
    (2023, "建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。"),
])
def test_current_or_retrospective_references_are_fine(year, body):
    assert fz602(report(year, body)) == []


def test_a_quoted_reference_is_reported_with_its_quotes_nested():
    [f] = lint(report(2022, "深入开展“七五”普法。"), select=["FZ602"])
    assert f.message.startswith("“‘七五’普法”在2022年度的报告中已过时") and "请改为“八五”普法" in f.message


def test_an_anachronism():
    [f] = lint(report(2019, "深入学习贯彻习近平法治思想。"), select=["FZ602"])
    assert (f.line, f.column, f.end_column) == (3, 7, 14)
    assert f.message.startswith("“习近平法治思想”不可能出现在2019年度的报告中：“习近平法治思想”是2020年11月确立的")


def test_no_anachronism_from_2020_on():
    assert fz602(report(2020, "深入学习贯彻习近平法治思想。")) == []


def test_web_residue_is_not_read():
    text = "您当前的位置：首页 > 《信访条例》\n" + report(2023, "依法办理信访事项120件。")
    assert fz602(text) == []


# -- obsolete.yaml: validation naming the file and key ---------------------------

@pytest.mark.parametrize("old,new,expected", [
    ("  - pattern: '《信访条例》'", "  - pattern: '《信访条例('", r"obsolete\.yaml: references\[0\]\.pattern: bad regular expression"),
    ("    since: 2022-05-01", "    since: May 2022", r"references\[0\] \(《信访条例》\)\.since: expected a year or a date"),
    ("    since: 2022-05-01", "    since: 2022-05-01\n    before: 2020", r"references\[0\] \(《信访条例》\): give exactly one of since"),
    ("    current: 《信访工作条例》\n", "", r"references\[0\] \(《信访条例》\)\.current: expected what replaced it"),
    ("    unless: '四中全会'", "    unless: '四中全会('", r"references\[4\] .*\.unless: bad regular expression"),
    ("  - pattern: '《信访条例》'", "  - pattern: '《信访条例》'\n    link: x", r"references\[0\]: unknown key 'link'"),
    ("references:", "refs:", r"obsolete\.yaml: expected a mapping with a list under references"),
])
def test_bad_obsolete_file_names_file_and_key(rules_copy, old, new, expected):
    assert_load_fails(rules_copy, "obsolete.yaml", old, new, expected)


def test_since_accepts_a_year_a_month_or_a_date():
    refs = ruleset.default().vocabulary.references
    assert [(r.year, r.before) for r in refs] == [
        (2022, False), (2021, False), (2021, False), (2022, False), (2025, False), (2021, False), (2020, True)]
