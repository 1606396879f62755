"""Markdown comments that switch rules off."""

from __future__ import annotations

from conftest import lint

DRAFT = """# 某区司法局关于2023年度法治政府建设情况的报告

## 一、主要举措和成效

今年,全年办理案件12件。
<!-- fzlint-disable FZ501 -->
今年,全年办理案件13件。
<!-- fzlint-disable-next-line FZ404 -->
今年,全年办理案件14件。
<!-- fzlint-enable -->
今年,全年办理案件15件。
<!-- fzlint-disable -->
今年,全年办理案件16件。
"""


def test_disable_enable_and_next_line():
    found = [(f.code, f.line) for f in lint(DRAFT, select=["FZ404", "FZ501"], path="d.md")]
    assert found == [("FZ404", 5), ("FZ501", 5), ("FZ404", 7), ("FZ404", 11), ("FZ501", 11)]


def test_prefixes_and_comma_lists():
    text = "<!-- fzlint-disable FZ4, FZ501 -->\n今年,全年办理案件12件。\n<!-- fzlint-enable FZ4 -->\n今年,全年办理案件13件。\n"
    assert [(f.code, f.line) for f in lint(text, select=["FZ404", "FZ501"], path="d.md")] == [("FZ404", 4)]


def test_only_markdown_reads_them():
    assert len(lint(DRAFT, select=["FZ404"], path="d.txt")) == 5


def test_a_directive_is_a_comment_of_its_own_and_an_unclosed_one_is_text():
    text = ("<!-- 备注 <!-- fzlint-disable FZ501 -->\n今年,全年办理案件12件。\n"
            "<!-- fzlint-disable-next-line FZ501\n今年,全年办理案件13件。\n")
    # The first comment opens at '<!-- 备注' and is no directive; the second is never closed.
    assert [(f.code, f.line) for f in lint(text, select=["FZ501"], path="d.md")] == [("FZ501", 2), ("FZ501", 4)]


def test_thousands_of_directives_and_unclosed_openings_take_linear_time():
    import time

    from fzlint import suppress

    unclosed = "一、甲\n" + "<!-- fzlint-disable FZ4 " * 40_000  # the old regex: 170 s
    started = time.process_time()
    assert suppress.directives(unclosed) == []
    pairs = "".join(f"<!-- fzlint-disable FZ501 -->\n今年,办理案件{n}件。\n<!-- fzlint-enable -->\n今年,办理{n}件。\n"
                    for n in range(5_000))
    found = lint(pairs, select=["FZ501"], path="d.md")
    assert time.process_time() - started < 3
    assert [f.line for f in found] == [4 * n + 4 for n in range(5_000)]
