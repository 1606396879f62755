"""Configuration: discovery, keys, errors, profiles, user rules (the README's worked example)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, seed
from fzlint.cli import main

CLEAN = (ROOT / "tests" / "data" / "clean.txt").read_text(encoding="utf-8")


def run(*args, cwd=None):
    result = CliRunner().invoke(main, ["--format", "json", "--jobs", "1", *args], env={"GITHUB_ACTIONS": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def findings(result):
    return [(d["code"], d["line"]) for f in json.loads(result.output)["files"] for d in f["diagnostics"]]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_clean_report_is_clean():
    result = run(str(ROOT / "tests" / "data" / "clean.txt"))
    assert findings(result) == [] and result.exit_code == 0


def test_nearest_configuration_upward_wins_and_pyproject_counts(tmp_path):
    late = CLEAN.replace("2024年1月30日", "2024年3月15日")
    write(tmp_path / "pyproject.toml", "[tool.fzlint]\nprofile = 'department'\n")
    write(tmp_path / "a" / "b" / "r.txt", late)
    write(tmp_path / "c" / ".fzlint.yaml", "profile: government\n")
    write(tmp_path / "c" / "r.txt", late)
    write(tmp_path / "d" / "r.txt", CLEAN.replace("2024年1月30日", "2024年2月15日"))
    result = run(str(tmp_path / "a" / "b" / "r.txt"), str(tmp_path / "c" / "r.txt"), str(tmp_path / "d" / "r.txt"))
    assert findings(result) == [("FZ305", 13)]  # the department's deadline (1 March) for a/b only
    assert run("--no-config", str(tmp_path / "a" / "b" / "r.txt")).output.count("FZ305") == 0
    assert findings(run("--config", str(tmp_path / "pyproject.toml"), str(tmp_path / "c" / "r.txt"))) == [("FZ305", 13)]


def test_the_demonstration_profile_moves_the_report_deadline_not_the_publication_deadline(tmp_path):
    # A 示范地区 reports by the end of January; publication before 1 April is
    # the same for every organ (FZ310 keeps 31 March).
    published = "发布时间：2024-03-28 09:30\n"
    write(tmp_path / "demo" / ".fzlint.yaml", "profile: demonstration\n")
    write(tmp_path / "demo" / "late.txt", published + CLEAN.replace("2024年1月30日", "2024年2月15日"))
    write(tmp_path / "demo" / "on-time.txt", published + CLEAN.replace("2024年1月30日", "2024年1月31日"))
    write(tmp_path / "demo" / "published-late.txt", "发布时间：2024-04-02 09:30\n" + CLEAN)
    write(tmp_path / "gov" / "late.txt", published + CLEAN.replace("2024年1月30日", "2024年2月15日"))
    select = ["--select", "FZ305,FZ310"]
    assert findings(run(*select, str(tmp_path / "demo" / "late.txt"))) == [("FZ305", 14)]
    assert findings(run(*select, str(tmp_path / "demo" / "on-time.txt"))) == []
    assert findings(run(*select, str(tmp_path / "demo" / "published-late.txt"))) == [("FZ310", 1)]
    assert findings(run(*select, str(tmp_path / "gov" / "late.txt"))) == []


def test_select_ignore_severity_params_and_per_file_ignores(tmp_path):
    write(tmp_path / ".fzlint.yaml", """
ignore: [FZ501]
severity:
  FZ404: error
params:
  FZ105: {min_chars: 80}
per-file-ignores:
  "old/*.txt": [FZ404]
""")
    text = CLEAN.replace("全年办理", "今年,全年办理")
    write(tmp_path / "new" / "r.txt", text)
    write(tmp_path / "old" / "r.txt", text)
    data = json.loads(run(str(tmp_path / "new" / "r.txt"), str(tmp_path / "old" / "r.txt")).output)
    new, old = ([(d["code"], d["line"], d["severity"]) for d in f["diagnostics"]] for f in data["files"])
    # FZ105 with 80 characters: the parts of lines 5, 7 and 9 are now too thin; FZ501 is off.
    thin = [("FZ105", 5, "warning"), ("FZ105", 7, "warning"), ("FZ105", 9, "warning")]
    assert new == [("FZ404", 4, "error"), *thin]
    assert old == thin
    # The command line's --select replaces the configuration's; --ignore adds to it.
    assert findings(run("--select", "FZ501", str(tmp_path / "new" / "r.txt"))) == [("FZ501", 4)]
    assert findings(run("--ignore", "FZ105", str(tmp_path / "new" / "r.txt"))) == [("FZ404", 4)]


def test_parameters_that_are_lists_or_mappings(tmp_path):
    # A list (FZ101's roles) or a list of mappings (FZ410's areas) is a parameter
    # like any other; such a configuration once stopped the run with a traceback.
    write(tmp_path / ".fzlint.yaml", """
