import pytest

from conftest import codes, lint, seed_text

M = "一、主要举措和成效\n"


def test_001_line_10_is_consistent_and_19_8_is_not():
    assert codes(seed_text(1), select=["FZ405"]) == []
    changed = seed_text(1).replace("调解率达到9.8%", "调解率达到19.8%")
    findings = lint(changed, select=["FZ405"])
    assert [(f.code, f.line) for f in findings] == [("FZ405", 10)]
    assert "8件/82件为9.8%" in findings[0].message


def test_004_line_26_adds_up_and_3_part_timers_do_not():
    assert codes(seed_text(4), select=["FZ405"]) == []
    changed = seed_text(4).replace("兼职调解员2名", "兼职调解员3名")
    findings = lint(changed, select=["FZ405"])
    assert [(f.code, f.line) for f in findings] == [("FZ405", 26)]
    assert "69名+3名" in findings[0].message and "72" in findings[0].message


@pytest.mark.parametrize("text,variant", [
    ("共办理案件50件，其中行政案件30件，民事案件25件。", "超过了总数"),
    ("按期办结率105%。", "不能超过100%"),
    ("群众满意度达101.5%。", "不能超过100%"),
    ("受理申请40件，其中调解结案10件，调解率达到40%。", "10件/40件为25.0%"),
])
def test_found(text, variant):
    [f] = lint(M + text, select=["FZ405"])
    assert variant in f.message


@pytest.mark.parametrize("text", [
    "共收到信息93条，其中自行处置74条，划转处置19条。",  # 93 = 74 + 19
    "在册100人，其中重点人员8人。",  # a part, not a split
    "组建志愿者队伍23支，其中超70人参与。",  # different units
    "纠纷1915件，涉及金额近1500万元，其中调解近1600万元。",  # approximations are not compared
    "违停发生率同比下降11.3%，案件数同比增长120%。",  # changes, not rates
    "受理申请40件，其中调解结案10件，调解率达到25.3%。",  # within half a point
    "共71名调解员，其中专职69名，兼职2名。",
])
def test_not_found(text):
    assert codes(M + text, select=["FZ405"]) == []


def test_a_later_qizhong_splits_a_figure_of_its_own():
    # The parts of a 其中 end where the next 其中 begins: 60+30 of 100, then 20 of the 30
    assert codes(M + "受理100件，其中行政60件、民事30件，其中调解20件。", select=["FZ405"]) == []
    assert codes(M + "受理100件，其中行政60件、民事50件，其中调解20件。", select=["FZ405"]) == [("FZ405", 2)]
    assert codes(M + "受理100件，其中行政60件，其中调解70件。", select=["FZ405"]) == [("FZ405", 2)]


def test_a_sentence_of_thousands_of_qizhong_takes_linear_time():
    import time

    start = time.process_time()
    findings = lint(M + "其中12件，" * 30000 + "\n" + "办结率5%，" * 20000 + "。", select=["FZ405"])  # was > 60 s, 1.6 GB
    assert time.process_time() - start < 5
    assert findings == []


@pytest.mark.parametrize("text,found", [
    # A 其中 in brackets ends with them: 某年的 471名 after ）is no part of 473名.
    ("完成2023年度全区473名党政主要负责人述法（其中21名现场述法）和2024年度全区471名党政主要负责人述法。", []),
    ("完成2023年度全区473名负责人述法(其中21名现场述法)和2024年度471名负责人述法。", []),
    ("共受理案件100件（其中行政案件60件、民事案件50件），办结98件。", [("FZ405", 2)]),
])
def test_a_bracketed_qizhong_ends_with_its_bracket(text, found):
    assert codes(M + text, select=["FZ405"]) == found


# Issue 13 (fresh10): a count under 每……/平均…… states how often or how much each
# (a rate), not a total or a part of one; the parts and the total are the other counts.
@pytest.mark.parametrize("text", [
    "全年开展统计执法4次，检查企业共46家：其中开展4次（每个季度进行一次）“双随机”执法检查，检查企业数40家。",
    "全年开展执法检查6次，其中专项检查4次（每季度1次），联合检查2次。",  # 4 + 2 = 6
    "组织学法活动10次，其中集中学法6次（平均每两月1次），专题讲座4次。",
    "配备法律顾问120名，其中每个村配备1名，律师100名，法律工作者20名。",
    "发放宣传资料5000份，其中入户发放3000份（户均2份），活动现场发放2000份。",
])
def test_a_count_under_mei_or_pingjun_is_a_rate_not_a_part(text):
    assert codes(M + text, select=["FZ405"]) == []


@pytest.mark.parametrize("text", [
    "全年开展执法检查6次，其中专项检查4次（每季度1次），联合检查3次。",  # 4 + 3 = 7 > 6, the rate left out
    "全年开展检查4次，其中专项检查4次，联合检查1次。",  # no 每: a second part
    "每季度开展检查，共检查12次，其中联合检查10次，专项检查5次。",  # 共 between: a total
    "对每个执法单位检查共45次，其中联合检查40次，专项检查9次。",
])
def test_the_other_counts_are_still_compared(text):
    assert codes(M + text, select=["FZ405"]) == [("FZ405", 2)]
