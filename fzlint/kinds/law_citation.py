"""law-citation: a law, regulation or programme document (`names`: 宪法, 民法典,
行政处罚法 …) cited by name without 书名号. The span is the name, with the
`prefix` (中华人民共和国) written before it and a year range or a draft's note in
brackets written after it (法治政府建设实施纲要（2021—2025年）, 社会救助法（草案）),
since both belong inside the marks;
the fix wraps that span in 《》, and drops a 顿号 between it and the next title
(宪法、民法典 → 《宪法》《民法典》), as titles in 《》 need none between them.

Not reported: a name inside 《》 or 〈〉 already, or inside quotes (“” ‘’ 「」 or
ASCII double quotes); a name followed by one of `not_followed_by`, which turns
it into the name of an event or activity (宪法宣传周, 民法典进万家) or a concept
(宪法精神, 宪法意识, 宪法和法律), or shows that the name's last 法 begins another
word (安全生产法律法规, 禁毒法治教育, 行政处罚法定原则); but a name followed by
one of `cited_when_followed_by` is a citation all the same (行政处罚法规定, which
would otherwise read as 法规). A name after one of `not_preceded_by` (现行宪法)
is the institution, not the text.

Two more shapes name a law as a subject rather than cite its text:
- A name of `subjects` (宪法, 民法典: the fundamental law and the code, which
  drafts and campaigns name as subjects) after one of `subject_preceded_by`:
  the oath 忠于宪法、遵守宪法、维护宪法, 学习宪法, 学习民法典. Other names stay
  citations there (学习行政处罚法 cites the law).
- A name coordinated (、 及 和 与 以及, in `joined_by`) with a next name that is
  an event or concept by `not_followed_by` shares its reading: in 宪法及民法典宣传
  and 宪法、民法典宣传月 both are the subject of the campaign. A list closed by
  等法律法规 is not such a coordination: 宣传宪法、民法典、禁毒法等法律法规 cites.
- A name of `subjects` listed (、) after an item that is no law, and the
  subjects listed right after it: in 将习近平法治思想、宪法、民法典纳入学习重点
  they are items of study beside a body of thought. A list that begins with
  a law (宣传宪法、民法典等法律法规) cites.
- A name of `levels` (宪法: the top of the hierarchy of legal norms) listed or
  ranged (`joined_by`, `ranged_by`) with another level (`level_words`: 法律,
  行政法规, 地方性法规, 规章 …) names a kind of law, not the document: 从宪法到
  行政法规, 宪法、法律、行政法规, 行政法规和宪法. The level must be the whole
  word (宪法、法律援助法 cites two laws); 依据宪法第三十三条 and 根据宪法和
  行政处罚法的规定 still cite.

- A name of `subjects` (or several joined by `joined_by`) framed by a pair
  of `subject_framed_by` ((以, 为)): 以宪法为核心的法治宣传教育, 以宪法为根本
  遵循, 以宪法、民法典为重点 name the law as such, not its text. 以宪法第五条
  为依据 cites an article, and stays a citation.

Read: body paragraphs (with the run-in bodies of headings) and heading
phrases; not the title, the back matter or web residue."""

from __future__ import annotations

import re

from .. import prose
from ..model import Fix
from . import Hit
from .. import recache

KIND = "law-citation"
PARAMS = {
    "names": (list, None),
    "prefix": (str, ""),
    "not_followed_by": (list, []),
    "cited_when_followed_by": (list, []),
    "not_preceded_by": (list, []),
    "subjects": (list, []),
    "subject_preceded_by": (list, []),
    "joined_by": (list, []),
    "levels": (list, []),
    "level_words": (list, []),
    "ranged_by": (list, []),
    "subject_framed_by": (list, []),
}
VARIANTS = ("default",)

