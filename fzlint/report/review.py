"""The review page: one self-contained HTML page for a reviewer who receives
many reports at once (``fzlint report PATHS... --html review.html``).

At the top, the batch in figures and a tally of the rules that fired (by
findings and by reports affected). Then a table with one row per report, in
natural order of the file names (报告_2 before 报告_10), each name shown below
the folder all share (said once, above): its title and organ (from the title),
its level (the configuration's profile), report year, 成文日期 and whether it
is on time (FZ305's own judgement, kinds/deadline.py), its length; for each
required part (FZ101's roles) whether it has a part of its own (✓), stands
only in passing inside another part (△, FZ103) or is missing (✗); the findings
counted (errors, warnings, infos, and the typographic FZ5 findings apart); the
data density FZ403 measures; how many task areas of the 纲要 it touches (FZ410,
the areas left out in the cell's tooltip); and the key figures (Document.indicators), one
column each in a column group. Under each row, its findings, collapsed in a
<details>, its errors first; the typographic ones folded again inside, so that
errors stand out.

The page is built from Rows (rows.py), never from Documents. It needs nothing
from outside: inline styles, every text escaped, and a small inline script,
not needed to read the page (every finding is in it and <details> open
without a script), that adds the filters (severity, rule or family, part
status, unreadable) and sorting by a click on a column header.

Load time, for 1,000 reports: the markup is a table, but the styles draw it
as a block of grids with fixed columns (widths measured here from the texts,
_grid), each report laid out only when it comes into view
(content-visibility); as a table, the browser laid out all 30,000 cells,
again at each piece it parsed, before the page could be used. A script in
the head hides the table until the one right after it has been parsed, so it
is laid out once; without scripts nothing hides it.
"""

from __future__ import annotations

import html
import os
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from .. import __version__
from .. import ruleset as rulesets
from ..model import Severity
from ..ruleset import RuleSet, Text
from . import CONTEXT, context_text
from .rows import (AREAS_KIND, MARKS, MISSING, PASSING, PRESENT, REQUIRED_KIND, Coverage, Density, Reducer, Row,  # noqa: F401,E501
                   density, figure_names, family, natural_key, part_status, rule_of_kind)

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import FileResult

DENSITY_KIND = "data-density"

# Column headers for the regulation's parts, shorter than the roles' names; a
# role not listed here is headed by its name from rules/sections.yaml.
SHORT_ROLE_NAMES = {
    "measures": Text("举措和成效", "Measures"),
    "shortcomings": Text("不足和原因", "Shortcomings"),
    "duties": Text("第一责任人职责", "Leaders' duties"),
    "plan": Text("下一年度安排", "Plan"),
}

# The page's headers for them, shorter still (the full name in the header's tooltip).
TINY_ROLE_NAMES = {
    "measures": Text("举措", "Measures"),
    "shortcomings": Text("不足", "Gaps"),
    "duties": Text("职责", "Duties"),
    "plan": Text("安排", "Plan"),
}

PROFILE_NAMES = {
    "government": Text("人民政府", "government"),
    "township": Text("乡镇街道", "township"),
    "department": Text("政府部门", "department"),
    "demonstration": Text("示范地区", "demonstration area"),
}

