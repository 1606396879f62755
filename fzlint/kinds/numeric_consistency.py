"""numeric-consistency: figures in one sentence that contradict each other.

* 其中: the parts after 其中 (consecutive counts with the unit of the first)
  against the total before it (the nearest count with that unit): more than
  the total is wrong; parts that split the total completely (a pair of
  `complements` such as 专职/兼职) must add up to it exactly.
* a share or rate (`rates`, e.g. 办结率, 满意度) above 100%;
* a rate stated after a 其中 split with one part, against the part over the
  total: |Y/X − Z| above `tolerance` percentage points.
Approximate figures (近, 约, 左右) are not compared; lower bounds (余, 多, 超)
only count against a total that is exact.
"""

from __future__ import annotations

import re

from .. import prose
from . import Hit

KIND = "numeric-consistency"
PARAMS = {"rates": (str, None), "changes": (str, None), "complements": (list, []), "tolerance": (float, 0.5)}
VARIANTS = ("default", "split", "over-100", "rate")
_CUES = re.compile("其中|[%％]")  # only sentences with a split or a percentage can contradict themselves


def validate(params, vocabulary):
    for key in ("rates", "changes"):
        try:
            re.compile(params[key])
        except re.error as exc:
            return f"{key}: bad regular expression: {exc}"
    if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
               for p in params["complements"]):
        return "complements: expected a list of word pairs, e.g. [专职, 兼职]"
    return None


def _fmt(value: float) -> str:
    return f"{value:g}"


def _split(sentence, at: int):
    """(total, parts) for the 其中 at column `at`, or None."""
    after = [f for f in sentence.figures if f.column > at]
    if not after or after[0].kind != "count":
        return None
    unit = after[0].unit
    parts = []
    for figure in after:
        if figure.kind != "count" or figure.unit != unit:
            break
        parts.append(figure)
    before = [f for f in sentence.figures if f.end_column <= at and f.kind == "count" and f.unit == unit]
    if not before:
        return None
    return before[-1], parts


def _labels(sentence, parts):
    out = []
    for figure in parts:
        clause = next(c for c in sentence.clauses if c.column <= figure.column < c.end_column)
        out.append(clause.text[: figure.column - clause.column])
    return out


def check(doc, params, ctx):
    rates = re.compile(params["rates"])
    changes = re.compile(params["changes"])
    paragraphs = [p for p in prose.body_paragraphs(doc) if _CUES.search(p.text)]
    for sentence in prose.sentences_of(doc, paragraphs, ctx.figures):
        if not sentence.figures or not _CUES.search(sentence.text):
            continue
        last_split = None
        for m in re.finditer("其中", sentence.text):
            at = sentence.column + m.start()
            found = _split(sentence, at)
            if not found:
                continue
            total, parts = found
            last_split = (total, parts, at)
            if any(f.approx == "about" for f in (total, *parts)):
                continue
            value = sum(f.value for f in parts)
            args = {"total": total.text, "parts": "+".join(f.text for f in parts), "sum": _fmt(value)}
            end = parts[-1]
            if total.approx == "" and value > total.value:
                yield Hit(sentence.line, total.column, end.end_column, args)
            elif len(parts) > 1 and total.approx == "" and all(f.approx == "" for f in parts) and value != total.value:
                labels = _labels(sentence, parts)
                if any(any(a in x for x in labels) and any(b in x for x in labels) for a, b in params["complements"]):
                    yield Hit(sentence.line, total.column, end.end_column, args, "split")
        for clause in sentence.clauses:
            for figure in clause.figures:
                if figure.kind != "percent":
                    continue
                head = clause.text[: figure.column - clause.column]
                named = list(rates.finditer(head))
                rate = named[-1] if named else None  # the rate named nearest before the figure
                if rate is None or changes.search(head[rate.end():]):
                    continue
                args = {"rate": rate.group(), "value": figure.text}
                if figure.value > 100:
                    yield Hit(sentence.line, clause.column + rate.start(), figure.end_column, args, "over-100")
                elif last_split and last_split[2] < figure.column and len(last_split[1]) == 1:
                    total, (part,) = last_split[0], last_split[1]
                    if total.approx or part.approx or not total.value:
                        continue
                    actual = 100 * part.value / total.value
                    if abs(actual - figure.value) > params["tolerance"]:
                        args.update(part=part.text, total=total.text, actual=f"{actual:.1f}%")
                        yield Hit(sentence.line, clause.column + rate.start(), figure.end_column, args, "rate")
