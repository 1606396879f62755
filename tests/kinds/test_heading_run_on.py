from conftest import codes, seed_text


def test_the_regulations_own_long_duties_heading_is_fine():
    line = "三、2021年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    assert codes(line, select=["FZ204"]) == []


def test_level_three_is_not_checked():
    assert codes("1." + "很长的标题" * 12, select=["FZ204"]) == []


def test_002_line_14():
    assert codes(seed_text(2), select=["FZ204"]) == [("FZ204", 14)]
