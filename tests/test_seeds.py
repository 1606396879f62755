"""The five real reports: exactly the findings fzlint must give, and no others."""

from __future__ import annotations

import pytest

from conftest import linter, seed

H = [6, 8, 10, 12, 14, 17, 18, 19, 20, 22, 23, 24, 27, 28, 29, 30]  # 000's (一) headings

# Structure, headings, front and back matter (FZ1–FZ3).
EXPECTED = {
    # Chongqing street office: complete and dated; duties before shortcomings;
    # its (一) markers are half-width, as everywhere in a web conversion.
    0: sorted([("FZ203", n) for n in H] + [("FZ104", 21)], key=lambda x: (x[1], x[0])),
    # Web copy: browser warnings and breadcrumb above, share links below, no
    # title, recipient, date or signature; problems listed without causes.
    1: [("FZ308", 1), ("FZ308", 2), ("FZ308", 3), ("FZ308", 4), ("FZ301", 5), ("FZ309", 5),
        ("FZ203", 6), ("FZ203", 8), ("FZ203", 13), ("FZ203", 18), ("FZ203", 22), ("FZ203", 23),
        ("FZ203", 24), ("FZ102", 26), ("FZ104", 26), ("FZ203", 27), ("FZ203", 28), ("FZ203", 29),
        ("FZ203", 32), ("FZ203", 34), ("FZ203", 36), ("FZ203", 38), ("FZ303", 39), ("FZ307", 39),
        ("FZ308", 40), ("FZ308", 41)],
    # Four topic parts only: no shortcomings, no duties, the plan a closing
    # 下一步 paragraph; the last heading runs into its body.
    2: [("FZ309", 1), ("FZ308", 4), ("FZ204", 14), ("FZ101", 16), ("FZ101", 16), ("FZ103", 16),
        ("FZ303", 16), ("FZ307", 16)],
    # No title; parts in the regulation's order; causes never analysed.
    3: [("FZ301", 1), ("FZ309", 1), ("FZ203", 3), ("FZ203", 7), ("FZ203", 12), ("FZ102", 18),
        ("FZ203", 19), ("FZ203", 20), ("FZ203", 21), ("FZ203", 25), ("FZ203", 26), ("FZ203", 27),
        ("FZ203", 28), ("FZ303", 28), ("FZ307", 28)],
    # Web copy with the page headline repeating the title; 特此报告 but no
    # signature or date.
    4: [("FZ308", 1), ("FZ308", 2), ("FZ308", 4), ("FZ308", 6), ("FZ203", 30), ("FZ203", 34),
        ("FZ102", 38), ("FZ104", 38), ("FZ203", 44), ("FZ203", 48), ("FZ203", 52), ("FZ203", 56),
        ("FZ203", 60), ("FZ203", 64), ("FZ303", 68), ("FZ307", 68), ("FZ308", 73), ("FZ308", 75)],
}


# Evidence (FZ4), each finding read and judged as a reviewer would.
EVIDENCE = {
    # 广泛好评 after counts of activities; every shortcoming a stock phrase; no plan
    # item with a target, deadline or owner. The three “有效/不断提升……水平” after a
    # measure (lines 9, 11, 13) are its aim, not a claimed result (issue 13), as are
    # 001's 切实提升审查质量 (9) and 切实提高……水平 (17), 002's 切实增强依法行政意识 (8)
    # and 004's 不断提升……应诉能力 (26).
    # FZ410: nothing on government functions (放管服, 营商环境: its 普法责任清单 is no list
    # of powers) or emergencies (突发事件应对); FZ411: the duties part is all
    # pledges (亲自部署、定期听取汇报) with no meeting counted, no 述法, no 学法.
    0: [("FZ410", 5), ("FZ401", 7), ("FZ411", 16), ("FZ406", 21),
        ("FZ407", 27), ("FZ407", 28), ("FZ407", 29), ("FZ407", 30)],
    1: [("FZ402", 14), ("FZ404", 14), ("FZ401", 15), ("FZ401", 19),
        ("FZ404", 25), ("FZ407", 32), ("FZ407", 34), ("FZ407", 36), ("FZ407", 38)],
    # Few figures (11 of 43 statements), 数万人次, 一大批 twice, 今年以来, 近年来 three times, 目前;
    # two contributions claimed with no figure (为经济社会发展提供了强有力的法治保障,
    # 为项目建设提供了宽容的执法环境, line 10: issue 13).
    # FZ410: nothing on normative documents, emergencies or oversight (no duties part: no FZ411).
    2: [("FZ404", 6), ("FZ403", 8), ("FZ410", 8), ("FZ402", 8), ("FZ404", 8), ("FZ404", 8),
        ("FZ401", 10), ("FZ404", 10), ("FZ402", 10), ("FZ404", 10), ("FZ401", 10), ("FZ404", 12), ("FZ404", 12), ("FZ402", 12),
        ("FZ404", 14), ("FZ404", 14)],
    # FZ410: nothing on normative documents (规范性制度建设 is internal rules) or emergencies
    # (安全生产 is enforcement); its duties part names 述法 (述职述廉述法制度): no FZ411.
    3: [("FZ410", 2), ("FZ401", 5), ("FZ404", 14), ("FZ404", 14), ("FZ401", 15), ("FZ401", 15), ("FZ404", 16),
        ("FZ404", 16), ("FZ401", 16), ("FZ404", 17), ("FZ404", 17), ("FZ404", 17), ("FZ404", 17),
        ("FZ404", 17), ("FZ407", 26), ("FZ407", 27), ("FZ407", 28)],
    # FZ410: a department's short report: nothing on government functions, normative
    # documents, emergencies or technology.
    4: [("FZ410", 18), ("FZ407", 44), ("FZ407", 48), ("FZ407", 56), ("FZ407", 60), ("FZ407", 64)],
}


