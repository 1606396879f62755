"""Markdown: code blocks and HTML comments are not text; lines keep their numbers."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, linter
from fzlint import read
from fzlint.formats.markdown import mask

DRAFT = """# 某区司法局关于2023年度法治政府建设情况的报告

区委、区政府：

## 一、主要举措和成效

全年办理行政复议案件12件，同比增长20%。

```text
二、这是代码块里的示例,不是标题
```

<!-- 三、注释里的提纲,不是标题 -->

## 二、存在的不足和原因
"""


def test_code_blocks_and_comments_are_blanked_in_place():
    masked = mask(DRAFT)
    assert masked.count("\n") == DRAFT.count("\n")
    lines = masked.split("\n")
    assert lines[8:11] == ["", "", ""]
    assert lines[12].strip() == "" and len(lines[12]) == len(DRAFT.split("\n")[12])
    assert lines[14] == "## 二、存在的不足和原因"


def test_neither_is_parsed_or_checked(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    result = linter().lint_file(str(path))
    assert [(s.line, s.title) for s in result.document.sections] == [(5, "主要举措和成效"), (15, "存在的不足和原因")]
    assert not any(f.line in (9, 10, 11, 13) for f in result.findings)


def test_an_unclosed_fence_runs_to_the_end_and_inline_code_fences_do_not_open():
    assert mask("正文\n```\n代码,\n").split("\n") == ["正文", "", "", ""]
    assert mask("```正文``` 后文,\n下一行") == "```正文``` 后文,\n下一行"
    assert mask("~~~~\n```\n~~~\n仍是代码\n~~~~\n正文") == "\n\n\n\n\n正文"


def test_fix_keeps_the_code_block_as_written(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(DRAFT.replace("同比增长20%。", "同比增长20%,成效明显。"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "fzlint", "--fix", "--select", "FZ501", str(path)],
                   capture_output=True, text=True, cwd=ROOT)
    fixed = path.read_text(encoding="utf-8")
    assert "同比增长20%，成效明显。" in fixed
    assert "二、这是代码块里的示例,不是标题" in fixed and "三、注释里的提纲,不是标题" in fixed
    assert read.read(str(path)).format == "markdown"


def test_an_unclosed_comment_is_text_and_many_of_them_take_linear_time():
    import time

    # A comment ends at the first --> after it, across lines; with none, it is text.
    assert mask("甲<!--乙\n丙<!--丁-->戊<!--己") == "甲     \n         戊<!--己"
    text = "一、甲<!---->乙\n" + "<!-- x " * 40_000  # the old regex: 41 s
    started = time.process_time()
    masked = mask(text)
    assert time.process_time() - started < 1
    assert masked == text.replace("<!---->", "       ")
