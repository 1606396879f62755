"""FZ310 late-publication: the page's own publication date, read from the
metadata lines parse set aside as residue, against 31 March of the next year."""

import pytest

from conftest import codes, lint

TITLE = "某某区人民政府关于2022年度法治政府建设情况的报告"
BODY = "一、主要举措和成效\n2022年，我区深入推进法治政府建设，办理行政复议案件45件。"


def text(meta: str, title: str = TITLE) -> str:
    return f"{title}\n{meta}\n{BODY}"


@pytest.mark.parametrize("meta", [
    "发布时间：2023-04-15 09:30",
    "发布日期:2023-04-01 10:19:38 浏览次数: 字体:[ ]",  # 1 April is already late: before 1 April
    "[发布时间:2023/04/02] [来源:某区司法局] [点击量:]",
    "时间：2023-05-03",
    "来源：某区人民政府办公室 发布时间：2023-04-28 09:18",
    "某区人民政府门户网站 www.example.gov.cn 发布时间:2023-04-03 15:22",
    "| 成文日期 | 2023-03-20 | 发布日期 | 2023-04-10 |",  # the 发布日期, not the 成文日期 before it
    "发布日期：2023年4月10日",
])
def test_a_publication_date_after_31_march_of_the_next_year(meta):
    assert codes(text(meta), select=["FZ310", "FZ308"]) == [("FZ308", 2), ("FZ310", 2)]


@pytest.mark.parametrize("meta", [
    "发布时间：2023-03-31 17:00",  # the last day
    "发布日期:2023-01-13 10:19:38 浏览次数: 字体:[ ]",
    "成文日期：2023-04-15",  # not a publication date
    "发文日期：2023-04-15",
    "更新时间：2023-04-15",
    "文章来源:某区司法局 更新时间:2023/04/29 11:30:01",
    "发布日期：****-**-**",  # masked by a mirror site
    "发布时间：2023-02-30",  # no such day: nothing to compare
])
def test_no_late_publication_date(meta):
    assert codes(text(meta), select=["FZ310", "FZ308"]) == [("FZ308", 2)]


def test_the_span_is_the_date_and_the_message_names_both_dates():
    [f] = lint(text("来源：某区司法局 发布时间：2023-04-15 09:30"), select=["FZ310"])
    assert (f.line, f.column, f.end_column) == (2, 15, 25)
    assert "2023年4月15日" in f.message and "2023年3月31日" in f.message and "2022年度" in f.message


def test_prose_with_a_date_is_not_page_metadata():
    # Not residue, so never read: the rule reads the page's metadata only.
    assert codes(f"{TITLE}\n{BODY}\n2023年4月15日，区政府常务会议审议并确定发布时间。", select=["FZ310"]) == []


def test_a_late_date_of_writing_is_fz305_not_fz310():
    late = f"{TITLE}\n{BODY}\n某某区人民政府\n2023年4月15日"
    assert codes(late, select=["FZ305", "FZ310"]) == [("FZ305", 5)]


def test_the_report_year_decides_and_without_one_nothing_is_said():
    assert codes(text("发布时间：2023-04-15"), select=["FZ310"], year=2023) == []
    untitled = "发布时间：2023-04-15\n一、主要举措和成效\n我区深入推进法治政府建设，办理行政复议案件45件。"
    assert codes(untitled, select=["FZ310"]) == []
    assert codes(untitled, select=["FZ310"], year=2022) == [("FZ310", 1)]


def test_the_first_metadata_date_is_the_page_s():
    meta = "发布时间：2023-03-28 09:30\n浏览次数：12\n时间：2023-05-01"
    assert codes(text(meta), select=["FZ310"]) == []


# A news item quoting the report: a headline, the page's (or a mirror's) date,
# then a lead opening with a dateline. The page's date is not the report's
# publication date, and the dateline's day is the news agency's (on or after the
# publication): nothing is said, late or not.
NEWS = ("某部发布2022年法治政府建设年度报告\n发布时间:2023-11-27 21:34:52 来源: 某某网\n"
        "{lead}\n一、加强党对法治政府建设的领导\n2022年，部党组召开专题会议4次，研究部署法治政府建设。")


