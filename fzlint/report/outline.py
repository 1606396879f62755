"""`fzlint outline`: how a draft was understood, as text or JSON."""

from __future__ import annotations

from ..model import Document, Indicator, Section
from ..ruleset import Text, Vocabulary
from . import Style


def outline_json(doc: Document) -> dict:
    def section(s: Section) -> dict:
        marker = s.heading.marker
        return {
            "level": s.level,
            "marker": marker.text if marker else "#" * s.heading.atx,
            "number": marker.number if marker else None,
            "title": s.title,
            "role": s.role,
            "line": s.line,
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
    "from": {"option": Text("来自 --year", "from --year"), "title": Text("来自标题", "from the title"),
             "body": Text("来自正文", "from the body"), "date": Text("由成文日期推断", "from the date"),
             "plan": Text("由下一年度安排推断", "from the plan")},
}


def outline_text(doc: Document, style: Style, vocabulary: Vocabulary, lang: str = "zh") -> str:
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
    return "\n".join(lines) + "\n"


