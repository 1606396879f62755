"""document-title: a title inside 《》 (or 〈〉 nested in one) that nearly
matches the title of a known law or document but is none of them
(《法制政府建设实施纲要》, 《法治政府建设与责任落实督查工作规定》,
《法治中国建设规划（2021—2025年）》), from rules/titles.yaml (the vocabulary's
titles) and the rule's own `titles`.

A title is read as [prefix] name [（note）]: the prefix (中华人民共和国) is
optional, and a bracket at the end is either a year range (（2021—2025年）, in
any bracket and dash form, or with the dash lost) or a note (（2021年修订）,
（试行）) that is not compared. Then
  * a known name with no year range, a known version's year range, or a note is
    right (《宪法》, 《中华人民共和国宪法》, 《法治政府建设实施纲要》 as a short
    citation, 《行政处罚法（2021年修订）》);
  * a known name with a year range of no version of it is reported (variant
    years): 《法治中国建设规划（2021—2025年）》 is of 2020—2025; the nearest
    version is offered, never applied (the name may be the slip instead);
  * a year range's dash (2021-2025年, 2021~2025年, 20212025年) is FZ507's
    (year-range), ASCII brackets FZ501's: neither is this kind's;
  * an unknown name is a near miss of a known one when a wrong term of
    rules/terms.yaml (FZ601's, which leaves titles alone) explains it
    (法制政府 → 法治政府), or when, first and last characters the same, it is
    one edit away (a character wrong, missing or extra, two adjacent ones
    swapped), or two edits for names of ten characters or more, where two
    edits never touch neighbouring characters: replacing, adding or dropping a
    two-character word makes another document (法治社会/法治政府, 实施方案/实施纲要,
    a place name before the name), not a slip. Names shorter than `min_length`
    are never compared this way (《人民调解法》 and 《行政复议法》 are different
    laws). One nearest title: reported with it as a safe fix; several: reported
    with them, no fix (variant ambiguous).

A title whose years are of no version is not reported when the words right
before its 《 name a local issuer (`local_issuers`: 省委、省政府《法治政府建设
实施纲要（2016—2020年）》, 某市人民政府印发的《……》): provinces and cities issued
outlines of the same name for their own periods, which the central versions'
periods say nothing about. 贯彻《……》 and 中共中央、国务院《……》 are still checked.

Cost: one scan for 《 over the lines the author wrote; a title is looked up
in a dict, and only an unknown one is compared, with the known names that
begin and end with its characters and are of similar length. Each distinct
title is judged once (up to 4,096 of them are remembered)."""

from __future__ import annotations

from typing import NamedTuple

from .. import prose
from ..model import Fix
from . import Hit, _joined
from .. import recache

KIND = "document-title"
PARAMS = {
    "titles": (list, []),
    "min_length": (int, 6),
    "local_issuers": (list, []),
    "issued_by": (list, []),
}
VARIANTS = ("default", "ambiguous", "years")

_TITLE = recache.compile(r"《([^《》\n]{1,120})》")
_NESTED = recache.compile(r"〈([^〈〉《》\n]{1,120})〉")
_BRACKET = recache.compile(r"[（(]([^（）()]*)[）)]$")
_RANGE = recache.compile(r"\s*([0-9]{4})\s*年?\s*([—–\-－~～―─至]{0,2})\s*([0-9]{4})\s*年?\s*")
_DASH = "—"
_SPACE = recache.compile(r"\s")
_TWO_EDITS = 10  # names of this many characters or more may be two edits away
_MEMO_SIZE = 4096
_UNSEEN = object()


class _Parts(NamedTuple):
    written: str  # the prefix as written, or ""
    name: str
    bracket: str | None  # the closing bracket as written: a year range or a note
    years: tuple[str, str] | None  # the year range's first and last year
    span: tuple[int, int]  # [start, end) of the year range (digits to 年) in the content


def _split(content: str, prefix: str) -> _Parts:
    written = prefix if prefix and content.startswith(prefix) and len(content) > len(prefix) else ""
    body = content[len(written):]
    bracket = _BRACKET.search(body)
    if bracket and bracket.start() > 0:
        m = _RANGE.fullmatch(bracket.group(1))
        name = body[:bracket.start()]
        if m:
            at = len(written) + bracket.start(1)
            return _Parts(written, name, bracket.group(), (m.group(1), m.group(3)), (at + m.start(1), at + m.end()))
        return _Parts(written, name, bracket.group(), None, (0, 0))
    return _Parts(written, body, None, None, (0, 0))


