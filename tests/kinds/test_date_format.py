import pytest

from conftest import lint


@pytest.mark.parametrize("written,canonical", [
    ("2023年01月30日", "2023年1月30日"), ("二〇二三年一月三十日", "2023年1月30日"),
    ("2023-01-30", "2023年1月30日"), ("2023.1.3", "2023年1月3日"), ("2023 年 1 月 30 日", "2023年1月30日"),
])
def test_nonstandard_dates_are_fixed(written, canonical):
    [f] = lint(f"一、主要举措\n正文。\n某某区人民政府\n{written}", select=["FZ304"])
    assert (f.line, f.column, f.end_column, f.fix.replacement) == (4, 1, 1 + len(written), canonical)


def test_standard_and_impossible_dates_are_left_alone():
    assert lint("一、主要举措\n某某区人民政府\n2023年1月30日", select=["FZ304"]) == []
    assert lint("一、主要举措\n某某区人民政府\n2023年2月30日", select=["FZ304"]) == []
