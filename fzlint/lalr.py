"""The line grammar's parser (grammar/report.lark), mostly without importing Lark.

Importing Lark and loading its parser took a fifth of a cold check, and its
lexer compiled its patterns again in every process. Lark can write the parser
of one grammar as a module that needs only the standard library
(lark.tools.standalone: the same LALR tables and contextual lexer, with Lark's
own parsing code copied in). fzlint compiles that module once and keeps its
code in the user's cache directory, keyed by the grammar's text, the installed
Lark and the Python, and runs it on later runs. The first run, a run where the cache
cannot be used, and FZLINT_NO_CACHE build the parser with Lark itself, as
before; either way the lexer's patterns are compiled through recache.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import re
import sys
import types
import zlib
from pathlib import Path

from . import data, recache

_FORMAT = 2  # the file's shape (2: marshal's bytes, not compressed: 200 KB, 2 ms less to load): a new value leaves old ones unused
_KEPT = 8  # parsers kept in the cache (checkouts, pre-commit's own environment, Lark versions in turn do not rebuild each run)


def parser(transformer):
    """An LALR parser of grammar/report.lark that applies `transformer` as it
    reduces (Lark's `transformer=` option): parse(text), terminals, lexer_conf."""
    grammar = data.grammar_path().read_text(encoding="utf-8")
    path = _module_path(grammar)
    built = _load(path, transformer) if path is not None else None
    if built is None:
        from lark import Lark

        built = Lark(grammar, parser="lalr", lexer="contextual", transformer=transformer, cache=True)
        if path is not None:
            _write(built, path)
    _compile_through_cache(built)
    return built


def _module_path(grammar: str) -> Path | None:
    """Where the generated module for this grammar and this Lark lives, or None
    (no cache, or no Lark installed to key it by)."""
    if os.environ.get("FZLINT_NO_CACHE"):
        return None
    try:
        spec = importlib.util.find_spec("lark")  # found, not imported
        st = os.stat(spec.origin)
    except (ImportError, ValueError, TypeError, AttributeError, OSError):
        return None
    key = f"{_FORMAT}|{sys.version}|{spec.origin}|{st.st_size}|{st.st_mtime_ns}|{grammar}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fzlint" / f"lalr-{zlib.crc32(key.encode()):08x}.marshal"


def _load(path: Path, transformer):
    """The parser from the generated module, or None when there is none or it
    cannot be used (then Lark builds it, and writes the module again)."""
    name = "fzlint._lalr"
    try:
        with open(path, "rb") as fh:
            code = marshal.loads(fh.read())
        module = types.ModuleType(name)
        sys.modules[name] = module  # its dataclasses look their module up
        try:
            exec(code, module.__dict__)  # noqa: S102 - the code fzlint compiled from Lark's own generator
        finally:
            del sys.modules[name]
        return module.Lark_StandAlone(transformer=transformer)
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: build it with Lark
        return None


def _write(built, path: Path) -> None:
    """Write the standalone module of a parser Lark built (atomically; a failure
    only means building it with Lark again next time)."""
    try:
        import io

        from lark.tools.standalone import gen_standalone

        out = io.StringIO()
        gen_standalone(built, out=out, compress=True)
        code = compile(out.getvalue(), "<fzlint: Lark standalone parser of grammar/report.lark>", "exec")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(code))
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
        # Keep the newest few: each edit of the grammar or new Lark leaves one behind.
        kept = sorted(path.parent.glob("lalr-*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[_KEPT:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only home, another Lark: no module, the same parse
        pass


class _CachedRe:
    """The re module as Lark's lexer uses it, its patterns compiled through recache."""

    error = re.error

    @staticmethod
    def compile(pattern, flags=0):
        return recache.compile(pattern, flags)

    @staticmethod
    def match(pattern, string, flags=0):
        return recache.compile(pattern, flags).match(string)

    def __getattr__(self, name):
        return getattr(re, name)


_CACHED_RE = _CachedRe()


def _compile_through_cache(built) -> None:
    """Give the lexers recache's compile (Lark's contextual lexer compiles an
    alternation of its terminals for each parser state it meets). Where this
    Lark keeps its lexers elsewhere, they compile with re as before."""
    lexer = getattr(getattr(built, "parser", None), "lexer", None)
    for basic in (*getattr(lexer, "lexers", {}).values(), getattr(lexer, "root_lexer", None)):
        if getattr(basic, "re", None) is re:
            basic.re = _CACHED_RE
