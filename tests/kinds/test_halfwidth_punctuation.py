import pytest

from conftest import lint, seed_text

HEAD = "一、主要举措和成效\n"


def test_one_finding_per_line_with_the_count_and_a_fix_of_the_marks_only():
    [f] = lint(HEAD + "2022年,街道开展普法活动32场(线上12场);成效明显!", select=["FZ501"])
    assert (f.code, f.line, f.column, f.end_column) == ("FZ501", 2, 6, 31)
    assert "5 个半角标点" in f.message
    assert f.fix.replacement == "，街道开展普法活动32场（线上12场）；成效明显！"


@pytest.mark.parametrize("line", [
    "群众满意率90.31%，拆除1.1万余平方米，共1,000余件。",  # decimals and thousands
    "发布时间为10:19:38。",  # a time
    "详见http://www.example.gov.cn/a?b=1,2;c=(3)，或发邮件至sfj@example.gov.cn。",  # URL and e-mail
    "更换LED (light-emitting diode) 路灯，开通12319热线，用A4, B5纸张。",  # Latin words and codes among themselves
    "1.规范性文件审核。",  # a list marker
])
def test_what_must_stay_ascii_is_left_alone(line):
    assert lint(HEAD + line, select=["FZ501"]) == []


def test_brackets_are_judged_as_a_pair():
    [f] = lint(HEAD + "联系人:张三(13800000000)", select=["FZ501"])
    assert (f.column, f.fix.replacement) == (4, "：张三（13800000000）")


def test_the_heading_marker_is_left_to_fz203():
    findings = lint("(一)深入贯彻习近平法治思想,纵深推进法治政府建设\n正文。", select=["FZ501", "FZ203"])
    assert [(f.code, f.line, f.column) for f in findings] == [("FZ203", 1, 1), ("FZ501", 1, 15)]


def test_residue_lines_are_not_reported():
    assert [f.line for f in lint(seed_text(4), select=["FZ501"])][:1] != [6]  # 发布日期:2023-01-13 10:19:38 is residue
    assert all(f.line != 6 for f in lint(seed_text(4), select=["FZ501"]))


def test_seed_counts():
    assert [len(lint(seed_text(n), select=["FZ501"])) for n in range(5)] == [25, 27, 6, 25, 15]


def test_the_cjk_helpers_agree_with_the_character_set_over_all_code_points():
    import sys

    from fzlint.kinds import _text
    cjk = frozenset(map(chr, [*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0), *range(0x3000, 0x3040),
                              *range(0xFF00, 0xFFF0)])) | frozenset("“”‘’…—")
    chars = map(chr, range(sys.maxunicode + 1))
    assert all((ch in cjk) == _text.is_cjk(ch) == (_text.CJK_CHAR.fullmatch(ch) is not None) for ch in chars)
    assert not _text.is_cjk("")
    assert len(cjk) == 0xA000 - 0x4E00 + 0x4DC0 - 0x3400 + 0x40 + 0xF0 + 6


def test_marks_left_ascii_inside_a_line_stay_out_of_the_fix():
    [f] = lint(HEAD + "比例为2:3,共1,000件,见www.a.cn/b,c,完成!", select=["FZ501"])
    assert (f.column, f.end_column) == (7, 33)
    assert f.fix.replacement == "，共1,000件，见www.a.cn/b,c,完成！"  # the URL runs on to 完
    assert "3 个半角标点（, !）" in f.message


@pytest.mark.parametrize("line,column,replacement", [
    ("成效明显;\t\t\t;", 5, "；\t\t\t；"),  # the second ; follows the first, which becomes ；
    ("成效明显;;", 5, "；；"),
    ("覆盖全区 ?!", 6, "？！"),
])
def test_a_mark_beside_a_mark_made_full_width_is_made_full_width_too(line, column, replacement):
    [f] = lint(HEAD + line, select=["FZ501"])
    assert (f.line, f.column, f.fix.replacement) == (2, column, replacement)


def test_marks_among_latin_words_stay_even_beside_each_other():
    assert lint(HEAD + "更换LED;;a, b灯具。", select=["FZ501"]) == []
