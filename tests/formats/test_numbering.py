"""Word's automatic numbering rendered as shown on screen."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docxbuild import abstract_num, num
from fzlint.formats.numbering import Numbering, format_number, integer

W = nsdecls("w")


@pytest.mark.parametrize("n,fmt,shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (3, "taiwaneseCountingThousand", "三"),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "甲"), (2, "ideographZodiac", "丑"),
    (12, "ideographDigital", "一二"), (3, "chineseLegalSimplified", "叁"), (3, "decimalFullWidth", "３"),
    (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedParen", "⑶"), (21, "decimalEnclosedCircle", "21"),
    (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (28, "lowerLetter", "bb"), (5, "decimalZero", "05"),
    (7, "none", ""), (7, "somethingNew", "7"),
    # Chinese counting at any size, read as cn_numeral reads it (it stopped at 999)
    (0, "chineseCounting", "〇"), (1001, "chineseCounting", "一千零一"), (10001, "chineseCounting", "一万零一"),
    (32767, "chineseCountingThousand", "三万二千七百六十七"), (1010, "chineseLegalSimplified", "壹仟零壹拾"),
    (20000, "ideographLegalTraditional", "貳萬"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def numbering(*parts: str) -> Numbering:
    return Numbering(parse_xml(f"<w:numbering {W}>{''.join(parts)}</w:numbering>"))


def shown(numbering, paragraphs):
    return [numbering.render(str(n), str(lvl), None) for n, lvl in paragraphs]


def test_levels_count_and_restart_under_their_parent():
    n = numbering(abstract_num(1), num(1, 1))
    assert shown(n, [(1, 0), (1, 1), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2), (1, 3)]) == [
        "一、", "（一）", "（二）", "1.", "二、", "（一）", "1.", "（1）"]


def test_instances_of_one_definition_continue_unless_they_override_the_start():
    n = numbering(abstract_num(1), num(1, 1), num(2, 1), num(3, 1, restart_level=0))
    assert shown(n, [(1, 0), (2, 0), (3, 0), (3, 0), (1, 0)]) == ["一、", "二、", "一、", "二、", "三、"]


def test_level_override_start_restart_rule_legal_numbers_and_bullets():
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1部分"/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>'
              '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>')
    n = numbering(f'<w:abstractNum {W} w:abstractNumId="5">{levels}</w:abstractNum>',
                  f'<w:num {W} w:numId="7"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0">'
                  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl>'
                  f'</w:lvlOverride></w:num>', num(8, 5))
    assert shown(n, [(8, 0), (8, 1), (8, 0), (8, 1), (8, 2)]) == ["第三部分", "3.1", "第四部分", "4.2", ""]
    assert shown(n, [(7, 0), (7, 0)]) == ["1、", "2、"]


def test_no_numbering_explicit_removal_and_unknown_ids():
    n = numbering(abstract_num(1), num(1, 1))
    assert n.render(None, None, None) == ""
    assert shown(n, [(0, 0), (99, 0), (1, 7)]) == ["", "", ""]
    assert Numbering(None).render("1", "0", None) == ""


def test_numbering_carried_by_a_style():
    # A heading style linked to level 1 of a list (w:pStyle in the level), as Word's multilevel headings are.
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/>'
              '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
              '<w:pStyle w:val="H2"/><w:lvlText w:val="（%2）"/></w:lvl>')
    n = Numbering(parse_xml(f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                            f'<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>'),
                  {"H1": {"numId": "4", "ilvl": None}, "H2": {"numId": "4", "ilvl": None}})
    assert [n.render(None, None, s) for s in ("H1", "H2", "H2", "H1", "Normal")] == ["一、", "（一）", "（二）", "二、", ""]


def test_a_numbered_style_in_a_document_without_a_numbering_part_shows_no_number():
    # styles.xml may name a list (w:numPr in a style) that numbering.xml, absent
    # here, does not define: no number, and no internal error.
    n = Numbering(None, {"S1": {"numId": "3", "ilvl": None}})
    assert n.render(None, None, "S1") == ""


# -- numbers Word cannot read or show ----------------------------------------------

@pytest.mark.parametrize("value,read", [
    ("3", 3), (" 3 ", 3), ("+3", 3), ("007", 7), ("0" * 5000 + "7", 7), ("0", 0),
    ("-1", None), ("9", None),  # outside 0..8
    ("x", None), ("1.5", None), ("", None), ("²", None), ("٣", None), ("3 4", None), (None, None),
    ("9" * 5000, None),  # int() of it raises ValueError in Python 3.11 and later
])
def test_integer_reads_a_plain_decimal_within_its_range_or_gives_the_default(value, read):
    assert integer(value, 0, 8) == read
    assert integer(value, 0, 8, default=1) == (1 if read is None else read)


def lvl(ilvl, start='<w:start w:val="1"/>', fmt="chineseCounting", text="%1、", extra=""):
    return f'<w:lvl w:ilvl="{ilvl}">{start}<w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>'


def abstract(aid, *levels):
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def override(ilvl, start):
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


@pytest.mark.parametrize("junk", ["x", "1.5", "", "²", "9" * 5000, "-3", "40000"])
def test_a_start_that_cannot_be_read_counts_from_one_and_an_override_of_it_is_no_override(junk):
    n = numbering(abstract(1, lvl(0, start=f'<w:start w:val="{junk}"/>')),
                  f'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
                  abstract(2, lvl(0)), f'<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>',
                  f'<w:num w:numId="3"><w:abstractNumId w:val="2"/>{override(0, junk)}</w:num>')
    # 3 overrides nothing it can read, so it counts on its own from the definition's start.
    assert shown(n, [(1, 0), (1, 0), (2, 0), (3, 0), (2, 0)]) == ["一、", "二、", "一、", "一、", "二、"]


def test_the_largest_start_word_has_is_read_and_one_past_it_is_not():
    n = numbering(abstract(1, lvl(0, start='<w:start w:val="32767"/>', fmt="decimal", text="%1.")),
                  f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override(0, 32768)}</w:num>',
                  f'<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    assert shown(n, [(1, 0), (2, 0), (2, 0)]) == ["32767.", "32767.", "32768."]


@pytest.mark.parametrize("junk", ["x", "1.5", "", "²", "9" * 5000, "9"])
def test_a_level_or_override_of_no_level_word_has_is_left_out(junk):
    # Instance 1's override is no override, so 1 and 2 continue one another's counting.
    n = numbering(abstract(1, lvl(0), lvl(junk, text="（%2）")),
                  f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override(junk, 5)}</w:num>', num(2, 1))
    assert shown(n, [(1, 0), (2, 0), (1, 0), (1, 1)]) == ["一、", "二、", "三、", ""]


@pytest.mark.parametrize("junk", ["x", "1.5", "", "²", "9" * 5000])
def test_a_paragraph_level_or_restart_rule_that_cannot_be_read_is_as_if_absent(junk):
    n = numbering(abstract(1, lvl(0), lvl(1, text="（%2）", extra=f'<w:lvlRestart w:val="{junk}"/>')),
                  num(1, 1))
    assert shown(n, [(1, junk), (1, 1), (1, 1), (1, "0"), (1, 1)]) == ["一、", "（一）", "（二）", "二、", "（一）"]


def test_a_number_renders_within_the_31_characters_of_a_word_marker():
    assert format_number(26 * 31, "lowerLetter") == "z" * 31
    assert format_number(26 * 31 + 1, "upperLetter") == "807"
    assert format_number(1_040_000_000, "lowerLetter") == "1040000000"


@pytest.mark.parametrize("text", ["第" * 32 + "%1", "%1" * 10])
def test_a_level_text_word_cannot_show_gives_no_marker(text):
    n = numbering(abstract(1, lvl(0, text=text), lvl(1, text="（%2）")), num(1, 1))
    assert shown(n, [(1, 0), (1, 1)]) == ["", "（一）"]


def test_a_level_text_at_words_limits_is_shown():
    text = "第" * 22 + "%1" * 9
    n = numbering(abstract(1, lvl(0, text=text, fmt="decimal")), num(1, 1))
    assert shown(n, [(1, 0)]) == ["第" * 22 + "1" * 9]
