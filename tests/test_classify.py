"""Stage 3: roles, parts in passing, years."""

from __future__ import annotations

import pytest

from conftest import document, seed_text


@pytest.mark.parametrize("number,roles", [
    (0, [(5, "measures"), (16, "duties"), (21, "shortcomings"), (25, "plan")]),
    (1, [(5, "measures"), (21, "duties"), (26, "shortcomings"), (30, "plan")]),
    (2, [(8, "measures"), (10, "measures"), (12, "measures"), (14, "measures")]),
    (3, [(2, "measures"), (18, "shortcomings"), (22, "duties"), (24, "plan")]),
    (4, [(18, "measures"), (28, "duties"), (38, "shortcomings"), (42, "plan")]),
])
def test_roles_of_the_seeds(number, roles):
    assert [(s.line, s.role) for s in document(seed_text(number)).sections] == roles


@pytest.mark.parametrize("number,year,source,plan", [
    (0, 2022, "title", 2023), (1, 2022, "body", 2023), (2, 2023, "title", None),
    (3, 2021, "body", 2022), (4, 2022, "title", 2023),
])
def test_years_of_the_seeds(number, year, source, plan):
    doc = document(seed_text(number))
    assert (doc.report_year, doc.report_year_from, doc.plan_year) == (year, source, plan)


@pytest.mark.parametrize("title,role", [
    ("存在的问题及原因", "shortcomings"), ("存在的主要问题", "shortcomings"), ("不足和原因", "shortcomings"),
    ("主要负责人履行推进（推行）法治建设第一责任人职责情况", "duties"),
    ("区政府主要负责同志履行推进法治建设第一责任人职责情况", "duties"),
    ("2023年工作打算", "plan"), ("下一步工作计划", "plan"), ("工作思路", "plan"),
    ("2023年度推进法治政府建设的主要安排", "plan"), ("其他需要报告的情况", "other"),
    ("主要举措及成效", "measures"), ("工作开展情况", "measures"),
])
def test_heading_variants_seen_in_real_reports(title, role):
    text = f"一、坚持党的领导\n正文。\n二、{title}\n正文。"
    assert [s.role for s in document(text).sections] == ["measures", role]


def test_topic_parts_after_another_role_are_other():
    doc = document("一、主要举措和成效\n二、存在的不足和原因\n三、坚持问题导向\n四、下一年度主要安排")
    assert [s.role for s in doc.sections] == ["measures", "shortcomings", "other", "plan"]


def test_a_body_mention_does_not_make_a_part_or_a_mention():
    doc = document("一、坚持党的领导\n落实第一责任人职责，存在的问题及时整改。\n二、加强执法\n正文。")
    assert [s.role for s in doc.sections] == ["measures", "measures"] and doc.mentions == []


def test_a_duties_subheading_is_a_mention():
    doc = document("一、主要举措和成效\n（一）切实履行推进法治建设第一责任人职责\n正文。")
    assert [(m.role, m.line, m.how) for m in doc.mentions] == [("duties", 2, "subheading")]


def test_002_closing_paragraph_is_the_plan_in_passing():
    doc = document(seed_text(2))
    assert [(m.role, m.line, m.how) for m in doc.mentions] == [("plan", 16, "closing-paragraph")]


def test_year_option_wins():
    doc = document(seed_text(0), year=2021)
    assert (doc.report_year, doc.report_year_from, doc.title_year) == (2021, "option", 2022)


def test_years_inside_book_titles_do_not_count():
    doc = document("一、主要举措\n印发《2019年工作要点》《2019年规划》，2022年审核文件12件。")
    assert doc.report_year == 2022


