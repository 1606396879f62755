"""`fzlint outline`: how a draft was understood, as text or JSON."""

from __future__ import annotations

from functools import lru_cache

from .. import prose
from .. import ruleset as rulesets
from ..kinds import task_area_coverage
from ..model import Document, Indicator, Section
from ..ruleset import Text, Vocabulary
from . import Style

AREAS_KIND = task_area_coverage.KIND  # FZ410: the menu of task areas and the roles it judges


def area_params(rules: rulesets.RuleSet | None = None) -> dict:
    """FZ410's parameters (its menu, prepared, and its roles) in the rule set, the shipped one by default."""
    rules = rules or rulesets.default()
    return next(r.params for r in rules.rules if r.kind == AREAS_KIND)


@lru_cache(maxsize=1)
def _shipped_finder() -> prose.FigureFinder:
    return prose.FigureFinder(**rulesets.default().vocabulary.figures)


def task_areas(doc: Document, params: dict, finder: prose.FigureFinder | None = None) -> list[dict]:
    """Each area of FZ410's menu: whether the parts FZ410 reads touch it
    (covered; None when FZ410 does not judge the report), and the lines of
    the top-level parts of any role that do."""
    menu = params["menu"]
    _, missing = task_area_coverage.coverage(doc, params, finder or _shipped_finder())
    lines: dict[str, list[int]] = {a.key: [] for a in menu.areas}
    for part in doc.sections:
        for key in menu.touched(task_area_coverage.text_of(part)):
            lines[key].append(part.line)
    if missing is None or not task_area_coverage.judged(doc, params):  # FZ410 does not judge the report
        return [{"key": a.key, "name": a.name.zh, "covered": None, "lines": lines[a.key]} for a in menu.areas]
    gaps = {a.key for a in missing}
    return [{"key": a.key, "name": a.name.zh, "covered": a.key not in gaps, "lines": lines[a.key]} for a in menu.areas]


def outline_json(doc: Document, params: dict | None = None, finder: prose.FigureFinder | None = None) -> dict:
    """The outline; params: FZ410's (area_params()), for the task areas, and the
    figure finder the document was linted with (default: the shipped one's)."""
    params = params or area_params()
    menu = params["menu"]

    def section(s: Section) -> dict:
        marker = s.heading.marker
        return {
            "level": s.level,
            "marker": marker.text if marker else "#" * s.heading.atx,
            "number": marker.number if marker else None,
            "title": s.title,
            "role": s.role,
            "line": s.line,
            "areas": menu.touched(task_area_coverage.text_of(s)),  # the task areas it (and all below it) touches
            "children": [section(c) for c in s.children],
        }

    recipient = doc.recipient.text.rstrip(":：") if doc.recipient else None
    return {
        "path": doc.path,
        "title": doc.title_text or None,
        "title_lines": [ln.number for ln in doc.title],
        "document_number": doc.document_number.text if doc.document_number else None,  # 发文字号
        "recipient": recipient,
        "report_year": doc.report_year,
        "report_year_from": doc.report_year_from,
        "plan_year": doc.plan_year,
        "date": doc.date.value.isoformat() if doc.date and doc.date.value else None,
        "sections": [section(s) for s in doc.sections],
        "indicators": [indicator_json(i) for i in doc.indicators],
        "task_areas": task_areas(doc, params, finder),
    }


def number(value: float) -> int | float:
    """93.0 as 93, 24.2 as 24.2."""
    return int(value) if value == int(value) else value


def indicator_json(indicator: Indicator) -> dict:
    """A key figure as `fzlint outline --format json` gives it (figure: as
    written, 1000余件 for a lower bound whose value is 1000)."""
    return {"key": indicator.key, "value": number(indicator.value), "unit": indicator.unit,
            "line": indicator.line, "text": indicator.text, "figure": indicator.figure}