# Language and terminology (FZ5, FZ6). Every seed is a web conversion with
# half-width marks (FZ501, one finding per line); the rest each read and judged.
HALFWIDTH = {
    0: [3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 22, 23, 24, 26, 27, 28, 29, 30, 34],
    1: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 27, 28, 29, 31, 33, 35, 37, 39],
    2: [6, 8, 10, 12, 14, 16],
    3: [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 25, 26, 27, 28],
    4: [14, 16, 20, 22, 24, 26, 32, 36, 40, 46, 50, 54, 58, 62, 66],
}
LANGUAGE = {
    0: [],
    # 宪法、民法典 cited without 《》 (the same report writes 《民法典》《宪法》 at line 39);
    # 推行法治建设 for the statutory 推进法治建设 in the duties heading.
    1: [("FZ503", 16), ("FZ503", 16), ("FZ601", 21)],
    # A 2023 report with the 2015—2020 goal formula 廉洁高效、守法诚信; 法制宣传教育;
    # 宪法、民法典、禁毒法 without 《》.
    2: [("FZ602", 6), ("FZ601", 8), ("FZ503", 12), ("FZ503", 12), ("FZ503", 12)],
    # 《法治政府建设实施纲要(2021-2025年)》: the 纲要's title has the dash, 2021—2025年.
    3: [("FZ507", 1)],
    # Two paragraphs cut off without a full stop; 于1011日; 《法治中国建设规划(2021-2025年)》
    # and 《法治政府建设实施纲要(2021-2025年)》 with a hyphen (FZ507), the first of 2020—2025 (FZ604);
    # 法律明白人”“法治带头人.
    4: [("FZ506", 24), ("FZ506", 26), ("FZ504", 32), ("FZ507", 46), ("FZ507", 46), ("FZ604", 46), ("FZ502", 50),
        ("FZ502", 50)],
}
for _n, _lines in HALFWIDTH.items():
    LANGUAGE[_n] = sorted(LANGUAGE[_n] + [("FZ501", n) for n in _lines], key=lambda x: x[1])


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_structure_findings_exactly(number):
    findings = linter(select=["FZ1", "FZ2", "FZ3", "FZ9"]).lint_file(str(seed(number))).findings
    assert [(f.code, f.line) for f in findings] == EXPECTED[number]


@pytest.mark.parametrize("number", sorted(EVIDENCE))
def test_seed_evidence_findings_exactly(number):
    findings = linter(select=["FZ4"]).lint_file(str(seed(number))).findings
    assert [(f.code, f.line) for f in findings] == EVIDENCE[number]


@pytest.mark.parametrize("number", sorted(LANGUAGE))
def test_seed_language_findings_exactly(number):
    findings = linter(select=["FZ5", "FZ6"]).lint_file(str(seed(number))).findings
    assert sorted((f.code, f.line) for f in findings) == sorted(LANGUAGE[number])


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_all_rules_together_give_the_union(number):
    findings = linter().lint_file(str(seed(number))).findings
    assert sorted((f.code, f.line) for f in findings) == sorted(EXPECTED[number] + EVIDENCE[number] + LANGUAGE[number])


def test_002_missing_parts_are_duties_and_shortcomings():
    findings = linter(select=["FZ101", "FZ103"]).lint_file(str(seed(2))).findings
    messages = [(f.code, f.message) for f in findings]
    assert any(code == "FZ101" and "第一责任人" in m for code, m in messages)
    assert any(code == "FZ101" and "不足和原因" in m for code, m in messages)
    assert any(code == "FZ103" and "下一年度" in m for code, m in messages)


def test_000_has_no_error_in_structure_headings_or_matter():
    findings = linter(select=["FZ1", "FZ2", "FZ3"]).lint_file(str(seed(0))).findings
    assert [f for f in findings if f.severity.label == "error"] == []
    assert [(f.code, f.line, f.severity.label) for f in findings if f.code == "FZ104"] == [("FZ104", 21, "info")]


def test_002_plan_is_reported_in_passing_not_missing():
    findings = linter(select=["FZ101", "FZ103"]).lint_file(str(seed(2))).findings
    f103 = [f for f in findings if f.code == "FZ103"]
    assert len(f103) == 1 and f103[0].line == 16 and f103[0].column == 1
