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


# Issue 13: breadcrumbs in other wordings, a banner with today's date, and the
# metadata block of a government information page (key-value lines, the lines
# of its flattened table, the rows of a pipe table).
@pytest.mark.parametrize("line", [
    "您现在所在的位置 :", "当前位置：", "您的位置:首页 > 专题专栏", "您所在的位置:", "今天是：2026年3月1日 星期日",
    "今天是:2026年3月1日 星期日 农历正月十二", "某市人民政府 2026年3月1日星期日", "无障碍 简体| 繁体",
    "某某网 信息平台入口 无障碍阅读 微信 微博 繁体登录注册",
    "| 索引号 | 000000000/2026-00051 | 发文字号 | |", "| 关键词 | | 发布机构 | 某镇 |", "发布机构：某镇人民政府",
    "主题分类：综合政务", "成文日期：2026-02-28", "日期: 2026-02-28", "来源：某县司法局", "文章来源:某局 更新时间:2026/03/29 11:30:01",
    "更新时间：2026-03-29", "时间:2026-03-28", "浏览次数：", "阅读：0", "打印", "转自:某部", "索 引 号：000000000/2026-00051",
    "索 引 号 000000000/2026-00051 分    类 政务公开", "发布机构 某市司法局 发文日期 2026-03-27", "文    号 有 效 性 有效",
    "2026-03-27 14:21 某市司法局",
    "[ 索引号 ] 000000000/2026-00004 [ 发文字号 ]", "[ 主题分类 ] 公安、安全、司法、法制 [ 体裁分类 ] 工作报告", "[ 有效性 ]",
    "信息分类: 县区", "标题: 某县2025年法治政府建设年度报告", "文号:", "时效:", "| | | |",
    "某县人民政府门户网站 www.example.gov.cn 发布时间:2026-04-03 15:22",
])
def test_page_furniture_of_information_pages(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("line", [
    "发布机构改革后，职责进一步理顺。", "关键词是依法行政。", "时间紧、任务重，各项工作有序推进。", "打印机采购按规定执行。",
    "阅读量大幅提升，共12万人次。", "文号规范，格式统一。", "来源于群众的意见建议共32条。", "位置：某镇某村。",
    "2026年3月1日，召开专题会议。", "当前，我县法治政府建设仍有短板。",
    "[1]见附件。", "标题党现象得到遏制。", "时效性进一步增强。", "信息分类管理制度已建立。",
    "统一规范政策文件 发布时间：2026年起按季度公布。",
])
def test_prose_with_the_metadata_labels_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []


# Issue 13, a fourth set: a link alone on its line, perhaps after its label, and
# the bracket left of the type-size bar (字体:[ / 大 中 小 / ]).
@pytest.mark.parametrize("line", [
    "一图读懂:https://www.example.gov.cn/xxgk/content/post_1234567.html", "https://www.example.gov.cn/art/2026/2/8/art_1.html",
    "原文链接： www.example.gov.cn/a.html", "]",
])
def test_a_link_alone_is_furniture(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308", "FZ506"]) == [("FZ308", 1)]
    assert codes(f"一、主要举措\n{line}\n正文。", select=["FZ308", "FZ506"]) == [("FZ308", 2)]


@pytest.mark.parametrize("line", [
    "详见某县人民政府网站（https://www.example.gov.cn）。", "网址：https://www.example.gov.cn，欢迎社会各界监督。",
    "群众可登录www.example.gov.cn查询办理进度。", "[1]", "【】",
])
def test_prose_with_a_link_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []


@pytest.mark.parametrize("line", [
    "• 文号", "- 索引号", "• 主题分类", "• 体裁分类", "• 服务对象", "• 000000000/2026-00001", "- lsx31/2026-00001",
])
def test_a_metadata_label_alone_as_a_list_item_is_furniture(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("line", ["文号", "服务对象", "000000000/2026-00001", "• 法治政府建设", "• 文号规范"])
def test_a_label_alone_that_is_no_list_item_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}\n正文。", select=["FZ308"]) == []


# Issue 13, a sixth set: a source with a dot or a date field, a relative time,
# the type-size and colour bar, a breadcrumb without its colon, a menu bar, and a
# metadata row of bracketed labels longer than max_length.
LONG_ROW = ("[ 索引号 ]000000000000000000/2026-00118 [ 发文字号 ] [ 发布机构 ]某县人民政府 [ 主题分类 ]其他 "
            "[ 成文日期 ]2026-03-20 [ 发布日期 ]2026-03-20 [ 体裁分类 ]工作报告")


@pytest.mark.parametrize("line", [
    "文章来源 · 某市政府办公厅 15天前", "来源 · 某县融媒体中心", "某县融媒体中心 3小时前", "12分钟前",
    "信息来源:某区司法局 信息提供日期:2026-02-27 16:51", "来源：某县司法局 发布时间：2026-03-02",
    "某区司法局 【字体: 大 中 小 视力保护色:", "您现在的位置 首页 > 某专栏 > 结果公开", "当前位置 首页 > 政务公开",
    "首页 政务公开 办事服务 互动交流", LONG_ROW,
])
def test_page_furniture_of_a_sixth_set(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("line", [
    "来源·渠道多样化，全年受理群众诉求3200件。", "首页改版后，政务公开栏目访问量增长12%。", "首页 设置法治专栏",
    "全部案件均在期限届满3天前办结。", "审批时限压缩至3天前",
    "位置首页显著处设置了政务公开专栏。",
    "全年在门户网站公开文件120件，每件均标明[ 索引号 ][ 发文字号 ][ 发布机构 ][ 成文日期 ]等要素，"
    "公开及时率、准确率均达到100%，群众查阅量比上年增长25%，政务公开第三方评估位列全市第一，有关做法被上级推广。",
    LONG_ROW[:40] + "全年主动公开政府信息1200条，" * 6,  # two bracketed fields, then prose: no row of three
])
def test_prose_like_the_furniture_of_a_sixth_set_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []


# Issue 13, a tenth set: a metadata row of two fields or more, each a label and
# its colon, whatever its values (a metadata label first, or a short label then a
# metadata label after a blank), however long; and the eye-care colour widget alone.
COLON_ROW = ("索引号: 000000000000000000/2026-00011 文件编号: 某商务〔2026〕8号 发布机构: 某省商务厅 "
             "生成日期: 2026-02-22 主题分类: 综合政务/政务公开 组配分类: 其他文件 公开方式: 主动公开 公开范围: 面向全社会")


@pytest.mark.parametrize("line", [
    "生成日期: 2026-02-22 主题分类: 综合政务/政务公开 组配分类: 其他文件",
    "公开形式:网站 公开方式: 主动公开 公开范围: 面向全社会",
    "发文单位：某县人民政府 效力状态：有效", "文件编号：某政办发〔2026〕3号 公开属性：主动公开",
    "发布日期:2026-02-24 09:14 浏览次数:", COLON_ROW,
    "保护视力色:", "视力保护色：", "【保护视力色： 】", "护眼模式",
])
def test_page_furniture_of_a_tenth_set(line):
    assert len(COLON_ROW) > 120  # longer than residue.yaml's max_length
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]
    assert codes(f"一、主要举措\n{line}\n正文。", select=["FZ308"]) == [("FZ308", 2)]


@pytest.mark.parametrize("line", [
    # one label only, or a second label that is none of the page's (工作目标 … 主要任务)
    "主要做法：通过门户网站主动公开规范性文件12件", "工作目标: 到2026年 主要任务: 完善制度",
    # a sentence or a clause mark between the fields: prose
    "工作方式：以主动公开为主；公开范围：面向全社会。", "机构调整后：职责理顺。主题分类：按规定执行",
    "在门户网站公开文件时标明索引号：000000000/2026-00001 公开方式：主动公开。",  # no label at the line's start
    COLON_ROW + "。全年主动公开政府信息1200条。",
    "保护视力，关爱青少年健康，全年开展护眼宣传12场。", "护眼灯进校园覆盖12所学校",
])
def test_prose_like_the_furniture_of_a_tenth_set_is_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []


# Issue 13, a twelfth set: today's-date banner whose date the copy lost, a bar of
# site links with the page's version switch, a time stamp with its publisher after
# a bar, and the rows of a metadata pipe table whose labels keep their colons.
@pytest.mark.parametrize("line", [
    "今天是:", "今天是：", "中国政府网|某省政府网|繁体|无障碍", "某市政府网 | 简体 | English",
    "2026-01-20 17:01  |  某市水务局", "2026-01-20 17:01:09｜某县司法局",
    "| 索引号: | 0000000001/2026-00628 | 分类: | |", "| 发文机关: | 某县应急管理局 | 发文日期: | |", "| 文号 : | |||",
    "| 生成日期: | 2026-01-16 18:00:00 | 是否有效: | 是 |",
])
def test_page_furniture_of_a_twelfth_set(line):
    assert codes(f"{line}\n一、主要举措\n正文。", select=["FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("line", [
    "今天是全省法治宣传日。", "网站|微信|微博三个平台同步公开", "繁体字|简体字对照表", "| 简体 | 繁体 |",
    "2026-01-20 17:01 | 全市开展行政执法检查，发现问题12个，均已整改到位。",
    "| 序号 | 工作任务 | 责任部门 | 完成时限 |", "|---|---|---|---|", "| 名称: | 某县 |",
    # a label a report's own table heads a column with, without its colon (a page's
    # metadata table with such rows is furniture as a whole: tests/test_parse.py)
    "| 文件名称 | 发文机关 | 是否有效 |", "| 公开形式 | 责任部门 | ||", "| 生成日期 | 2026-01-16 18:00:00 | 是否有效 |",
])
def test_prose_and_tables_like_the_furniture_of_a_twelfth_set_are_not_residue(line):
    assert codes(f"一、主要举措\n{line}", select=["FZ308"]) == []


@pytest.mark.parametrize("line, furniture", [
    ("新闻中心 组织机构 信息公开 在线办事 政民互动 纪检监察", True),
    ("走进某县 政务公开 办事服务 互动交流", True),
    ("政务公开 信息公开 依法行政 执法监督", False),  # fields a report names too: no navigation item
    ("新闻中心 政务公开", False),  # two items: no bar
    ("普法宣传 法律援助 人民调解 行政复议", False),  # a list of the report's own fields
])
def test_a_site_menu_bar_without_its_home_item(line, furniture):
    expected = [("FZ308", 2)] if furniture else []
    assert codes(f"一、主要举措\n{line}\n正文。", select=["FZ308"]) == expected
