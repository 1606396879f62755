"""Issue 12, "every input gets an answer", as a test.

Hostile variants of the seeds (.txt and .md), of .docx and of web pages
(tests/fuzzing.py) go through `fzlint --format concise`, `fzlint outline
--format json`, `fzlint --diff` and `fzlint report` in this process, through click's
CliRunner on fzlint.cli.main. For every mutant: no exception escapes, no
FZ901 says 内部错误 (internal error), the exit code is 0, 1 or 2 (2 exactly
when a file could not be read), every finding is one line, and each command
takes under 5 s of CPU time.

FZLINT_FUZZ_RUNS=N runs N mutants of each format (and 10·N drafts for the
--fix property in test_fix.py); FZLINT_FUZZ_SEED=S another campaign. A
failing mutant is written under pytest's tmp_path, and the failure names the
file, the mutant's chain of mutations and how to make it again. The longer
campaign, with memory, is benchmarks/fuzz.py.
"""

from __future__ import annotations

import dataclasses
import os
import random

import pytest

import fuzzing
from conftest import program
from fzlint import parse

DEFAULT_RUNS = {"txt": 200, "md": 150, "docx": 150, "html": 150, "pdf": 100}
RUNS = {fmt: int(os.environ.get(fuzzing.RUNS_ENV) or n) for fmt, n in DEFAULT_RUNS.items()}
SEED = int(os.environ.get(fuzzing.SEED_ENV) or fuzzing.DEFAULT_SEED)
CASES = [(fmt, index) for fmt in fuzzing.FORMATS for index in range(RUNS[fmt])]


@pytest.mark.parametrize("fmt,index", CASES, ids=[f"{fmt}-{index:04d}" for fmt, index in CASES])
def test_every_input_gets_an_answer(tmp_path, fmt, index):
    needs(fmt)
    m = fuzzing.mutant(fmt, index, SEED)
    path = tmp_path / m.filename
    path.write_bytes(m.data)
    failures, _ = fuzzing.run_in_process(str(path))
    new = [f for f in failures if fuzzing.known(f) is None]
    if new:
        report = tmp_path / f"{m.name}.failures.log"
        report.write_text(m.describe() + "\n" + "".join(f"{f}\n" for f in failures), encoding="utf-8")
        pytest.fail(f"{m.describe()}\n"
                    f"  input: {path} (what went wrong: {report})\n"
                    f"  again: {fuzzing.SEED_ENV}={SEED} pytest tests/test_fuzz.py -k {m.name}, "
                    f"or python3 benchmarks/fuzz.py --replay {fmt} {index} {SEED}\n"
                    + "".join(f"  {f}\n" for f in new), pytrace=False)
    if failures:
        pytest.xfail("known: " + "; ".join(sorted({fuzzing.known(f).key for f in failures})))


# -- the harness itself -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", fuzzing.FORMATS)
def test_a_mutant_is_made_again_from_its_format_index_and_seed(fmt):
    needs(fmt)
    a, b = fuzzing.mutant(fmt, 7, 99), fuzzing.mutant(fmt, 7, 99)
    assert (a.data, a.chain, a.base) == (b.data, b.chain, b.base) and a.chain
    assert fuzzing.mutant(fmt, 8, 99).data != a.data


def test_every_mutation_runs_on_every_kind_of_base():
    rng = random.Random(1)
    text = fuzzing.seed_texts()[0][1]
    for mutation in fuzzing.TEXT_MUTATIONS + fuzzing.MD_MUTATIONS:
        out, what = mutation(rng, text)
        assert isinstance(out, str) and what.startswith(mutation.__name__[2:])
    data = fuzzing.bases("txt")[0][1]
    for mutation in fuzzing.BYTE_MUTATIONS:
        out, what = mutation(rng, data, None)
        assert isinstance(out, bytes) and what
    numbered = next(data for name, data in fuzzing.bases("docx") if name.endswith("-numbered.docx"))
    for mutation in fuzzing.DOCX_MUTATIONS:
        parts = fuzzing._unzip(numbered)
        assert "(no " not in mutation(rng, parts, None)
    markup = fuzzing.bases("html")[0][1].decode("utf-8")
    for mutation in fuzzing.HTML_MUTATIONS:
        out, what = mutation(rng, markup)
        assert out != markup and what


def test_every_pdf_mutation_changes_a_printed_report():
    needs("pdf")
    rng = random.Random(1)
    data = fuzzing.bases("pdf")[0][1]
    for mutation in fuzzing.PDF_MUTATIONS:
        out, what = mutation(rng, data, None)
        assert out != data and "(none)" not in what


def needs(fmt: str) -> None:
    """The .pdf mutants are made from seeds printed by the real LibreOffice."""
    if fmt == "pdf":
        program("soffice", "apt-get install libreoffice-writer-nogui (Debian's package)")


