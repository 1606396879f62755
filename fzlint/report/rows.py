"""A linted report reduced to what the review page and its exports show: one
slim Row (the overview's columns and the findings), made right after the file
is linted so that the Document (hundreds of thousands of objects for a long
report) can be dropped before the next file is read. A batch of 1,000 reports
then holds 1,000 Rows, never 1,000 Documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import prose
from ..kinds import data_density, deadline, task_area_coverage
from ..model import Document, Finding, Severity
from ..ruleset import Rule, RuleSet
from .. import recache

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import FileResult

REQUIRED_KIND = "required-section"  # FZ101: its roles are the table's part columns
DENSITY_KIND = "data-density"  # FZ403: what the density column measures, with its parameters
DEADLINE_KIND = "deadline"  # FZ305: whether the report is on time
AREAS_KIND = task_area_coverage.KIND  # FZ410: the task areas the report's account of its work touches

PRESENT, PASSING, MISSING = "present", "passing", "missing"
MARKS = {PRESENT: "✓", PASSING: "△", MISSING: "✗"}

TYPOGRAPHY_FAMILY = "FZ5"  # punctuation and wording: folded apart on the page, unless an error

# The reporting organ in a title: what stands before 关于 or the report year
# (重庆市江北区石马河街道关于2022年…, 珠晖区东阳渡街道2023年度…).
_ORGAN = recache.compile(r"^(.{2,40}?)(?:关于|（?(?:19|20)\d\d年)")


@dataclass(frozen=True)
class Density:
    """The data density of a report's measures parts, as FZ403 measures it."""

    count: int  # statements carrying at least one figure
    total: int  # statements
    low: bool  # FZ403 would report it: enough statements, and the share below the threshold

    @property
    def share(self) -> int | None:
        """The share in whole percent, rounded as FZ403's message rounds it; None without statements."""
        return round(100 * self.count / self.total) if self.total else None


@dataclass(frozen=True)
class Coverage:
    """The task areas of FZ410's menu that the parts it reads touch."""

    total: int  # areas in the menu
    missing: tuple[str, ...]  # the names of those never touched, in the page's language (FZ410's finding)

    @property
    def touched(self) -> int:
        return self.total - len(self.missing)


@dataclass(frozen=True)
class Part:
    role: str
    status: str  # present | passing | missing
    line: int | None
    text: str  # the heading, or the passage that mentions it in passing


@dataclass(frozen=True)
class Figure:
    """A key figure of the report (Document.indicators, when the parse finds them)."""

    key: str
    value: str  # the number, for sorting
    unit: str
    line: int | None
    written: str = ""  # the figure as the report writes it (1000余件), if known

    @property
    def shown(self) -> str:
        return self.written or f"{self.value}{self.unit}"


@dataclass
class Row:
    """One report on the review page and in the exports."""

    path: str
    findings: list[Finding]
    unreadable: str | None = None  # why it could not be read, in the page's language
    parsed: bool = True  # False: no Document (unreadable)
    title: str = ""
    organ: str = ""
    organ_from: str = ""  # title | signature | ""
    profile: str = "government"  # the configuration's profile (rules/profiles.yaml): the organ's level
    year: int | None = None
    year_from: str | None = None
    date: str = ""  # the 成文日期 as written
    date_iso: str = ""  # as YYYY-MM-DD, when it is a real date
    deadline: str = ""  # YYYY-MM-DD, when the report year is known
    on_time: bool | None = None  # FZ305's judgement; None without a date or a year
    length: int | None = None  # characters of the text, blanks not counted
    parts: list[Part] = field(default_factory=list)
    density: Density | None = None  # None: no measures part (or not parsed)
    areas: Coverage | None = None  # None: not judged (no such part, a year before the menu's, or not parsed)
    figures: list[Figure] = field(default_factory=list)

    @property
    def folded(self) -> list[Finding]:
        """The typographic findings (FZ5) that are not errors: folded apart."""
        return [f for f in self.findings if is_folded(f)]

    @property
    def main(self) -> list[Finding]:
        return [f for f in self.findings if not is_folded(f)]

    def counts(self) -> dict:
        """errors (all), warnings and infos (not folded), typography (folded)."""
        c = {"errors": 0, "warnings": 0, "infos": 0, "typography": 0}
        for f in self.findings:
            if f.severity is Severity.ERROR:
                c["errors"] += 1
            elif is_folded(f):
                c["typography"] += 1
            elif f.severity is Severity.WARNING:
                c["warnings"] += 1
            else:
                c["infos"] += 1
        return c


def is_folded(f: Finding) -> bool:
    return f.code.startswith(TYPOGRAPHY_FAMILY) and f.severity is not Severity.ERROR


def family(code: str) -> str:
    """A rule's family: FZ101 → FZ1; an organ's own CQ001 → CQ0."""
    m = re.match(r"[A-Za-z]+\d", code)
    return m.group() if m else code


def rule_of_kind(rules: RuleSet, kind: str) -> Rule:
    found = next((r for r in rules.rules if r.kind == kind), None)
    if found is None:
        raise ValueError(f"the rule set has no rule of kind {kind!r}, which the review page needs")
    return found


def part_status(doc: Document, role: str) -> Part:
    """A role as required-section (FZ101) and section-in-passing (FZ103) judge it."""
    part = next((s for s in doc.sections if s.role == role), None)
    if part is not None:
        heading = part.heading  # the marker and the heading phrase, without a run-in body
        return Part(role, PRESENT, part.line, heading.text[:heading.title_column - heading.column + len(heading.title)])
    mention = next((m for m in doc.mentions if m.role == role), None)
    if mention is not None:
        return Part(role, PASSING, mention.line, mention.text)
    return Part(role, MISSING, None, "")


