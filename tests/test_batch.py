"""Many files: --jobs gives exactly the findings of one process, in the same order."""

from __future__ import annotations

import json
import shutil

import pytest

from click.testing import CliRunner

from conftest import ROOT, seeds
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
    assert sum(len(f["diagnostics"]) for f in files) == 1 + 4 * (48 + 65 + 34 + 56 + 43)


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
    assert "检查 [" not in stdout and stdout.endswith("其中 612 个可用 --fix 自动修复（--diff 可先查看改动）。\n")
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
