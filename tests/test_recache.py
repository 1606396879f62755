"""The compiled-pattern cache: the same patterns as re.compile, from the file
when it can be, and re.compile's behaviour whenever it cannot."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fzlint import recache

ROOT = Path(__file__).resolve().parents[1]

PATTERNS = [
    (r"(?P<year>\d{4})年(?:度)?", 0),
    (r"[一二三四五六七八九十]{1,4}[、，,．.]", 0),
    (r"(?<![\u4e00-\u9fff])依法治[国省市县区镇]", 0),
    (r"^\s*[（(][一二三]\s*[）)]", re.M),
    (r"abc|ABC", re.I),
    (r"(a)(b)?(?P<c>c)", 0),
    (r"[　-〿㐀-䶿一-鿿＀-￯“”‘’…—]+", 0),
]
SAMPLES = ["2025年度法治政府建设", "一、主要举措和成效", "推进依法治县工作", "  （一）加强领导\n（二）完善制度",
           "xAbCx", "abc ac", "全面推进依法行政，“八五”普法……"]


def _run(code: str, cache_home: Path, **env) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache_home),
                              **env, **({} if "FZLINT_NO_CACHE" in env else {"FZLINT_NO_CACHE": ""})})
    return json.loads(out.stdout.strip().splitlines()[-1])


_PROBE = """
import json, re
from fzlint import recache
patterns = {patterns!r}
samples = {samples!r}
results = []
for p, f in patterns:
    c = recache.compile(p, f)
    results.append([c.pattern, c.flags, c.groups, dict(c.groupindex),
                    [[m.span(), m.groups()] for s in samples for m in c.finditer(s)]])
print(json.dumps({{"results": results, "from_cache": len(recache._used) - len(recache._new),
                  "compiled": len(recache._new)}}))
"""


def _probe(cache_home: Path, **env) -> dict:
    return _run(_PROBE.format(patterns=PATTERNS, samples=SAMPLES), cache_home, **env)


def _expected() -> list:
    out = []
    for p, f in PATTERNS:
        c = re.compile(p, f)
        out.append([c.pattern, c.flags, c.groups, dict(c.groupindex),
                    [[list(m.span()), list(m.groups())] for s in SAMPLES for m in c.finditer(s)]])
    return out


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_a_second_process_takes_every_pattern_from_the_cache_and_gets_what_re_compile_gives(tmp_path):
    first = _probe(tmp_path)
    assert first["compiled"] == len(PATTERNS) and first["from_cache"] == 0
    assert list((tmp_path / "fzlint").glob("re-*.marshal"))
    second = _probe(tmp_path)
    assert second["compiled"] == 0 and second["from_cache"] == len(PATTERNS)
    assert first["results"] == second["results"] == _expected()


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_a_damaged_cache_file_means_compiling_as_usual(tmp_path):
    _probe(tmp_path)
    (cache,) = (tmp_path / "fzlint").glob("re-*.marshal")
    cache.write_bytes(b"not a cache")
    again = _probe(tmp_path)
    assert again["compiled"] == len(PATTERNS) and again["results"] == _expected()


def test_fzlint_no_cache_writes_nothing(tmp_path):
    result = _probe(tmp_path, FZLINT_NO_CACHE="1")
    assert result["results"] == _expected()
    assert not (tmp_path / "fzlint").exists()


def test_a_bad_pattern_still_raises_re_error():
    with pytest.raises(re.error):
        recache.compile("(unclosed")


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_fzlint_itself_compiles_nothing_on_its_second_run(tmp_path):
    """A check of a draft with the shipped rules: every pattern of the second run comes from the cache."""
    draft = tmp_path / "草稿.txt"
    draft.write_text("某县2025年度法治政府建设情况报告\n\n一、主要举措和成效\n开展执法检查12次。\n", encoding="utf-8")
    code = ("import json, sys\nfrom fzlint import recache\nfrom fzlint.cli import main\n"
            "try:\n    main(['check', %r, '--no-config'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(json.dumps({'compiled': len(recache._new), 'from_cache': len(recache._used) - len(recache._new)}))\n"
            % str(draft))
    first = _run(code, tmp_path / "cache")
    second = _run(code, tmp_path / "cache")
    assert first["compiled"] > 100
    assert second == {"compiled": 0, "from_cache": first["compiled"] + first["from_cache"]}


_REMEMBER = """
import json, sys
sys.path.insert(0, {folder!r})
from fzlint import recache
import wordy
calls = []
def counted(*args):
    calls.append(args)
    return wordy.shape(*args)
