import pytest

from conftest import codes, lint


@pytest.mark.parametrize("markers,expected", [
    (["一、", "二、", "三、"], []),
    (["一、", "二、", "四、"], [3]),          # skip
    (["一、", "二、", "四、", "四、"], [3]),    # one wrong number: one finding
    (["一、", "二、", "四、", "五、"], [3]),    # a missing part: one finding
    (["二、", "三、"], [1]),                  # does not start at one
    (["一、", "二、", "一、", "二、"], [3]),    # restart
    (["（一）", "（一）", "（三）"], [2]),      # a second （一）
    (["1.", "2.", "3.", "5."], [4]),
    (["（1）", "（2）", "（2）"], [3]),
    (["十、", "十一、"], [1]),
])
def test_sequences(markers, expected):
    text = "\n".join(f"{m}标题{i}" for i, m in enumerate(markers))
    assert codes(text, select=["FZ201"]) == [("FZ201", n) for n in expected]


def test_children_of_different_parents_each_start_at_one():
    text = "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n1.孙\n1.孙"
    findings = lint(text, select=["FZ201"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(7, 1, 3)]
    assert "“2.”" in findings[0].message


def test_messages_say_what_is_due():
    [skip] = lint("一、甲\n二、乙\n四、丁", select=["FZ201"])
    [repeat] = lint("（一）甲\n（一）乙", select=["FZ201"])
    assert "“三、”" in skip.message and "重复" in repeat.message and "（二）" in repeat.message


@pytest.mark.parametrize("text,expected", [
    # Items running on from one part to the next (1. 2. under （一）, 3. 4. under （二））: a convention, not a slip.
    ("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n3.孙\n4.孙\n（三）子\n5.孙", []),
    ("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n1.孙\n2.孙", []),  # or restarting under each
    ("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n4.孙", [6]),  # neither: 4. after 2. is one skipped
    ("一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n3.孙\n5.孙", [7]),  # running on, then a skip
    ("一、甲\n1.孙\n2.孙\n二、乙\n（一）子\n3.孙", [6]),  # only from the part just before the parent, of its level
])
def test_items_may_run_on_across_parts(text, expected):
    assert codes(text, select=["FZ201"]) == [("FZ201", n) for n in expected]


# Issue 13: a level-1 heading whose numeral a web page lost gives one finding, FZ201,
# and nothing that misreads it (no FZ203 on its marker, no full stop asked for it,
# no text without structure, no part missing that it heads).
LOST = ("某县人民政府关于2025年度法治政府建设情况的报告\n"
        "2025年，某县深入推进法治政府建设。现将有关情况报告如下。\n"
        "{first}\n"
        "县政府常务会议专题研究法治政府建设4次。\n"
        "{second}\n"
        "执法力量不足，原因是编制有限。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "县长主持专题会议3次。\n"
        "四、2026年度推进法治政府建设的主要安排\n"
        "2026年6月底前完成执法人员轮训。\n")
ONE_LINE_CODES = ["FZ101", "FZ103", "FZ104", "FZ106", "FZ2", "FZ506", "FZ903"]  # (not FZ105: the parts are short)


def test_a_lost_numeral_gives_fz201_and_nothing_else():
    text = LOST.format(first="、坚持党的领导，压实法治建设责任", second="二、存在的不足和原因")
    findings = lint(text, select=ONE_LINE_CODES)
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("FZ201", 3, 1, 2)]
    assert "“、”" in findings[0].message and "“一、”" in findings[0].message and "缺少数字" in findings[0].message


def test_a_lost_numeral_in_the_second_place_is_due_as_two():
    text = LOST.format(first="一、坚持党的领导，压实法治建设责任", second="、存在的不足和原因")
    [finding] = lint(text, select=ONE_LINE_CODES)
    assert (finding.code, finding.line, "“二、”" in finding.message) == ("FZ201", 5, True)


