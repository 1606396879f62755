"""Benchmark fzlint's memory on big batches: peak RSS against the number of files.

Usage (from the repository root):
    python3 benchmarks/memory.py [--seeds DIR] [--sizes 1000,5000,20000] [--jobs 1,2]
                                 [--formats text,json] [--root CHECKOUT]

For each size N the seed reports are copied round-robin into a temporary
directory of N files (hard links to one set of copies, so that the sizes
share the disk), and the real command line, `python3 -m fzlint --no-config
--jobs J --format F DIR` with PYTHONPATH=CHECKOUT (default: this repository;
give another checkout to measure it in the same session, before/after), is
run once for each N, J and F, its report going to /dev/null. Measured:

- max process: the largest peak RSS of one process of the run (the parent or
  a worker), as the kernel keeps it (ru_maxrss from wait4 on the run, which
  covers the processes it waited for: getrusage(RUSAGE_CHILDREN) of a fresh
  parent);
- tree: the largest sum of the RSS of the run's processes (parent and
  workers), sampled from /proc every 20 ms (a sample can miss a short peak);
- the wall-clock time of the run.

Flat memory means the figures stay the same from 1,000 to 20,000 files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")


def descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:  # ended meanwhile
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def rss(pid: int) -> int:
    """A process's resident set in bytes (0 when it has ended)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def measure(command: list[str], env: dict, cwd: Path) -> tuple[float, int, int]:
    """Run command in cwd; (seconds, max single-process peak RSS, max tree RSS), in bytes."""
    start = time.perf_counter()
    # cwd: not the repository, whose fzlint `python -m` would import before PYTHONPATH's.
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, sum(rss(p) for p in descendants(proc.pid)))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"memory: {' '.join(command)} exited {proc.returncode}: {stderr.decode(errors='replace')}")
    return seconds, usage.ru_maxrss * 1024, peak_tree


def corpus(seeds: list[Path], top: Path, sizes: list[int]) -> dict[int, Path]:
    """A directory of N files for each size: hard links to one set of copies."""
    store = top / "all"
    store.mkdir()
    copies = []
    for i in range(max(sizes)):
        seed = seeds[i % len(seeds)]
        dest = store / f"{i:05d}_{seed.name}"
        shutil.copyfile(seed, dest)
        copies.append(dest)
    folders = {}
    for n in sizes:
        folder = top / f"n{n}"
        folder.mkdir()
        for path in copies[:n]:
            os.link(path, folder / path.name)
        folders[n] = folder
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=os.environ.get("FZLINT_SEEDS", str(ROOT.parent / "shared" / "seeds")))
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--formats", default="text,json")
    parser.add_argument("--root", default=str(ROOT), help="the checkout of fzlint to run (default: this one)")
    args = parser.parse_args()
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    if not seeds:
        raise SystemExit(f"memory: no seed reports (*.txt) in {args.seeds}")
    sizes = [int(n) for n in args.sizes.split(",")]
    env = {**os.environ, "PYTHONPATH": args.root, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    print(f"fzlint from {args.root}; {len(seeds)} seeds; Python {sys.version.split()[0]}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'files':>6} {'jobs':>4} {'format':>6} {'seconds':>8} {'max process MB':>15} {'tree MB':>8}")
    with tempfile.TemporaryDirectory(prefix="fzlint-memory-") as tmp:
        folders = corpus(seeds, Path(tmp), sizes)
        for n in sizes:
            for jobs in args.jobs.split(","):
                for fmt in args.formats.split(","):
                    command = [sys.executable, "-m", "fzlint", "--no-config", "--jobs", jobs, "--format", fmt,
                               str(folders[n])]
                    seconds, single, tree = measure(command, env, Path(tmp))
                    print(f"{n:>6} {jobs:>4} {fmt:>6} {seconds:>8.1f} {single / 2**20:>15.0f} {tree / 2**20:>8.0f}",
                          flush=True)


if __name__ == "__main__":
    main()