_T = {
    "page_title": Text("法治政府建设年度报告审阅汇总", "Review of annual rule-of-law government reports"),
    "summary": Text("共 {files} 份报告：{errors} 个错误，{warnings} 个警告，{infos} 条提示。"
                    "{with_errors} 份有错误，{unreadable} 份无法读取。",
                    "{files} reports: {errors} errors, {warnings} warnings, {infos} infos. "
                    "{with_errors} with errors, {unreadable} unreadable."),
    "typography_note": Text("其中排版类问题（FZ5，非错误）{typography} 条，单独计数并折叠。",
                            "Of these, {typography} typographic findings (FZ5, not errors) are counted apart and folded."),
    "hint": Text("点击列标题可排序；点击“问题”展开该报告的全部问题。",
                 "Click a column header to sort; open “findings” under a row to see its findings."),
    "folder": Text("文件所在目录：{folder}", "Files under {folder}"),
    "tally": Text("规则统计：{rules} 条规则共 {findings} 个问题", "Rules that fired: {rules} rules, {findings} findings"),
    "tally_findings": Text("问题数", "Findings"),
    "tally_reports": Text("涉及报告", "Reports"),
    "name": Text("名称", "Name"),
    "filters": Text("筛选", "Filter"),
    "f_severity": Text("级别", "Severity"),
    "f_sev_all": Text("全部", "all"),
    "f_sev_e": Text("有错误", "with errors"),
    "f_sev_w": Text("有错误或警告", "with errors or warnings"),
    "f_sev_none": Text("无错误", "without errors"),
    "f_rule": Text("规则", "Rule"),
    "f_rule_all": Text("全部规则", "all rules"),
    "f_families": Text("规则类别", "Families"),
    "f_codes": Text("规则", "Rules"),
    "f_part": Text("部分", "Part"),
    "f_part_any": Text("任一必备部分", "any required part"),
    "f_status": Text("状态", "Status"),
    "f_status_all": Text("不限", "any"),
    "status_present": Text("有独立部分", "own part"),
    "status_passing": Text("顺带提及", "in passing"),
    "status_missing": Text("缺失", "missing"),
    "f_unreadable": Text("仅无法读取的", "unreadable only"),
    "f_reset": Text("清除筛选", "Clear"),
    "shown": Text("显示 {shown} / {total} 份", "{shown} of {total} shown"),
    "file": Text("文件", "File"),
    "title": Text("标题", "Title"),
    "organ": Text("机关", "Organ"),
    "organ_title": Text("取自标题", "from the title"),
    "organ_signature": Text("取自落款", "from the signature"),
    "level": Text("层级", "Level"),
    "level_help": Text("配置文件中的 profile（rules/profiles.yaml）", "the configuration's profile (rules/profiles.yaml)"),
    "year": Text("年度", "Year"),
    "date": Text("成文日期", "Date"),
    "on_time": Text("按期", "On time"),
    "on_time_help": Text("成文日期是否不晚于期限（与 FZ305 的判断相同）",
                         "whether the date is no later than the deadline (as FZ305 judges it)"),
    "on_time_yes": Text("按期", "on time"),
    "on_time_no": Text("逾期", "late"),
    "deadline": Text("期限 {deadline}（FZ305）", "deadline {deadline} (FZ305)"),
    "length": Text("字数", "Length"),
    "length_help": Text("正文字符数（不计空白）", "characters, blanks not counted"),
    "errors": Text("错误", "Errors"),
    "warnings": Text("警告", "Warnings"),
    "infos": Text("提示", "Infos"),
    "typography": Text("排版", "Typography"),
    "typography_help": Text("排版类问题（FZ5，非错误）", "typographic findings (FZ5, not errors)"),
    "density": Text("数据密度", "Data density"),
    "density_help": Text("“{role}”部分中带有具体数据（数量、比例、日期）的句子所占比例（与 FZ403 的计算相同）",
                         "The share of sentences in the “{role}” parts that carry a figure (count, share, date), "
                         "as FZ403 computes it"),
    "density_cell": Text("{count}/{total} 句带有数据", "{count} of {total} sentences carry a figure"),
    "density_low": Text("低于 {threshold}%（FZ403）", "below {threshold}% (FZ403)"),
    "density_none": Text("没有“{role}”部分", "no “{role}” part"),
    "density_empty": Text("“{role}”部分没有句子", "the “{role}” parts hold no sentence"),
    "areas": Text("任务", "Areas"),
    "areas_help": Text("涉及{source}任务领域的数目（与 FZ410 的判断相同）",
                       "how many task areas of {source} the report touches (as FZ410 judges it)"),
    "areas_missing": Text("未涉及：{areas}（FZ410）", "not touched: {areas} (FZ410)"),
    "areas_all": Text("涉及全部 {total} 个任务领域", "touches all {total} task areas"),
    "areas_none": Text("未判断（没有举措部分，或早于纲要的年度）", "not judged (no measures part, or a year before the menu)"),
    "figures": Text("关键数据", "Key figures"),
    "figure_at": Text("第 {line} 行", "line {line}"),
    "no_title": Text("（无标题）", "(no title)"),
    "unreadable": Text("无法读取：{reason}", "Cannot be read: {reason}"),
    "no_document": Text("未解析", "not parsed"),
    "present": Text("有独立部分", "has a part of its own"),
    "present_at": Text("有独立部分：第 {line} 行“{heading}”", "has a part of its own: line {line}, “{heading}”"),
    "passing": Text("仅顺带提及（FZ103）", "only in passing (FZ103)"),
    "passing_at": Text("仅顺带提及（FZ103）：第 {line} 行“{text}”", "only in passing (FZ103): line {line}, “{text}”"),
    "missing": Text("缺失（FZ101）", "missing (FZ101)"),
    "legend_present": Text("有独立部分", "has a part of its own"),
    "legend_passing": Text("仅在其他部分中顺带提及（FZ103）", "only in passing inside another part (FZ103)"),
    "legend_missing": Text("缺失（FZ101）", "missing (FZ101)"),
    "legend_density": Text("数据密度：“{role}”部分中带有具体数据的句子所占比例，低于 {threshold}% 时标黄（FZ403）",
                           "Data density: the share of sentences in the “{role}” parts that carry a figure, "
                           "yellow below {threshold}% (FZ403)"),
    "year_from": Text("年度依据：{source}", "year taken from the {source}"),
    "line": Text("行", "Line"),
    "code": Text("规则", "Rule"),
    "severity": Text("级别", "Severity"),
    "message": Text("说明", "Message"),
    "clean": Text("未发现问题。", "No problems found."),
    "details": Text("问题 {total} 个：{errors} 个错误，{warnings} 个警告，{infos} 条提示，排版 {typography} 条",
                    "findings: {total} ({errors} errors, {warnings} warnings, {infos} infos, {typography} typographic)"),
    "details_clean": Text("未发现问题", "no findings"),
    "folded": Text("排版类问题 {count} 条（FZ5）", "{count} typographic findings (FZ5)"),
    "context": CONTEXT,
    "generator": Text("由 fzlint {version} 生成", "Generated by fzlint {version}"),
}

SEVERITY_NAMES = {
    Severity.ERROR: Text("错误", "error"),
    Severity.WARNING: Text("警告", "warning"),
    Severity.INFO: Text("提示", "info"),
}

YEAR_SOURCES = {
    "option": Text("命令行 --year", "--year option"),
    "title": Text("标题", "title"),
    "body": Text("正文", "body"),
    "date": Text("成文日期", "date"),
    "plan": Text("下一年度安排", "plan"),
}

PART_LETTERS = {PRESENT: "p", PASSING: "a", MISSING: "m"}  # data-parts, for the part filter


def label(key: str, lang: str, **args) -> str:
    return _T[key].get(lang).format(**args)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _width(text: str, size: float = 13.5, mono: bool = False) -> float:
    """About how wide text is drawn, in ems of the table's 13.5px: a Chinese
    character takes its font size, any other a little more than half (0.6
    in monospace)."""
    narrow = 0.6 if mono else 0.58
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else narrow for ch in text) * size / 13.5


def _col(head: str, texts: Iterable[str], size: float = 13.5, mono: bool = False, cap: float | None = None) -> float:
    """A column's width in ems: its header's (bold 12.5px; the sort arrow
    stands in its padding) or its widest cell's, with the cells' padding; cap, the
    widest a cell may be (it ellipsises beyond)."""
    header = _width(head, 12.5) * 1.06 + 0.9 + 0.3
    cell = max((_width(t, size, mono) for t in texts), default=0.0) + 0.9
    if cap is not None:
        cell = min(cell, cap)
    return round(max(header, cell, 2.6), 1)


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def common_folder(paths: list[str]) -> str:
    """The folder (with its trailing separator) that holds every one of the
    files, as the paths spell it; "" when they share none (or are relative to
    the working directory, or one is standard input)."""
    if not paths or "-" in paths:
        return ""
    folders = [os.path.dirname(p) for p in paths]
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # absolute beside relative, or different drives
        return ""
    if not common or common == os.sep:
        return ""
    prefix = common.rstrip("/\\") + os.sep
    return prefix if all(p.startswith(prefix) for p in paths) else ""