def _bracket(years) -> str:
    return f"（{years[0]}{_DASH}{years[1]}年）"


def validate(params, vocabulary):
    if not all(isinstance(t, str) and t.strip() and not set(t) & set("《》\n") for t in params["titles"]):
        return "titles: expected a list of titles as 《》 holds them, without the marks"
    if params["min_length"] < 4:
        return "min_length: expected 4 or more (shorter names are different laws, not slips)"
    if not vocabulary.titles and not params["titles"]:
        return "rules/titles.yaml lists no titles"
    for key in ("local_issuers", "issued_by"):
        if not all(isinstance(w, str) and w.strip() for w in params[key]):
            return f"{key}: expected a list of words"
    return None


def prepare(params, vocabulary):
    prefix = vocabulary.title_prefix
    versions: dict[str, set] = {}  # name -> its year ranges (None: cited without one)
    for title in (*vocabulary.titles, *params["titles"]):
        parts = _split(title.strip(), prefix)
        versions.setdefault(parts.name, set()).add(parts.years)
    by_ends: dict[tuple[str, str], list[str]] = {}
    for name in versions:
        if len(name) >= params["min_length"]:
            by_ends.setdefault((name[0], name[-1]), []).append(name)
    return {
        **params,
        "prefix": prefix,
        "versions": versions,
        "by_ends": by_ends,
        "explained": tuple((t.wrong, t.right) for t in vocabulary.terms),
        "local": _local_pattern(params),
        # content -> verdict: the same titles (《宪法》, 《民法典》 …) recur in every
        # report of a batch; bounded, and a pure function of the content
        "memo": {},
    }


_ISSUER_WINDOW = 24  # characters before a 《 read for a local issuer


def _local_pattern(params):
    """A local issuer (and a verb of issuing) that ends the text before a 《."""
    issuers = params["local_issuers"]
    if not issuers:
        return None
    verbs = params["issued_by"]
    verb = f"(?:{prose.literal_pattern(verbs).pattern})?" if verbs else ""
    return recache.compile(f"(?:{prose.literal_pattern(issuers).pattern}){verb}\\Z")


def _single(x: str, y: str) -> bool:
    """Whether x becomes y by one edit: a character replaced, dropped or added,
    or two adjacent ones swapped."""
    lx, ly = len(x), len(y)
    if lx + ly == 1:
        return True
    if lx == ly == 1:
        return x != y
    return lx == ly == 2 and x == y[::-1] and x[0] != x[1]


_EDITS = ((1, 1), (1, 0), (0, 1), (2, 2))


def edits(known: str, found: str, most: int) -> int | None:
    """How many edits make found out of known (at most `most`, at most two),
    two never on neighbouring characters; None when more."""
    n = min(len(known), len(found))
    p = 0
    while p < n and known[p] == found[p]:
        p += 1
    s = 0
    while s < n - p and known[-1 - s] == found[-1 - s]:
        s += 1
    a, b = known[p:len(known) - s], found[p:len(found) - s]
    if not a and not b:
        return 0
    if _single(a, b):
        return 1
    if most < 2:
        return None
    for i1, j1 in _EDITS:
        if not _single(a[:i1], b[:j1]):
            continue
        for i2, j2 in _EDITS:
            middle = a[i1:len(a) - i2]
            if middle and middle == b[j1:len(b) - j2] and _single(a[len(a) - i2:], b[len(b) - j2:]):
                return 2
    return None


def _nearest(name: str, params) -> list[str]:
    """The known names nearest to an unknown one (none when none is near)."""
    versions = params["versions"]
    explained = {fixed for w, r in params["explained"] if w in name for fixed in (name.replace(w, r),)
                 if fixed in versions}
    if explained:
        return sorted(explained)
    if len(name) < params["min_length"]:
        return []
    best, found = 3, []
    for known in params["by_ends"].get((name[0], name[-1]), ()):
        if abs(len(known) - len(name)) > 2:
            continue
        k = edits(known, name, 2 if len(known) >= _TWO_EDITS else 1)
        if k is None or k > best:
            continue
        if k < best:
            best, found = k, []
        found.append(known)
    return sorted(found)


