from conftest import codes


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