def ordered(rows: list[Row]) -> tuple[list[Row], str]:
    """The rows in natural order of their names below the common folder, and that folder."""
    folder = common_folder([r.path for r in rows])
    return sorted(rows, key=lambda r: natural_key(r.path[len(folder):])), folder


def figure_keys(rows: Iterable[Row], names: dict[str, str]) -> list[str]:
    """The key figures the batch states, in the order of names (the
    vocabulary's), then any other key in order of first appearance."""
    keys: dict[str, None] = {}
    for r in rows:
        for fig in r.figures:
            keys.setdefault(fig.key, None)
    return [k for k in names if k in keys] + [k for k in keys if k not in names]


def rule_tally(rows: list[Row]) -> list[tuple[str, str, Severity, int, int]]:
    """(code, name, the most severe severity, findings, reports affected) for
    each rule that fired, by findings then reports, most first."""
    findings: Counter = Counter()
    reports: Counter = Counter()
    names: dict[str, str] = {}
    worst: dict[str, Severity] = {}
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    for r in rows:
        seen = set()
        for f in r.findings:
            findings[f.code] += 1
            names.setdefault(f.code, f.name)
            if f.code not in worst or order[f.severity] < order[worst[f.code]]:
                worst[f.code] = f.severity
            seen.add(f.code)
        reports.update(seen)
    out = [(code, names[code], worst[code], n, reports[code]) for code, n in findings.items()]
    return sorted(out, key=lambda t: (-t[3], -t[4], t[0]))


def batch_tally(rows: list[Row]) -> dict:
    """The batch in figures, as report.tally() gives them for FileResults, and the typographic count."""
    t = {"files": len(rows), "errors": 0, "warnings": 0, "infos": 0, "with_errors": 0,
         "unreadable": sum(1 for r in rows if r.unreadable is not None), "typography": 0}
    for r in rows:
        c = r.counts()
        t["typography"] += c["typography"]
        t["with_errors"] += bool(c["errors"])
        for f in r.findings:
            t[{Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "infos"}[f.severity]] += 1
    return t


