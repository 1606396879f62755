import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def found(text):
    """(line, column, end_column, matched text) of each FZ504 finding on text."""
    lines = text.split("\n")
    return [(f.line, f.column, f.end_column, lines[f.line - 1][f.column - 1:f.end_column - 1])
            for f in lint(text, select=["FZ504"])]


def test_004_line_32_month_and_day_run_together():
    findings = lint(seed_text(4), select=["FZ504"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(32, 54, 59)]
    assert "10月11日" in findings[0].message and findings[0].severity.label == "error"


@pytest.mark.parametrize("number", [0, 1, 2, 3])
def test_no_false_alarms_on_the_seeds(number):
    assert found(seed_text(number)) == []


@pytest.mark.parametrize("text,date,hint", [
    ("于1011日召开专题讲座。", "1011日", "10月11日"),
    ("2022年1011日召开专题讲座。", "2022年1011日", "2022年10月11日"),
    ("111日，召开专题讲座。", "111日", "1月11日”或“11月1日"),
    ("截至1231日，共办结案件12件。", "1231日", "12月31日"),
    ("于 1011 日召开专题讲座。", "1011 日", "10月11日"),  # spaces from a PDF
])
def test_run_together(text, date, hint):
    [f] = lint(M + text, select=["FZ504"])
    start = text.index(date) + 1
    assert (f.line, f.column, f.end_column) == (2, start, start + len(date))
    assert f"“{hint}”" in f.message


@pytest.mark.parametrize("text,date,reason", [
    ("2月30日召开会议。", "2月30日", "2月只有29天"),
    ("4月31日召开会议。", "4月31日", "4月只有30天"),
    ("3月0日召开会议。", "3月0日", "日不能为0"),
    ("13月召开会议。", "13月", "月份只能是1至12"),
    ("2022年13月召开会议。", "2022年13月", "月份只能是1至12"),
    ("2023年2月30日召开会议。", "2023年2月30日", "2月只有28天"),
    ("2023年2月29日召开会议。", "2023年2月29日", "2023年不是闰年"),
    ("于２月３０日召开会议。", "２月３０日", "2月只有29天"),
    ("会议时间：4月31日。", "4月31日", "4月只有30天"),
])
def test_impossible(text, date, reason):
    [f] = lint(M + text, select=["FZ504"])
    start = text.index(date) + 1
    assert (f.line, f.column, f.end_column) == (2, start, start + len(date))
    assert reason in f.message


@pytest.mark.parametrize("text", [
    "行政复议申请应在60日内提出，180日内办结。",
    "办理期限延长120日。",
    "历时13个月，工作人员24小时值守。",
    "2024年2月29日召开会议，2月29日前完成。",  # a leap year; without a year 2月29日 may exist
    "12月31日前完成，1-12月共办结案件12件。",
    "于120日内办结。",
    "利用“4.14”“6.26禁毒日”等节点开展宣传。",
    "为满18月龄婴儿接种疫苗。",
    "办理时限：120日；审查期限（120日）。",  # durations after ： and an opening bracket
    "审查期限分别为60日、120日。",
    "全年出动执法人员1350人次。",
])
def test_not_found(text):
    assert found(M + text) == []


def test_the_date_of_writing():
    assert found(M + "某某区人民政府\n2023年2月30日") == [(3, 1, 11, "2023年2月30日")]
    assert found(M + "某某区人民政府\n二〇二三年二月三十日") == [(3, 1, 11, "二〇二三年二月三十日")]
    assert found(M + "某某区人民政府\n二〇二三年一月三十日") == []


def test_web_residue_is_not_read():
    assert found("发布日期：2023年2月30日\n" + M + "开展普法活动。") == []


def test_the_candidate_pattern_finds_what_a_plain_repeat_finds():
    import re

    from fzlint.kinds import date_validity

    plain = re.compile("[0-9０-９]+[ \t\u3000]?[年月日]")
    texts = [seed_text(n) for n in range(5)] + ["于1011日，2023年 2 月30日；１３月、12345年6月7日8日", "a1月 b22 日"]
    texts += [t + "1" * 100 + "年5月" for t in texts]  # a long run of digits, read once from its first
    for text in texts:
        assert list(date_validity._candidates(text)) == [m.start() for m in plain.finditer(text)]


def test_a_date_part_of_thousands_of_digits_is_a_month_out_of_range_quoted_by_its_ends():
    # int() refuses strings of over 4,300 digits: this was an internal error (FZ901)
    [f] = lint("一、甲\n2023年" + "9" * 5000 + "月\n", select=["FZ504"])
    assert (f.code, f.line, f.column) == ("FZ504", 2, 1)
    assert "月份只能是1至12" in f.message and "2023年9999999…99999999999月" in f.message
    assert lint(M + "2023年" + "0" * 5000 + "3月1日召开。", select=["FZ504"]) == []  # 3月 written with zeros


def test_a_run_of_thousands_of_digits_takes_time_linear_in_its_length():
    import time

    start = time.process_time()
    findings = lint("一、甲\n" + "1" * 20000 + "\n" + "1" * 20000 + "日\n", select=["FZ504"])  # was 30 s
    assert time.process_time() - start < 2
    assert findings == []
