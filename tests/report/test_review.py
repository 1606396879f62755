"""The review page (fzlint report --html): its table and findings for the five
seeds, read back from the HTML and from the DOM of a real headless Chromium."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import weakref
from collections import namedtuple
from datetime import date
import html
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from conftest import SEEDS, linter, needed, program, seed, seed_text

from fzlint import read, ruleset
from fzlint.cli import main
from fzlint.model import Severity, Source
from fzlint.report import counts, review

HEADERS_ZH = ["#", "文件", "标题", "机关", "层级", "年度", "成文日期", "按期", "字数", "举措", "不足", "职责", "安排",
              "错误", "警告", "提示", "排版", "数据密度", "任务"]
HEADERS_EN = ["#", "File", "Title", "Organ", "Level", "Year", "Date", "On time", "Length", "Measures", "Gaps",
              "Duties", "Plan", "Errors", "Warnings", "Infos", "Typography", "Data density", "Areas"]
# The key figures the seeds state (indicators.py), named and ordered as rules/indicators.yaml gives them.
SEED_FIGURES_ZH = ["收到行政复议申请", "受理行政复议案件", "审结（办结）行政复议案件", "行政复议调解和解", "行政复议调解和解率",
                   "行政机关负责人出庭应诉率", "审核规范性文件", "合法性审查（审核）", "行政处罚案件", "行政许可事项",
                   "法律援助案件", "调解纠纷"]
SEED_FIGURES_EN = ["reconsideration applications received", "reconsideration cases accepted",
                   "reconsideration cases concluded", "reconsideration cases settled by mediation",
                   "reconsideration mediation rate", "rate of appearance in court by the heads of administrative organs",
                   "normative documents reviewed", "legality reviews", "administrative penalty cases",
                   "administrative licences", "legal aid cases", "disputes mediated"]

# One row per seed as the page shows it: title, organ, year, date, on time,
# length, the four required parts (measures, shortcomings, duties, plan),
# errors, warnings, infos, typographic findings (FZ5, folded), data density.
EXPECTED = {
    0: ("重庆市江北区石马河街道关于2022年法治政府建设情况的报告", "重庆市江北区石马河街道", "2022", "2023年1月30日",
        "✓ 按期", "4,097", "✓✓✓✓", ("0", "18", "7", "25"), "52% 14/27"),
    1: ("（无标题）", "—", "2022", "—", "—", "5,648", "✓✓✓✓", ("1", "28", "7", "29"), "44% 27/61"),
    2: ("珠晖区东阳渡街道2023年度法治政府建设工作报告", "珠晖区东阳渡街道", "2023", "—", "—", "2,997", "✓✗✗△",
        ("2", "20", "4", "9"), "26% 11/43"),
    3: ("（无标题）", "—", "2021", "—", "—", "4,166", "✓✓✓✓", ("1", "25", "6", "26"), "43% 20/46"),
    4: ("淄博高新区群众工作部关于2022年度法治政府建设工作的报告", "淄博高新区群众工作部", "2022", "—", "—", "2,759",
        "✓✓✓✓", ("3", "17", "8", "19"), "78% 14/18"),
}
STATUS = {"✓": "present", "✗": "missing", "△": "passing"}
PARTS = slice(9, 13)
COUNTS = slice(13, 17)
DENSITY = 17
AREAS = 18


class Page(HTMLParser):
    """The review page read back as a browser without a script shows it: the
    overview table's header and report rows (each cell's attributes and
    text), each report's <tbody> attributes, and each report's findings (the
    text of each finding's cells), main and folded (FZ5) apart."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.headers: list[str] = []
        self.rows: list[dict] = []  # {"attrs": {...} of the tbody, "cells": [(attrs, text)]}
        self.sections: dict[str, list[list[str]]] = {}  # report-N: the main findings' rows
        self.folded: dict[str, list[list[str]]] = {}  # report-N: the folded findings' rows
        self.summaries: dict[str, str] = {}
        self.links: list[str] = []
        self._tables: list[str] = []  # the open tables' kinds: reports | findings | other
        self._body: str | None = None
        self._body_attrs: dict = {}
        self._in_folded = 0
        self._cell: list | None = None  # [attrs, text]
        self._row: list | None = None
        self._in_head = False
        self._summary: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = self._tables[-1] if self._tables else None
        if tag == "table":
            self._tables.append("reports" if attrs.get("id") == "reports" else
                                "findings" if attrs.get("class") == "findings" else "other")
        elif tag == "tbody" and kind == "reports":
            self._body, self._body_attrs = attrs.get("id"), attrs
            self.sections[self._body], self.folded[self._body] = [], []
        elif tag == "details" and attrs.get("class") == "folded":
            self._in_folded += 1
        elif tag == "summary" and self._body:
            self._summary = ""
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
            if kind == "reports" and not self._in_head and attrs.get("class") == "row":
                self.rows.append({"attrs": self._body_attrs, "cells": self._row})
            elif kind == "findings" and not self._in_head:
                (self.folded if self._in_folded else self.sections)[self._body].append(self._row)
        elif tag in ("td", "th"):
            self._cell = [attrs, ""]
        elif tag == "a" and kind == "reports" and "href" in attrs and self._cell is not None:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        kind = self._tables[-1] if self._tables else None
        if tag == "table":
            self._tables.pop()
        elif tag == "tbody" and kind == "reports":
            self._body = None
        elif tag == "details" and self._in_folded and not self._summary:
            self._in_folded -= 1
        elif tag == "summary" and self._summary is not None:
            if self._body not in self.summaries:
                self.summaries[self._body] = " ".join(self._summary.split())
            self._summary = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None:
            attrs, text = self._cell
            text = " ".join(text.split())
            if kind == "reports" and self._in_head:
                self.headers.append(text)
            elif self._row is not None and (kind == "findings" or attrs.get("colspan") != str(_width(self))):
                self._row.append((attrs, text) if kind == "reports" else text)
            self._cell = None

    def handle_data(self, data):
        if self._summary is not None:
            self._summary += data
        elif self._cell is not None:
            self._cell[1] += data

    def table(self) -> list[tuple]:
        """Each row as (file, title, organ, year, date, on time, length, marks, counts, density)."""
        out = []
        for row in self.rows:
            texts = [t for _, t in row["cells"]]
            out.append((texts[1], texts[2], texts[3], texts[5], texts[6], texts[7], texts[8],
                        "".join(texts[PARTS]), tuple(texts[COUNTS]), texts[DENSITY]))
        return out


def _width(page: Page) -> int:
    return len(page.headers)


def _expected(n: int) -> tuple:
    title, organ, year, date_, on_time, length, marks, c, density = EXPECTED[n]
    return (title, organ, year, date_, on_time, length, marks, c, density)


@pytest.fixture(scope="module")
def seed_results():
    lint = linter()
    return [lint.lint_file(str(seed(n))) for n in range(5)]


@pytest.fixture(scope="module")
def page(seed_results):
    return review.render(seed_results)


def _file_name(n: int) -> str:
    return seed(n).name


def test_the_table_has_one_row_per_seed_with_its_columns(page):
    parsed = Page(page)
    assert parsed.headers == HEADERS_ZH + SEED_FIGURES_ZH
    assert parsed.table() == [(_file_name(n), *_expected(n)) for n in range(5)]
    # The folder they share is said once, above the table; the rows show the names below it.
    assert f"文件所在目录：{SEEDS}{os.sep}" in page
    assert [row["cells"][1][0]["title"] for row in parsed.rows] == [str(seed(n)) for n in range(5)]


def test_the_parts_follow_the_document_sections_and_mentions(page, seed_results):
    parsed = Page(page)
    for n, row in enumerate(parsed.rows):
        doc = seed_results[n].document
        statuses = [attrs["data-status"] for attrs, _ in row["cells"][PARTS]]
        assert statuses == [STATUS[mark] for mark in EXPECTED[n][6]]
        assert row["attrs"]["data-parts"] == "".join({"present": "p", "passing": "a", "missing": "m"}[s]
                                                     for s in statuses)
        for role, status in zip(["measures", "shortcomings", "duties", "plan"], statuses):
            has_part = bool(doc.parts(role))
            in_passing = any(m.role == role for m in doc.mentions)
            assert status == ("present" if has_part else "passing" if in_passing else "missing")
    # Seed 002: the plan is only a closing paragraph (FZ103); shortcomings and duties are missing (FZ101).
    codes_002 = [f.code for f in seed_results[2].findings]
    assert codes_002.count("FZ101") == 2 and codes_002.count("FZ103") == 1
    cells = parsed.rows[2]["cells"]
    mention = seed_results[2].document.mentions[0]
    assert cells[12][0]["title"] == f"仅顺带提及（FZ103）：第 {mention.line} 行“{review._clip(mention.text)}”"
    assert mention.line == 16
    assert cells[9][0]["title"] == "有独立部分：第 8 行“一、加强法治思维推进依法行政”"
    assert cells[10][0]["title"] == "缺失（FZ101）"


def test_counts_equal_the_linters_own_findings_with_typography_apart(page, seed_results):
    parsed = Page(page)
    for n, row in enumerate(parsed.rows):
        findings = seed_results[n].findings
        errors = sum(f.severity is Severity.ERROR for f in findings)
        folded = [f for f in findings if f.code.startswith("FZ5") and f.severity is not Severity.ERROR]
        rest = [f for f in findings if f not in folded]
        expected = (errors, sum(f.severity is Severity.WARNING for f in rest),
                    sum(f.severity is Severity.INFO for f in rest), len(folded))
        assert tuple(t for _, t in row["cells"][COUNTS]) == tuple(map(str, expected))
    total = counts(seed_results)
    assert (total["errors"], total["warnings"], total["infos"]) == (7, 216, 32)
    assert "共 5 份报告：7 个错误，216 个警告，32 条提示。4 份有错误，0 份无法读取。" in page
    assert "其中排版类问题（FZ5，非错误）108 条，单独计数并折叠。" in page


def test_rows_with_errors_stand_out(page):
    classes = [row["attrs"]["class"].split() for row in Page(page).rows]
    assert ["has-errors" in c for c in classes] == [False, True, True, True, True]
    assert [row["attrs"]["data-sev"] for row in Page(page).rows] == ["w", "e", "e", "e", "e"]


def test_density_is_what_fz403_measures(page, seed_results):
    parsed = Page(page)
    # Seed 002 is the one FZ403 reports, with the same figures as the table.
    fz403 = [f for r in seed_results for f in r.findings if f.code == "FZ403"]
    assert [f.path for f in fz403] == [str(seed(2))]
    assert "11/43句（26%）" in fz403[0].message
    cells = [row["cells"][DENSITY][0] for row in parsed.rows]
    assert ["low" in c["class"].split() for c in cells] == [False, False, True, False, False]
    assert cells[2]["title"] == "11/43 句带有数据；低于 35%（FZ403）"


def test_areas_column_is_what_fz410_finds(page, seed_results):
    parsed = Page(page)
    fz410 = {f.path: f.message for r in seed_results for f in r.findings if f.code == "FZ410"}
    cells = [row["cells"][AREAS] for row in parsed.rows]
    assert [text for _, text in cells] == ["7/9", "9/9", "6/9", "7/9", "5/9"]
    assert [c["data-sort"] for c, _ in cells] == ["7", "9", "6", "7", "5"]
    assert [("gap" in c["class"].split()) for c, _ in cells] == [True, False, True, True, True]
    assert cells[1][0]["title"] == "涉及全部 9 个任务领域"
    # The tooltip names the areas FZ410's finding names, and only there.
    assert cells[2][0]["title"] == "未涉及：依法行政制度体系、突发事件应对体系、行政权力制约和监督体系（FZ410）"
    assert "依法行政制度体系、突发事件应对体系、行政权力制约和监督体系。" in fz410[str(seed(2))]
    assert str(seed(1)) not in fz410


def test_areas_column_of_a_report_it_does_not_judge():
    # A report on 2019 is not judged by the 2021—2025 纲要; one without measures or duties has nothing to judge.
    rows = Page(review.render([linter().lint_source(Source(name, text, "utf-8")) for name, text in (
        ("old.txt", "2019年法治政府建设情况的报告\n一、主要举措和成效\n评查案卷12卷。"),
        ("plan.txt", "一、2023年度主要安排\n评查案卷12卷。"),
        ("short.txt", "2023年法治政府建设情况的报告\n一、主要举措和成效\n评查案卷12卷。"))])).rows  # under 300 characters
    assert [(row["cells"][AREAS][0]["data-sort"], row["cells"][AREAS][1]) for row in rows] == [("", "—")] * 3


def test_each_reports_findings_are_under_its_row_with_typography_folded(page, seed_results):
    parsed = Page(page)
    assert parsed.links == [f"#report-{n}" for n in range(1, 6)]
    assert list(parsed.sections) == [f"report-{n}" for n in range(1, 6)]
    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    for n, result in enumerate(seed_results, 1):
        def cells(findings):
            return [[str(f.line), f.code, labels[f.severity.label], f.message] for f in findings]

        folded = [f for f in result.findings if f.code.startswith("FZ5") and f.severity is not Severity.ERROR]
        main = [f for f in result.findings if f not in folded]
        # Errors first, in line order, then the rest in line order.
        main = [f for f in main if f.severity is Severity.ERROR] + [f for f in main if f.severity is not Severity.ERROR]
        assert parsed.sections[f"report-{n}"] == cells(main)
        assert parsed.folded[f"report-{n}"] == cells(folded)
        # The row's codes (and families), for the rule filter.
        codes = sorted({f.code for f in result.findings})
        families = sorted({c[:3] for c in codes})
        assert parsed.rows[n - 1]["attrs"]["data-codes"] == " " + " ".join(codes + families) + " "
    # An error of the FZ5 family is not folded: seed 004's FZ502s stand with the other errors.
    assert [row[1] for row in parsed.sections["report-5"][:3]] == ["FZ504", "FZ502", "FZ502"]
    assert [row[2] for row in parsed.sections["report-5"][:4]] == ["错误", "错误", "错误", "警告"]
    assert parsed.summaries["report-5"] == "问题 47 个：3 个错误，17 个警告，8 条提示，排版 19 条"


def test_the_rule_tally_counts_findings_and_reports(page, seed_results):
    tally = review.rule_tally([review.Reducer(ruleset.default()).row(r) for r in seed_results])
    by_code = {code: (n, reports) for code, _, _, n, reports in tally}
    for code, (n, reports) in by_code.items():
        assert n == sum(f.code == code for r in seed_results for f in r.findings)
        assert reports == sum(any(f.code == code for f in r.findings) for r in seed_results)
    assert tally[0][0] == "FZ501" and by_code["FZ501"] == (98, 5)
    assert [n for *_, n, _ in tally] == sorted((n for *_, n, _ in tally), reverse=True)
    assert "规则统计：28 条规则共 255 个问题" in page
    assert '<a href="#reports" data-rule="FZ501">FZ501</a>' in page


def test_names_sort_naturally_below_their_common_folder(tmp_path):
    lint = linter()
    results = [lint.lint_source(Source(str(tmp_path / f"报告_{n}.txt"), seed_text(0), "utf-8")) for n in (10, 2, 1, 11)]
    parsed = Page(review.render(results))
    assert [row[0] for row in parsed.table()] == ["报告_1.txt", "报告_2.txt", "报告_10.txt", "报告_11.txt"]
    assert [t for _, t in (row["cells"][0] for row in parsed.rows)] == ["1", "2", "3", "4"]


def test_on_time_follows_fz305_and_the_profile(tmp_path):
    # Written 15 March 2023 for 2022: on time for a government (1 April), late for a department (1 March)
    # and for a demonstration area (31 January).
    text = seed_text(0).replace("2023年1月30日", "2023年3月15日")
    out = tmp_path / "review.html"
    for profile, shown, fz305 in (("government", "✓ 按期", False), ("department", "✗ 逾期", True),
                                 ("demonstration", "✗ 逾期", True)):
        reports = tmp_path / profile / "reports"
        reports.mkdir(parents=True)
        (reports / "a.txt").write_text(text, encoding="utf-8")
        (tmp_path / profile / ".fzlint.yaml").write_text(f"profile: {profile}\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["report", str(reports), "--html", str(out)])
        assert result.exit_code == 0, result.output
        page = out.read_text(encoding="utf-8")
        parsed = Page(page)
        cells = parsed.rows[0]["cells"]
        assert (cells[4][1], cells[6][1], cells[7][1]) == (review.PROFILE_NAMES[profile].zh, "2023年3月15日", shown)
        deadline = {"government": "2023-04-01", "department": "2023-03-01", "demonstration": "2023-01-31"}[profile]
        assert cells[7][0]["title"] == f"期限 {deadline}（FZ305）"
        assert ("FZ305" in [row[1] for row in parsed.sections["report-1"]]) is fz305


def test_length_counts_the_characters_but_blanks(seed_results):
    row = review.Reducer(ruleset.default()).row(seed_results[0])
    assert row.length == len("".join(seed_results[0].document.text.split())) == 4097


Indicator = namedtuple("Indicator", "key value unit line text")  # as Document.indicators will hold them


def test_key_figures_are_a_column_group_when_the_documents_have_them(tmp_path):
    lint = linter()
    first = lint.lint_source(Source(str(tmp_path / "a.txt"), seed_text(0), "utf-8"))
    second = lint.lint_source(Source(str(tmp_path / "b.txt"), seed_text(4), "utf-8"))
    first.document.indicators = [Indicator("行政复议", "37", "件", 12, "办理行政复议案件37件"),
                                 Indicator("普法活动", "120", "场", 20, "开展普法活动120场"),
                                 Indicator("行政复议", "5", "件", 30, "纠错5件")]  # a second of one key: the first counts
    second.document.indicators = [Indicator("普法活动", "86", "场", 9, "开展普法活动86场")]
    page = review.render([first, second])
    parsed = Page(page)
    assert parsed.headers == HEADERS_ZH + ["行政复议", "普法活动"]
    assert [[t for _, t in row["cells"][19:]] for row in parsed.rows] == [["37件", "120场"], ["—", "86场"]]
    assert parsed.rows[0]["cells"][19][0]["title"] == "第 12 行"
    assert '<colgroup class="figures" span="2"></colgroup>' in page
    # Without them (before the parse finds them, or none found): no such columns.
    none = lint.lint_source(Source("c.txt", seed_text(0), "utf-8"))
    none.document.indicators = []
    assert Page(review.render([none])).headers == HEADERS_ZH


def test_a_row_keeps_no_document(seed_results):
    # The page and exports are made from Rows: once a result is reduced, its Document can go.
    lint = linter()
    result = lint.lint_file(str(seed(0)))
    doc = weakref.ref(result.document)
    row = review.Reducer(ruleset.default()).row(result)
    del result
    gc.collect()
    assert doc() is None
    assert row.title == EXPECTED[0][0]


def test_an_unreadable_file_gets_a_row_saying_so(seed_results):
    lint = linter()
    missing = lint.read_error(read.ReadError("缺失.txt", "文件不存在", "no such file"))
    parsed = Page(review.render([missing, seed_results[0]]))
    row = next(r for r in parsed.rows if r["cells"][1][1] == "缺失.txt")
    # Natural order of the paths as given: /work/… before 缺失.txt.
    # (seed 0 states four key figures: the unreadable file has none of them)
    assert [t for _, t in row["cells"]] == ["2", "缺失.txt", "无法读取：文件不存在", "1", "0", "0", "0", "—", "—"] + ["—"] * 4
    assert row["cells"][2][0]["colspan"] == "11"
    assert "unreadable" in row["attrs"]["class"].split() and "has-errors" in row["attrs"]["class"].split()
    assert parsed.sections["report-2"] == [["1", "FZ901", "错误", missing.findings[0].message]]
    assert len(parsed.rows[0]["cells"]) == len(HEADERS_ZH) + 4


def test_english_labels(seed_results):
    page = review.render(seed_results, lang="en")
    parsed = Page(page)
    assert parsed.headers == HEADERS_EN + SEED_FIGURES_EN
    assert [row[1] for row in parsed.table()] == [EXPECTED[0][0], "(no title)", EXPECTED[2][0], "(no title)",
                                                   EXPECTED[4][0]]
    assert [row[2] for row in parsed.sections["report-3"][:3]] == ["error", "error", "info"]
    assert parsed.table()[0][5] == "✓ on time"
    assert '<option value="e">with errors</option>' in page


def test_every_text_is_escaped():
    text = "<script>alert(1)</script>关于2022年法治政府建设情况的报告 & “引号”\n一、主要举措和成效\n开展普法活动32场。\n"
    result = linter().lint_source(Source('a"<b>.txt', text, "utf-8"))
    page = review.render([result])
    assert "<script>alert" not in page and '"<b>' not in page
    assert page.count("<noscript>") == page.count("</noscript>") == 1  # no text ends the findings' raw text early
    parsed = Page(page)
    assert parsed.table()[0][:2] == ('a"<b>.txt', "<script>alert(1)</script>关于2022年法治政府建设情况的报告 & “引号”")


def test_the_page_is_self_contained_and_readable_without_a_script(page, seed_results):
    for outside in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert outside not in page
    # Every finding is in the HTML itself (Page reads it as a browser without scripts shows it),
    # and the filters, which need the script, stay hidden until it runs.
    parsed = Page(page)
    assert sum(len(v) for v in parsed.sections.values()) + sum(len(v) for v in parsed.folded.values()) == 255
    assert '<form id="filters" class="filters" hidden>' in page
    # A script hides the table while the page is parsed; nothing in the markup does, and the
    # script that shows it again stands right after the table, before the filters' script.
    assert "fz-loading" not in page.split("<style>")[0] and 'class="fz-loading"' not in page
    assert page.index("</table>\n<script>" + review.SHOW + "</script>") < page.index("<script>" + review.SCRIPT)


def test_the_grid_has_a_column_per_header(page, seed_results):
    # The rows are drawn as grids of fixed columns: one per header, the unreadable note spanning
    # the columns between the file and the counts.
    columns = page.split("grid-template-columns: ")[1].split(";")[0].split()
    assert len(columns) == len(HEADERS_ZH) + len(SEED_FIGURES_ZH) and all(c.endswith("em") for c in columns)
    assert ".reports td.error-note { grid-column: span 11; }" in page
    # The title column is capped where its cells ellipsise; the count columns fit their headers.
    assert columns[2] == "17.0em" and 2.6 <= float(columns[13][:-2]) < 4
    english = review.render(seed_results, lang="en").split("grid-template-columns: ")[1].split(";")[0].split()
    assert float(english[14][:-2]) > float(columns[14][:-2])  # "Warnings" is wider than 警告


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
    # Rows sort by path, and where the checkout lives decides which of the two comes first.
    by_name = {cells[1]: cells for cells in ([t for _, t in row["cells"]] for row in parsed.rows)}
    assert sorted(by_name) == sorted([missing, str(seed(0))])
    assert by_name[missing][2] == "Cannot be read: no such file"
    # No folder holds both files: the paths are shown as given.
    cells = by_name[str(seed(0))]
    assert (cells[2], cells[5]) == (EXPECTED[0][0], "2022")


def test_the_page_and_tables_an_earlier_run_left_in_the_batch_are_not_reports(tmp_path):
    # fzlint reads .html (a saved web copy) and .txt: the review page and a CSV
    # named .txt that an earlier run wrote into the batch's folder are not drafts.
    shutil.copyfile(seed(0), tmp_path / "a.txt")
    args = ["report", str(tmp_path), "--html", str(tmp_path / "review.html"), "--csv", str(tmp_path / "table.txt")]
    for _ in range(2):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "：1 份报告，" in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "review.html", "table-findings.txt", "table.txt"]
    # The page named as a report to check as well: refused, the page kept.
    before = (tmp_path / "review.html").read_bytes()
    result = CliRunner().invoke(main, ["report", str(tmp_path / "review.html"), "--html", str(tmp_path / "review.html")])
    assert result.exit_code == 2 and "既是要检查的文件，又是本次运行要写入的文件" in result.output
    assert (tmp_path / "review.html").read_bytes() == before


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
    assert expected[0] != ("0", "17", "6")  # not the seed's counts under the shipped rules (EXPECTED)
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["report", str(reports), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert [row[8][:3] for row in Page(page).table()] == expected
    assert [row[8][3] for row in Page(page).table()] == ["0", "0"]  # no typography rule ran
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
    assert parsed.headers == HEADERS_ZH + SEED_FIGURES_ZH
    assert parsed.table() == [(_file_name(n), *_expected(n)) for n in range(5)]
    assert list(parsed.sections) == [f"report-{n}" for n in range(1, 6)]
    # The script ran: it makes each header focusable and shows the filters.
    assert dom.count('tabindex="0"') == len(HEADERS_ZH) + len(SEED_FIGURES_ZH)
    assert '<form id="filters" class="filters">' in dom


def test_chromium_sorts_by_a_clicked_header(tmp_path, page):
    # Click the data-density header once (ascending), and the errors header twice (descending).
    click = ("<script>var h = document.querySelectorAll('#reports thead th'); h[17].click();"
             "document.title = Array.prototype.map.call(document.querySelectorAll('#reports > tbody > tr.row'),"
             " function (r) { return r.cells[0].textContent; }).join(',');"
             "h[13].click(); h[13].click();</script></body>")
    path = tmp_path / "sorted.html"
    path.write_text(page.replace("</body>", click), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    parsed = Page(dom)
    # By density ascending: 26% (002), 43% (003), 44% (001), 52% (000), 78% (004).
    assert "<title>3,4,2,1,5</title>" in dom
    # Then by errors descending: 3 (004), 2 (002), then the 1s in their previous order (003, 001), 0 (000).
    assert [row[0] for row in parsed.table()] == [_file_name(n) for n in (4, 2, 3, 1, 0)]
    assert parsed.headers[13] == "错误"
    # Each report's findings moved with its row.
    assert parsed.summaries["report-5"] == "问题 47 个：3 个错误，17 个警告，8 条提示，排版 19 条"
    assert list(parsed.sections) == [f"report-{n}" for n in (5, 3, 4, 2, 1)]


def _scripted(page: str, script: str) -> str:
    return page.replace("</body>", f"<script>{script}</script></body>")


def test_chromium_filters_by_rule_part_severity_and_unreadable(tmp_path, seed_results):
    lint = linter()
    missing = lint.read_error(read.ReadError(str(seed(0).parent / "缺失.txt"), "文件不存在", "no such file"))
    page = review.render([*seed_results, missing])
    # Each filter in turn; the ids of the reports left shown are put in the title after each.
    script = """
      var form = document.getElementById("filters"), seen = [];
      function shown() {
        return Array.prototype.filter.call(document.getElementById("reports").tBodies,
          function (b) { return !b.hidden; }).map(function (b) { return b.id.slice(7); }).join(",");
      }
      function set(name, value) {
        if (form.elements[name].type === "checkbox") form.elements[name].checked = value;
        else form.elements[name].value = value;
        form.dispatchEvent(new Event("change"));
        seen.push(name + "=" + value + ":" + shown());
      }
      set("severity", "n"); set("severity", "e"); set("severity", "");
      set("rule", "FZ101"); set("rule", "FZ3"); set("rule", "");
      set("status", "a"); set("part", "1"); set("status", "m"); set("status", ""); set("part", "");
      set("unreadable", true);
      seen.push(form.elements.shown.value);
      set("unreadable", false);
      set("rule", "FZ404");
      document.querySelector("#report-2 details").open = true;
      document.title = seen.join(" ");
    """
    path = tmp_path / "filtered.html"
    path.write_text(_scripted(page, script), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    # Reports in natural order: 1-5 the seeds, 6 the unreadable file (缺失.txt sorts after the digits).
    def having(prefix: str) -> str:
        return ",".join(str(n + 1) for n in range(5) if any(f.code.startswith(prefix) for f in seed_results[n].findings))

    fz3, fz404 = having("FZ3"), having("FZ404")
    assert fz404 == "2,3,4"
    assert html.unescape(dom.split("<title>")[1].split("</title>")[0]) == " ".join([
        "severity=n:1", "severity=e:2,3,4,5,6", "severity=:1,2,3,4,5,6",
        "rule=FZ101:3", f"rule=FZ3:{fz3}", "rule=:1,2,3,4,5,6",
        "status=a:3", "part=1:", "status=m:3", "status=:1,2,3,4,5,6", "part=:1,2,3,4,5,6",
        "unreadable=true:6", "显示 1 / 6 份", "unreadable=false:1,2,3,4,5,6", f"rule=FZ404:{fz404}"])
    # The opened report's findings were made from its <noscript>, only FZ404's shown.
    parsed = Page(dom)
    opened = dom.split('id="report-2"')[1].split("</tbody>")[0]
    assert "<noscript>" not in opened and '<table class="findings">' in opened
    rows = opened.split("<tbody>")[1].split("</tbody>")[0].split("<tr ")[1:]
    shown = [r for r in rows if " hidden" not in r.split(">")[0]]
    assert len(rows) == len(parsed.sections["report-2"]) and rows
    assert shown and all("<td>FZ404</td>" in r for r in shown)
    assert len(shown) == sum(f.code == "FZ404" for f in seed_results[1].findings)


def test_chromium_lays_out_the_rows_under_their_headers(tmp_path, page):
    # Each header stands over its cells (the same left edge and width in every report's row), no
    # header is cut short, the header sticks to the top of the window when the table is scrolled
    # past it (by more than 50 px: the window is low), and a filtered-out report takes no room.
    script = """
      var table = document.getElementById("reports"), heads = table.tHead.rows[0].cells, bad = [];
      Array.prototype.forEach.call(table.tBodies, function (b) {
        Array.prototype.forEach.call(b.rows[0].cells, function (td, i) {
          var h = heads[i].getBoundingClientRect(), r = td.getBoundingClientRect();
          if (Math.abs(h.left - r.left) > 0.5 || Math.abs(h.width - r.width) > 0.5) bad.push(b.id + ":" + i);
        });
      });
      var cut = Array.prototype.filter.call(heads, function (th) { return th.scrollWidth > th.clientWidth; })
        .map(function (th) { return th.textContent; });
      var natural = table.tHead.getBoundingClientRect().top;
      document.getElementById("report-5").scrollIntoView();
      var headTop = table.tHead.getBoundingClientRect().top, scrolled = window.scrollY - natural;
      var form = document.getElementById("filters");
      form.elements.severity.value = "n";
      form.dispatchEvent(new Event("change"));
      var heights = Array.prototype.map.call(table.tBodies, function (b) {
        return b.hidden + ":" + (b.getBoundingClientRect().height > 0); });
      document.title = JSON.stringify({bad: bad, cut: cut, top: headTop, scrolled: scrolled > 50,
        loading: document.documentElement.className, heights: heights});
    """
    path = tmp_path / "laid-out.html"
    path.write_text(_scripted(page, script), encoding="utf-8")
    dom = _chromium(tmp_path, "--window-size=1400,300", "--dump-dom", path.as_uri()).stdout
    got = json.loads(html.unescape(dom.split("<title>")[1].split("</title>")[0]))
    assert got == {"bad": [], "cut": [], "top": 0, "scrolled": True, "loading": "",
                   "heights": ["false:true"] + ["true:false"] * 4}


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