# A bracketed year range after a name: （2021—2025年）, (2021-2025年); or a
# bracketed note that the text is a draft: （草案）, (修订草案), （征求意见稿）.
_YEARS = recache.compile(r"[（(][ \t]*[0-9０-９]{4}[ \t]*[—–\-－~～至]{1,2}[ \t]*[0-9０-９]{4}[ \t]*年?[ \t]*[）)]")
_DRAFT = recache.compile(r"[（(](?:修订|修正)?(?:草案|征求意见稿)(?:征求意见稿)?[）)]")
# Marks that enclose a name: (opening, closing). Where both are the same
# character (ASCII "), an odd count before the name means it is open.
_ENCLOSING = (("《", "》"), ("〈", "〉"), ("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))


def validate(params, vocabulary):
    for key in ("names", "not_followed_by", "cited_when_followed_by", "not_preceded_by",
                "subjects", "subject_preceded_by", "joined_by", "levels", "level_words", "ranged_by"):
        if not all(isinstance(w, str) and w.strip() for w in params[key]):
            return f"{key}: expected a list of words"
    if not params["names"]:
        return "names: expected at least one name"
    for pair in params["subject_framed_by"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w.strip() for w in pair)):
            return "subject_framed_by: expected a list of [before, after] pairs of words"
    return None


def prepare(params):
    # A name may be listed with its year range (法治政府建设实施纲要（2021—2025年）):
    # the range is matched after the name in any bracket and dash form.
    names = {_YEARS.sub("", n.strip()) for n in params["names"]}
    names.discard("")
    follow, cited = params["not_followed_by"], params["cited_when_followed_by"]
    return {
        **params,
        "pattern": prose.literal_pattern(names),
        "follow": prose.literal_pattern(follow) if follow else None,
        "cited": prose.literal_pattern(cited) if cited else None,
        "before": tuple(params["not_preceded_by"]),
        "subjects": frozenset(params["subjects"]),
        "subject_before": tuple(params["subject_preceded_by"]),
        "joined": tuple(params["joined_by"]),
        **_level_patterns(params),
        "framed": _framed_pattern(params),
    }


def _framed_pattern(params):
    """A pattern whose group 1 is a run of subjects (joined) between the two
    words of a pair of `subject_framed_by`: 以(宪法、民法典)为."""
    subjects, pairs = params["subjects"], params["subject_framed_by"]
    if not (subjects and pairs):
        return None
    subject = prose.literal_pattern(subjects).pattern
    run = f"(?:{subject})"
    if params["joined_by"]:
        run += f"(?:(?:{prose.literal_pattern(params['joined_by']).pattern})(?:{subject}))*"
    frames = "|".join(f"{re.escape(a)}({run}){re.escape(b)}" for a, b in pairs)
    return recache.compile(frames)


# What may follow a level of legal norms for it to be the whole word: a mark,
# a joining word, 等 or 的, or the end (宪法、法律援助法 is no list of levels).
_LEVEL_END = r"(?=[、，,。；;：:）)\s和与及到至等的]|$)"


def _level_patterns(params) -> dict:
    """`level_after`: a joining word and another level right after a name;
    `level_before`: another level and a joining word right before it."""
    levels, words = params["levels"], params["level_words"]
    joiners = params["joined_by"] + params["ranged_by"]
    if not (levels and words and joiners):
        return {"levels": frozenset(), "level_after": None, "level_before": None}
    word = prose.literal_pattern(words).pattern
    join = prose.literal_pattern(joiners).pattern
    return {"levels": frozenset(levels),
            "level_after": recache.compile(f"(?:{join})(?:{word})(?:(?:{word}))*{_LEVEL_END}"),
            "level_before": recache.compile(f"(?:{word})(?:{join})$")}


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands between an opening mark and its closing one."""
    for opening, closing in _ENCLOSING:
        if opening not in text:
            continue
        if opening == closing:
            if text.count(opening, 0, start) % 2 and text.find(closing, end) >= 0:
                return True
        elif text.count(opening, 0, start) > text.count(closing, 0, start) and text.find(closing, end) >= 0:
            return True
    return False


def _texts(doc):
    """(line, column, text) of each heading phrase and body paragraph."""
    for p in doc.preface:
        yield p.line, p.column, p.text
    for section in doc.headings():
        h = section.heading
        if h.title:
            yield h.number, h.title_column, h.title
        for p in section.paragraphs:
            yield p.line, p.column, p.text


def check(doc, params, ctx):
    for line, column, text in _texts(doc):
        spans = list(_names(text, params))
        for i, (start, end) in enumerate(spans):
            name = text[start:end]
            # Between titles in 《》 no 顿号 is needed: 宪法、民法典 → 《宪法》《民法典》.
            stop = end
            if text.startswith("、", end) and (text.startswith("《", end + 1)
                                               or (i + 1 < len(spans) and spans[i + 1][0] == end + 1)):
                stop = end + 1
            yield Hit(line, column + start, column + end, {"name": name},
                      fix=Fix(line, column + start, column + stop, f"《{name}》"))


_ITEM = recache.compile(r"[\u4e00-\u9fff]{2,}$")


def _item_before(text: str, comma: int) -> bool:
    """Whether a list item of Chinese words ends before the 、 at comma (习近平法治思想、)."""
    return _ITEM.search(text, max(0, comma - 12), comma) is not None


def _names(text: str, params):
    """[start, end) of each name cited without 书名号 in text."""
    pattern, follow, cited, prefix = params["pattern"], params["follow"], params["cited"], params["prefix"]
    before, subjects, subject_before = params["before"], params["subjects"], params["subject_before"]
    joined = params["joined"]
    levels, level_after, level_before = params["levels"], params["level_after"], params["level_before"]
    found = []  # (start, end, read as an event or concept by what follows)
    for m in pattern.finditer(text):
        start, end = m.span()
        concept = follow is not None and follow.match(text, end) and not (cited is not None and cited.match(text, end))
        found.append((start, end, bool(concept)))
    if not found:  # most paragraphs name no law
        return
    framed = params["framed"]
    frames = [] if framed is None else [
        span for m in framed.finditer(text) for span in (m.span(i) for i in range(1, m.re.groups + 1)) if span[0] >= 0]
    # A name joined to a next name that is an event or concept reads the same way
    # (宪法及民法典宣传): walked from the last name back.
    after_concept, after_start = False, -1
    skip = [False] * len(found)
    for i in range(len(found) - 1, -1, -1):
        start, end, concept = found[i]
        if not concept and after_concept and joined:
            between = text[end:after_start]
            concept = between in joined
        skip[i] = concept
        after_concept, after_start = concept, start
    previous_end, previous_study = -1, False  # the last name's end; whether it was an item of study
    for (start, end, _), concept in zip(found, skip):
        listed = start > 0 and text[start - 1] == "、"
        study = bool(subjects) and text[start:end] in subjects and listed and (
            previous_study if previous_end == start - 1 else _item_before(text, start - 1))
        previous_end, previous_study = end, study
        if concept or study:
            continue
        if frames and any(s <= start and end <= e for s, e in frames):  # 以宪法为核心
            continue
        if levels and text[start:end] in levels and (  # a kind of law: 从宪法到行政法规
                level_after.match(text, end) or level_before.search(text, max(0, start - 10), start)):
            continue
        if before and text.endswith(before, 0, start):
            continue
        if subject_before and text[start:end] in subjects and text.endswith(subject_before, 0, start):
            continue
        if prefix and text.endswith(prefix, 0, start):
            start -= len(prefix)
        years = _YEARS.match(text, end) or _DRAFT.match(text, end)
        if years:
            end = years.end()
        if not _enclosed(text, start, end):
            yield start, end
