"""Baselines: recorded findings stay out, even after edits elsewhere."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from conftest import seed
from fzlint.cli import main


def run(*args):
    return CliRunner().invoke(main, ["--format", "json", "--jobs", "1", *args])


def codes(result):
    return [(d["code"], d["line"]) for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]]


def test_a_baseline_survives_an_edit_above_the_finding(tmp_path):
    draft = tmp_path / "reports" / "002.txt"
    draft.parent.mkdir()
    shutil.copyfile(seed(2), draft)
    baseline = tmp_path / "fzlint-baseline.json"
    before = run("--write-baseline", str(baseline), str(draft))
    assert len(codes(before)) == 35  # writing a baseline still reports everything
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"reports/002.txt"}
    assert sum(e["count"] for e in data["findings"]) == 35
    assert codes(run("--baseline", str(baseline), str(draft))) == []
    # A new paragraph with a new fault above most findings: only the new fault is reported.
    text = draft.read_text(encoding="utf-8").split("\n")
    text[5:5] = ["今年,我们新增了一项工作。"]
    draft.write_text("\n".join(text), encoding="utf-8")
    after = run("--baseline", str(baseline), str(draft))
    assert sorted(codes(after)) == [("FZ404", 6), ("FZ501", 6)]


def test_a_changed_text_is_a_new_finding_and_copies_are_counted(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("一、主要举措和成效\n今年办理案件12件。\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    run("--select", "FZ404", "--write-baseline", str(baseline), str(draft))
    draft.write_text("一、主要举措和成效\n今年办理案件12件。今年办理案件13件。\n", encoding="utf-8")
    assert codes(run("--select", "FZ404", "--baseline", str(baseline), str(draft))) == [("FZ404", 2)]


def test_a_bad_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "b.json").write_text("{\"findings\": 3}", encoding="utf-8")
    result = CliRunner().invoke(main, ["--baseline", str(tmp_path / "b.json"), str(seed(0))])
    assert result.exit_code == 2 and "b.json" in result.output and "--write-baseline" in result.output


def test_a_baseline_that_cannot_be_written_is_a_one_line_error(tmp_path):
    target = tmp_path / "no" / "such" / "b.json"
    result = CliRunner().invoke(main, ["--write-baseline", str(target), str(seed(0))])
    assert result.exit_code == 2 and isinstance(result.exception, (SystemExit, type(None)))  # no traceback
    assert result.output == f"fzlint: {target}: 无法写入基线文件：No such file or directory\n"
    english = CliRunner().invoke(main, ["--lang", "en", "--write-baseline", str(target), str(seed(0))])
    assert english.output == f"fzlint: {target}: cannot write the baseline: No such file or directory\n"


def test_diff_can_record_a_baseline_and_names_what_it_cannot_read(tmp_path):
    draft = tmp_path / "draft.txt"
    shutil.copyfile(seed(0), draft)
    target = tmp_path / "b.json"
    result = CliRunner().invoke(main, ["--diff", "--write-baseline", str(target), str(draft),
                                       str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "+++ " in result.output and "missing.txt" in result.output
    recorded = json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert recorded and all(e["path"] == "draft.txt" for e in recorded)
