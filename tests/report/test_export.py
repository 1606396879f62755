"""The review's exports (fzlint report --csv / --xlsx): the overview and the
findings of the five seeds, read back with Python's csv module, from the
.xlsx's own XML, and through a real LibreOffice."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import zipfile
from collections import namedtuple
from datetime import date

import pytest
from click.testing import CliRunner

from conftest import linter, needed, program, seed, seed_text

from fzlint import ruleset
from fzlint.cli import main
from fzlint.model import Source
from fzlint.report import export, review

OVERVIEW_ZH = ["#", "文件", "标题", "机关", "层级", "年度", "成文日期", "期限", "按期", "字数", "举措和成效", "不足和原因",
               "第一责任人职责", "下一年度安排", "错误", "警告", "提示", "排版", "数据密度（%）", "带数据句/总句数",
               "数据密度偏低（FZ403）", "涉及任务领域", "未涉及的任务领域（FZ410）", "无法读取"]
# The key figures the seeds state (indicators.py), named and ordered as rules/indicators.yaml gives them.
FIGURES_ZH = ["收到行政复议申请", "受理行政复议案件", "审结（办结）行政复议案件", "行政复议调解和解", "行政复议调解和解率",
              "行政机关负责人出庭应诉率", "审核规范性文件", "合法性审查（审核）", "行政处罚案件", "行政许可事项", "法律援助案件",
              "调解纠纷"]
FINDINGS_ZH = ["文件", "行", "规则", "级别", "说明", "上下文"]
FINDINGS_EN = ["File", "Line", "Rule", "Severity", "Message", "Context"]


def _read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """fzlint report on the seeds with --csv and --xlsx (and no --html)."""
    out = tmp_path_factory.mktemp("exports")
    result = CliRunner().invoke(main, ["report", str(seed(0).parent), "--csv", str(out / "review.csv"),
                                       "--xlsx", str(out / "review.xlsx")])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def results():
    lint = linter(today=date.today())  # as the command lints
    return [lint.lint_file(str(seed(n))) for n in range(5)]


def test_the_command_names_what_it_wrote(written):
    out, output = written
    assert output.startswith(f"已写出 {out / 'review.csv'}、{out / 'review-findings.csv'}、{out / 'review.xlsx'}："
                             "5 份报告，4 份有错误，0 份无法读取；")
    assert sorted(p.name for p in out.iterdir()) == ["review-findings.csv", "review.csv", "review.xlsx"]


def test_the_overview_csv_has_every_column_of_the_page(written, results):
    out, _ = written
    rows = _read_csv(out / "review.csv")
    assert rows[0] == OVERVIEW_ZH + FIGURES_ZH
    assert rows[1] == (["1", str(seed(0)), "重庆市江北区石马河街道关于2022年法治政府建设情况的报告", "重庆市江北区石马河街道",
                       "人民政府", "2022", "2023-01-30", "2023-04-01", "是", "4097", "✓", "✓", "✓", "✓",
                       "0", "18", "7", "25", "52", "14/27", "否", "7/9", "政府机构职能体系、突发事件应对体系", ""] + [""] * 8
                       + ["51件", "24件", "3件", "1000余件"])
    assert rows[3][2:9] == ["珠晖区东阳渡街道2023年度法治政府建设工作报告", "珠晖区东阳渡街道", "人民政府", "2023", "",
                            "2024-04-01", ""]
    assert rows[3][10:14] == ["✓", "✗", "✗", "△"] and rows[3][18:23] == ["26", "11/43", "是", "6/9",
                                                                         "依法行政制度体系、突发事件应对体系、行政权力制约和监督体系"]
    assert [r[21] for r in rows[1:]] == ["7/9", "9/9", "6/9", "7/9", "5/9"] and rows[2][22] == ""
    assert [r[1] for r in rows[1:]] == [str(seed(n)) for n in range(5)]
    # The page's figures, row for row.
    parsed = __import__("test_review").Page(review.render(results))
    for page_row, csv_row in zip(parsed.table(), rows[1:]):
        assert tuple(csv_row[14:18]) == page_row[8]


def test_the_findings_csv_has_a_row_per_finding(written, results):
    out, _ = written
    rows = _read_csv(out / "review-findings.csv")
    assert rows[0] == FINDINGS_ZH
    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    assert rows[1:] == [[r.path, str(f.line), f.code, labels[f.severity.label], f.message, f.context]
                        for r in results for f in r.findings]
    assert len(rows) == 1 + 255


def test_the_xlsx_has_two_named_sheets_a_frozen_header_and_sized_columns(written):
    out, _ = written
    with zipfile.ZipFile(out / "review.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
        sheets = [book.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8") for n in (1, 2)]
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == ["概览", "问题"]
    for sheet in sheets:
        assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in sheet
    widths = [float(w) for w in re.findall(r'<col min="\d+" max="\d+" width="([\d.]+)"', sheets[1])]
    # File, line, code, severity, message (capped), context (empty: its header's width).
    assert len(widths) == 6 and widths[4] == max(widths) and widths[1] < widths[0]
    assert min(widths) > 3


def test_libreoffice_reads_the_xlsx_as_the_csv_says(written, tmp_path):
    soffice = program("soffice", "apt-get install libreoffice-calc-nogui (Debian's package)")
    # Calc is a package of its own: a LibreOffice with Writer alone cannot open a spreadsheet.
    program_dir = os.path.dirname(os.path.realpath(soffice))
    if not os.path.exists(os.path.join(program_dir, "libsclo.so")) and os.name == "posix":
        needed("LibreOffice Calc", "apt-get install libreoffice-calc-nogui (Debian's package)")
    out, _ = written
    profile = tmp_path / "profile"
    done = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path),
                           str(out / "review.xlsx")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    # LibreOffice converts the first sheet: the overview, as the CSV export has it.
    assert _read_csv(tmp_path / "review.csv") == _read_csv(out / "review.csv")


def test_english_names_and_a_csv_without_a_suffix(tmp_path):
    out = tmp_path / "table"
    result = CliRunner().invoke(main, ["report", str(seed(2)), "--csv", str(out), "--xlsx",
                                       str(tmp_path / "t.xlsx"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Written: {out}, {tmp_path / 'table-findings'}, {tmp_path / 't.xlsx'}: 1 reports")
    overview = _read_csv(out)
    assert overview[0][:10] == ["#", "File", "Title", "Organ", "Level", "Year", "Date", "Deadline", "On time",
                                "Length"]
    assert overview[1][4] == "government"
    assert _read_csv(tmp_path / "table-findings")[0] == FINDINGS_EN
    with zipfile.ZipFile(tmp_path / "t.xlsx") as book:
        assert re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode()) == ["overview", "findings"]


Indicator = namedtuple("Indicator", "key value unit line text")  # as Document.indicators will hold them


def test_key_figures_are_columns_of_the_overview(tmp_path):
    lint = linter()
    first = lint.lint_source(Source(str(tmp_path / "a.txt"), seed_text(0), "utf-8"))
    second = lint.lint_source(Source(str(tmp_path / "b.txt"), seed_text(4), "utf-8"))
    first.document.indicators = [Indicator("行政复议", "37", "件", 12, "办理行政复议案件37件")]
    second.document.indicators = [Indicator("普法活动", "86", "场", 9, "开展普法活动86场")]
    rules = ruleset.default()
    reducer = review.Reducer(rules)
    tables = export.Tables([reducer.row(first), reducer.row(second)], "zh", rules)
    export.write_csv(str(tmp_path / "o.csv"), tables)
    rows = _read_csv(tmp_path / "o.csv")
    assert rows[0] == OVERVIEW_ZH + ["行政复议", "普法活动"]
    assert [r[-2:] for r in rows[1:]] == [["37件", ""], ["", "86场"]]


def test_an_unreadable_file_in_the_exports(tmp_path):
    missing = os.path.join(os.sep, "fzlint-no-such-folder", "nothere.txt")
    result = CliRunner().invoke(main, ["report", missing, "--csv", str(tmp_path / "o.csv")])
    assert result.exit_code == 0, result.output
    rows = _read_csv(tmp_path / "o.csv")
    assert rows[1] == ["1", missing, "", "", "人民政府", "", "", "", "", "", "", "", "", "", "1", "0", "0", "0",
                       "", "", "", "", "", "文件不存在"]
    assert _read_csv(tmp_path / "o-findings.csv")[1][:4] == [missing, "1", "FZ901", "错误"]


@pytest.mark.parametrize("option, what", [("--csv", "无法写入CSV 文件"), ("--xlsx", "无法写入Excel 文件"),
                                          ("--html", "无法写入审阅页面")])
def test_an_unwritable_path_is_one_line_and_exit_2(tmp_path, option, what):
    target = tmp_path / "no" / "out.x"
    result = CliRunner().invoke(main, ["report", str(seed(0)), option, str(target)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith(f"fzlint: {target}: {what}：")
    assert list(tmp_path.iterdir()) == []


def test_the_findings_csv_that_cannot_be_written_is_named(tmp_path):
    # The overview can be written, its findings file not (a folder stands in its way).
    (tmp_path / "o-findings.csv").mkdir()
    result = CliRunner().invoke(main, ["report", str(seed(0)), "--csv", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert result.output.startswith(f"fzlint: {tmp_path / 'o-findings.csv'}: 无法写入CSV 文件：")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o-findings.csv", "o.csv"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".fzlint-")]


def test_an_existing_export_is_replaced_whole_with_its_mode(tmp_path):
    target = tmp_path / "o.csv"
    target.write_text("old\n" * 10000, encoding="utf-8")
    os.chmod(target, 0o640)
    assert CliRunner().invoke(main, ["report", str(seed(0)), "--csv", str(target)]).exit_code == 0
    assert _read_csv(target)[0] == OVERVIEW_ZH + FIGURES_ZH[-4:] and len(_read_csv(target)) == 2  # seed 0 states four
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)


def test_xlsxwriter_is_a_dependency_of_fzlint():
    # Not of the tests only: fzlint report --xlsx needs it installed with fzlint.
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "pyproject.toml"), encoding="utf-8") as fh:
        dependencies = fh.read().split("dependencies = [", 1)[1].split("]", 1)[0]
    assert '"xlsxwriter>=3.1"' in dependencies
