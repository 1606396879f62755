"""Does fzlint's time grow in proportion to a draft's size? Shapes that once took quadratic time.

Usage (from the repository root):  python3 benchmarks/linear.py [--size N] [--only NAME]

Each shape is a draft made of one construct repeated (a run of digits, a
line of unclosed 《, thousands of heading lines, 其中12件， over and over …,
each a defect issue 12 found). For each, the draft is built at N, 2N and 4N
repetitions and linted in this process (read from bytes, parsed, classified,
every rule checked), and its CPU time measured, best of three. Time linear
in size gives a ratio t(4N)/t(N) near 4; quadratic, near 16. The script
prints one line a shape, flags a ratio over 6 (or a 4N time over 5 s), and
exits with 1 if any shape is flagged (or fails with an exception). CPU time, not wall time: other work on
a shared machine does not inflate it, but compare runs made in one session.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEAD = "一、主要举措和成效\n"

# name -> (file name, the draft for n repetitions). Every shape fits the
# limits (1,000,000 characters, 5,000 headings) at 4N with the default N.
SHAPES = {
    "digits": ("d.txt", lambda n: HEAD + "1" * (10 * n) + "\n"),
    "date-digits": ("d.txt", lambda n: HEAD + "2023年" + "9" * (10 * n) + "月\n"),
    "measure-digits": ("d.txt", lambda n: HEAD + "办结" + "9" * (10 * n) + "件。\n"),
    "chinese-numerals": ("d.txt", lambda n: HEAD + "万" * (10 * n) + "件\n"),
    "unclosed-book-marks": ("d.txt", lambda n: HEAD + "落实" + "《" * (10 * n) + "法。\n"),
    "unclosed-quotes": ("d.txt", lambda n: HEAD + "“" * (10 * n) + "\n"),
    "unclosed-brackets": ("d.txt", lambda n: HEAD + "（" * (10 * n) + "\n"),
    "其中-clauses": ("d.txt", lambda n: HEAD + "其中12件，" * (2 * n) + "\n"),
    "leading-spaces": ("d.txt", lambda n: HEAD + " " * (10 * n) + "乙\n"),
    # Headings as dense as the limit of 5,000 a draft allows at 4N (N = 20,000), with text between.
    "heading-lines": ("d.txt", lambda n: ("一、甲\n" + "正文。\n" * 4) * (n // 20)),
    "numbered-lines": ("d.txt", lambda n: HEAD + "".join(f"{i}.甲\n正文。\n" for i in range(1, n // 20))),
    "bracket-headings": ("d.txt", lambda n: HEAD + "（一）乙\n正文。\n" * (n // 20)),
    "sentences": ("d.txt", lambda n: HEAD + "全年办理案件12件，同比增长5%。" * (n // 8) + "\n"),
    "blank-lines": ("d.txt", lambda n: HEAD + "\n" * (5 * n) + "乙\n"),
    # Issue 16: a rate's changes in one long clause (FZ409), blanks and year ranges (FZ408, FZ507).
    "rate-changes": ("d.txt", lambda n: HEAD + "败诉率1%，下降1%" * (n // 4) + "\n"),
    "rate-clause": ("d.txt", lambda n: HEAD + "败诉率1%下降1%" * (n // 4) + "\n"),  # one clause: FZ405 read it per figure
    "blank-marks": ("d.txt", lambda n: HEAD + "XX○受理件，满意率达%" * (n // 6) + "\n"),
    "year-ranges": ("d.txt", lambda n: HEAD + "2021-2025年20212025年" * (n // 10) + "\n"),
    # a title's line with blanks before a field (…报告  来源：): the tail pattern begins with blanks
    "title-tail-blanks": ("d.txt", lambda n: "某县2025年度法治政府建设情况报告" + " " * (10 * n) + "来源\n" + HEAD),
    "markdown-comments": ("d.md", lambda n: "# " + HEAD + "<!-- x " * n + "\n"),
    "fzlint-directives": ("d.md", lambda n: "# " + HEAD + "<!-- fzlint-disable FZ4 " * (n // 2) + "\n"),
}


def cpu(data: bytes, name: str, linter) -> float:
    from fzlint import read

    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        try:
            linter.lint_source(read.from_bytes(name, data))
        except read.ReadError:
            pass
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="N, the smallest number of repetitions")
    parser.add_argument("--only", help="one shape")
    args = parser.parse_args()
    from fzlint.config import Settings

    linter = Settings(isolated=True).linter("d.txt")
    flagged = 0
    print(f"{'shape':22} {'N':>9} {'t(N) s':>8} {'t(2N) s':>8} {'t(4N) s':>8} {'4N/N':>6}")
    for key, (name, make) in SHAPES.items():
        if args.only and key != args.only:
            continue
        try:
            times = [cpu(make(k * args.size).encode("utf-8"), name, linter) for k in (1, 2, 4)]
        except Exception as exc:  # noqa: BLE001 - a failure is a finding of this benchmark
            flagged += 1
            print(f"{key:22} {args.size:>9} fails: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        ratio = times[2] / max(times[0], 1e-3)
        bad = ratio > 6 or times[2] > 5
        flagged += bad
        print(f"{key:22} {args.size:>9} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f} {ratio:6.1f}"
              + ("  <- not linear" if bad else ""))
    print(f"{flagged} shape(s) flagged")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
