"""--fix and --diff (fzlint/fix.py): rounds of safe fixes, written back atomically
in the file's own encoding, BOM and line breaks."""

from __future__ import annotations

import codecs
import os
import re
import shutil
import stat

import pytest
from click.testing import CliRunner

from conftest import lint, linter, seed
from fzlint import fix
from fzlint.cli import main
from fzlint.model import Finding, Fix, Severity, Source

ASCII_MARKS = re.compile(r"[,:;?!()]")


def run(*args):
    result = CliRunner().invoke(main, ["--no-color", *args], env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def finding(fix_: Fix, code="FZ501") -> Finding:
    return Finding("d.txt", code, "n", Severity.WARNING, fix_.line, fix_.column, fix_.line, fix_.end_column, "m", fix_)


def test_apply_takes_non_overlapping_safe_fixes_and_leaves_the_rest():
    text = "甲,乙,丙\n第二行"
    found = [finding(Fix(1, 2, 5, "，乙，")), finding(Fix(1, 4, 5, "，"), "FZ505"),
             finding(Fix(2, 1, 3, "第2"), "FZ601"), finding(Fix(2, 3, 4, "句", safe=False))]
    assert fix.apply(text, found) == ("甲，乙，丙\n第2行", 2)


def test_fixes_run_in_rounds_until_nothing_is_left():
    outcome = fix.fix_source(lambda s: linter().lint_source(s).findings,
                             Source("d.txt", "一、主要举措和成效\n开展培训4期,,覆盖312人。\n", "utf-8"))
    assert outcome.text == "一、主要举措和成效\n开展培训4期，覆盖312人。\n"  # FZ501, then FZ505
    assert outcome.fixed == 2


@pytest.mark.parametrize("number", range(5))
def test_fz501_fix_on_every_seed_replaces_the_marks_and_nothing_else(tmp_path, number):
    original = seed(number).read_text(encoding="utf-8")
    path = tmp_path / seed(number).name
    shutil.copyfile(seed(number), path)
    before = lint(original)
    assert any(f.code == "FZ501" for f in before)

    result = run("--fix", "--select", "FZ501", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert result.exit_code == 0 and "剩余 0 个" in result.output
    assert lint(fixed, select=["FZ501"]) == []
    assert len(fixed) == len(original)
    for a, b in zip(original, fixed):
        if a != b:  # only a mark, and only into its full-width form
            assert ASCII_MARKS.fullmatch(a) and b == {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}[a]
    # numbers, times and codes untouched
    assert re.findall(r"\d[\d.,:%]*\d|\d", fixed) == re.findall(r"\d[\d.,:%]*\d|\d", original)
    # the structural and front/back-matter findings are the same
    keep = lambda fs: [(f.code, f.line) for f in fs if f.code[:3] in ("FZ1", "FZ3")]  # noqa: E731
    assert keep(lint(fixed)) == keep(before)
    # a second --fix is a no-op
    mtime = path.stat().st_mtime_ns
    again = run("--fix", "--select", "FZ501", str(path))
    assert path.read_text(encoding="utf-8") == fixed and path.stat().st_mtime_ns == mtime
    assert "已修复 0 个问题" in again.output


@pytest.mark.parametrize("number", range(5))
def test_full_fix_converges_and_leaves_no_fixable_finding(tmp_path, number):
    path = tmp_path / "d.txt"
    shutil.copyfile(seed(number), path)
    run("--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert [f for f in lint(fixed) if f.fix is not None and f.fix.safe] == []
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == fixed


@pytest.mark.parametrize("encoding,bom,newline", [
    ("utf-8", b"", "\r\n"), ("utf-8-sig", b"", "\n"), ("gb18030", b"", "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"), ("utf-16-be", codecs.BOM_UTF16_BE, "\r"),
])
def test_fix_keeps_encoding_bom_and_line_breaks(tmp_path, encoding, bom, newline):
    text = "一、主要举措和成效\n开展培训4期,覆盖312人。\n"
    path = tmp_path / "d.txt"
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    os.chmod(path, 0o640)
    run("--fix", str(path))
    expected = text.replace(",", "，").replace("\n", newline)
    assert path.read_bytes() == bom + expected.encode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["d.txt"]  # no temporary file left behind


def test_diff_shows_the_changes_and_changes_nothing(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("一、主要举措和成效\n开展培训4期,覆盖312人。\n", encoding="utf-8")
    result = run("--diff", str(path))
    assert path.read_text(encoding="utf-8") == "一、主要举措和成效\n开展培训4期,覆盖312人。\n"
    assert result.exit_code == 1
    assert result.output.splitlines()[2:] == ["@@ -1,2 +1,2 @@", " 一、主要举措和成效",
                                              "-开展培训4期,覆盖312人。", "+开展培训4期，覆盖312人。"]
    path.write_text("一、主要举措和成效\n开展培训4期，覆盖312人。\n", encoding="utf-8")
    clean = run("--diff", str(path))
    assert (clean.exit_code, clean.output) == (0, "")


def test_unsafe_fixes_are_shown_but_never_applied(tmp_path, monkeypatch):
    from fzlint.kinds import repeated_punctuation
    original = repeated_punctuation.check

    def unsafe(doc, params, ctx):
        for hit in original(doc, params, ctx):
            yield hit.__class__(hit.line, hit.column, hit.end_column, hit.args, hit.variant,
                                Fix(hit.fix.line, hit.fix.column, hit.fix.end_column, hit.fix.replacement, safe=False))

    monkeypatch.setattr(repeated_punctuation, "check", unsafe)
    path = tmp_path / "d.txt"
    path.write_text("一、主要举措和成效\n开展培训4期，，覆盖312人。\n", encoding="utf-8")
    result = run("--fix", "--select", "FZ505", str(path))
    assert "，，" in path.read_text(encoding="utf-8")
    assert "已修复 0 个问题，剩余 1 个。" in result.output


def test_fix_refuses_stdin_and_diff_together():
    assert run("--fix", "-").exit_code == 2
    assert run("--fix", "--diff", "x.txt").exit_code == 2


def test_a_file_that_cannot_be_read_is_reported_and_the_others_fixed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("一、主要举措和成效\n开展培训4期,覆盖312人。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    result = run("--fix", str(bad), str(good))
    assert result.exit_code == 2 and "FZ901" in result.output
    assert "，" in good.read_text(encoding="utf-8")
