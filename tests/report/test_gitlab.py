"""--format gitlab: a Code Quality report whose fingerprints survive edits elsewhere."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from click.testing import CliRunner

from conftest import linter, seed
from fzlint.cli import main
from fzlint.model import Source
from fzlint.report import Output, gitlab

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(results, lang="zh") -> list[dict]:
    data = json.loads(gitlab.render(results, Output(lang=lang)))
    assert isinstance(data, list)
    for issue in data:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    return data


def sha256(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def lint_text(text: str, path="draft.txt"):
    return linter().lint_source(Source(path, text, "utf-8"))


@pytest.mark.parametrize("number", range(5))
def test_one_issue_a_finding_of_the_seed(number):
    result = linter().lint_file(str(seed(number)))
    data = issues([result])
    assert [(i["check_name"], i["severity"], i["description"], i["location"]) for i in data] == [
        (f.code, SEVERITIES[f.severity.label], f.message, {"path": str(seed(number)), "lines": {"begin": f.line}})
        for f in result.findings]
    assert len(data) == (50, 65, 35, 58, 47)[number]
    assert len({i["fingerprint"] for i in data}) == len(data)


def test_fingerprints_are_unique_over_the_five_seeds():
    data = issues([linter().lint_file(str(seed(n))) for n in range(5)])
    assert len(data) == 255 and len({i["fingerprint"] for i in data}) == 255
    assert [sum(1 for i in data if i["severity"] == s) for s in ("major", "minor", "info")] == [7, 216, 32]


def test_the_fingerprint_is_the_hash_of_code_path_pointed_text_and_counter():
    text = "一、主要举措和成效\n加强法制宣传教育。深化法制宣传教育，举办讲座12场。\n"
    data = issues([lint_text(text)])
    fz601 = [i for i in data if i["check_name"] == "FZ601"]
    assert [i["location"]["lines"]["begin"] for i in fz601] == [2, 2]
    assert [i["fingerprint"] for i in fz601] == [
        sha256("FZ601", "draft.txt", "法制宣传教育", str(n)) for n in (0, 1)]


def test_fingerprints_survive_edits_elsewhere_in_the_draft():
    text = seed(1).read_text(encoding="utf-8")
    before = issues([lint_text(text)])
    assert text.count("推行法治建设") == 1
    # Fix one term, and push every line down by one with an empty line after the title.
    lines = text.replace("推行法治建设", "推进法治建设").split("\n")
    after = issues([lint_text("\n".join(lines[:1] + [""] + lines[1:]))])
    old = {i["fingerprint"]: i for i in before}
    new = {i["fingerprint"]: i for i in after}
    [gone] = set(old) - set(new)
    assert (old[gone]["check_name"], old[gone]["location"]["lines"]["begin"]) == ("FZ601", 21)
    assert set(new) < set(old)
    assert all(new[f]["location"]["lines"]["begin"] == old[f]["location"]["lines"]["begin"] + 1
               for f in new if old[f]["location"]["lines"]["begin"] > 1)


def test_a_finding_that_points_at_no_text_is_told_by_its_message():
    result = lint_text("")
    [issue] = issues([result])
    [finding] = result.findings
    assert issue["check_name"] == "FZ902" and issue["severity"] == "major"
    assert issue["fingerprint"] == sha256("FZ902", "draft.txt", finding.message, "0")


def test_an_unreadable_file_is_a_blocker(tmp_path):
    missing = tmp_path / "missing.txt"
    [issue] = issues([linter(lang="en").lint_file(str(missing))], lang="en")
    assert issue == {
        "description": "Cannot read the file: no such file. Other files are still checked.",
        "check_name": "FZ901",
        "fingerprint": sha256("FZ901", str(missing), issue["description"], "0"),
        "severity": "blocker",
        "location": {"path": str(missing), "lines": {"begin": 1}},
    }


def test_command_line_writes_the_report_to_a_file(tmp_path):
    target = tmp_path / "gl-code-quality-report.json"
    runner = CliRunner()
    result = runner.invoke(main, ["--format", "gitlab", "--output", str(target), str(seed(3))])
    assert (result.exit_code, result.output) == (1, "")
    data = json.loads(target.read_text(encoding="utf-8"))
    plain = json.loads(runner.invoke(main, ["--format", "json", str(seed(3))]).output)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in data] == [
        (d["code"], d["line"]) for d in plain["files"][0]["diagnostics"]]
    assert len(data) == 58 and [i["severity"] for i in data].count("major") == 1


def test_worker_processes_give_the_same_fingerprints(tmp_path):
    for copy in ("a", "b"):
        for n in range(5):
            (tmp_path / f"{copy}{n}.txt").write_bytes(seed(n).read_bytes())
    runner = CliRunner()
    outputs = [runner.invoke(main, ["--format", "gitlab", "--jobs", jobs, str(tmp_path)]).output for jobs in ("1", "2")]
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert len(data) == 2 * 255 and len({i["fingerprint"] for i in data}) == 2 * 255
