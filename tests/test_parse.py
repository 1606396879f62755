"""Stage 2: the grammar's line types, front and back matter, the heading tree."""

from __future__ import annotations

import re
import time

import pytest

from conftest import codes, document, lint, seed_text
from fzlint import data
from fzlint.limits import MAX_HEADINGS
from fzlint.model import LineHint, LineKind
from fzlint.parse import BLANKS, TooManyHeadings, cn_number, cn_numeral, is_blank, parse_lines


@pytest.mark.parametrize("line,family,level,number,canonical", [
    ("一、主要举措", "cn", 1, 1, "一、"),
    ("十二、其他", "cn", 1, 12, "十二、"),
    ("一.主要举措", "cn", 1, 1, "一、"),
    ("一，主要举措", "cn", 1, 1, "一、"),
    ("（一）健全制度", "paren-cn", 2, 1, "（一）"),
    ("(二)健全制度", "paren-cn", 2, 2, "（二）"),
    ("（三）、健全制度", "paren-cn", 2, 3, "（三）"),
    ("1.强化学习", "arabic", 3, 1, "1."),
    ("1．强化学习", "arabic", 3, 1, "1．"),
    ("12、强化学习", "arabic", 3, 12, "12."),
    ("（1）细化措施", "paren-arabic", 4, 1, "（1）"),
    ("(2).细化措施", "paren-arabic", 4, 2, "（2）"),
])
def test_heading_markers_at_their_level(line, family, level, number, canonical):
    [parsed] = parse_lines(line)
    m = parsed.marker
    assert (parsed.kind, m.family, m.level, m.number, m.canonical) == (LineKind.HEADING, family, level, number, canonical)


@pytest.mark.parametrize("line", [
    "一是强学习，提升法治意识。", "1.1万余平方米的违法建筑被拆除。", "2022年，街道深入推进法治建设。",
    "12319热线办结520件。", "3月18日，印发目录。", "(联系人)", "“一、二、三”",
])
def test_prose_is_not_a_heading(line):
    assert [ln.kind for ln in parse_lines(line)] == [LineKind.TEXT]


@pytest.mark.parametrize("line,rewritable", [
    ("1、2023年开展培训", False), ("1、 2023年", True), ("1、２０２３年", False), ("1、加强", True), ("1、", True),
    ("一.2023年", True), ("(1)2023年", True), ("（一）、2023年", True),
])
def test_a_faulty_marker_is_rewritable_when_its_canonical_form_stays_that_marker(line, rewritable):
    [h] = parse_lines(line)
    assert (h.kind, h.marker.faulty, h.marker.rewritable) == (LineKind.HEADING, True, rewritable)
    if rewritable:  # the canonical form in its place is typed as the same heading
        fixed = h.marker.canonical + line[h.marker.end_column - 1:]
        [again] = parse_lines(fixed)
        assert (again.kind, again.marker.text, again.title) == (LineKind.HEADING, h.marker.canonical, h.title)


def test_run_in_heading_is_split_at_the_first_full_stop():
    [h] = parse_lines("　（一）切实提高政治站位。带头深学笃用习近平新时代中国特色社会主义思想。")
    assert (h.column, h.title, h.title_column, h.body[:4], h.body_column) == (2, "切实提高政治站位", 5, "带头深学", 14)


@pytest.mark.parametrize("line,kind", [
    ("2023年1月30日", LineKind.DATE), ("二〇二三年一月三十日", LineKind.DATE), ("2023-01-30", LineKind.DATE),
    ("2023年1月30日，召开会议。", LineKind.TEXT), ("— 9 —", LineKind.PAGE_NUMBER), ("- 12 -", LineKind.PAGE_NUMBER),
    ("(联系人:姜来,联系电话:67655796)", LineKind.CONTACT), ("特此报告。", LineKind.CLOSING),
    ("特此报告，请审阅。", LineKind.TEXT),
])
def test_whole_line_shapes(line, kind):
    assert [ln.kind for ln in parse_lines(line)] == [kind]


def test_blank_and_space_only_lines_are_skipped_and_numbers_kept():
    lines = parse_lines("\n\u3000\u3000\n一、标题\n \xa0\n正文。")
    assert [(ln.number, ln.kind) for ln in lines] == [(3, LineKind.HEADING), (5, LineKind.TEXT)]


def test_markdown_atx_headings():
    lines = parse_lines("# 某某区关于2022年度法治政府建设情况的报告\n## 一、主要举措\n### 工作打算")
    assert [(ln.atx, ln.marker.text if ln.marker else None, ln.title) for ln in lines] == [
        (1, None, "某某区关于2022年度法治政府建设情况的报告"), (2, "一、", "主要举措"), (3, None, "工作打算")]


def test_000_front_and_back_matter():
    doc = document(seed_text(0))
    assert doc.title_text == "重庆市江北区石马河街道关于2022年法治政府建设情况的报告"
    assert [ln.number for ln in doc.title] == [1, 2]
    assert doc.recipient.text == "区委、区政府:"
    assert [p.line for p in doc.preface] == [4]
    assert [ln.number for ln in doc.signature] == [31, 32]
    assert (doc.date.line.number, doc.date.value.isoformat()) == (33, "2023-01-30")
    assert [ln.number for ln in doc.contact] == [34]
    assert [ln.number for ln in doc.page_numbers] == [35]


def test_004_page_headline_repeating_the_title_is_residue():
    doc = document(seed_text(4))
    assert doc.title_text == "淄博高新区群众工作部关于2022年度法治政府建设工作的报告"
    assert [ln.number for ln in doc.title] == [8, 10]
    assert doc.recipient.text == "工委、管委会:"
    assert [ln.number for ln in doc.residue] == [1, 2, 4, 6, 73, 75]
    assert doc.closing.number == 68 and doc.date is None and doc.signature == []


def test_003_arabic_headings_nest_under_their_bracketed_parent():
    doc = document(seed_text(3))
    first = doc.sections[0]
    assert [(c.heading.marker.text, [g.number for g in c.children]) for c in first.children] == [
        ("(一)", [1, 2, 3]), ("(二)", [1, 2, 3, 4]), ("(三)", [1, 2, 3, 4, 5])]


def test_a_skipped_level_still_nests():
    doc = document("标题关于2022年度法治政府建设情况的报告\n一、主要举措\n1.第一项\n（1）细项\n2.第二项\n二、不足")
    assert [(s.title, [(c.title, [g.title for g in c.children]) for c in s.children]) for s in doc.sections] == [
        ("主要举措", [("第一项", ["细项"]), ("第二项", [])]), ("不足", [])]


def test_signature_without_a_date_needs_a_closing_and_an_organ_name():
    doc = document("题目报告\n一、主要举措\n全年审核文件12件。\n特此报告。\n某某区司法局")
    assert [ln.text for ln in doc.signature] == ["某某区司法局"] and doc.closing.number == 4
    doc = document("题目报告\n一、主要举措\n全年审核文件12件\n努力开创法治政府建设新局面")
    assert doc.signature == [] and doc.sections[0].paragraphs[-1].text == "努力开创法治政府建设新局面"


def test_chinese_numerals():
    assert [cn_number(t) for t in ("一", "十", "十二", "二十", "二十一", "一百零五", "二〇二三", "甲")] == [
        1, 10, 12, 20, 21, 105, 2023, None]
    assert [cn_numeral(n) for n in (1, 10, 12, 20, 21, 99, 105, 110)] == [
        "一", "十", "十二", "二十", "二十一", "九十九", "一百零五", "一百一十"]


@pytest.mark.parametrize("n,numeral", [
    (0, "〇"), (100, "一百"), (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"),
    (1100, "一千一百"), (9999, "九千九百九十九"), (10000, "一万"), (10001, "一万零一"), (10010, "一万零一十"),
    (11000, "一万一千"), (20300, "二万零三百"), (100000, "十万"), (100010, "十万零一十"), (110000, "十一万"),
    (1010000, "一百零一万"), (10**8, "一亿"), (10**8 + 1000, "一亿零一千"), (1200000000, "十二亿"),
    (123456789, "一亿二千三百四十五万六千七百八十九"), (10**12, "一万亿"), (10**16, "一亿亿"),
])
def test_chinese_numerals_of_any_size(n, numeral):
    # cn_numeral indexed a ten-digit table with n // 100 and failed from 1000 on.
    assert cn_numeral(n) == numeral
    assert cn_number(numeral) == n


def test_chinese_numerals_read_back():
    numbers = [*range(100_000), *(10**k + j for k in range(5, 30) for j in (0, 1, 10, 999, 10**(k - 1), 10**(k - 3) + 7))]
    assert [n for n in numbers if cn_number(cn_numeral(n)) != n] == []
    with pytest.raises(ValueError):
        cn_numeral(-1)


def test_the_next_number_after_9999_is_suggested():
    findings = lint("九九九九、甲\n九九九九、乙\n", select=["FZ201"])
    assert [(f.code, f.line) for f in findings] == [("FZ201", 1), ("FZ201", 2)]
    assert "按顺序应为“一万、”" in findings[1].message


def test_a_heading_suggested_after_a_thousand_parts_is_numbered():
    findings = lint("某区关于2022年度法治政府建设情况的报告\n" + "# 甲\n" * 1000, select=["FZ101"], path="d.md")
    assert [(f.code, f.line) for f in findings] == [("FZ101", 1001)] * 3
    assert [re.search(r"如“(.*?)、", f.message).group(1) for f in findings] == ["九百九十九", "一千", "一千零一"]


def test_a_date_that_cannot_exist_has_no_value():
    doc = document("题目报告\n一、主要举措\n正文。\n某某区司法局\n2023年2月30日")
    assert doc.date.line.number == 5 and doc.date.value is None


def test_a_title_block_has_at_most_three_lines():
    doc = document("某某市\n某某区\n某某街道办事处\n关于2022年度法治政府建设情况的报告\n一、主要举措")
    assert [ln.number for ln in doc.title] == [1, 2, 3] and [p.line for p in doc.preface] == [4]


def _parsed_whole(text: str):
    """Every line through the Lark parser, as parse_lines did before it kept
    the lines that begin with none of the grammar's shapes from the parser."""
    from fzlint.parse import _parser

    lines = _parser().parse(text)
    source_lines = text.split("\n")
    for line in lines:
        if line.kind is LineKind.HEADING:
            line.text = source_lines[line.number - 1][line.column - 1:].rstrip()
    return lines


_TRICKY = [
    "一、主要举措", "  （二）依法决策", "3.强化监督", "3.5亿元投入", "12、加强", "（1）完善", "(2)完善",
    "二〇二三年一月三十日", "2023年1月30日", "2023-01-30", "2023年1月30日召开会议", "— 9 —", "-12-",
    "联系人：张三", "（联系电话：12345）", "特此报告。", "特此报告如下", "## 工作情况", "#话题#", "一是加强",
    "十一、其他", "一百、太多", "第一，", "\u3000\u3000全年审核12件。", "\u00a0文本", "\t一、制表符",
    "\u2003一、全角空格", "（一）", "1.", "一、", "   ", "", "a. b", "（十）完善", "(十一)完善",
    "# ", "##\t", "#", "####### ", "一、#", "\x0c", "\x0b\u2028", "\x0c一、换页", "2023年1月30日\x0c",
]


@pytest.mark.parametrize("number", range(5))
def test_lines_kept_from_the_parser_are_typed_as_the_parser_types_them(number):
    # Each seed, and each seed with the tricky lines between its paragraphs, is
    # typed exactly as when every line goes through the parser.
    text = seed_text(number)
    mixed = "\n".join(line + "\n" + _TRICKY[i % len(_TRICKY)] for i, line in enumerate(text.split("\n")))
    for sample in (text, mixed, "\n".join(_TRICKY)):
        assert parse_lines(sample) == _parsed_whole(sample)


# -- blank lines: one definition in the grammar and in parse.py ---------------------------------------------

def test_blanks_are_what_str_strip_strips_and_the_grammar_ignores():
    everything = "".join(chr(c) for c in range(0x110000) if c != 0x0A)
    assert set(BLANKS) == {ch for ch in everything if ch.isspace()} == {ch for ch in everything if not ch.strip()}
    grammar = data.grammar_path().read_text(encoding="utf-8")
    ws = re.search(r"^WS\.9: /(.*)/$", grammar, re.M).group(1)
    assert set("".join(re.findall(ws, everything))) == set(BLANKS)
    text_start = re.search(r"^TEXT: /(\[\^[^]]*\])", grammar, re.M).group(1)
    assert set(re.findall(text_start, everything)) == set(everything) - set(BLANKS)


@pytest.mark.parametrize("blank", list(BLANKS) + ["\x0c\x0b \u3000", "\u2028\u2029\x85"])
def test_a_line_of_any_blanks_is_a_blank_line(blank):
    # \x0b and \x0c stand alone on lines of every pdftotext output: they were
    # a text line with empty text, where the 主送机关 is looked for (IndexError).
    assert is_blank(blank)
    assert [(ln.number, ln.kind) for ln in parse_lines(f"甲\n{blank}\n一、丁{blank}")] == [
        (1, LineKind.TEXT), (3, LineKind.HEADING)]
    assert codes(f"甲\n乙\n丙\n{blank}\n一、丁\n") == [
        ("FZ302", 1), ("FZ309", 3), ("FZ101", 5), ("FZ101", 5), ("FZ101", 5), ("FZ105", 5), ("FZ303", 5),
        ("FZ307", 5)]


def test_blanks_before_a_heading_are_its_indentation():
    [h] = parse_lines("\x0c\u2003一、主要举措")
    assert (h.kind, h.column, h.marker.text, h.title) == (LineKind.HEADING, 3, "一、", "主要举措")


@pytest.mark.parametrize("path", ["draft.md", "draft.txt"])
@pytest.mark.parametrize("hashes", ["#", "# ", "##\t", "###### ", "###\u3000\x0c"])
def test_markdown_hashes_alone_are_a_blank_line(path, hashes):
    # Markdown shows them as an empty heading; the grammar had no heading
    # without a text and failed at the line's end (UnexpectedToken).
    assert is_blank(hashes)
    assert [ln.number for ln in parse_lines(f"{hashes}\n一、甲\n{hashes}\n乙\n{hashes}")] == [2, 4]
    assert codes(f"一、甲\n{hashes}\n乙\n", path=path) == codes("一、甲\n\n乙\n", path=path) == [
        ("FZ105", 1), ("FZ301", 1), ("FZ309", 1), ("FZ101", 3), ("FZ101", 3), ("FZ101", 3), ("FZ303", 3),
        ("FZ307", 3)]
    assert codes(hashes, path=path) == [("FZ902", 1)]  # nothing but blank lines: the empty-file finding


@pytest.mark.parametrize("line,kind,text", [
    ("####### ", LineKind.TEXT, "#######"), ("#话题#", LineKind.TEXT, "#话题#"), ("# 工作打算", LineKind.HEADING, "工作打算"),
    ("一、#", LineKind.HEADING, "一、#"), ("甲 # ", LineKind.TEXT, "甲 #"),
])
def test_hashes_with_something_after_them_are_no_blank_line(line, kind, text):
    assert not is_blank(line)
    assert [(ln.kind, ln.text) for ln in parse_lines(line)] == [(kind, text)]


# -- time linear in the line's length ------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    " " * 200_000 + "乙", "\u3000" * 200_000 + "（联系人：甲）", "\x0c" * 200_000 + "二、乙", "（" + " " * 200_000 + "乙",
    "一" + "\t" * 200_000 + "、乙", "#" + " " * 200_000 + "乙",
])
def test_a_line_of_200000_blanks_is_typed_in_linear_time(line):
    # The shapes were matched behind [blanks]*, and CONTACT's own [ \t]* was
    # tried again at each blank as the match backed off: 50,000 spaces took
    # 3 s, 200,000 took 44 s.
    start = time.process_time()
    lines = parse_lines("一、甲\n" + line)
    assert time.process_time() - start < 2
    assert [ln.number for ln in lines] == [1, 2]



