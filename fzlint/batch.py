"""Linting many files: in worker processes (--jobs), with a progress bar.

Each worker makes its own Settings from the command line's choices (rules
load once per worker) and lints the paths it is given; results come back in
the order of the paths, so --jobs N reports exactly what --jobs 1 does, and
one at a time, so that the report is written as they come (cli.check). A
result is made slim where its file was linted (report.prepare): what the
report needs of its Document and Source (the file's part of a text format,
the texts its findings point at) is taken, and they are dropped, so that a
result is small to send and nothing grows with the batch, with --jobs 1 too.
`fzlint report` makes it slimmer still there: the file's Row of the review
page (report.rows.RowMaker).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from . import formats
from .config import Settings
from .pipeline import FileResult

MIN_FILES_PER_JOB = 4  # fewer files than this per worker: starting processes costs more than it saves
_settings: Settings | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_one(settings: Settings, path: str) -> FileResult:
    """Lint one file; an unexpected failure becomes its one-line FZ901, not a traceback."""
    linter = settings.linter(path)
    try:
        return linter.lint_file(path)
    except Exception as exc:  # noqa: BLE001 - the run must go on with the other files
        return linter.internal_error(path, exc)


def lint_all(settings: Settings, paths: list[str], jobs: int, progress: bool = False,
             needs=None, reduce=None) -> Iterator:
    """lint_one(settings, path) for every path, in order, each result made
    slim where it was linted: by report.prepare(result, needs) (a
    report.Needs; None: the default), or by reduce(settings, path, result),
    a callable that can be sent to a worker (its value is what comes back)."""
    from . import report

    reduce = reduce or Prepare(needs or report.Needs())
    with formats.ahead(paths, jobs):  # LibreOffice's conversions, many a run, before the linting
        yield from _lint_all(settings, paths, jobs, progress, reduce)


class Prepare:
    """The default reduction: report.prepare with what the report needs."""

    def __init__(self, needs):
        self.needs = needs

    def __call__(self, settings: Settings, path: str, result: FileResult) -> FileResult:
        from .report import prepare

        return prepare(result, self.needs)


def _lint_all(settings: Settings, paths: list[str], jobs: int, progress: bool, reduce) -> Iterator:
    jobs = min(jobs, max(1, len(paths) // MIN_FILES_PER_JOB))
    bar = Progress(len(paths)) if progress else None
    done = 0
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # imported here: one file needs no processes
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, min(16, len(paths) // (jobs * 4)))
        pool = ProcessPoolExecutor(jobs, initializer=_start, initargs=(settings.arguments(), reduce))
        try:
            for result in pool.map(_lint, paths, chunksize=chunk):
                done += 1
                if bar:
                    bar.step()
                yield result
        except BrokenProcessPool:  # a worker died (out of memory, killed): finish in this process
            pass
        finally:  # also when the run stops early (the report cannot be written): no waiting for the rest
            pool.shutdown(cancel_futures=True)
    for path in paths[done:]:
        result = reduce(settings, path, lint_one(settings, path))
        if bar:
            bar.step()
        yield result
    if bar:
        bar.done()


_reduce = None


def _start(arguments: dict, reduce) -> None:
    global _settings, _reduce
    _settings = Settings(**arguments)
    _reduce = reduce


def _lint(path: str):
    return _reduce(_settings, path, lint_one(_settings, path))


class Progress:
    """检查 37/100 on standard error, redrawn in place."""

    def __init__(self, total: int):
        self.total, self.count = total, 0

    def step(self) -> None:
        self.count += 1
        if self.count == self.total or self.count % max(1, self.total // 100) == 0:
            width = 30
            filled = width * self.count // self.total
            sys.stderr.write(f"\r检查 [{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total}")
            sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()
