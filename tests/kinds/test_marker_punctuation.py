import pytest

from conftest import lint


@pytest.mark.parametrize("line,expected,variant_word", [
    ("一.主要举措", "一、", "顿号"),
    ("一，主要举措", "一、", "顿号"),
    ("(一)健全制度", "（一）", "半角括号"),
    ("（一)健全制度", "（一）", "半角括号"),
    ("（一）、健全制度", "（一）", "括号后"),
    ("(1).细化", "（1）", "括号后"),
    ("1、强化学习", "1.", "下脚点"),
])
def test_faulty_markers_and_their_fix(line, expected, variant_word):
    [f] = lint(line, select=["FZ203"])
    assert (f.line, f.column, f.fix.replacement) == (1, 1, expected)
    assert variant_word in f.message


@pytest.mark.parametrize("line", ["一、主要举措", "（一）健全制度", "1.强化学习", "1．强化学习", "（1）细化"])
def test_standard_markers_are_quiet(line):
    assert lint(line, select=["FZ203"]) == []


def test_span_covers_the_marker_only():
    [f] = lint("　　(二)健全制度", select=["FZ203"])
    assert (f.column, f.end_column) == (3, 6)


@pytest.mark.parametrize("line,fix", [
    ("1、2023年开展培训4期。", None), ("1、２０２３年开展培训。", None), ("12、5项任务", None),
    ("1、 2023年开展培训4期。", "1."), ("1、二〇二三年开展培训。", "1."), ("1、加强监督。", "1."),
    ("一.5亿元投入", "一、"), ("(1)2023年", "（1）"), ("1、", "1."),
])
def test_no_fix_where_the_canonical_marker_would_unmake_the_heading(line, fix):
    # 1、2023年 was fixed to 1.2023年: a decimal, and no longer a heading.
    [f] = lint(line, select=["FZ203"])
    assert (f.code, f.line, f.fix.replacement if f.fix else None) == ("FZ203", 1, fix)


def test_a_fixed_draft_keeps_its_headings():
    text = "一、主要举措和成效\n1、2023年开展培训4期。\n2、加强监督。\n"
    assert [(f.code, f.line, f.fix is not None) for f in lint(text, select=["FZ203"])] == [
        ("FZ203", 2, False), ("FZ203", 3, True)]
    assert lint("一、主要举措和成效\n1.2023年开展培训4期。\n2.加强监督。\n", select=["FZ203"]) == []
