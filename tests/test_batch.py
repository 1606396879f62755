"""Many files: --jobs gives exactly the findings of one process, in the same order."""

from __future__ import annotations

import json
import shutil

import pytest

from click.testing import CliRunner

from conftest import SEEDS
from fzlint.cli import main


def test_jobs_2_equals_jobs_1(tmp_path):
    for copy in range(4):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, tmp_path / f"{copy}_{path.name}")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04broken")
    one = CliRunner().invoke(main, ["--format", "json", "--jobs", "1", str(tmp_path)])
    two = CliRunner().invoke(main, ["--format", "json", "--jobs", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 2  # the broken file
    assert json.loads(one.output) == json.loads(two.output)
    files = json.loads(two.output)["files"]
    assert len(files) == 21 and [d["code"] for d in files[-1]["diagnostics"]] == ["FZ901"]
    assert sum(len(f["diagnostics"]) for f in files) == 1 + 4 * (51 + 67 + 33 + 56 + 44)


@pytest.mark.parametrize("options", [[], ["--verbose"], ["--format", "concise"], ["--format", "github"],
                                     ["--statistics"], ["--quiet"]])
def test_jobs_2_text_reports_equal_jobs_1(tmp_path, options):
    # The workers render each file's part of the text formats (the text format
    # with each finding's line and caret); the parent only joins the parts.
    for copy in range(3):
        for path in sorted(SEEDS.glob("*.txt")):
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

