"""The review page's tables as files: ``fzlint report … --csv FILE --xlsx FILE``.

Two tables, both from the Rows (rows.py), in the page's order:
  overview  a row per report, every column of the page (the key figures too);
  findings  a row per finding: file, line, code, severity, message, context.

CSV is one table a file, so --csv FILE writes the overview to FILE and the
findings beside it, named with -findings before the suffix (review.csv and
review-findings.csv). Both are UTF-8 with a byte-order mark (Excel then opens
the Chinese text correctly; LibreOffice and Python's csv module read it too).
The .xlsx holds both as sheets (概览 and 问题, or overview and findings with
--lang en), the header row frozen and the columns sized to their text.

Every file is written atomically (fix.writing): streamed to a temporary file
beside it, which replaces it only when complete.
"""

from __future__ import annotations

import csv
import io
import os
from typing import Iterable

from ..model import Severity
from ..ruleset import RuleSet, Text
from .review import PROFILE_NAMES, SEVERITY_NAMES, SHORT_ROLE_NAMES, figure_keys, label, ordered
from .rows import MARKS, REQUIRED_KIND, Row, figure_names, rule_of_kind

SHEETS = {"overview": Text("概览", "overview"), "findings": Text("问题", "findings")}

_T = {
    "path": Text("文件", "File"),
    "unreadable": Text("无法读取", "Unreadable"),
    "deadline": Text("期限", "Deadline"),
    "density_share": Text("数据密度（%）", "Data density (%)"),
    "density_ratio": Text("带数据句/总句数", "Sentences with figures/total"),
    "density_low": Text("数据密度偏低（FZ403）", "Density low (FZ403)"),
    "areas": Text("涉及任务领域", "Task areas touched"),
    "areas_missing": Text("未涉及的任务领域（FZ410）", "Task areas not touched (FZ410)"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "context": Text("上下文", "Context"),
}


def _t(key: str, lang: str) -> str:
    return _T[key].get(lang)


def _yes_no(value: bool | None, lang: str) -> str | None:
    return None if value is None else _t("yes" if value else "no", lang)


class Tables:
    """The two tables of a batch, as header rows and rows of cell values
    (str, int or None for an empty cell)."""

    def __init__(self, rows: list[Row], lang: str, rules: RuleSet):
        self.rows, _ = ordered(rows)
        self.lang = lang
        self.roles = rules.vocabulary.roles
        self.required = list(rule_of_kind(rules, REQUIRED_KIND).params["roles"])
        self.names = figure_names(rules.vocabulary, lang)
        self.keys = figure_keys(self.rows, self.names)

    def overview_header(self) -> list[str]:
        lang = self.lang
        return ["#", _t("path", lang), label("title", lang), label("organ", lang), label("level", lang),
                label("year", lang), label("date", lang), _t("deadline", lang), label("on_time", lang),
                label("length", lang),
                *(SHORT_ROLE_NAMES.get(r, self.roles[r].name).get(lang) for r in self.required),
                label("errors", lang), label("warnings", lang), label("infos", lang), label("typography", lang),
                _t("density_share", lang), _t("density_ratio", lang), _t("density_low", lang),
                _t("areas", lang), _t("areas_missing", lang), _t("unreadable", lang), *(self.names.get(key, key) for key in self.keys)]

    def overview(self) -> Iterable[list]:
        lang = self.lang
        for index, row in enumerate(self.rows, 1):
            c = row.counts()
            profile = PROFILE_NAMES.get(row.profile)
            d, a = row.density, row.areas
            figures = {fig.key: fig.shown for fig in row.figures}
            parts = [MARKS[p.status] for p in row.parts] if row.parsed else [None] * len(self.required)
            yield [index, row.path, row.title or None, row.organ or None,
                   profile.get(lang) if profile else row.profile, row.year,
                   (row.date_iso or row.date) or None, row.deadline or None, _yes_no(row.on_time, lang), row.length,
                   *parts, c["errors"], c["warnings"], c["infos"], c["typography"],
                   d.share if d else None, f"{d.count}/{d.total}" if d else None,
                   _yes_no(d.low, lang) if d else None,
                   f"{a.touched}/{a.total}" if a else None, ("、" if lang == "zh" else "; ").join(a.missing) if a else None,
                   row.unreadable,
                   *(figures.get(key) for key in self.keys)]

    def findings_header(self) -> list[str]:
        lang = self.lang
        return [_t("path", lang), label("line", lang), label("code", lang), label("severity", lang),
                label("message", lang), _t("context", lang)]

    def findings(self) -> Iterable[list]:
        names = {s: SEVERITY_NAMES[s].get(self.lang) for s in Severity}
        for row in self.rows:
            for f in row.findings:
                yield [row.path, f.line, f.code, names[f.severity], f.message, f.context or None]


def findings_path(path: str) -> str:
    """Where --csv FILE puts the findings: FILE with -findings before its suffix."""
    stem, suffix = os.path.splitext(path)
    return f"{stem}-findings{suffix}"


def write_csv(path: str, tables: Tables) -> list[str]:
    """The overview to path and the findings to findings_path(path); the paths written."""
    done = []
    for target, header, body in ((path, tables.overview_header(), tables.overview()),
                                 (findings_path(path), tables.findings_header(), tables.findings())):
        try:
            _write_csv(target, header, body)
        except OSError as exc:
            exc.target = target  # which of the two could not be written
            raise
        done.append(target)
    return done


def _write_csv(target: str, header: list[str], body: Iterable[list]) -> None:
    from ..fix import writing

    with writing(target) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        out = csv.writer(text)
        out.writerow(header)
        for values in body:
            out.writerow(["" if v is None else v for v in values])
        text.flush()
        text.detach()  # leave the file to writing(), which syncs and renames it


# Column widths in characters: a CJK character counts two, capped so that a
# long message does not make a column wider than a screen.
MAX_WIDTH = 60


def _width(value) -> int:
    if value is None:
        return 0
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))


def write_xlsx(path: str, tables: Tables) -> None:
    """Both tables as the sheets of one .xlsx at path (XlsxWriter, rows streamed:
    constant_memory keeps one row in memory, not the sheet)."""
    import xlsxwriter

    from ..fix import writing

    with writing(path) as fh:
        book = xlsxwriter.Workbook(fh, {"constant_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
        bold = book.add_format({"bold": True, "bg_color": "#F3F5F7", "bottom": 1})
        for key, header, body in (("overview", tables.overview_header(), tables.overview()),
                                  ("findings", tables.findings_header(), tables.findings())):
            sheet = book.add_worksheet(SHEETS[key].get(tables.lang))
            sheet.freeze_panes(1, 0)
            widths = [_width(h) for h in header]
            sheet.write_row(0, 0, header, bold)
            n = 0
            for n, values in enumerate(body, 1):
                for col, value in enumerate(values):
                    if value is None:
                        continue
                    if isinstance(value, (int, float)):
                        sheet.write_number(n, col, value)
                    else:
                        sheet.write_string(n, col, value)
                    w = _width(value)
                    if w > widths[col]:
                        widths[col] = w
            for col, w in enumerate(widths):
                sheet.set_column(col, col, min(MAX_WIDTH, w + 2))
            sheet.autofilter(0, 0, max(n, 1), len(header) - 1)
        book.close()
