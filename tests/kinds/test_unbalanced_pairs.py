import pytest

from conftest import lint, seed_text

HEAD = "一、主要举措和成效\n"


def test_seed_004_line_50():
    findings = lint(seed_text(4), select=["FZ502"])
    assert [(f.line, f.column) for f in findings] == [(50, 94), (50, 95)]
    assert "前半个" in findings[0].message and "后半个" in findings[1].message


@pytest.mark.parametrize("line,columns", [
    ("发挥“法律明白人作用。", [3]),
    ("印发《工作要点，落实。", [3]),
    ("开展培训（线上12场。", [5]),
    ("开展培训线上12场）。", [10]),
    ("推行“说理式执法（试行”模式）。", [9, 15]),  # the bracket is left open inside the quote; the last ） closes nothing
    ('开展"法治进社区活动。', [3]),
])
def test_unmatched_marks_are_found_where_they_stand(line, columns):
    assert [f.column for f in lint(HEAD + line, select=["FZ502"])] == columns


@pytest.mark.parametrize("line", [
    "推行“说理式执法”模式，编印《执法手册（试行）》1册，学习《〈宪法〉修正案》。",
    "依据渝府发〔2021〕3号【重点】，开展(线上)培训（线下12场)。",
    '开展"法治进社区"活动。',
])
def test_matched_pairs_including_ascii_stand_ins_are_not(line):
    assert lint(HEAD + line, select=["FZ502"]) == []


def test_no_other_finding_on_the_seeds():
    assert [(n, f.line) for n in range(5) for f in lint(seed_text(n), select=["FZ502"])] == [(4, 50), (4, 50)]
