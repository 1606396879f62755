"""The command line: output formats, exit codes, bad input, subcommands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, seed
from fzlint.cli import main

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<code>FZ\d{3}) (?P<msg>.+)$")


def run(*args, input=None, env=None):
    result = CliRunner().invoke(main, list(args), input=input, env={"NO_COLOR": None, "FORCE_COLOR": None, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_concise_output_one_finding_a_line_then_a_summary():
    result = run("--format", "concise", str(seed(0)))
    lines = result.output.splitlines()
    parsed = [LINE.match(ln) for ln in lines[:-2]]
    assert all(parsed) and len(parsed) == 50
    assert (parsed[0]["line"], parsed[0]["col"], parsed[0]["sev"], parsed[0]["code"]) == ("3", "7", "warning", "FZ501")
    assert lines[-2:] == ["检查了 1 个文件：0 个错误，43 个警告，7 条提示。", "其中 41 个可用 --fix 自动修复（--diff 可先查看改动）。"]
    assert result.exit_code == 0


def test_text_output_shows_the_line_with_a_caret_under_the_span():
    result = run("--select", "FZ601", str(seed(1)))
    lines = result.output.splitlines()
    assert LINE.match(lines[0])["code"] == "FZ601"
    # 推行法治建设 in line 21, a heading of 31 characters: shown whole, six carets under the six characters,
    # each two columns wide.
    text = seed(1).read_text(encoding="utf-8").split("\n")[20].strip()
    start = text.index("推行法治建设")
    assert lines[1:4] == ["   |", f"21 | {text}", "   | " + " " * (2 * start) + "^" * 12]
    assert lines[4:] == ["检查了 1 个文件：0 个错误，1 个警告，0 条提示。", "其中 1 个可用 --fix 自动修复（--diff 可先查看改动）。"]


def test_text_output_shows_a_window_of_a_long_paragraph():
    result = run("--select", "FZ404", "-", input=("一、主要举措和成效\n" + "甲" * 80 + "今年以来" + "乙" * 80 + "。\n").encode())
    lines = result.output.splitlines()
    assert lines[2] == "2 | …" + "甲" * 36 + "今年以来" + "乙" * 36 + "…"
    assert lines[3] == "  | " + " " * (1 + 72) + "^" * 8


def test_text_output_cuts_a_long_span_short():
    # FZ501's span runs from a paragraph's first half-width mark to its last:
    # 72 characters of it are shown, then … and nothing after.
    line = "甲" * 10 + "," + "乙" * 200 + "," + "丙" * 10 + "。"
    result = run("--select", "FZ501", "-", input=("一、主要举措和成效\n" + line + "\n").encode())
    lines = result.output.splitlines()
    assert lines[2] == "2 | " + "甲" * 10 + "," + "乙" * 71 + "…"
    assert lines[3] == "  | " + " " * 20 + "^" * (1 + 2 * 71)


def test_colored_text_is_the_plain_text_with_colors():
    # Plain output is drawn without the styling calls; both must show the same.
    plain = run(str(seed(1))).output
    colored = run(str(seed(1)), env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" in colored and re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain


def test_statistics_count_findings_per_rule():
    result = run("--statistics", str(seed(0)))
    rows = [ln.split() for ln in result.output.splitlines()]
    assert rows[0] == ["25", "FZ501", "[*]", "halfwidth-punctuation"]
    assert ["1", "FZ104", "section-order"] in rows
    assert sum(int(r[0]) for r in rows) == 50


def test_output_file_holds_the_report(tmp_path):
    target = tmp_path / "report.json"
    result = run("--format", "json", "--output", str(target), str(seed(2)))
    assert result.output == "" and json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert result.exit_code == 1


def test_a_report_file_left_in_the_checked_folder_by_an_earlier_run_is_not_checked(tmp_path):
    # fzlint reads .txt: the report an earlier run wrote there is not a draft of this run.
    (tmp_path / "draft.txt").write_text(seed(2).read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "report.txt"
    for _ in range(2):
        result = run("--format", "concise", "--output", str(target), str(tmp_path))
        assert result.exit_code == 1 and result.output == ""
        text = target.read_text(encoding="utf-8")
        assert "report.txt" not in text and "检查了 1 个文件" in text
    # Named as the draft to check, it is a mistake that would overwrite the draft: refused, the file kept.
    draft = tmp_path / "draft.txt"
    before = draft.read_bytes()
    result = run("--format", "concise", "--output", str(draft), str(draft))
    assert result.exit_code == 2 and "既是要检查的文件，又是本次运行要写入的文件" in result.output
    assert draft.read_bytes() == before


def test_json_is_exactly_one_object_with_the_contract_keys():
    result = run("--format", "json", str(seed(2)))
    data = json.loads(result.output)
    assert set(data) == {"files", "summary"}
    [entry] = data["files"]
    assert (entry["path"], entry["encoding"]) == (str(seed(2)), "utf-8")
    first = entry["diagnostics"][0]
    assert {"code", "name", "severity", "line", "column", "end_line", "end_column", "message", "fixable"} <= set(first)
    assert data["summary"] == {"files": 1, "errors": 2, "warnings": 29, "infos": 4, "fixed": 0}
    assert result.exit_code == 1


def test_columns_count_characters_not_bytes():
    data = json.loads(run("--format", "json", "--select", "FZ203", "-", input="一、甲\n　　(一)乙".encode()).output)
    [d] = data["files"][0]["diagnostics"]
    assert (d["line"], d["column"], d["end_column"]) == (2, 3, 6)


def test_select_ignore_exit_zero_quiet():
    assert run("--format", "concise", "--select", "FZ3", "--ignore", "FZ308,missing-date", "--quiet",
               str(seed(4))).output.split() == [
        f"{seed(4)}:68:1:", "info", "FZ307", "成文日期上方没有落款（发文机关署名）。请在成文日期上方写明发文机关全称，如“××区人民政府”。"]
    assert run(str(seed(2))).exit_code == 1
    assert run("--exit-zero", str(seed(2))).exit_code == 0


def test_unknown_rule_is_a_usage_error():
    result = run("--select", "FZ999", str(seed(0)))
    assert result.exit_code == 2 and "FZ999" in result.output


def test_year_option_is_used():
    result = run("--year", "2021", "--select", "FZ306", "--format", "json", str(seed(0)))
    codes = [d["code"] for d in json.loads(result.output)["files"][0]["diagnostics"]]
    assert codes == ["FZ306", "FZ306"]  # the plan (2023) and the title (2022) both disagree with 2021


def test_english_messages():
    result = run("--lang", "en", "--select", "FZ104", str(seed(0)))
    assert "The part on shortcomings and their causes comes after" in result.output
    assert result.output.splitlines()[-1] == "1 files checked: 0 errors, 0 warnings, 1 infos."


def test_color_only_when_asked_or_on_a_terminal():
    assert "\x1b[" not in run(str(seed(0))).output
    assert "\x1b[" in run(str(seed(0)), env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in run("--no-color", str(seed(0)), env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in run(str(seed(0)), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).output


BAD_INPUT = {
    "empty.txt": (lambda: b"", 1, ["FZ902"]),
    "image.txt": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), 2, ["FZ901", "PNG"]),
    # 2.7 MB on one line, just under the text limit (limits.MAX_TEXT_CHARS): no
    # structure (FZ903: the parts cannot be checked, so no FZ101); it must stay fast.
    "huge.txt": (lambda: ("二〇二二年，街道推进法治建设，" * 66000).encode(), 1, ["FZ903", "无法核对报告是否具备规定的各部分"]),
    # Over the limit: refused, not read.
    "too-long.txt": (lambda: ("二〇二二年，街道推进法治建设，" * 67000).encode(), 2, ["FZ901", "正文过长（1,005,000 字符，上限 1,000,000）"]),
    # 250,000 headings within the text limit (limits.MAX_HEADINGS): refused
    # before they are parsed, where linting them took 20 s and 750 MB.
    "headings.txt": (lambda: ("一、甲\n" * 250_000).encode(), 2, ["FZ901", "标题过多（超过 5,000 个）"]),
    "headings.md": (lambda: ("# 甲\n" * 250_000).encode(), 2, ["FZ901", "标题过多（超过 5,000 个）"]),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input(tmp_path, name):
    make, code, words = BAD_INPUT[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = run(str(path), str(seed(0)))
    assert result.exit_code == code
    assert all(w in result.output for w in words)
    assert str(seed(0)) in result.output  # the other file is still checked


def test_huge_file_size():
    assert len(BAD_INPUT["huge.txt"][0]().decode()) == 990_000


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "missing.txt"), str(tmp_path / "empty"), str(seed(3)))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"{tmp_path / 'missing.txt'}:1:1: error FZ901 无法读取：文件不存在。其他文件照常检查。"
    assert lines[1].startswith(f"{tmp_path / 'empty'}:1:1: error FZ901 无法读取：目录中没有可检查的草稿")
    assert any(str(seed(3)) in ln and "FZ301" in ln for ln in lines)


def test_stdin_is_read_as_a_draft():
    result = run("--select", "FZ201", "-", input="一、甲\n三、乙".encode("gb18030"))
    assert result.output.startswith("<stdin>:2:1: error FZ201")


def test_directory_of_seeds(seeds_dir):
    data = json.loads(run("--format", "json", str(seeds_dir)).output)
    assert [os.path.basename(f["path"])[:3] for f in data["files"]] == ["000", "001", "002", "003", "004"]


def test_outline_of_too_many_headings_is_one_line(tmp_path):
    path = tmp_path / "headings.txt"
    path.write_text("（一）甲\n" * 200_000, encoding="utf-8")
    result = run("outline", str(path))
    assert (result.exit_code, result.output) == (2, f"fzlint: {path}: 标题过多（超过 5,000 个），不像是一份报告\n")


def test_outline_json():
    data = json.loads(run("outline", "--format", "json", str(seed(0))).output)
    assert (data["title"], data["recipient"], data["report_year"], data["date"]) == (
        "重庆市江北区石马河街道关于2022年法治政府建设情况的报告", "区委、区政府", 2022, "2023-01-30")
    assert [(s["line"], s["role"], s["marker"], s["number"], s["level"]) for s in data["sections"]] == [
        (5, "measures", "一、", 1, 1), (16, "duties", "二、", 2, 1), (21, "shortcomings", "三、", 3, 1), (25, "plan", "四、", 4, 1)]
    assert [c["title"] for c in data["sections"][2]["children"]] == [
        "政治站位仍需进一步提升", "宣传效能仍需进一步优化", "队伍建设仍需进一步加强"]


def test_outline_text_shows_roles_and_nesting():
    out = run("outline", str(seed(3))).output
    assert "  标题：（无）" in out and "2021（来自正文）；下一年度安排 2022" in out
    assert "     4      1.强化政治理论武装头脑" in out
    assert "    18  二、2021年推进法治政府建设存在的不足和原因  [shortcomings: 存在的不足和原因]" in out


def test_outline_shows_the_task_areas_each_part_touches():
    data = json.loads(run("outline", "--format", "json", str(seed(4))).output)
    # Each heading: the areas it and all below it touch (a new field; the others as before).
    assert [(s["line"], s["role"], s["areas"]) for s in data["sections"]] == [
        (18, "measures", ["decisions", "enforcement", "disputes", "oversight"]),
        (28, "duties", ["leadership", "disputes"]),
        (38, "shortcomings", ["enforcement", "disputes", "oversight"]),
        (42, "plan", ["leadership", "functions", "decisions", "enforcement", "disputes", "oversight"])]
    assert [(c["line"], c["areas"]) for c in data["sections"][3]["children"]][:2] == [(44, ["leadership"]), (48, ["decisions"])]
    # The menu: covered as FZ410 judges it (measures and duties), and the parts of any role that touch each area.
    assert [(a["key"], a["covered"], a["lines"]) for a in data["task_areas"]] == [
        ("leadership", True, [28, 42]), ("functions", False, [42]), ("institutions", False, []),
        ("decisions", True, [18, 42]), ("enforcement", True, [18, 38, 42]), ("emergencies", False, []),
        ("disputes", True, [18, 28, 38, 42]), ("oversight", True, [18, 38, 42]), ("technology", False, [])]
    assert data["task_areas"][0]["name"] == "党的领导和推进机制"
    out = run("outline", str(seed(4))).output
    assert "  任务领域（《法治政府建设实施纲要（2021—2025年）》）：\n    ✓ 党的领导和推进机制：第 28、42 行\n" in out
    assert "    ✗ 政府机构职能体系：未涉及（FZ410）；仅见于第 42 行\n    ✗ 依法行政制度体系：未涉及（FZ410）\n" in out
    en = run("outline", "--lang", "en", str(seed(4))).output
    assert "    ✗ the system of government functions: not touched (FZ410); only at 42\n" in en
    # A report before the 纲要 is not judged: no area is marked either way.
    old = json.loads(run("outline", "--format", "json", "--year", "2019", str(seed(4))).output)
    assert [a["covered"] for a in old["task_areas"]] == [None] * 9
    assert "✗" not in run("outline", "--year", "2019", str(seed(4))).output


def test_outline_of_an_unreadable_file(tmp_path):
    result = run("outline", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "文件不存在" in result.output


@pytest.fixture
def breaks_on_bad(monkeypatch):
    """Parsing any file whose name starts with bad fails unexpectedly (as a
    defect in a stage would), for the commands' promise: one line, the run goes on."""
    from fzlint import pipeline

    document = pipeline.Linter.document

    def broken(self, source):
        if os.path.basename(source.path).startswith("bad"):
            raise IndexError("string index out of range")
        return document(self, source)

    monkeypatch.setattr(pipeline.Linter, "document", broken)