class _Page:
    def __init__(self, rows: list[Row], lang: str, rules: RuleSet):
        self.rows, self.folder = ordered(rows)
        self.lang = lang
        self.roles = rules.vocabulary.roles
        self.required = list(rule_of_kind(rules, REQUIRED_KIND).params["roles"])
        self.density_params = rule_of_kind(rules, DENSITY_KIND).params
        self.density_role = self.roles[self.density_params["roles"][0]].name.get(lang)
        self.threshold = round(100 * self.density_params["threshold"])
        self.names = figure_names(rules.vocabulary, lang)
        self.keys = figure_keys(self.rows, self.names)
        self.areas_source = rule_of_kind(rules, AREAS_KIND).params["menu"].source.get(lang)
        self.width = 19 + len(self.keys)  # the columns of the table

    def t(self, key: str, **args) -> str:
        return label(key, self.lang, **args)

    def render(self) -> Iterable[str]:
        """The page in pieces, to be joined or written in turn."""
        t = batch_tally(self.rows)
        tally = rule_tally(self.rows)
        yield "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{"en" if self.lang == "en" else "zh-CN"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(self.t('page_title'))}</title>",
            f"<style>{CSS}{self._grid()}</style>",
            # With a script, the table is shown once it is all parsed (the script after it):
            # laid out once, not again at each piece the browser parses and paints meanwhile.
            f"<script>{HOLD}</script>",
            "</head>",
            "<body>",
            '<header id="overview">',
            f"<h1>{_e(self.t('page_title'))}</h1>",
            f'<p class="summary">{_e(self.t("summary", **t))}'
            + (f' <span class="typo-note">{_e(self.t("typography_note", **t))}</span>' if t["typography"] else "")
            + "</p>",
            *([f'<p class="folder">{_e(self.t("folder", folder=self.folder))}</p>'] if self.folder else []),
            self._tally(tally),
            self._filters(tally),
            f'<p class="hint">{_e(self.t("hint"))}</p>',
            "</header>",
            '<table id="reports" class="reports">',
            self._colgroups(),
            self._head(),
        ]) + "\n"
        for index, row in enumerate(self.rows, 1):
            yield self._report(index, row)
        yield "\n".join([
            "</table>",
            f"<script>{SHOW}</script>",
            self._legend(),
            f'<footer>{_e(self.t("generator", version=__version__))}</footer>',
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
        ]) + "\n"

    # --- the header ---------------------------------------------------------------------------------

    def _tally(self, tally) -> str:
        total = sum(n for *_, n, _ in tally)
        out = [f'<details class="tally"><summary>{_e(self.t("tally", rules=len(tally), findings=total))}</summary>',
               '<table class="tally"><thead><tr>'
               f'<th scope="col">{_e(self.t("code"))}</th><th scope="col">{_e(self.t("name"))}</th>'
               f'<th scope="col">{_e(self.t("severity"))}</th>'
               f'<th scope="col" class="n">{_e(self.t("tally_findings"))}</th>'
               f'<th scope="col" class="n">{_e(self.t("tally_reports"))}</th></tr></thead><tbody>']
        for code, name, severity, n, reports in tally:
            out.append(f'<tr><td class="code"><a href="#reports" data-rule="{_e(code)}">{_e(code)}</a></td>'
                       f'<td>{_e(name)}</td><td><span class="badge {severity.label}">'
                       f'{_e(SEVERITY_NAMES[severity].get(self.lang))}</span></td>'
                       f'<td class="n">{n}</td><td class="n">{reports}</td></tr>')
        out.append("</tbody></table></details>")
        return "\n".join(out)

    def _filters(self, tally) -> str:
        def option(value: str, text: str) -> str:
            return f'<option value="{_e(value)}">{_e(text)}</option>'

        families = sorted({family(code) for code, *_ in tally}, key=natural_key)
        codes = sorted((code for code, *_ in tally), key=natural_key)
        severity = "".join(option(v, self.t(k)) for v, k in
                           (("", "f_sev_all"), ("e", "f_sev_e"), ("w", "f_sev_w"), ("n", "f_sev_none")))
        rule = (option("", self.t("f_rule_all"))
                + f'<optgroup label="{_e(self.t("f_families"))}">'
                + "".join(option(f, f + "…") for f in families) + "</optgroup>"
                + f'<optgroup label="{_e(self.t("f_codes"))}">' + "".join(option(c, c) for c in codes) + "</optgroup>")
        parts = option("", self.t("f_part_any")) + "".join(
            option(str(i), SHORT_ROLE_NAMES.get(role, self.roles[role].name).get(self.lang))
            for i, role in enumerate(self.required))
        status = option("", self.t("f_status_all")) + "".join(
            option(PART_LETTERS[s], f"{MARKS[s]} {self.t('status_' + s)}") for s in (PRESENT, PASSING, MISSING))
        # Hidden until the script runs: without it there is nothing they could do.
        return (f'<form id="filters" class="filters" hidden>'
                f'<label>{_e(self.t("f_severity"))} <select name="severity">{severity}</select></label>'
                f'<label>{_e(self.t("f_rule"))} <select name="rule">{rule}</select></label>'
                f'<label>{_e(self.t("f_part"))} <select name="part">{parts}</select></label>'
                f'<label>{_e(self.t("f_status"))} <select name="status">{status}</select></label>'
                f'<label><input type="checkbox" name="unreadable"> {_e(self.t("f_unreadable"))}</label>'
                f'<button type="reset">{_e(self.t("f_reset"))}</button>'
                f'<output name="shown" data-template="{_e(self.t("shown", shown="{shown}", total="{total}"))}">'
                f'{_e(self.t("shown", shown=len(self.rows), total=len(self.rows)))}</output></form>')

    def _colgroups(self) -> str:
        out = f'<colgroup span="{19}"></colgroup>'
        if self.keys:
            out += f'<colgroup class="figures" span="{len(self.keys)}"></colgroup>'
        return out

    def _grid(self) -> str:
        """The table's columns. The rows are laid out as grids of these fixed
        widths, not as a table: a table sizes its columns from every cell of
        every row, so the browser lays out all 1,000 reports (30,000 cells,
        about a second) before it shows the first; with fixed columns each
        report is laid out alone, and only when it comes into view
        (content-visibility). The widths are measured from the texts here:
        each header, and each column's widest cell, capped where the cell
        ellipsises (file, title, organ)."""
        rows = [r for r in self.rows if r.parsed and r.unreadable is None]
        counts = [r.counts() for r in self.rows]
        level = [(PROFILE_NAMES[r.profile].get(self.lang) if r.profile in PROFILE_NAMES else r.profile) for r in rows]
        on_time = [f"✓ {self.t('on_time_yes')}", f"✗ {self.t('on_time_no')}"] if any(
            r.on_time is not None for r in rows) else []
        density = [f"{r.density.share}% " for r in rows if r.density and r.density.share is not None]
        ratio = [f"{r.density.count}/{r.density.total}" for r in rows if r.density and r.density.share is not None]
        heads = self._head_texts()
        widths = [
            _col(heads[0], [str(len(self.rows))]),
            _col(heads[1], [self.shown(r.path) for r in self.rows], size=12, mono=True, cap=12),
            _col(heads[2], [r.title or self.t("no_title") for r in rows], cap=17),
            _col(heads[3], [r.organ for r in rows], cap=9),
            _col(heads[4], level), _col(heads[5], [str(r.year) for r in rows if r.year]),
            _col(heads[6], [r.date for r in rows]), _col(heads[7], on_time),
            _col(heads[8], [f"{r.length:,}" for r in rows if r.length is not None]),
        ]
        widths += [max(2.6, _col(h, ["✓"])) for h in heads[9:9 + len(self.required)]]
        at = 9 + len(self.required)
        widths += [_col(h, [str(c[key]) for c in counts])
                   for h, key in zip(heads[at:at + 4], ("errors", "warnings", "infos", "typography"))]
        widths.append(max(_col(heads[at + 4], []), _width(max(density, key=_width, default="")) + _width(
            max(ratio, key=_width, default=""), size=11.5) + 0.9))
        widths.append(_col(heads[at + 5], [f"{r.areas.touched}/{r.areas.total}" for r in rows if r.areas]))
        shown = {key: [] for key in self.keys}
        for r in rows:
            for fig in r.figures:
                shown[fig.key].append(fig.shown)
        widths += [_col(h, shown[key]) for h, key in zip(heads[at + 6:], self.keys)]
        columns = " ".join(f"{w:.1f}em" for w in widths)
        return (f"\n.reports > thead > tr, .reports > tbody > tr.row {{ grid-template-columns: {columns}; }}"
                f"\n.reports td.error-note {{ grid-column: span {7 + len(self.required)}; }}\n")

    def _head_texts(self) -> list[str]:
        texts = ["#", self.t("file"), self.t("title"), self.t("organ"), self.t("level"), self.t("year"),
                 self.t("date"), self.t("on_time"), self.t("length")]
        texts += [TINY_ROLE_NAMES.get(role, SHORT_ROLE_NAMES.get(role, self.roles[role].name)).get(self.lang)
                  for role in self.required]
        texts += [self.t("errors"), self.t("warnings"), self.t("infos"), self.t("typography"), self.t("density"),
                  self.t("areas")]
        return texts + [self.names.get(key, key) for key in self.keys]

    def _head(self) -> str:
        def th(text: str, cls: str, kind: str, title: str = "") -> str:
            tip = f' title="{_e(title)}"' if title else ""
            return f'<th scope="col" class="{cls}" data-type="{kind}"{tip}>{_e(text)}</th>'

        cells = [th("#", "num", "number"), th(self.t("file"), "file", "name"), th(self.t("title"), "title", "text"),
                 th(self.t("organ"), "organ", "text"), th(self.t("level"), "level", "text", self.t("level_help")),
                 th(self.t("year"), "year", "number"), th(self.t("date"), "date", "text"),
                 th(self.t("on_time"), "on-time", "number", self.t("on_time_help")),
                 th(self.t("length"), "length", "number", self.t("length_help"))]
        for role in self.required:
            name = TINY_ROLE_NAMES.get(role, SHORT_ROLE_NAMES.get(role, self.roles[role].name)).get(self.lang)
            full = SHORT_ROLE_NAMES.get(role, self.roles[role].name).get(self.lang)
            cells.append(th(name, "part", "number", f"{full}：{self.roles[role].item.get(self.lang)}"
                            if self.lang == "zh" else f"{full}: {self.roles[role].item.get(self.lang)}"))
        cells += [th(self.t("errors"), "count", "number"), th(self.t("warnings"), "count", "number"),
                  th(self.t("infos"), "count", "number"),
                  th(self.t("typography"), "count", "number", self.t("typography_help")),
                  th(self.t("density"), "density", "number", self.t("density_help", role=self.density_role)),
                  th(self.t("areas"), "areas", "number", self.t("areas_help", source=self.areas_source))]
        cells += [th(self.names.get(key, key), "figure", "number", f"{self.t('figures')}: {key}")
                  for key in self.keys]
        return "<thead><tr>" + "".join(cells) + "</tr></thead>"

    def _legend(self) -> str:
        items = [f'<span class="item"><span class="mark {status}">{MARKS[status]}</span> '
                 f'{_e(self.t("legend_" + status))}</span>' for status in (PRESENT, PASSING, MISSING)]
        items.append(f'<span class="item">{_e(self.t("legend_density", role=self.density_role, threshold=self.threshold))}'
                     "</span>")
        return f'<p class="legend">{"".join(items)}</p>'

    # --- a report -----------------------------------------------------------------------------------

    def shown(self, path: str) -> str:
        """A path as the table shows it: below the folder all the files share."""
        return path[len(self.folder):] if self.folder else path

    def _report(self, index: int, row: Row) -> str:
        c = row.counts()
        classes = ["report"]
        if c["errors"]:
            classes.append("has-errors")
        if row.unreadable is not None:
            classes.append("unreadable")
        codes = sorted({f.code for f in row.findings})
        families = sorted({family(code) for code in codes})
        sev = "e" if c["errors"] else "w" if c["warnings"] else ""
        parts = "".join(PART_LETTERS[p.status] for p in row.parts)
        attrs = (f'class="{" ".join(classes)}" id="report-{index}" data-sev="{sev}" data-parts="{parts}" '
                 f'data-codes=" {_e(" ".join(codes + families))} "')
        return (f"<tbody {attrs}>\n{self._row(index, row, c)}\n{self._details(row, c)}\n</tbody>\n")

    def _row(self, index: int, row: Row, c: dict) -> str:
        shown = self.shown(row.path)
        cells = [f'<td class="num" data-sort="{index}">{index}</td>',
                 f'<td class="file" data-sort="{_e(shown)}" title="{_e(row.path)}">'
                 f'<a href="#report-{index}">{_e(shown)}</a></td>']
        span = 7 + len(self.required)
        if row.unreadable is not None:
            cells.append(f'<td class="error-note" colspan="{span}">{_e(self.t("unreadable", reason=row.unreadable))}</td>')
        elif not row.parsed:
            cells.append(f'<td class="error-note" colspan="{span}">{_e(self.t("no_document"))}</td>')
        else:
            cells += [self._title_cell(row), self._organ_cell(row), self._level_cell(row), self._year_cell(row),
                      self._date_cell(row), self._on_time_cell(row), self._length_cell(row)]
            cells += [self._part_cell(p) for p in row.parts]
        for key in ("errors", "warnings", "infos", "typography"):
            zero = "" if c[key] else " zero"
            cells.append(f'<td class="count {key}{zero}" data-sort="{c[key]}">{c[key]}</td>')
        cells.append(self._density_cell(row.density if row.parsed else None, row.parsed))
        cells.append(self._areas_cell(row.areas if row.parsed else None))
        figures = {fig.key: fig for fig in row.figures}
        for key in self.keys:
            fig = figures.get(key)
            if fig is None:
                cells.append('<td class="figure none" data-sort="">—</td>')
            else:
                tip = self.t("figure_at", line=fig.line) if fig.line else ""
                cells.append(f'<td class="figure" data-sort="{_e(fig.value)}"'
                             + (f' title="{_e(tip)}"' if tip else "") + f">{_e(fig.shown)}</td>")
        return '<tr class="row">' + "".join(cells) + "</tr>"

    def _title_cell(self, row: Row) -> str:
        if row.title:
            return f'<td class="title" data-sort="{_e(row.title)}" title="{_e(row.title)}">{_e(row.title)}</td>'
        return f'<td class="title untitled" data-sort="">{_e(self.t("no_title"))}</td>'

    def _organ_cell(self, row: Row) -> str:
        if not row.organ:
            return '<td class="organ none" data-sort="">—</td>'
        tip = self.t("organ_" + row.organ_from)
        return f'<td class="organ" data-sort="{_e(row.organ)}" title="{_e(row.organ)}（{_e(tip)}）">{_e(row.organ)}</td>'

    def _level_cell(self, row: Row) -> str:
        name = PROFILE_NAMES.get(row.profile)
        shown = name.get(self.lang) if name else row.profile
        return f'<td class="level" data-sort="{_e(row.profile)}">{_e(shown)}</td>'

    def _year_cell(self, row: Row) -> str:
        if row.year is None:
            return '<td class="year" data-sort="">—</td>'
        source = YEAR_SOURCES.get(row.year_from or "")
        tip = f' title="{_e(self.t("year_from", source=source.get(self.lang)))}"' if source else ""
        return f'<td class="year" data-sort="{row.year}"{tip}>{row.year}</td>'

    def _date_cell(self, row: Row) -> str:
        if not row.date:
            return '<td class="date none" data-sort="">—</td>'
        return f'<td class="date" data-sort="{_e(row.date_iso)}">{_e(row.date)}</td>'

    def _on_time_cell(self, row: Row) -> str:
        tip = f' title="{_e(self.t("deadline", deadline=row.deadline))}"' if row.deadline else ""
        if row.on_time is None:
            return f'<td class="on-time none" data-sort=""{tip}>—</td>'
        if row.on_time:
            return f'<td class="on-time yes" data-sort="1"{tip}>✓ {_e(self.t("on_time_yes"))}</td>'
        return f'<td class="on-time no" data-sort="0"{tip}>✗ {_e(self.t("on_time_no"))}</td>'

    def _length_cell(self, row: Row) -> str:
        if row.length is None:
            return '<td class="length" data-sort="">—</td>'
        return f'<td class="length" data-sort="{row.length}">{row.length:,}</td>'

    def _part_cell(self, part) -> str:
        if part.status == PRESENT:
            tip = self.t("present_at", line=part.line, heading=_clip(part.text))
        elif part.status == PASSING:
            tip = self.t("passing_at", line=part.line, text=_clip(part.text))
        else:
            tip = self.t("missing")
        rank = {PRESENT: 2, PASSING: 1, MISSING: 0}[part.status]
        return (f'<td class="part {part.status}" data-status="{part.status}" data-sort="{rank}" title="{_e(tip)}">'
                f'{MARKS[part.status]}</td>')

    def _density_cell(self, d: Density | None, parsed: bool) -> str:
        if not parsed:
            return '<td class="density none" data-sort="">—</td>'
        if d is None:
            tip = self.t("density_none", role=self.density_role)
            return f'<td class="density none" data-sort="" title="{_e(tip)}">—</td>'
        if d.share is None:
            tip = self.t("density_empty", role=self.density_role)
            return f'<td class="density none" data-sort="" title="{_e(tip)}">—</td>'
        tip = self.t("density_cell", count=d.count, total=d.total)
        if d.low:
            tip += "；" if self.lang == "zh" else "; "
            tip += self.t("density_low", threshold=self.threshold)
        cls = "density low" if d.low else "density"
        return (f'<td class="{cls}" data-sort="{d.count / d.total:.6f}" title="{_e(tip)}">'
                f'<span class="share">{d.share}%</span> <span class="ratio">{d.count}/{d.total}</span></td>')

    def _areas_cell(self, a: Coverage | None) -> str:
        # Lean: the count, and the areas left out only in the tooltip.
        if a is None:
            return f'<td class="areas none" data-sort="" title="{_e(self.t("areas_none"))}">—</td>'
        if a.missing:
            tip = self.t("areas_missing", areas=("、" if self.lang == "zh" else "; ").join(a.missing))
        else:
            tip = self.t("areas_all", total=a.total)
        cls = "areas gap" if a.missing else "areas"
        return f'<td class="{cls}" data-sort="{a.touched}" title="{_e(tip)}">{a.touched}/{a.total}</td>'

    def _details(self, row: Row, c: dict) -> str:
        # The findings stand inside <noscript> within the <details>: without a
        # script that is ordinary HTML, opened by <details> itself; with one,
        # Chromium and the others keep it as one text node (a script on, noscript
        # holds raw text), which the script turns into the table when the
        # <details> is first opened. 50,000 findings then cost the browser's
        # parser a text run each report instead of half a million elements.
        total = len(row.findings)
        head = self.t("details", total=total, **c) if total else self.t("details_clean")
        out = [f'<tr class="detail"><td colspan="{self.width}"><details><summary>{_e(head)}</summary><noscript>',
               f'<p class="path">{_e(row.path)}</p>']
        if row.title:
            out.append(f'<p class="doc-title">{_e(row.title)}</p>')
        main, folded = row.main, row.folded
        # Errors first (in line order), so that they stand out; then the rest in line order.
        main = [f for f in main if f.severity is Severity.ERROR] + [f for f in main if f.severity is not Severity.ERROR]
        if main:
            out.append(self._findings_table(main))
        elif not folded:
            out.append(f'<p class="clean">{_e(self.t("clean"))}</p>')
        if folded:
            out.append(f'<details class="folded"><summary>{_e(self.t("folded", count=len(folded)))}</summary>')
            out.append(self._findings_table(folded))
            out.append("</details>")
        out.append("</noscript></details></td></tr>")
        return "\n".join(out)

    def _findings_table(self, findings) -> str:
        # Lean markup (50,000 rows for 1,000 reports): the cells are styled by their place.
        out = ['<table class="findings"><thead><tr>'
               f'<th scope="col">{_e(self.t("line"))}</th>'
               f'<th scope="col">{_e(self.t("code"))}</th>'
               f'<th scope="col">{_e(self.t("severity"))}</th>'
               f'<th scope="col">{_e(self.t("message"))}</th>'
               "</tr></thead><tbody>"]
        names = {s: _e(SEVERITY_NAMES[s].get(self.lang)) for s in SEVERITY_NAMES}
        for f in findings:
            context = f' <span class="context">{_e(context_text(f.context, self.lang))}</span>' if f.context else ""
            out.append(f'<tr class="{f.severity.label}"><td>{f.line}</td><td>{_e(f.code)}</td>'
                       f'<td>{names[f.severity]}</td><td>{_e(f.message)}{context}</td></tr>')
        out.append("</tbody></table>")
        return "".join(out)