@pytest.mark.parametrize("line", [
    "某县2025年度法治政府建设情况报告" + " " * 200_000 + "来源：某县",
    "某县2025年度法治政府建设情况报告" + "\u3000" * 200_000 + "文号",
])
def test_a_title_line_with_200000_blanks_before_a_field_is_read_in_linear_time(line):
    # The pattern for a metadata field run onto a title's line begins with
    # blanks, and was searched from every blank of the line: the --fix
    # property test's drafts made of such a line took minutes.
    start = time.process_time()
    doc = document(line + "\n一、主要举措和成效\n开展执法检查12次。\n")
    assert time.process_time() - start < 2
    assert doc.title_label is None


# -- heading-dense texts: a limit, and the parser kept to the headings --------------------------------------

@pytest.mark.parametrize("unit", ["一、甲\n", "1.甲\n", "（一）甲\n", "（1）甲\n", "一、\n", "# 甲\n"])
def test_a_text_of_more_headings_than_the_limit_is_refused_before_it_is_parsed(unit):
    # 250,000 short headings (1,000,000 characters) took 20 s and 750 MB to lint.
    text = unit * (1_000_000 // len(unit))
    start = time.process_time()
    findings = lint(text, path="d.md" if unit.startswith("#") else "d.txt")
    assert time.process_time() - start < 2
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("FZ901", 1, "无法读取：标题过多（超过 5,000 个），不像是一份报告。其他文件照常检查。")]


def test_the_limit_counts_headings_not_lines():
    assert len(parse_lines("一、甲\n" * MAX_HEADINGS + "甲\n2023年1月30日\n特此报告\n- 1 -\n" * 10_000)) == MAX_HEADINGS + 40_000
    with pytest.raises(TooManyHeadings):
        parse_lines("一、甲\n" * MAX_HEADINGS + "1.乙")
    with pytest.raises(TooManyHeadings):  # a heading style of a .docx paragraph counts too
        parse_lines("甲\n" * (MAX_HEADINGS + 1), {n: LineHint(heading=1) for n in range(1, MAX_HEADINGS + 2)})
    assert len(parse_lines("甲\n" * (MAX_HEADINGS + 1), {n: LineHint(heading=1, table=True)
                                                         for n in range(1, MAX_HEADINGS + 2)})) == MAX_HEADINGS + 1


def test_a_text_of_headings_up_to_the_limit_is_linted():
    findings = codes("".join(f"{cn_numeral(n)}、甲\n" for n in range(1, MAX_HEADINGS + 1)), select=["FZ201", "FZ901"])
    assert findings == []


@pytest.mark.parametrize("unit,kind", [
    ("特此报告\n", LineKind.CLOSING), ("- 1 -\n", LineKind.PAGE_NUMBER), ("联系人:甲\n", LineKind.CONTACT),
    ("2023-1-1\n", LineKind.DATE),
])
def test_whole_line_shapes_are_typed_without_the_parser(unit, kind):
    # A million characters of them took the parser 2 to 3 s; the back matter
    # put each contact line at the front of its list (quadratic: 5 s). Linear,
    # they take 0.7 to 1.6 s of CPU on a loaded machine: the bound catches the
    # quadratic, not the noise.
    text = unit * (1_000_000 // len(unit))
    start = time.process_time()
    doc = document(text)
    assert time.process_time() - start < 4
    assert {ln.kind for ln in doc.lines} == {kind}
    if kind is LineKind.CONTACT:
        assert [ln.number for ln in doc.contact] == list(range(1, len(doc.lines) + 1))


def test_a_headline_repeating_the_title_with_other_marks_is_residue():
    # The page headline and the document's title differ only in the width of their marks and in blanks.
    text = ("某区人民政府关于2023年度法治政府建设情况的报告(摘要)\n某区人民政府关于2023年度法治政府建设情况的报告（摘要）\n"
            "区委：\n一、主要举措和成效\n")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [2] and [ln.number for ln in doc.residue] == [1]
    assert doc.recipient.number == 3


@pytest.mark.parametrize("crumb", ["您现在所在的位置 :", "当前位置：", "您的位置:", "您所在的位置:"])
def test_a_breadcrumb_in_other_wordings_is_residue_and_the_title_after_it_is_found(crumb):
    text = (f"{crumb}\n首页 > 政务公开 > 专题专栏\n今天是：2026年3月1日 星期日\n"
            "某县人民政府关于2025年度法治政府建设情况的报告\n市委、市政府：\n一、主要举措和成效\n正文。\n")
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [1, 2, 3]
    assert [ln.number for ln in doc.title] == [4] and doc.recipient.number == 5


def test_a_metadata_table_is_residue_and_not_part_of_the_title():
    text = ("某镇人民政府关于2025年度法治政府建设情况的报告\n| 索引号 | 000000000/2026-00051 | 发文字号 | |\n"
            "| 关键词 | | 发布机构 | 某镇 |\n日期: 2026-02-28\n2025年，我镇深入推进法治政府建设。\n一、主要举措和成效\n正文。\n")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and [ln.number for ln in doc.residue] == [2, 3, 4]
    assert codes(text, select=["FZ308", "FZ506", "FZ301"]) == [("FZ308", 2), ("FZ308", 3), ("FZ308", 4)]


TITLE = "某县人民政府关于2025年度法治政府建设情况的报告"
BODY = "2025年，我县深入推进法治政府建设。\n一、主要举措和成效\n正文。\n"


@pytest.mark.parametrize("number", ["某府〔2026〕26号", "某办发〔2026〕3号"])
def test_a_document_number_is_neither_title_nor_fault(number):
    for text, title_lines, recipient in ((f"{number}\n{TITLE}\n市委、市政府：\n{BODY}", [2], 3),
                                         (f"某县人民政府\n{number}\n关于2025年度法治政府建设情况的报告\n市委、市政府：\n{BODY}",
                                          [1, 3], 4),
                                         (f"{TITLE}\n{number}\n市委、市政府：\n{BODY}", [1], 3)):
        doc = document(text)
        assert [ln.number for ln in doc.title] == title_lines and doc.recipient.number == recipient
        assert doc.document_number.text == number and doc.residue == []
        assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309", "FZ506"]) == []


def test_a_document_number_alone_is_no_title():
    doc = document(f"某府〔2026〕26号\n{BODY}")
    assert doc.title == [] and doc.document_number.number == 1
    assert codes(f"某府〔2026〕26号\n{BODY}", select=["FZ301", "FZ302"]) == [("FZ301", 2)]


def test_a_document_number_in_prose_is_body():
    text = f"{TITLE}\n根据某府〔2026〕26号文件要求，现将有关情况报告如下：\n一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert doc.document_number is None and [p.line for p in doc.preface] == [2]


@pytest.mark.parametrize("lead", [
    "3月27日，某部发布2025年法治政府建设情况的报告。\n详情如下：",
    "3月27日，某部发布2025年法治政府建设情况的报告。\n报告指出，依法加强执法监督。\n具体报告如下：",
    "某网 3月27日电 据某部网站消息，某部发布2025年法治政府建设年度报告。具体报告如下:",
])
def test_a_news_lead_is_residue_and_the_title_after_it_is_found(lead):
    n = lead.count("\n") + 1
    assert set_aside_above_the_title(lead, ["FZ301", "FZ308", "FZ309", "FZ501"]) == [("FZ308", k) for k in range(1, n + 1)]


def set_aside_above_the_title(above: str, select: list[str]) -> list[tuple[str, int]]:
    """The lines above, then a title, recipient and body: asserts the lines
    above are residue and the title and recipient are found; returns the
    findings of the rules selected."""
    n = above.count("\n") + 1
    text = f"{above}\n{TITLE}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.residue] == list(range(1, n + 1))
    assert [ln.number for ln in doc.title] == [n + 1] and doc.recipient.number == n + 2
    return codes(text, select=select)


def test_a_news_headline_above_the_lead_is_residue_and_no_title():
    text = "某部发布2025年法治政府建设年度报告\n发布时间:2026-03-29 12:04:21\n3月29日，某部发布2025年法治政府建设年度报告。具体报告如下：\n" + BODY
    doc = document(text)
    assert doc.title == [] and [ln.number for ln in doc.residue] == [1, 2, 3]
    assert codes(text, select=["FZ301", "FZ308"]) == [("FZ308", 1), ("FZ308", 2), ("FZ308", 3), ("FZ301", 4)]


@pytest.mark.parametrize("recipient", ["区委、区政府：", "县人大常委会:"])
def test_a_recipient_is_no_lead(recipient):
    text = f"{TITLE}\n{recipient}\n{BODY}"
    doc = document(text)
    assert doc.recipient.number == 2 and doc.residue == []


def test_a_report_s_own_opening_is_no_lead():
    text = f"{TITLE}\n区委、区政府：\n现将2025年度法治政府建设具体情况报告如下：\n一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and doc.recipient.number == 2 and doc.residue == []
    assert [p.line for p in doc.preface] == [3]


@pytest.mark.parametrize("text,title_lines,residue", [
    # the headline, then the title split over two lines
    (f"{TITLE}\n发布时间：2026-03-28 来源：某县司法局\n某县人民政府\n关于2025年度法治政府建设情况的报告\n", [3, 4], [1, 2]),
    # three times over: a page's <h1>, the content's headline, the document's title
    (f"{TITLE}\n{TITLE}\n{TITLE}\n", [3], [1, 2]),
    # a column name above the headline
    (f"工作报告\n{TITLE}\n来源：某县司法局\n{TITLE}\n", [4], [1, 2, 3]),
    # the headline dressed as a document's name: with the 文号, in 《》, with （全文）
    (f"某政发〔2026〕3号《{TITLE}》\n{TITLE}\n某政发〔2026〕3号\n", [2], [1]),
    (f"《{TITLE}》（全文）\n\n浏览量：\n\n{TITLE}\n", [5], [1, 3]),
    (f"《{TITLE}》(全文)\n某县人民政府\n关于2025年度法治政府建设情况的报告\n", [2, 3], [1]),
    # two issuers apart by blanks in the title block, not in the headline
    ("中共某县县委 某县人民政府关于2025年法治政府建设情况的报告\n中共某县县委  某县人民政府\n关于2025年法治政府建设情况的报告\n",
     [2, 3], [1]),
])
def test_a_repeated_title_keeps_the_last_block_and_the_recipient_after_it(text, title_lines, residue):
    n = text.count("\n")
    doc = document(f"{text}市委、市政府：\n{BODY}")
    assert [ln.number for ln in doc.title] == title_lines and [ln.number for ln in doc.residue] == residue
    assert doc.recipient.number == n + 1


@pytest.mark.parametrize("title", [f"《{TITLE}》", f"{TITLE}（全文）"])
def test_a_title_dressed_as_a_document_s_name_but_not_repeated_stays_the_title(title):
    doc = document(f"{title}\n市委、市政府：\n{BODY}")
    assert [ln.number for ln in doc.title] == [1] and doc.residue == []


def test_short_lines_that_repeat_no_report_name_are_not_a_headline():
    doc = document(f"某县人民政府\n某县人民政府\n{TITLE}\n区委：\n{BODY}")
    assert [ln.number for ln in doc.title] == [1, 2, 3] and doc.residue == []


@pytest.mark.parametrize("header", ["某某资讯网 某某资讯网", "某某之家—全网资源每日更新www.example.com", "AAAAA级社会组织"])
def test_a_site_name_above_the_title_is_residue(header):
    doc = document(f"{header}\n{TITLE}\n市委、市政府：\n{BODY}")
    assert [ln.number for ln in doc.residue] == [1] and [ln.number for ln in doc.title] == [2]
    assert codes(f"{header}\n{TITLE}\n{BODY}", select=["FZ302", "FZ308"]) == [("FZ308", 1)]


@pytest.mark.parametrize("organ", ["某县人民政府", "中共某县县委  某县人民政府", "某县自然资源局（县林业局）", "某县人民政府关于2025年度",
                                   "某某大学", "2025年度", "征求意见稿", "内部资料 注意保存"])
def test_the_organ_line_of_a_title_block_is_title(organ):
    rest = "法治政府建设情况的报告" if organ.endswith("年度") else "关于2025年度法治政府建设情况的报告"
    doc = document(f"{organ}\n{rest}\n市委、市政府：\n{BODY}")
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1, 2]


