"""The review page at scale: ``fzlint report`` on the five seeds copied N
times (default 200: 1,000 reports), then the page loaded in a real headless
Chromium, in a 1440×900 window.

    python benchmarks/review.py [--copies 200] [--keep DIR] [--screenshot PNG]

Prints: the time and peak memory of the report command (with --html, --csv
and --xlsx), the size of each file written, and what Chromium measured on
the page: DOMContentLoaded and load (Navigation Timing, from the start of
navigation), the moment the page's script made it interactive (filters and
sorting attached: window.fzlintReady), the moment the page was laid out (a
layout forced just after load: it costs nothing if the browser has done it),
and how long applying a filter (severity: errors) and a sort (by errors)
took, by the script alone and with the layout that follows. Each Chromium figure is the
median of --runs loads. A measurement, not a test: the test suite checks that
the page loads and filters (tests/report/test_review.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("FZLINT_SEEDS", ROOT.parent / "shared" / "seeds"))

# Appended after the page's own script: times the load, then one filter and one sort, into the title.
PROBE = """<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    document.body.getBoundingClientRect();  // the layout the first frame needs, if not yet done
    var laidOut = performance.now();
    var nav = performance.getEntriesByType("navigation")[0];
    var form = document.getElementById("filters");
    var t0 = performance.now();
    form.elements.severity.value = "e";
    form.dispatchEvent(new Event("change"));
    var t1 = performance.now();
    document.body.getBoundingClientRect();
    var t1l = performance.now();
    var shown = Array.prototype.filter.call(document.getElementById("reports").tBodies,
                                            function (b) { return !b.hidden; }).length;
    var heads = document.querySelectorAll("#reports thead th");
    var t2 = performance.now();
    heads[13].click();
    var t3 = performance.now();
    document.body.getBoundingClientRect();
    var t3l = performance.now();
    document.title = "PROBE" + JSON.stringify({
      domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
      interactive: window.fzlintReady, laidOut: laidOut, filter: t1 - t0, filterLaid: t1l - t0, shown: shown,
      sort: t3 - t2, sortLaid: t3l - t2, reports: document.getElementById("reports").tBodies.length});
  }, 0);
});
</script></body>"""


def chromium(*args: str, profile: str) -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        sys.exit("needs chromium (apt-get install chromium fonts-noto-cjk)")
    command = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="write the batch and its outputs here instead of a temporary folder")
    parser.add_argument("--screenshot", help="also save a 1440×900 screenshot of the page, and one filtered")
    args = parser.parse_args()
    seeds = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))
    if len(seeds) != 5:
        sys.exit(f"needs the five seeds at {SEEDS} (or FZLINT_SEEDS)")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="fzlint-review-"))
    batch = work / "reports"
    shutil.rmtree(batch, ignore_errors=True)
    batch.mkdir(parents=True)
    n = 0
    for _ in range(args.copies):
        for s in seeds:
            n += 1
            shutil.copyfile(s, batch / f"报告_{n}.txt")  # named to need natural sorting
    out = work / "out"
    out.mkdir(exist_ok=True)
    page, csv_file, xlsx = out / "review.html", out / "review.csv", out / "review.xlsx"
    command = [sys.executable, "-m", "fzlint", "report", str(batch), "--html", str(page),
               "--csv", str(csv_file), "--xlsx", str(xlsx)]
    timer = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
    start = time.perf_counter()
    done = subprocess.run(timer + command, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    rss = int(done.stderr.strip().splitlines()[-1]) if timer else None
    print(f"fzlint report, {n} reports: {elapsed:.1f} s" + (f", peak RSS {rss / 1024:.0f} MB" if rss else ""))
    for f in (page, csv_file, out / "review-findings.csv", xlsx):
        print(f"  {f.name}: {f.stat().st_size / 1e6:.2f} MB")
    html = page.read_text(encoding="utf-8")
    rows = html.count('<tr class="row">')
    found = len(re.findall(r'<tr class="(?:error|warning|info)">', html))
    print(f"  page: {rows} report rows, {found} finding rows")
    probe = out / "probe.html"
    probe.write_text(html.replace("</body>", PROBE, 1), encoding="utf-8")
    profile = tempfile.mkdtemp(prefix="fzlint-chromium-")
    figures = []
    try:
        for _ in range(args.runs):
            dom = chromium("--window-size=1440,900", "--dump-dom", probe.as_uri(), profile=profile)
            m = re.search(r"<title>PROBE(.*?)</title>", dom)
            if not m:
                sys.exit("the probe did not run")
            figures.append(json.loads(m.group(1).replace("&quot;", '"')))
        if args.screenshot:
            chromium("--hide-scrollbars", f"--screenshot={args.screenshot}", "--window-size=1440,900",
                     page.as_uri(), profile=profile)
            filtered = out / "filtered.html"
            filtered.write_text(html.replace("</body>", FILTER_SHOT, 1), encoding="utf-8")
            shot = re.sub(r"(\.png)?$", "-filtered.png", args.screenshot, count=1)
            chromium("--hide-scrollbars", f"--screenshot={shot}", "--window-size=1440,900",
                     filtered.as_uri(), profile=profile)
            print(f"screenshots: {args.screenshot}, {shot}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    def median(key: str) -> float:
        return statistics.median(f[key] for f in figures)

    print(f"Chromium, median of {len(figures)} loads of {figures[0]['reports']} reports:")
    print(f"  DOMContentLoaded {median('domContentLoaded'):.0f} ms, load {median('load'):.0f} ms, "
          f"interactive (script ready) {median('interactive'):.0f} ms, laid out {median('laidOut'):.0f} ms")
    print(f"  filter 'with errors' {median('filter'):.0f} ms ({figures[0]['shown']} shown; "
          f"{median('filterLaid'):.0f} ms with the layout after it), "
          f"sort by errors {median('sort'):.0f} ms ({median('sortLaid'):.0f} ms with the layout)")


# For the screenshot with a filter: only reports missing a part, their first report's findings open.
FILTER_SHOT = """<script>
(function () {
  var form = document.getElementById("filters");
  form.elements.status.value = "m";
  form.dispatchEvent(new Event("change"));
  var first = Array.prototype.find.call(document.getElementById("reports").tBodies, function (b) { return !b.hidden; });
  if (first) first.querySelector("details").open = true;
})();
</script></body>"""


if __name__ == "__main__":
    main()