def test_years_in_quotes_and_titles_are_not_counted_and_unclosed_marks_cost_linear_time():
    import time

    from fzlint import classify

    assert classify._unquoted("《2019年规划》2021年“2020年”《甲") == "2021年\ue000甲"
    assert classify._unquoted("“甲《乙》丙”《丁“戊") == "\ue000丁\ue000戊"
    start = time.process_time()
    doc = document("一、主要举措和成效\n" + "《" * 100000 + "2022年完成。\n")  # was 4.9 s
    assert time.process_time() - start < 2
    assert (doc.report_year, doc.report_year_from) == (2022, "body")


PLAN_ITEM = ("一、主要举措和成效\n全年审核规范性文件12件。\n二、存在的不足和原因\n培训不足，原因是经费有限。\n"
             "三、下一年度工作安排\n（一）进一步落实党政主要负责人履行推进法治建设第一责任人职责\n每季度专题研究1次。")


def test_a_plan_item_on_the_duties_is_no_mention():
    # next year's work reports no duties done
    assert document(PLAN_ITEM).mentions == []


def test_a_plan_paragraph_on_the_duties_is_no_mention():
    doc = document(PLAN_ITEM.replace("（一）进一步落实", "2024年，将进一步督促"))
    assert doc.mentions == []


def test_a_duties_paragraph_inside_the_measures_is_a_mention():
    doc = document("一、主要举措和成效\n全年审核规范性文件12件。\n区政府主要负责同志认真履行推进法治建设第一责任人职责，主持专题会议4次。")
    assert [(m.role, m.line, m.column, m.how) for m in doc.mentions] == [("duties", 3, 1, "paragraph")]


def test_a_duties_run_in_item_inside_the_measures_is_a_mention():
    doc = document("一、主要举措和成效\n一是规范决策，审核文件12件。二是切实履行第一责任人职责，主持会议4次。")
    assert [(m.role, m.line, m.column, m.text) for m in doc.mentions] == [
        ("duties", 2, 16, "二是切实履行第一责任人职责，主持会议4次")]


def test_a_duties_paragraph_that_looks_ahead_is_no_mention():
    doc = document("一、主要举措和成效\n全年审核规范性文件12件。\n二、存在的问题\n经费不足。\n下一步，将督促主要负责人履行第一责任人职责。")
    assert [(m.role, m.line) for m in doc.mentions] == [("plan", 5)]


def test_the_duties_regulation_cited_is_no_mention():
    doc = document("一、主要举措和成效\n认真执行《党政主要负责人履行推进法治建设第一责任人职责规定》，审核文件12件。")
    assert doc.mentions == []


@pytest.mark.parametrize("title,role,joined", [
    ("2025年推进法治政府建设主要举措、成效和不足", "measures", ["shortcomings"]),
    ("2025年工作情况及2026年工作计划", "measures", ["plan"]),
    ("存在的问题和下一步工作打算", "shortcomings", ["plan"]),
    ("存在的问题及原因", "shortcomings", []),  # 原因 is the shortcomings' own word
    ("主要举措和成效", "measures", []),
])
def test_a_heading_that_joins_two_roles_plays_the_first_it_names(title, role, joined):
    doc = document(f"一、{title}\n正文。\n")
    assert [s.role for s in doc.sections] == [role]
    assert [(m.role, m.how, m.line) for m in doc.mentions if m.how == "heading"] == [(r, "heading", 1) for r in joined]


@pytest.mark.parametrize("second,role", [
    ("、存在的不足和原因", "shortcomings"),
    ("、坚持依法行政，规范执法行为", "measures"),
])
def test_a_heading_that_lost_its_numeral_plays_the_role_its_words_give(second, role):
    # Issue 13: “、……” read as the level-1 heading whose numeral was lost.
    doc = document(f"一、坚持党的领导\n正文。\n{second}\n正文。\n三、下一年度主要安排\n正文。")
    assert [(s.line, s.role) for s in doc.sections] == [(1, "measures"), (3, role), (5, "plan")]


