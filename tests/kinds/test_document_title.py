import pytest

from conftest import TODAY, assert_load_fails, lint, seed_text
from fzlint import ruleset
from fzlint.kinds import document_title
from fzlint.model import Fix, Source
from fzlint.pipeline import Linter, Options

TITLE = "某某区关于2023年度法治政府建设情况的报告"
HEAD = f"{TITLE}\n一、主要举措和成效\n"


def fz604(body, **kw):
    return [(f.line, f.column, f.end_column, f.message, f.fix) for f in lint(HEAD + body, select=["FZ604"], **kw)]


def fixed(body: str, fix: Fix) -> str:
    line = body.split("\n")[fix.line - 3]
    return line[:fix.column - 1] + fix.replacement + line[fix.end_column - 1:]


# -- the seeds ------------------------------------------------------------------

def test_003_a_year_range_with_a_hyphen_is_fz507s():
    # 《法治政府建设实施纲要(2021-2025年)》: the title and its years are right; the hyphen is FZ507's.
    assert lint(seed_text(3), select=["FZ604"]) == []


def test_004_wrong_years_of_the_plan():
    [plan] = lint(seed_text(4), select=["FZ604"])
    assert (plan.line, plan.column, plan.end_column) == (46, 7, 29)
    assert plan.message == ("“《法治中国建设规划(2021-2025年)》”的年份有误：《法治中国建设规划》的期限是2020—2025年。"
                            "请核对文件名称中的年份。")
    assert plan.fix == Fix(46, 17, 27, "2020—2025年", False)  # shown, never applied
    # The outline after it, 《法治政府建设实施纲要(2021-2025年)》, is right but for its hyphen (FZ507).
    assert [(f.code, f.column) for f in lint(seed_text(4), select=["FZ507"])] == [("FZ507", 21), ("FZ507", 45)]


@pytest.mark.parametrize("number", [0, 1, 2])
def test_other_seeds_cite_their_titles_right(number):
    # 《宪法》《民法典》《中华人民共和国民法典》《重大行政决策程序暂行条例》《信访工作条例》《法治政府建设与
    # 责任落实督察工作规定》《党政主要负责人履行推进法治建设第一责任人职责规定》, and local documents
    # (《重庆市重大行政决策程序规定》, 《淄博高新区党政主要负责人履行推进法治建设第一责任人职责清单》 …)
    assert lint(seed_text(number), select=["FZ604"]) == []


# -- what is found ----------------------------------------------------------------

@pytest.mark.parametrize("found,right", [
    ("法制政府建设实施纲要", "法治政府建设实施纲要"),  # 制 for 治, through FZ601's term
    ("法制政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要（2021—2025年）"),
    ("法治政府建设与责任落实督查工作规定", "法治政府建设与责任落实督察工作规定"),  # 督查 for 督察
    ("法制政府建设与责任落实督查工作规定", "法治政府建设与责任落实督察工作规定"),  # two edits apart
    ("法治政府建设与责任督察工作规定", None),  # a two-character word dropped: not a slip
    ("法治政府建设责任落实督察工作规定", "法治政府建设与责任落实督察工作规定"),  # one missing
    ("法治政府建设与责任落实督察工作的规定", "法治政府建设与责任落实督察工作规定"),  # one extra
    ("党政主要负责人履行推进法治政府建设第一责任人职责规定", "党政主要负责人履行推进法治建设第一责任人职责规定"),
    ("党政主要负责人履行推行法治建设第一责任人职责规定", "党政主要负责人履行推进法治建设第一责任人职责规定"),
    ("重大行政决策程序暂形条例", "重大行政决策程序暂行条例"),
    ("重大行政决策暂行程序条例", None),  # words moved about: further than two edits
    ("中华人民共和国政府信息公开条列", None),  # the last character differs: not compared
    ("中华人民共和国政府信公开条例", "中华人民共和国政府信息公开条例"),  # the prefix is kept as written
    ("优化营商环境条列", None),
    ("优化营商坏境条例", "优化营商环境条例"),
    ("信访工作条里例", "信访工作条例"),
    ("行政复议法实施条列", None),
    ("行政复议法实旋条例", "行政复议法实施条例"),
    ("行政复议法施实条例", "行政复议法实施条例"),  # two swapped
])
def test_near_misses_with_their_fix(found, right):
    body = f"认真贯彻落实《{found}》，逐项抓好落实。"
    findings = fz604(body)
    if right is None:
        assert findings == []
        return
    [(line, column, end_column, message, fix)] = findings
    assert (line, column, end_column) == (3, 7, 7 + len(found) + 2)
    assert message == f"文件名称写错了：“《{found}》”应为“《{right}》”。请按文件的正式名称改正。可用 --fix 自动改正。"
    assert fix.safe
    after = fixed(body, fix)
    assert after.replace("(", "（").replace(")", "）") == body.replace(found, right)  # brackets: FZ501's
    assert fz604(after) == []


