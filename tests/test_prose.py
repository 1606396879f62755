"""Sentences, clauses and figures (fzlint/prose.py)."""

from __future__ import annotations

import pytest

from conftest import document, linter
from fzlint import prose
from fzlint.model import Paragraph

FINDER = linter().context.figures


def analyse(text: str, column: int = 1):
    doc = document("一、主要举措")
    return prose.analyse(doc, Paragraph(1, column, text), FINDER)


def test_sentences_and_clauses_keep_their_columns():
    a = analyse("开展培训4期，覆盖312人。评查案卷120卷；整改问题17个", column=3)
    assert [(s.column, s.end_column, s.text) for s in a.sentences] == [
        (3, 17, "开展培训4期，覆盖312人。"), (17, 26, "评查案卷120卷；"), (26, 33, "整改问题17个")]
    assert [(c.column, c.end_column, c.text) for c in a.sentences[0].clauses] == [(3, 9, "开展培训4期"), (10, 16, "覆盖312人")]


def test_quotes_and_brackets_are_kept_whole():
    a = analyse("推行“说理式执法。柔性执法”模式，编印《执法手册（试行）。第二版》1册。完成。")
    assert [s.text for s in a.sentences] == ["推行“说理式执法。柔性执法”模式，编印《执法手册（试行）。第二版》1册。", "完成。"]


def test_an_unmatched_quote_does_not_swallow_the_paragraph():
    a = analyse("发挥法律明白人”“法治带头人的作用。加强培训。")
    assert [s.text for s in a.sentences] == ["发挥法律明白人”“法治带头人的作用。", "加强培训。"]


@pytest.mark.parametrize("text,figures", [
    ("依法拆除违法建筑187处、1.1万余平方米", [("187处", "count", 187, ""), ("1.1万余平方米", "count", 11000, "lower")]),
    ("群众满意率90.31%", [("90.31%", "percent", 90.31, "")]),
    ("调解各类纠纷1000余件，开展30余次", [("1000余件", "count", 1000, "lower"), ("30余次", "count", 30, "lower")]),
    ("涉及金额近1500万元", [("近1500万元", "count", 15000000, "about")]),
    ("召开三次会议，举办两场讲座，建成十余个站点，选派一名干部", [
        ("三次", "count", 3, ""), ("两场", "count", 2, ""), ("十余个", "count", 10, "lower"), ("一名", "count", 1, "")]),
    ("3月18日印发，9月成立，2023年1月起施行", [("3月18日", "date", None, ""), ("9月", "date", None, ""), ("2023年1月", "date", None, "")]),
    ("幅度为15%～30%", [("15%", "percent", 15, ""), ("30%", "percent", 30, "")]),
    ("行政诉讼案件“零新增”", [("零新增", "zero", 0, "")]),
])
def test_figures(text, figures):
    found = [f for s in analyse(text).sentences for f in s.figures]
    assert [(f.text, f.kind, f.value, f.approx) for f in found] == figures


@pytest.mark.parametrize("text", [
    "深刻领悟“两个确立”，增强四个意识。",  # fixed terms
    "全面启动八五普法，落实三项制度，推行一站式服务和一村一法律顾问。",
    "2022年，街道推进法治建设。",  # a year
    "召开第六次、第七次会议，出版第四卷。",  # ordinals
    "回复12319热线，推行“1+N”模式，利用“4·8”司法日。",  # codes and names
    "印发《2022年工作要点》，实现“三个统一”。",  # titles and slogans
    "统一部署，作为一项重要任务，受教面达数万人次，成千上万群众参与。",  # 一 in words, vague amounts
    "一次性告知，推进二期项目。",
])
def test_not_figures(text):
    assert [f.text for s in analyse(text).sentences for f in s.figures] == []


def test_item_heads_are_not_statements():
    a = analyse("一是强学习，提升法治意识。深入学习习近平法治思想。")
    assert [s.is_item_head for s in a.sentences] == [True, False]


def test_analysis_is_cached_per_document():
    doc = document("一、主要举措\n开展培训4期。")
    paragraph = doc.sections[0].paragraphs[0]
    assert prose.analyse(doc, paragraph, FINDER) is prose.analyse(doc, paragraph, FINDER)