# Issue 13: a level-1 heading that names the first person's duties (or
# responsibility) as what it reports is the duties part, whatever verb comes
# with them (履行到位, 落实……制度, 压实……责任); leadership alone is not.
@pytest.mark.parametrize("title,role", [
    ("担当尽责，法治建设第一责任人职责履行到位", "duties"),
    ("深入学习贯彻党的二十大精神和习近平法治思想，落实法治政府建设第一责任人职责制度", "duties"),
    ("坚持党的领导，压实法治建设第一责任人责任", "duties"),
    ("严格落实第一责任人的职责，统筹推进法治政府建设", "duties"),
    ("加强党的领导，健全法治政府建设推进机制", "measures"),
    ("强化组织领导，主要领导亲自抓、负总责", "measures"),
    ("落实法治建设责任制，压实各部门主体责任", "measures"),
])
def test_a_heading_naming_the_first_persons_duties_is_the_duties_part(title, role):
    doc = document(f"一、{title}\n正文。\n二、存在的不足和原因\n经费不足。")
    assert [s.role for s in doc.sections] == [role, "shortcomings"]


def test_topic_parts_after_a_leading_duties_part_are_measures():
    # the duties often come first; the topic parts after them are the measures
    doc = document("一、法治建设第一责任人职责履行到位\n正文。\n二、深化“放管服”改革\n正文。\n三、规范行政执法\n正文。\n"
                   "四、存在的不足和原因\n经费不足。\n五、坚持问题导向\n正文。\n六、下一年度主要安排\n正文。")
    assert [s.role for s in doc.sections] == ["duties", "measures", "measures", "shortcomings", "other", "plan"]


def test_a_plan_heading_naming_the_duties_is_no_mention():
    # next year's work, even in the plan's own heading, reports no duties done
    doc = document("一、主要举措和成效\n正文。\n二、下一步工作打算：督促主要负责人履行第一责任人职责\n正文。")
    assert [s.role for s in doc.sections] == ["measures", "plan"] and doc.mentions == []


# Issue 13: a heading that names fulfilling the duties of building the rule of
# law, without the first person (一、切实履行法治政府建设职责), is the duties part
# when the part's own first sentence is the first person's; over other work,
# or with the first person only further down, it is a topic part.
@pytest.mark.parametrize("title,body,role", [
    ("切实履行法治政府建设职责", "党政主要负责人切实履行推进法治建设第一责任人责任，主持专题会议4次。", "duties"),
    ("切实履行法治政府建设职责。县长切实履行推进法治建设第一责任人职责，主持会议3次", "正文。", "duties"),
    ("认真履行依法行政职责", "县政府主要负责同志认真履行职责，听取汇报6次。", "duties"),
    ("切实履行推进法治政府建设职责", "（一）持续学习贯彻习近平法治思想\n组织专题学习12次。", "measures"),
    ("切实履行法治政府建设职责", "全年发布信息870条。县长切实履行推进法治建设第一责任人职责。", "measures"),
    ("切实履行法治政府建设职责", "《党政主要负责人履行推进法治建设第一责任人职责规定》印发后，全县组织学习。", "measures"),
    ("依法全面履行政府职能", "党政主要负责人切实履行推进法治建设第一责任人职责。", "measures"),
    ("加强党的领导，强化组织领导", "党政主要负责人切实履行推进法治建设第一责任人职责。", "measures"),
])
def test_a_heading_on_fulfilling_the_duties_is_the_duties_part_when_its_first_sentence_says_so(title, body, role):
    assert _roles_before_shortcomings(title, body) == [role, "shortcomings"]


def _roles_before_shortcomings(title: str, body: str) -> list[str]:
    """The roles of part 一 (title, body) and a shortcomings part after it."""
    doc = document(f"一、{title}\n{body}\n二、存在的不足和原因\n经费不足。")
    return [s.role for s in doc.sections]


