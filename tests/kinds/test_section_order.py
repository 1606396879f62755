from conftest import codes


def test_regulation_order_is_quiet():
    text = "一、主要举措\n二、存在的不足\n三、主要负责人履行推进法治建设第一责任人职责情况\n四、下一年度主要安排"
    assert codes(text, select=["FZ104"]) == []


def test_duties_first_is_reported_once_at_each_part_out_of_place():
    text = "一、主要负责人履行推进法治建设第一责任人职责情况\n二、主要举措和成效\n三、存在的不足\n四、下一年度主要安排"
    assert codes(text, select=["FZ104"]) == [("FZ104", 2), ("FZ104", 3)]


def test_several_measures_parts_are_in_order():
    assert codes("一、坚持党的领导\n二、健全制度体系\n三、存在的不足\n四、工作打算", select=["FZ104"]) == []