params:
  FZ101: {roles: [measures, shortcomings, duties, plan, other]}
  FZ410: {min_chars: 0, areas: [{name: 示范创建, keywords: ['示范创建']}]}
""")
    write(tmp_path / "r.txt", CLEAN)
    result = run(str(tmp_path / "r.txt"))
    assert findings(result) == [("FZ410", 3), ("FZ101", 10)]
    messages = [d["message"] for d in json.loads(result.output)["files"][0]["diagnostics"]]
    assert "1项任务：示范创建。" in messages[0] and "其他需要报告的情况" in messages[1]


@pytest.mark.parametrize("config,message", [
    ("colour: red\n", "unknown key 'colour' (allowed: profile, select, ignore, severity, params, per-file-ignores, extend, exclude)"),
    ("profile: city\n", "profile: unknown profile 'city' (allowed: government, township, department, demonstration)"),
    ("severity:\n  FZ404: high\n", "severity.FZ404: expected error, warning or info, got 'high'"),
    ("severity:\n  FZ999: info\n", "severity.FZ999: no such rule"),
    ("params:\n  FZ403: {threshold: many}\n", "params.FZ403.threshold: expected float, got 'many'"),
    ("params:\n  FZ403: {limit: 3}\n", "params.FZ403: unknown parameter 'limit' (allowed: min_sentences, roles, threshold)"),
    ("select: [FZ9999]\n", "select: unknown rule 'FZ9999'"),
    ("per-file-ignores:\n  '*.txt': FZ77\n", "per-file-ignores.*.txt: unknown rule 'FZ77'"),
    ("extend: [missing.yaml]\n", "extend:"),
    ("exclude: {a: b}\n", "exclude: expected a list of globs"),
    ("exclude: ['']\n", "exclude: expected a list of globs"),
    ("select: [FZ1\n", "not valid YAML"),
])
def test_a_bad_configuration_names_the_file_and_key(tmp_path, config, message):
    write(tmp_path / ".fzlint.yaml", config)
    write(tmp_path / "r.txt", CLEAN)
    result = CliRunner().invoke(main, [str(tmp_path / "r.txt")])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and line.startswith(f"fzlint: {tmp_path / '.fzlint.yaml'}") and message in line, line


def test_exclude_leaves_files_out_wherever_they_are_named_or_found(tmp_path, monkeypatch):
    write(tmp_path / ".fzlint.yaml", "exclude: ['archive/**', '*模板*']\n")
    for name in ("reports/a.txt", "reports/填报模板.txt", "archive/2019/old.txt", "reports/README.md",
                 "reports/readme.zh-CN.md", "LICENSE.txt", "reports/CHANGELOG.md", "reports/b.md"):
        write(tmp_path / name, CLEAN)
    files = lambda result: [f["path"][len(str(tmp_path)) + 1:] for f in json.loads(result.output)["files"]]  # noqa: E731
    assert files(run(str(tmp_path))) == ["reports/a.txt", "reports/b.md"]
    # Named one by one (as pre-commit names them), the same files are left out.
    named = [str(tmp_path / n) for n in ("reports/a.txt", "reports/填报模板.txt", "archive/2019/old.txt", "reports/README.md")]
    assert files(run(*named)) == ["reports/a.txt"]
    # --exclude adds globs of its own, relative to the working directory.
    monkeypatch.chdir(tmp_path)
    assert files(run("--exclude", "reports/b.*", str(tmp_path))) == ["reports/a.txt"]
    # With every file excluded there is nothing to check, and fzlint says why.
    result = CliRunner().invoke(main, [str(tmp_path / "reports" / "README.md")])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "fzlint: 没有要检查的文件：所给文件均被排除（README 等仓库文档，或 exclude）"
    # Standard input is never excluded.
    assert CliRunner().invoke(main, ["--exclude", "*", "--format", "concise", "-"], input=CLEAN).output == (
        "检查了 1 个文件，未发现问题。\n")


def test_a_report_whose_name_merely_contains_a_document_word_is_checked(tmp_path):
    for name in ("某区许可证管理情况报告.txt", "readme-notes-2023报告.txt", "licensed.md"):
        write(tmp_path / name, CLEAN)
    assert len(json.loads(run(str(tmp_path)).output)["files"]) == 3


def readme_block(marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(marker, 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_readme_worked_example(tmp_path):
    write(tmp_path / ".fzlint.yaml", readme_block("<!-- config-example -->"))
    write(tmp_path / "fzlint-rules" / "city.yaml", readme_block("<!-- rules-example -->"))
    text = CLEAN.replace("全年办理", "圆满完成年度任务，全年办理").replace("主持召开", "到综治中心主持召开")
    write(tmp_path / "reports" / "r.txt", text)
    result = run(str(tmp_path / "reports" / "r.txt"))
    assert findings(result) == [("CQ002", 4), ("CQ003", 8), ("CQ001", 10)]  # CQ001 at the body's last line
    diagnostics = json.loads(result.output)["files"][0]["diagnostics"]
    assert diagnostics[0]["message"] == "“圆满完成”是空泛的表述，请用数据说明完成情况和成效。"
    assert diagnostics[1]["fix"]["replacement"] == "社会治理中心"
    assert diagnostics[2]["message"].startswith("缺少“法治政府示范创建情况”部分")
    assert result.exit_code == 1  # CQ001 is an error
    # With the part, CQ001 is satisfied; --fix applies CQ003's replacement.
    fixed = write(tmp_path / "reports" / "r.txt", text.replace("特此报告。", "五、法治政府示范创建情况\n2023年创建市级示范单位2个，覆盖全区14个街道。\n特此报告。"))
    CliRunner().invoke(main, ["--fix", "--select", "CQ003", str(fixed)])
    assert "社会治理中心主持召开" in fixed.read_text(encoding="utf-8")
    assert findings(run(str(fixed))) == [("CQ002", 4)]


@pytest.mark.parametrize("rules,message", [
    ("rules:\n  - {code: FZ777, name: x, kind: pattern, severity: info, message: m, params: {patterns: [a]}}\n",
     "expected a code of your own like CQ001"),
    ("rules:\n  - {code: CQ001, name: section-order, kind: pattern, severity: info, message: m, params: {patterns: [a]}}\n",
     "section-order is already defined"),
    ("rules:\n  - {code: CQ001, name: x, kind: pattern, severity: info, message: m, params: {patterns: ['(']}}\n",
     "bad regular expression"),
    ("rules:\n  - {code: CQ001, name: x, kind: patern, severity: info, message: m, params: {patterns: [a]}}\n",
     "unknown kind 'patern'"),
])
def test_a_bad_user_rule_file_names_the_file_and_key(tmp_path, rules, message):
    write(tmp_path / ".fzlint.yaml", "extend: [mine.yaml]\n")
    write(tmp_path / "mine.yaml", rules)
    write(tmp_path / "r.txt", CLEAN)
    result = CliRunner().invoke(main, [str(tmp_path / "r.txt")])
    assert result.exit_code == 2 and message in result.output and "mine.yaml" in result.output


def test_user_rules_can_be_selected_on_the_command_line(tmp_path):
    write(tmp_path / ".fzlint.yaml", "extend: [mine.yaml]\n")
    write(tmp_path / "mine.yaml", "rules:\n  - {code: SFJ001, name: no-seed-word, kind: pattern, severity: info, "
                                  "message: '“{found}”', params: {patterns: ['合格率']}}\n")
    write(tmp_path / "r.txt", CLEAN)
    assert findings(run("--select", "SFJ", str(tmp_path / "r.txt"))) == [("SFJ001", 4), ("SFJ001", 10)]
    assert CliRunner().invoke(main, ["--select", "SFJ", str(seed(0))]).exit_code == 2  # not known there
