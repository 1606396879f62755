"""Benchmark fzlint: in-process throughput and command-line cold start.

Usage (from the repository root):  python3 benchmarks/bench.py [--seeds DIR] [--copies N]

1. Throughput: the seed reports are copied N times into a temporary directory
   and linted in one process with fzlint's API (one warm-up pass, then the best
   of 3 timed passes).  Baseline: only reading and decoding the same files with
   fzlint.read.read.  Then the structure rules alone (FZ1-FZ3, FZ9) against all
   rules, interleaved, so that each family's cost is a ratio.  One extra pass
   times each stage (read, parse, classify, indicators, check) summed over all
   files (indicators reads the body's figures, which check then reuses).
2. Formats: a 100-paragraph .docx (seed paragraphs, headings numbered by
   Word's automatic numbering), the same text as a saved web page and as
   .txt; time to read each (best of 20, warm), as a ratio to the .txt, and
   the first .docx read in a fresh process (python-docx's import included).
3. Cold start: `python3 -m fzlint --no-color SEED` (and the installed `fzlint`
   script, if any) run as a subprocess, median of 7 runs after a warm-up.
   Baseline: `python3 -c pass`.  Also the cost of `import fzlint.cli`.

Every figure is printed as an absolute time AND as a ratio to a baseline
measured in the same run: the machine is shared and noisy, so absolute times
drift from run to run while the ratios stay comparable.
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
sys.path.insert(0, str(ROOT))

from fzlint import check, classify, indicators, parse, pipeline, read, ruleset  # noqa: E402


def best_of(fn, passes=3):
    fn()  # warm-up
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def throughput(seeds: list[Path], copies: int) -> None:
    rs = ruleset.default()
    linter = pipeline.Linter(rs, pipeline.Options(rules=rs.rules))
    with tempfile.TemporaryDirectory(prefix="fzlint-bench-") as tmp:
        paths = []
        for i in range(copies):
            for seed in seeds:
                dest = os.path.join(tmp, f"{i:04d}_{seed.name}")
                shutil.copyfile(seed, dest)
                paths.append(dest)

        def lint_all():
            for p in paths:
                if linter.lint_file(p).error is not None:
                    raise SystemExit(f"bench: could not read {p}")

        def read_all():
            for p in paths:
                read.read(p)

        lint_s, read_s = best_of(lint_all), best_of(read_all)
        print(f"throughput: {len(paths)} files in {lint_s:.2f} s = {len(paths) / lint_s:.0f} files/s; "
              f"reading alone {read_s:.2f} s (lint/read ratio {lint_s / read_s:.1f}x)")

        # Cost of each rule family: the structure rules (FZ1-FZ3, FZ9) with the
        # family added, against the structure rules alone, in this process,
        # interleaved to share the noise.
        structure = ["FZ1", "FZ2", "FZ3", "FZ9"]
        families = {"structure (FZ1-3, FZ9)": structure, "+ evidence (FZ4)": structure + ["FZ4"],
                    "+ language (FZ5, FZ6)": structure + ["FZ5", "FZ6"], "all rules": None}
        linters = {name: pipeline.Linter(rs, pipeline.Options(rules=rs.select(sel, None)))
                   for name, sel in families.items()}
        best = dict.fromkeys(families, float("inf"))
        for _ in range(3):
            for name, lin in linters.items():
                start = time.perf_counter()
                for p in paths:
                    lin.lint_file(p)
                best[name] = min(best[name], time.perf_counter() - start)
        base = best["structure (FZ1-3, FZ9)"]
        print("  rule families: " + "; ".join(f"{name} {t:.2f} s ({t / base:.2f}x)" for name, t in best.items()))

        stages = dict.fromkeys(("read", "parse", "classify", "indicators", "check"), 0.0)
        clock = time.perf_counter
        for p in paths:
            t0 = clock()
            source = read.read(p)
            t1 = clock()
            doc = parse.parse(source, linter.residue)
            t2 = clock()
            doc = classify.classify(doc, rs.vocabulary, None)
            t3 = clock()
            doc.indicators = indicators.extract(doc, rs.vocabulary, linter.context.figures)
            t4 = clock()
            check.run(doc, linter.document_rules, linter.context)
            t5 = clock()
            for name, dt in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                stages[name] += dt
        total = sum(stages.values())
        print("  " + ", ".join(f"{name} {s * 1000:.0f} ms ({100 * s / total:.1f}%)"
                               for name, s in stages.items()) + f"; total {total * 1000:.0f} ms")


def formats(seeds: list[Path]) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "formats"))
    import docxbuild  # noqa: E402 - the tests' builder of numbered .docx files
    import pagebuild  # noqa: E402

    lines = [ln for seed in seeds for ln in seed.read_text(encoding="utf-8").split("\n") if ln.strip()]
    text = "\n".join((lines * (100 // len(lines) + 1))[:100])
    with tempfile.TemporaryDirectory(prefix="fzlint-bench-") as tmp:
        paths = {"txt": Path(tmp, "d.txt"), "docx": Path(tmp, "d.docx"), "html": Path(tmp, "d.html")}
        paths["txt"].write_text(text, encoding="utf-8")
        docxbuild.numbered(text, paths["docx"])
        paths["html"].write_text(pagebuild.page(text)[0], encoding="utf-8")
        paragraphs = len(read.read(str(paths["docx"])).lines)
        best = {}
        for name, path in paths.items():
            best[name] = best_of(lambda: read.read(str(path)), passes=20)
        base = best["txt"]
        print(f"formats: reading {paragraphs} paragraphs: " + "; ".join(
            f".{name} {t * 1000:.2f} ms ({t / base:.0f}x)" for name, t in best.items()))
        lint = pipeline.Linter(ruleset.default(), pipeline.Options(rules=ruleset.default().rules))
        docx_lint = best_of(lambda: lint.lint_file(str(paths["docx"])), passes=10)
        txt_lint = best_of(lambda: lint.lint_file(str(paths["txt"])), passes=10)
        print(f"  all rules: .docx {docx_lint * 1000:.1f} ms, .txt {txt_lint * 1000:.1f} ms "
              f"(ratio {docx_lint / txt_lint:.2f}x)")
        py = sys.executable
        warm = median_ms([py, "-c", f"from fzlint import read; read.read({str(paths['txt'])!r})"])
        first = median_ms([py, "-c", f"from fzlint import read; read.read({str(paths['docx'])!r})"])
        print(f"  first .docx read in a fresh process: +{first - warm:.0f} ms over the first .txt read "
              f"(python-docx and lxml imported on demand)")


def median_ms(cmd: list[str], runs=7) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}

    def once() -> float:
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"bench: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
        return elapsed

    once()  # warm-up
    return 1000 * statistics.median(once() for _ in range(runs))


def cold_start(seed: Path) -> None:
    py = sys.executable
    base = median_ms([py, "-c", "pass"])

    def show(label: str, ms: float) -> None:
        print(f"cold start: {label} = {ms:.0f} ms median "
              f"(python3 -c pass = {base:.0f} ms; ratio {ms / base:.1f}x; +{ms - base:.0f} ms)")

    show(f"python3 -m fzlint {seed.name}", median_ms([py, "-m", "fzlint", "--no-color", str(seed)]))
    script = shutil.which("fzlint")
    if script:
        show(f"fzlint {seed.name} ({script})", median_ms([script, "--no-color", str(seed)]))
    else:
        print("cold start: fzlint console script is not installed (not on PATH)")
    show("python3 -c 'import fzlint.cli'", median_ms([py, "-c", "import fzlint.cli"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--copies", type=int, default=200)
    args = ap.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"bench: no *.txt seeds in {args.seeds}")
    print(f"python {sys.version.split()[0]}, {len(seeds)} seeds from {args.seeds}, {args.copies} copies each")
    throughput(seeds, args.copies)
    formats(seeds)
    cold_start(seeds[0])


if __name__ == "__main__":
    main()
