"""heading-run-on: a heading of the listed levels whose phrase (up to the
first 。！？ or the end of the line) is longer than max_chars: its 。 is
missing and the body ran into it.

A numbered paragraph is no heading run into its body: an item that is all
narrative has no heading phrase to end with 。 (（二）2022年11月7日，我镇召开……;
（一）深入贯彻落实《……规定》和《……细则》文件精神，成立……委员会，……). It is
told by its opening (`narrative`: a date, a subject such as 我镇 or 我局) or by a
first clause (up to the first ，；：) longer than max_phrase that the sentence
goes on after, with nothing inside it (outside 《》) that a body begins with
(`body_words`: 我镇, 区长, 全年 …), which would show where a heading phrase
ended (一、加强组织领导我镇成立了……, still a heading run into its body).

Nor is a long heading that names what its part reports (`named_by`: it ends
in 情况, as the regulation's own item does: （一）深入学习贯彻习近平法治思想，……，
加强法治政府建设等情况。一是……) with no body word and no count in it: its
phrase is whole, ended where a heading ends, however long."""

from __future__ import annotations

from . import Hit, any_of
from .. import recache
from ..prose import paired_only

KIND = "heading-run-on"
PARAMS = {"levels": (list, [1, 2]), "max_chars": (int, 50), "max_phrase": (int, 40),
          "narrative": (list, []), "body_words": (list, []), "named_by": (list, [])}
VARIANTS = ("default",)

_CLAUSE_END = recache.compile(r"[，,；;：:]")
_TITLE = recache.compile(r"《[^》]*》")
# A count, which a heading phrase does not give (3次, 46卷, 12个): the body's.
_COUNT = recache.compile(r"\d+\s*(?:次|件|场|个|人|期|份|家|项|条|名|户|卷|余|万|多)")


def prepare(params):
    named = params["named_by"]
    return {**params, "narrative": any_of(params["narrative"]), "body_words": any_of(params["body_words"]),
            "named_by": recache.compile("(?:" + "|".join(named) + r")\s*$") if named else None}


def check(doc, params, ctx):
    for section in doc.headings():
        h = section.heading
        if (section.level in params["levels"] and len(h.title) > params["max_chars"]
                and not _narrative(h.title, params) and not _named(h.title, params)):
            yield Hit(h.number, h.column, h.title_column + len(h.title),
                      {"chars": len(h.title), "max": params["max_chars"], "start": h.title[:12]})


def _named(title: str, params) -> bool:
    """Whether a long heading phrase names what its part reports (ends in
    `named_by`) with no body word and no count in it: a whole heading."""
    named, body_words = params["named_by"], params["body_words"]
    if named is None or not named.search(title):
        return False
    text = _TITLE.sub(lambda m: "\ue000" * len(m.group()), paired_only(title))
    return not _COUNT.search(text) and not (body_words and body_words.search(text))


def _narrative(title: str, params) -> bool:
    """Whether a long numbered item is a paragraph of narrative, not a heading
    whose phrase ran into its body."""
    narrative, body_words = params["narrative"], params["body_words"]
    if narrative and narrative.match(title):
        return True
    end = _CLAUSE_END.search(title)
    if end is None or end.start() <= params["max_phrase"]:
        return False
    # a cited title's words are no body (marks left open made inert first: linear time)
    clause = _TITLE.sub(lambda m: "\ue000" * len(m.group()), paired_only(title[:end.start()]))
    return not (body_words and body_words.search(clause, 1))
