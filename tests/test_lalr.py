"""The line grammar's parser: Lark's standalone parser, compiled once into the
cache, parses exactly as Lark itself does, and a later run needs no Lark import."""

import json
import os
import subprocess
import sys
from pathlib import Path

from fzlint import lalr

ROOT = Path(__file__).resolve().parents[1]

# One of each line shape of grammar/report.lark, and text that is none of them.
SHAPES = "\n".join([
    "某县2026年法治政府建设年度报告", "", "县委、县政府：", "一、主要举措和成效", "（一）加强组织领导",
    "1．健全制度。全年召开会议3次。", "(2)完善机制", "## 二、存在的不足", "#", "三是工作不平衡。",
    "特此报告。", "联系人：张某，电话：0000-1234567", "— 3 —", "2027年1月15日", "  一、缩进的标题",
    "十、第十部分", "（十一）第十一项", "12.第十二条", "纯文本行，没有任何标题形状。",
])


def _parse_in_process(cache: Path, **env) -> dict:
    code = (
        "import json, sys\n"
        "from fzlint import parse\n"
        "p = parse._parser()\n"
        f"lines = p.parse({SHAPES!r})\n"
        "out = [[getattr(x, 'number', None), str(getattr(x, 'kind', '')), getattr(x, 'text', None),\n"
        "        getattr(x, 'column', None), repr(getattr(x, 'marker', None))]\n"
        "       for x in (l[0] if isinstance(l, tuple) else l for l in lines)]\n"
        "print(json.dumps({'lines': out, 'lark_imported': 'lark' in sys.modules,\n"
        "                  'cached_re': type(p.parser.lexer.root_lexer.re).__name__}))\n")
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache), **env}
    if "FZLINT_NO_CACHE" not in env:
        environ.pop("FZLINT_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_later_run_parses_with_the_cached_parser_as_lark_does_and_never_imports_lark(tmp_path):
    first = _parse_in_process(tmp_path)
    assert first["lark_imported"] and first["cached_re"] == "_CachedRe"
    (cached,) = (tmp_path / "fzlint").glob("lalr-*.marshal")
    second = _parse_in_process(tmp_path)
    assert not second["lark_imported"] and second["cached_re"] == "_CachedRe"
    assert second["lines"] == first["lines"]
    # Every shape is told (the blank line and the empty "#" are no Line).
    assert [(n, kind.split(".")[1]) for n, kind, *_ in first["lines"]] == [
        (1, "TEXT"), (3, "TEXT"), (4, "HEADING"), (5, "HEADING"), (6, "HEADING"), (7, "HEADING"), (8, "HEADING"),
        (10, "TEXT"), (11, "CLOSING"), (12, "CONTACT"), (13, "PAGE_NUMBER"), (14, "DATE"), (15, "HEADING"),
        (16, "HEADING"), (17, "HEADING"), (18, "HEADING"), (19, "TEXT")]
    assert cached.exists()


def test_a_damaged_cached_parser_means_building_it_with_lark_again(tmp_path):
    expected = _parse_in_process(tmp_path)["lines"]
    (cached,) = (tmp_path / "fzlint").glob("lalr-*.marshal")
    cached.write_bytes(b"not a parser")
    again = _parse_in_process(tmp_path)
    assert again["lark_imported"] and again["lines"] == expected
    assert cached.read_bytes() != b"not a parser"  # written anew
    assert not _parse_in_process(tmp_path)["lark_imported"]


def test_fzlint_no_cache_builds_with_lark_and_writes_no_parser(tmp_path):
    expected = _parse_in_process(tmp_path / "a")["lines"]
    result = _parse_in_process(tmp_path / "b", FZLINT_NO_CACHE="1")
    assert result["lark_imported"] and result["lines"] == expected
    assert not list((tmp_path / "b").glob("**/lalr-*"))


def test_another_grammar_or_lark_is_another_file(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("FZLINT_NO_CACHE", raising=False)
    one = lalr._module_path("start: TEXT")
    assert one is not None and one.parent == tmp_path / "fzlint"
    assert lalr._module_path("start: TEXT ") != one
    monkeypatch.setattr(lalr, "_FORMAT", lalr._FORMAT + 1)
    assert lalr._module_path("start: TEXT") != one
