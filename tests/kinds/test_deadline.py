from conftest import codes

TEXT = "某某区司法局关于2022年度法治政府建设情况的报告\n一、主要举措\n某某区司法局\n{date}"


def test_default_deadline_is_1_april_of_the_next_year():
    assert codes(TEXT.format(date="2023年4月2日"), select=["FZ305"]) == [("FZ305", 4)]
    assert codes(TEXT.format(date="2023年3月31日"), select=["FZ305"]) == []


def test_year_option_moves_the_deadline():
    assert codes(TEXT.format(date="2023年5月2日"), select=["FZ305"], year=2023) == []
