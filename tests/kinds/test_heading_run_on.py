import time

import pytest

from conftest import codes, seed_text


def test_the_regulations_own_long_duties_heading_is_fine():
    line = "三、2021年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    assert codes(line, select=["FZ204"]) == []


def test_level_three_is_not_checked():
    assert codes("1." + "很长的标题" * 12, select=["FZ204"]) == []


def test_002_line_14():
    assert codes(seed_text(2), select=["FZ204"]) == [("FZ204", 14)]


# Issue 13: a heading phrase run into its body is reported; a numbered
# paragraph that is all narrative (a date or the organ first, or a first clause
# too long for a heading phrase with no body's opening inside it) has no heading
# phrase, and "标题与正文连在一起" would be untrue.
@pytest.mark.parametrize("text", [
    # heading phrase, then a colon, then the body
    "（一）依法履行政府职能，科学开展民主决策：甲镇坚持以服务型政府为主导，及时转变政府职能，加强行政履责，健全完善重大事项决策制度。",
    # no break at all after the heading phrase; the body begins with the organ
    "（一）加强组织领导我镇成立了以党委书记为组长的法治政府建设工作领导小组统筹推进全镇各项工作，定期研究部署法治建设重点任务。",
    # ... with a leader
    "一、2022年度党政主要负责人履行推进法治建设第一责任人职责情况区长主持召开常务会议3次，专题研究法治政府建设。",
    # ... with the year's span
    "（二）规范行政执法行为深入推进行政执法公示制度执法全过程记录制度重大执法决定法制审核制度全年开展执法案卷评查2次，评查案卷共计46卷，发现问题12个，均已整改到位。",
    # no comma to tell anything by
    "一、" + "推行法治方式优化基层治理以平安乡村建设为抓手依法打击危害农村稳定、破坏农业生产、侵害农民利益的违法行为建设平安法治街道" + "。",
])
def test_a_heading_run_into_its_body(text):
    assert codes(text, select=["FZ204"]) == [("FZ204", 1)]


@pytest.mark.parametrize("text", [
    # a date first
    "（二）2022年11月7日，甲镇召开传达贯彻党的二十大精神大会，传达党的二十大精神和省、市、县大会精神，并对做好全镇学习宣传贯彻工作进行动员部署。",
    "（三）今年以来，乙街道围绕法治政府建设年度重点任务，先后组织开展法治专题培训5期，参训干部共计320人次，实现全覆盖。",
    "（一）3月，甲镇印发年度法治政府建设工作要点，明确6个方面24项重点任务，逐项明确责任领导、责任单位和完成时限。",
    # the organ first
    "（二）我局坚持把法治政府建设摆在全局工作的重要位置，全年召开党组会议专题研究法治建设工作4次，研究解决重点问题。",
    # a first clause far longer than a heading phrase, mostly cited documents
    "（一）深入贯彻落实中央《党政主要负责人履行推进法治建设第一责任人职责规定》和《某省党政主要负责人履行推进法治建设"
    "第一责任人职责实施细则》文件精神，成立以镇委书记任组长的法治建设领导小组，专门负责协调推进法治政府建设事项。",
])
def test_a_numbered_paragraph_of_narrative_is_no_run_on_heading(text):
    assert codes(text, select=["FZ204"]) == []


def test_a_long_first_clause_of_unclosed_marks_costs_linear_time():
    start = time.process_time()
    assert codes("一、" + "《" * 200000 + "全年，" + "甲" * 60 + "。", select=["FZ204"]) == [("FZ204", 1)]
    assert time.process_time() - start < 3


# Issue 13: a long heading that names what its part reports (ends in 情况, as the
# regulation's item does) and has no body word and no count is a whole heading,
# ended by its full stop: "标题与正文连在一起" would be untrue. With a body word
# or a count in it, or ending otherwise, it is still a heading run into its body.
@pytest.mark.parametrize("text,expected", [
    ("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导，局主要负责人履行推进法治建设第一责任人职责，"
     "加强法治政府建设等情况。一是强化法治思想引领。组织专题学习8次。", []),
    ("一、2023年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设，落实法治建设责任制的有关情况", []),
    # a leader and a count in it: the body ran on and happens to end in 情况
    ("（一）加强组织领导，健全法治政府建设推进机制，县长主持召开县政府常务会议3次，专题听取全县法治政府建设工作推进情况。"
     "一是完善制度。", [("FZ204", 1)]),
    ("（二）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导，全年组织党组理论学习中心组专题学习12次，及时通报学习情况。", [("FZ204", 1)]),
    # the same long heading not ending in 情况
    ("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导，局主要负责人履行推进法治建设第一责任人职责，"
     "加强法治政府建设。一是强化法治思想引领。", [("FZ204", 1)]),
])
def test_a_long_heading_naming_what_its_part_reports_is_whole(text, expected):
    assert codes(text, select=["FZ204"]) == expected
