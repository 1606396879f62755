"""Word's automatic numbering rendered as shown on screen."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docxbuild import abstract_num, num
from fzlint.formats.numbering import Numbering, format_number

W = nsdecls("w")


@pytest.mark.parametrize("n,fmt,shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (3, "taiwaneseCountingThousand", "三"),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "甲"), (2, "ideographZodiac", "丑"),
    (12, "ideographDigital", "一二"), (3, "chineseLegalSimplified", "叁"), (3, "decimalFullWidth", "３"),
    (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedParen", "⑶"), (21, "decimalEnclosedCircle", "21"),
    (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (28, "lowerLetter", "bb"), (5, "decimalZero", "05"),
    (7, "none", ""), (7, "somethingNew", "7"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def numbering(*parts: str) -> Numbering:
    return Numbering(parse_xml(f"<w:numbering {W}>{''.join(parts)}</w:numbering>"))


def ppr(num_id, ilvl=0):
    return parse_xml(f'<w:pPr {W}><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>')


def shown(numbering, paragraphs):
    return [numbering.render(ppr(n, lvl), None) for n, lvl in paragraphs]


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
    assert n.render(parse_xml(f"<w:pPr {W}/>"), None) == ""
    assert shown(n, [(0, 0), (99, 0), (1, 7)]) == ["", "", ""]
    assert Numbering(None).render(ppr(1), None) == ""


def test_numbering_carried_by_a_style():
    # A heading style linked to level 1 of a list (w:pStyle in the level), as Word's multilevel headings are.
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/>'
              '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
              '<w:pStyle w:val="H2"/><w:lvlText w:val="（%2）"/></w:lvl>')
    n = Numbering(parse_xml(f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                            f'<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>'),
                  {"H1": {"numId": "4", "ilvl": None}, "H2": {"numId": "4", "ilvl": None}})
    empty = parse_xml(f"<w:pPr {W}/>")
    assert [n.render(empty, s) for s in ("H1", "H2", "H2", "H1", "Normal")] == ["一、", "（一）", "（二）", "二、", ""]


def test_a_numbered_style_in_a_document_without_a_numbering_part_shows_no_number():
    # styles.xml may name a list (w:numPr in a style) that numbering.xml, absent
    # here, does not define: no number, and no internal error.
    n = Numbering(None, {"S1": {"numId": "3", "ilvl": None}})
    assert n.render(None, "S1") == ""