def test_a_misspelt_name_with_a_hyphen_in_its_years_gets_the_name_fixed_and_leaves_the_hyphen_to_fz507():
    body = "认真贯彻落实《法制政府建设实施纲要(2015-2020年)》，逐项抓好落实。"
    [(_, column, _, message, fix)] = fz604(body)
    assert message == ("文件名称写错了：“《法制政府建设实施纲要(2015-2020年)》”应为“《法治政府建设实施纲要(2015-2020年)》”。"
                       "请按文件的正式名称改正。可用 --fix 自动改正。")
    assert fix == Fix(3, 8, 18, "法治政府建设实施纲要", True)
    assert [(f.code, f.column) for f in lint(HEAD + fixed(body, fix), select=["FZ507", "FZ604"])] == [("FZ507", 23)]


def test_a_name_near_two_titles_is_reported_without_a_fix():
    [(_, column, end_column, message, fix)] = fz604("贯彻《法治政会建设实施纲要》。")
    assert (column, end_column) == (3, 15) and fix is None
    assert message == ("文件名称“《法治政会建设实施纲要》”与《法治政府建设实施纲要》《法治社会建设实施纲要》都只差一两个字，"
                       "但不是其中任何一个。请核对文件的正式名称。")


@pytest.mark.parametrize("found,periods,right", [
    ("法治政府建设实施纲要（2020—2025年）", "2015—2020年、2021—2025年", "法治政府建设实施纲要（2021—2025年）"),
    ("法治社会建设实施纲要（2021—2025年）", "2020—2025年", "法治社会建设实施纲要（2020—2025年）"),
    ("法治政府建设实施纲要（2018—2022年）", "2015—2020年、2021—2025年", "法治政府建设实施纲要（2015—2020年）"),
])
def test_years_no_version_has(found, periods, right):
    [(_, column, end_column, message, fix)] = fz604(f"贯彻《{found}》。")
    assert (column, end_column) == (3, 3 + len(found) + 2)
    name = found[:found.index("（")]
    assert message == f"“《{found}》”的年份有误：《{name}》的期限是{periods}。请核对文件名称中的年份。"
    start = 4 + len(name) + 1
    assert fix == (Fix(3, start, start + 10, right[-11:-1], False) if right else None)


@pytest.mark.parametrize("years", ["2021-2025年", "2021～2025年", "2021~2025年", "20212025年", "2021－2025年"])
def test_a_right_title_with_another_dash_is_left_to_fz507(years):
    body = f"贯彻《法治政府建设实施纲要（{years}）》。"
    assert fz604(body) == []
    assert [(f.code, f.line) for f in lint(HEAD + body, select=["FZ507", "FZ604"])] == [("FZ507", 3)]


def test_a_title_nested_in_another_is_read():
    body = "印发《关于贯彻落实〈法制政府建设实施纲要（2021—2025年）〉的实施意见》。"
    [(_, column, end_column, _, fix)] = fz604(body)
    assert (column, end_column) == (10, 10 + 24)
    assert fix == Fix(3, 11, 21, "法治政府建设实施纲要", True)


def test_title_headings_and_paragraphs_are_read():
    text = ("某某区关于贯彻《法制政府建设实施纲要》情况的报告\n一、贯彻《法治政府建设与责任落实督查工作规定》\n"
            "对照《法治政府建设实施纲要（2021—2025年）》开展工作，贯彻《法治政府建设实施纲要》。")
    assert [(f.line, f.column) for f in lint(text, select=["FZ604"])] == [(1, 8), (2, 5)]


