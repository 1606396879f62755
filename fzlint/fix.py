"""Stage 5, on request: apply the safe fixes of fixable findings.

Like ruff, fixing runs in rounds: lint, apply every safe fix that does not
overlap one already taken (two rules may want the same characters: FZ501 the
commas of a line, FZ601 a term in it), lint the new text, and so on until a
round applies nothing. The file is then written once, atomically (a temporary
file in the same directory, renamed over the original), in its own encoding,
byte-order mark and line endings, each line keeping its own ending when the
file mixes them; its permissions are kept. Nothing is written when nothing
changed, so a second --fix is a no-op.

What --fix may change. Every change is named by a reported fix: round 1
applies the safe fixes of the findings `fzlint FILE` reports, and round k+1
those of the findings `fzlint` reports on the text round k left. A later
round exists only for what an earlier round's change brought about (FZ501
turns ",," into "，，", which FZ505 then reports), so each fix a later round
applies must touch a character an earlier round changed (overlap it or stand
next to it), or be one the first lint already reported at that place and
that was left out because it overlapped a fix taken before it. A
later-round fix of text no fix had touched means a rule missed it in the
first lint, where the user never saw it; tests/test_fix.py checks this on
thousands of mutated drafts (Outcome.rounds keeps each round's fixed
findings for it). And apply() refuses, whoever offers it, a fix that would
change what it does not name: one whose replacement holds a line break (it
would move every later line and its ending), and in Markdown one that would
change a comment or a fenced block, which the rules never saw (parse.py
blanks them out with formats/markdown.py). A fix whose span reaches across a
comment (FZ501's one fix for the marks of a line, on both sides of it) is
applied around it: its replacement, made on the masked text, has spaces where
the comment is, and the comment is kept there instead.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import tempfile
from dataclasses import dataclass, field, replace

from .formats import markdown
from .model import Finding, Fix, Source
from . import recache

MAX_ROUNDS = 10
_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
_LINE_BREAK = recache.compile("[\r\n]")


def apply(text: str, findings: list[Finding], markdown_text: bool = False) -> tuple[str, list[Finding]]:
    """(the text with the safe fixes applied, the findings whose fixes were
    applied). A fix that overlaps one taken before it on its line is left for
    the next round; one whose replacement holds a line break, or (markdown_text)
    whose span reaches into a comment or fenced block, is never applied (see
    the module's docstring)."""
    by_line: dict[int, dict[Fix, Finding]] = {}
    for finding in findings:
        if finding.safe_fix and not _LINE_BREAK.search(finding.fix.replacement):
            by_line.setdefault(finding.fix.line, {}).setdefault(finding.fix, finding)  # one finding a fix
    if not by_line:
        return text, []
    masked = markdown.hidden(text) if markdown_text else {}
    lines = text.split("\n")
    applied: list[Finding] = []
    for number, fixes in sorted(by_line.items()):
        line = lines[number - 1]
        ranges = masked.get(number)
        taken: list[tuple[Fix, Fix]] = []  # (as reported, as applied)
        for fix in sorted(fixes, key=lambda f: (f.column, f.end_column)):
            if taken and fix.column < taken[-1][0].end_column:
                continue
            made = markdown.in_file(fix, line, ranges) if ranges else fix
            if made is None:
                continue
            if line[fix.column - 1:fix.end_column - 1] == made.replacement:
                continue  # already so
            taken.append((fix, made))
        for _, made in reversed(taken):
            line = line[:made.column - 1] + made.replacement + line[made.end_column - 1:]
        lines[number - 1] = line
        applied += (fixes[fix] for fix, _ in taken)
    return "\n".join(lines), applied


@dataclass
class Outcome:
    """What --fix made of one text: the fixed text and the findings left."""

    source: Source  # as read
    text: str  # after fixing
    findings: list[Finding]  # what remains
    rounds: list[list[Finding]] = field(default_factory=list)  # the findings fixed, round by round

    @property
    def fixed(self) -> int:
        """Fixes applied."""
        return sum(len(r) for r in self.rounds)

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


def fix_source(lint, source: Source) -> Outcome:
    """Fix in rounds; lint(source) -> list[Finding]."""
    text = source.text
    findings = lint(source)
    seen = {text}
    rounds: list[list[Finding]] = []
    for _ in range(MAX_ROUNDS):
        new_text, applied = apply(text, findings, source.format == "markdown")
        if not applied or new_text in seen:  # nothing to do, or fixes that undo each other
            break
        seen.add(new_text)
        text = new_text
        rounds.append(applied)
        findings = lint(replace(source, text=text))
    return Outcome(source, text, findings, rounds)


def encode(source: Source, text: str) -> bytes:
    """The bytes of text as the source's file had them: encoding, BOM, and
    line endings, each line its own when the file mixes them (fixes never add
    or remove a line, so the text has the file's lines)."""
    if source.line_endings:
        lines = text.split("\n")
        text = "".join(line + end for line, end in zip(lines, source.line_endings)) + lines[-1]
    elif source.newline != "\n":
        text = text.replace("\n", source.newline)
    return _BOMS.get(source.encoding, b"") + text.encode(source.encoding)


def write(path: str, data: bytes) -> None:
    """Replace the file at path with data atomically, keeping its permissions
    (a new file gets a normal file's mode). Also used for the baseline and the
    review page."""
    with writing(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def writing(path: str):
    """A binary file to write in steps that replaces the file at path
    atomically once the block ends without an error (keeping the file's
    permissions, as write() does); on an error nothing at path changes. The
    review exports stream their rows through it."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=".fzlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
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
