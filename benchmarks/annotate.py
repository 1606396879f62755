"""Benchmark `fzlint annotate` against `fzlint check` on the same drafts.

Usage (from the repository root):  python3 benchmarks/annotate.py [--seeds DIR] [--runs N]

Both commands run as subprocesses of the same interpreter in this session,
interleaved (check, annotate, check, annotate …) so that a shared, noisy
machine slows both alike; the median of N runs of each (after one warm-up
of each) and their ratio are printed. The seeds are .txt, so annotate's
extra cost is building each .docx, adding the comments and writing it. Also
timed: annotating the five seeds converted once to .docx (each comment
splits runs of an existing document and the package is rewritten).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("FZLINT_SEEDS", ROOT.parent / "shared" / "seeds"))


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "fzlint", *args], capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"fzlint {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def compare(label: str, inputs: list[str], out: str, runs: int) -> None:
    check = ["check", "--no-config", "-q", "-j", "1", *inputs]
    annotate = ["annotate", "--no-config", "-q", "-o", out, *inputs]
    timed(check), timed(annotate)
    checks, annotates = [], []
    for _ in range(runs):
        checks.append(timed(check))
        annotates.append(timed(annotate))
    c, a = statistics.median(checks), statistics.median(annotates)
    print(f"{label}: check {c:.2f} s, annotate {a:.2f} s (median of {runs}); annotate / check = {a / c:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seeds = sorted(str(p) for p in args.seeds.glob("[0-9][0-9][0-9]_*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {args.seeds}")
    with tempfile.TemporaryDirectory() as tmp:
        compare(f"{len(seeds)} seeds (.txt)", seeds, str(Path(tmp, "out-txt")), args.runs)
        # The same texts as .docx: annotate's output for the .txt, without its comments.
        import docx

        folder = Path(tmp, "docx")
        folder.mkdir()
        for path in sorted(Path(tmp, "out-txt").glob("*.docx")):
            document = docx.Document(str(path))
            plain = docx.Document()
            for p in document.paragraphs:
                plain.add_paragraph(p.text, p.style.name)
            plain.save(str(folder / path.name))
        compare(f"{len(seeds)} seeds (.docx)", sorted(str(p) for p in folder.glob("*.docx")),
                str(Path(tmp, "out-docx")), args.runs)
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