def test_short_lines_above_a_block_without_a_report_name_stay():
    doc = document(f"某某资讯网\n某县法治工作要点\n{BODY}")
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1, 2]


def test_the_about_line_written_twice_under_its_organ_line_is_one_title():
    # The page repeats the title's second line; the organ line above is part of the title, not furniture.
    text = ("某县人民政府\n关于2025年度法治政府建设情况的报告\n关于2025年度法治政府建设情况的报告\n"
            "2025年，我县推进法治政府建设。\n一、主要举措和成效\n")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 2] and [ln.number for ln in doc.residue] == [3]
    # A page headline above a title block is still the page's.
    text = ("某县人民政府关于2025年度法治政府建设情况的报告\n某县人民政府\n关于2025年度法治政府建设情况的报告\n"
            "2025年，我县推进法治政府建设。\n一、主要举措和成效\n")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [2, 3] and [ln.number for ln in doc.residue] == [1]


# -- a third set of real openings (issue 13): metadata as list items, share bars, footers, the 版头 --

@pytest.mark.parametrize("furniture", [
    "- 索 引 号: 000000000-0000-2026-00003\n- 备注/文号: 某委〔2026〕5号\n- 发布机构: 某镇人民政府\n- 公文生成日期: 2026-02-07",
    "- 索引号:000S00/2026-016955\n- 题裁分类:\n- 主题分类:\n- 主题词:\n- 名称: 关于2025年度法治政府建设情况的报告",
    "- [ 索引号 ] 115000000000000000/2026-00004\n- [ 发文字号 ] 某委文〔2026〕3号\n- [ 有效性 ] 有效",
    "发布单位:\n  • 日期:********** **:**\n  • 来源:党政综合办公室\n  • 浏览次数:",
    "某省/某市-2026-01-27 00:00:00\n- 日期:2026-02-12\n-\n大\n中\n小\n- 分享到 :",
    "分享到:\n[发布时间:2026-02-18 11:26:36] [来源:法规与标准处] [点击量:] [关闭]",
    "Copyright © 2017 某市司法局 某ICP备00000000号 网站标识码:0000000000\n某公网安备 44010400000000号",
    # a fifth set (issue 13): a metadata table flattened, two labels and a value between them on a line
    "索引号 000000000/2026-00251 生成日期 2026-01-16\n发布机构 某县教育局 文号\n组配分类 法治政府建设报告 主题分类",
    # the publisher's name, then the date of issue and a label
    "- 索 引 号:000000000/2026-00578 分 类:\n-\n发文机关:\n某县教育局 发文日期:2026-02-25 15:58 - 名称:",
    # an attachment's file name alone on its line, perhaps after its label
    "某街道2025年法治政府建设情况.docx",
    "附件：某县2025年度法治政府建设情况报告.PDF",
    "下载: 某县法治政府建设报告 2025.wps",
    # a sixth set (issue 13): a source with a dot for its colon and a relative time, right above the title
    "文章来源 ·   某市政府办公厅 clock 15天前",
    # a breadcrumb without its colon; a source line carrying the type-size bar
    "您现在的位置 首页 > 某专栏 > 结果公开",
    "信息来源:某区司法局 信息提供日期:2026-02-27 16:51 【字体: 视力保护色:",
    # a site's menu bar
    "首页 政务公开 办事服务 互动交流",
    # a metadata row of bracketed labels longer than max_length (122 characters)
    "[ 索引号 ]000000000000000000/2026-00118 [ 发文字号 ] [ 发布机构 ]某县人民政府 [ 主题分类 ]其他 [ 成文日期 ]2026-03-20 [ 发布日期 ]2026-03-20 [ 体裁分类 ]工作报告",
])
def test_page_furniture_of_real_pages_is_residue_and_the_title_after_it_is_found(furniture):
    assert set_aside_above_the_title(furniture, ["FZ301", "FZ302", "FZ309", "FZ501", "FZ506"]) == []


@pytest.mark.parametrize("line", [
    "- 发布机构负责同志带队开展执法检查12次。",  # a list item of the body, not a label with its colon
    "大力推进执法规范化。",
    "名称规范工作有序推进：全年清理12件。",
    "来源于群众的意见建议45条均已办结，办结率100%。",
    "发布机构 某县司法局 全年发布政务信息120条",  # a label's word, a value, but no second label
    "关键词 法治政府建设 出现在全年12份文件的标题中",
    "报告全文见附件，文件名为某县2025年报告.pdf",  # a sentence naming a file
    "附件：1.某县2025年度法治政府建设工作统计表",  # an attachment note without a file's extension
    "来源·渠道多样化，全年受理群众诉求3200件",  # a dot after 来源, then a sentence
    "首页改版后，政务公开栏目访问量增长12%",  # 首页 opening a sentence
    "某县融媒体中心 全年刊发法治新闻120篇，比上年增加30天前后",  # no relative time of its own
    # a long paragraph naming bracketed labels (not at the line's start)
    "全年在门户网站主动公开文件120件，每件均标明[ 索引号 ][ 发文字号 ][ 发布机构 ][ 成文日期 ]等要素，"
    "公开及时率、准确率均达到100%，群众查阅量比上年增长25%，政务公开第三方评估位列全市第一，有关做法被上级推广",
])
def test_body_lines_like_furniture_stay_body(line):
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n{line}\n"
    assert document(text).residue == []


def test_a_recipient_may_list_its_organs_with_commas():
    text = f"{TITLE}\n中共某县委员会，某县人民政府：\n{BODY}"
    assert document(text).recipient.number == 2
    text = f"中共某县委员会,某县人民政府:\n{BODY}"  # no title above it: the recipient still is one
    doc = document(text)
    assert doc.title == [] and doc.recipient.number == 1
    assert codes(text, select=["FZ301", "FZ309"]) == [("FZ301", 2)]


