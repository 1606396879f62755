"""numeric-consistency: figures in one sentence that contradict each other.

* 其中: the parts after 其中 (consecutive counts with the unit of the first,
  up to the next 其中) against the total before it (the nearest count with
  that unit): more than the total is wrong; parts that split the total
  completely (a pair of `complements` such as 专职/兼职) must add up to it
  exactly.
* a share or rate (`rates`, e.g. 办结率, 满意度) above 100%;
* a rate stated after a 其中 split with one part, against the part over the
  total: |Y/X − Z| above `tolerance` percentage points.
Approximate figures (近, 约, 左右) are not compared; lower bounds (余, 多, 超)
only count against a total that is exact. A count under 每……/平均……
(`per`: 每个季度进行一次, 平均每月办理12件, 人均16学时) is a rate, not a
total or a part: 开展检查4次（每个季度进行一次） states 4 once and how often,
and 一次 is neither a part of 4 nor a total; it is left out of the splits. Only sentences with 其中 or a
percent sign are looked at.

Across the report, its key figures (Document.indicators, rules/indicators.yaml):
* an indicator that is `single` stated again with another value (twice);
* a rate with counts to compute it from (`rate: {of, over}`) that matches
  none of them: of over the first base in `over` the report states (纠错率 is
  纠错 over 审结, never over 受理) and, failing that, the next; off by more than
  `tolerance` points (rounding). Counts that may differ (办结 above 受理, with
  cases carried over from the year before) are never compared with each other.
Only exact figures are compared, and a count stated twice with different
values is no base for a rate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .. import prose
from . import Hit
from .. import recache

KIND = "numeric-consistency"
PARAMS = {"rates": (str, None), "changes": (str, None), "complements": (list, []), "tolerance": (float, 0.5),
          "per": (str, "")}
VARIANTS = ("default", "split", "over-100", "rate", "twice", "indicator-rate")
# Literals, each scanned for alone: a literal is found several times faster than a
# class of first characters (其中|%|％).
_QIZHONG = recache.compile("其中")
_CUES = (_QIZHONG, recache.compile("%"), recache.compile("％"))


def validate(params, vocabulary):
    if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
               for p in params["complements"]):
        return "complements: expected a list of word pairs, e.g. [专职, 兼职]"
    return None


def prepare(params):
    # rates begins with look-behinds: searched through its first characters (prose.searcher)
    return {**params, "rates": prose.searcher(params["rates"]), "changes": recache.compile(params["changes"]),
            # matched against the text just before a count, hence the $
            "per": recache.compile(f"(?:{params['per']})$") if params["per"] else None}


# How far back before a count its 每/平均 is looked for (每个季度进行一次: 6).
_PER_REACH = 10


def _fmt(value: float) -> str:
    return f"{value:g}"


def _splits(figures, places: list[int], closes: list[int | None]):
    """(其中's place, total, parts) for each 其中 at a text index in places (in
    order) that splits a total. Its parts are the consecutive counts after it
    with the unit of the first, up to the next 其中 (which splits a figure of
    its own) and, for a 其中 that opens a bracket (（其中21名……）), up to the
    bracket's close (closes: its index, or None), after which the sentence
    goes on to other figures; its total, the nearest count with that unit
    before it. One pass
    over the figures: a sentence of thousands of 其中 (其中12件，其中12件，…)
    took time quadratic in their number, each 其中 reading all the figures."""
    last: dict[str, object] = {}  # unit -> the last count before the place
    i, n = 0, len(figures)
    for k, at in enumerate(places):
        while i < n and figures[i].start <= at:
            f = figures[i]
            if f.kind == "count" and f.end <= at:
                last[f.unit] = f
            i += 1
        if i == n or figures[i].kind != "count":
            continue
        stop = places[k + 1] if k + 1 < len(places) else None
        if closes[k] is not None and (stop is None or closes[k] < stop):
            stop = closes[k]
        unit = figures[i].unit
        parts = []
        j = i
        while j < n:
            f = figures[j]
            if f.kind != "count" or f.unit != unit or (stop is not None and f.start > stop):
                break
            parts.append(f)
            j += 1
        total = last.get(unit)
        if total is not None and parts:
            yield at, total, parts


_OPEN_CLOSE = {"（": "）", "(": ")"}


def _close(text: str, at: int, end: int) -> int | None:
    """Where the bracket a 其中 opens (（其中……）) closes, before end; None when it opens none."""
    close = _OPEN_CLOSE.get(text[at - 1]) if at else None
    if close is None:
        return None
    k = text.find(close, at, end)
    return k if k >= 0 else None


def _hit(pt, start: int, end: int, args: dict, variant: str = "default") -> Hit:
    line, column = pt.locate(start)
    return Hit(line, column, column + end - start, args, variant)


def _sentence(pt, sentence, params):
    text = pt.text
    rates, changes = params["rates"], params["changes"]
    if text.find("其中", *sentence) < 0 and not rates.search(text, *sentence):
        return  # a percentage, but no rate named: nothing to compare
    figures = pt.figures(*sentence)
    if not figures:
        return
    per = params["per"]
    if per is not None:  # a count under 每/平均 is a rate: neither a total nor a part
        figures = [f for f in figures
                   if f.kind != "count" or not per.search(text, max(sentence[0], f.start - _PER_REACH), f.start)]
    last_split = None
    places = [m.start() for m in _QIZHONG.finditer(text, *sentence)]
    for at, total, parts in _splits(figures, places, [_close(text, at, sentence[1]) for at in places]):
        last_split = (total, parts, at)
        if any(f.approx == "about" for f in (total, *parts)):
            continue
        value = sum(f.value for f in parts)
        args = {"total": total.text, "parts": "+".join(f.text for f in parts), "sum": _fmt(value)}
        if total.approx == "" and value > total.value:
            yield _hit(pt, total.start, parts[-1].end, args)
        elif len(parts) > 1 and total.approx == "" and all(f.approx == "" for f in parts) and value != total.value:
            labels = [text[pt.clause_at(f.start)[0]:f.start] for f in parts]
            if any(any(a in x for x in labels) and any(b in x for x in labels) for a, b in params["complements"]):
                yield _hit(pt, total.start, parts[-1].end, args, "split")
    read = {}  # clause start -> its rates and changes, each clause read once (a clause of
    # thousands of percentages would otherwise be read again for each)
    for figure in figures:
        if figure.kind != "percent":
            continue
        clause_start, clause_end = pt.clause_at(figure.start)
        found = read.get(clause_start)
        if found is None:
            clause = text[clause_start:clause_end]
            named = list(rates.finditer(clause))
            changed = list(changes.finditer(clause))
            found = read[clause_start] = (named, [m.end() for m in named], changed, [m.start() for m in changed])
        named, named_ends, changed, changed_starts = found
        at = figure.start - clause_start
        i = bisect_right(named_ends, at) - 1
        rate = named[i] if i >= 0 else None  # the rate named nearest before the figure
        if rate is None:
            continue
        k = bisect_left(changed_starts, rate.end())  # a change stated between the rate and the figure
        if k < len(changed) and changed[k].end() <= at:
            continue
        args = {"rate": rate.group(), "value": figure.text}
        if figure.value > 100:
            yield _hit(pt, clause_start + rate.start(), figure.end, args, "over-100")
        elif last_split and last_split[2] < figure.start and len(last_split[1]) == 1:
            total, (part,) = last_split[0], last_split[1]
            if total.approx or part.approx or not total.value:
                continue
            actual = 100 * part.value / total.value
            if abs(actual - figure.value) > params["tolerance"]:
                args.update(part=part.text, total=total.text, actual=f"{actual:.1f}%")
                yield _hit(pt, clause_start + rate.start(), figure.end, args, "rate")


def _indicators(doc, params, ctx):
    """The key figures against each other: twice with different values, a rate against its counts."""
    specs = ctx.vocabulary.indicators.by_key()
    stated: dict[str, list] = {}
    for indicator in doc.indicators:
        if indicator.approx == "" and indicator.key in specs:
            stated.setdefault(indicator.key, []).append(indicator)

    def name(key):
        return specs[key].name

    def hit(indicator, args, variant):
        return Hit(indicator.line, indicator.column, indicator.end_column, args, variant)

    for key, found in stated.items():
        if not specs[key].single:
            continue
        first = found[0]
        for later in found[1:]:
            if later.value != first.value:
                yield hit(later, {"name": name(key), "value": later.figure, "first": first.figure,
                                  "first_line": first.line}, "twice")
    for key, found in stated.items():
        spec = specs[key]
        if not spec.of:
            continue
        part = _one(stated.get(spec.of))
        if part is None:
            continue
        base_key = next((k for k in spec.over if _one(stated.get(k)) is not None and _one(stated[k]).value), None)
        if base_key is None:
            continue
        base = _one(stated[base_key])
        actual = 100 * part.value / base.value
        for rate in found:
            if abs(actual - rate.value) > params["tolerance"]:
                yield hit(rate, {"name": name(key), "value": rate.figure, "part_name": name(spec.of),
                                 "part": part.figure, "base_name": name(base_key), "base": base.figure,
                                 "actual": f"{actual:.1f}%"}, "indicator-rate")


def _one(found):
    """The one value a key is stated with (its first statement), or None when
    it is not stated or stated with different values."""
    if not found or any(f.value != found[0].value for f in found[1:]):
        return None
    return found[0]


def check(doc, params, ctx):
    ends = set()  # where the rates found wrong within their sentence end: not reported again
    for hit in _in_sentences(doc, params, ctx):
        ends.add((hit.line, hit.end_column))
        yield hit
    for hit in _indicators(doc, params, ctx):
        if (hit.line, hit.end_column) not in ends:
            yield hit


def _in_sentences(doc, params, ctx):
    pt = prose.of_body(doc, ctx.figures)
    done = set()
    text = pt.text
    for place in sorted(m.start() for cue in _CUES for m in cue.finditer(text)):
        sentence = pt.sentence_at(place)
        if sentence is None or sentence in done:
            continue
        done.add(sentence)
        yield from _sentence(pt, sentence, params)
