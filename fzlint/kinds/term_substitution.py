"""term-substitution: a wrong or outdated term (法制宣传教育, 推行法治建设 …) with
the wording to write instead, from rules/terms.yaml (the vocabulary's terms).

Every line the author wrote is read (title, headings, paragraphs, signature),
not web residue. Terms are whole phrases found with one literal scan, the
longest where several start at one place; a phrase inside one of the term's
`not_in` phrases, or inside a 《》 title (the title of an older document keeps
its own wording), is left alone. Each finding carries a fix replacing the
phrase, safe unless the term says `safe: false`."""

from __future__ import annotations

from .. import prose
from ..model import Fix
from . import Hit, _joined

KIND = "term-substitution"
PARAMS: dict = {}
VARIANTS = ("default", "confirm")  # confirm: the term's fix is not safe


def validate(params, vocabulary):
    return None if vocabulary.terms else "rules/terms.yaml lists no terms"


def prepare(params, vocabulary):
    terms = {t.wrong: t for t in vocabulary.terms}
    return {**params, "terms": terms, "pattern": prose.literal_pattern(terms)}


def _in_longer_phrase(text: str, start: int, wrong: str, phrases) -> bool:
    for phrase in phrases:
        offset = phrase.find(wrong)
        while offset >= 0:
            if start >= offset and text.startswith(phrase, start - offset):
                return True
            offset = phrase.find(wrong, offset + 1)
    return False


def check(doc, params, ctx):
    terms, pattern = params["terms"], params["pattern"]
    joined = _joined.of(doc)
    text = joined.text
    for m in pattern.finditer(text):
        term = terms[m.group()]
        start, end = m.span()
        if term.not_in and _in_longer_phrase(text, start, term.wrong, term.not_in):
            continue
        i = joined.line_at(start)
        if _joined.inside_title(text, start, end, *joined.bounds(i)):
            continue
        number, column = joined.position(i, start)
        end_column = column + end - start
        yield Hit(number, column, end_column, {"wrong": term.wrong, "right": term.right, "why": term.why},
                  "default" if term.safe else "confirm", Fix(number, column, end_column, term.right, term.safe))
