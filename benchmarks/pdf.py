"""Benchmark reading a .pdf: a 20-page report against the same report as .txt.

Usage (from the repository root):  python3 benchmarks/pdf.py [--seeds DIR] [--pages 20]

The seed reports are joined (in order, again from the first if need be) into
one .txt long enough to fill the pages asked for when LibreOffice prints it
(soffice --convert-to pdf; needs LibreOffice and a CJK font), the PDF is cut
to that many pages by trimming the text, and then, in this one process:

  * read: fzlint.read.read of the .pdf and of the .txt, interleaved, the
    median of 15 runs each after a warm-up, and their ratio;
  * lint: the whole pipeline (read, parse, classify, every rule) on each, the
    same way;
  * the first read of a .pdf in a fresh process (pypdfium2's import included).

Absolute times drift on a shared machine; the ratios, measured side by side
in the same run, are the figures to compare.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fzlint import read, ruleset  # noqa: E402
from fzlint.pipeline import Linter, Options  # noqa: E402


def printed(text: str, folder: Path) -> Path:
    source = folder / "report.txt"
    source.write_text(text, encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300)
    return folder / "report.pdf"


def pages(path: Path) -> int:
    import pypdfium2

    with open(path, "rb") as fh:
        document = pypdfium2.PdfDocument(fh.read())
    try:
        return len(document)
    finally:
        document.close()


def median_interleaved(a, b, runs: int = 15) -> tuple[float, float]:
    a(), b()
    ta, tb = [], []
    for _ in range(runs):
        start = time.perf_counter()
        a()
        ta.append(time.perf_counter() - start)
        start = time.perf_counter()
        b()
        tb.append(time.perf_counter() - start)
    return statistics.median(ta), statistics.median(tb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.seeds).glob("[0-9][0-9][0-9]_*.txt"))]
    with tempfile.TemporaryDirectory(prefix="fzlint-bench-pdf-") as tmp:
        folder = Path(tmp)
        lines: list[str] = []
        i = 0
        while True:  # grow by whole seeds until the PDF has enough pages, then trim lines
            lines += texts[i % len(texts)].split("\n")
            i += 1
            pdf = printed("\n".join(lines), folder)
            if pages(pdf) >= args.pages:
                break
        while pages(pdf) > args.pages:
            lines = lines[:max(1, len(lines) * args.pages // pages(pdf) - 1)]
            pdf = printed("\n".join(lines), folder)
        txt = folder / "report.txt"
        n = pages(pdf)
        source = read.read(str(pdf))
        print(f"report: {n} pages, {txt.stat().st_size:,} bytes as .txt, {pdf.stat().st_size:,} bytes as .pdf, "
              f"{len(source.text):,} characters in {len(source.lines)} paragraphs")

        t_pdf, t_txt = median_interleaved(lambda: read.read(str(pdf)), lambda: read.read(str(txt)))
        print(f"read:  .pdf {t_pdf * 1000:8.1f} ms   .txt {t_txt * 1000:8.2f} ms   ratio {t_pdf / t_txt:7.1f}x"
              f"   ({t_pdf * 1000 / n:.1f} ms a page)")

        rules = ruleset.default()
        linter = Linter(rules, Options(rules=rules.select(None, None)))
        l_pdf, l_txt = median_interleaved(lambda: linter.lint_file(str(pdf)), lambda: linter.lint_file(str(txt)), 7)
        print(f"lint:  .pdf {l_pdf * 1000:8.1f} ms   .txt {l_txt * 1000:8.1f} ms   ratio {l_pdf / l_txt:7.2f}x")

        fresh = subprocess.run([sys.executable, "-c", "import time, sys; s = time.perf_counter(); "
                                "from fzlint import read; read.read(sys.argv[1]); print(time.perf_counter() - s)",
                                str(pdf)], capture_output=True, text=True, check=True, cwd=ROOT)
        print(f"first .pdf read in a fresh process (pypdfium2 imported): {float(fresh.stdout) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