def test_the_signer_of_a_report_sent_upward_is_neither_title_nor_body():
    text = (f"{TITLE}\n发布时间: 2026-01-11 14:21 来源:某省交通运输厅\n某交法〔2026〕9号\n签发人：李某某\n"
            f"{TITLE}\n省人民政府：\n{BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [5] and doc.recipient.number == 6
    assert [ln.number for ln in doc.residue] == [1, 2] and doc.document_number.number == 3
    assert codes(text, select=["FZ301", "FZ302", "FZ309", "FZ506"]) == []
    # in the body, a 签发人 line is text like any other
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n签发人：李某某\n"
    assert [p.line for s in document(text).sections for p in s.paragraphs] == [4]


# Issue 13: a level-1 heading whose numeral a web page lost (“、坚持党的领导……”).
LOST = ("某县人民政府关于2025年度法治政府建设情况的报告\n"
        "2025年，某县深入推进法治政府建设。现将有关情况报告如下。\n"
        "{line}\n"
        "（一）加强学习\n"
        "县政府常务会议专题学法4次。\n")


def test_a_heading_that_lost_its_numeral_is_a_level_1_heading_numbered_for_its_place():
    doc = document(LOST.format(line="、坚持党的领导，压实法治建设责任"))
    [part] = doc.sections
    m = part.heading.marker
    assert (part.line, part.level, part.title, part.heading.title_column) == (3, 1, "坚持党的领导，压实法治建设责任", 2)
    assert (m.text, m.number, m.canonical, m.lost, m.faulty, m.column, m.end_column) == ("、", 1, "一、", True, False, 1, 2)
    assert [c.title for c in part.children] == ["加强学习"] and [p.line for p in doc.preface] == [2]


def test_a_lost_numeral_takes_the_number_between_the_level_1_headings_around_it():
    text = "一、主要举措和成效\n全年审核文件12件。\n、存在的不足和原因\n原因是经费有限。\n三、下一年度主要安排\n正文。\n"
    doc = document(text)
    assert [(s.line, s.heading.marker.text, s.number) for s in doc.sections] == [(1, "一、", 1), (3, "、", 2), (5, "三、", 3)]


def test_a_lost_numeral_right_under_the_title_is_a_heading_not_part_of_the_title():
    doc = document("某县人民政府关于2025年度法治政府建设情况的报告\n、主要举措和成效\n全年审核文件12件。\n")
    assert [ln.number for ln in doc.title] == [1] and [s.line for s in doc.sections] == [2]


@pytest.mark.parametrize("text", [
    # the rest of a sentence broken above it
    "2025年，县司法局联合县市场监管局\n、税务局开展专项执法检查\n全年检查12次。\n",
    # prose with a sentence end
    "2025年，县司法局开展专项检查。\n、税务局等部门参加检查12次。\n正文。\n",
    # too long for a heading
    "现将有关情况报告如下。\n、" + "坚持党的领导" * 9 + "\n正文。\n",
    # ends in a clause mark: prose going on
    "现将有关情况报告如下。\n、坚持党的领导，\n正文。\n",
    # nothing under it
    "现将有关情况报告如下。\n、坚持党的领导\n",
    # a level-1 heading right under it: no body of its own
    "现将有关情况报告如下。\n、坚持党的领导\n二、存在的不足和原因\n原因是经费有限。\n",
    # no place for it in the sequence (一、 and 二、 stand around it)
    "一、主要举措和成效\n正文。\n、坚持党的领导\n正文。\n二、存在的不足和原因\n原因是经费有限。\n",
    # among items numbered N、, whose lost numeral may be an Arabic one
    "一、主要举措和成效\n1、加强学习\n正文。\n、完善制度\n正文。\n",
])
def test_a_line_beginning_with_the_enumeration_comma_that_is_no_heading_stays_text(text):
    doc = document(text)
    assert not any(s.heading.marker and s.heading.marker.lost for s in doc.headings())
    assert any(p.text.startswith("、") for p in doc.preface + [p for s in doc.headings() for p in s.paragraphs])


def test_a_heading_run_into_a_text_with_no_heading_lines_is_found():
    text = ("某县人民政府关于2025年度法治政府建设情况的报告\n2025年，某县推进法治政府建设。现将有关情况报告如下："
            "一、坚持党的领导，压实责任（一）加强学习。县政府学法4次。\n")
    doc = document(text)
    assert doc.sections == []
    r = doc.run_in_heading
    assert (r.line, r.column, r.text) == (2, 29, "一、坚持党的领导")
    assert text.split("\n")[1][r.column - 1:r.end_column - 1] == "一、坚持党的领导"


@pytest.mark.parametrize("text", [
    "2025年，某县推进法治政府建设。一、二季度开展检查12次。\n",  # 一、二季度: numerals, no heading
    "2025年，某县开展培训，一、二级执法人员全部参训。\n",
    "2025年，某县推进法治政府建设。\n全年开展检查12次。\n",
    # a text with heading lines is not asked
    "一、主要举措\n全年开展检查12次。一、加强学习。\n",
])
def test_no_run_in_heading_where_none_is(text):
    assert document(text).run_in_heading is None


def test_headings_that_lost_their_numeral_are_kept_within_the_headings_limit():
    doc = document("现将有关情况报告如下。\n" + "、坚持党的领导\n正文。\n" * (MAX_HEADINGS + 10))
    assert len(doc.sections) == MAX_HEADINGS


# -- issue 13, a fourth set of real openings: the front matter of web copies --

@pytest.mark.parametrize("text,title_lines,residue", [
    # the page headline, then the document's own title in other words
    ("某街道2025年度法治政府建设情况报告\n某街道2025年法治政府建设工作报告\n", [2], [1]),
    # ... or the document's title block of two lines
    ("某县人民政府2025年度法治政府建设情况报告\n某县人民政府\n关于2025年法治政府建设情况的报告\n", [2, 3], [1]),
    ("2025年度某县法治政府建设情况报告\n某县人民政府关于2025年法治政府建设情况的报告（摘要）\n", [2], [1]),
])
def test_a_whole_title_followed_by_another_is_the_page_headline(text, title_lines, residue):
    doc = document(f"{text}{BODY}")
    assert [ln.number for ln in doc.title] == title_lines and [ln.number for ln in doc.residue] == residue
    assert codes(f"{text}{BODY}", select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", k) for k in residue]


@pytest.mark.parametrize("text", [
    "某县人民政府关于\n2025年度法治政府建设情况的报告\n",  # a title split over two lines
    "某县人民政府\n关于2025年度法治政府建设情况的报告\n",
    "中共某县委员会\n某县人民政府\n关于2025年度法治政府建设情况的报告\n",
    "某县人民政府关于2025年度法治政府建设情况的报告\n（征求意见稿）\n",
    "某县2025年法治政府建设年度报告\n——某县人民政府关于2025年度法治政府建设情况的报告\n",  # a subtitle
])
def test_a_title_split_over_lines_is_one_title(text):
    n = text.count("\n")
    doc = document(f"{text}{BODY}")
    assert [ln.number for ln in doc.title] == list(range(1, n + 1)) and doc.residue == []
    assert codes(f"{text}{BODY}", select=["FZ301", "FZ302", "FZ308"]) == []


METADATA_BULLETS = "• 文号\n  • 索引号\n  • 000000000/2026-00001\n  • 关键词\n  • 主题分类\n  • 法治政府建设\n  • 体裁分类\n  • 服务对象"


def test_a_metadata_block_as_list_items_without_values_is_residue_and_the_title_after_it_is_found():
    text = f"{METADATA_BULLETS}\n\n{TITLE}\n\n发布日期:2026-02-24         浏览次数:\n\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [10] and [ln.number for ln in doc.residue] == [*range(1, 9), 12]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [
        *(("FZ308", k) for k in range(1, 9)), ("FZ309", 10), ("FZ308", 12)]


def test_the_title_repeated_as_the_last_item_of_a_metadata_block_is_residue():
    text = (f"{TITLE}\n\n  • 索引号:000000000/2026-00036\n  • 发布机构:某县人民政府\n  • 关键词:法治政府,法治政府建设\n"
            f"  • 成文日期:2026-03-17\n  • 发布日期:2026-03-28\n  • {TITLE}\n\n{BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and [ln.number for ln in doc.residue] == list(range(3, 9))
    assert doc.title_text == TITLE
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ309", 1), *(("FZ308", k) for k in range(3, 9))]


@pytest.mark.parametrize("text,residue", [
    # list items of the report: no metadata among them
    (f"{TITLE}\n• 全年办理行政复议案件12件\n• 法治政府建设示范创建\n一、主要举措和成效\n正文。\n", []),
    # one field of a page among the report's items: only it is furniture
    (f"{TITLE}\n• 发布日期:2026-02-24\n• 加强执法监督\n• 推进复议改革\n一、主要举措和成效\n正文。\n", [2]),
    # a label alone that is no list item (a table's header cell), and list items under a heading
    (f"{TITLE}\n一、主要举措和成效\n文号\n• 索引号\n• 主题分类\n• 法治政府建设\n", [4, 5]),
])
def test_list_items_of_the_report_stay_body(text, residue):
    assert [ln.number for ln in document(text).residue] == residue


@pytest.mark.parametrize("date", [" (2026-02-26)", "（2026-02-26）", " 2026-02-26", "[2026/2/26]"])
def test_the_page_s_publication_date_after_the_title_is_no_part_of_it(date):
    text = f"{TITLE}{date}\n{BODY}"
    doc = document(text)
    assert doc.title_text == TITLE and [ln.number for ln in doc.title] == [1]
    [finding] = lint(text, select=["FZ301", "FZ302", "FZ308"])
    assert (finding.code, finding.line, finding.column) == ("FZ308", 1, len(TITLE) + 1 + (date[0] == " "))
    assert date.strip() in finding.message
    # the date is not the title's year
    text = f"某县人民政府法治政府建设情况报告{date}\n{BODY}"
    assert codes(text, select=["FZ302", "FZ308"]) == [("FZ302", 1), ("FZ308", 1)]


@pytest.mark.parametrize("title", [
    f"{TITLE}（2026年2月26日）",  # a date as 公文 write it is the author's
    "某县法治政府建设实施方案(2021-2025)",  # a year range
])
def test_a_title_ending_in_other_dates_keeps_them(title):
    doc = document(f"{title}\n{BODY}")
    assert doc.title_text == title and doc.title_date is None
    assert codes(f"{title}\n{BODY}", select=["FZ308"]) == []


OPENING = "2025年，在市委的正确领导和市人大及其常委会的监督支持下，市政府深入学习贯彻习近平法治思想，法治政府建设成效明显。"


@pytest.mark.parametrize("text,title_lines,residue", [
    # a page's summary, a copy of the first paragraph cut off, under the title and the page's fields
    (f"{TITLE}\n栏目:通知公告 发布时间:2026-02-27\n{OPENING[:50]}\n\n{OPENING}\n", [1], [2, 3]),
    (f"{TITLE}\n{OPENING[:40]}……\n{OPENING}\n", [1], [2]),
    # ... above the title
    (f"{OPENING[:30]}\n{TITLE}\n市委、市政府：\n{OPENING}\n", [2], [1]),
    # labelled as a summary, whatever it says
    (f"摘要：某市2025年法治政府建设取得新成效，多项工作获评全国示范。\n{TITLE}\n{OPENING}\n", [2], [1]),
    (f"{TITLE}\n内容摘要：某市2025年法治政府建设取得新成效，多项工作获评全国示范，全市依法行政水平持续提升，"
     f"人民群众法治获得感不断增强，各项工作任务全面完成。\n{OPENING}\n", [1], [2]),
    (f"{TITLE}\n导读:一图读懂\n{OPENING}\n", [1], [2]),
])
def test_a_page_s_summary_of_the_report_is_residue(text, title_lines, residue):
    text += "一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert [ln.number for ln in doc.title] == title_lines and [ln.number for ln in doc.residue] == residue
    assert codes(text, select=["FZ301", "FZ308", "FZ506"]) == [("FZ308", k) for k in residue]


@pytest.mark.parametrize("text", [
    # the report's own paragraphs: the second does not begin with the first
    f"{TITLE}\n{OPENING}\n2025年，市政府召开常务会议12次。\n",
    # too short to tell
    f"{TITLE}\n2025年，在市委的正确领导下\n{OPENING}\n",
    # a paragraph the next one begins with, in the body
    f"{TITLE}\n市委、市政府：\n{OPENING}\n{OPENING[:50]}\n{OPENING}\n",
    # 摘要 in the body
    f"{TITLE}\n一、主要举措和成效\n摘要：本部分列明主要举措和成效，各项数据均截至2025年12月31日。\n",
])
def test_paragraphs_of_the_report_are_no_summary(text):
    assert document(text).residue == []


RUN_IN_BODY = "2025年，省政府坚持依法行政，全面推进法治政府建设。一、主要举措和成效（一）健全制度。"


def test_a_title_run_in_after_a_watermark_is_found():
    mark = "某某之家—全网资源每日更新www.example.com"
    title = "某省人民政府关于2025年度法治政府建设情况的报告"
    text = f"{mark}{title}{RUN_IN_BODY}\n"
    doc = document(text)
    [line] = doc.title
    assert (doc.title_text, line.number, line.column) == (title, 1, len(mark) + 1)
    [p] = doc.preface
    assert (p.line, p.column, p.text) == (1, len(mark) + len(title) + 1, RUN_IN_BODY)
    assert codes(text, select=["FZ301", "FZ302", "FZ309"]) == [("FZ309", 1)]


@pytest.mark.parametrize("text", [
    # no watermark: a body that names the report
    f"某省人民政府关于2025年度法治政府建设情况的报告如下：{RUN_IN_BODY}\n",
    # a watermark, then the body without a title
    f"某某之家www.example.com{RUN_IN_BODY}\n",
    # a watermark, then a title that is not whole (no year), then the body
    f"某某之家www.example.com某省人民政府关于法治政府建设情况的报告{RUN_IN_BODY}\n",
])
def test_a_body_line_is_no_run_in_title(text):
    doc = document(text)
    assert doc.title == [] and [(p.line, p.column) for p in doc.preface] == [(1, 1)]
    assert codes(text, select=["FZ301"]) == [("FZ301", 1)]


# -- issue 13, a fifth set of real openings: a file name, a metadata field on the title's line --

@pytest.mark.parametrize("tail", [" - 文号:", " 索引号:000000000/2026-00012", "  发布日期:",
                                  " | 来源:某县司法局", "文号:"])
def test_a_metadata_field_run_onto_the_title_s_line_is_no_part_of_it(tail):
    text = f"{TITLE}{tail}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert doc.title_text == TITLE and [ln.number for ln in doc.title] == [1] and doc.recipient.number == 2
    [finding] = lint(text, select=["FZ301", "FZ302", "FZ308", "FZ309"])
    field = tail.lstrip(" ")
    assert (finding.code, finding.line, finding.column) == ("FZ308", 1, len(TITLE) + len(tail) - len(field) + 1)
    assert f"“{field}”" in finding.message and "元数据" in finding.message


def test_a_title_with_a_metadata_field_under_the_page_s_metadata_block_is_found():
    text = ("- 索 引 号:000000000/2026-00578 分 类:\n-\n发文机关:\n某县教育局 发文日期:2026-02-25 15:58 - 名称:\n"
            f"中共某县教育局党组2025年度法治政府建设年度报告 - 文号:\n{BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [5] and doc.title_text == "中共某县教育局党组2025年度法治政府建设年度报告"
    assert [ln.number for ln in doc.residue] == [1, 2, 3, 4] and [p.line for p in doc.preface] == [6]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [
        ("FZ308", 1), ("FZ308", 2), ("FZ308", 3), ("FZ308", 4), ("FZ309", 5), ("FZ308", 5)]


def test_a_metadata_field_on_the_last_line_of_a_title_block_is_no_part_of_it():
    text = f"某县人民政府\n关于2025年度法治政府建设情况的报告 - 文号:\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 2] and doc.title_text == "某县人民政府关于2025年度法治政府建设情况的报告"
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ309", 2), ("FZ308", 2)]


@pytest.mark.parametrize("text,expected", [
    # a sentence after the title's words: body, and no title
    ("某县2025年法治政府建设情况报告 来源:县司法局统计，全年办结案件12件。\n", [("FZ301", 1)]),
    # a field after what is no whole title (no year): no title (the line ends in a colon, but names no organ:
    # no recipient either, the body begins there)
    ("某县教育局法治政府建设年度报告 - 文号:\n", [("FZ301", 1)]),
])
def test_a_metadata_field_after_what_is_no_whole_title_is_not_cut(text, expected):
    doc = document(f"{text}{BODY}")
    assert doc.title == [] and doc.title_label is None and doc.title_cut == 0
    assert codes(f"{text}{BODY}", select=["FZ301", "FZ308"]) == expected


def test_a_metadata_field_on_a_body_line_stays_body():
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n某县2025年法治政府建设情况报告 来源:县司法局\n"
    doc = document(text)
    assert doc.title_label is None and doc.title_text == TITLE and doc.residue == []
    assert [p.line for s in doc.sections for p in s.paragraphs] == [4]


RUN_IN_OPENING = "在区委的正确领导下，街道深入推进法治政府建设。一、主要举措和成效（一）健全制度。全年审核文件12件。"


@pytest.mark.parametrize("title,opening", [
    ("某街道 2025 年法治政府建设情况报告", "2025 年，"),  # blanks left by a .docx's extraction
    ("某街道2025年法治政府建设情况报告", "2025年以来,"),
    ("某街道2025年度法治政府建设工作报告", "一年来，"),
])
def test_a_title_run_into_the_body_on_the_text_s_first_line_is_found(title, opening):
    line = f"{title} {opening}{RUN_IN_OPENING}"
    text = f"某街道2025年法治政府建设情况.docx\n{line}\n"
    doc = document(text)
    [t] = doc.title
    assert (doc.title_text, t.number, t.column) == (title, 2, 1) and [ln.number for ln in doc.residue] == [1]
    [p] = doc.preface
    assert (p.line, p.column, p.text) == (2, len(title) + 2, f"{opening}{RUN_IN_OPENING}")
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ308", 1), ("FZ309", 2)]
    # the file name's line is not needed
    assert codes(f"{line}\n", select=["FZ301", "FZ302", "FZ308"]) == []


@pytest.mark.parametrize("text", [
    # not a whole title: no year
    f"某街道法治政府建设情况报告 2025年，{RUN_IN_OPENING}\n",
    # the words after 报告 open no body (a date of publication, a lead-in)
    "某县2025年度法治政府建设情况报告 2026年3月26日 来源:某县司法局，全年办结案件12件。\n",
    f"某县2025年法治政府建设情况报告如下：2025年，{RUN_IN_OPENING}\n",
    # a sentence that names the report
    f"2025年，某县2025年法治政府建设情况报告经审议通过。{RUN_IN_OPENING}\n",
    # not the text's first line: a recipient above it
    f"市委、市政府：\n某县2025年法治政府建设情况报告 2025年，{RUN_IN_OPENING}\n",
])
def test_a_body_line_naming_the_report_is_no_run_in_title(text):
    doc = document(text)
    assert doc.title == []
    assert codes(text, select=["FZ301", "FZ302"]) == [("FZ301", text.count("\n"))]



# -- issue 13, a sixth set of real openings: a column name above the title, a long metadata row --

@pytest.mark.parametrize("column", ["结果公开", "基层政务公开", "法治建设专栏"])
def test_a_site_s_column_name_above_a_whole_title_is_furniture(column):
    text = f"{column}\n您现在的位置 首页 > 某专栏 > {column}\n{TITLE}\n{BODY}"
    doc = document(text)
    assert doc.title_text == TITLE and [ln.number for ln in doc.title] == [3]
    assert [ln.number for ln in doc.residue] == [1, 2]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ308", 1), ("FZ308", 2), ("FZ309", 3)]


def test_a_column_name_above_a_title_block_of_two_lines_is_furniture():
    text = f"基层政务公开\n某县人民政府\n关于2025年度法治政府建设情况的报告\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [2, 3] and [ln.number for ln in doc.residue] == [1]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ308", 1)]


@pytest.mark.parametrize("text,title", [
    # what is below is no whole title (no reporting body before the year): the line stays in the title
    ("乙镇政务公开\n2025年法治政府建设工作报告\n", [1, 2]),
    # too long for a column name, or with other words after 公开
    ("某县人民政府办公室关于推进政务公开\n2025年法治政府建设工作报告\n", [1, 2]),
])
def test_a_line_like_a_column_name_that_may_be_the_title_s_stays(text, title):
    doc = document(f"{text}{BODY}")
    assert [ln.number for ln in doc.title] == title and doc.residue == []
    assert codes(f"{text}{BODY}", select=["FZ308"]) == []


def test_a_column_name_in_the_body_stays_body():
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n基层政务公开\n全年公开文件12件。\n"
    doc = document(text)
    assert doc.residue == [] and codes(text, select=["FZ308"]) == []


def test_a_long_metadata_row_above_a_title_written_twice_leaves_one_title():
    row = "[ 索引号 ]000000000000000000/2026-00118 [ 发文字号 ] [ 发布机构 ]某县人民政府 [ 主题分类 ]其他 [ 成文日期 ]2026-03-20 [ 发布日期 ]2026-03-20 [ 体裁分类 ]工作报告"
    text = f"{row}\n某县2025年度法治政府建设情况报告\n某县2025年度法治政府建设情况报告\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [3] and [ln.number for ln in doc.residue] == [1, 2]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309", "FZ506"]) == [
        ("FZ308", 1), ("FZ308", 2), ("FZ309", 3)]