def test_outline_of_a_file_that_breaks_a_stage_is_one_line(tmp_path, breaks_on_bad):
    (tmp_path / "bad.txt").write_text("某区报告\n", encoding="utf-8")
    result = run("outline", str(tmp_path / "bad.txt"))
    assert result.exit_code == 2
    assert result.output == f"fzlint: {tmp_path / 'bad.txt'}: 内部错误（IndexError: string index out of range），请报告此问题\n"


@pytest.mark.parametrize("option", ["--fix", "--diff"])
def test_fix_and_diff_go_on_past_a_file_that_breaks_a_stage(tmp_path, breaks_on_bad, option):
    (tmp_path / "bad.txt").write_text("某区报告,\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("某区报告\n工作推进,完成。\n", encoding="utf-8")
    result = run(option, "--format", "concise", "--select", "FZ501", str(tmp_path / "bad.txt"), str(good))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    bad, reason = tmp_path / "bad.txt", "内部错误（IndexError: string index out of range），请报告此问题"
    if option == "--fix":
        assert good.read_text(encoding="utf-8") == "某区报告\n工作推进，完成。\n"
        assert result.output.splitlines()[0] == f"{bad}:1:1: error FZ901 无法读取：{reason}。其他文件照常检查。"
    else:
        assert "+工作推进，完成。" in result.output and f"fzlint: {bad}: {reason}" in result.output


def test_report_goes_on_past_a_file_that_breaks_a_stage(tmp_path, breaks_on_bad):
    (tmp_path / "bad.txt").write_text("某区报告\n", encoding="utf-8")
    result = run("report", str(tmp_path / "bad.txt"), str(seed(0)), "--html", str(tmp_path / "review.html"))
    assert result.exit_code == 0
    assert result.output.startswith("已生成审阅页面") and "2 份报告" in result.output and "1 份无法读取" in result.output


def test_rules_and_explain():
    table = run("rules").output.splitlines()
    assert table[0].split() == ["代码", "名称", "级别", "可修复"] and len(table) == 47
    assert json.loads(run("rules", "--format", "json").output)[0] == {
        "code": "FZ101", "name": "missing-section", "severity": "error", "fixable": False, "kind": "required-section"}
    doc = run("explain", "missing-section").output
    assert doc.startswith("FZ101 missing-section\n") and "错误示例" in doc and "正确示例" in doc
    assert run("explain", "FZ999").exit_code == 2


def test_no_traceback_from_the_real_command(tmp_path):
    png = tmp_path / "x.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "fzlint", str(png), str(tmp_path / "missing")],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr
    assert len(proc.stdout.splitlines()) == 3  # two FZ901 lines and the summary


def test_an_internal_error_in_one_file_does_not_stop_the_run(monkeypatch):
    from fzlint import pipeline

    original = pipeline.Linter.lint_file

    def broken(self, path):
        if path.endswith("000_794980b8487caa81.txt"):
            raise RuntimeError("boom\nExpected one of:\n\t* B\n\t* A")  # Lark's shape: lines in varying order
        return original(self, path)

    monkeypatch.setattr(pipeline.Linter, "lint_file", broken)
    result = run("--format", "concise", str(seed(0)), str(seed(3)))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"{seed(0)}:1:1: error FZ901 无法读取：内部错误（RuntimeError: boom），请报告此问题。其他文件照常检查。"
    assert any("FZ301" in line for line in lines[1:]) and "Expected" not in result.output


def test_readme_sample_output_is_what_fzlint_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("The sample run prints this", 1)[1].split("```\n", 1)[1].split("```", 1)[0]
    result = run(str(ROOT / "examples" / "draft.txt"))
    assert result.output.replace(str(ROOT) + "/", "") == block
    assert result.exit_code == 1


def test_a_plain_run_imports_only_what_it_uses(tmp_path):
    # Start-up time is mostly imports: linting a .txt with the rules cached must
    # not import PyYAML (the rule files are cached), python-docx/lxml,
    # the HTML reader, the output formats it does not print, or what only
    # --fix, --diff and the other commands use.
    script = (
        "import sys\n"
        "from fzlint.cli import main\n"
        "try:\n"
        "    main([sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('yaml', 'docx', 'lxml', 'fzlint.formats.html', 'fzlint.formats.docx',\n"
        "                      'fzlint.report.json', 'fzlint.report.sarif', 'fzlint.report.junit',\n"
        "                      'fzlint.report.gitlab', 'fzlint.report.docs', 'fzlint.report.outline', 'fzlint.fix',\n"
        "                      'difflib', 'fzlint.report.text') if m in sys.modules]\n"
        "print(' '.join(loaded), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path), "NO_COLOR": "1"}
    env.pop("FZLINT_NO_CACHE", None)
    first = subprocess.run([sys.executable, "-c", script, str(seed(0))], env=env, capture_output=True, text=True)
    assert "yaml" in first.stderr.split()  # the first run parses the rule files and fills the cache
    second = subprocess.run([sys.executable, "-c", script, str(seed(0))], env=env, capture_output=True, text=True)
    assert second.stderr.split() == ["fzlint.report.text"], second.stderr


def test_outline_shows_the_document_number_kept_out_of_the_title(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("某区人民政府关于2025年度法治政府建设情况的报告\n某府〔2026〕26号\n区委：\n一、主要举措和成效\n正文。\n",
                     encoding="utf-8")
    data = json.loads(run("outline", "--format", "json", str(draft)).output)
    assert (data["title"], data["title_lines"], data["document_number"], data["recipient"]) == (
        "某区人民政府关于2025年度法治政府建设情况的报告", [1], "某府〔2026〕26号", "区委")
    assert "  发文字号：某府〔2026〕26号（2）" in run("outline", str(draft)).output
    draft.write_text("某区人民政府关于2025年度法治政府建设情况的报告\n区委：\n一、主要举措和成效\n正文。\n", encoding="utf-8")
    assert json.loads(run("outline", "--format", "json", str(draft)).output)["document_number"] is None


def test_the_help_and_the_hook_name_every_format_fzlint_reads():
    import re

    import yaml

    from conftest import ROOT
    from fzlint import formats

    # Every suffix of the formats table, less other spellings and the templates of those named.
    named = set(formats.SUFFIXES) - {".markdown", ".htm", ".dot", ".wpt"}
    assert named == {".txt", ".md", ".docx", ".html", ".doc", ".wps", ".odt", ".rtf", ".pdf"}
    shown = CliRunner().invoke(main, ["--help"]).output
    first = shown[shown.index("fzlint draft.docx"):shown.index("fzlint report")]
    assert set(re.findall(r"\.[a-z]+", first)) >= named
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert set(re.findall(r"\.[a-z]+", hook["description"])) >= named
    for suffix in formats.SUFFIXES:
        assert re.search(hook["files"], "甲区" + suffix) and re.search(hook["files"], "甲区" + suffix.upper())


def test_outline_json_of_a_report_under_its_cover_letter(tmp_path):
    # a web page: recipient, the letter sending the report, 特此报告, sender and date, then the
    # report's own title over two lines and its body
    path = tmp_path / "letter.html"
    path.write_text(
        "<html><body><p>乙县人民政府：</p>"
        "<p>根据县委依法治县办要求，现将我局《2025年度乙县交通运输法治政府建设工作总结》随文上报。</p>"
        "<p>特此报告。</p><p>乙县交通运输局</p><p>2026年1月8日</p>"
        "<h1>2025年度乙县交通运输法治政府建设</h1><h1>工作总结</h1>"
        "<p>2025年，乙县交通运输局坚持依法行政，推进法治政府建设。</p>"
        "<h2>一、主要举措和成效</h2><p>正文。</p></body></html>", encoding="utf-8")
    data = json.loads(run("outline", "--format", "json", str(path)).output)
    assert (data["title"], data["recipient"], data["date"]) == (
        "2025年度乙县交通运输法治政府建设工作总结", "乙县人民政府", "2026-01-08")
    assert [s["title"] for s in data["sections"]] == ["主要举措和成效"]
    result = run("--no-config", "--format", "concise", "--select", "FZ301,FZ309", str(path))
    assert result.output.strip() == "检查了 1 个文件，未发现问题。"
