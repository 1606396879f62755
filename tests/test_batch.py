"""Many files: --jobs gives exactly the findings of one process, in the same order."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from click.testing import CliRunner

from conftest import ROOT, seeds
from fzlint import batch
from fzlint.cli import main


def test_jobs_2_equals_jobs_1(tmp_path):
    for copy in range(4):
        for path in seeds():
            shutil.copyfile(path, tmp_path / f"{copy}_{path.name}")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04broken")
    one = CliRunner().invoke(main, ["--format", "json", "--jobs", "1", str(tmp_path)])
    two = CliRunner().invoke(main, ["--format", "json", "--jobs", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 2  # the broken file
    assert json.loads(one.output) == json.loads(two.output)
    files = json.loads(two.output)["files"]
    assert len(files) == 21 and [d["code"] for d in files[-1]["diagnostics"]] == ["FZ901"]
    assert sum(len(f["diagnostics"]) for f in files) == 1 + 4 * (50 + 65 + 35 + 58 + 47)


@pytest.mark.parametrize("options", [[], ["--verbose"], ["--format", "concise"], ["--format", "github"],
                                     ["--statistics"], ["--quiet"]])
def test_jobs_2_text_reports_equal_jobs_1(tmp_path, options):
    # The workers render each file's part of the text formats (the text format
    # with each finding's line and caret); the parent only joins the parts.
    for copy in range(3):
        for path in seeds():
            shutil.copyfile(path, tmp_path / f"{copy}_{path.name}")
    (tmp_path / "page.html").write_text("<html><body><p>一、主要举措和成效</p><p>取得明显成效。</p></body></html>",
                                        encoding="utf-8")
    env = {"NO_COLOR": "1", "GITHUB_ACTIONS": None}
    one = CliRunner().invoke(main, [*options, "--jobs", "1", str(tmp_path)], env=env)
    two = CliRunner().invoke(main, [*options, "--jobs", "2", str(tmp_path)], env=env)
    assert one.output == two.output
    assert one.output.count("\n") > 15 * 30 if "--statistics" not in options else one.output.count("\n") > 20
    if not options:
        lines = one.output.split("\n")
        page = [i for i, line in enumerate(lines) if "page.html:1:1:" in line]
        assert one.output.count("\n  |") > 0 and len(page) == 9
        assert all("|" not in lines[i + 1] for i in page)  # a web page's blocks are not its lines: no caret



def _run_with_terminal_stderr(args: list[str], out) -> tuple[str, bytes, int]:
    """Run fzlint with standard error on a pseudo-terminal (as in a drafter's
    shell) and standard output on a pipe; returns (stdout, what the terminal
    received, exit code)."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("GITHUB_ACTIONS", None)
    with open(out, "wb") as stdout:  # a file, not a pipe, which would fill up while the terminal is read
        proc = subprocess.Popen([sys.executable, "-m", "fzlint", *args], stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        terminal += chunk
    code = proc.wait()
    stdout = out.read_text(encoding="utf-8")
    os.close(master)
    return stdout, terminal, code


def test_progress_bar_on_a_terminal_from_20_files(tmp_path):
    (tmp_path / "in").mkdir()
    for copy in range(4):
        for path in seeds():
            shutil.copyfile(path, tmp_path / "in" / f"{copy}_{path.name}")
    stdout, terminal, code = _run_with_terminal_stderr(["--jobs", "2", str(tmp_path / "in")], tmp_path / "out")
    shown = terminal.decode("utf-8")
    # Redrawn in place (carriage returns), counting up to all 20, then wiped.
    frames = [f for f in shown.split("\r") if f.strip()]
    assert frames[-1] == "检查 [" + "#" * 30 + "] 20/20"
    counts = [int(f.rsplit(" ", 1)[1].split("/")[0]) for f in frames]
    assert counts == sorted(counts) and len(counts) >= 2
    assert shown.endswith("\r" + " " * 60 + "\r")
    assert "检查 [" not in stdout and stdout.endswith("其中 624 个可用 --fix 自动修复（--diff 可先查看改动）。\n")
    assert code == 1


def test_no_progress_bar_below_20_files_or_with_quiet(tmp_path):
    (tmp_path / "in").mkdir()
    for copy in range(3):
        for path in seeds():
            shutil.copyfile(path, tmp_path / "in" / f"{copy}_{path.name}")
    stdout, terminal, _ = _run_with_terminal_stderr([str(tmp_path / "in")], tmp_path / "out")
    assert terminal == b"" and stdout.startswith(str(tmp_path / "in"))  # 15 files
    for path in seeds():
        shutil.copyfile(path, tmp_path / "in" / f"3_{path.name}")
    stdout, terminal, _ = _run_with_terminal_stderr(["--quiet", str(tmp_path / "in")], tmp_path / "out")
    assert terminal == b"" and stdout.startswith(str(tmp_path / "in"))  # 20 files, but --quiet


# Streaming (issue 15): each file's part is written as its result arrives, and
# the formats that need the whole run keep only figures and small per-file
# records; the report must be exactly what building it whole gave.

def _mixed(tmp_path):
    """Seeds twice, a web page, a broken .docx, an empty file and a missing path."""
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(2):
        for path in seeds():
            shutil.copyfile(path, folder / f"{copy}_{path.name}")
    (folder / "page.html").write_text("<html><body><p>一、主要举措和成效</p><p>取得明显成效。</p></body></html>",
                                      encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04broken")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder), str(tmp_path / "missing.txt")]


FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")
ENV = {"NO_COLOR": "1", "GITHUB_ACTIONS": None}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_the_same_with_jobs_1_and_2_and_with_a_baseline(tmp_path, fmt):
    paths = _mixed(tmp_path)
    recorded = tmp_path / "recorded.json"
    CliRunner().invoke(main, ["--select", "FZ4,FZ5", "--write-baseline", str(recorded), *paths], env=ENV)
    variants = [[], ["--lang", "en", "--verbose"], ["--statistics"], ["--baseline", str(recorded)]]
    for options in variants:
        one = CliRunner().invoke(main, ["--format", fmt, *options, "--jobs", "1", *paths], env=ENV)
        two = CliRunner().invoke(main, ["--format", fmt, *options, "--jobs", "2", *paths], env=ENV)
        assert one.exit_code == two.exit_code == 2, options  # the broken and the missing file
        assert one.output == two.output and len(one.output) > 100, options
    # With the baseline, fewer findings, and the figures count what is left.
    everything = CliRunner().invoke(main, ["--format", fmt, "--jobs", "2", *paths], env=ENV).output
    assert len(two.output) < len(everything)


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_formats_written_file_by_file_are_what_json_dumps_writes_whole(tmp_path, fmt):
    result = CliRunner().invoke(main, ["--format", fmt, "--jobs", "2", *_mixed(tmp_path)], env=ENV)
    assert json.dumps(json.loads(result.output), ensure_ascii=False, indent=2) + "\n" == result.output


def test_junit_written_file_by_file_is_what_elementtree_writes_whole(tmp_path):
    import xml.etree.ElementTree as ET

    result = CliRunner().invoke(main, ["--format", "junit", "--jobs", "2", *_mixed(tmp_path)], env=ENV)
    root = ET.fromstring(result.output.split("\n", 1)[1])
    for element in root.iter():  # undo the indentation, then indent the whole tree again
        if element.text is not None and not element.text.strip():
            element.text = None
        element.tail = None
    ET.indent(root)
    assert ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n" == result.output
    assert root.get("tests") == str(len(root.findall(".//testcase"))) and root.get("errors") == "2"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_of_no_file_or_of_clean_files_renders_as_before(fmt):
    from fzlint import report
    from fzlint.pipeline import FileResult

    out = report.Output()
    empty = report.render(fmt, [], out)
    clean = report.render(fmt, [FileResult("a.txt", "utf-8", []), FileResult("b.txt", "utf-8", [])], out)
    if fmt in ("json", "sarif", "gitlab"):
        for text in (empty, clean):
            assert json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n" == text
        assert (json.loads(empty) == []) if fmt == "gitlab" else True
    if fmt == "junit":
        assert '<testsuite name="fzlint" tests="0" failures="0" errors="0" />' in empty
        assert clean.count('<testcase classname=') == 2 and 'tests="2"' in clean
    if fmt in ("text", "concise"):
        assert empty == "检查了 0 个文件，未发现问题。\n" and clean == "检查了 2 个文件，未发现问题。\n"
    if fmt == "github":
        assert empty == clean == ""


def test_a_baseline_written_and_applied_in_one_run_leaves_only_what_it_cannot_hold(tmp_path):
    # --baseline and --write-baseline the same file: as before streaming, the
    # baseline is this run's, so every finding of a readable file is dropped.
    paths = _mixed(tmp_path)
    same = tmp_path / "same.json"
    result = CliRunner().invoke(main, ["--format", "concise", "--baseline", str(same), "--write-baseline", str(same),
                                       *paths], env=ENV)
    lines = [line for line in result.output.splitlines() if ": " in line and "FZ" in line]
    assert lines and all("FZ901" in line for line in lines) and len(lines) == 2
    # The same as writing the baseline first and applying it in a second run.
    other = tmp_path / "other.json"
    CliRunner().invoke(main, ["--write-baseline", str(other), *paths], env=ENV)
    second = CliRunner().invoke(main, ["--format", "concise", "--baseline", str(other), *paths], env=ENV)
    assert json.loads(same.read_text(encoding="utf-8")) == json.loads(other.read_text(encoding="utf-8"))
    assert [line for line in second.output.splitlines() if "FZ" in line] == lines


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_slim_one_at_a_time(tmp_path, jobs):
    from fzlint import batch, report
    from fzlint.config import Settings

    paths = [str(p) for p in sorted((tmp_path / "in").iterdir())] if _mixed(tmp_path) else []
    needs = report.Needs(("text", report.Output()), pointed=True)
    stream = batch.lint_all(Settings(isolated=True), paths, jobs, needs=needs)
    first = next(stream)  # a generator: the first result before the others are linted or kept
    results = [first, *stream]
    assert [r.path for r in results] == paths
    assert all(r.document is None and r.source is None for r in results)
    assert all(len(r.pointed) == len(r.findings) == len(r.rendered[1]) for r in results)
    assert [r.plain for r in results] == [not p.endswith(".html") for p in paths]


_REAL_LINT = batch._lint


def _dying(path):
    """batch._lint in a worker that dies on the web page (the workers are forked: they run this)."""
    import os

    if path.endswith("page.html"):
        os._exit(1)
    return _REAL_LINT(path)


def test_a_worker_that_dies_leaves_its_files_to_the_parent(tmp_path, monkeypatch):
    from fzlint import batch, report
    from fzlint.config import Settings

    _mixed(tmp_path)
    paths = [str(p) for p in sorted((tmp_path / "in").iterdir())]
    settings = Settings(isolated=True)
    expected = [(r.path, r.findings) for r in batch.lint_all(settings, paths, 1)]
    monkeypatch.setattr(batch, "_lint", _dying)
    got = [(r.path, r.findings) for r in batch.lint_all(settings, paths, 2, needs=report.Needs())]
    assert got == expected


def test_a_report_that_cannot_be_written_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["-o", "/dev/full", *_mixed(tmp_path)], env=ENV)
    assert result.exit_code == 2 and result.output == "fzlint: /dev/full: 无法写入报告：No space left on device\n"
    # A report smaller than the file's buffer fails when it is closed, once too.
    small = CliRunner().invoke(main, ["--lang", "en", "-o", "/dev/full", str(ROOT / "tests" / "data" / "clean.txt")],
                               env=ENV)
    assert small.exit_code == 2 and small.output == "fzlint: /dev/full: cannot write the report: No space left on device\n"


@pytest.mark.parametrize("value", [
    {}, [], "", 0, -7, True, False, None, [[], {}, [[]]],
    {"path": "a\\b\"c\x00\x1f\x7f\u2028中文😀", "n": [1, {"x": None, "y": [True, False]}], "e": {}, "l": []},
    [{"fix": {"line": 3, "replacement": "\t，"}}, "末尾"],
])
def test_the_fast_json_encoder_writes_what_json_dumps_writes(value):
    from fzlint.report import dumps

    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    nested = json.dumps({"k": [value]}, ensure_ascii=False, indent=2)
    assert nested == '{\n  "k": [\n    ' + dumps(value, "    ") + "\n  ]\n}"
    with pytest.raises(TypeError):
        dumps(1.5)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_text_report_needs_only_the_figures_of_the_findings(tmp_path, jobs):
    # Without --statistics or a baseline, a text format's parent needs each
    # file's part and its figures: the findings do not travel.
    from fzlint import batch, report
    from fzlint.config import Settings

    _mixed(tmp_path)
    paths = [str(p) for p in sorted((tmp_path / "in").iterdir())]
    settings = Settings(isolated=True)
    out = report.Output()
    full = list(batch.lint_all(settings, paths, jobs, needs=report.Needs(("concise", out))))
    slim = list(batch.lint_all(settings, paths, jobs, needs=report.Needs(("concise", out), findings=False)))
    assert all(r.findings == [] and r.figures is not None and r.rendered[1] == [] for r in slim)
    assert [r.figures for r in slim] == [report.figures(r) for r in full]
    for writer in (report.format_module("concise").Writer,):
        assert report.collect(writer, slim, out) == report.collect(writer, full, out)
    totals = report.Totals()
    for r in slim:
        totals.add(r)
    assert (totals.files, totals.unreadable, totals.with_errors) == (len(paths), 1, 1 + sum(
        any(f.severity.label == "error" for f in r.findings) for r in full if not r.error))


def test_the_review_page_and_exports_are_the_same_with_jobs_1_and_2(tmp_path):
    # Each file's Row is made where it is linted (a worker with --jobs 2), with
    # the rules its folder's configuration gives it (here a department's profile).
    reports = tmp_path / "reports"
    department = reports / "department"
    department.mkdir(parents=True)
    (department / ".fzlint.yaml").write_text("profile: department\n", encoding="utf-8")
    for copy in range(2):
        for path in seeds():
            shutil.copyfile(path, reports / f"{copy}_{path.name}")
            shutil.copyfile(path, department / f"{copy}_{path.name}")
    (reports / "broken.docx").write_bytes(b"PK\x03\x04broken")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        out.mkdir()
        result = CliRunner().invoke(main, ["report", str(reports), "--jobs", jobs, "--html", str(out / "page.html"),
                                           "--csv", str(out / "table.csv")])
        assert result.exit_code == 0, result.output
        assert "21 份报告" in result.output and "1 份无法读取" in result.output
        outputs[jobs] = [(out / name).read_bytes() for name in ("page.html", "table.csv", "table-findings.csv")]
    assert outputs["1"] == outputs["2"]
    overview = list(csv.reader(io.StringIO(outputs["2"][1].decode("utf-8-sig"))))
    level = overview[0].index("层级")
    # The level column, from each worker's configuration (the department's profile).
    levels = sorted(("/department/" in row[1], row[level]) for row in overview[1:] if row[1].endswith(".txt"))
    assert levels == [(False, "人民政府")] * 10 + [(True, "政府部门")] * 10
