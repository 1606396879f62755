import pytest

from conftest import codes

P = "一、2023年度推进法治政府建设的主要安排\n"


@pytest.mark.parametrize("item", [
    "（一）加强执法监督。6月底前完成全区执法人员轮训。",
    "（一）加强执法监督。全年评查案卷不少于150卷。",
    "（一）加强执法监督。由区司法局牵头，各执法部门配合。",
    "（一）加强执法监督。年内建成公共法律服务中心。",
])
def test_items_with_a_target_deadline_or_owner(item):
    assert codes(P + item, select=["FZ407"]) == []


def test_items_without_any():
    text = P + "（一）持续提高政治站位。深入学习贯彻习近平法治思想。\n（二）加强队伍建设。8月底前完成轮训。\n（三）优化普法。创新普法形式。"
    assert codes(text, select=["FZ407"]) == [("FZ407", 2), ("FZ407", 4)]


def test_paragraph_items_when_there_are_no_subheadings():
    assert codes(P + "深入推进依法行政。\n年底前完成规范性文件清理。", select=["FZ407"]) == [("FZ407", 2)]


def test_other_parts_are_not_plans():
    assert codes("一、主要举措和成效\n（一）深入推进依法行政。", select=["FZ407"]) == []