counted.__module__, counted.__qualname__ = "wordy", "shape"
out = [recache.remembered(counted, ("乙", "甲"), True), recache.remembered(counted, (), False),
       recache.analysed(wordy.first, "(?:法治|依法)政府|法规")]
print(json.dumps({{"out": out, "computed": len(calls)}}))
"""


def _remember(tmp_path: Path, body: str) -> dict:
    module = tmp_path / "wordy.py"
    if not module.exists() or module.read_text(encoding="utf-8") != body:
        module.write_text(body, encoding="utf-8")
    return _run(_REMEMBER.format(folder=str(tmp_path)), tmp_path / "cache")


_WORDY = """
def shape(words, embedded):
    return None if not words else "|".join(sorted(words)) + ("?" if embedded else "")


def first(parsed):
    return str(parsed[0][0])
"""


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_remembered_results_come_from_the_cache_until_the_module_that_computes_them_changes(tmp_path):
    first = _remember(tmp_path, _WORDY)
    assert first == {"out": ["乙|甲?", None, "BRANCH"], "computed": 2}
    again = _remember(tmp_path, _WORDY)
    assert again == {"out": ["乙|甲?", None, "BRANCH"], "computed": 0}  # a result of None is remembered too
    changed = _remember(tmp_path, _WORDY.replace('"|"', '" / "'))
    assert changed == {"out": ["乙 / 甲?", None, "BRANCH"], "computed": 2}


def test_analysed_reads_the_patterns_tree_and_raises_re_error_for_a_bad_pattern():
    from fzlint.prose import _prefixes

    assert recache.analysed(_prefixes, "(?:法治|依法)政府") == ({"法治政府", "依法政府"}, True)
    with pytest.raises(re.error):
        recache.analysed(_prefixes, "(unclosed")


def _kept(cache_home: Path) -> list:
    import marshal

    (path,) = (cache_home / "fzlint").glob("re-*.marshal")
    return list(marshal.loads(path.read_bytes()))


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_results_of_an_edited_or_removed_module_leave_the_file(tmp_path):
    """Every run loads the whole file, so what nothing can ask for again goes:
    the results of a module file edited since, or gone (a removed checkout)."""
    first = _remember(tmp_path, _WORDY)
    assert first["computed"] == 2
    def remembered(home):
        return sorted(k[1].rsplit("|", 3)[1] for k in _kept(home) if k[0] is None)
    assert remembered(tmp_path / "cache") == ["first", "shape", "shape"]
    _remember(tmp_path, _WORDY.replace('"|"', '" / "'))  # edited: the old three are replaced, not added to
    assert remembered(tmp_path / "cache") == ["first", "shape", "shape"]
    assert not [k for k in _kept(tmp_path / "cache") if k[0] is not None]  # no compiled program was asked for

    other = tmp_path / "other"
    other.mkdir()
    (other / "wordy.py").write_text(_WORDY, encoding="utf-8")
    _run(_REMEMBER.format(folder=str(other)), tmp_path / "cache")  # a second checkout's results join the first's
    assert len(remembered(tmp_path / "cache")) == 6
    (other / "wordy.py").unlink()  # the second checkout is removed
    _remember(tmp_path, _WORDY.replace("str(parsed[0][0])", "str(parsed[0][0]).lower()"))
    assert remembered(tmp_path / "cache") == ["first", "shape", "shape"]


@pytest.mark.skipif(not recache._ENABLED, reason="this Python's re has no compiler to cache")
def test_a_run_that_compiles_nothing_new_still_clears_a_file_full_of_outdated_results(tmp_path, monkeypatch):
    """A file that grew while fzlint was developed is cut back by the next run
    that finds it much bigger than what it used, even with nothing new to add."""
    import marshal

    _probe(tmp_path)
    (path,) = (tmp_path / "fzlint").glob("re-*.marshal")
    data = marshal.loads(path.read_bytes())
    gone = str(tmp_path / "gone.py")
    data.update({(None, f"{gone}|shape|10|{n}", n): (n,) for n in range(recache._SPARE + 50)})
    data[(None, "fzlint.prose._trie:1:2", "old stamp")] = (None,)  # an older fzlint's stamp, without a file
    path.write_bytes(marshal.dumps(data))
    again = _probe(tmp_path)
    assert again["compiled"] == 0 and again["results"] == _expected()
    assert sorted(_kept(tmp_path)) == sorted(p for p in data if p[0] is not None)
