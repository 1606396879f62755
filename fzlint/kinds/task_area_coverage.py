"""task-area-coverage: the task areas of a menu (rules/areas.yaml: the 纲要's,
or a city's own given as the `areas` parameter) that the parts of the listed
roles never touch, i.e. whose keywords none of their headings and paragraphs
uses. One finding per document, at the first such part, naming the areas.
Parts whose paragraphs hold fewer than `min_chars` characters are too short
to be judged area by area (a sketch; a thin part is FZ105's).

A report on a year before the menu's `since` is not judged by it. The review
page and `fzlint outline` show the same coverage (coverage(); the outline
also each heading's own, AreaMenu.touched(text_of(section))).
"""

from __future__ import annotations

from .. import prose
from ..model import Document, Section
from ..ruleset import AreaMenu, RuleSetError, Text, areas_of
from . import validate_roles
from ._spans import heading_hit

KIND = "task-area-coverage"
PARAMS = {"roles": (list, ["measures", "duties"]), "areas": (list, []), "source": (str, ""), "min_chars": (int, 300)}
VARIANTS = ("default",)

_CONFIGURED = Text("所列任务清单", "the configured menu of task areas")


def validate(params, vocabulary):
    if params["min_chars"] < 0:
        return "min_chars: expected a number of characters (0 or more)"
    return validate_roles(params["roles"], vocabulary)


def prepare(params, vocabulary):
    """The menu to check against, as params["menu"]: the vocabulary's
    (areas.yaml), or the one the parameters give, which applies to any year."""
    menu = vocabulary.areas
    if params["areas"]:
        try:
            areas = areas_of(params["areas"], "areas", user=True)
        except RuleSetError as exc:
            raise ValueError(str(exc)) from None
        menu = AreaMenu(_CONFIGURED, areas)
    if params["source"]:
        menu = AreaMenu(Text(params["source"], params["source"]), menu.areas, menu.since)
    return {**params, "menu": menu}


def text_of(section: Section) -> str:
    """A part's headings and paragraphs, its own heading too (一、健全行政执法
    工作体系 names its area), one a line so that no keyword spans two."""
    pieces = []
    for s in section.walk():
        pieces.append(s.heading.title)
        pieces.extend(p.text for p in s.paragraphs)
    return "\n".join(pieces)


def coverage(doc: Document, params, finder) -> tuple[list[Section], list | None]:
    """(the parts of the roles, the menu's areas none of them touches, or None
    when they are too short to be judged, or there are none); computed
    once a document (the review page asks again after the rule). The parts'
    paragraphs are taken where the FZ4 rules read them, from the body's text
    (prose.spans_of, made once for them all; a closing 下一步 paragraph is the
    plan's), after their headings (a topic part's heading names its area, and
    is then found at once)."""
    menu: AreaMenu = params["menu"]
    key = (KIND, tuple(params["roles"]), id(menu))
    found = doc.derived.get(key)
    if found is None:
        parts = [p for p in doc.sections if p.role in params["roles"]]
        pt, runs = prose.spans_of(doc, params["roles"], finder)
        # One string, the headings first: each area is one search, ended by its first keyword.
        text = pt.text
        scan = "\n".join([s.heading.title for part in parts for s in part.walk()] + [text[b:e] for b, e in runs])
        # An account too short to judge area by area (a sketch, a thin part: FZ105's) is not judged.
        judged = sum(e - b for b, e in runs) >= params["min_chars"]
        missing = [a for a in menu.areas if not a.pattern.search(scan)] if judged else None
        found = doc.derived[key] = (parts, missing)
    return found


def judged(doc: Document, params) -> bool:
    """Whether the menu applies to the report's year (unknown: it does)."""
    since = params["menu"].since
    return not (since and doc.report_year and doc.report_year < since)


def check(doc, params, ctx):
    if not judged(doc, params):
        return
    parts, missing = coverage(doc, params, ctx.figures)
    if not missing:
        return
    first = next((p for p in parts if p.role == params["roles"][0]), parts[0])
    present = {p.role for p in parts}  # the roles the report has parts of: only those are named
    names = [ctx.vocabulary.roles[r].name for r in params["roles"] if r in present]
    yield heading_hit(first, {"title": first.title, "count": len(missing), "source": params["menu"].source,
                              "roles": Text(_listed([f"“{n.zh}”" for n in names], "、", "和"),
                                            _listed([n.en for n in names], ", ", " and ")),
                              "areas": Text("、".join(a.name.zh for a in missing),
                                            "; ".join(a.name.en for a in missing))})


def _listed(items: list[str], comma: str, last: str) -> str:
    """甲、乙和丙 / a, b and c."""
    return items[0] if len(items) == 1 else comma.join(items[:-1]) + last + items[-1]
