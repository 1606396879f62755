from conftest import codes, seed_text

S = "一、存在的不足和原因\n"


def test_000_shortcomings_are_all_stock_phrases():
    assert codes(seed_text(0), select=["FZ406"]) == [("FZ406", 21)]


def test_specific_facts_or_figures_save_the_part():
    for n in (1, 3, 4):
        assert codes(seed_text(n), select=["FZ406"]) == []


def test_yi_shi_items():
    assert codes(S + "一是执法力量不足，监督还不够。二是普法形式单一，宣传有待加强。", select=["FZ406"]) == [("FZ406", 1)]
    assert codes(S + "一是执法力量不足，监督还不够。二是矫正中心尚未建成，区里无公共法律服务中心实体平台。",
                 select=["FZ406"]) == []


def test_a_figure_makes_an_item_specific():
    assert codes(S + "执法人员配备不足，全镇只有30名。", select=["FZ406"]) == []
