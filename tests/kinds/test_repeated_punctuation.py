from conftest import lint, seed_text

HEAD = "一、主要举措和成效\n"


def test_doubled_marks_are_found_and_fixed_to_one():
    findings = lint(HEAD + "开展培训4期，，覆盖312人。。各单位、、各部门；；", select=["FZ505"])
    assert [(f.line, f.column, f.end_column, f.fix.replacement) for f in findings] == [
        (2, 7, 9, "，"), (2, 15, 17, "。"), (2, 20, 22, "、"), (2, 25, 27, "；")]


def test_ellipses_dashes_and_single_marks_are_not():
    assert lint(HEAD + "开展培训、宣传……——覆盖312人。“法治”“平安”。", select=["FZ505"]) == []


def test_none_on_the_seeds():
    assert [f for n in range(5) for f in lint(seed_text(n), select=["FZ505"])] == []


def test_a_doubled_mark_right_after_another_mark_is_found():
    # 。，， once hid ，， (the pairs were found without overlap: 。， then a lone ，)
    findings = lint(HEAD + "覆盖。，，全体人员。\n开展培训4期,，覆盖312人。", select=["FZ505"])
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("FZ505", 2, 4, 6)]
    assert findings[0].fix.replacement == "，"
    assert lint(HEAD + "覆盖。，全体人员；、已完成。", select=["FZ505"]) == []
