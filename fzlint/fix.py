"""Stage 5, on request: apply the safe fixes of fixable findings.

Like ruff, fixing runs in rounds: lint, apply every safe fix that does not
overlap one already taken (two rules may want the same characters: FZ501 the
commas of a line, FZ601 a term in it), lint the new text, and so on until a
round applies nothing. The file is then written once, atomically (a temporary
file in the same directory, renamed over the original), in its own encoding,
byte-order mark and line breaks; its permissions are kept. Nothing is written
when nothing changed, so a second --fix is a no-op.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from dataclasses import dataclass, replace

from .model import Finding, Fix, Source

MAX_ROUNDS = 10
_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def apply(text: str, findings: list[Finding]) -> tuple[str, int]:
    """(the text with the safe fixes applied, how many were applied). A fix that
    overlaps one taken before it on its line is left for the next round."""
    by_line: dict[int, list[Fix]] = {}
    for finding in findings:
        if finding.safe_fix:
            by_line.setdefault(finding.fix.line, []).append(finding.fix)
    if not by_line:
        return text, 0
    lines = text.split("\n")
    applied = 0
    for number, fixes in by_line.items():
        line = lines[number - 1]
        taken: list[Fix] = []
        for fix in sorted(set(fixes), key=lambda f: (f.column, f.end_column)):
            if taken and fix.column < taken[-1].end_column:
                continue
            if line[fix.column - 1:fix.end_column - 1] == fix.replacement:
                continue  # already so
            taken.append(fix)
        for fix in reversed(taken):
            line = line[:fix.column - 1] + fix.replacement + line[fix.end_column - 1:]
        lines[number - 1] = line
        applied += len(taken)
    return "\n".join(lines), applied


@dataclass
class Outcome:
    source: Source  # as read
    text: str  # after fixing
    fixed: int  # fixes applied
    findings: list[Finding]  # what remains

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


def fix_source(lint, source: Source) -> Outcome:
    """Fix in rounds; lint(source) -> list[Finding]."""
    text, fixed = source.text, 0
    findings = lint(source)
    seen = {text}
    for _ in range(MAX_ROUNDS):
        new_text, applied = apply(text, findings)
        if not applied or new_text in seen:  # nothing to do, or fixes that undo each other
            break
        seen.add(new_text)
        text, fixed = new_text, fixed + applied
        findings = lint(replace(source, text=text))
    return Outcome(source, text, fixed, findings)


def encode(source: Source, text: str) -> bytes:
    """The bytes of text as the source's file had them: encoding, BOM, line breaks."""
    text = text.replace("\n", source.newline) if source.newline != "\n" else text
    return _BOMS.get(source.encoding, b"") + text.encode(source.encoding)


def write(path: str, data: bytes) -> None:
    """Replace the file at path with data atomically, keeping its permissions
    (a new file gets a normal file's mode). Also used for the baseline and the
    review page."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=".fzlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def diff(outcome: Outcome) -> str:
    """A unified diff of what --fix would change (empty when nothing)."""
    if not outcome.changed:
        return ""
    path = outcome.source.path
    return "".join(difflib.unified_diff(
        outcome.source.text.splitlines(keepends=True), outcome.text.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"))