# -- what is not found ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # titles as they are, with or without 中华人民共和国, with or without the years
    "学习《宪法》《中华人民共和国宪法》《民法典》《中华人民共和国行政处罚法》《行政复议法实施条例》。",
    "贯彻《法治政府建设实施纲要（2021—2025年）》《法治政府建设实施纲要》《法治中国建设规划（2020—2025年）》。",
    "回顾《法治政府建设实施纲要（2015—2020年）》的落实情况。",
    "对照《法治政府建设与责任落实督察工作规定》《党政主要负责人履行推进法治建设第一责任人职责规定》。",
    # ASCII brackets alone are FZ501's
    "贯彻《法治政府建设实施纲要(2021—2025年)》。",
    # a different real document is no slip
    "贯彻《法治社会建设实施纲要（2020—2025年）》《法治社会建设实施纲要》。",
    "贯彻《信访条例》《信访工作条例》《法律援助条例》《法律援助法》《社区矫正法实施办法》。",
    # notes after the name
    "学习《中华人民共和国行政处罚法（2021年修订）》《行政复议法（2023年修订）》《宪法（2018年修正）》。",
    # local documents and documents near a known one by a whole word
    "制定《某市重大行政决策程序规定》《某县法治政府建设实施方案（2021—2025年）》。",
    "印发《法治政府建设实施方案》《法治政府建设实施意见》《法治甲省建设规划（2021—2025年）》。",
    "学习《习近平法治思想学习纲要》《论坚持全面依法治国》《2023年度法治政府建设工作要点》。",
    # short names are other laws, not slips
    "学习《行政许可法》《行政强制法》《人民调解法》《禁毒法》。",
    # odd marks
    "《》《 》《法治政府建设 实施纲要》《《《。",
])
def test_right_titles_and_other_documents_are_left_alone(body):
    assert fz604(body) == []


def test_web_residue_is_not_read():
    text = f"您当前的位置：首页 > 《法制政府建设实施纲要》\n{HEAD}开展普法活动32场。"
    assert fz604("开展普法活动32场。") == []
    assert lint(text, select=["FZ604"]) == []


def test_odd_text_does_not_crash():
    assert lint("", select=["FZ604"]) == []
    assert lint("《" * 50000 + "》" * 50000, select=["FZ604"]) == []
    assert lint(HEAD + "《" + "法" * 200 + "》" + "《法制政府建设实施纲要" * 1000, select=["FZ604"]) == []


# -- one finding per fault: which rule owns a title ---------------------------------

def fz6(body, year=None):
    return [(f.code, f.column) for f in lint(HEAD + body, select=["FZ5", "FZ6"], year=year)]


def test_a_misspelt_regulation_in_its_marks_is_fz604s_and_outside_them_fz603s():
    # FZ603 knows the regulation's name as a formulation; in 《》 the title rule reports it.
    assert fz6("落实《法治政府建设与责任落实督查工作规定》。") == [("FZ604", 3)]
    assert fz6("落实《中华人民共和国法治政府建设与责任落实督查工作规定》。") == [("FZ604", 3)]
    assert fz6("落实法治政府建设与责任落实督查工作规定。") == [("FZ603", 3)]
    assert fz6("落实《关于法治政府建设与责任落实督查工作规定的实施意见》。") == [("FZ603", 6)]


def test_fz601_terms_in_a_title_are_fz604s_and_outside_it_fz601s():
    # FZ601 leaves titles alone (an older document keeps its wording); a known
    # title its term explains is FZ604's.
    assert fz6("贯彻《法制政府建设实施纲要》。") == [("FZ604", 3)]
    assert fz6("推进法制政府建设。") == [("FZ601", 3)]
    assert fz6("学习《关于加强法制宣传教育的决议》。") == []


def test_an_outdated_title_is_fz602s():
    assert fz6("认真贯彻《信访条例》。", year=2023) == [("FZ602", 5)]
    assert fz6("贯彻落实《法治政府建设实施纲要（2015—2020年）》。", year=2023) == [("FZ602", 14)]


def test_a_name_without_marks_is_fz503s():
    assert fz6("贯彻法治政府建设实施纲要（2021—2025年）。") == [("FZ503", 3)]


# -- parameters and the vocabulary --------------------------------------------------

def _linter(**params) -> Linter:
    rules = ruleset.default()
    rule = ruleset.configure(rules.by_code()["FZ604"], rules.vocabulary, "test", params)
    return Linter(rules, Options(rules=[rule], today=TODAY))


def _codes(lint_: Linter, body: str):
    return [(f.line, f.column) for f in lint_.lint_source(Source("d.txt", HEAD + body, "utf-8")).findings]


def test_titles_of_ones_own_are_known_and_their_slips_found():
    own = _linter(titles=["甲省法治政府建设规定", "甲省法治政府建设实施纲要（2021—2025年）"])
    assert _codes(own, "贯彻《甲省法治政府建设规定》《甲省法治政府建设实施纲要（2021—2025年）》。") == []
    assert _codes(own, "贯彻《甲省法治政府键设规定》。") == [(3, 3)]
    assert _codes(_linter(), "贯彻《甲省法治政府键设规定》。") == []


