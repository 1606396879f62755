"""--format text: the display width that places the caret under a span."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from fzlint.report.text import width


def test_width_counts_two_columns_for_every_wide_character_and_one_for_the_rest():
    # Every assigned character, compared with the Unicode database's East Asian
    # Width (W and F are two columns). The table in text.py is Unicode 14's
    # (Python 3.11, as CI runs it); another Unicode version adds characters the
    # table does not know of.
    if unicodedata.unidata_version != "14.0.0":
        pytest.skip(f"the table is Unicode 14's; this Python has {unicodedata.unidata_version}")
    wrong = [hex(cp) for cp in range(sys.maxunicode + 1)
             if unicodedata.category(chr(cp)) != "Cn"
             and width(chr(cp)) != (2 if unicodedata.east_asian_width(chr(cp)) in ("W", "F") else 1)]
    assert wrong == []


def test_width_of_mixed_text():
    assert width("") == 0
    assert width("2023年度法治政府建设") == 4 + 2 * 8
    assert width("（一）A，b。") == 2 + 2 + 2 + 1 + 2 + 1 + 2
    assert width("\u3000") == 2  # the ideographic space of an indented paragraph


def test_a_finding_is_one_line_whatever_characters_the_draft_and_its_name_hold(tmp_path):
    """Line breaks inside a line (U+2028, a form feed) and terminal controls
    (ESC) are quoted as escapes in the message and drawn as a space in the
    snippet, which keeps its caret under the span."""
    from click.testing import CliRunner

    from fzlint.cli import main

    draft = tmp_path / "甲\x1b[2J.txt"
    draft.write_text("一、主要举措和成效\n开展培训4期\x1b[2J,覆盖\x0c312人。\n加强“执法\u2028监督”工作,成效显著提升。\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["--select", "FZ501", "--no-color", str(draft)])
    name = str(tmp_path) + "/甲\\x1b[2J.txt"
    assert result.output.splitlines() == [
        f"{name}:2:11: warning FZ501 本行有 1 个半角标点（,），中文行文应使用相应的全角标点。可用 --fix 自动改正。",
        "  |",
        "2 | 开展培训4期 [2J,覆盖 312人。",
        "  |                ^",
        f"{name}:3:12: warning FZ501 本行有 1 个半角标点（,），中文行文应使用相应的全角标点。可用 --fix 自动改正。",
        "  |",
        "3 | 加强“执法 监督”工作,成效显著提升。",
        "  |                    ^",
        "检查了 1 个文件：0 个错误，2 个警告，0 条提示。",
        "其中 2 个可用 --fix 自动修复（--diff 可先查看改动）。",
    ]
    assert result.exit_code == 0


def test_a_message_quoting_a_line_break_shows_its_escape():
    from fzlint.model import Finding, Severity
    from fzlint.report import Output, one_line, where

    assert one_line("甲\u2028乙\x0c丙\x85丁\t戊") == "甲\\u2028乙\\x0c丙\\x85丁\t戊"
    f = Finding(path="d\n.txt", line=1, column=1, end_line=1, end_column=2, code="FZ302", name="n",
                severity=Severity.WARNING, message="“甲\u2029乙”", context="丙\r丁")
    assert where(f, Output()) == "d\\n.txt:1:1: warning FZ302 “甲\\u2029乙” 〔“丙\\r丁”〕"