@pytest.mark.parametrize("row", [
    # two bracketed fields only, longer than max_length: no row of three
    "[ 索引号 ]000000000000000000/2026-00118 [ 发布机构 ]某县人民政府 " + "全年主动公开政府信息1200条，" * 6,
])
def test_a_long_line_with_fewer_bracketed_fields_is_not_a_row(row):
    assert len(row) > 120
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n{row}\n"
    assert document(text).residue == []


@pytest.mark.parametrize("line", [
    "文章来源 ·   某市政府办公厅 clock 15天前",  # a source with a dot for its colon, and a relative time
    "某县融媒体中心 3小时前",  # a relative time after the publisher
    "信息来源:某区司法局 信息提供日期:2026-02-27 16:51 【字体: 视力保护色:",
])
def test_a_source_line_under_the_title_is_no_part_of_it(line):
    text = f"{TITLE}\n{line}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert doc.title_text == TITLE and [ln.number for ln in doc.title] == [1] and doc.recipient.number == 3
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309", "FZ502"]) == [("FZ308", 2)]


# -- issue 13, a seventh set of real openings: furniture right above the title, a 题注 under it --

@pytest.mark.parametrize("furniture", [
    # a site's menu bar whose 首页 has blanks inside
    "首   页 走进某县 新闻中心 政府信息公开 政务服务 互动交流 专题专栏",
    "首 页",
    # a breadcrumb after a stray mark the page left before it, or after 网站
    "7首页 > 政务公开 > 年度法治政府建设情况报告",
    "网站首页 >> 信息公开",
    # a breadcrumb of three places without 首页
    "政务公开 > 法定主动公开内容 > 法治政府建设年度报告",
])
def test_a_menu_or_breadcrumb_in_other_shapes_above_the_title_is_residue(furniture):
    assert set_aside_above_the_title(furniture, ["FZ301", "FZ302", "FZ309", "FZ506"]) == []


def test_a_breadcrumb_with_a_stray_mark_is_no_line_of_a_whole_title_under_it():
    text = (f"7首页 > 政务公开 > 年度法治政府建设情况报告\n甲镇2025年法治政府建设年度报告\n"
            f"来源:本网  发布日期:2026-01-07 15:15:56\n{BODY}")
    doc = document(text)
    assert doc.title_text == "甲镇2025年法治政府建设年度报告" and [ln.number for ln in doc.residue] == [1, 3]
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ308", 3)]


@pytest.mark.parametrize("line", [
    "在网站首页>政务公开栏目公开文件12件。",  # a sentence's words before 首页
    "首页 改版后 政务公开栏目访问量增长12%。",
    "受理渠道按调解>仲裁>诉讼的顺序引导，全年分流纠纷320件。",  # > inside a sentence
    "群众满意度>95%>上年水平",
    "<b>依法行政</b>全面推进>>取得实效",  # markup, not a trail of places
])
def test_body_lines_with_home_page_or_arrows_stay_body(line):
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n{line}\n"
    assert document(text).residue == []


SITE_PAGE = "某市人民政府\n首页 >> 乡镇信息公开 >> 甲乡\n{title}\n日期:2026年01月05日   作者:   来源:甲乡    点击:[]\n" + BODY


def test_a_site_s_name_above_a_title_naming_its_own_organ_is_residue():
    text = SITE_PAGE.format(title="甲乡2025年度法治政府建设情况报告")
    doc = document(text)
    assert doc.title_text == "甲乡2025年度法治政府建设情况报告" and [ln.number for ln in doc.title] == [3]
    assert [ln.number for ln in doc.residue] == [1, 2, 4]
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ308", 2), ("FZ308", 4)]
    # the same above a title block of two lines whose first names the organ
    doc = document(SITE_PAGE.format(title="甲乡人民政府\n关于2025年度法治政府建设情况的报告"))
    assert [ln.number for ln in doc.title] == [3, 4] and [ln.number for ln in doc.residue] == [1, 2, 5]


@pytest.mark.parametrize("header", [
    "年度法治政府建设情况报告",  # a column's name, with 报告 in it
    "某区人民政府门户网站",
    "某县政府网",
])
def test_a_page_s_header_line_above_a_title_naming_its_own_organ_is_residue(header):
    text = f"{header}\n甲镇2025年法治政府建设年度报告\n来源:本网  发布日期:2026-01-07 15:15:56\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [2] and [ln.number for ln in doc.residue] == [1, 3]
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ308", 3)]


@pytest.mark.parametrize("mark", ["征求意见稿", "内部资料", "附件2", "此件公开发布", "（送审）", "2025年度", "某县司法局"])
def test_a_draft_s_mark_or_an_organ_above_a_whole_title_stays_in_a_web_copy(mark):
    text = f"{mark}\n甲镇2025年法治政府建设年度报告\n来源:本网  发布日期:2026-01-07 15:15:56\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 2] and [ln.number for ln in doc.residue] == [3]


@pytest.mark.parametrize("title", [
    # what is below names no organ before its year: the line above completes the title
    "2025年法治政府建设年度报告",
    "2025年度法治政府建设情况报告",
    "关于2025年度法治政府建设情况的报告",
])
def test_an_organ_line_above_a_title_without_its_organ_stays_title(title):
    doc = document(SITE_PAGE.format(title=title))
    assert [ln.number for ln in doc.title] == [1, 3] and [ln.number for ln in doc.residue] == [2, 4]


@pytest.mark.parametrize("text", [
    # a joint title's party organ line above the government's
    "中共某县委员会\n某县人民政府关于2025年度法治政府建设情况的报告\n发布日期：2026-02-01\n",
    # a draft without page furniture: the line stays in the title as typed
    "某市人民政府\n甲乡2025年度法治政府建设情况报告\n",
])
def test_an_organ_line_above_a_whole_title_stays_title_outside_a_web_copy_s_header(text):
    doc = document(f"{text}{BODY}")
    assert [ln.number for ln in doc.title] == [1, 2]
    assert codes(f"{text}{BODY}", select=["FZ308"]) == ([("FZ308", 3)] if "发布日期" in text else [])


CAPTION_BODY = "根据会议安排，现将我县2025年法治政府建设情况报告如下：\n一、主要举措和成效\n正文。\n"


