"""Compiled regular expressions kept between runs.

fzlint compiles some 300 regular expressions at start-up (the rules' patterns,
the parser's shapes, the vocabularies). Python's `re` parses and compiles each
one again in every process, and a class of Chinese characters alone costs a
millisecond or more: on a short draft, compiling was a third of a run.

`compile()` is `re.compile()` with a cache: the compiled program of a pattern
(what `re` hands its C engine) is kept in the user's cache directory, keyed by
the Python version and the engine's own version number, and handed straight to
the engine next time. The engine checks every program it is given, and any
problem with the cache (absent, unreadable, from another Python, a pattern not
in it) means compiling the usual way: it is only an optimisation, never a
different result. `FZLINT_NO_CACHE` turns it off, as it does the rule cache.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

try:  # the engine and the compiler behind re.compile
    import _sre
    try:
        from re import _compiler, _parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.9, 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    _WORD = next((w for w in "IL" if array(w).itemsize == _sre.CODESIZE), "")
    _ENABLED = bool(_WORD) and hasattr(_compiler, "_code")
except (ImportError, AttributeError):  # pragma: no cover - another Python implementation
    _ENABLED = False
try:  # re's own parser, for the analyses of a pattern's tree (analysed())
    from re import _parser as _tree_parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.9, 3.10
    import sre_parse as _tree_parser

# The file is marshal's bytes as they are: some 600 KB for the shipped rules,
# read in a fraction of a millisecond, where inflating a compressed copy took
# 3 ms of every run. A new value leaves files of another shape unused.
_FORMAT = 2
_MAX_ENTRIES = 5000  # a cache grown past this by many configurations starts again from this run's

_cached: dict = {}  # (pattern, flags) -> (flags, code bytes, groups, groupindex, indexgroup)
_new: dict = {}  # compiled in this process, not yet in the file
_used: set = set()
_path: Path | None = None


def _cache_path() -> Path | None:
    if os.environ.get("FZLINT_NO_CACHE") or not _ENABLED:
        return None
    key = f"{_FORMAT}|{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fzlint" / f"re-{zlib.crc32(key.encode()):08x}.marshal"


def _load() -> None:
    global _path
    _path = _cache_path()
    if _path is None:
        return
    try:
        with open(_path, "rb") as fh:
            data = marshal.loads(fh.read())
        if isinstance(data, dict):
            _cached.update(data)
    except Exception:  # noqa: BLE001 - absent, unreadable or damaged: compile as usual
        _cached.clear()
    atexit.register(_at_exit)


def _entry(pattern: str, flags: int):
    """What re.compile would hand the engine for this pattern."""
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | tree.state.flags), array(_WORD, code).tobytes(), tree.state.groups - 1,
            groupindex, tuple(indexgroup))


def compile(pattern, flags=0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    """re.compile(pattern, flags), from the cache where it can be."""
    flags = int(flags)
    if type(pattern) is not str or not _ENABLED or _path is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _cached.get(key)
    if entry is not None:
        try:
            final, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, final, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
            _used.add(key)
            return compiled
        except Exception:  # noqa: BLE001 - a damaged entry: compile it the usual way
            del _cached[key]
    compiled = re.compile(pattern, flags)  # raises re.error for a bad pattern, as before
    try:
        _new[key] = _entry(pattern, flags)
        _used.add(key)
    except Exception:  # noqa: BLE001 - the pattern works; it is just not cached
        pass
    return compiled


_stamps: dict = {}  # an analysing function -> its key part ("" when it cannot have one)


def _stamp(analyse) -> str:
    """The analysing function's module file, name, and the file's size and
    modification time: an edit of the analysis (or a new fzlint) leaves its old
    results unused, and save() drops them."""
    stamp = _stamps.get(analyse)
    if stamp is None:
        try:
            file = sys.modules[analyse.__module__].__file__
            st = os.stat(file)
            stamp = f"{file}|{analyse.__qualname__}|{st.st_size}|{st.st_mtime_ns}"
        except (AttributeError, KeyError, OSError, TypeError):
            stamp = ""
        _stamps[analyse] = stamp
    return stamp


def _outdated(keys) -> set:
    """The keys of remembered results whose module file has changed or is gone
    (an edited or removed checkout): nothing can ask for them again. Results
    kept by an older fzlint, whose stamps name no file, are outdated too."""
    files: dict = {}  # a module file -> "size|mtime" now, or None when it is gone
    out = set()
    for key in keys:
        if key[0] is not None or type(key[1]) is not str:
            continue  # a compiled program: it depends on the pattern alone
        parts = key[1].rsplit("|", 3)
        if len(parts) != 4:
            out.add(key)
            continue
        file, _, size, mtime = parts
        if file not in files:
            try:
                st = os.stat(file)
                files[file] = f"{st.st_size}|{st.st_mtime_ns}"
            except OSError:
                files[file] = None
        if files[file] != f"{size}|{mtime}":
            out.add(key)
    return out


def remembered(compute, *args):
    """compute(*args), kept between runs like the compiled programs, for the
    work fzlint does on its patterns and word lists at start-up (building a
    pattern from words), which costs as much as compiling them. The arguments
    and the result must be plain data that marshal keeps (tuples, sets,
    strings, numbers, None); the result is shared, not copied, so callers must
    not change it. The key holds compute's name and its module file's size and
    modification time: an edit of fzlint leaves the old results unused."""
    return _remember(compute, args, lambda: compute(*args))


def analysed(analyse, pattern: str, flags: int = 0):
    """analyse(re's parse tree of pattern), remembered between runs as
    remembered() does (the words a pattern begins with, whether it is
    anchored). A bad pattern raises re.error as re's parser does."""
    return _remember(analyse, (pattern, int(flags)), lambda: analyse(_tree_parser.parse(pattern, flags)))


def _remember(named, args: tuple, compute):
    stamp = _stamp(named) if _path is not None else ""
    if not stamp:
        return compute()
    key = (None, stamp, *args)  # None: never a pattern, so never a compiled program's key
    hit = _cached.get(key)
    if type(hit) is tuple and len(hit) == 1:  # kept in a 1-tuple, so that a result of None is kept too
        _used.add(key)
        return hit[0]
    result = compute()
    _new[key] = (result,)
    _used.add(key)
    return result


def save() -> None:
    """Write what this process compiled to the cache (atomically; a failure only
    means compiling again next time), leaving out outdated results."""
    if not _new or _path is None:
        return
    _write()


def _write() -> None:
    merged = {**_cached, **_new}
    for key in _outdated(merged):
        del merged[key]
    if len(merged) > _MAX_ENTRIES:
        merged = {k: v for k, v in merged.items() if k in _used}
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _path.with_suffix(f".{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(marshal.dumps(merged))
            os.replace(tmp, _path)
        finally:
            if tmp.exists():
                tmp.unlink()
        _cached.clear()
        _cached.update(merged)
        _new.clear()
    except (OSError, ValueError):
        pass  # a read-only home, or a value marshal cannot write: no cache, the same patterns


_SPARE = 256  # entries this run did not use, beyond which the file is checked for outdated ones


def _at_exit() -> None:
    """Save what is new; and when the file holds many entries this run did not
    use (results of edited checkouts pile up while fzlint is developed), write
    it again without the outdated ones: every run pays for loading the file."""
    if _new:
        save()
    elif _path is not None and len(_cached) > len(_used) + _SPARE and _outdated(_cached):
        _write()


_load()
