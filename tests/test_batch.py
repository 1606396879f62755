"""Many files: --jobs gives exactly the findings of one process, in the same order."""

from __future__ import annotations

import json
import shutil

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


def test_jobs_2_text_report_equals_jobs_1(tmp_path):
    # The text format shows each finding's line: results from workers must carry their source.
    for copy in range(3):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, tmp_path / f"{copy}_{path.name}")
    env = {"NO_COLOR": "1", "GITHUB_ACTIONS": None}
    one = CliRunner().invoke(main, ["--jobs", "1", str(tmp_path)], env=env)
    two = CliRunner().invoke(main, ["--jobs", "2", str(tmp_path)], env=env)
    assert one.output == two.output and one.output.count("\n  |") > 0
