"""political-term-form: a fixed political formulation written wrongly
(习近平法制思想, 中国特色社会主义法制体系, 二个维护 …).

Precision comes before recall: an ordinary phrase must never be taken for a
misspelt formulation (全面依法治理 and 四个意见 are fine). So
  * a near miss is one Chinese character wrong, one missing, or two adjacent
    ones swapped, always inside the term: its first and last characters stay
    as they are; punctuation is never counted (a missing 、 is no misspelling);
  * only terms of at least `min_length` characters get such generated near
    misses; shorter ones (两个确立, 四个意识, 全面依法治国) only the misspellings
    listed in `variants`;
  * no place where a term itself or one of the `exceptions` (legitimate
    phrases that are near misses, such as 中国特色社会主义法律体系) stands is
    reported;
  * a term made local is no misspelling: one character of it replaced by
    one of its `localised` forms (依法治国 → 依法治省, 依法治县, 依法治镇, as
    a province, county or township writes it);
  * a near miss that a term of rules/terms.yaml explains (法制政府 in 法治国家、
    法制政府、法治社会一体建设) is left to FZ601, which fixes it;
  * a near miss of a term that is also a title of rules/titles.yaml, standing
    as the name of a title in 《》 (《法治政府建设与责任落实督查工作规定》), is
    left to FZ604 (document-title), which reads every such title.

Near misses are found with one literal scan: every single edit leaves intact
either the term's first half or its second half (the two are split around one
middle character), so those halves are searched for as literal words, and only
the windows where one is found are compared with the term. The finding
carries the term as a fix, marked unsafe (a person should confirm it)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from .. import prose
from ..model import Fix
from ..ruleset import Text
from . import Hit, _joined
from .document_title import names_a_title

KIND = "political-term-form"
PARAMS = {
    "terms": (list, None),
    "variants": (dict, {}),
    "exceptions": (list, []),
    "min_length": (int, 7),
    "localised": (dict, {}),
}
VARIANTS = ("default",)

_PREFIX, _SUFFIX, _VARIANT = "prefix", "suffix", "variant"
_LISTED = Text("常见错误写法", "a common misspelling")


def _hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def validate(params, vocabulary):
    terms = params["terms"]
    if not terms or not all(isinstance(t, str) and len(t) >= 2 for t in terms):
        return "terms: expected a list of formulations (strings of two characters or more)"
    if len(set(terms)) != len(terms):
        return "terms: a formulation is listed twice"
    for variant, term in params["variants"].items():
        if term not in terms:
            return f"variants.{variant}: {term!r} is not one of terms"
        if variant in terms or variant == term:
            return f"variants.{variant}: a variant cannot be a term itself"
    for i, phrase in enumerate(params["exceptions"]):
        if not isinstance(phrase, str) or not phrase or phrase in terms:
            return f"exceptions[{i}]: expected a legitimate phrase that is not one of terms"
    if params["min_length"] < 5:
        return "min_length: expected 5 or more (shorter terms need listed variants)"
    return None


def prepare(params, vocabulary):
    anchors: dict[str, list[tuple[str, str]]] = {}
    for term in params["terms"]:
        if len(term) >= params["min_length"]:
            middle = (len(term) - 1) // 2
            anchors.setdefault(term[:middle], []).append((_PREFIX, term))
            anchors.setdefault(term[middle + 1:], []).append((_SUFFIX, term))
    for variant, term in params["variants"].items():
        anchors.setdefault(variant, []).append((_VARIANT, term))
    by_first: dict[str, list[str]] = {}
    for word in sorted(anchors, key=len):
        by_first.setdefault(word[0], []).append(word)
    protected = frozenset(params["terms"]) | frozenset(params["exceptions"])
    return {
        **params,
        "anchors": anchors,
        "by_first": by_first,
        "protected": protected,
        # One scan finds both the anchors and the places where a term or an
        # exception stands (the longest word wins where several start).
        "pattern": prose.literal_pattern(set(anchors) | protected),
        "explained": tuple((t.wrong, t.right) for t in vocabulary.terms),
        "titled": frozenset(params["terms"]) & frozenset(vocabulary.titles),
        "title_prefix": vocabulary.title_prefix,
    }


def near_miss(term: str, found: str, fixed_ends: bool = True) -> Text | None:
    """How found misspells term (one character wrong or missing, two swapped), or
    None when it is not such a near miss. With fixed_ends, the first and last
    characters must be the term's and every edit must fall between them."""
    if found == term:
        return None
    n, k = len(term), len(found)
    if fixed_ends and (found[0] != term[0] or found[-1] != term[-1]):
        return None
    lo, hi = (1, n - 2) if fixed_ends else (0, n - 1)
    if k == n:
        diffs = [i for i in range(n) if found[i] != term[i]]
        i = diffs[0]
        if not lo <= i <= hi:
            return None
        if len(diffs) == 1 and _hanzi(term[i]) and _hanzi(found[i]):
            return Text(f"“{found[i]}”应为“{term[i]}”", f"“{found[i]}” should be “{term[i]}”")
        if (len(diffs) == 2 and diffs[1] == i + 1 and i + 1 <= hi and found[i] == term[i + 1]
                and found[i + 1] == term[i] and _hanzi(term[i]) and _hanzi(term[i + 1])):
            return Text(f"“{found[i:i + 2]}”前后颠倒", f"“{found[i:i + 2]}” is swapped")
        return None
    if k == n - 1:
        i = next((j for j in range(k) if found[j] != term[j]), k)
        if found[i:] != term[i + 1:]:
            return None
        while i > hi and term[i - 1] == term[i]:  # a doubled character: the earlier one is missing
            i -= 1
        if lo <= i <= hi and _hanzi(term[i]):
            return Text(f"漏了“{term[i]}”", f"“{term[i]}” is missing")
    return None


