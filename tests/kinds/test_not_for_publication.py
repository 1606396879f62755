"""FZ311 not-for-publication: secrecy markings, identity card numbers and
mobile numbers in a report meant for publication; near misses on both sides."""

import pytest

from conftest import codes, lint, linter
from fzlint.model import LineHint, Source

TITLE = "某某区人民政府关于2022年度法治政府建设情况的报告"
BODY = "一、主要举措和成效\n2022年，我区深入推进法治政府建设，办理行政复议案件45件。"


def body(line: str) -> str:
    return f"{TITLE}\n{BODY}\n{line}"


@pytest.mark.parametrize("marking", [
    "秘密★1年", "机密★长期", "秘密★6个月", "绝密", "机密", "秘 密", "密级：秘密", "密级：内部",
    "内部资料 注意保存", "内部资料，请勿外传", "（内部资料，注意保存）", "【内部资料】", "内部使用", "仅供内部使用", "此件不公开",
])
def test_a_marking_above_the_title(marking):
    assert codes(f"{marking}\n{TITLE}\n{BODY}", select=["FZ311"]) == [("FZ311", 1)]


def test_a_marking_before_the_title_on_its_line_points_at_the_marking():
    [f] = lint(f"秘密★1年 {TITLE}\n{BODY}", select=["FZ311"])
    assert (f.line, f.column, f.end_column) == (1, 1, 6) and "“秘密★1年”" in f.message


def test_a_marking_as_a_line_of_its_own_anywhere():
    assert codes(body("内部资料"), select=["FZ311"]) == [("FZ311", 4)]


@pytest.mark.parametrize("line", [
    "严格落实保密审查制度，全年审查拟公开政府信息326条。",
    "加强保密工作，教育引导干部保守秘密。",
    "依法查处泄露国家秘密案件1起。",
    "（三）保密工作",
    "机密文件管理进一步规范。",
    "印发内部资料3期。",
    "内部使用的办公系统全面升级。",
    "内部资料管理办法已修订。",
    "（此件公开发布）",
    "二、秘密",  # a heading's phrase, however short, is no marking
])
def test_prose_about_secrecy_work_is_no_marking(line):
    assert codes(body(line), select=["FZ311"]) == []


@pytest.mark.parametrize("number", ["330102199001011234", "11010519491231002X", "11010519491231002x"])
def test_an_identity_card_number(number):
    assert codes(body(f"联系人：张某某，身份证号{number}。"), select=["FZ311"]) == [("FZ311", 4)]


@pytest.mark.parametrize("number", [
    "330102199001011235",  # the check digit is wrong
    "330102199013011234",  # no 13th month
    "3301021990010112345",  # a longer run of digits (an account number)
    "91330100MA2B3C4D5X",  # a 统一社会信用代码
])
def test_not_an_identity_card_number(number):
    assert codes(body(f"编号{number}。"), select=["FZ311"]) == []


@pytest.mark.parametrize("number", ["13912345678", "139-1234-5678", "19912345678", "+86 13912345678"])
def test_a_mobile_number(number):
    assert codes(body(f"联系人：张某某，电话：{number}"), select=["FZ311"]) == [("FZ311", 4)]


@pytest.mark.parametrize("line", [
    "开通12345政务服务便民热线，受理诉求8.6万件。",
    "12348公共法律服务热线接听来电1.2万次。",
    "联系电话：0571-87654321",
    "联系电话：057187654321",
    "服务热线：400-800-1234",
    "合同编号13912345678901。",  # a longer run of digits
    "电话：12912345678",  # no mobile number starts 12
    "全年财政收入13.912345678亿元。",
    "全年财政收入13912345678.5元。",  # an amount, with decimals
    "下达专项资金15000000000元。",  # an amount in full
    "收案 150 2023 2024",  # figures of a flattened table, as a PDF gives them
])
def test_not_a_mobile_number(line):
    assert codes(body(line), select=["FZ311"]) == []


def test_the_message_masks_the_number():
    id_finding, mobile = lint(body("张某某，身份证号330102199001011234，手机13912345678。"), select=["FZ311"])
    assert "330102********1234" in id_finding.message and "330102199001011234" not in id_finding.message
    assert "139****5678" in mobile.message and "13912345678" not in mobile.message
    assert [(f.line, f.column, f.end_column) for f in (id_finding, mobile)] == [(4, 9, 27), (4, 30, 41)]


def test_numbers_in_web_residue_and_code_blocks_are_not_the_author_s():
    assert codes(f"来源：某区司法局 13912345678\n{TITLE}\n{BODY}", select=["FZ311", "FZ308"]) == [("FZ308", 1)]
    markdown = f"# {TITLE}\n\n{BODY}\n\n```\n13912345678\n```\n"
    assert codes(markdown, select=["FZ311"], path="draft.md") == []


def test_findings_in_line_order():
    text = f"秘密★1年\n{TITLE}\n{BODY}\n联系人：张某某，电话：13912345678"
    assert codes(text, select=["FZ311"]) == [("FZ311", 1), ("FZ311", 5)]


def test_a_word_table_s_cells_are_no_markings():
    # A table of 定密 figures: its cells are lines of their own, 机密 among them.
    text = f"机密★1年\n{TITLE}\n{BODY}\n类别\n机密\n秘密\n内部资料"
    cells = {n: LineHint(table=True) for n in range(5, 9)}
    found = linter(["FZ311"]).lint_source(Source("draft.docx", text, "utf-8", format="docx", hints=cells)).findings
    assert [(f.code, f.line) for f in found] == [("FZ311", 1)]
