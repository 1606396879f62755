import pytest

from conftest import codes, lint


@pytest.mark.parametrize("body", [
    "执法力量不足，主要原因是编制有限。", "由于经费有限，培训覆盖面不足。", "人员流动大，导致执法能力参差不齐。",
    "（二）原因分析\n主观上重视不够，客观上人员不足。",
])
def test_causes_in_any_wording(body):
    assert codes(f"一、主要举措和成效\n正文。\n二、存在的不足和原因\n{body}", select=["FZ102"]) == []


def test_the_word_in_the_heading_does_not_count():
    assert codes("一、主要举措和成效\n正文。\n二、存在的不足和原因\n执法力量不足。", select=["FZ102"]) == [("FZ102", 3)]


def test_empty_part_is_left_to_thin_section():
    assert codes("一、主要举措和成效\n正文。\n二、存在的不足和原因\n三、下一年度主要安排\n正文。", select=["FZ102"]) == []


# -- FZ411: the duties part names the leaders' concrete acts --------------------

MEASURES = "一、2023年度推进法治政府建设的主要举措和成效\n审核规范性文件12件。\n"
DUTIES = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
PLAN = "三、2024年度推进法治政府建设的主要安排\n6月底前完成执法人员轮训。\n"


def duties(body: str) -> str:
    return MEASURES + DUTIES + body + "\n" + PLAN


@pytest.mark.parametrize("body", [
    "区政府主要负责人高度重视、认真履行第一责任人职责，对重要工作亲自部署、重大问题亲自过问。",
    "带头尊法学法守法用法，深入贯彻习近平总书记关于法治建设的重要指示批示精神。",  # slogans
    "带头营造尊法、学法、守法、用法的浓厚氛围。",
    "通过常务会议、专题会议等形式，定期听取法治建设工作汇报。",  # meetings, but none counted
    "推动法治建设与经济社会发展同部署、同推进、同督促、同考核、同奖惩。",
])
def test_duties_of_pledges_only(body):
    assert codes(duties(body), select=["FZ411"]) == [("FZ411", 3)]


@pytest.mark.parametrize("body", [
    "区长主持召开常务会议3次专题研究法治政府建设。",
    "先后4次主持召开专题会议研究法治建设工作。",
    "依法治区委员会组织召开了两次会议。",
    "第5次工委会议专题听取法治政府建设情况汇报。",
    "全年安排涉及法治建设相关议题32个。",
    "将学习习近平法治思想作为党组会第一议题。",
    "高度重视法治建设，带头述法。",
    "带头学法，组织集体学法5次。",
    "局长讲法5次。",
    "党政主要负责人带头部署重要工作，全年牵头开展法治专题宣讲2场次。",  # Issue 13: lectures given
    "走进校园开展法治授课1场次。",
    "主持理论学习中心组专题学习《行政复议法》。",
    "带头出庭应诉行政案件2件。",
    "对米某行政复议案作出批示。",
    "带队督查执法部门落实三项制度。",
    "开展基层调研10余次。",
])
def test_duties_with_an_act_are_fine(body):
    assert codes(duties(body), select=["FZ411"]) == []


# Issue 13: a part that names instructions given (做出批示, a spelling of 作出) or
# the duties put under the Party's inspection tours (纳入巡察) names an act; an
# uncounted meeting, 定期听取 or the duties written into the year-end report
# (纳入年度述职, 接受考核) alone is still no act.
@pytest.mark.parametrize("body", [
    "区委书记主持召开区委依法治区委员会会议，对法治政府建设工作进行安排部署。区长多次对法治政府建设工作做出批示。",
    "区委、区政府将主要负责人履行第一责任人职责情况列入年终述职内容，并纳入区委巡察范围。",
    "区长带队巡察重点执法单位。",
    "市委、市政府主要负责同志主持制定市委依法治市委员会年度工作要点。",  # a document made under their chair
    "区长主持审定《某区重大行政决策程序规定》。",
])
def test_instructions_and_inspection_tours_are_acts(body):
    assert codes(duties(body), select=["FZ411"]) == []


@pytest.mark.parametrize("body", [
    "区委书记主持召开区委依法治区委员会会议，对法治政府建设工作进行安排部署。",  # a meeting, not counted
    "高度重视法治建设，对重要工作亲自部署，定期听取法治政府建设工作汇报。",
    "将法治建设情况纳入领导干部年度述职，接受工作实绩考核，倒逼责任落实。",
    "认真学习贯彻习近平总书记做出的重要指示批示精神。",  # a slogan with 做出
    "主持研究法治政府建设重大问题，制定年度工作要点。",  # no document made under the chair
    "亲自部署、亲自推动制定法治建设规划。",
    "带头部署重要工作，组织开展法治宣传活动。",  # publicity, not a lecture given
])
def test_uncounted_meetings_pledges_and_arrangements_are_still_no_acts(body):
    assert codes(duties(body), select=["FZ411"]) == [("FZ411", 3)]