def _scan(text: str, params):
    """(the places that may be near misses of a term, as (start, end, term,
    fixed_ends), overlaps included; the spans where a term or an exception
    stands). A window that does not begin and end with its term's first and
    last characters is no near miss and is left out here."""
    anchors, by_first, protected, pattern = params["anchors"], params["by_first"], params["protected"], params["pattern"]
    candidates, spans = [], []
    m = pattern.search(text)
    while m:
        place = m.start()
        if m.group() in protected:
            # Anything found inside would overlap it: go on after it.
            spans.append(m.span())
            m = pattern.search(text, m.end())
            continue
        for word in by_first.get(text[place], ()):
            if not text.startswith(word, place):
                continue
            for role, term in anchors[word]:
                n = len(term)
                if role == _VARIANT:
                    candidates.append((place, place + len(word), term, False))
                elif role == _PREFIX:
                    last = term[-1]
                    if text[place + n - 1:place + n] == last:
                        candidates.append((place, place + n, term, True))
                    if text[place + n - 2:place + n - 1] == last:
                        candidates.append((place, place + n - 1, term, True))
                else:
                    end = place + len(word)
                    first = term[0]
                    if end >= n and text[end - n] == first:
                        candidates.append((end - n, end, term, True))
                    if end >= n - 1 and text[end - n + 1] == first:
                        candidates.append((end - n + 1, end, term, True))
        m = pattern.search(text, place + 1)
    return candidates, spans


class _Spans:
    """Whether [start, end) overlaps any of the spans: a binary search over the
    spans by start, with the furthest end reached so far (spans may nest)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start


def _localised(term: str, found: str, localised: dict) -> bool:
    """Whether found is term with one character replaced by a local form of it."""
    if len(found) != len(term):
        return False
    diffs = [i for i, (a, b) in enumerate(zip(term, found)) if a != b]
    return len(diffs) == 1 and found[diffs[0]] in localised.get(term[diffs[0]], ())


def check(doc, params, ctx):
    explained, localised = params["explained"], params["localised"]
    titled, prefix = params["titled"], params["title_prefix"]
    joined = _joined.of(doc)
    text = joined.text
    candidates, protected = _scan(text, params)
    if not candidates:
        return  # the usual case
    overlaps = _Spans(protected)
    found = {}
    for start, end, term, fixed_ends in candidates:
        if end > len(text) or (start, end) in found or overlaps(start, end):
            continue
        if localised and _localised(term, text[start:end], localised):
            continue
        how = near_miss(term, text[start:end], fixed_ends)
        if how is None and not fixed_ends:  # a listed variant further from its term
            how = _LISTED
        if how is not None:
            found[(start, end)] = (term, how)
    taken_end = -1
    for (start, end), (term, how) in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
        if start < taken_end:
            continue
        written = text[start:end]
        if term in titled and names_a_title(text, start, end, prefix):
            continue  # FZ604 reports (and fixes) this title
        i = joined.line_at(start)
        if any(wrong in written and written.replace(wrong, right) == term for wrong, right in explained) \
                and not _joined.inside_title(text, start, end, *joined.bounds(i)):
            continue  # FZ601 reports (and fixes) this one
        taken_end = end
        number, column = joined.position(i, start)
        end_column = column + end - start
        yield Hit(number, column, end_column, {"found": written, "term": term, "how": how},
                  fix=Fix(number, column, end_column, term, safe=False))
