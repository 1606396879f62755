"""--format github: one workflow command a finding, escaped as the runner's toolkit escapes."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import ROOT, linter, seed
from fzlint.cli import main
from fzlint.model import Finding, Severity
from fzlint.pipeline import FileResult
from fzlint.report import Output, github

# ::command key=value,key=value::data, where no value holds an unescaped "," or ":" and nothing a line break
_VALUE = r"[^,:\r\n]*"
COMMAND = re.compile(
    rf"^::(?P<command>error|warning|notice) file=(?P<file>{_VALUE}),line=(?P<line>\d+)"
    rf"(?:,col=(?P<col>\d+))?,endLine=(?P<end_line>\d+)(?:,endColumn=(?P<end_col>\d+))?"
    rf",title=(?P<title>FZ\d{{3}} [a-z0-9-]+)::(?P<message>[^\r\n]*)$"
)
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def unescape(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def commands(output: str) -> list[re.Match]:
    assert output.endswith("\n")
    lines = output[:-1].split("\n")
    matches = [COMMAND.match(line) for line in lines]
    assert [line for line, m in zip(lines, matches) if m is None] == []
    return matches


@pytest.mark.parametrize("number", range(5))
def test_one_command_a_finding_of_the_seed(number):
    result = linter().lint_file(str(seed(number)))
    got = [(m["command"], unescape(m["file"]), int(m["line"]), int(m["col"]), int(m["end_line"]), int(m["end_col"]),
            m["title"], unescape(m["message"])) for m in commands(github.render([result], Output()))]
    assert got == [(COMMANDS[f.severity.label], str(seed(number)), f.line, f.column, f.end_line, f.end_column,
                    f"{f.code} {f.name}", f.message) for f in result.findings]
    assert len(got) == (50, 65, 35, 58, 47)[number]


def test_the_first_line_of_seed_000_exactly():
    result = linter().lint_file(str(seed(0)))
    first = github.render([result], Output()).split("\n")[0]
    assert first == (f"::warning file={seed(0)},line=3,col=7,endLine=3,endColumn=8,title=FZ501 halfwidth-punctuation::"
                     f"{result.findings[0].message}")


def test_data_and_properties_are_escaped_as_the_toolkit_does():
    finding = Finding("reports/2023,final/a:b%.txt", "FZ101", "missing-section", Severity.ERROR, 4, 1, 5, 2,
                      "first line\nsecond, 100%: done\r")
    output = github.render([FileResult(finding.path, "utf-8", [finding])], Output())
    assert output == ("::error file=reports/2023%2Cfinal/a%3Ab%25.txt,line=4,endLine=5,title=FZ101 missing-section::"
                      "first line%0Asecond, 100%25: done%0D\n")
    [m] = commands(output)
    assert (unescape(m["file"]), unescape(m["message"])) == (finding.path, finding.message)
    assert m["col"] is None  # the runner takes columns on one line only


def test_escaping_functions():
    assert github.escape_data("a%0A\nb\r:,") == "a%250A%0Ab%0D:,"
    assert github.escape_property("a%0A\nb\r:,") == "a%250A%0Ab%0D%3A%2C"


def test_severities_become_error_warning_notice_and_there_is_no_summary():
    findings = [Finding("d.txt", "FZ10" + str(i), "x", severity, 1, 1, 1, 2, "m")
                for i, severity in enumerate((Severity.INFO, Severity.WARNING, Severity.ERROR))]
    output = github.render([FileResult("d.txt", "utf-8", findings), FileResult("clean.txt", "utf-8", [])], Output())
    assert [m["command"] for m in commands(output)] == ["notice", "warning", "error"]
    assert github.render([FileResult("clean.txt", "utf-8", [])], Output()) == ""


def test_an_unreadable_file_is_an_error_on_its_first_line(tmp_path):
    missing = tmp_path / "missing.txt"
    output = github.render([linter(lang="en").lint_file(str(missing))], Output(lang="en"))
    assert output == (f"::error file={github.escape_property(str(missing))},line=1,col=1,endLine=1,endColumn=1,"
                      "title=FZ901 unreadable::Cannot read the file: no such file. Other files are still checked.\n")


def test_a_docx_gets_no_columns_and_the_paragraphs_opening_words():
    path = ROOT / "tests" / "fixtures" / "000-libreoffice.docx"
    result = linter(select=["FZ501"]).lint_file(str(path))
    result.document = None  # as results come back from --jobs workers
    first = commands(github.render([result], Output()))[0]
    assert (first["line"], first["col"], first["end_line"], first["end_col"]) == ("3", None, "3", None)
    assert unescape(first["message"]) == result.findings[0].message + " 〔“区委、区政府:”〕"


def run(*args, env=None):
    env = {"GITHUB_ACTIONS": None, "NO_COLOR": None, "FORCE_COLOR": None, **(env or {})}
    return CliRunner().invoke(main, list(args), env=env)


def test_github_actions_selects_the_format_when_none_is_given():
    result = run(str(seed(2)), env={"GITHUB_ACTIONS": "true"})
    matches = commands(result.output)
    assert len(matches) == 35 and result.exit_code == 1
    assert [m["command"] for m in matches].count("error") == 2
    assert run("--format", "github", str(seed(2))).output == result.output


def test_an_explicit_format_wins_over_github_actions_and_outside_it_text_is_the_default():
    concise = run("--format", "concise", str(seed(2)), env={"GITHUB_ACTIONS": "true"}).output
    assert concise.startswith(f"{seed(2)}:1:1: info FZ309 ")
    for env in ({}, {"GITHUB_ACTIONS": "false"}):
        text = run(str(seed(2)), env=env).output
        assert not text.startswith("::") and text.startswith(f"{seed(2)}:1:1: info FZ309 ")