def density(doc: Document, params: dict, finder: prose.FigureFinder) -> Density | None:
    """The data density of the parts with params["roles"], counted by FZ403's
    own measure (fzlint/kinds/data_density.py); None when the report has no such part."""
    roles = params["roles"]
    if not any(part.role in roles for part in doc.sections):
        return None
    count, total = data_density.measure(doc, roles, finder)
    return Density(count, total, bool(total) and data_density.too_low(count, total, params))


def coverage(doc: Document, params: dict, lang: str, finder: prose.FigureFinder) -> Coverage | None:
    """The task areas as FZ410 judges them (fzlint/kinds/task_area_coverage.py,
    whose result for the document is reused); None when it does not judge the report."""
    if not task_area_coverage.judged(doc, params):
        return None
    _, missing = task_area_coverage.coverage(doc, params, finder)
    if missing is None:  # no such part, or too short to judge
        return None
    return Coverage(len(params["menu"].areas), tuple(a.name.get(lang) for a in missing))


def organ(doc: Document) -> tuple[str, str]:
    """(the reporting organ, where it was found): from the title, else the
    signature's first line."""
    m = _ORGAN.match(doc.title_text)
    if m:
        return m.group(1), "title"
    if doc.signature:
        return doc.signature[0].text.strip(), "signature"
    return "", ""


def figures(doc: Document) -> list[Figure]:
    """The report's key figures, when the parse gives them (Document.indicators:
    objects with key, value, unit, line, and the figure as written); the
    first of each key. The value is the number as a reader writes it (24,
    not 24.0); what is shown is the figure as the report wrote it (1000余件)."""
    seen: dict[str, Figure] = {}
    for ind in getattr(doc, "indicators", None) or []:
        key = str(ind.key)
        if key not in seen:
            value = ind.value
            number = f"{value:g}" if isinstance(value, float) else str(value)
            seen[key] = Figure(key, number, str(getattr(ind, "unit", "") or ""), getattr(ind, "line", None),
                               str(getattr(ind, "figure", "") or ""))
    return list(seen.values())


def figure_names(vocabulary, lang: str) -> dict[str, str]:
    """Each key figure's name in lang (行政复议申请 for reconsideration.received),
    in the order rules/indicators.yaml gives them."""
    specs = getattr(getattr(vocabulary, "indicators", None), "specs", ())
    return {spec.key: spec.name.get(lang) for spec in specs}


class Reducer:
    """Makes Rows, with what every report shares: the page's rule set (the
    required parts, the density's parameters) and a figure finder."""

    def __init__(self, rules: RuleSet, lang: str = "zh"):
        self.lang = lang
        self.required = list(rule_of_kind(rules, REQUIRED_KIND).params["roles"])
        self.density_params = rule_of_kind(rules, DENSITY_KIND).params
        self.deadline_params = rule_of_kind(rules, DEADLINE_KIND).params
        self.area_params = rule_of_kind(rules, AREAS_KIND).params
        self._vocabulary = rules.vocabulary
        self._finder: prose.FigureFinder | None = None

    @property
    def finder(self) -> prose.FigureFinder:
        # Only needed when no FZ4 rule ran on a document (its prose is cached in doc.derived).
        if self._finder is None:
            self._finder = prose.FigureFinder(**self._vocabulary.figures)
        return self._finder

    def row(self, result: FileResult, profile: str = "government", file_rules: RuleSet | None = None) -> Row:
        """The result as a Row. file_rules: the rule set the file was linted
        with (its profile's deadline); the page's own when None."""
        doc = result.document
        row = Row(result.path, list(result.findings), profile=profile)
        if result.error is not None:
            row.unreadable = result.error.reason(self.lang)
        if result.error is not None or doc is None:
            row.parsed = False
            return row
        row.title = doc.title_text
        row.organ, row.organ_from = organ(doc)
        row.year, row.year_from = doc.report_year, doc.report_year_from
        params, areas = self.deadline_params, self.area_params
        if file_rules is not None:  # a profile may change the deadline, a configuration the menu of task areas
            params = next((r.params for r in file_rules.rules if r.kind == DEADLINE_KIND), params)
            areas = next((r.params for r in file_rules.rules if r.kind == AREAS_KIND), areas)
        if doc.date is not None:
            row.date = doc.date.line.text.strip()
            row.date_iso = doc.date.value.isoformat() if doc.date.value else ""
        due = deadline.deadline_of(doc, params)
        row.deadline = due.isoformat() if due else ""
        row.on_time = deadline.on_time(doc, params)
        row.length = sum(1 for ch in doc.text if not ch.isspace())
        row.parts = [part_status(doc, role) for role in self.required]
        row.density = density(doc, self.density_params, self.finder)
        row.areas = coverage(doc, areas, self.lang, self.finder)
        row.figures = figures(doc)
        return row


class RowMaker:
    """Reducer.row as a batch's reduction (batch.lint_all's reduce): each
    file's Row made where the file was linted, in a worker with --jobs, so
    that only the Row travels back. The page's rule set is the shipped one
    (ruleset.default(), loaded once a process)."""

    def __init__(self, lang: str = "zh"):
        self.lang = lang
        self._reducer: Reducer | None = None

    def __getstate__(self) -> dict:  # a worker makes its own Reducer
        return {"lang": self.lang, "_reducer": None}

    def __call__(self, settings, path: str, result: FileResult) -> Row:
        if self._reducer is None:
            from ..ruleset import default

            self._reducer = Reducer(default(), self.lang)
        return self._reducer.row(result, settings.config_for(path).profile, settings.linter(path).ruleset)


def natural_key(text: str):
    """Sorts 报告_2 before 报告_10: digits compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", text) if part]
