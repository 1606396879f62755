import pytest

from conftest import codes, lint

BODY = "一、主要举措和成效\n全年审核规范性文件12件。\n二、存在的不足和原因\n培训不足，原因是经费有限。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题会议4次。"


def test_closing_paragraph_carries_the_plan():
    findings = lint(BODY + "\n下一步，我们将继续推进法治政府建设。", select=["FZ101", "FZ103"])
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("FZ103", 7, 1, 4)]
    assert "结尾段落" in findings[0].message


def test_year_closing_paragraph():
    assert codes(BODY + "\n2023年，我们将持续深化依法行政。", select=["FZ101", "FZ103"]) == [("FZ103", 7)]


def test_a_run_in_body_is_not_a_closing_paragraph():
    # The part's only paragraph is its heading's run-in text: that is the part, not a closing.
    text = BODY + "\n四、加强队伍建设。下一步，我们将继续推进。"
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ101", 7)]


def test_plan_subheading_inside_measures():
    text = BODY.replace("全年审核规范性文件12件。", "（一）规范决策\n全年审核规范性文件12件。\n（二）下一步工作打算\n推进轮训。")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ103", 4)]


def test_the_suggested_heading_follows_the_report_year_and_the_parts():
    findings = lint("某某区关于2022年度法治政府建设情况的报告\n" + BODY + "\n下一步，我们将继续推进法治政府建设。",
                    select=["FZ103"])
    assert findings[0].message.endswith("如“四、2023年度推进法治政府建设的主要安排”。")


PLAN_ONLY = ("一、主要举措和成效\n全年审核规范性文件12件。\n二、存在的不足和原因\n培训不足，原因是经费有限。\n"
             "三、下一年度工作安排\n（一）进一步落实党政主要负责人履行推进法治建设第一责任人职责\n每季度专题研究1次。")


def test_duties_only_as_a_plan_item_are_missing():
    # next year's work is no report of last year's duties: FZ101, not FZ103
    assert codes(PLAN_ONLY, select=["FZ101", "FZ103"]) == [("FZ101", 5)]


def test_duties_only_as_a_run_in_item_of_the_measures_are_in_passing():
    text = PLAN_ONLY.replace("全年审核规范性文件12件。", "一是审核规范性文件12件。二是区长认真履行推进法治建设第一责任人职责，主持专题会议4次。")
    findings = lint(text, select=["FZ101", "FZ103"])
    assert [(f.code, f.line, f.column) for f in findings] == [("FZ103", 2, 14)]
    assert "“一是、二是”条目" in findings[0].message and "（“二是区长认真履行推进法治建设第一责任" in findings[0].message


def test_duties_only_as_a_paragraph_of_the_measures_are_in_passing():
    text = PLAN_ONLY.replace("全年审核规范性文件12件。", "全年审核规范性文件12件。\n区政府主要负责同志履行第一责任人职责，主持专题会议4次。")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ103", 3)]


def test_a_part_whose_heading_joins_two_roles_reports_the_second_in_passing():
    text = ("一、2025年推进法治政府建设主要举措、成效和不足\n全年审核规范性文件12件。执法力量不足，原因是编制有限。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题会议4次。\n三、2026年工作安排\n开展培训4期。")
    findings = lint(text, select=["FZ101", "FZ102", "FZ103"])
    assert [(f.code, f.line) for f in findings] == [("FZ103", 1)]
    assert "合写在“2025年推进法治政府建设主要举措、成效和不足”一个部分中" in findings[0].message
    # measures and plan in one part: neither is missing, the plan is reported in passing
    text = ("一、2025年工作情况及2026年工作计划\n全年审核规范性文件12件。2026年将开展培训4期。\n"
            "二、存在的不足和原因\n培训不足，原因是经费有限。\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题会议4次。")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ103", 1)]


# Issue 13: a level-1 part whose heading names the first person's duties as
# what it reports (法治建设第一责任人职责履行到位) is the duties part of its own:
# no FZ103, and the topic parts after it are the measures (no FZ101 for them).
DUTIES_FIRST = ("一、担当尽责，法治建设第一责任人职责履行到位\n（一）统筹推进。区委常委会会议专题研究法治建设3次。\n"
                "二、深化“放管服”改革\n全年审核规范性文件12件。\n三、存在的不足和原因\n培训不足，原因是经费有限。\n"
                "四、下一年度工作安排\n开展培训4期。")