@pytest.mark.parametrize("command,exit_code,stdout,stderr,seconds,expected", [
    ("check", 0, "d.txt:3:1: warning FZ501 本行有 2 个半角标点。\n", "", 0.1, []),
    ("check", 2, "d.txt:1:1: error FZ901 无法读取：不是文本文件（含有 NUL 字节）\n", "", 0.1, []),
    ("check", 1, "d.txt:1:1: error FZ901 无法读取：不是文本文件\n", "", 0.1, [("exit-code", "exit 1 with FZ901")]),
    ("check", 2, "d.txt:3:1: error FZ504 日期不存在\n", "", 0.1, [("exit-code", "exit 2")]),
    ("check", 0, "d.txt:3:1: warning FZ506 段落以“……甲\u2028乙”结尾\n", "", 0.1,
     [("multi-line", "not a finding line: '乙”结尾'")]),
    ("check", 1, "d.txt:1:1: error FZ901 无法读取：内部错误（IndexError: string index out of range），请报告此问题。\n",
     'Traceback (most recent call last):\n  File "/x/fzlint/parse.py", line 86, in cn_numeral\nIndexError: x\n', 0.1,
     [("internal-error", "d.txt:1:1: error FZ901 无法读取：内部错误（IndexError: string index out of range），请报告此问题。"),
      ("exit-code", "exit 1 with FZ901")]),
    ("outline", 1, "", "", 0.1, [("exit-code", "exit 1")]),
    ("outline", 1, "", 'Traceback (most recent call last):\n  File "/x/fzlint/parse.py", line 1, in parse_lines\n'
     "lark.exceptions.UnexpectedToken: Unexpected token at line 1, column 4.\nExpected one of:\n\t* TEXT\n"
     "Previous tokens: [Token('ATX', '##')]\n", 0.1,
     [("traceback", "lark.exceptions.UnexpectedToken: Unexpected token at line 1, column 4.")]),
    ("diff", 1, "--- a/d.txt\n", "", 6.0, [("too-slow", "6.0 s (limit 5 s)")]),
])
def test_judge_names_each_way_a_run_fails(command, exit_code, stdout, stderr, seconds, expected):
    assert [(f.kind, f.detail) for f in fuzzing.judge(command, exit_code, stdout, stderr, seconds)] == expected


@pytest.mark.parametrize("exit_code,page,expected", [
    (0, "<html>…无法读取：不是文本文件…</html>", []),
    (0, None, [("exit-code", "exit 0 without writing the review page")]),
    (2, None, [("exit-code", "exit 2")]),
    (0, "<td>无法读取：内部错误（IndexError: x），请报告此问题。</td>", [("internal-error", "<td>无法读取：内部错误（IndexError: x），请报告此问题。</td>")]),
])
def test_judge_reads_the_review_page_of_report(exit_code, page, expected):
    found = fuzzing.judge("report", exit_code, "已生成审阅页面 d.html：1 份报告\n", "", 0.1, page=page)
    assert [(f.kind, f.detail) for f in found] == expected


def test_report_runs_in_the_harness_and_its_page_is_read_and_removed(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("一、主要举措和成效\n", encoding="utf-8")
    failures, times = fuzzing.run_in_process(str(path), commands=("report",))
    assert failures == [] and set(times) == {"report"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt"]


def test_an_internal_error_is_reported_with_where_it_happened(tmp_path, monkeypatch):
    def broken(text):
        return text[10 ** 6]

    monkeypatch.setattr(parse, "cn_number", broken)
    path = tmp_path / "d.txt"
    path.write_text("一、主要举措和成效\n", encoding="utf-8")
    failures, _ = fuzzing.run_in_process(str(path), commands=("check",))
    assert failures == [fuzzing.Failure("internal-error", "check", f"{path}:1:1: error FZ901 无法读取：内部错误（IndexError: "
                                        "string index out of range），请报告此问题。其他文件照常检查。", "parse.py:build", "IndexError")]


def test_a_run_that_takes_far_too_long_is_stopped_and_reported(tmp_path, monkeypatch):
    def forever(*args):
        while True:
            pass

    monkeypatch.setattr(parse, "parse_lines", forever)
    monkeypatch.setattr(fuzzing, "ABORT_AFTER", 0.3)
    path = tmp_path / "d.txt"
    path.write_text("一、主要举措和成效\n", encoding="utf-8")
    failures, times = fuzzing.run_in_process(str(path), commands=("check", "outline"))
    assert [(f.kind, f.command, f.detail) for f in failures] == [("too-slow", "check", "stopped after 0.3 s"),
                                                                 ("too-slow", "outline", "stopped after 0.3 s")]
    assert 0.2 < times["check"] < 5  # CPU seconds, as the timer counts them


def test_a_known_failure_is_matched_by_where_and_what_an_unknown_one_is_not(monkeypatch):
    # An entry of its own: the real ones come and go as their defects are fixed.
    known = fuzzing.Known("example", ("internal-error", "traceback"), ("kinds/example.py:_int",), ("ValueError",),
                          "an example")
    monkeypatch.setattr(fuzzing, "KNOWN", (known, *fuzzing.KNOWN))
    failure = fuzzing.Failure(known.kinds[0], "check", "…", known.wheres[0], known.exceptions[0])
    assert fuzzing.known(failure) is known
    assert fuzzing.known(dataclasses.replace(failure, where="check.py:run")) is None
    assert fuzzing.known(dataclasses.replace(failure, exception="KeyError")) is None
