"""Linting many files: in worker processes (--jobs), with a progress bar.

Each worker makes its own Settings from the command line's choices (rules
load once per worker) and lints the paths it is given; results come back in
the order of the paths, so --jobs N reports exactly what --jobs 1 does. A
result travels without its Document. For a format that renders file by file
(report.FILE_PARTS: text, concise, github) the worker also renders the file's
part of the report, so that drawing the findings' lines runs in parallel too,
and the result then travels without its Source as well.
"""

from __future__ import annotations

import os
import sys

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
             part=None) -> list[FileResult]:
    """lint_one(settings, path) for every path, in order.

    part: (format name, report.Output) of a format in report.FILE_PARTS, for
    the workers to render each file's part of the report; None when the
    findings may still change after linting (a baseline) or the report is
    not made file by file."""
    with formats.ahead(paths, jobs):  # LibreOffice's conversions, many a run, before the linting
        return _lint_all(settings, paths, jobs, progress, part)


def _lint_all(settings: Settings, paths: list[str], jobs: int, progress: bool, part) -> list[FileResult]:
    jobs = min(jobs, max(1, len(paths) // MIN_FILES_PER_JOB))
    bar = Progress(len(paths)) if progress else None
    results: list[FileResult] = []
    if jobs <= 1:
        for path in paths:
            results.append(lint_one(settings, path))
            if bar:
                bar.step()
    else:
        from concurrent.futures import ProcessPoolExecutor  # imported here: one file needs no processes
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, min(16, len(paths) // (jobs * 4)))
        try:
            with ProcessPoolExecutor(jobs, initializer=_start, initargs=(settings.arguments(), part)) as pool:
                for result in pool.map(_lint, paths, chunksize=chunk):
                    results.append(result)
                    if bar:
                        bar.step()
        except BrokenProcessPool:  # a worker died (out of memory, killed): finish in this process
            for path in paths[len(results):]:
                results.append(lint_one(settings, path))
    if bar:
        bar.done()
    return results


_part = None


def _start(arguments: dict, part) -> None:
    global _settings, _part
    _settings = Settings(**arguments)
    if part is not None:
        from . import report

        name, out = part
        _part = (report.format_module(name).render_file, out)


def _lint(path: str) -> FileResult:
    result = lint_one(_settings, path)
    result.document = None  # large, and not needed by the reports
    if _part is not None:
        render_file, out = _part
        result.rendered = render_file(result, out)
        result.source = None  # its lines are in the rendered part now
    return result


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