_OUTLINE = {
    "title": Text("标题", "title"), "recipient": Text("主送", "recipient"), "year": Text("年度", "year"),
    "number": Text("发文字号", "document number"), "indicators": Text("指标", "key figures"),
    "date": Text("成文日期", "date"), "none": Text("（无）", "(none)"), "plan": Text("下一年度安排", "plan year"),
    "areas": Text("任务领域（{source}）", "task areas ({source})"), "at": Text("第 {lines} 行", "at {lines}"),
    "uncovered": Text("未涉及（FZ410）", "not touched (FZ410)"), "only": Text("仅见于第 {lines} 行", "only at {lines}"),
    "from": {"option": Text("来自 --year", "from --year"), "title": Text("来自标题", "from the title"),
             "body": Text("来自正文", "from the body"), "date": Text("由成文日期推断", "from the date"),
             "plan": Text("由下一年度安排推断", "from the plan")},
}


def outline_text(doc: Document, style: Style, vocabulary: Vocabulary, lang: str = "zh", params: dict | None = None,
                 finder: prose.FigureFinder | None = None) -> str:
    """The outline as text; params and finder as for outline_json."""
    params = params or area_params()
    t = {k: v.get(lang) for k, v in _OUTLINE.items() if isinstance(v, Text)}
    lines = [style("bold", doc.path)]
    title = f"{doc.title_text}（{doc.title[0].number}–{doc.title[-1].number}）" if doc.title else t["none"]
    lines.append(f"  {t['title']}：{title}")
    if doc.document_number:
        lines.append(f"  {t['number']}：{doc.document_number.text}（{doc.document_number.number}）")
    recipient = f"{doc.recipient.text.rstrip(':：')}（{doc.recipient.number}）" if doc.recipient else t["none"]
    lines.append(f"  {t['recipient']}：{recipient}")
    if doc.report_year:
        year = f"{doc.report_year}（{_OUTLINE['from'][doc.report_year_from].get(lang)}）"
    else:
        year = t["none"]
    if doc.plan_year:
        year += f"；{t['plan']} {doc.plan_year}"
    lines.append(f"  {t['year']}：{year}")
    date = f"{doc.date.value.isoformat()}（{doc.date.line.number}）" if doc.date and doc.date.value else t["none"]
    lines.append(f"  {t['date']}：{date}")

    def walk(s: Section, depth: int):
        marker = s.heading.marker.text if s.heading.marker else "#" * s.heading.atx
        role = ""
        if s.role:
            name = vocabulary.roles[s.role].name.get(lang)
            role = "  " + style("info", f"[{s.role}: {name}]")
        lines.append(f"  {s.line:>4}  {'  ' * depth}{marker}{s.title}{role}")
        for child in s.children:
            walk(child, depth + 1)

    for s in doc.sections:
        walk(s, 0)
    if doc.indicators:
        names = {spec.key: spec.name.get(lang) for spec in vocabulary.indicators.specs}
        lines.append(f"  {t['indicators']}：")
        for i in doc.indicators:
            value = f"{'≥' if i.approx else ''}{number(i.value)}{i.unit}"
            lines.append(f"  {i.line:>4}  {names.get(i.key, i.key)} {value}  " + style("info", f"[{i.key}]"))
    if doc.sections:
        comma, colon = ("、", "：") if lang == "zh" else (", ", ": ")
        lines.append("  " + _OUTLINE["areas"].get(lang).format(source=params["menu"].source.get(lang)) + colon.rstrip())
        names = {a.key: a.name.get(lang) for a in params["menu"].areas}
        for area in task_areas(doc, params, finder):
            at = comma.join(map(str, area["lines"]))
            name = names[area["key"]]
            if area["covered"] is False:
                where = (("；" if lang == "zh" else "; ") + _OUTLINE["only"].get(lang).format(lines=at)) if at else ""
                lines.append(style("warning", f"    ✗ {name}{colon}{t['uncovered']}{where}"))
            else:  # covered, or not judged (a report before the menu's years, or too short)
                lines.append(f"    {'✓' if at else '-'} {name}{colon}{_OUTLINE['at'].get(lang).format(lines=at) if at else '—'}")
    return "\n".join(lines) + "\n"