@pytest.mark.parametrize("caption", [
    # the date and the meeting over two lines
    "2026年3月17日在某县第十六届人民代表大会\n常务委员会第二十四次会议上",
    # in brackets, on one line
    "（2026年5月28日在县十八届人大常委会第九次会议上）",
    # after a dash, with the speaker's post and name under it
    "——2026年3月1日在县第十八届人民代表大会常务委员会第二十次会议上\n某县人民政府副县长 某某",
    # a draft's date left blank, in Chinese numerals, or no date at all
    "——2026年 月 日在县人大常委会会议上",
    "二〇二六年三月一日在某县人民代表大会常务委员会会议上",
    "——在某县第十八届人民代表大会常务委员会第二十次会议上",
])
def test_a_caption_under_the_title_is_neither_title_nor_body(caption):
    n = caption.count("\n") + 1
    text = f"某县人民政府2025年度法治政府建设情况报告\n{caption}\n主任、各位副主任、委员：\n{CAPTION_BODY}"
    doc = document(text)
    assert doc.title_text == "某县人民政府2025年度法治政府建设情况报告" and [ln.number for ln in doc.title] == [1]
    assert [ln.number for ln in doc.caption] == list(range(2, n + 2)) and doc.residue == []
    assert doc.recipient.number == n + 2 and [p.line for p in doc.preface] == [n + 3]
    assert doc.title_year == 2025 and doc.report_year == 2025
    assert codes(text, select=["FZ301", "FZ302", "FZ306", "FZ308", "FZ309", "FZ506"]) == []


def test_without_a_recipient_fz309_stands_under_the_caption():
    text = f"某县人民政府2025年度法治政府建设情况报告\n（2026年5月28日在县人大常委会会议上）\n{CAPTION_BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.caption] == [2] and [p.line for p in doc.preface] == [3]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309", "FZ506"]) == [("FZ309", 2)]


@pytest.mark.parametrize("line", [
    # the body's opening sentence, beginning with a date and 在
    "2026年3月1日在县政府常务会议上审议通过了本报告。",
    # a line under the title that begins like a caption but names no meeting
    "2026年3月1日在某县",
    # a bracket opened and not closed
    "（2026年5月28日在县人大常委会会议上",
])
def test_lines_like_a_caption_are_no_caption(line):
    text = f"某县人民政府2025年度法治政府建设情况报告\n{line}\n{CAPTION_BODY}"
    assert document(text).caption == []


def test_a_caption_in_the_body_is_body():
    text = f"{TITLE}\n市委、市政府：\n一、主要举措和成效\n（2026年5月28日在县人大常委会会议上）\n正文。\n"
    doc = document(text)
    assert doc.caption == [] and doc.sections[0].paragraphs[0].line == 4


