"""obsolete-reference: a reference outdated for the report year (《信访条例》 after
2022, “七五”普法 or the 2015—2020 纲要 as current after 2020, 党的十九大精神 after
2022 …), or one that did not exist yet (习近平法治思想 in a report on 2019), from
rules/obsolete.yaml (the vocabulary's references).

A reference with `since` fires when the report year is that year or later, one
with `before` when the report year is earlier; with no report year there is no
finding. A reference whose `unless` pattern is found in the same sentence is a
retrospective (总结“七五”普法的成果) and is left alone. Every line the author wrote
is read, not web residue."""

from __future__ import annotations

from . import Hit, _joined

KIND = "obsolete-reference"
PARAMS: dict = {}
VARIANTS = ("default", "anachronism")
_SENTENCE_ENDS = "。！？；!?;\n"
_OPENING, _CLOSING = "“\"‘「", "”\"’」"


def validate(params, vocabulary):
    return None if vocabulary.references else "rules/obsolete.yaml lists no references"


def prepare(params, vocabulary):
    return {**params, "references": vocabulary.references}


def _rest_of_sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], without that span."""
    first = max(text.rfind(ch, 0, start) for ch in _SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(ch, end) for ch in _SENTENCE_ENDS) if i >= 0]
    return text[first:start] + "\n" + text[end:min(ends) + 1 if ends else len(text)]


def check(doc, params, ctx):
    year = doc.report_year
    if not year:
        return
    active = [r for r in params["references"] if (year < r.year if r.before else year >= r.year)]
    if not active:
        return
    joined = _joined.of(doc)
    text = joined.text
    for ref in active:
        for m in ref.pattern.finditer(text):
            start, end = m.span()
            if start and text[start - 1] in _OPENING and any(ch in m.group() for ch in _CLOSING):
                start -= 1  # “七五”普法: the opening quote belongs to the reference
            if ref.unless is not None and ref.unless.search(_rest_of_sentence(text, start, end)):
                continue
            number, column = joined.locate(start)
            found = text[start:end].replace("“", "‘").replace("”", "’")  # quoted inside the message's “”
            args = {"found": found, "year": year, "current": ref.current, "why": ref.why}
            yield Hit(number, column, column + end - start, args, "anachronism" if ref.before else "default")
