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
