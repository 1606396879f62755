import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def found(text):
    """(line, column, reported text) of each FZ409 finding."""
    lines = text.split("\n")
    return [(f.line, f.column, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in lint(text, select=["FZ409"])]


@pytest.mark.parametrize("text,change,points", [
    ("全年行政诉讼败诉率11.8%，同比下降3%。", "下降3%", "下降3个百分点"),
    ("群众满意率达98.5%，较上年提高2%。", "提高2%", "提高2个百分点"),
    ("满意率由90%提高到93%，提高3%。", "提高3%", "提高3个百分点"),
    ("行政复议纠错率为8.2%，比2024年下降了1.5%。", "下降了1.5%", "下降了1.5个百分点"),
    ("出庭应诉率98%，同比上升约4％。", "上升约4％", "上升约4个百分点"),
    ("败诉率11.8%，与上年相比，下降3%。", "下降3%", "下降3个百分点"),
    ("平均得分率为66.31%，较之2022年上升4.57%。", "上升4.57%", "上升4.57个百分点"),
])
def test_found(text, change, points):
    [f] = lint(M + text, select=["FZ409"])
    start = text.index(change) + 1
    assert (f.line, f.column, f.end_column) == (2, start, start + len(change))
    assert f"“{change}”应写作“{points}”" in f.message and f.severity.label == "warning"
    assert f.fix is None


@pytest.mark.parametrize("text", [
    "全年行政诉讼败诉率11.8%，同比下降3个百分点。",
    "审结案件数同比下降3%。",  # a count's change
    "败诉率11.8%，案件数同比下降3%。",  # the change is the count's
    "纠错率8%，受理案件120件，同比下降3%。",
    "败诉率11.8%，同比下降了3%（相对）。",  # said to be relative
    "败诉率11.8%，同比相对下降3%。",
    "违停发生率同比下降11.3%。",  # the rate's value not given: may be relative
    "满意率达100%。",
    "财政收入增长率8%，同比提高2%。",  # 增长率 is no rate of a count
    "满意率98%；办理案件同比增长5%。",  # another sentence's subject
])
def test_not_found(text):
    assert found(M + text) == []


@pytest.mark.parametrize("number", range(5))
def test_none_on_the_seeds(number):
    # 000 line 11: 违停发生率同比下降11.3% gives no value of the rate, which may be no percentage.
    assert found(seed_text(number)) == []


def test_odd_text_does_not_crash():
    assert found("") == []
    assert found(M + "率1%，下降1%" * 2000) != []
    assert found(M + "下降" * 5000 + "%" * 5000) == []