def test_min_length():
    assert _codes(_linter(min_length=8), "贯彻《信访工作条里例》。") == []


@pytest.mark.parametrize("params,expected", [
    ({"titles": ["《甲省规定》"]}, r"FZ604: titles: expected a list of titles"),
    ({"min_length": 3}, r"FZ604: min_length: expected 4 or more"),
])
def test_bad_parameters(params, expected):
    rules = ruleset.default()
    with pytest.raises(ruleset.RuleSetError, match=expected):
        ruleset.configure(rules.by_code()["FZ604"], rules.vocabulary, "FZ604", params)


@pytest.mark.parametrize("old,new,expected", [
    ("prefix: 中华人民共和国\n", "", r"titles\.yaml: expected the keys prefix, titles"),
    ("  - 宪法修正案\n", "  - 宪法\n", r"titles\.yaml: titles\[\d+\]: '宪法' is listed twice"),
    ("  - 民法典\n", "  - 《民法典》\n", r"titles\.yaml: titles\[\d+\]: expected a title as 《》 holds it"),
    ("prefix: 中华人民共和国", "prefix: [中华人民共和国]", r"titles\.yaml: prefix: expected a string"),
])
def test_bad_titles_file_names_file_and_key(rules_copy, old, new, expected):
    assert_load_fails(rules_copy, "titles.yaml", old, new, expected)


def test_the_vocabulary_has_the_documents_domain_md_names():
    vocabulary = ruleset.default().vocabulary
    assert vocabulary.title_prefix == "中华人民共和国"
    for title in ("法治政府建设与责任落实督察工作规定", "法治政府建设实施纲要（2021—2025年）", "信访工作条例",
                  "党政主要负责人履行推进法治建设第一责任人职责规定", "法治中国建设规划（2020—2025年）"):
        assert title in vocabulary.titles


@pytest.mark.parametrize("known,found,most,expected", [
    ("法治政府建设实施纲要", "法治政府建设实施纲要", 2, 0),
    ("法治政府建设实施纲要", "法制政府建设实施纲要", 1, 1),
    ("法治政府建设实施纲要", "法治府政建设实施纲要", 1, 1),
    ("法治政府建设实施纲要", "法治政府建设实施要", 1, 1),
    ("法治政府建设实施纲要", "法制政府建设施实纲要", 2, 2),
    ("法治政府建设实施纲要", "法制政府建设施实纲要", 1, None),
    ("法治政府建设实施纲要", "法治社会建设实施纲要", 2, None),  # neighbouring edits: another word
    ("法治政府建设实施纲要", "法治政府建设实施方案", 2, None),
    ("法治政府建设实施纲要", "法治建设实施纲要", 2, None),
])
def test_edits(known, found, most, expected):
    assert document_title.edits(known, found, most) == expected


@pytest.mark.parametrize("body,found", [
    # Issue 13: a local issuer's outline of the same name runs its own period.
    ("落实中共中央、国务院《法治政府建设实施纲要（2015—2020年）》和省委、省政府《法治政府建设实施纲要（2016—2020年）》。", []),
    ("贯彻某市人民政府印发的《法治政府建设实施纲要（2016—2020年）》。", []),
    ("贯彻全省《法治政府建设实施纲要（2017—2020年）》。", []),
    ("贯彻《某省法治政府建设实施纲要（2016—2020年）》。", []),
    # The central outline with a wrong period is still found: after central issuers,
    # after a verb, and after a local body that is the subject, not the issuer.
    ("落实中共中央、国务院《法治政府建设实施纲要（2016—2020年）》。", ["法治政府建设实施纲要（2016—2020年）"]),
    ("紧扣《法治政府建设实施纲要（2022—2025年）》要求。", ["法治政府建设实施纲要（2022—2025年）"]),
    ("市委、市政府认真贯彻《法治政府建设实施纲要（2016—2020年）》。", ["法治政府建设实施纲要（2016—2020年）"]),
    # A local issuer does not excuse a misspelt name.
    ("落实省委、省政府《法制政府建设实施纲要》。", ["法制政府建设实施纲要"]),
])
def test_a_local_issuers_outline_keeps_its_own_period(body, found):
    assert [(line, message.split("》")[0].split("《")[1]) for line, _, _, message, _ in fz604(body)] == [
        (3, f) for f in found]
