"""Baselines: findings accepted once, kept out of later reports.

`--write-baseline FILE` records every finding as (rule, file, the text it
points at); `--baseline FILE` then reports only findings not recorded. Since a
finding is matched by the text it points at, not by its line, editing other
parts of a draft does not bring recorded findings back; changing the text a
finding points at does. Identical findings are counted, so a second copy of a
recorded fault is reported. Paths are stored relative to the baseline file.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from . import fix
from .model import Finding

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; str() names the file and the problem."""


def keys(result, root: Path) -> list[tuple[str, str, str]]:
    """Each finding's key: (rule, file relative to root, the text it points at)."""
    relative = _relative(result.path, root)
    pointed = result.pointed if result.pointed is not None else [pointed_text(result, f) for f in result.findings]
    return [(f.code, relative, text) for f, text in zip(result.findings, pointed)]


def pointed_text(result, finding: Finding) -> str:
    """The text a finding points at: its span, or its whole line when the span is empty."""
    source = result.source
    if source is None:
        return finding.context
    lines = source.lines
    number = finding.line
    if source.origins:  # html: lines were moved to the file's; find the text line again by context
        return finding.context
    if not 0 < number <= len(lines):
        return ""
    line = lines[number - 1]
    span = line[finding.column - 1:finding.end_column - 1] if finding.end_line == number else ""
    return span.strip() or line.strip()


def _relative(path: str, root: Path) -> str:
    if path in ("-", "<stdin>"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


class Recorder:
    """--write-baseline: counts every finding of the results it is given (add), then writes them."""

    def __init__(self, path: str):
        """Raises OSError at once when no file can be made where path is, so
        that the run fails before its report is written, not after."""
        self.path = path
        self.root = Path(path).resolve().parent
        self.counted: Counter = Counter()
        import tempfile

        fd, probe = tempfile.mkstemp(prefix=".fzlint-", suffix=".tmp", dir=os.path.dirname(os.path.abspath(path)))
        os.close(fd)
        os.unlink(probe)

    def add(self, result) -> None:
        if result.error is None:
            self.counted.update(keys(result, self.root))

    def write(self) -> int:
        entries = [{"code": c, "path": p, "text": t, "count": n} for (c, p, t), n in sorted(self.counted.items())]
        data = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
        fix.write(self.path, data.encode("utf-8"))
        return sum(self.counted.values())


def load(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: 无法读取基线文件：{exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: 不是有效的基线文件（JSON）：{exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and {"code", "path", "text", "count"} <= set(e) and isinstance(e["count"], int)
            for e in entries):
        raise BaselineError(f"{path}: findings: expected a list of {{code, path, text, count}} "
                            f"(write one with --write-baseline)")
    return Counter({(e["code"], e["path"], e["text"]): e["count"] for e in entries})


class Filter:
    """--baseline: drops the recorded findings from each result it is given, in
    order (apply), as far as the file's count of each goes."""

    def __init__(self, path: str):
        self.left = load(path)
        self.root = Path(path).resolve().parent
        self.dropped = 0

    def apply(self, result) -> None:
        if result.error is not None:  # an unreadable file's FZ901 is never in a baseline
            return
        left = self.left
        kept = []
        for i, (f, k) in enumerate(zip(result.findings, keys(result, self.root))):
            if f.code != "FZ901" and left[k] > 0:
                left[k] -= 1
                self.dropped += 1
            else:
                kept.append(i)
        if len(kept) < len(result.findings):
            from .report import keep

            keep(result, kept)


def drop_all(result) -> None:
    """A baseline of this very run (--baseline and --write-baseline the same
    file): it records every finding of a readable file, so all but an FZ901 go."""
    if result.error is None:
        from .report import keep

        keep(result, [i for i, f in enumerate(result.findings) if f.code == "FZ901"])