def page_rows(rows: list[Row], lang: str = "zh", rules: RuleSet | None = None) -> Iterable[str]:
    """The review page for the rows, in pieces (write them in turn)."""
    return _Page(rows, "en" if lang == "en" else "zh", rules or rulesets.default()).render()


def render_rows(rows: list[Row], lang: str = "zh", rules: RuleSet | None = None) -> str:
    return "".join(page_rows(rows, lang, rules))


def render(results: list[FileResult], lang: str = "zh", rules: RuleSet | None = None) -> str:
    """The review page for the results, as one self-contained HTML document.
    rules: the rule set the results were linted with (default: the shipped one),
    for the required parts and the data-density parameters."""
    rules = rules or rulesets.default()
    reducer = Reducer(rules, "en" if lang == "en" else "zh")
    return render_rows([reducer.row(r) for r in results], lang, rules)


CSS = """
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --head: #f3f5f7; --error: #b42318;
  --error-bg: #fdf0ef; --warn: #9a6700; --warn-bg: #fff8c5; --ok: #1a7f37; --info: #0b69c7; }
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 24px 40px; color: var(--ink); background: #fff; font-size: 13.5px; line-height: 1.5;
  font-family: -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
  "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
html[lang="en"] body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans",
  "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 20px; margin: 0 0 4px; font-weight: 600; }
a { color: #0b5cad; text-decoration: none; }
a:hover { text-decoration: underline; }
.summary { margin: 0 0 2px; font-size: 14.5px; }
.summary .typo-note { color: var(--muted); font-size: 13px; }
.folder { margin: 0 0 4px; font-size: 12.5px; color: var(--muted); overflow-wrap: anywhere; }
details.tally { margin: 4px 0; }
details.tally > summary { cursor: pointer; color: #0b5cad; }
table.tally { width: auto; margin: 6px 0 10px; font-size: 12.5px; }
table.tally th, table.tally td { padding: 2px 10px; }
table.tally td.n, table.tally th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.tally td.code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin: 6px 0; padding: 6px 10px;
  background: var(--head); border: 1px solid var(--line); border-radius: 6px; font-size: 13px; }
.filters[hidden] { display: none; }
.filters select { font: inherit; }
.filters output { color: var(--muted); margin-left: auto; }
.legend .item { display: inline-block; margin-right: 18px; }
.legend .mark { font-weight: 700; }
.legend .mark.present { color: var(--ok); }
.legend .mark.passing { color: var(--warn); }
.legend .mark.missing { color: var(--error); }
.hint, .legend, footer { color: var(--muted); font-size: 12px; margin: 4px 0 8px; }
table { border-collapse: collapse; width: 100%; }
/* The reports table is drawn as a block of grids: the header and each report's row are grids of
   the same fixed columns (their widths follow, made for the page), and each report, its row and its
   findings, is laid out only when it comes into view. A table would lay out every cell of every
   report before showing one (a second for 1,000 reports). Without styles it is an ordinary table.
   No scrolling wrapper: one would keep the sticky header from sticking to the window; a table
   wider than the window scrolls the page instead. */
.reports { display: block; width: max-content; min-width: 100%; border: 1px solid var(--line); }
html.fz-loading .reports { display: none; }
.reports > colgroup { display: none; }
.reports > thead { display: block; position: sticky; top: 0; z-index: 1; background: var(--head); }
.reports > thead > tr, .reports > tbody > tr.row { display: grid; }
.reports > tbody { display: block; scroll-margin-top: 4em; content-visibility: auto;
  contain-intrinsic-size: auto 50px; }
.reports > tbody[hidden] { display: none; }
.reports > tbody > tr.detail, .reports > tbody > tr > td { display: block; }
.reports > thead th { display: block; overflow: hidden; text-overflow: ellipsis; background: var(--head);
  font-weight: 600; font-size: 12.5px; white-space: nowrap; cursor: pointer; user-select: none; padding: 6px 6px;
  position: relative; box-shadow: inset 0 -2px 0 var(--line); }
.reports > thead th[aria-sort]::after { position: absolute; right: 1px; font-size: 10px; color: var(--muted); }
.reports > thead th[aria-sort="ascending"]::after { content: "▲"; }
.reports > thead th[aria-sort="descending"]::after { content: "▼"; }
.reports td.figure { background: #f5f9ff; }
.reports > thead th.figure { background: #e6f0fb; }
.reports > tbody > tr > td { padding: 4px 6px; vertical-align: top; text-align: left; }
.reports > tbody > tr.row > td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.reports > tbody > tr.detail > td { padding: 0 6px 2px 3.4em; border-bottom: 1px solid var(--line); font-size: 12px; }
.reports > tbody:hover > tr.row { background: #f0f6ff; }
.reports > tbody.has-errors > tr.row { background: var(--error-bg); }
.reports > tbody.has-errors > tr.row > td:first-child { box-shadow: inset 4px 0 0 var(--error); }
.reports td.num { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
.reports td.file { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: 12px; }
.reports td.untitled, .reports td.none { color: #afb8c1; }
.reports td.year, .reports td.date, .reports td.level { text-align: center; font-variant-numeric: tabular-nums; }
.reports td.length { text-align: right; font-variant-numeric: tabular-nums; }
.reports td.on-time { text-align: center; }
.reports td.on-time.yes { color: var(--ok); }
.reports td.on-time.no { color: var(--error); font-weight: 700; }
.reports th.part, .reports th.count, .reports th.density, .reports th.year { text-align: center; }
.reports td.part { text-align: center; font-weight: 700; font-size: 14px; min-width: 2.6em; }
.reports td.present { color: var(--ok); }
.reports td.passing { color: var(--warn); background: var(--warn-bg); }
.reports td.missing { color: var(--error); background: #fde2df; }
.reports td.count { text-align: center; font-variant-numeric: tabular-nums; }
.reports td.count.zero { color: #afb8c1; }
.reports td.count.errors:not(.zero) { color: var(--error); font-weight: 700; }
.reports td.count.warnings:not(.zero) { color: var(--warn); }
.reports td.count.infos:not(.zero) { color: var(--info); }
.reports td.count.typography:not(.zero) { color: var(--muted); }
.reports td.density { text-align: right; font-variant-numeric: tabular-nums; }
.reports td.density .ratio { color: var(--muted); font-size: 11.5px; }
.reports td.density.low .share { color: var(--warn); font-weight: 700; }
.reports td.density.low { background: var(--warn-bg); }
.reports td.density.none, .reports td.figure.none { color: #afb8c1; text-align: center; }
.reports th.areas, .reports td.areas { text-align: center; font-variant-numeric: tabular-nums; }
.reports td.areas.gap { color: var(--info); }
.reports td.areas.none { color: #afb8c1; }
.reports td.figure { text-align: right; font-variant-numeric: tabular-nums; }
.reports td.error-note { color: var(--error); }
.reports details > summary { cursor: pointer; color: var(--muted); line-height: 18px; }
.reports tbody.has-errors details > summary { color: var(--error); }
.reports details[open] { padding: 2px 0 10px; }
.reports details .path { margin: 4px 0 0; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  overflow-wrap: anywhere; }
.reports .doc-title { margin: 0 0 4px; }
details.folded { margin-top: 4px; }
.findings { font-size: 12.5px; max-width: 80em; }
.findings th { background: var(--head); font-weight: 600; white-space: nowrap; padding: 3px 8px; text-align: left; }
.findings td { padding: 3px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
.findings th:nth-child(1), .findings td:nth-child(1) { text-align: right; width: 4em; color: var(--muted);
  font-variant-numeric: tabular-nums; }
.findings td:nth-child(2) { width: 5.5em; white-space: nowrap; font-family: ui-monospace, Menlo, Consolas,
  "DejaVu Sans Mono", monospace; }
.findings td:nth-child(3) { width: 4.5em; white-space: nowrap; }
.findings tr.error td:nth-child(3) { color: var(--error); font-weight: 700; }
.findings tr.warning td:nth-child(3) { color: var(--warn); }
.findings tr.info td:nth-child(3) { color: var(--info); }
.findings tr.error td:nth-child(4) { color: var(--error); }
.findings td:nth-child(4) { overflow-wrap: anywhere; }
.findings .context { color: var(--muted); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; line-height: 18px; }
.badge.error { background: #fde2df; color: var(--error); font-weight: 600; }
.badge.warning { background: var(--warn-bg); color: var(--warn); }
.badge.info { background: #ddf4ff; color: var(--info); }
.clean { color: var(--ok); }
footer { margin-top: 24px; }
@media print { .reports > thead { position: static; } .hint, .filters { display: none; } }
"""

