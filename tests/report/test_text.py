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
