"""Shared helpers: the seeds, and linting a snippet to (code, line) pairs."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

# The suite keeps fzlint's caches (compiled patterns, parser, rules) in a folder
# of its own, set before fzlint is imported and inherited by the programs the
# tests start: thousands of test configurations and fixtures do not land in the
# user's cache, which every later run of fzlint loads.
_CACHE_HOME = tempfile.mkdtemp(prefix="fzlint-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)

import pytest  # noqa: E402 - after the cache folder is set

from fzlint import ruleset  # noqa: E402
from fzlint.model import Source  # noqa: E402
from fzlint.pipeline import Linter, Options  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("FZLINT_SEEDS", ROOT.parent / "shared" / "seeds"))
TODAY = date(2026, 11, 22)


def needed(what: str, install: str) -> None:
    """A test cannot run without what (a real program, the seeds): skipped with
    the reason on a machine that lacks it, but a failure when CI is set, where
    .ci/run provides everything and nothing may be skipped."""
    reason = f"needs {what}, which this machine lacks: {install}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: this test must run)", pytrace=False)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter):
    """Why tests were skipped, one line a reason with its count (tests skip
    only for what a machine lacks, and the reader should see what that is)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        terminalreporter.section("why tests were skipped")
        for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
            terminalreporter.line(f"{count:5d} skipped: {reason}")


def program(name: str, install: str) -> str:
    """The path of a real program a test uses (chromium, soffice), or needed()."""
    found = shutil.which(name)
    if not found:
        needed(f"the program {name}", install)
    return found


def seeds() -> list[Path]:
    """The five real reports (000..004), in order."""
    found = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))
    if len(found) != 5:
        needed(f"the five real reports (seeds) at {SEEDS}", "they stand in ../shared/seeds beside the checkout, "
               "or set FZLINT_SEEDS to their folder")
    return found


def seed(number: int) -> Path:
    """The path of seed 000..004."""
    return seeds()[number]


def seed_text(number: int) -> str:
    return seed(number).read_text(encoding="utf-8")


def linter(select=None, ignore=None, year=None, lang="zh", today=TODAY) -> Linter:
    rules = ruleset.default()
    return Linter(rules, Options(rules=rules.select(select, ignore), year=year, lang=lang, today=today))


def lint(text: str, select=None, ignore=None, year=None, today=TODAY, path="draft.txt"):
    """The findings on text, as the full Finding objects."""
    source = Source(path, text, "utf-8", format="markdown" if path.endswith(".md") else "text")
    return linter(select, ignore, year, today=today).lint_source(source).findings


def codes(text: str, select=None, **kw) -> list[tuple[str, int]]:
    """The findings on text as (code, line) pairs, in report order."""
    return [(f.code, f.line) for f in lint(text, select, **kw)]


def document(text: str, year=None):
    return linter(year=year).document(Source("draft.txt", text, "utf-8"))


@pytest.fixture
def seeds_dir() -> Path:
    seeds()
    return SEEDS


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    """A copy of rules/ to break or extend in a test."""
    target = tmp_path / "rules"
    shutil.copytree(ruleset.data.rules_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file (which must hold it) with `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_load_fails(rules_dir: Path, file: str, old: str, new: str, expected: str) -> None:
    """With `old` replaced by `new` in one file of a copy of rules/, loading the
    rules fails with a message matching `expected` (naming the file and key)."""
    edit(rules_dir / file, old, new)
    with pytest.raises(ruleset.RuleSetError, match=expected):
        ruleset.load(rules_dir)
