"""The indicators stage, between classify and check: the key figures (指标) a
report states for its year.

Run once per file (pipeline.Linter.document): extract() fills
Document.indicators with an Indicator(key, value, unit, line, text, …) for each
figure that rules/indicators.yaml names: 收到行政复议申请93件 is
reconsideration.received 93 件. `fzlint outline` shows them and FZ405 checks
them (kinds/numeric_consistency.py).

Figures are read from the body's prose (prose.of_body, which the FZ4 rules
share): the preface and the parts whose roles indicators.yaml lists (not the
plan's targets). A figure's label is the text before it back to the previous
figure of its sentence or to the start of the clause before its own, whichever
is nearer (受理 in 收到申请93件，受理79件); an indicator takes the figure
when one of its patterns matches the label and its topic, if any, stands
before in the paragraph; of several, the one whose topic (or pattern) is
nearest wins. Left out: approximate figures (约, 近, 左右), changes (同比增长,
较上年增加), figures of a sentence that names another year than the report's,
and the parts after 其中 unless the indicator is `part`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import prose
from .classify import YEAR
from .model import Document, Indicator
from .ruleset import Vocabulary

_QIZHONG = "其中"
LABEL_MAX = 60  # characters: a label is no longer (a clause of a long list may be)
_KINDS = {"count": "count", "percent": "rate"}


def _spans(doc: Document, pt: prose.ProseText, roles, finder) -> list[tuple[int, int]]:
    """[start, end) of the preface and of the parts with the roles, in order."""
    _, runs = prose.spans_of(doc, roles, finder)
    if doc.preface:
        last = len(doc.preface) - 1
        preface = (0, pt.offsets[last] + len(pt.paragraphs[last].text))
        runs = [preface] + [r for r in runs if r[0] >= preface[1]]
    return runs


def extract(doc: Document, vocabulary: Vocabulary, finder: prose.FigureFinder) -> list[Indicator]:
    """The document's key figures, in the order the text states them."""
    specs = vocabulary.indicators
    any_wording = specs.wording
    if any_wording is None:
        return []
    pt = prose.of_body(doc, finder)
    text = pt.text
    runs = _spans(doc, pt, specs.roles, finder)
    year = doc.report_year
    periods = specs.periods
    found: list[Indicator] = []
    topics = _Topics(pt)
    units = specs.units
    ends = None if units is None else frozenset(u[-1] for u in units) | frozenset("%％")
    sentence = None  # the sentence of the figure at hand, and what is known of it
    for run_start, run_end in runs:
        # Figures first, sentences after: a report's prose is mostly words, and
        # only the few figures with an indicator's wording just before them
        # are built and read further.
        last_end = run_start  # where the figure before ends
        for k in pt.figure_range(run_start, run_end):
            at, figure_end = pt.figure_span(k)
            before, last_end = last_end, figure_end
            if ends is not None and text[figure_end - 1] not in ends:
                continue  # not in a unit of any indicator (名, 万元, a date): the commonest case, told cheaply
            if not any_wording.search(text, max(before, at - LABEL_MAX), at):  # the label lies within
                continue
            if sentence is None or at >= sentence[1]:
                sentence = pt.sentence_at(at)
                if sentence is None:
                    continue
                start, end = sentence
                # what the sentence's candidates need, found for the first of them
                clause_starts = period = years = None
            wide_from = max(before, start, at - LABEL_MAX)
            figure = pt.figure_of(k)
            if clause_starts is None:
                clause_starts = [c[0] for c in pt.clauses(start, end)]
                period = periods.search(text, start, end) if periods is not None else None
            label_from = max(wide_from, _label_start(clause_starts, figure.start, start))
            kind = _KINDS.get(figure.kind)
            if kind is None or figure.approx == "about" or (kind == "count" and units is not None
                                                            and figure.unit not in units):
                continue
            if period is not None and period.start() < figure.start:
                continue
            label = text[label_from:figure.start]
            spec = _choose(topics, specs, kind, figure, label, label_from)
            if spec is None:
                continue
            if year is not None:
                if years is None:
                    years = _years(pt, start, end)
                i = bisect_right(years, (figure.start, 0)) - 1
                if i >= 0 and years[i][1] != year:
                    continue  # the last year named before it is another's
            line, column = pt.locate(figure.start)
            unit = "%" if kind == "rate" else figure.unit
            found.append(Indicator(spec.key, figure.value, unit, line, text[start:end].strip(), column,
                                   column + figure.end - figure.start, figure.text, figure.approx))
    return found


def _years(pt, start: int, end: int) -> list[tuple[int, int]]:
    """(where, year) of each year the sentence names outside quotes and titles (2021年)."""
    return [(m.start(), int(m.group(1))) for m in YEAR.finditer(pt.text, start, end)
            if not pt.inside_quotes(m.start(), m.end())]


class _Topics:
    """Where each topic pattern matches in a paragraph, found once a paragraph
    and pattern (a paragraph of thousands of figures would otherwise be read
    again for each)."""

    def __init__(self, pt):
        self.pt = pt
        self.found: dict[tuple[int, re.Pattern], list[int]] = {}

    def last_before(self, pattern: re.Pattern, at: int) -> int | None:
        """Where the last match of pattern that begins before `at` in its paragraph begins."""
        pt = self.pt
        i = bisect_right(pt.offsets, at) - 1
        starts = self.found.get((i, pattern))
        if starts is None:
            start = pt.offsets[i]
            end = start + len(pt.paragraphs[i].text)
            starts = self.found[(i, pattern)] = [m.start() for m in pattern.finditer(pt.text, start, end)]
        k = bisect_right(starts, at - 1) - 1
        return starts[k] if k >= 0 else None


def _label_start(clause_starts: list[int], at: int, sentence_start: int) -> int:
    """Where the label of a figure at `at` may begin at the earliest: the start
    of the clause before the figure's own (受理 in “……，受理79件”; 调解 in
    “其中经调解和解，终止复议的8件”), not further back, where a long sentence
    may name other matters."""
    i = bisect_right(clause_starts, at) - 1
    return clause_starts[i - 1] if i >= 1 else sentence_start


def _choose(topics: _Topics, specs, kind: str, figure, label: str, label_from: int):
    """The indicator the figure states, or None: of those whose pattern matches
    its label (with no change stated after it) and whose topic stands before it
    in its paragraph, the nearest; at the same place, the first listed."""
    after_qizhong = _QIZHONG in label
    best, best_at = None, -1
    for spec in specs.specs:
        if spec.figure != kind or (spec.units and figure.unit not in spec.units):
            continue
        if after_qizhong and not spec.part:
            continue
        m = None
        for pattern in spec.patterns:
            m = pattern.search(label)
            if m:
                break
        if m is None:
            continue
        if specs.changes is not None and specs.changes.search(label, m.start()):
            continue
        at = label_from + m.start()
        if spec.topic is not None:
            at = topics.last_before(spec.topic, figure.start)
            if at is None:
                continue
        if at > best_at:
            best, best_at = spec, at
    return best


def table(doc: Document) -> dict[str, list[Indicator]]:
    """The document's indicators by key, each key's in the text's order."""
    out: dict[str, list[Indicator]] = {}
    for indicator in doc.indicators:
        out.setdefault(indicator.key, []).append(indicator)
    return out

