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
