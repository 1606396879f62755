import pytest

from conftest import codes, lint, seed_text

M = "一、主要举措和成效\n"


def test_002_vague_amounts():
    findings = [f for f in lint(seed_text(2), select=["FZ402"])]
    lines = seed_text(2).split("\n")
    assert [(f.line, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in findings] == [
        (8, "数万"), (10, "一大批"), (12, "一大批")]


@pytest.mark.parametrize("text", ["做了大量工作。", "开展一系列专项行动。", "多次召开专题会议。", "培育了若干示范点。"])
def test_found(text):
    assert [c for c, _ in codes(M + text, select=["FZ402"])] == ["FZ402"]


@pytest.mark.parametrize("text", [
    "多次召开专题会议，共12次。" and "多次召开专题会议12次。",  # a figure in the same clause gives the amount
    "开展“大量普法”行动。",  # inside quotes
])
def test_not_found(text):
    assert codes(M + text, select=["FZ402"]) == []


def test_not_in_the_plan():
    assert codes("一、下一年度主要安排\n开展一系列专项行动。", select=["FZ402"]) == []


@pytest.mark.parametrize("text,found", [
    ("研究制定进一步加强法治服务保障的若干举措。", []),  # a document's name, written without 书名号
    ("出台关于优化法治化营商环境的若干措施，推动政策落地。", []),
    ("制定了若干措施，推动政策落地。", ["FZ402"]),  # no name: an amount
    ("化解了群众反映的若干问题。", ["FZ402"]),  # 问题 is no kind of document
])
def test_a_document_name_holding_若干_is_no_amount(text, found):
    assert [c for c, _ in codes(M + text, select=["FZ402"])] == found
