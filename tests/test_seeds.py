"""The five real reports: exactly the findings fzlint must give, and no others."""

from __future__ import annotations

import pytest

from conftest import linter, seed

H = [6, 8, 10, 12, 14, 17, 18, 19, 20, 22, 23, 24, 27, 28, 29, 30]  # 000's (一) headings

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


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_findings_exactly(number):
    findings = linter().lint_file(str(seed(number))).findings
    assert [(f.code, f.line) for f in findings] == EXPECTED[number]


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
