"""Stage 3, classify: what the parts of a Document are and which year it reports.

* Each top-level part gets a role from rules/sections.yaml (measures,
  shortcomings, duties, plan, other): the role its heading names first. Topic
  parts (一、坚持党的领导……) that match no role are measures before the first
  part of another role, other after; a leading role's part (the duties, which
  reports often put first: 一、法治建设第一责任人职责履行到位) does not end them.
  A heading that names a role only weakly (the role's `confirmed` patterns:
  一、切实履行法治政府建设职责, 一、压实法治建设责任) gives it when the part's own
  first sentence says so (its `passing` patterns: 党政主要负责人切实履行……第一
  责任人责任), or its first item's heading does (its `headings`: （一）履行推进
  法治建设第一责任人职责).
* A role without a part of its own may still stand in passing: as a
  sub-heading inside another part, as a closing paragraph (下一步，……), or
  (for a role with `passing` patterns) as a paragraph or a run-in item
  (一是……) of another part whose first sentence matches. Those places become
  Mentions (FZ103 reports them instead of FZ101). Nothing inside a forward part
  (the plan: next year's work), nor its heading, is a mention: （一）进一步落实党政主要负责人履行
  推进法治建设第一责任人职责 under 下一年度安排 reports no duties done, and a
  report with nothing else on the duties is missing them (FZ101).
* The report year comes from --year, else the title, else the body's own
  statement of it (现将2022年度……报告如下, 2021年是……), else the year the
  measures parts name most, else the date line or the plan.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Document, Mention, Section
from .prose import paired_only
from .ruleset import Vocabulary
from . import recache

YEAR = recache.compile(r"((?:19|20)\d{2})\s*年")
_STATED_YEAR = (
    recache.compile(r"现将.{0,16}?((?:19|20)\d{2})\s*年"),
    recache.compile(r"^((?:19|20)\d{2})\s*年度?(?:是|以来|[，,])"),
    recache.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:法治政府建设|依法行政)?(?:工作)?(?:情况|总结)?(?:报告如下)"),
)
_QUOTED = recache.compile(r"《[^》]*》|“[^”]*”")


def roles_of(title: str, vocabulary: Vocabulary) -> list[str]:
    """The roles a heading names, in the order it names them (a heading that
    joins two, 主要举措、成效和不足, 工作情况及下一步计划, names the first one
    first), by where each role's words end; roles named at the same place in
    `precedence` order."""
    found = []
    for rank, key in enumerate(vocabulary.precedence):
        at = _named_at(title, vocabulary.roles[key])
        if at is not None:
            found.append((at, rank, key))
    return [key for _, _, key in sorted(found)]


def _named_at(title: str, role) -> int | None:
    """Where the role's heading words first end in the title (a pattern may
    begin before them: 2023年度工作计划); None where it names the role nowhere.
    Its words inside a span of the role's `objects` (将……纳入……工作计划: a plan
    work went into, not next year's plan) do not count."""
    at = min((m.end() for p in role.headings if (m := p.search(title))), default=None)
    if at is None or not role.objects:
        return at
    for pattern in role.objects:
        title = pattern.sub(_blank, title)
    return min((m.end() for p in role.headings if (m := p.search(title))), default=None)


def _blank(match: re.Match) -> str:
    """The match blanked out (as many NULs): no heading word left in it, and
    the places after it kept."""
    return "\0" * len(match.group())


def classify(doc: Document, vocabulary: Vocabulary, year: int | None = None) -> Document:
    _roles(doc, vocabulary)
    _mentions(doc, vocabulary)
    _years(doc, vocabulary, year)
    return doc


def _roles(doc: Document, vocabulary: Vocabulary) -> None:
    others_seen = False
    for part in doc.sections:
        named = roles_of(part.title, vocabulary)
        role = named[0] if named else _confirmed_role(part, vocabulary)
        if role is None:
            role = vocabulary.other_role if others_seen else vocabulary.topic_role
        if role != vocabulary.topic_role and not vocabulary.roles[role].leading:
            others_seen = True
        part.role = role


def _confirmed_role(part: Section, vocabulary: Vocabulary) -> str | None:
    """The first role (in precedence order) whose `confirmed` headings match
    the part's heading and whose `passing` patterns match the part's own first
    sentence, outside 《》 and “”: its run-in text, else its first paragraph if
    that comes before any sub-heading; or, for a part that opens with a
    sub-heading, whose `headings` match that first item's heading. 一、切实履行
    法治政府建设职责 over 党政主要负责人切实履行推进法治建设第一责任人责任…… or over
    （一）履行推进法治建设第一责任人职责 is the duties; over （一）学习贯彻…… it
    names no role."""
    for key in vocabulary.precedence:
        role = vocabulary.roles[key]
        if not role.confirmed or not any(p.search(part.title) for p in role.confirmed):
            continue
        if not part.heading.body and not part.paragraphs and part.children:
            first_item = _unquoted(part.children[0].title)
            if _named_at(first_item, role) is not None:
                return key
            continue
        text = part.heading.body or (part.paragraphs[0].text if part.paragraphs else "")
        end = _SENTENCE_END.search(text)
        first = _unquoted(text[:end.start() if end else len(text)])
        if first and any(p.search(first) for p in role.passing):
            return key
    return None


