"""The long fuzzing campaign, run by hand before a release (issue 12: every input gets an answer).

Usage (from the repository root):

    python3 benchmarks/fuzz.py --minutes 10            # as many mutants as fit in 10 minutes
    python3 benchmarks/fuzz.py --runs 500 --seed 7     # 500 mutants of each format
    python3 benchmarks/fuzz.py --replay docx 17 7      # one mutant again, with its failures

Mutants of the seeds, of .docx and of web pages (tests/fuzzing.py, the same
mutators tests/test_fuzz.py uses) go through `fzlint` (concise), `fzlint
outline --format json`, `fzlint --diff` and `fzlint report` (whose review
page is read for internal errors) twice: in this process through
click's CliRunner, and as the installed `fzlint` command in a subprocess,
whose CPU time and peak memory GNU time (/usr/bin/time) measures per file. A
subprocess may use at most --memory-cap MB of address space, so that a
runaway input fails in its own process instead of exhausting the machine.

A failure is a traceback, an internal error (FZ901 内部错误), an exit code
other than 0/1/2 (or 2 without an FZ901, or an FZ901 without 2), a finding
that is not one line, a file that takes over 5 s of CPU time, or one that needs over
500 MB. Each failing input is saved under --out (with a .failures.log naming the
mutant and its failures), and the end of the run prints the runs, the files
checked, the failures by kind and by distinct cause (kind, command, where in
fzlint, exception) with the smallest input that shows each, the slowest
input and the peak memory.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import fuzzing  # noqa: E402

MEMORY_LIMIT_MB = 500  # issue 12: any single file under 500 MB peak memory
TIME = "/usr/bin/time"  # GNU time, which measures a command's CPU time and peak memory


def fzlint_command() -> list[str]:
    """The installed fzlint script beside this Python, else python -m fzlint."""
    script = Path(sys.executable).with_name("fzlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "fzlint"]


def run_subprocess(path: str, command: str, cap_mb: int) -> tuple[list[fuzzing.Failure], float, int]:
    """One command on path in a subprocess: (failures, CPU seconds, peak memory in MB).

    GNU time (/usr/bin/time) runs it and measures it: the rusage os.wait4 gives
    for a child of this process would count the pages the child shares with
    this process until it execs (this process's own size, hundreds of MB once
    mutants have been made), not fzlint's."""

    def limit():
        cap = cap_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = {**os.environ, "FZLINT_DEBUG": "1", "NO_COLOR": "1"}
    env.pop("FZLINT_LANG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as usage:
        proc = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", usage.name, *fzlint_command(),
                                 *fuzzing.argv(command, path)],
                                stdout=out, stderr=err, env=env, preexec_fn=limit, start_new_session=True)
        try:
            proc.wait(timeout=fuzzing.ABORT_AFTER * 2)
            killed = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # time and fzlint both
            proc.wait()
            killed = True
        measured = usage.read().split()
        memory, seconds = (int(measured[-3]) // 1024, float(measured[-2]) + float(measured[-1])) \
            if len(measured) >= 3 else (0, 0.0)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace").replace("\r\n", "\n")
        stderr = err.read().decode("utf-8", "replace")
    if killed:
        return [fuzzing.Failure("too-slow", command, f"killed after {fuzzing.ABORT_AFTER * 2:.0f} s")], seconds, memory
    exit_code = proc.returncode if proc.returncode < 128 else -(proc.returncode - 128)  # time: 128 + signal
    failures = fuzzing.judge(command, exit_code, stdout, stderr, seconds, page=fuzzing.take_page(command, path))
    if exit_code < 0:
        failures.append(fuzzing.Failure("exit-code", command, f"killed by signal {-exit_code}"))
    if memory > MEMORY_LIMIT_MB or "MemoryError" in stderr:
        failures.append(fuzzing.Failure("too-much-memory", command, f"{memory} MB (limit {MEMORY_LIMIT_MB} MB)"))
    return failures, seconds, memory


def _where_from(in_process: list[fuzzing.Failure], subprocess_: list[fuzzing.Failure]) -> list[fuzzing.Failure]:
    """The subprocesses' failures, a too-slow one given where the same command
    was busy in this process (a subprocess cannot say), so that both count as
    one cause."""
    busy = {f.command: f.where for f in in_process if f.kind == "too-slow" and f.where}
    return [dataclasses.replace(f, where=busy[f.command]) if f.kind == "too-slow" and not f.where
            and f.command in busy else f for f in subprocess_]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--runs", type=int, help="mutants of each format")
    group.add_argument("--minutes", type=float, help="run for this long (the formats in turn)")
    group.add_argument("--replay", nargs=3, metavar=("FORMAT", "INDEX", "SEED"), help="one mutant again")
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100000, help="the campaign's seed")
    parser.add_argument("--formats", default=",".join(fuzzing.FORMATS), help="comma-separated: txt,md,docx,html")
    parser.add_argument("--mode", choices=("both", "in-process", "subprocess"), default="both")
    parser.add_argument("--out", default="fuzz-failures", help="folder for the failing inputs")
    parser.add_argument("--memory-cap", type=int, default=4096, help="address space a subprocess may use, in MB")
    args = parser.parse_args()

    formats = args.formats.split(",")
    if args.replay:
        fmt, index, seed = args.replay
        todo = iter([(fmt, int(index), int(seed))])
        deadline = None
    elif args.runs:
        todo = ((fmt, i, args.seed) for i in range(args.runs) for fmt in formats)
        deadline = None
    else:
        minutes = args.minutes if args.minutes else 5.0
        todo = ((fmt, i, args.seed) for i in range(10 ** 9) for fmt in formats)
        deadline = time.monotonic() + minutes * 60
    seed = int(args.replay[2]) if args.replay else args.seed
    out = Path(args.out) / f"seed-{seed}"
    print(f"fuzz: seed {seed}, formats {','.join(formats)}, mode {args.mode}; failing inputs to {out}/", flush=True)

    runs = files = 0
    by_kind: collections.Counter = collections.Counter()
    causes: dict[tuple, list] = {}
    slowest = (0.0, "", "")
    peak = (0, "")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fzlint-fuzz-") as tmp:
        for fmt, index, seed in todo:
            if deadline is not None and time.monotonic() > deadline:
                break
            m = fuzzing.mutant(fmt, index, seed)
            path = os.path.join(tmp, m.filename)
            Path(path).write_bytes(m.data)
            files += 1
            failures: list[fuzzing.Failure] = []
            if args.mode in ("both", "subprocess"):  # first: an input that exhausts memory does so out of this process
                for command in fuzzing.COMMANDS:
                    found, seconds, memory = run_subprocess(path, command, args.memory_cap)
                    runs += 1
                    failures += found
                    if memory > peak[0]:
                        peak = (memory, f"{command}: {m.describe()}")
                    if seconds > slowest[0]:
                        slowest = (seconds, f"{command} in a subprocess", m.describe())
            runaway = any(f.kind == "too-much-memory" for f in failures)
            if args.mode in ("both", "in-process") and not runaway:
                found, times = fuzzing.run_in_process(path)
                runs += len(times)
                failures = _where_from(found, failures) + found
                for command, seconds in times.items():
                    if seconds > slowest[0]:
                        slowest = (seconds, f"{command} in process", m.describe())
            if failures:
                out.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out / m.filename)
                (out / (m.name + ".failures.log")).write_text(
                    m.describe() + "\n" + "".join(f"{f}\n" for f in failures), encoding="utf-8")
                for f in failures:
                    by_kind[f.kind] += 1
                    causes.setdefault(f.cause, []).append((len(m.data), m.filename, f))
            if args.replay:
                print(m.describe())
                for f in failures:
                    print(f"  {f}")
            elif files % 50 == 0:
                elapsed = time.monotonic() - started
                print(f"  {files} files, {sum(by_kind.values())} failures, {elapsed:.0f} s", flush=True)
    elapsed = time.monotonic() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\nruns: {runs} (a command on a file); files checked: {files}; {elapsed:.0f} s")
    print("failures by kind: " + (", ".join(f"{k} {n}" for k, n in by_kind.most_common()) or "none"))
    for key, hits in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        size, filename, failure = min(hits, key=lambda hit: hit[:2])
        entry = fuzzing.known(failure)
        print(f"  {len(hits):4d} × {failure}" + (f"  [known: {entry.key}]" if entry else "  [NEW]"))
        print(f"         smallest: {out / filename} ({size:,} bytes)")
    if slowest[1]:
        print(f"slowest: {slowest[0]:.2f} CPU s ({slowest[1]}): {slowest[2][:300]}")
    if args.mode != "in-process":
        print(f"peak memory of one file (a subprocess): {peak[0]} MB ({peak[1][:300]})")
    print(f"peak memory of this process (every in-process run, the mutants made): {own} MB")
    sys.exit(1 if by_kind else 0)


if __name__ == "__main__":
    main()