def test_the_only_heading_lost_its_numeral():
    # A web copy's opening: the one level-1 heading lost its 一, its sub-items follow.
    text = ("2025年，某县深入推进法治政府建设。现将有关情况报告如下。\n"
            "、坚持党的领导，压实法治建设责任\n（一）加强学习\n县政府常务会议学法4次。\n")
    assert codes(text, select=["FZ101", "FZ201", "FZ203", "FZ506", "FZ903"]) == [
        ("FZ201", 2), ("FZ101", 4), ("FZ101", 4), ("FZ101", 4)]
    assert "主要举措" not in " ".join(f.message for f in lint(text, select=["FZ101"]))


def test_a_broken_line_beginning_with_the_enumeration_comma_is_no_heading():
    # The rest of a sentence cut above it: text, as before (FZ506 asks to join the lines).
    text = ("一、坚持党的领导\n县司法局联合县市场监管局，\n、税务局开展专项执法检查\n全年检查12次。\n")
    assert codes(text, select=["FZ201", "FZ506"]) == [("FZ506", 2), ("FZ506", 3)]


# Issue 13: a sequence below level 1 that starts again at its first number after
# an item with content, with no parent heading between, has lost that parent
# (a web copy dropped 二、): the finding says so (restart) and asks for no （四）.
# A continued sequence that repeats or skips, a restart after a bare heading,
# a level-1 restart and a restart with no numbered parent keep today's finding.
@pytest.mark.parametrize("text,expected", [
    ("一、甲\n（一）子\n正文。\n（二）子\n正文。\n（三）子\n正文。\n（一）子\n正文。\n（二）子\n正文。", [(8, "restart")]),
    ("一、甲\n（一）子。正文。\n（二）子。正文。\n（一）子。正文。", [(4, "restart")]),  # run-in text
    ("一、甲\n（一）子\n1.孙\n正文。\n2.孙\n正文。\n1.孙\n正文。", [(7, "restart")]),  # a lost （二）
    ("一、甲\n（一）子\n正文。\n（二）子\n正文。\n（二）子\n正文。", [(6, "repeat")]),  # a repeat
    ("一、甲\n（一）子\n正文。\n（二）子\n正文。\n（四）子\n正文。", [(6, "default")]),  # a skip
    ("一、甲\n（一）子\n正文。\n（一）子\n正文。", [(4, "repeat")]),  # a second （一）
    ("一、甲\n（一）子\n正文。\n（二）子\n（一）子\n正文。", [(5, "repeat")]),  # after a bare heading
    ("一、甲\n正文。\n二、乙\n正文。\n一、丙\n正文。", [(5, "repeat")]),  # level 1: no parent to lose
    ("（一）子\n正文。\n（二）子\n正文。\n（一）子\n正文。", [(5, "repeat")]),  # no numbered parent
])
def test_a_restart_after_content_names_the_lost_parent(text, expected):
    findings = lint(text, select=["FZ201"])
    assert [(f.line, _variant(f.message)) for f in findings] == expected


def _variant(message: str) -> str:
    """The variant a FZ201 message is written in (rules/headings.yaml)."""
    for opening, variant in (("序号重新编号", "restart"), ("序号重复或重新开始", "repeat"), ("序号不连续", "default")):
        if message.startswith(opening):
            return variant
    return "missing"


def test_the_restart_message_names_the_parent_due_first_and_the_next_number_only_if_none_is_missing():
    [finding] = lint("一、甲\n正文。\n二、乙\n（一）子\n正文。\n（二）子\n正文。\n（一）子\n正文。", select=["FZ201"])
    assert finding.line == 8
    assert "可能缺少上一级标题（如“三、”）" in finding.message
    assert finding.message.endswith("如果并未缺少标题，应接续编号为“（三）”。")
    [finding] = lint("一、甲\n（一）子\n1.孙\n正文。\n2.孙\n正文。\n1.孙\n正文。", select=["FZ201"])
    assert "（如“（二）”）" in finding.message and finding.message.endswith("应接续编号为“3.”。")