def test_a_duties_part_named_by_its_duties_stands_on_its_own():
    assert codes(DUTIES_FIRST, select=["FZ101", "FZ103"]) == []


def test_duties_only_in_a_plan_heading_are_missing():
    text = PLAN_ONLY.replace("三、下一年度工作安排\n（一）进一步落实党政主要负责人履行推进法治建设第一责任人职责",
                             "三、下一年度工作安排：督促主要负责人履行第一责任人职责\n（一）深化执法培训")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ101", 5)]


def test_duties_as_a_sub_heading_naming_them_are_in_passing():
    text = PLAN_ONLY.replace("全年审核规范性文件12件。", "（一）认真落实第一责任人职责\n主持专题会议4次。")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ103", 2)]


# Issue 13: part 一 on the 主要责任人's responsibility (or on the rule-of-law
# responsibility, opening with the duties item) is itself the duties part: no
# FZ103 "duties only in passing". Under leadership alone the same item is the
# duties in passing.
DUTIES_BY_ITEM = ("一、{}\n（一）履行推进法治建设第一责任人职责\n镇党委书记主持专题会议3次。\n（二）健全工作机制\n"
                  "制定工作要点1份。\n二、深化“放管服”改革\n全年审核规范性文件12件。\n三、存在的不足和原因\n"
                  "培训不足，原因是经费有限。\n四、下一年度工作安排\n开展培训4期。")


@pytest.mark.parametrize("heading,expected", [
    ("强化主要责任人责任，夯实组织基础", []),
    ("压实法治建设责任，夯实组织基础", []),
    ("加强党的领导，夯实组织基础", [("FZ103", 2)]),
])
def test_a_part_on_the_first_persons_responsibility_is_the_duties_part(heading, expected):
    assert codes(DUTIES_BY_ITEM.format(heading), select=["FZ101", "FZ103"]) == expected


# Issue 13 (fresh13): a duties item about the year reported that puts the rule
# of law into a work plan (纳入……工作计划) is no plan in passing. Without a plan
# part the plan is missing (FZ101, not FZ103); a plan part with its first item on
# the duties (next year's work) is still the plan's and leaves the duties to the
# duties part.
DUTIES_INTO_PLAN = ("一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
                    "（一）强化组织领导将法治建设纳入县委常委会工作计划和政府工作报告2025年，县委常委会专题研究法治建设6次。\n"
                    "二、2025年度推进法治政府建设的主要举措和成效\n全年审核规范性文件12件。\n"
                    "三、存在的不足和原因\n培训不足，原因是经费有限。\n")


def test_a_duties_item_on_the_plan_work_went_into_is_not_the_plan():
    text = DUTIES_INTO_PLAN + "四、下一年度工作安排\n（一）进一步落实党政主要负责人履行推进法治建设第一责任人职责\n每季度专题研究1次。"
    assert codes(text, select=["FZ101", "FZ103"]) == []
    assert codes(DUTIES_INTO_PLAN, select=["FZ101", "FZ103"]) == [("FZ101", 6)]


@pytest.mark.parametrize("item,expected", [
    ("（二）制定年度普法工作计划\n印发计划1份。", [("FZ101", 9)]),
    ("（二）创新普法工作思路\n开展宣讲4场。", [("FZ101", 9)]),
    ("（二）下一步工作计划\n开展培训4期。", [("FZ103", 6)]),
    ("（二）2026年工作思路\n开展培训4期。", [("FZ103", 6)]),
])
def test_a_plan_made_in_the_year_is_not_the_plan_but_next_years_plan_is(item, expected):
    text = DUTIES_INTO_PLAN.replace("全年审核规范性文件12件。\n", "（一）规范决策\n全年审核规范性文件12件。\n" + item + "\n")
    assert codes(text, select=["FZ101", "FZ103"]) == expected