def test_the_message_names_the_part_and_the_acts_to_report():
    [f] = lint(duties("高度重视法治建设。"), select=["FZ411"])
    assert (f.line, f.column, f.severity.label) == (3, 1, "warning")
    assert f.message.startswith("“党政主要负责人履行推进法治建设第一责任人职责情况”部分没有写明党政主要负责人"
                                 "履行推进法治建设第一责任人职责的具体事项：")
    assert "不写次数的“召开会议”" in f.message
    assert "述法" in f.message and "出庭应诉" in f.message


def test_no_duties_at_all_is_left_to_fz101():
    text = MEASURES + "二、2023年度推进法治政府建设存在的不足和原因\n原因是人手不足。\n" + PLAN
    assert codes(text, select=["FZ101", "FZ411"]) == [("FZ101", 5)]
    # A plan item on the duties is next year's work, not a report of them.
    planned = text + "（一）进一步落实党政主要负责人履行推进法治建设第一责任人职责。\n"
    assert codes(planned, select=["FZ101", "FZ103", "FZ411"]) == [("FZ101", 5)]


def test_an_empty_duties_part_is_left_to_thin_section():
    assert codes(MEASURES + DUTIES + PLAN, select=["FZ411"]) == []


def test_duties_as_a_sub_heading_of_another_part():
    text = ("一、主要举措和成效\n（一）审核规范性文件。全年审核12件。\n（二）切实履行推进法治建设第一责任人职责\n{}\n"
            "二、存在的不足和原因\n原因是人手不足。\n")
    assert codes(text.format("区长高度重视，亲自部署。"), select=["FZ103", "FZ411"]) == [("FZ103", 3), ("FZ411", 3)]
    assert codes(text.format("区长主持召开常务会议3次专题研究法治政府建设。"), select=["FZ411"]) == []


def test_duties_as_a_run_in_item_end_at_the_next_item():
    item = "一、主要举措和成效\n一是审核规范性文件12件。二是认真履行推进法治建设第一责任人职责，{}。三是开展执法检查12次。\n"
    [f] = lint(item.format("主要负责人高度重视法治建设"), select=["FZ411"])
    assert (f.code, f.line, f.column) == ("FZ411", 2, 14)  # at 二是; 三是's 检查12次 is another item's
    assert codes(item.format("主要负责人带头述法"), select=["FZ411"]) == []


def test_duties_in_a_heading_joined_to_another_part():
    text = "一、主要举措成效和履行推进法治建设第一责任人职责情况\n审核规范性文件12件。{}\n二、存在的不足和原因\n原因是人手不足。\n"
    assert codes(text.format("区长高度重视法治建设。"), select=["FZ411"]) == [("FZ411", 1)]
    assert codes(text.format("区长在区委全会上述法。"), select=["FZ411"]) == []


def test_duties_named_in_a_paragraph_are_told_by_the_paragraphs_after_it():
    # A paragraph names the duties; the paragraphs after it in its section say what was done.
    text = ("一、加强党对法治政府建设的领导\n区政府党组切实履行推进法治建设第一责任人职责，推动决策部署落到实处。\n"
            "{}\n二、存在的不足和原因\n执法力量不足，主要原因是编制有限。\n三、2024年度主要安排\n开展执法人员轮训。")
    assert codes(text.format("区长主持召开常务会议4次专题研究法治政府建设。"), select=["FZ411"]) == []
    assert codes(text.format("深入学习贯彻习近平法治思想。"), select=["FZ411"]) == [("FZ411", 2)]
    # Not the acts before it, nor those of the next section.
    later = ("一、主要举措和成效\n区长主持召开常务会议4次专题研究法治政府建设。\n区政府党组切实履行推进法治建设第一责任人职责。\n"
             "{}\n二、存在的不足和原因\n执法力量不足，主要原因是编制有限，区长带头述法不够。\n三、2024年度主要安排\n开展执法人员轮训。")
    assert codes(later.format("全面推进严格规范公正文明执法。"), select=["FZ411"]) == [("FZ411", 3)]
    assert codes(later.format("区长带队督查重点执法领域3次。"), select=["FZ411"]) == []


def test_fz102_does_not_look_for_causes_in_passing():
    text = "一、主要举措和成效\n（一）审核规范性文件12件。\n（二）存在的问题\n执法力量不足。\n"
    assert codes(text, select=["FZ102"]) == []


def test_the_seeds_duties(seeds_dir):
    from conftest import linter, seed

    found = {n: [(f.code, f.line) for f in linter(select=["FZ411"]).lint_file(str(seed(n))).findings] for n in range(5)}
    # 000's duties part is pledges only; 001 names 第一议题 and counted meetings, 003 述法, 004 two meetings and
    # a 批示; 002 has no duties part (FZ101).
    assert found == {0: [("FZ411", 16)], 1: [], 2: [], 3: [], 4: []}
