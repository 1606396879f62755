"""vague-quantity: a vague amount (`words`: 数万, 大量, 一大批, 一系列, 若干 …)
in the listed parts where a figure belongs; not when a figure in the same
clause gives the amount, and not inside quotes or titles. Nor in the name of
a document written without 书名号: after 的 and before a kind of document
(`in_names`: 关于……的若干措施, 研究制定……的若干举措), 若干 is the name's word,
not an amount.

Two more shapes need no figure:
- The amount counted right after it: a breakdown of two or more counted items
  listed with 、 (举办讲座4次、发放资料2000份) later in the same sentence, or in
  the next sentence of the same paragraph (开展一系列普法活动。通过举办讲座4次、
  挂横幅12条……); or the next clause of the same sentence giving the total
  (`total_leads`: 多次召开专题会议，共12次). Figures that are not such a list
  (今年以来共调解案件3314件，成功3251件) count something else.
- Another body's directives (`others` before it in the clause, 的 or the body
  right before it, one of `directives` just after it): 按照上级关于……的一系列
  工作部署, 贯彻党中央关于……的一系列决策部署. These are received, not the
  unit's own work to count; 我局出台了一系列制度 still is."""

from __future__ import annotations

import re

from .. import prose
from . import Hit, validate_roles
from .. import recache

KIND = "vague-quantity"
PARAMS = {"roles": (list, None), "words": (list, None), "in_names": (list, []),
          "total_leads": (list, []), "others": (list, []), "directives": (list, [])}
VARIANTS = ("default",)

_BREAKS = frozenset("，,；;。！？!?：:\n")  # what ends a list of counted items
_NEXT_REACH = 8  # characters after a sentence in which the next one must begin
_DIRECTIVE_REACH = 6  # characters after the word in which its directive noun may end


def validate(params, vocabulary):
    for key in ("total_leads", "others", "directives"):
        if not all(isinstance(w, str) and w.strip() for w in params[key]):
            return f"{key}: expected a list of words"
    return validate_roles(params["roles"], vocabulary)


def prepare(params):
    names, others, directives = params["in_names"], params["others"], params["directives"]
    return {**params, "words": prose.literal_pattern(params["words"]),
            "in_names": recache.compile("|".join(map(re.escape, names))) if names else None,
            "total_leads": tuple(params["total_leads"]),
            "others": prose.literal_pattern(others) if others and directives else None,
            "directives": prose.literal_pattern(directives) if others and directives else None}


def check(doc, params, ctx):
    pt, spans = prose.spans_of(doc, params["roles"], ctx.figures)
    words, names = params["words"], params["in_names"]
    for m in (m for start, end in spans for m in words.finditer(pt.text, start, end)):
        if pt.inside_quotes(m.start(), m.end()):
            continue
        if names and m.start() and pt.text[m.start() - 1] == "的" and names.match(pt.text, m.end()):
            continue
        clause = pt.clause_at(m.start())
        if clause is None or pt.has_figure(*clause):
            continue
        if _others(pt.text, clause, m, params) or _counted_after(pt, clause, m.end(), params):
            continue
        line, column = pt.locate(m.start())
        yield Hit(line, column, column + len(m.group()), {"word": m.group()})


def _others(text: str, clause, m, params) -> bool:
    """Whether the word qualifies another body's directives: 上级关于……的一系列工作部署."""
    others, directives = params["others"], params["directives"]
    if others is None:
        return False
    start, end = m.span()
    reach = min(clause[1], end + _DIRECTIVE_REACH)
    if not any(d.end() <= reach for d in directives.finditer(text, end, reach)):
        return False
    owner = None
    for owner in others.finditer(text, clause[0], start):
        pass
    return owner is not None and (text[start - 1] == "的" or owner.end() == start)


def _counted_after(pt, clause, end: int, params) -> bool:
    """Whether the amount is counted right after the word: a list of counted items
    in the rest of the sentence or in the next sentence of the paragraph, or a
    total in the next clause."""
    sentence = pt.sentence_at(clause[0])
    if sentence is None:
        return False
    if _counted_list(pt, end, sentence[1]):
        return True
    leads = params["total_leads"]
    if leads:
        clauses = pt.clauses(*sentence)
        i = clauses.index(clause) if clause in clauses else -1
        if 0 <= i < len(clauses) - 1:
            following = clauses[i + 1]
            if pt.text.startswith(leads, following[0]) and pt.has_figure(*following):
                return True
    # the next sentence, a few spaces on at most, in the same paragraph
    following = pt.sentences_in([(sentence[1], sentence[1] + _NEXT_REACH)])
    if not following or "\n" in pt.text[sentence[1]:following[0][0]]:
        return False
    return _counted_list(pt, *following[0])


def _counted_list(pt, start: int, end: int) -> bool:
    """Whether text[start:end] holds two counted items listed with 、 (讲座4次、横幅12条), not dates (1月、3月)."""
    figures = pt.figure_range(start, end)
    if len(figures) < 2:
        return False
    text = pt.text
    for k in figures[:-1]:
        between = text[pt.figure_span(k)[1]:pt.figure_span(k + 1)[0]]
        if "、" in between and not _BREAKS.intersection(between) and \
                pt.figure_of(k).kind == "count" and pt.figure_of(k + 1).kind == "count":
            return True  # (dates listed, 1月、3月, count nothing)
    return False
