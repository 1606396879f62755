"""Variants of seed 000 made in the tests: each fault, made once, is found once."""

from __future__ import annotations

import codecs
import re

import pytest

from conftest import codes, lint, linter, seed_text

CN = "一二三四"


def base() -> list[str]:
    """Seed 000 with its half-width (一) markers made full-width, so FZ203 stays quiet."""
    text = re.sub(r"^\((.)\)", r"（\1）", seed_text(0), flags=re.M)
    return text.split("\n")


def join(lines: list[str]) -> str:
    return "\n".join(lines)


def without_part(lines: list[str], start: int, end: int) -> list[str]:
    """Drop lines start..end (1-based, inclusive) and renumber the level-1 headings."""
    kept = lines[: start - 1] + lines[end:]
    out, n = [], 0
    for line in kept:
        if re.match(r"^[一二三四五]、", line):
            line = CN[n] + line[1:]
            n += 1
        out.append(line)
    return out


def test_base_variant_is_clean_of_structure_errors():
    assert codes(join(base()), select=["FZ1", "FZ2", "FZ3"]) == [("FZ104", 21)]


@pytest.mark.parametrize("start,end,role,line", [
    (5, 15, "主要举措和成效", 5),       # measures gone: points at the duties part that now opens the body
    (21, 24, "存在的不足和原因", 16),    # shortcomings gone: points at the duties part that should follow it
    (16, 20, "第一责任人职责履行情况", 20),  # duties gone: points at the plan part
    (25, 30, "下一年度主要安排", 24),     # plan gone: points at the body's last line
])
def test_deleting_a_part_gives_fz101_for_exactly_that_role(start, end, role, line):
    findings = lint(join(without_part(base(), start, end)), select=["FZ1", "FZ2"])
    missing = [f for f in findings if f.code == "FZ101"]
    assert [(f.line, f"“{role}”" in f.message) for f in missing] == [(line, True)]
    assert not [f for f in findings if f.code in ("FZ103", "FZ201", "FZ202")]


def test_renumbering_three_as_four_gives_fz201():
    lines = base()
    lines[20] = lines[20].replace("三、", "四、", 1)
    assert codes(join(lines), select=["FZ201"]) == [("FZ201", 21)]


def test_a_second_yi_gives_fz201():
    lines = base()
    lines[7] = lines[7].replace("（二）", "（一）", 1)
    findings = lint(join(lines), select=["FZ201"])
    assert [(f.code, f.line) for f in findings] == [("FZ201", 8)]
    assert "（二）" in findings[0].message


def test_changing_the_plan_year_gives_fz306():
    lines = base()
    lines[24] = "四、2024年度推进法治政府建设的主要安排"
    findings = lint(join(lines), select=["FZ306"])
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("FZ306", 25, 3, 7)]
    assert "2023" in findings[0].message


def test_a_date_after_1_april_gives_fz305():
    lines = base()
    lines[32] = "2023年4月15日"
    assert codes(join(lines), select=["FZ3"]) == [("FZ305", 33)]


def test_1_april_itself_is_on_time():
    lines = base()
    lines[32] = "2023年4月1日"
    assert codes(join(lines), select=["FZ3"]) == []


def test_leading_zeros_give_fz304_with_a_fix():
    lines = base()
    lines[32] = "2023年01月30日"
    findings = lint(join(lines), select=["FZ3"])
    assert [(f.code, f.line) for f in findings] == [("FZ304", 33)]
    assert findings[0].fix.replacement == "2023年1月30日"


def test_punctuation_after_a_bracket_gives_fz203():
    lines = base()
    lines[5] = lines[5].replace("（一）", "（一）、", 1)
    findings = lint(join(lines), select=["FZ2"])
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("FZ203", 6, 1, 5)]
    assert findings[0].fix.replacement == "（一）"
    assert "括号后不应再加标点" in findings[0].message


def test_the_seed_itself_half_width_brackets_are_fz203():
    findings = lint(seed_text(0), select=["FZ203"])
    assert len(findings) == 16 and all("半角括号" in f.message for f in findings)


@pytest.mark.parametrize("encoding,newline", [
    ("gb18030", "\n"), ("utf-16-le", "\n"), ("utf-16-be", "\r\n"), ("utf-8", "\r\n"), ("utf-8-sig", "\r\n"), ("utf-8", "\r"),
])
def test_encodings_and_line_endings_give_identical_findings(tmp_path, encoding, newline):
    text = seed_text(0)
    path = tmp_path / "draft.txt"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    reference = [(f.code, f.line, f.column, f.end_column, f.message) for f in lint(text)]
    result = linter().lint_file(str(path))
    assert result.encoding == encoding
    assert [(f.code, f.line, f.column, f.end_column, f.message) for f in result.findings] == reference
