"""The review page (fzlint report --html): its table and findings for the five
seeds, read back from the HTML and from the DOM of a real headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from conftest import SEEDS, linter, needed, program, seed

from fzlint import read
from fzlint.cli import main
from fzlint.model import Source
from fzlint.report import counts, review

HEADERS_ZH = ["#", "文件", "标题", "年度", "举措和成效", "不足和原因", "第一责任人职责", "下一年度安排",
              "错误", "警告", "提示", "数据密度"]
HEADERS_EN = ["#", "File", "Title", "Year", "Measures", "Shortcomings", "Leaders' duties", "Plan",
              "Errors", "Warnings", "Infos", "Data density"]

# One row per seed as the page shows it: title, year, the four required parts
# (measures, shortcomings, duties, plan), errors, warnings, infos, data density.
EXPECTED = {
    0: ("重庆市江北区石马河街道关于2022年法治政府建设情况的报告", "2022", "✓✓✓✓", ("0", "42", "6"), "52% 14/27"),
    1: ("（无标题）", "2022", "✓✓✓✓", ("1", "57", "7"), "44% 27/61"),
    2: ("珠晖区东阳渡街道2023年度法治政府建设工作报告", "2023", "✓✗✗△", ("2", "29", "3"), "26% 11/43"),
    3: ("（无标题）", "2021", "✓✓✓✓", ("1", "50", "5"), "43% 20/46"),
    4: ("淄博高新区群众工作部关于2022年度法治政府建设工作的报告", "2022", "✓✓✓✓", ("3", "33", "7"), "78% 14/18"),
}
STATUS = {"✓": "present", "✗": "missing", "△": "passing"}


class Page(HTMLParser):
    """The review page read back: the overview table's header and rows (each
    cell's attributes and text), the row attributes, and each report's findings
    section (its id and the text of each finding's cells)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.headers: list[str] = []
        self.rows: list[dict] = []  # {"attrs": {...}, "cells": [(attrs, text)]}
        self.sections: dict[str, list[list[str]]] = {}
        self.links: list[str] = []
        self._in_reports = False
        self._section: str | None = None
        self._cell: list | None = None  # [attrs, text]
        self._row: list | None = None
        self._in_head = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "reports":
            self._in_reports = True
        elif tag == "section" and attrs.get("id", "").startswith("report-"):
            self._section = attrs["id"]
            self.sections[self._section] = []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
            if self._in_reports and not self._in_head:
                self.rows.append({"attrs": attrs, "cells": self._row})
            elif self._section and not self._in_head:
                self.sections[self._section].append(self._row)
        elif tag in ("td", "th"):
            self._cell = [attrs, ""]
        elif tag == "a" and self._in_reports and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_reports = False
        elif tag == "section":
            self._section = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None:
            attrs, text = self._cell
            text = " ".join(text.split())
            if self._in_reports and self._in_head:
                self.headers.append(text)
            elif self._in_reports and self._row is not None:
                self._row.append((attrs, text))
            elif self._section and self._row is not None:
                self._row.append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data

    def table(self) -> list[tuple]:
        """Each row as (file, title, year, marks, (errors, warnings, infos), density)."""
        out = []
        for row in self.rows:
            texts = [t for _, t in row["cells"]]
            out.append((texts[1], texts[2], texts[3], "".join(texts[4:8]), tuple(texts[8:11]), texts[11]))
        return out


@pytest.fixture(scope="module")
def seed_results():
    lint = linter()
    return [lint.lint_file(str(seed(n))) for n in range(5)]


@pytest.fixture(scope="module")
def page(seed_results):
    return review.render(seed_results)


def _file_name(n: int) -> str:
    return seed(n).name


def test_the_table_has_one_row_per_seed_with_title_year_parts_counts_and_density(page):
    parsed = Page(page)
    assert parsed.headers == HEADERS_ZH
    assert parsed.table() == [(_file_name(n), *EXPECTED[n]) for n in range(5)]
    # The folder they share is said once, above the table.
    assert f"文件所在目录：{SEEDS}{os.sep}" in page


def test_the_parts_follow_the_document_sections_and_mentions(page, seed_results):
    parsed = Page(page)
    for n, row in enumerate(parsed.rows):
        doc = seed_results[n].document
        statuses = [attrs["data-status"] for attrs, _ in row["cells"][4:8]]
        assert statuses == [STATUS[mark] for mark in EXPECTED[n][2]]
        for role, status in zip(["measures", "shortcomings", "duties", "plan"], statuses):
            has_part = bool(doc.parts(role))
            in_passing = any(m.role == role for m in doc.mentions)
            assert status == ("present" if has_part else "passing" if in_passing else "missing")
    # Seed 002: the plan is only a closing paragraph (FZ103); shortcomings and duties are missing (FZ101).
    codes_002 = [f.code for f in seed_results[2].findings]
    assert codes_002.count("FZ101") == 2 and codes_002.count("FZ103") == 1
    plan_cell = parsed.rows[2]["cells"][7][0]
    mention = seed_results[2].document.mentions[0]
    assert plan_cell["title"] == f"仅顺带提及（FZ103）：第 {mention.line} 行“{review._clip(mention.text)}”"
    assert mention.line == 16
    assert parsed.rows[2]["cells"][4][0]["title"] == "有独立部分：第 8 行“一、加强法治思维推进依法行政”"
    assert parsed.rows[2]["cells"][5][0]["title"] == "缺失（FZ101）"


def test_counts_equal_the_linters_own_findings(page, seed_results):
    parsed = Page(page)
    for n, row in enumerate(parsed.rows):
        c = counts([seed_results[n]])
        assert tuple(t for _, t in row["cells"][8:11]) == (str(c["errors"]), str(c["warnings"]), str(c["infos"]))
    total = counts(seed_results)
    assert (total["errors"], total["warnings"], total["infos"]) == (7, 211, 28)
    assert "共 5 份报告：7 个错误，211 个警告，28 条提示。4 份有错误，0 份无法读取。" in page


def test_rows_with_errors_stand_out(page):
    classes = [row["attrs"]["class"].split() for row in Page(page).rows]
    assert ["has-errors" in c for c in classes] == [False, True, True, True, True]


def test_density_is_what_fz403_measures(page, seed_results):
    parsed = Page(page)
    # Seed 002 is the one FZ403 reports, with the same figures as the table.
    fz403 = [f for r in seed_results for f in r.findings if f.code == "FZ403"]
    assert [f.path for f in fz403] == [str(seed(2))]
    assert "11/43句（26%）" in fz403[0].message
    cells = [row["cells"][11][0] for row in parsed.rows]
    assert ["low" in c["class"].split() for c in cells] == [False, False, True, False, False]
    assert cells[2]["title"] == "11/43 句带有数据；低于 35%（FZ403）"


def test_each_report_has_its_findings_anchored_from_its_row(page, seed_results):
    parsed = Page(page)
    assert parsed.links == [f"#report-{n}" for n in range(1, 6)]
    assert list(parsed.sections) == [f"report-{n}" for n in range(1, 6)]
    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    for n, result in enumerate(seed_results, 1):
        expected = [[str(f.line), f.code, labels[f.severity.label], f.message] for f in result.findings]
        assert parsed.sections[f"report-{n}"] == expected


def test_an_unreadable_file_gets_a_row_saying_so(seed_results):
    lint = linter()
    missing = lint.read_error(read.ReadError("缺失.txt", "文件不存在", "no such file"))
    parsed = Page(review.render([missing, seed_results[0]]))
    row = parsed.rows[0]
    assert [t for _, t in row["cells"]] == ["1", "缺失.txt", "无法读取：文件不存在", "1", "0", "0", "—"]
    assert row["cells"][2][0]["colspan"] == "6"
    assert "unreadable" in row["attrs"]["class"].split() and "has-errors" in row["attrs"]["class"].split()
    assert parsed.sections["report-1"] == [["1", "FZ901", "错误", missing.findings[0].message]]
    assert len(parsed.rows[1]["cells"]) == 12


def test_english_labels(seed_results):
    parsed = Page(review.render(seed_results, lang="en"))
    assert parsed.headers == HEADERS_EN
    assert [row[1] for row in parsed.table()] == [EXPECTED[0][0], "(no title)", EXPECTED[2][0], "(no title)",
                                                   EXPECTED[4][0]]
    assert parsed.sections["report-3"][0][2] == "info"


def test_every_text_is_escaped():
    text = "<script>alert(1)</script>关于2022年法治政府建设情况的报告 & “引号”\n一、主要举措和成效\n开展普法活动32场。\n"
    result = linter().lint_source(Source('a"<b>.txt', text, "utf-8"))
    page = review.render([result])
    assert "<script>alert" not in page and '"<b>' not in page
    parsed = Page(page)
    assert parsed.table()[0][:2] == ('a"<b>.txt', "<script>alert(1)</script>关于2022年法治政府建设情况的报告 & “引号”")


def test_the_page_is_self_contained(page):
    for outside in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert outside not in page


# --- the command -----------------------------------------------------------------------------------

def test_report_command_writes_the_page_and_prints_one_line(tmp_path):
    out = tmp_path / "review.html"
    out.write_text("old", encoding="utf-8")  # replaced whole
    result = CliRunner().invoke(main, ["report", str(seed(0).parent), "--html", str(out)])
    assert result.exit_code == 0, result.output
    # The command lints with today's date; the expected counts are made the same way.
    results = [linter(today=date.today()).lint_file(str(seed(n))) for n in range(5)]
    c = counts(results)
    assert result.output == (f"已生成审阅页面 {out}：5 份报告，4 份有错误，0 份无法读取；"
                             f"共 {c['errors']} 个错误，{c['warnings']} 个警告，{c['infos']} 条提示。\n")
    parsed = Page(out.read_text(encoding="utf-8"))
    assert [row[1:4] for row in parsed.table()] == [EXPECTED[n][:3] for n in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.html"]  # no temporary file left
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_report_command_exits_zero_with_an_unreadable_file_and_speaks_english(tmp_path):
    out = tmp_path / "review.html"
    # The missing file stands in a folder of the root's, which no checkout shares with it.
    missing = os.path.join(os.sep, "fzlint-no-such-folder", "nothere.txt")
    result = CliRunner().invoke(main, ["report", str(seed(0)), missing, "--html", str(out),
                                       "--lang", "en", "--year", "2022"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Review page written to {out}: 2 reports, 1 with errors, 1 unreadable; 1 errors, ")
    parsed = Page(out.read_text(encoding="utf-8"))
    assert [t for _, t in parsed.rows[0]["cells"]][2] == "Cannot be read: no such file"
    # No folder holds both files: the paths are shown as given.
    assert [t for _, t in parsed.rows[1]["cells"]][1:4] == [str(seed(0)), EXPECTED[0][0], "2022"]


def test_report_command_fails_when_the_page_cannot_be_written(tmp_path):
    result = CliRunner().invoke(main, ["report", str(seed(0)), "--html", str(tmp_path / "no" / "review.html")])
    assert result.exit_code == 2
    assert "无法写入审阅页面" in result.output
    assert list(tmp_path.iterdir()) == []


def test_report_command_follows_the_configuration_as_check_does(tmp_path):
    # A 依法治办's configuration: no typography rules, unquantified claims are
    # errors, and a part of its own required by a rule of its own (CQ001).
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copyfile(seed(0), reports / "a.txt")
    shutil.copyfile(seed(2), reports / "b.txt")
    (tmp_path / ".fzlint.yaml").write_text(
        "ignore: [FZ5]\nseverity: {FZ401: error}\nextend: [city.yaml]\n", encoding="utf-8")
    (tmp_path / "city.yaml").write_text(
        "rules:\n  - code: CQ001\n    name: demonstration-part\n    kind: required-heading\n    severity: error\n"
        "    params: {headings: ['示范创建'], name: 法治政府示范创建情况, example: 五、法治政府示范创建情况}\n"
        "    message: 缺少“{name}”部分。\n", encoding="utf-8")
    checked = CliRunner().invoke(main, ["--format", "json", str(reports)])
    expected = [tuple(str(sum(d["severity"] == s for d in f["diagnostics"])) for s in ("error", "warning", "info"))
                for f in json.loads(checked.output)["files"]]
    assert expected[0] != ("0", "42", "6")  # not the seed's counts under the shipped rules (EXPECTED)
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["report", str(reports), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert [row[4] for row in Page(page).table()] == expected
    assert "CQ001" in page and "FZ501" not in page
    # --no-config: every shipped rule, none of the organ's own.
    CliRunner().invoke(main, ["report", str(reports), "--html", str(out), "--no-config"])
    page = out.read_text(encoding="utf-8")
    assert "CQ001" not in page and "FZ501" in page


def test_report_command_names_a_bad_configuration(tmp_path):
    shutil.copyfile(seed(0), tmp_path / "a.txt")
    (tmp_path / ".fzlint.yaml").write_text("ignore: 5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--html", str(tmp_path / "review.html")])
    assert result.exit_code == 2
    assert result.output.startswith(f"fzlint: {tmp_path / '.fzlint.yaml'}: ignore") and result.output.count("\n") == 1
    assert not (tmp_path / "review.html").exists()


def test_report_command_requires_html():
    result = CliRunner().invoke(main, ["report", str(seed(0))])
    assert result.exit_code == 2 and "--html" in result.output


# --- in a real browser -----------------------------------------------------------------------------

def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    chromium = program("chromium", "apt-get install chromium fonts-noto-cjk (Debian's packages)")
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_chromium_reads_the_table_back(tmp_path, page):
    path = tmp_path / "review.html"
    path.write_text(page, encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    parsed = Page(dom)
    assert parsed.headers == HEADERS_ZH
    assert parsed.table() == [(_file_name(n), *EXPECTED[n]) for n in range(5)]
    assert list(parsed.sections) == [f"report-{n}" for n in range(1, 6)]
    # The sorting script ran: it makes each header focusable.
    assert dom.count('tabindex="0"') == len(HEADERS_ZH)


def test_chromium_sorts_by_a_clicked_header(tmp_path, page):
    # Click the data-density header once (ascending), and the errors header twice (descending).
    click = ("<script>var h = document.querySelectorAll('#reports thead th'); h[11].click();"
             "document.title = Array.prototype.map.call(document.querySelectorAll('#reports tbody tr'),"
             " function (r) { return r.cells[0].textContent; }).join(',');"
             "h[8].click(); h[8].click();</script></body>")
    path = tmp_path / "sorted.html"
    path.write_text(page.replace("</body>", click), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    parsed = Page(dom)
    # By density ascending: 26% (002), 43% (003), 44% (001), 52% (000), 78% (004).
    assert "<title>3,4,2,1,5</title>" in dom
    # Then by errors descending: 3 (004), 2 (002), then the 1s in their previous order (003, 001), 0 (000).
    assert [row[0] for row in parsed.table()] == [_file_name(n) for n in (4, 2, 3, 1, 0)]
    assert parsed.headers[8] == "错误"


def test_chromium_screenshot(tmp_path, page):
    # Without a CJK font Chromium draws a box for every Chinese character.
    fonts = subprocess.run([program("fc-list", "apt-get install fontconfig"), ":lang=zh", "family"],
                           capture_output=True, text=True).stdout
    if not fonts.strip():
        needed("a CJK font for the screenshot", "apt-get install fonts-noto-cjk (Debian's package)")
    path = tmp_path / "review.html"
    path.write_text(page, encoding="utf-8")
    shot = tmp_path / "review.png"
    _chromium(tmp_path, "--hide-scrollbars", f"--screenshot={shot}", "--window-size=1400,1000", path.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1400 and int.from_bytes(data[20:24], "big") == 1000