# Set in the head by a script, taken off by the one right after the table:
# without scripts nothing hides the table.
HOLD = 'document.documentElement.classList.add("fz-loading");'
SHOW = 'document.documentElement.classList.remove("fz-loading");'

# The filters and the sorting. Each report is a <tbody> (its row and its
# findings), so both move or hide whole reports. Sorting: numbers by
# data-sort (empty last), names in natural order, text in Chinese collation;
# a second click reverses. Nothing runs over the rows until a filter or a
# header is used, so the page is interactive as soon as it is parsed.
SCRIPT = """
(function () {
  var table = document.getElementById("reports");
  var form = document.getElementById("filters");
  if (!table || !form) return;
  var heads = table.tHead.rows[0].cells;
  var bodies = table.tBodies;
  function key(body, i) {
    var cells = body.rows[0].cells, n = 0;
    for (var c = 0; c < cells.length; c++) {
      if (n === i) return cells[c].getAttribute("data-sort");
      n += cells[c].colSpan;
      if (n > i) return null;
    }
    return null;
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    th.tabIndex = 0;
    function sort() {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      var type = th.getAttribute("data-type");
      var list = Array.prototype.slice.call(bodies);
      var keys = new Map();
      list.forEach(function (b) { keys.set(b, key(b, i)); });
      list.sort(function (a, b) {
        var x = keys.get(a), y = keys.get(b);
        if (x === null || x === "") return (y === null || y === "") ? 0 : 1;
        if (y === null || y === "") return -1;
        var d = type === "number" ? parseFloat(x) - parseFloat(y)
              : x.localeCompare(y, "zh-CN", type === "name" ? { numeric: true } : undefined);
        return ascending ? d : -d;
      });
      list.forEach(function (b) { table.appendChild(b); });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
  });
  function materialize(details) {
    var hold = details.querySelector(":scope > noscript");
    if (!hold) return;
    var box = document.createElement("div");
    box.innerHTML = hold.textContent;
    while (box.firstChild) details.insertBefore(box.firstChild, hold);
    details.removeChild(hold);
    var rule = form.elements.rule.value;
    if (rule) hide(details, rule);
  }
  function hide(root, rule) {
    var rows = root.querySelectorAll("table.findings > tbody > tr");
    for (var r = 0; r < rows.length; r++) {
      var code = rows[r].cells[1].textContent;
      rows[r].hidden = !!rule && code !== rule && code.indexOf(rule) !== 0;
    }
  }
  table.addEventListener("toggle", function (e) {
    if (e.target.open && e.target.tagName === "DETAILS") materialize(e.target);
  }, true);
  var filtered = false;
  function apply() {
    var sev = form.elements.severity.value, rule = form.elements.rule.value;
    var part = form.elements.part.value, status = form.elements.status.value;
    var unreadable = form.elements.unreadable.checked, shown = 0;
    for (var b = 0; b < bodies.length; b++) {
      var body = bodies[b], ok = true;
      var s = body.getAttribute("data-sev");
      if (sev === "e") ok = s === "e";
      else if (sev === "w") ok = s !== "";
      else if (sev === "n") ok = s !== "e";
      if (ok && rule) ok = body.getAttribute("data-codes").indexOf(" " + rule + " ") >= 0;
      if (ok && status) {
        var parts = body.getAttribute("data-parts");
        ok = part === "" ? parts.indexOf(status) >= 0 : parts.charAt(+part) === status;
      }
      if (ok && unreadable) ok = body.classList.contains("unreadable");
      body.hidden = !ok;
      if (ok) shown++;
      if (ok && (rule || filtered)) hide(body, rule);
    }
    filtered = !!rule;
    var out = form.elements.shown;
    out.value = out.getAttribute("data-template").replace("{shown}", shown).replace("{total}", bodies.length);
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-rule]");
    if (!a) return;
    form.elements.rule.value = a.getAttribute("data-rule");
    apply();
  });
  form.hidden = false;
  window.fzlintReady = performance.now();
})();
"""