# Issue 13: a level-1 heading about the 主要负责人's (or 主要责任人's)
# responsibility is the duties part; and a heading on the rule-of-law duties or
# responsibility without the first person is the duties part when its first
# item's heading names the duties. Leadership alone, or a first item on other
# work, leaves it a topic part.
@pytest.mark.parametrize("title,body,role", [
    ("强化主要责任人责任，夯实组织基础", "（一）履行推进法治建设第一责任人职责\n甲镇成立领导小组。", "duties"),
    ("强化主要责任人责任，夯实组织基础", "（一）健全工作机制\n甲镇成立领导小组。", "duties"),
    ("压实主要负责人法治建设责任", "镇党委书记主持专题会议4次。", "duties"),
    ("压实法治建设责任，夯实组织基础", "（一）履行推进法治建设第一责任人职责\n甲镇成立领导小组。", "duties"),
    ("切实履行法治政府建设职责", "（一）党政主要负责人严格履行推进法治建设第一责任人职责\n主持会议3次。", "duties"),
    ("压实法治建设责任，夯实组织基础", "（一）健全工作机制\n甲镇成立领导小组。", "measures"),
    ("压实法治建设责任，夯实组织基础", "党政主要负责人切实履行推进法治建设第一责任人职责。", "duties"),
    ("加强党的领导，夯实组织基础", "（一）履行推进法治建设第一责任人职责\n甲镇成立领导小组。", "measures"),
    ("强化组织领导，压实各部门主体责任", "（一）健全工作机制\n乙街道成立领导小组。", "measures"),
    ("压实法治建设责任，夯实组织基础", "（一）学习《党政主要负责人履行推进法治建设第一责任人职责规定》\n组织学习2次。", "measures"),
])
def test_a_heading_on_the_first_persons_responsibility_or_opening_with_the_duties_is_the_duties_part(title, body, role):
    assert _roles_before_shortcomings(title, body) == [role, "shortcomings"]


# Issue 13: the plan's words as the object of work done — a plan that work went
# into or that was made (将法治建设纳入……工作计划, 制定年度普法工作计划), an approach
# renewed (创新普法工作思路) — do not make a heading the plan's. Next year's words
# (下一年度, 下一步) are never blanked, and a plan's own words outside such a span
# still name it.
@pytest.mark.parametrize("title,role", [
    ("强化组织领导将法治建设纳入区委常委会工作计划和政府工作报告", "measures"),
    ("将依法行政列入全局年度工作计划", "measures"),
    ("制定年度普法工作计划，健全学法制度", "measures"),
    ("创新普法工作思路，提升宣传实效", "measures"),
    ("2026年工作计划", "plan"),
    ("下一步工作打算：将法治建设纳入全年工作计划", "plan"),
    ("将法治建设纳入下一年度工作计划", "plan"),
    ("制定2026年工作计划", "plan"),  # a year named: as before, the plan's (the year may be the next)
    ("工作计划", "plan"),
])
def test_a_plan_that_work_went_into_is_not_the_plan(title, role):
    doc = document(f"一、坚持党的领导\n正文。\n二、{title}\n正文。")
    assert [s.role for s in doc.sections] == ["measures", role]


def test_a_duties_item_on_a_plan_work_went_into_is_no_mention():
    # fresh13 shape: a run-in item of the duties part whose heading runs into its
    # body (no stop) puts the rule of law into the committee's work plan of the
    # year reported: no mention of next year's plan
    doc = document("一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
                   "（一）强化组织领导将法治建设纳入县委常委会工作计划和政府工作报告2025年，县委常委会专题研究法治建设6次。\n"
                   "二、存在的不足和原因\n经费不足。")
    assert [s.role for s in doc.sections] == ["duties", "shortcomings"] and doc.mentions == []
    doc = document("一、主要举措和成效\n（一）规范决策\n正文。\n（二）2026年工作计划\n开展培训4期。")
    assert [(m.role, m.line, m.how) for m in doc.mentions] == [("plan", 4, "subheading")]