def test_a_caption_under_a_title_block_of_two_lines_with_a_speaker_left_blank():
    text = ("某县人民政府\n关于2025年度法治政府建设情况的报告\n——2026年3月1日在县人大常委会第二十次会议上\n"
            f"某县人民政府县长  ×××\n主任、各位副主任、委员：\n{CAPTION_BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 2] and [ln.number for ln in doc.caption] == [3, 4]
    assert doc.recipient.number == 5 and [p.line for p in doc.preface] == [6]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309", "FZ506"]) == []


def _plainly_residue(residue_patterns, list_items, text):
    """Residue.matches as the patterns say it, without its speed-ups."""
    bullet = re.match(r"[-•·*]\s+", text)
    item = text[bullet.end():] if bullet else text
    if any(re.search(p, item) for p in residue_patterns):
        return True
    return bool(bullet) and any(re.search(p, item) for p in list_items)


def test_residue_matches_exactly_the_lines_its_patterns_match():
    """The patterns are tried behind a first-character class and scans for a
    character they need: the same lines must come out as furniture."""
    from fzlint import ruleset
    from fzlint.parse import Residue

    v = ruleset.default().vocabulary
    residue = Residue(list(v.residue_patterns), v.residue_max_length, **v.residue_lists)
    lines = [ln.strip() for n in range(5) for ln in seed_text(n).splitlines() if ln.strip()]
    lines += ["首   页 走进本县 新闻中心 政府信息公开", "7首页 > 政务公开 > 专题", "您现在所在的位置 : 首页 > 专题专栏",
              "发布时间 : 2026-01-29 来源：某县司法局", "| 索引号 | 1234/2026-00051 | 发文字号 | |", "浏览次数：128",
              "- 发布机构：某镇人民政府", "3天前", "网站标识码：5101000001 ICP备12345678号", "www.example.gov.cn",
              "【打印本页】【关闭窗口】", "政务公开 > 法治政府建设 > 年度报告", "上一篇：关于某事的通知",
              "2026年2月3日 星期二", "附件：某县2025年法治政府建设情况报告.docx", "###### 1.", "一、主要举措和成效",
              "全年办理行政复议案件12件，纠错率8.3%。", "在网站首页>政务公开栏目公开文件12件。"]
    patterns = [p for p in v.residue_patterns]
    found = [ln for ln in lines if len(ln) <= v.residue_max_length and residue.matches(ln)]
    expected = [ln for ln in lines if len(ln) <= v.residue_max_length
                and _plainly_residue(patterns, v.residue_lists["list_items"], ln)]
    assert found == expected
    assert len(found) >= 15  # the furniture shapes above, and the seeds' own


# -- issue 13, an eighth set of real openings: a column's banner above the title, a 文号 before it --

BANNER = "法治政府建设\n某市创建全国法治政府建设示范市\n本专题内容由某局发布\n"
SOURCE = "来源:某局 发布日期:2026-01-22"


def test_a_column_s_banner_above_a_headline_and_a_title_block_is_furniture():
    # the banner, a breadcrumb, the page's headline, its source line, then the document's title on two lines
    text = (f"{BANNER}当前位置: 法治政府建设专栏>法治政府工作报告\n某市人民政府关于2025年度法治政府建设情况的报告\n"
            f"{SOURCE}\n\n某市人民政府\n\n关于2025年度法治政府建设情况的报告\n\n{BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [8, 10]
    assert doc.title_text == "某市人民政府关于2025年度法治政府建设情况的报告"
    assert [ln.number for ln in doc.residue] == [1, 2, 3, 4, 5, 6]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [
        ("FZ308", 1), ("FZ308", 2), ("FZ308", 3), ("FZ308", 4), ("FZ308", 5), ("FZ308", 6), ("FZ309", 10)]


@pytest.mark.parametrize("title,lines", [
    # an organ's line, then its 关于…报告 line
    ("某市人民政府\n关于2025年度法治政府建设情况的报告", [4, 5]),
    # a whole title on one line
    ("甲镇2025年法治政府建设年度报告", [4]),
])
def test_a_column_s_banner_above_a_whole_title_in_a_web_copy_is_furniture(title, lines):
    text = f"{BANNER}{title}\n{SOURCE}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == lines
    after = lines[-1] + 1
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [
        ("FZ308", 1), ("FZ308", 2), ("FZ308", 3), ("FZ308", after)]


@pytest.mark.parametrize("above,title,first", [
    # a joint title's organ lines
    ("中共某县委员会\n某县人民政府", "关于2025年度法治政府建设情况的报告", 1),
    ("中共某县委员会", "某县人民政府关于2025年度法治政府建设情况的报告", 1),
    # a draft's mark above the title (the column's name above it is the page's, as before)
    ("法治政府建设\n征求意见稿", TITLE, 2),
    # the organ's line ends in 关于, its title's year on the next line
    ("法治政府建设\n某县人民政府关于", "2025年度法治政府建设情况的报告", 2),
    # what is below names no organ before its year: the organ's line above completes it
    ("法治政府建设\n某县人民政府", "2025年度法治政府建设情况报告", 2),
])
def test_lines_above_a_title_that_may_be_the_title_s_stay_in_a_web_copy(above, title, first):
    n = above.count("\n") + 1
    text = f"{above}\n{title}\n{SOURCE}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == list(range(first, n + 2))
    assert codes(text, select=["FZ308"]) == [("FZ308", k) for k in range(1, first)] + [("FZ308", n + 2)]


def test_a_banner_like_line_above_a_title_stays_in_a_draft_without_page_furniture():
    text = f"法治政府建设\n本专题内容由某局发布\n{TITLE}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 2, 3] and doc.residue == []
    assert codes(text, select=["FZ308"]) == []


@pytest.mark.parametrize("number,bracketed", [
    ("某政发〔2026〕7号", "[某政发〔2026〕7号]"),
    ("某办发[2026]3号", "【某办发[2026]3号】"),
    ("某府〔2026〕26号", "［某府〔2026〕26号］ "),
    ("某政发(2026)第7号", "〔某政发(2026)第7号〕"),
])
def test_a_document_number_in_brackets_before_the_title_is_cut_off(number, bracketed):
    text = f"{bracketed}{TITLE}\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert doc.title_text == TITLE and [ln.number for ln in doc.title] == [1]
    assert doc.document_number.text == number and doc.document_number.number == 1
    assert doc.title[0].column == len(bracketed) + 1 and doc.title_year == 2025
    assert codes(text, select=["FZ301", "FZ302", "FZ306", "FZ308", "FZ309"]) == []
    # its year still found in the title on its line: a title naming another year than the body's
    other = text.replace("2025年度", "2024年度", 1)
    assert [(c, ln) for c, ln in codes(other, select=["FZ306"])][:1] == [("FZ306", 1)]


@pytest.mark.parametrize("line", [
    "[2026]某县人民政府关于2025年度法治政府建设情况的报告",  # a year in brackets, no 文号
    "【转载】某县人民政府关于2025年度法治政府建设情况的报告",
    "某政发〔2026〕7号某县人民政府关于2025年度法治政府建设情况的报告",  # no brackets around it
])
def test_a_title_line_with_other_brackets_keeps_its_text(line):
    doc = document(f"{line}\n市委、市政府：\n{BODY}")
    assert doc.title_text == line and doc.document_number is None


@pytest.mark.parametrize("number", ["[某政发〔2026〕7号]", "【某办发[2026]3号】"])
def test_a_document_number_in_brackets_on_a_line_of_its_own_is_neither_title_nor_fault(number):
    text = f"某县人民政府\n{number}\n关于2025年度法治政府建设情况的报告\n市委、市政府：\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1, 3] and doc.document_number.text == number
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == []


# Issue 13, a tenth set: page metadata as rows of colon fields, or one field a
# line (label, then value), a mirror's source and date line at the title, and a
# page widget's label with a colon where a 主送机关 would stand.
def test_metadata_rows_of_colon_fields_are_residue_and_the_title_below_them_is_found():
    text = ("首页\n> 政务公开 > 信息公开目录 > 其他文件\n"
            "索引号: 000000000000000000/2026-00011 文件编号: 某商务〔2026〕8号 发布机构: 某省商务厅\n"
            "生成日期: 2026-02-22 主题分类: 综合政务/政务公开 组配分类: 其他文件\n"
            f"公开形式:网站 公开方式: 主动公开 公开范围: 面向全社会\n体裁分类: 报告 有效性: 有效\n\n{TITLE}\n\n{BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [8] and [ln.number for ln in doc.residue] == list(range(1, 7))
    assert codes(text, select=["FZ301", "FZ308", "FZ309", "FZ506"]) == [
        *(("FZ308", k) for k in range(1, 7)), ("FZ309", 8)]


FIELD_LINES = ("发文单位\n某县人民政府\n发文字号\n发文日期\n2026-03-03 10:00\n效力状态\n有效\n索引号\n"
               "000000000/2026-00521\n主题分类\n其他")


@pytest.mark.parametrize("above,fields,title_line,residue", [
    # under the title, after the page's time stamp (the 023 shape)
    (f"{TITLE}\n\n2026-03-22 11:50", FIELD_LINES, 1, list(range(3, 15))),
    # above the title, labels with their colons
    ("", "发文单位：\n某县司法局\n效力状态：\n有效", 5, [1, 2, 3, 4]),
    # the last label without its value, right above the title: the title is no value
    ("", "索引号\n000000000/2026-00001\n主题分类", 4, [1, 2, 3]),
])
def test_metadata_one_field_a_line_is_residue_and_the_title_is_found(above, fields, title_line, residue):
    text = f"{above}\n{fields}\n\n{BODY}" if above else f"{fields}\n{TITLE}\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [title_line] and doc.title_text == TITLE
    assert [ln.number for ln in doc.residue] == residue
    assert codes(text, select=["FZ301", "FZ308", "FZ309"]) == sorted(
        [*(("FZ308", k) for k in residue), ("FZ309", title_line)], key=lambda c: c[1])


@pytest.mark.parametrize("text,residue,preface", [
    # one label and its value: no run of fields
    (f"{TITLE}\n主题分类\n其他\n{BODY}", [], None),
    # labels under the first heading: the report's (a table's header cells)
    (f"{TITLE}\n一、主要举措和成效\n发文单位\n某县人民政府\n索引号\n000000000/2026-00001\n", [], None),
    # a lead-in or a sentence after the last label is no value
    (f"{TITLE}\n发文单位\n某县人民政府\n主题分类\n现将有关情况报告如下：\n一、主要举措和成效\n正文。\n", [2, 3, 4], [5]),
    (f"{TITLE}\n发文单位\n某县人民政府\n主题分类\n{BODY}", [2, 3, 4], [5]),
])
def test_lines_near_a_field_run_stay_the_report_s(text, residue, preface):
    doc = document(text)
    assert [ln.number for ln in doc.residue] == residue
    if preface is not None:
        assert [ln.number for ln in doc.title] == [1] and [p.line for p in doc.preface] == preface


@pytest.mark.parametrize("line", ["某省政府办公厅 2026-03-15", "2026/03/15 某县司法局", "某县人民政府网 2026.3.15"])
def test_a_mirror_s_source_and_date_line_at_the_title_is_residue(line):
    text = f"{TITLE}\n{line}\n\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and doc.title_text == TITLE and [ln.number for ln in doc.residue] == [2]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ309"]) == [("FZ309", 1), ("FZ308", 2)]
    text = f"{line}\n{TITLE}\n市委、市政府：\n{BODY}"  # above the title
    doc = document(text)
    assert [ln.number for ln in doc.title] == [2] and [ln.number for ln in doc.residue] == [1]
    assert doc.recipient.number == 3


@pytest.mark.parametrize("text", [
    f"{TITLE}\n某县人民政府 2026年3月15日\n{BODY}",  # a date as 公文 write it
    f"{TITLE}\n第一季度 2026-03-15\n{BODY}",  # no organ
    f"{TITLE}\n市委、市政府：\n{BODY}某县司法局 2026-01-10\n",  # not at the title
    f"{TITLE}\n市委、市政府：\n某县司法局 2026-01-10\n{BODY}",  # below the recipient: the body's
])
def test_an_organ_and_a_date_elsewhere_are_no_residue(text):
    assert document(text).residue == []


@pytest.mark.parametrize("widget", ["保护视力色:", "视力保护色："])
def test_a_widget_s_label_is_no_recipient(widget):
    text = f"{TITLE}\n来源: 某县退役军人事务局  时间: 2026-01-05\n{widget}\n\n{BODY}"
    doc = document(text)
    assert doc.recipient is None and [ln.number for ln in doc.residue] == [2, 3]
    assert codes(text, select=["FZ308", "FZ309"]) == [("FZ309", 1), ("FZ308", 2), ("FZ308", 3)]


@pytest.mark.parametrize("recipient", [
    "主任、各位副主任、委员：", "各位代表：", "党中央、国务院：", "中共某县委员会，某县人民政府：", "某县司法局（县委依法治县办）：",
    "市人大常委会：", "某某集团有限公司：", "中共某旗委、某旗人民政府：", "某区委依法治区办 某区司法局：",
    "县人大、县政协：", "市妇联、市总工会：", "某海关、某市分行：",
])
def test_organs_and_meeting_members_are_recipients(recipient):
    doc = document(f"{TITLE}\n{recipient}\n{BODY}")
    assert doc.recipient.number == 2


@pytest.mark.parametrize("line", ["工作要求：", "附件：", "分享到：", "县委、工作要求："])
def test_a_label_that_names_no_organ_is_no_recipient(line):
    text = f"{TITLE}\n{line}\n{BODY}"
    assert document(text).recipient is None
    assert ("FZ309", 1) in codes(text, select=["FZ309"])


# A cover letter (报送函) before the report's own title (a department's report as a page
# shows it): recipient, a paragraph sending the report, 特此报告, sender and date, then the
# report's title (here over two lines) and its body.
LETTER_TITLE = "2025年度甲区市场监管法治政府建设\n工作总结"
LETTER_BODY = "2025年，甲区市场监督管理局坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n正文。\n"
LETTER_PARAGRAPH = "根据区委依法治区办《关于做好2025年度法治政府建设年度报告工作的通知》要求，现将我局《2025年度甲区市场监管法治政府建设工作总结》随文上报。"
LETTER = f"中共甲区委员会、甲区人民政府：\n{LETTER_PARAGRAPH}\n特此报告。\n甲区市场监督管理局\n2026年1月12日\n"
LETTER_CODES = ["FZ301", "FZ303", "FZ307", "FZ309"]


def test_a_cover_letter_before_the_title_is_neither_title_nor_body():
    text = LETTER + LETTER_TITLE + "\n" + LETTER_BODY
    doc = document(text)
    assert [ln.number for ln in doc.title] == [6, 7]
    assert doc.title_text == "2025年度甲区市场监管法治政府建设工作总结"
    assert doc.recipient.number == 1 and [ln.number for ln in doc.letter] == [2, 3, 4, 5]
    assert [p.line for p in doc.preface] == [8] and doc.sections[0].heading.number == 9
    # the report has no 落款 of its own: the letter's sender and date are the document's
    assert doc.date.value.isoformat() == "2026-01-12" and [ln.number for ln in doc.signature] == [4]
    assert codes(text, select=LETTER_CODES) == []


def test_the_report_s_own_back_matter_wins_over_the_letter_s():
    text = LETTER + LETTER_TITLE + "\n" + LETTER_BODY + "甲区市场监督管理局\n2026年1月10日\n"
    doc = document(text)
    assert doc.date.line.number == 12 and [ln.number for ln in doc.signature] == [11]
    assert codes(text, select=LETTER_CODES) == []


@pytest.mark.parametrize("letter,letter_lines,recipient", [
    # no recipient line: the letter begins the text (FZ309 under the report's title)
    (f"{LETTER_PARAGRAPH}\n特此报告。\n甲区市场监督管理局\n2026年1月12日\n", [1, 2, 3, 4], None),
    # the report named without 书名号, sent with 报送; 特此报送 (no grammar's CLOSING) and no sender
    ("区委、区政府：\n现将我局2025年度法治政府建设工作总结报送你们，请审阅。\n特此报送。\n", [2, 3], 1),
    # a date alone, no 特此报告
    ("区委、区政府：\n现将《2025年度甲区市场监管法治政府建设工作总结》呈报。\n甲区市场监督管理局\n2026年1月12日\n",
     [2, 3, 4], 1),
    # 特此报告 and the sender, undated
    ("区委、区政府：\n现将我局年度总结随文上报。\n特此报告。\n甲区市场监督管理局\n", [2, 3, 4], 1),
])
def test_cover_letters_of_other_shapes(letter, letter_lines, recipient):
    text = letter + LETTER_TITLE + "\n" + LETTER_BODY
    doc = document(text)
    n = letter.count("\n")
    assert [ln.number for ln in doc.letter] == letter_lines and [ln.number for ln in doc.title] == [n + 1, n + 2]
    assert (doc.recipient.number if doc.recipient else None) == recipient
    assert codes(text, select=["FZ301", "FZ309"]) == ([] if recipient else [("FZ309", n + 2)])


def test_a_title_on_one_line_the_letter_names_and_the_report_s_own_recipient_under_it():
    text = (f"{LETTER_PARAGRAPH}\n特此报告。\n2025年度甲区市场监管法治政府建设工作总结\n区委、区政府：\n{LETTER_BODY}")
    doc = document(text)
    assert [ln.number for ln in doc.title] == [3] and doc.recipient.number == 4 and [p.line for p in doc.preface] == [5]
    # the report's end (line 7) is undated, and the letter, with neither date nor sender, has none to lend:
    # FZ303 and FZ307 stand at the report's end, not at the letter's 特此报告
    assert codes(text, select=LETTER_CODES) == [("FZ303", 7), ("FZ307", 7)]


@pytest.mark.parametrize("text", [
    # a report's own lead into its body: 现将……报告如下
    "区委、区政府：\n现将我局2025年度法治政府建设情况报告如下：\n一、主要举措和成效\n正文。\n",
    "区委、区政府：\n现将我局2025年度法治政府建设工作情况报送如下：\n一、主要举措和成效\n正文。\n",
    # a body paragraph that mentions 报送, then a heading
    "区委、区政府：\n2025年，我局按时报送年度报告，现将有关材料报送区司法局。\n特此报告。\n甲区市场监督管理局\n2026年1月12日\n",
    # a sending paragraph with no 特此报告 and no date under it
    "区委、区政府：\n现将我局《2025年度法治政府建设工作总结》随文上报。\n2025年度甲区市场监管法治政府建设\n工作总结\n" + LETTER_BODY,
    # sign-off and date, then no title but body text
    "区委、区政府：\n现将我局2025年度工作总结随文上报。\n特此报告。\n2026年1月12日\n2025年，我局坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n正文。\n",
    # a title-like line under the date that names no report (一、…) nor 法治
    "区委、区政府：\n现将我局2025年度工作总结随文上报。\n特此报告。\n2026年1月12日\n甲区市场监督管理局\n一、主要举措和成效\n正文。\n",
])
def test_no_cover_letter_without_all_its_signs(text):
    assert document(text).letter == []


def test_a_plain_report_with_its_own_lead_parses_as_before():
    text = "某县司法局2025年度法治政府建设情况报告\n县委、县政府：\n现将我局2025年度法治政府建设情况报告如下：\n一、主要举措和成效\n正文。\n某县司法局\n2026年1月20日\n"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and doc.recipient.number == 2 and doc.letter == []
    assert [p.line for p in doc.preface] == [3] and doc.date.line.number == 7
    assert codes(text, select=LETTER_CODES) == []
    text = text.split("\n", 1)[1]  # no title: FZ301 at the body's start, as ever
    assert codes(text, select=LETTER_CODES) == [("FZ301", 2)] and document(text).letter == []


def test_a_cover_letter_in_markdown():
    text = (f"中共甲区委员会、甲区人民政府：\n\n{LETTER_PARAGRAPH}\n\n特此报告。\n\n甲区市场监督管理局\n\n2026年1月12日\n\n"
            f"# 2025年度甲区市场监管法治政府建设工作总结\n\n2025年，甲区市场监督管理局坚持依法行政。\n\n## 一、主要举措和成效\n\n正文。\n")
    assert codes(text, select=LETTER_CODES, path="draft.md") == []
    from conftest import linter
    from fzlint.model import Source
    doc = linter().document(Source("draft.md", text, "utf-8", format="markdown"))
    assert doc.title_text == "2025年度甲区市场监管法治政府建设工作总结" and [ln.number for ln in doc.letter] == [3, 5, 7, 9]


INFO_PAGE = "政府信息公开\n\n  • 索引号:\n  • 发文字号: 〔〕 号\n  • 成文日期:\n  • 主题分类:\n\n{title}\n\n发布时间:2026-02-27   浏览次数:\n\n" + BODY


@pytest.mark.parametrize("title", [
    "某省甲厅2025年法治政府建设工作情况",  # as the department calls it: 工作情况
    "乙县2025年度法治政府建设工作总结",
    "丙市人民政府2025年法治政府建设年度报告",
])
def test_a_line_above_metadata_rows_is_no_part_of_the_title_below_them(title):
    """A title's lines follow one another: a page's section label above the
    metadata rows is furniture, not the first line of the title under them."""
    text = INFO_PAGE.format(title=title)
    doc = document(text)
    assert doc.title_text == title and [ln.number for ln in doc.title] == [8]
    assert [ln.number for ln in doc.residue] == [1, 3, 4, 5, 6, 10]
    assert ("FZ308", 1) in codes(text, select=["FZ308"])


@pytest.mark.parametrize("title, kept", [
    ("关于2025年度法治政府建设情况的报告", [1, 8]),  # no organ of its own below: the line above may be the title's
    ("2025年法治政府建设年度报告", [1, 8]),  # begins with the year: the same
])
def test_a_line_above_metadata_rows_stays_in_a_title_that_needs_it(title, kept):
    doc = document(INFO_PAGE.format(title=title).replace("政府信息公开", "丁县人民政府", 1))
    assert [ln.number for ln in doc.title] == kept



# Issue 13, a twelfth set: a page's metadata as a pipe table (labels with their
# colons, a Markdown rule, rows whose labels are no metadata label), a share bar,
# a news column's name on the first line, an office's name and date under a page
# headline, and a banner, link bar and time stamp above the title.
META_TABLE = ("| 索引号: | 0000000001/2026-00628 | 分类: | |\n|---|---|---|---|\n| 发文机关: | 甲县应急管理局 | 发文日期: | |\n"
              "| 公开形式 | 责任部门 | ||\n| 生成日期 | 2026-01-16 18:00:00 | 是否有效 |\n")


def test_a_metadata_pipe_table_is_furniture_as_a_whole_and_the_title_below_is_found():
    text = META_TABLE + "甲县应急管理局\n2025年法治政府建设报告\n" + BODY
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [1, 2, 3, 4, 5] and [ln.number for ln in doc.title] == [6, 7]
    assert codes(text, select=["FZ301", "FZ302", "FZ308", "FZ506"]) == [("FZ308", k) for k in range(1, 6)]


def test_a_metadata_pipe_table_above_the_body_is_no_title():
    text = META_TABLE + BODY
    doc = document(text)
    assert doc.title == [] and [ln.number for ln in doc.residue] == [1, 2, 3, 4, 5]
    assert codes(text, select=["FZ301", "FZ302", "FZ506"]) == [("FZ301", 6)]


@pytest.mark.parametrize("table", [
    # a table of the report's own, in its preface: no metadata row in it
    "| 指标 | 2024年 | 2025年 |\n|---|---|---|\n| 行政复议案件 | 40件 | 45件 |\n",
    # columns a page's metadata has too, each row the report's
    "| 文件名称 | 发文机关 | 公开方式 | 是否有效 |\n|---|---|---|---|\n| 某办法 | 县司法局 | 主动公开 | 是 |\n"
    "| 某规定 | 县财政局 | 主动公开 | 否 |\n",
])
def test_a_report_s_own_table_is_not_furniture(table):
    text = f"{TITLE}\n区委、区政府：\n{table}一、主要举措和成效\n| 序号 | 工作任务 | 责任部门 |\n|---|---|---|\n| 1 | 甲 | 乙 |\n"
    assert document(text).residue == []


def test_a_metadata_table_row_apart_from_the_table_does_not_carry_the_next_table():
    # the rows of a table follow one another: a blank line ends the page's table
    text = f"| 索引号 | 0000000001/2026-00001 |\n| 发文字号 | |\n\n| 指标 | 2025年，行政复议案件45件 |\n{TITLE}\n一、主要举措和成效\n正文。\n"
    assert [ln.number for ln in document(text).residue] == [1, 2]


@pytest.mark.parametrize("bar, n", [("分享 微信\n头条\n微博 空间 qq", 3), ("分享到：\n微信 朋友圈 QQ空间", 2), ("分享至 微博|微信", 1)])
def test_a_share_bar_under_the_title_is_furniture_and_no_part_of_the_title(bar, n):
    text = f"{TITLE}\n2026-01-21 08:55     来源:某市人民政府办公室\n{bar}\n【字体: 打印\n" + BODY
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and [ln.number for ln in doc.residue] == list(range(2, n + 4))


@pytest.mark.parametrize("lines", ["微信\n微博", "分享经验做法\n微信", "头条"])
def test_share_sites_without_the_bar_s_label_are_not_furniture(lines):
    text = f"一、主要举措和成效\n全年通过以下平台公开信息：\n{lines}\n正文。\n"
    assert document(text).residue == []


@pytest.mark.parametrize("column", ["省部要闻", "工作动态", "图片新闻"])
def test_a_news_column_s_name_on_the_first_line_is_furniture(column):
    text = f"{column}\n  2025年，某部深入推进法治政府建设。\n一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert doc.title == [] and [ln.number for ln in doc.residue] == [1]
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ301", 2)]
    doc = document(f"{column}\n{TITLE}\n{BODY}")
    assert [ln.number for ln in doc.residue] == [1] and [ln.number for ln in doc.title] == [2]


@pytest.mark.parametrize("first", ["甲县法治政府建设动态评估", "甲县人民政府"])
def test_a_first_line_that_is_no_news_column_stays(first):
    doc = document(f"{first}\n2025年法治政府建设情况报告\n{BODY}")
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1, 2]