@pytest.mark.parametrize("lead", [
    "中新网 3月29日电 据某部网站消息,某部发布2022年法治政府建设年度报告。具体报告如下:",
    "新华社北京3月29日电（记者 某某）某部29日发布2022年法治政府建设年度报告。全文如下：",
    "【某某网 3月29日电】据某部微信公众号消息，某部发布2022年法治政府建设年度报告。",  # no 如下：, left in the text
    "本报北京4月12日讯 某部日前发布2022年法治政府建设年度报告。",  # a late dateline convicts no one either
    "央广网北京3月29日消息 某部发布2022年法治政府建设年度报告。",
])
def test_a_news_item_quoting_the_report_is_not_its_page(lead):
    assert codes(NEWS.format(lead=lead), select=["FZ310"]) == []


def test_without_the_dateline_the_same_page_date_is_late():
    lead = "某部发布2022年法治政府建设年度报告。具体报告如下:"
    assert codes(NEWS.format(lead=lead), select=["FZ310"]) == [("FZ310", 2)]


@pytest.mark.parametrize("line", [
    "截至3月31日电子证照共签发1200张。",  # 日电子: a report's sentence, no dateline
    "2022年，某区3月29日召开常务会议审议通过本报告。",  # a date, no 电/讯/消息 after it
])
def test_a_report_line_with_a_day_is_no_dateline(line):
    late = f"{TITLE}\n发布时间：2023-04-15 09:30\n{line}\n{BODY}"
    assert codes(late, select=["FZ310"]) == [("FZ310", 2)]


def test_a_dateline_below_the_first_heading_is_the_report_s_text():
    # Only the lines above the first heading can be the news item's lead.
    quoted = f"{TITLE}\n发布时间：2023-04-15 09:30\n{BODY}\n新华社北京3月29日电 某区获评示范区。"
    assert codes(quoted, select=["FZ310"]) == [("FZ310", 2)]


# A reprint: a third-party page that carries the report under its own date and
# tells, in its lead above the first heading, the day the report was released.
# Its date is the reprint's, not the report's publication date.
REPRINT = ("某部关于2022年度法治政府建设情况的报告\n发布人:某某 发布时间:2023-04-18 来源:某部\n"
           "{lead}\n一、加强党对法治政府建设的领导\n2022年，部党组召开专题会议4次，研究部署法治政府建设。")


@pytest.mark.parametrize("lead", [
    "4月1日,《某部关于2022年度法治政府建设情况的报告》正式发布。2022年，某部深入推进法治政府建设。",
    "3月30日，某部在门户网站公布2022年度法治政府建设情况报告。",
    "2023年3月28日，某部发布法治政府建设年度报告，全文如下。",
    "4月10日,《某部关于2022年度推进法治政府建设情况的报告正式发布。",  # the 》 lost, as pages lose it
])
def test_a_reprint_that_tells_an_earlier_release_day_is_not_the_report_s_page(lead):
    assert codes(REPRINT.format(lead=lead), select=["FZ310"]) == []


@pytest.mark.parametrize("lead", [
    "4月18日,《某部关于2022年度法治政府建设情况的报告》正式发布。",  # the page's own day: the original page
    "4月1日,《某部关于2021年度法治政府建设情况的报告》正式发布。",  # last year's report
    "4月1日，某部召开法治政府建设推进会。",  # a day, but no report released on it
    "5月1日,《某部关于2022年度法治政府建设情况的报告》正式发布。",  # after the page's day: 2022-05-01, in the report year
    "2022年，某部于4月1日公开发布了法治政府建设年度报告。",  # the day not at the line's start: the report's own sentence
])
def test_without_an_earlier_release_day_of_this_report_the_page_date_counts(lead):
    assert codes(REPRINT.format(lead=lead), select=["FZ310"]) == [("FZ310", 2)]


def test_a_release_day_below_the_first_heading_is_the_report_s_text():
    late = REPRINT.format(lead="2022年，某部深入推进法治政府建设。") + "\n4月1日,某部2022年度法治政府建设情况报告正式发布。"
    assert codes(late, select=["FZ310"]) == [("FZ310", 2)]
