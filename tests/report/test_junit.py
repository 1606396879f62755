"""--format junit: parsed back with ElementTree, one testcase per file and rule."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from itertools import groupby

import pytest
from click.testing import CliRunner

from conftest import linter, seed
from fzlint.cli import main
from fzlint.model import Finding, Severity
from fzlint.pipeline import FileResult
from fzlint.report import Output, junit


def parse(results, lang="zh") -> ET.Element:
    root = ET.fromstring(junit.render(results, Output(lang=lang)))
    assert root.tag == "testsuites"
    return root


def cases(root: ET.Element) -> list[tuple]:
    """(classname, name, child tag, type, message, text) of every testcase."""
    out = []
    for case in root.iter("testcase"):
        children = list(case)
        assert len(children) <= 1
        child = children[0] if children else None
        out.append((case.get("classname"), case.get("name")) + (
            (None,) * 4 if child is None else (child.tag, child.get("type"), child.get("message"), child.text)))
    return out


@pytest.mark.parametrize("number", range(5))
def test_one_failing_testcase_per_rule_listing_its_findings(number):
    result = linter().lint_file(str(seed(number)))
    root = parse([result])
    path = str(seed(number))
    expected = []
    for (code, name), group in groupby(sorted(result.findings, key=lambda f: f.code), key=lambda f: (f.code, f.name)):
        group = list(group)
        severity = group[0].severity.label
        counted = {"error": "个错误", "warning": "个警告", "info": "条提示"}[severity]
        expected.append((path, f"{code} {name}", "failure", severity, f"{len(group)} {counted}",
                         "\n".join(f"{f.line}:{f.column} {f.message}" for f in group)))
    assert cases(root) == expected
    rules = len({f.code for f in result.findings})
    assert rules == (8, 15, 16, 12, 14)[number]
    [suite] = root
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == (str(rules), str(rules), "0")
    assert suite.get("name") == "fzlint"


def test_the_five_seeds_in_one_suite():
    results = [linter().lint_file(str(seed(n))) for n in range(5)]
    root = parse(results)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("65", "65", "0")
    lines = [line for case in root.iter("failure") for line in case.text.split("\n")]
    assert len(lines) == 50 + 65 + 35 + 58 + 47
    assert Counter(case.get("classname") for case in root.iter("testcase")) == {
        str(seed(n)): rules for n, rules in enumerate((8, 15, 16, 12, 14))}


def test_a_rule_with_many_findings_counts_them_in_english():
    result = linter(select=["FZ501"]).lint_file(str(seed(0)))
    [case] = cases(parse([result], lang="en"))
    assert case[:5] == (str(seed(0)), "FZ501 halfwidth-punctuation", "failure", "warning", "25 warnings")
    assert case[5].split("\n")[0] == f"3:7 {result.findings[0].message}"


def test_a_clean_file_is_one_passing_testcase():
    result = linter(select=["FZ603"]).lint_file(str(seed(0)))
    assert result.findings == []
    root = parse([result])
    assert cases(root) == [(str(seed(0)), "fzlint", None, None, None, None)]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")


def test_an_unreadable_file_is_a_testcase_with_an_error(tmp_path):
    missing = tmp_path / "missing.txt"
    results = [linter().lint_file(str(missing)), linter(select=["FZ603"]).lint_file(str(seed(1)))]
    root = parse(results)
    assert cases(root) == [
        (str(missing), "FZ901 unreadable", "error", "FZ901", results[0].findings[0].message, None),
        (str(seed(1)), "fzlint", None, None, None, None),
    ]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "1")


def test_markup_and_characters_xml_cannot_hold_survive():
    message = 'a <b> & "c"\n\x0c\x00 d'
    findings = [Finding("x&<y>.txt", "FZ502", "unbalanced-pairs", Severity.ERROR, 2, 3, 2, 4, message),
                Finding("x&<y>.txt", "FZ502", "unbalanced-pairs", Severity.ERROR, 9, 1, 9, 2, "e")]
    [case] = cases(parse([FileResult("x&<y>.txt", "utf-8", findings)], lang="en"))
    assert case == ("x&<y>.txt", "FZ502 unbalanced-pairs", "failure", "error", "2 errors",
                    '2:3 a <b> & "c"\n\ufffd\ufffd d\n9:1 e')


def test_command_line_writes_the_report_to_a_file(tmp_path):
    target = tmp_path / "fzlint.xml"
    runner = CliRunner()
    result = runner.invoke(main, ["--format", "junit", "-o", str(target), str(seed(4)), str(tmp_path / "none.txt")])
    assert (result.exit_code, result.output) == (2, "")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites ")
    root = ET.fromstring(text)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("15", "14", "1")
    names = [c.get("name") for c in root.iter("testcase")]
    assert names[:2] == ["FZ901 unreadable", "FZ102 shortcomings-without-causes"]
