import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def found(text):
    """(line, column, end_column) of each FZ506 finding on text."""
    return [(f.line, f.column, f.end_column) for f in lint(text, select=["FZ506"])]


def test_004_lines_24_and_26():
    lines = seed_text(4).split("\n")
    findings = lint(seed_text(4), select=["FZ506"])
    assert [(f.line, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in findings] == [
        (24, "次"), (26, "%")]
    assert [f.column for f in findings] == [len(lines[23]), len(lines[25])]
    assert "169人次" in findings[0].message


@pytest.mark.parametrize("number", [0, 1, 2, 3])
def test_other_seeds_end_their_paragraphs(number):
    assert found(seed_text(number)) == []


@pytest.mark.parametrize("text,column", [
    ("全年办理案件12件，结案率100%", 17),
    ("全年办理案件12件，实现“零新增”", 16),  # the quote closes, but no mark ends the sentence
    ("全年办理案件12件，结案率100%，", 18),
    ("一是落实“三级书记”抓信访机制、", 16),
])
def test_found(text, column):
    assert found(M + text) == [(2, column, column + 1)]


def test_run_in_body_of_a_heading():
    assert found("一、主要举措和成效\n（一）加强组织领导。全年召开会议5次") == [(2, 18, 19)]


def test_halfwidth_full_stop():
    [f] = lint(M + "全年召开会议5次.", select=["FZ506"])
    assert (f.line, f.column) == (2, 9) and "半角" in f.message


@pytest.mark.parametrize("text", [
    "全年召开会议5次。",
    "是否已经落实？",
    "全面完成！",
    "开展了宣传、培训、检查……",
    "群众评价“办事更方便了。”",
    "全年召开会议5次（含专题会议2次。）",
    "现将有关情况报告如下：",
    "一是落实“三级书记”抓信访机制；",
    "全年召开会议5次!",  # the half-width mark is FZ501's business
    "主要工作",  # a heading that lost its numeral
    "（此件公开发布）",
    "全年办结案件12件。（数据截至12月31日）",  # a note after the closed sentence
    "附件：2022年度法治政府建设工作台账",
])
def test_not_found(text):
    assert found(M + text) == []


def test_front_and_back_matter_and_headings_are_not_paragraphs():
    text = ("您当前的位置：首页 > 政务公开\n某某区人民政府\n关于2022年度法治政府建设情况的报告\n区委、区政府：\n"
            "2022年，我区深入推进法治政府建设。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）加强组织领导\n全年召开会议5次。\n特此报告\n"
            "某某区人民政府\n2023年1月30日\n（联系人：张三，联系电话：12345678）")
    assert found(text) == []


def test_terminated_paragraphs_first_then_one_that_is_not_then_a_closing_line():
    # The kinds of the lines are read only once a paragraph is not terminated.
    text = M + "全年召开会议5次。\n全年办理案件12件，结案率100%\n特此报告"
    assert found(text) == [(3, 17, 18)]


def test_a_heading_glued_to_the_end_of_a_paragraph():
    # Issue 13: a level-1 heading that lost its numeral, glued to the introduction.
    text = "2025年，我部推进法治政府建设，取得成效。全面贯彻落实党的精神\n统筹推进法治政府建设\n坚持学习法治思想。\n"
    [f] = lint(text, select=["FZ506"])
    assert (f.line, f.column, f.end_column) == (1, 23, 33)
    assert "“全面贯彻落实党的精神”" in f.message and "丢了序号" in f.message and "请在段末加上句号" not in f.message


@pytest.mark.parametrize("text", [
    "2025年，我部推进法治建设，取得成效。全年办理案件12件，结案率100%",  # a sentence with its pauses
    "全年办理案件12件，结案率100%",  # no closed sentence before it
    "2025年，我部推进法治建设，取得成效。全年办理行政复议案件、行政诉讼案件和信访事项共计一百二十件其中行政复议",  # too long
])
def test_an_unterminated_sentence_is_no_glued_heading(text):
    [f] = lint(M + text, select=["FZ506"])
    assert "请在段末加上句号" in f.message