def _closest_version(years, known) -> tuple | None:
    """The one known year range nearest to years (by differing digits), or None."""
    ranges = [v for v in known if v]
    if not ranges:
        return None
    written = years[0] + years[1]

    def distance(v):
        return sum(x != y for x, y in zip(written, v[0] + v[1]))

    ranked = sorted(ranges, key=distance)
    return ranked[0] if len(ranked) == 1 or distance(ranked[0]) < distance(ranked[1]) else None


def _range(years) -> str:
    return f"{years[0]}{_DASH}{years[1]}年"


class Verdict(NamedTuple):
    variant: str
    args: dict
    right: str  # the title as it should be (for the message), or ""
    fix: tuple[int, int, str] | None  # [start, end) in the content and its replacement: only
    # what is wrong (the name, the year range), never the brackets, which FZ501 may be fixing
    safe: bool = True


def judge(content: str, params) -> Verdict | None:
    """What is wrong with a title's content, or None when nothing is."""
    if _SPACE.search(content):
        return None
    versions = params["versions"]
    parts = _split(content, params["prefix"])
    written, name, years = parts.written, parts.name, parts.years
    if not name:
        return None
    known = versions.get(name)
    if known is not None:
        if years is None or years in known or None in known and len(known) == 1:
            return None
        closest = _closest_version(years, known)
        args = {"name": name, "periods": "、".join(_range(v) for v in sorted(v for v in known if v))}
        if closest is None:
            return Verdict("years", args, "", None, False)
        return Verdict("years", args, written + name + _bracket(closest), (*parts.span, _range(closest)), False)
    nearest = _nearest(name, params)
    if not nearest:
        return None
    if len(nearest) > 1:
        return Verdict("ambiguous", {"candidates": "".join(f"《{n}》" for n in nearest)}, "", None, False)
    [right] = nearest
    start, end = len(written), len(written) + len(name)
    if years is None:
        return Verdict("default", {}, written + right + (parts.bracket or ""), (start, end, right))
    closest = years if years in versions[right] else _closest_version(years, versions[right])
    if closest is None or closest == years:  # (a dash of the years' own is FZ507's)
        return Verdict("default", {}, written + right + parts.bracket, (start, end, right))
    # the years too: one edit from the name to the year range, the bracket kept as written
    between = content[end:parts.span[0]]
    return Verdict("default", {}, written + right + _bracket(closest),
                   (start, parts.span[1], right + between + _range(closest)))


def names_a_title(text: str, start: int, end: int, prefix: str = "") -> bool:
    """Whether text[start:end] stands as the name of a title in 《》 or 〈〉
    (after the marks or the prefix, before the closing mark or a bracket), which
    this kind reads."""
    before = text[start - 1:start] in ("《", "〈") or bool(prefix) and (
        text.endswith("《" + prefix, 0, start) or text.endswith("〈" + prefix, 0, start))
    return before and text[end:end + 1] in ("》", "〉", "（", "(")


def _titles(text: str):
    """(start, end) of each 《》 title's content, and of each 〈〉 one inside it."""
    for m in _TITLE.finditer(text):
        yield m.span(1)
        if "〈" in m.group(1):
            offset = m.start(1)
            for n in _NESTED.finditer(m.group(1)):
                yield offset + n.start(1), offset + n.end(1)


def check(doc, params, ctx):
    joined = _joined.of(doc)
    text = joined.text
    if "《" not in text:
        return
    memo, local = params["memo"], params["local"]
    for start, end in _titles(text):
        content = text[start:end]
        verdict = memo.get(content, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = judge(content, params)
            if len(memo) < _MEMO_SIZE:
                memo[content] = verdict
        if verdict is None:
            continue
        if verdict.variant == "years" and local is not None and local.search(
                text, max(0, start - 1 - _ISSUER_WINDOW), start - 1):
            continue  # a province's or a city's outline of its own period
        i = joined.line_at(start)
        number, column = joined.position(i, start)
        fix = None
        if verdict.fix:
            first, last, replacement = verdict.fix
            fix = Fix(number, column + first, column + last, replacement, verdict.safe)
        args = {**verdict.args, "found": content, "right": verdict.right}
        yield Hit(number, column - 1, column + end - start + 1, args, verdict.variant, fix)
