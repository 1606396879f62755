from datetime import date

from conftest import codes, lint


def test_title_year_against_the_body():
    text = "某某区关于2023年度法治政府建设情况的报告\n现将2022年度法治政府建设情况报告如下：\n一、主要举措"
    [f] = lint(text, select=["FZ306"])
    assert (f.line, f.column, f.end_column) == (1, 6, 10) and "2022" in f.message


def test_year_option_against_the_title():
    assert codes("某某区关于2022年度法治政府建设情况的报告\n一、主要举措", select=["FZ306"], year=2021) == [("FZ306", 1)]


def test_plan_year_from_the_plan_paragraph():
    text = "某某区关于2022年度法治政府建设情况的报告\n一、主要举措\n二、下一年度主要安排\n2025年，我们将继续推进。"
    [f] = lint(text, select=["FZ306"])
    assert (f.line, f.column, f.end_column) == (4, 1, 5) and "2023" in f.message


def test_future_report_year():
    text = "某某区关于2027年度法治政府建设情况的报告\n一、主要举措"
    assert codes(text, select=["FZ306"], today=date(2026, 11, 22)) == [("FZ306", 1)]
    assert codes(text, select=["FZ306"], today=date(2028, 1, 10)) == []


def test_counted_body_year_does_not_contradict_the_title():
    # Years counted in the measures (not stated) are too weak to contradict the title.
    text = "某某区关于2022年度法治政府建设情况的报告\n一、主要举措\n较2021年增长，2021年基础上提升，2021年同期。"
    assert codes(text, select=["FZ306"]) == []


def test_a_title_year_split_over_two_title_lines_is_marked_where_it_begins():
    # The title's year is read from its lines joined: 20 / 23年 is 2023 (an internal error before).
    text = "某某区人民政府关于20\n23年度法治政府建设情况的报告\n区委：\n现将2022年度法治政府建设情况报告如下：\n一、主要举措"
    [f] = lint(text, select=["FZ306"])
    assert (f.line, f.column, f.end_column) == (1, 10, 12) and "2022" in f.message
