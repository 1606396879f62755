import pytest

from conftest import codes


@pytest.mark.parametrize("line", [
    "您当前的位置：首页 > 政务公开", "首页 > 政务公开 > 年度报告", "【打印本页】【关闭窗口】", "扫一扫在手机打开当前页",
    "发布日期：2023-01-13 浏览次数：", "字体：[大 中 小]", "Produced By 大汉网络", "无障碍 | 简体 | 繁体",
])
def test_page_furniture(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("line", [
    "群众可通过扫码关注公众号查询办理进度。", "来源于群众的意见建议共32条，均已办结，覆盖全区12个街道办事处和86个社区居委会的各类诉求，办结率100%，群众满意度持续提升，相关做法被市级媒体报道推广，得到上级部门充分肯定和社会各界广泛好评。",
    "首页设置了法治专栏。",
])
def test_body_text_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []
