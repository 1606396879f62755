from conftest import codes, lint

FULL = """一、主要举措和成效
全年审核规范性文件12件。
二、存在的不足和原因
培训不足，原因是经费有限。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主持专题会议4次。
四、2023年度推进法治政府建设的主要安排
6月底前完成轮训。"""


def test_complete_report_has_no_missing_part():
    assert codes(FULL, select=["FZ101"]) == []


def test_three_part_report_without_duties():
    text = "一、工作开展情况\n正文。\n二、存在的问题及原因\n原因是经费有限。\n三、下一步工作打算\n正文。"
    findings = lint(text, select=["FZ101"])
    assert [(f.code, f.line, f.column) for f in findings] == [("FZ101", 5, 1)]
    assert "第一责任人" in findings[0].message


def test_a_role_in_passing_is_not_missing():
    text = FULL.replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题会议4次。\n", "").replace("四、", "三、")
    text = text.replace("全年审核规范性文件12件。", "（一）切实履行推进法治建设第一责任人职责\n主持专题会议4次。")
    assert codes(text, select=["FZ101", "FZ103"]) == [("FZ103", 2)]


def test_no_structure_calls_no_part_missing():
    # Issue 13: with no heading recognised no part can be told apart, so none is
    # called missing (this reported all four before); FZ903 says why.
    assert codes("某某区关于2022年度法治政府建设情况的报告\n2022年，我区推进法治建设。", select=["FZ101", "FZ903"]) == [
        ("FZ903", 2)]


def _suggested(message: str) -> str:
    return message.split("如“")[-1].rstrip("”。")


def test_the_suggested_heading_takes_the_place_and_the_years_of_the_report():
    # A 2023 report (its title says so) with two parts missing: each suggestion is
    # numbered for where it goes, after the other missing one, and dated 2023.
    text = ("某某区人民政府关于2023年度法治政府建设情况的报告\n一、2023年度工作开展情况\n全年审核规范性文件12件。\n"
            "二、2024年度工作打算\n6月底前完成轮训。")
    findings = lint(text, select=["FZ101"])
    assert [(f.line, _suggested(f.message)) for f in findings] == [
        (4, "二、2023年度推进法治政府建设存在的不足和原因"),
        (4, "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
    ]


def test_a_missing_plan_is_dated_the_year_after_the_report():
    text = FULL.replace("四、2023年度推进法治政府建设的主要安排\n6月底前完成轮训。", "")
    [finding] = lint("某某镇关于2021年度法治政府建设情况的报告\n" + text, select=["FZ101"])
    assert _suggested(finding.message) == "四、2022年度推进法治政府建设的主要安排"


def test_an_unknown_year_is_left_for_the_drafter():
    # (A heading of no required role: a text with none gets no FZ101 at all.)
    findings = lint("一、其他需要报告的情况\n正文没有年份。", select=["FZ101"])
    assert [_suggested(f.message) for f in findings] == [
        "一、××××年度推进法治政府建设的主要举措和成效", "二、××××年度推进法治政府建设存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、××××年度推进法治政府建设的主要安排"]


def test_parts_run_into_a_text_with_no_heading_lines_are_not_called_missing():
    # Issue 13: the parts are there, run into one paragraph (a web copy lost its
    # line breaks); FZ903 says to put the headings on lines of their own, and no
    # part is called missing until they do.
    text = ("某县人民政府关于2025年度法治政府建设情况的报告\n2025年，某县深入推进法治政府建设。现将有关情况报告如下："
            "一、坚持党的领导，压实法治建设责任（一）加强学习。县政府常务会议学法4次。\n")
    assert codes(text, select=["FZ1", "FZ903"]) == [("FZ903", 2)]


def test_several_paragraphs_with_no_headings_and_none_run_in_call_no_part_missing():
    # Issue 13: this reported all four parts missing before; with no heading at
    # all, FZ903 alone, saying the parts cannot be checked until they have headings.
    text = "某县关于2025年度法治政府建设情况的报告\n2025年，我县推进法治建设。\n全年审核文件12件。一、二季度开展检查6次。\n"
    assert codes(text, select=["FZ101", "FZ903"]) == [("FZ903", 2)]


def test_a_text_of_measures_under_a_heading_that_lost_its_numeral_and_was_split_is_not_told_they_are_missing():
    # Issue 13 (a real web copy): the level-1 heading lost its 一、 and was split
    # between the end of the first paragraph and a line of its own; no heading is
    # recognised, and the text is all measures. FZ101 would say the measures part
    # is missing; FZ903 alone speaks, and says the parts cannot be checked yet.
    text = ("2025年，某县司法局坚持以习近平法治思想为指导，深入推进法治政府建设，全面依法履行职责\n"
            "统筹推进法治政府建设\n"
            "坚持把学习贯彻习近平法治思想作为首要任务，局党组会议专题学法6次。\n")
    findings = lint(text, select=["FZ1", "FZ903"])
    assert [(f.code, f.line) for f in findings] == [("FZ903", 1)]
    assert "在各部分的标题单独成行之前无法核对报告是否具备规定的各部分" in findings[0].message


def test_a_text_with_only_second_level_headings_still_has_parts_and_missing_ones():
    # Not FZ903's case: （一）（二） are parts, so the missing ones are called missing.
    text = "某县关于2025年度法治政府建设情况的报告\n（一）加强学习\n学法4次。\n（二）严格执法\n检查6次。\n"
    assert codes(text, select=["FZ101", "FZ903"]) == [("FZ101", 5), ("FZ101", 5), ("FZ101", 5)]
