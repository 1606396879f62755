"""--format sarif: a valid SARIF 2.1.0 log whose results are the linter's findings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ROOT, linter, seed
from fzlint import __version__
from fzlint.cli import main
from fzlint.model import Finding, Fix, Severity, Source
from fzlint.pipeline import FileResult
from fzlint.report import Output, sarif

# The OASIS schema, kept with the fixtures so that SARIF logs are validated on any machine.
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results, lang="zh", rules=None) -> dict:
    out = Output(lang=lang, rules=linter().options.rules if rules is None else rules)
    log = json.loads(sarif.render(results, out))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(log)]
    assert errors == []
    return log


def test_the_schema_catches_a_broken_log():
    log = render([linter().lint_file(str(seed(0)))])
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(VALIDATOR.iter_errors(log))) == 2


@pytest.mark.parametrize("number", range(5))
def test_each_result_is_a_finding_of_the_seed(number, monkeypatch):
    monkeypatch.chdir(seed(number).parent)
    result = linter().lint_file(seed(number).name)
    log = render([result])
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    got = [(r["ruleId"], rules[r["ruleIndex"]]["id"], r["level"], r["message"]["text"],
            r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]]
    assert got == [(f.code, f.code, LEVELS[f.severity.label], f.message,
                    {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column})
                   for f in result.findings]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["artifacts"] == [{"location": {"uri": seed(number).name, "uriBaseId": "%SRCROOT%"}, "encoding": "UTF-8"}]
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_counts_on_the_five_seeds_in_one_run():
    results = [linter().lint_file(str(seed(n))) for n in range(5)]
    [run] = render(results)["runs"]
    assert len(run["results"]) == 50 + 65 + 35 + 58 + 47
    assert [sum(1 for r in run["results"] if r["level"] == level) for level in ("error", "warning", "note")] == [
        7, 216, 32]
    indexes = [r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]]
    assert indexes == [i for i, n in enumerate((50, 65, 35, 58, 47)) for _ in range(n)]
    assert sum(1 for r in run["results"] if "fixes" in r) == 41 + 44 + 10 + 36 + 25


def test_the_driver_describes_every_rule_that_ran():
    rules = linter().options.rules
    driver = render([], lang="en")["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("fzlint", __version__)
    assert "informationUri" not in driver  # fzlint has no public home page yet; the key is optional
    assert [d["id"] for d in driver["rules"]] == [r.code for r in rules] and len(rules) == 46
    fz203 = next(d for d in driver["rules"] if d["id"] == "FZ203")
    rule = next(r for r in rules if r.code == "FZ203")
    assert fz203["name"] == "marker-punctuation"
    assert fz203["shortDescription"] == {"text": rule.doc.what.en}
    assert fz203["fullDescription"] == {"text": rule.doc.why.en}
    assert fz203["defaultConfiguration"] == {"level": "warning"}
    assert fz203["help"]["text"].startswith("FZ203 marker-punctuation\nSeverity: warning; Fixable\n")
    assert f"**Wrong**:\n\n```text\n{rule.doc.wrong.rstrip()}\n```" in fz203["help"]["markdown"]
    assert f"**Right**:\n\n```text\n{rule.doc.right.rstrip()}\n```" in fz203["help"]["markdown"]
    levels = {d["id"]: d["defaultConfiguration"]["level"] for d in driver["rules"]}
    assert (levels["FZ101"], levels["FZ104"], levels["FZ501"]) == ("error", "note", "warning")


def test_rule_texts_follow_the_language():
    rule = next(r for r in linter().options.rules if r.code == "FZ101")
    [first] = render([], rules=[rule])["runs"][0]["tool"]["driver"]["rules"]
    assert first["shortDescription"]["text"] == rule.doc.what.zh
    assert first["help"]["markdown"].startswith(
        f"**检查什么**: {rule.doc.what.zh}\n\n**为什么**: {rule.doc.why.zh}\n\n**错误示例**:")


def test_a_safe_fix_is_a_replacement_that_repairs_the_line():
    path = seed(1)
    result = linter(select=["FZ601"]).lint_file(str(path))
    [entry] = render([result])["runs"][0]["results"]
    [change] = entry["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"] == entry["locations"][0]["physicalLocation"]["artifactLocation"]
    [replacement] = change["replacements"]
    assert replacement == {"deletedRegion": {"startLine": 21, "startColumn": 10, "endLine": 21, "endColumn": 16},
                           "insertedContent": {"text": "推进法治建设"}}
    line = path.read_text(encoding="utf-8").split("\n")[20]
    region = replacement["deletedRegion"]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "推行法治建设"  # columns count characters


def test_an_unsafe_fix_is_not_offered():
    findings = [Finding("a.txt", "FZ601", "term-substitution", Severity.WARNING, 2, 3, 2, 5, "m",
                        fix=Fix(2, 3, 5, "x", safe)) for safe in (True, False)]
    results = render([FileResult("a.txt", "utf-8", findings)])["runs"][0]["results"]
    assert ["fixes" in r for r in results] == [True, False]


def test_uris_are_escaped_and_relative_ones_rest_on_srcroot(tmp_path):
    names = ["报告 2023,定稿.txt", "sub/a%b.md", str(tmp_path / "绝对.txt")]
    results = [FileResult(name, "gb18030", []) for name in names]
    artifacts = render(results)["runs"][0]["artifacts"]
    assert artifacts == [
        {"location": {"uri": "%E6%8A%A5%E5%91%8A%202023%2C%E5%AE%9A%E7%A8%BF.txt", "uriBaseId": "%SRCROOT%"},
         "encoding": "GB18030"},
        {"location": {"uri": "sub/a%25b.md", "uriBaseId": "%SRCROOT%"}, "encoding": "GB18030"},
        {"location": {"uri": (tmp_path / "绝对.txt").as_uri()}, "encoding": "GB18030"},
    ]
    assert artifacts[2]["location"]["uri"].startswith("file:///")
    assert artifacts[2]["location"]["uri"].endswith("/%E7%BB%9D%E5%AF%B9.txt")


def test_an_unreadable_file_still_has_its_fz901_result(tmp_path):
    missing = tmp_path / "missing.txt"
    results = [linter().lint_file(str(missing)), linter().lint_file(str(seed(2)))]
    [run] = render(results)["runs"]
    first = run["results"][0]
    assert (first["ruleId"], first["level"]) == ("FZ901", "error")
    assert first["message"]["text"] == results[0].findings[0].message == "无法读取：文件不存在。其他文件照常检查。"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "FZ901"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": missing.as_uri(), "index": 0}
    assert len(run["results"]) == 1 + 35
    assert run["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": f"{missing}: 文件不存在"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": missing.as_uri(), "index": 0}}}]}]}]
    assert run["artifacts"][0] == {"location": {"uri": missing.as_uri()}}


def test_a_rule_that_is_not_described_has_no_rule_index():
    result = linter().lint_source(Source("draft.txt", "一、主要举措和成效\n今年以来，工作有序推进。\n", "utf-8"))
    [run] = render([result], rules=[])["runs"]
    assert run["tool"]["driver"]["rules"] == []
    assert [set(r) for r in run["results"]] == [{"ruleId", "level", "message", "locations"}] * 9
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in result.findings]


def test_a_docx_gets_lines_and_the_paragraphs_opening_words():
    path = ROOT / "tests" / "fixtures" / "000-libreoffice.docx"
    result = linter(select=["FZ501"]).lint_file(str(path))
    [run] = render([result])["runs"]
    first, finding = run["results"][0], result.findings[0]
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "endLine": 3}
    assert first["message"]["text"] == finding.message + " 〔“区委、区政府:”〕"
    assert len(run["results"]) == len(result.findings) and "encoding" not in run["artifacts"][0]
    assert all("fixes" not in r for r in run["results"])


def test_command_line_writes_the_log_to_a_file(tmp_path):
    target = tmp_path / "fzlint.sarif"
    runner = CliRunner()
    result = runner.invoke(main, ["--format", "sarif", "--output", str(target), str(seed(2))])
    assert (result.exit_code, result.output) == (1, "")
    log = json.loads(target.read_text(encoding="utf-8"))
    assert list(VALIDATOR.iter_errors(log)) == []
    plain = json.loads(runner.invoke(main, ["--format", "json", str(seed(2))]).output)
    expected = [(d["code"], d["line"], d["column"]) for d in plain["files"][0]["diagnostics"]]
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in log["runs"][0]["results"]]
    assert got == expected and len(got) == 35
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == 46
    assert Path(target).read_text(encoding="utf-8").endswith("}\n")
