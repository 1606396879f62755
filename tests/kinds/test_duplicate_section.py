from conftest import codes


def test_two_plan_parts():
    assert codes("一、主要举措\n二、存在的不足\n三、下一年度主要安排\n四、下一步工作打算", select=["FZ106"]) == [("FZ106", 4)]


def test_several_topic_parts_are_one_measures_role():
    assert codes("一、坚持党的领导\n二、健全制度\n三、规范执法\n四、存在的不足", select=["FZ106"]) == []