def test_a_page_headline_and_an_office_s_date_line_above_the_title_are_furniture():
    text = ("2025年法治政府建设工作年度报告\n政策法规科 2026-01-05\n\n\n甲市人力资源和社会保障局\n\n"
            "2025年法治政府建设工作年度报告\n\n" + BODY)
    doc = document(text)
    assert [ln.number for ln in doc.title] == [5, 7] and [ln.number for ln in doc.residue] == [1, 2]
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ308", 2)]


@pytest.mark.parametrize("below", ["市委、市政府：\n", "2025年，我县深入推进法治政府建设。\n", "工作情况\n"])
def test_an_office_s_date_line_under_the_title_ends_it(below):
    text = f"{TITLE}\n法规处 2026-03-15\n{below}一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert [ln.number for ln in doc.title] == [1] and [ln.number for ln in doc.residue] == [2]


def test_a_banner_a_link_bar_and_a_time_stamp_above_the_title_are_furniture():
    text = ("今天是:\n\n中国政府网|某省政府网|繁体|无障碍\n\n2026-01-20 17:01  |  某市水务局\n\n"
            "市水务局2025年度法治政府建设情况报告\n\n\n" + BODY)
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [1, 3, 5] and [ln.number for ln in doc.title] == [7]
    assert codes(text, select=["FZ301", "FZ308", "FZ506"]) == [("FZ308", 1), ("FZ308", 3), ("FZ308", 5)]


def test_a_site_menu_bar_right_above_the_title_is_no_part_of_it():
    text = f"新闻中心 组织机构 信息公开 在线办事 政民互动\n{TITLE}\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [1] and [ln.number for ln in doc.title] == [2]


# fresh13: lone table borders, metadata given as values only, a page's field line in other
# orders, and the title written twice with the page's source and date between the copies.

@pytest.mark.parametrize("border", ["|", "｜", " | ", "|---|---|", "| :--- | ---: |"])
def test_a_lone_table_border_is_furniture_and_never_a_title(border):
    text = f"{border}\n某县委、县政府：\n2025年，我县深入推进法治政府建设。\n一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert doc.title == [] and [ln.number for ln in doc.residue] == [1] and doc.recipient.number == 2
    assert codes(text, select=["FZ301", "FZ302", "FZ308"]) == [("FZ308", 1), ("FZ301", 3)]


def test_a_table_in_the_body_keeps_its_rule_row():
    text = f"{TITLE}\n一、主要举措和成效\n| 项目 | 件数 |\n|---|---|\n| 审核 | 12 |\n"
    doc = document(text)
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1]


GARBLED_LIST = ("当前位置:首页 > 某县教委 > 政务公开\n  • [ 索号 ]\n  • 000000000/2026-00004\n  • [ 发文字号 ]\n"
                "  • 某教工委发〔2026〕1号\n  • [ 主题分类 ]\n  • 教育\n  • [ 体裁分类 ]\n  • 其他\n"
                "  • [ 发布机构 ]\n  • 某县教委\n  • [ 有性 ]\n"
                "中共某县教育工作委员会 某县教育委员会 关于2025年法治政府建设情况的报告\n日期:2026-01-15\n\n"
                "中共某县教育工作委员会\n\n某县教育委员会\n\n关于2025年法治政府建设情况的报告\n\n" + BODY)


def test_a_bullet_metadata_list_with_garbled_labels_is_furniture_and_the_title_copy_below_it_too():
    doc = document(GARBLED_LIST)
    assert [ln.number for ln in doc.title] == [16, 18, 20]
    assert [ln.number for ln in doc.residue] == list(range(1, 15))
    assert [c for c in codes(GARBLED_LIST, select=["FZ302", "FZ308", "FZ506"]) if c[0] != "FZ308"] == []
    assert [n for c, n in codes(GARBLED_LIST, select=["FZ308"])] == list(range(1, 15))


def test_a_bullet_list_of_bracketed_labels_without_page_metadata_stays():
    text = f"{TITLE}\n某县委、县政府：\n  • [ 亮点 ]\n  • 审核规范性文件12件。\n  • [ 难点 ]\n  • 基层力量不足。\n一、主要举措和成效\n正文。\n"
    doc = document(text)
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1] and doc.recipient.number == 2


@pytest.mark.parametrize("row", ["公开范围 面向全社会", "发布机构 甲镇人民政府", "成文日期 2026-03-14",
                                 "公开方式\u3000主动公开", "000000000/2026-00012", "11000000000000000X/2026-1234567"])
def test_a_metadata_value_row_above_the_title_is_furniture_and_no_part_of_it(row):
    text = f"首页\n索引号 000000000/2026-00012\n{row}\n甲镇2025年度法治政府建设工作报告\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [1, 2, 3] and [ln.number for ln in doc.title] == [4]


@pytest.mark.parametrize("line", ["公开范围 面向全社会", "000000000/2026-00012"])
def test_a_value_row_under_the_first_heading_is_left_alone(line):
    doc = document(f"{TITLE}\n一、主要举措和成效\n{line}\n正文。\n")
    assert doc.residue == []


@pytest.mark.parametrize("line", ["公开范围进一步扩大", "公开方式 主动公开，全年公开文件12件。", "发布机构 某县人民政府 负责解释"])
def test_a_report_line_that_begins_with_a_metadata_label_stays(line):
    doc = document(f"{TITLE}\n某县委、县政府：\n{line}\n{BODY}")
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1] and doc.recipient.number == 2


@pytest.mark.parametrize("fields", ["浏览:321次 时间:2026-01-05 来源:本站", "时间:2026-01-05 来源:本站 浏览:321",
                                    "某市人民政府门户网站 www.example.gov.cn 时间:2026-03-09 来源:某县人民政府",
                                    "发布时间: 2026-03-14 11:29 信息来源: 甲街道 信息来源: 甲街道"])
def test_a_page_s_field_line_in_any_order_is_furniture(fields):
    text = f"{TITLE}\n{fields}\n{BODY}"
    doc = document(text)
    assert [ln.number for ln in doc.residue] == [2] and [ln.number for ln in doc.title] == [1]
    assert codes(text, select=["FZ308", "FZ506"]) == [("FZ308", 2)]


@pytest.mark.parametrize("line", ["本次检查 时间:2026-01-05,来源:本站统计。", "培训 时间:2026-01-05 地点:某县会议室",
                                  "据统计 来源:某县司法局 时间:2026年1月5日前已全部办结。"])
def test_a_report_line_with_a_time_field_is_no_page_field_line(line):
    doc = document(f"{TITLE}\n{line}\n{BODY}")
    assert doc.residue == []


def test_a_title_written_twice_with_the_page_s_index_number_organ_and_date_between_keeps_one_copy():
    text = ("无障碍阅读 关怀版 返回首页\n政府信息公开\n某区2025年度法治政府建设报告\n000000000000000000/2026-0000001\n"
            "某区人民政府\n2026-03-19\n\n某区2025年度法治政府建设报告\n\n字号:\n\n打印整页 打印内容 分享\n\n" + BODY)
    doc = document(text)
    assert [ln.number for ln in doc.title] == [8] and [ln.number for ln in doc.residue] == [1, 2, 3, 4, 5, 6, 10, 12]
    assert codes(text, select=["FZ302", "FZ308", "FZ506"]) == [("FZ308", n) for n in (1, 2, 3, 4, 5, 6, 10, 12)]


def test_a_date_under_the_title_of_a_draft_without_page_furniture_stays():
    doc = document(f"某区2025年度法治政府建设报告\n2026-03-19\n{BODY}")
    assert doc.residue == [] and [ln.number for ln in doc.title] == [1]


def test_a_title_written_twice_around_the_page_s_site_and_date_line_keeps_the_document_s_copy():
    text = ("首页 > 专题专栏 > 法治政府建设年度报告\n\n某县人民政府关于2025年法治政府建设情况的报告\n\n"
            "某市人民政府门户网站 www.example.gov.cn 时间:2026-03-09 来源:某县人民政府\n\n"
            "  某县人民政府\n\n  关于2025年法治政府建设情况的报告\n\n\n" + BODY)
    doc = document(text)
    assert [ln.number for ln in doc.title] == [7, 9] and [ln.number for ln in doc.residue] == [1, 3, 5]


def test_a_headline_with_the_place_prefix_above_the_page_s_views_line_and_the_title_is_furniture():
    text = "某市某区甲乡2025年度法治政府建设 工作报告\n浏览:5072次 时间:2025-12-07 来源:本站\n\n甲乡2025年度法治政府建设工作报告\n\n" + BODY
    doc = document(text)
    assert [ln.number for ln in doc.title] == [4] and [ln.number for ln in doc.residue] == [1, 2]
    assert codes(text, select=["FZ308", "FZ506"]) == [("FZ308", 1), ("FZ308", 2)]
