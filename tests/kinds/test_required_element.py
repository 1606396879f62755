import pytest

from conftest import codes, lint, linter
from fzlint.model import Source


def test_empty_document_gives_only_fz902():
    assert codes("") == [("FZ902", 1)]
    assert codes("\n \u3000\n【打印本页】【关闭窗口】\n") == [("FZ902", 1)]


def test_recipient_title_date_signature_present():
    text = "某某区人民政府\n关于2022年度法治政府建设情况的报告\n市委、市政府：\n一、主要举措\n正文。\n某某区人民政府\n2023年1月30日"
    assert codes(text, select=["FZ301", "FZ303", "FZ307", "FZ309", "FZ903"]) == []


def test_report_as_if_title_were_prose():
    # A first line with sentence punctuation is the preface, not a title.
    assert codes("2022年，我区推进法治建设。\n一、主要举措", select=["FZ301"]) == [("FZ301", 1)]


def test_a_reporting_line_is_not_a_recipient():
    assert codes("某某区报告\n现将有关情况报告如下：\n一、主要举措", select=["FZ309"]) == [("FZ309", 1)]


def test_no_structure_says_one_paragraph_only_of_one_paragraph():
    # Issue 13: a heading that lost its numeral left a text of several
    # paragraphs without structure; it is no "一整段文字".
    [one] = [f for f in lint("2025年，我区推进法治建设。", select=["FZ903"])]
    assert (one.line, "全文是一整段文字" in one.message) == (1, True)
    text = "2025年，我区推进法治建设，取得成效。全面推进依法行政\n统筹推进法治政府建设\n坚持学习法治思想。\n"
    [several] = lint(text, select=["FZ903"])
    assert several.line == 1 and "一整段" not in several.message and "全文3段文字都不在任何标题之下" in several.message
    # Either way the required parts cannot be checked yet (FZ101 is silent).
    assert all("，在各部分的标题单独成行之前无法核对报告是否具备规定的各部分。" in f.message for f in (one, several))
    [english] = linter(["FZ903"], lang="en").lint_source(Source("d.txt", text, "utf-8")).findings
    assert "none of its 3 paragraphs stands under a heading, and until the parts have headings on lines of their " \
           "own the report's required parts cannot be checked. Divide" in english.message
    assert codes("某区人民政府关于2025年度法治政府建设情况的报告\n一、主要举措\n正文。\n", select=["FZ903"]) == []


RUN_IN = ("某县人民政府关于2025年度法治政府建设情况的报告\n"
          "2025年，某县深入推进法治政府建设。现将有关情况报告如下：{rest}\n")


def test_a_heading_run_into_the_one_paragraph_is_told_where_it_stands():
    # Issue 13: a web copy lost its line breaks; its headings stand inside the text.
    text = RUN_IN.format(rest="一、坚持党的领导，压实法治建设责任（一）加强学习。县政府常务会议学法4次。"
                              "（二）完善制度。出台规范性文件2件。")
    [finding] = lint(text, select=["FZ903"])
    assert (finding.line, finding.column, finding.end_column) == (2, 31, 39)
    assert "标题“一、坚持党的领导……”写在段落之中，没有单独成行" in finding.message
    assert "无法核对报告是否具备规定的各部分" in finding.message and "一整段" not in finding.message


@pytest.mark.parametrize("rest,layout", [
    ("一、二季度开展执法检查12次。", "全文是一整段文字"),  # 一、二季度: numerals, no heading
    ("全年开展执法检查12次。\n全年办理复议案件8件。", "全文2段文字都不在任何标题之下"),
])
def test_no_heading_run_in_where_none_is(rest, layout):
    [finding] = lint(RUN_IN.format(rest=rest), select=["FZ903"])
    assert (finding.line, finding.column, layout in finding.message, "写在段落之中" in finding.message) == (2, 1, True, False)
