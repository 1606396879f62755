import pytest

from conftest import codes


@pytest.mark.parametrize("body", [
    "执法力量不足，主要原因是编制有限。", "由于经费有限，培训覆盖面不足。", "人员流动大，导致执法能力参差不齐。",
    "（二）原因分析\n主观上重视不够，客观上人员不足。",
])
def test_causes_in_any_wording(body):
    assert codes(f"一、主要举措和成效\n正文。\n二、存在的不足和原因\n{body}", select=["FZ102"]) == []


def test_the_word_in_the_heading_does_not_count():
    assert codes("一、主要举措和成效\n正文。\n二、存在的不足和原因\n执法力量不足。", select=["FZ102"]) == [("FZ102", 3)]


def test_empty_part_is_left_to_thin_section():
    assert codes("一、主要举措和成效\n正文。\n二、存在的不足和原因\n三、下一年度主要安排\n正文。", select=["FZ102"]) == []
