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
    assert fix.apply(text, found) == ("甲，乙，丙\n第2行", [found[0], found[2]])


def test_fixes_run_in_rounds_until_nothing_is_left():
    outcome = fix.fix_source(lambda s: linter().lint_source(s).findings,
                             Source("d.txt", "一、主要举措和成效\n开展培训4期,,覆盖312人。\n", "utf-8"))
    assert outcome.text == "一、主要举措和成效\n开展培训4期，覆盖312人。\n"  # FZ501, then FZ505
    assert [[f.code for f in r] for r in outcome.rounds] == [["FZ501"], ["FZ505"]]
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


# -- mixed line endings, Markdown comments and fences, line breaks in a fix ------------


def test_a_file_that_mixes_line_endings_keeps_each_lines_own(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes("一、主要举措和成效\r\n开展培训4期,覆盖312人。\n组织考试2场,参考98人。\r\n".encode()
                     + "二、存在的不足和原因\r宣传不够深入。\n".encode())
    result = run("--fix", "--select", "FZ501", str(path))
    assert result.exit_code == 0 and "已修复 2 个问题，剩余 0 个。" in result.output
    assert path.read_bytes() == ("一、主要举措和成效\r\n开展培训4期，覆盖312人。\n组织考试2场，参考98人。\r\n".encode()
                                 + "二、存在的不足和原因\r宣传不够深入。\n".encode())


def test_a_file_with_one_line_ending_is_written_with_it():
    source = Source("d.txt", "一、甲\n乙,丙\n", "utf-16-le", newline="\r\n")
    assert fix.encode(source, "一、甲\n乙，丙\n") == codecs.BOM_UTF16_LE + "一、甲\r\n乙，丙\r\n".encode("utf-16-le")


def test_hidden_is_what_markdown_masks_comments_with_their_spaces_and_fenced_lines():
    text = "甲<!-- 备注 -->乙\n<!--\n  多行\n-->\n```\n一、代码\n```\n丙 丁"
    assert fix.hidden(text) == {1: [(1, 12)], 2: [(0, 4)], 3: [(0, 4)], 4: [(0, 3)], 5: [(0, 3)], 6: [(0, 4)],
                                7: [(0, 3)]}
    assert fix.hidden("甲 乙\n") == {}


@pytest.mark.parametrize("line,kept", [
    ("工作推进,<!-- 备注 -->完成;", "工作推进,<!-- 备注 -->完成;"),  # FZ501's one fix spans the comment: refused
    ("二<!-- TODO -->、加强监督", "二<!-- TODO -->、加强监督"),  # FZ203's marker holds the comment: refused
    ("工作推进,完成;<!-- 备注 -->", "工作推进，完成；<!-- 备注 -->"),  # beside the comment: applied
])
def test_fix_never_touches_a_markdown_comment(tmp_path, line, kept):
    path = tmp_path / "d.md"
    head = "# 某区2023年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n"
    tail = "\n\n开展培训4期,覆盖312人。\n"
    path.write_text(head + line + tail, encoding="utf-8")
    result = run("--fix", "--select", "FZ203,FZ501", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == head + kept + "\n\n开展培训4期，覆盖312人。\n"


def test_a_refused_fix_is_still_reported():
    text = "一、主要举措和成效\n工作推进,<!-- 备注 -->完成;\n"
    source = Source("d.md", text, "utf-8", format="markdown")
    outcome = fix.fix_source(lambda s: linter().lint_source(s).findings, source)
    assert outcome.text == text and outcome.rounds == []
    assert [(f.code, f.line, f.fix.column) for f in outcome.findings if f.safe_fix] == [("FZ501", 2, 5)]


def test_fences_are_untouched_and_fixes_around_them_applied():
    text = "一、主要举措和成效\n```\n开展培训4期,,覆盖312人\n```\n开展培训4期,覆盖312人。\n"
    source = Source("d.md", text, "utf-8", format="markdown")
    outcome = fix.fix_source(lambda s: linter().lint_source(s).findings, source)
    assert outcome.text == text.replace("期,覆", "期，覆")


def test_apply_refuses_a_fix_whose_replacement_holds_a_line_break():
    found = [finding(Fix(1, 2, 3, "，\n")), finding(Fix(2, 2, 3, "，"))]
    assert fix.apply("甲,乙\n丙,丁", found) == ("甲,乙\n丙，丁", [found[1]])


def test_an_insertion_at_a_comments_edge_is_applied_one_inside_it_is_not():
    text = "甲<!--x-->乙"
    at_edge = finding(Fix(1, 2, 2, "《"))
    inside = finding(Fix(1, 4, 4, "《"))
    assert fix.apply(text, [at_edge], markdown_text=True) == ("甲《<!--x-->乙", [at_edge])
    assert fix.apply(text, [inside], markdown_text=True) == (text, [])
    assert fix.apply(text, [inside]) == ("甲<!《--x-->乙", [inside])  # not Markdown: a comment is text