def _mentions(doc: Document, vocabulary: Vocabulary) -> None:
    present = {part.role for part in doc.sections}
    forward = {key for key, role in vocabulary.roles.items() if role.forward}
    ahead = [p for key in forward for p in vocabulary.roles[key].closing]
    for key, role in vocabulary.roles.items():
        if key in present:
            continue
        joined = next((p for p in doc.sections
                       if p.role not in forward and key in roles_of(p.title, vocabulary)), None)
        if joined is not None:  # a part whose heading joins this role to its own
            h = joined.heading
            doc.mentions.append(Mention(key, h.number, h.column, h.title_column + len(h.title), "heading", joined.title))
            continue
        for part in doc.sections:
            if part.role in forward:
                continue
            for section in part.walk():
                if section is part:
                    continue
                if _named_at(section.title, role) is not None:
                    h = section.heading
                    doc.mentions.append(Mention(key, h.number, h.column, h.title_column + len(h.title),
                                                "subheading", section.title))
        if role.passing and not any(m.role == key for m in doc.mentions):
            _in_paragraphs(doc, key, role, forward, ahead)
        last = _closing_paragraph(doc)
        if last is not None and role.closing:
            for pattern in role.closing:
                m = pattern.search(last.text)
                if m:
                    doc.mentions.append(Mention(key, last.line, last.column, last.column + max(m.end(), 1),
                                                "closing-paragraph", last.text))
                    break


_SENTENCE_END = recache.compile(r"[。；;！？!?]")
_ITEM = recache.compile(r"(?<=[。；;，,：:])[ \t]*(?P<item>[一二三四五六七八九十]+是|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十]+[，,、])")


def _in_paragraphs(doc: Document, key: str, role, forward: set, ahead: list) -> None:
    """The first paragraph or run-in item (一是……) of a part not forward whose
    first sentence matches the role's `passing` patterns (outside 《》 and “”):
    a Mention. A paragraph that looks ahead (下一步，……) is the plan's, not a
    report."""
    for part in doc.sections:
        if part.role in forward:
            continue
        for paragraph in part.all_paragraphs():
            text = paragraph.text
            if any(p.search(text) for p in ahead):
                continue
            starts = [0] + [m.start("item") for m in _ITEM.finditer(text)]
            for start in starts:
                end = _SENTENCE_END.search(text, start)
                head = text[start:end.start() if end else len(text)]
                if any(p.search(_unquoted(head)) for p in role.passing):  # not a title: 《……第一责任人职责规定》
                    column = paragraph.column + start
                    doc.mentions.append(Mention(key, paragraph.line, column, column + len(head),
                                                "paragraph", head))
                    return


def _closing_paragraph(doc: Document):
    """The body's last paragraph, if it stands on a line of its own after a part's other content."""
    if not doc.sections:
        return None
    paragraphs = list(doc.sections[-1].all_paragraphs())
    if len(paragraphs) < 2:
        return None
    last = paragraphs[-1]
    return None if _is_run_in(doc.sections[-1], last) else last


def _is_run_in(part: Section, paragraph) -> bool:
    return any(s.heading.number == paragraph.line for s in part.walk())


def _first_year(text: str) -> int | None:
    m = YEAR.search(text)
    return int(m.group(1)) if m else None


def _unquoted(text: str) -> str:
    """text less its 《…》 and “…” (_QUOTED), with the marks left open made
    inert first (prose.paired_only): from each of them the search read to the
    text's end, and a paragraph of thousands of 《 took time quadratic in
    their number."""
    return _QUOTED.sub("", paired_only(text))


def _years(doc: Document, vocabulary: Vocabulary, year: int | None) -> None:
    doc.title_year = _first_year(doc.title_text)
    stated = None
    for paragraph in doc.preface:
        for pattern in _STATED_YEAR:
            m = pattern.search(paragraph.text)
            if m:
                stated = int(m.group(1))
                break
        if stated:
            break
    measures = [p for p in doc.sections if p.role == vocabulary.topic_role]
    if stated is None:  # 一、2021年度推进法治政府建设的主要举措和成效
        stated = next((y for y in (_first_year(p.title) for p in measures) if y), None)
    doc.body_year = stated
    counted = None
    if stated is None:
        counts = Counter()
        for part in measures:
            for paragraph in part.all_paragraphs():
                counts.update(int(y) for y in YEAR.findall(_unquoted(paragraph.text)))
        if counts:
            counted = counts.most_common(1)[0][0]
    _plan_year(doc)
    for source, value in (
        ("option", year),
        ("title", doc.title_year),
        ("body", stated),
        ("body", counted),
        ("date", doc.date.value.year - 1 if doc.date and doc.date.value else None),
        ("plan", doc.plan_year - 1 if doc.plan_year else None),
    ):
        if value:
            doc.report_year, doc.report_year_from = value, source
            break


def _plan_year(doc: Document) -> None:
    for part in doc.parts("plan"):
        y = _first_year(part.title)
        if y:
            doc.plan_year, doc.plan_year_line = y, part.heading
            return
        for paragraph in part.paragraphs[:1]:
            m = re.match(r"((?:19|20)\d{2})\s*年", paragraph.text)
            if m:
                doc.plan_year, doc.plan_year_line = int(m.group(1)), paragraph
                return
