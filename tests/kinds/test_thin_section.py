from conftest import codes, lint


def test_a_heading_with_almost_nothing_under_it():
    findings = lint("一、主要举措和成效\n" + "全年审核规范性文件12件。" * 5 + "\n二、存在的不足和原因\n有待加强。", select=["FZ105"])
    assert [(f.code, f.line) for f in findings] == [("FZ105", 3)]
    assert "5个字" in findings[0].message


def test_subheadings_and_their_text_count():
    text = "一、存在的不足和原因\n（一）执法监督力量不足\n司法所仅有2名工作人员，难以覆盖全区12个执法部门。\n（二）普法形式单一\n原因是缺少专项经费。"
    assert codes(text, select=["FZ105"]) == []


def test_other_parts_are_not_measured():
    assert codes("一、主要举措和成效\n" + "审核文件12件。" * 8 + "\n二、其他需要报告的情况\n无。", select=["FZ105"]) == []


def test_the_white_space_not_counted_is_what_re_calls_white_space():
    # The rule counts non-space characters with str.split(); the rule's text says \s.
    import re
    import sys
    space = re.compile(r"\s")
    assert all((space.fullmatch(chr(c)) is not None) == chr(c).isspace() for c in range(sys.maxunicode + 1))


BODY = "全年审核规范性文件12件，开展执法检查8次，办理复议案件35件，纠错率5.7%。" * 2


def test_a_heading_line_written_twice_is_one_fault_the_numbering_rule_reports():
    # A web page (or a paste) that gives the heading line twice: the empty first
    # copy is not a thin part; FZ201 says the number repeats, on the copy.
    text = f"一、主要举措和成效\n一、主要举措和成效\n{BODY}\n二、存在的不足和原因\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105", "FZ201"])] == [("FZ201", 2)]
    # The same, the copy typed with other widths and blanks: the same words.
    text = f"一、主要举措和成效(2025年)\n一、主要举措和成效（2025 年）\n{BODY}\n二、存在的不足和原因\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105"])] == []


def test_an_empty_part_followed_at_once_by_the_same_number_is_one_fault_the_numbering_rule_reports():
    # Issue 13 (a real web opening): the level-1 heading, then its first sub-heading
    # misnumbered 一、 again with the part's text under it. The part is not thin;
    # FZ201's repeated number is the one fault. (This was called thin before.)
    text = f"一、2025年法治政府建设主要措施\n一、强化领导责任，夯实法治基础\n{BODY}\n二、存在的不足和原因\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105", "FZ201"])] == [("FZ201", 2)]
    text = f"一、主要举措和成效\n\n一、存在的不足和原因\n{BODY}\n二、下一年度工作安排\n{BODY}"  # a blank line is no text
    assert [(f.code, f.line) for f in lint(text, select=["FZ105", "FZ201"])] == [("FZ201", 3)]


def test_an_empty_part_followed_by_the_next_number_or_by_text_is_still_thin():
    # The next number, whatever its words: the empty part is thin.
    text = f"一、主要举措和成效\n二、存在的不足和原因\n{BODY}\n三、下一年度工作安排\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105", "FZ201"])] == [("FZ105", 1)]
    # Nor is a copy with a different number; nor a part with a little text before the copy.
    text = f"一、主要举措和成效\n二、主要举措和成效\n{BODY}\n三、存在的不足和原因\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105"])] == [("FZ105", 1)]
    text = f"一、主要举措和成效\n有待补充。\n一、主要举措和成效\n{BODY}\n二、存在的不足和原因\n{BODY}"
    assert [(f.code, f.line) for f in lint(text, select=["FZ105"])] == [("FZ105", 1)]
