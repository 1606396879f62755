"""unquantified-claim: a clause in the listed parts that claims an achievement
or effect (one of `claims`, regular expressions matched within the clause, `$`
being its end) with no figure of its own and no figure measuring an effect
elsewhere in its sentence.

Counts of activities in neighbouring clauses (开展宣传15次) do not support a
claim about the effect (获得广泛好评); a percentage, a zero result (零新增) or a
change (`changes`: 同比下降…) in the same sentence does. A clause that states a
purpose (`purposes`: 为……, 确保……) is not a claim, nor is a claim word used as
an attribute (对成效明显的科室……表扬). Each claim must begin with a word or an
alternation of words: fzlint looks for those first, which keeps the rule fast.

Aim or outcome: the line this rule draws. A clause that follows another
clause of its sentence (the measure) and begins with a verb of improvement
(`aims`: 切实提高, 不断提升, 进一步增强, 有效提升, 着力增强 …) followed by its
object states what the measure was for, not what it achieved:
组织专题学法12次，切实提高党员干部的法治意识。 is an aim, not reported. The
same verb is a claimed outcome when its subject comes first (法治意识明显增强,
知晓率大幅提高, 意识不断增强), when the verb carries 了 (有效提升了执法能力: the
aim pattern must exclude 了), or when the clause opens its sentence with no
measure before it.

A contribution made (`contributions`: 为优化营商环境提供了有力法治支撑,
为乡村振兴营造了良好法治氛围, 为……奠定了坚实基础) asserts an effect too, though
its clause opens with 为 like a purpose: 了 marks it as done. Without 了
(为乡村振兴营造良好法治氛围) it is the purpose and not reported. Contributions are
claims (they need no listing in `claims` as well).

A contribution to a named, checkable outcome (`outcomes`: 为我市成功入围全国
法治政府建设示范创建城市贡献了力量, 为全县获评省级法治建设先进县作出了贡献)
points to an event a reader can check (the title was won or it was not), and
no figure could measure the share: not reported. A contribution to an effect
no one names (为优化营商环境提供了有力法治支撑) is still a claim.

A completion claimed (`completions`: 圆满完成示范创建省级推荐工作, 全面完成……)
says a task was done; a count anywhere in its sentence (从7个申报地区和228个
申报项目中优选8个参评，圆满完成推荐工作) gives what was done, and supports it,
though counts never support a claimed effect. Without a count
(全面完成年度目标任务。) it is still reported; a date is no count. Completions
are claims (they need no listing in `claims` as well).

An aim or a requirement is no claim either: a claim whose verb phrase a modal
precedes in its clause (`modals`, each ending in `$`, matched against the
clause up to the claim: 法治意识要深入人心, 执法水平必须明显提升, 力争取得明显成效)
says what should come about, not what did. The claim without the modal
(法治意识深入人心) is still reported; 要 in a word (主要, 重要) is no modal.

Praise a named organ or leader gave (`credited`: 获司法部领导充分肯定,
得到省委高度认可, 得到中央第七指导组的充分肯定 with 的 between the organ and the
praise, 被市委依法治市办肯定推广) reports an event a reader can check, not a
claimed effect; praise from no one in particular (获得群众广泛好评, 得到群众的
充分肯定, 获得社会各界的一致好评) is a claim: the name must end in an organ's word
(组, 办, 部, 委, 厅, 局, 院, 政府, 中央 …) right before the praise or its 的.

Stance or effect: a claim about political consciousness or stance (`stances`:
坚决做到“两个维护”的政治自觉持续加强, 政治判断力、政治领悟力、政治执行力不断提高,
“四个意识”进一步增强, 有效提升了党员干部的政治站位) states where the unit
stands, and no 满意率 or 同比 could measure it: not reported. The stance is the
head of the subject before the claim or of the object the claim ends with (what
follows the last 的 of that phrase), and every item of it (split at 、 和 与 及)
must be one: 法治意识和政治站位不断提升 still claims a measurable effect, as do
知晓率大幅提高, 法治意识不断增强, 取得显著成效.

Goal or result: a claim in the statement of a plan's or a document's goals
says what is aimed at, not what was achieved. A claim (without 了) is such an
aim when, earlier in its sentence, a cue (`goals`) opens that statement and no
count stands between the cue and the claim's clause: 目标是/目标为/目标：,
提出……目标：, 《方案》明确/提出/要求, 到2025年 and 力争2025年 (a year after the
report year; 到2022年底 in the report for 2022 is no goal), and the issuing of
a plan that runs past the report year (制定《某县法治政府建设实施方案（2021-
2025年）》，……执法质量全面提升 in the report for 2022: the plan's goals). A
cue with a `year` group counts only with a year after the report year (any
year when the report year is unknown). A count between the cue and the claim
(印发《实施方案（2021-2025年）》，开展培训12期，执法水平明显提升) means the
sentence went on to what was done: the claim is reported, and so is one with
了 or one whose sentence carries no cue (贯彻落实《纲要（2021-2025年）》，……
取得了新成效: carrying out a plan is no statement of its goals). A claim
inside 《》 or “” is the wording of a title, a document or a slogan
(印发《关于全面提升执法质量的意见》), not the report's claim.

Backed at once: a claim followed by the evidence of others, in the rest of
its sentence or in the next sentence of the same paragraph (`backing`: an
honour a named organ gave, 被司法部授予……荣誉称号, 荣获……称号; or counted
reports and 推介 by others, 15次被国家级媒体报道, 被省政府推广3次), is
supported: the claim is the overview and the next sentence its evidence.
Counts of activities after it (取得明显成效。全年开展宣传15次。) are no
backing, nor is evidence in another paragraph, in a sentence that opens a new
run-in item (二是……, （二）……), or before the claim.

Backed by a figure on its subject: the next sentence of the paragraph (not a
new run-in item) backs the claim with a measuring figure (a clause with a
percentage, a zero result or a change, `changes`; or a measure with its value,
`measures`: 优良天数为298天, 满意度98分, 排名全省第3位, 超额完成294天的考核目标)
when the sentence is about the claim's own subject: it opens as an elaboration of the claim
(`elaborations`, matched at its start: 大气环境质量方面，, 其中, 具体来看, 例如),
or its opening clause or its measuring clause shares a content term with the
claim's clause (two Han characters in a row, outside the claim's own words and
outside the `generic` words every report uses: 工作, 全区, 行政, 法治, 建设 …):
生态环境质量持续改善。全区环境空气质量优良天数为298天，同比增加6天。 A figure
on another subject (名列全市前茅。……划转同步率达到100%) or a count of
activities (群众满意度不断提高。全年办理业务1.5万笔。) backs nothing.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import prose, recache
from . import Hit, any_of, validate_roles

_SPACES = " \t\u3000"
# A sentence that opens a new run-in item (二是, 其二, （二）, 2.): another topic,
# not the evidence for the claim before it.
_NEW_ITEM = recache.compile(r"[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、]"
                            r"|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|[一二三四五六七八九十]+、")

KIND = "unquantified-claim"
PARAMS = {"roles": (list, None), "claims": (list, None), "purposes": (list, []), "aims": (list, []),
          "contributions": (list, []), "changes": (list, []), "credited": (list, []),
          "completions": (list, []), "outcomes": (list, []), "modals": (list, []),
          "stances": (list, []), "goals": (list, []), "backing": (list, []),
          "measures": (list, []), "elaborations": (list, []), "generic": (list, [])}
VARIANTS = ("default",)


def validate(params, vocabulary):
    return validate_roles(params["roles"], vocabulary)


def prepare(params):
    try:
        claims = prose.Lexicon(params["claims"])
    except ValueError as exc:
        raise ValueError(f"claims{exc}") from None
    try:
        contributions = prose.Lexicon(params["contributions"]) if params["contributions"] else None
    except ValueError as exc:
        raise ValueError(f"contributions{exc}") from None
    try:
        completions = prose.Lexicon(params["completions"]) if params["completions"] else None
    except ValueError as exc:
        raise ValueError(f"completions{exc}") from None
    if contributions is not None or completions is not None:
        claims = prose.Lexicon(params["claims"] + params["contributions"] + params["completions"])
    return {**params, "claims": claims, "contributions": contributions, "completions": completions,
            "outcomes": any_of(params["outcomes"]),
            "purposes": any_of(params["purposes"]), "aims": any_of(params["aims"]),
            "modals": any_of(params["modals"]),
            # a stance at the end of an item, its closing quote marks after it
            "stances": (recache.compile(f"(?:{any_of(params['stances']).pattern})[”’\"'」』\\s]*$")
                        if params["stances"] else None),
            "changes": any_of(params["changes"]), "credited": any_of(params["credited"]),
            "goals": [recache.compile(g) for g in params["goals"]],
            "backing": any_of(params["backing"]),
            "measures": prose.wording_searcher(params["measures"]) if params["measures"] else None,
            "elaborations": any_of(params["elaborations"]),
            # the generic words, longest first, each cut out of a text before its terms are read
            "generic": (prose.literal_pattern(params["generic"]) if params["generic"] else None)}


# A run of Han characters: where a content term is read.
_HAN = recache.compile("[\u4e00-\u9fff]{2,}")


def _terms(text: str, generic) -> set[str]:
    """The pairs of Han characters in a row in text, its generic words cut out:
    the content terms a sentence shares with a claim (生态环境质量: 生态, 态环,
    环境, 境质, 质量)."""
    if generic is not None:
        text = generic.sub("|", text)
    return {run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)}


class _Figured:
    """What a sentence offers as figure backing for the claim before it: whether
    it opens as an elaboration, and the terms of its opening clause and of its
    measuring clauses (None: no measuring figure at all)."""

    __slots__ = ("elaborates", "terms")

    def __init__(self, elaborates: bool, terms: set[str] | None):
        self.elaborates, self.terms = elaborates, terms


def _figured(pt: prose.ProseText, sentence, params) -> _Figured:
    text = pt.text
    measuring = []
    changes, measures = params["changes"], params["measures"]
    for start, end in pt.clauses(*sentence):
        if measures is not None and measures.search(text, start, end):
            measuring.append((start, end))  # a measure with its value (an ordinal rank is no figure)
        elif pt.has_figure(start, end) and (
                any(f.kind in ("percent", "zero") for f in pt.figures(start, end))
                or (changes is not None and changes.search(text, start, end))):
            measuring.append((start, end))
    if not measuring:
        return _Figured(False, None)
    elaborations = params["elaborations"]
    if elaborations is not None and elaborations.match(text, sentence[0], sentence[1]):
        return _Figured(True, set())
    clauses = pt.clauses(*sentence)
    terms = _terms(text[slice(*clauses[0])], params["generic"]) if clauses else set()
    for start, end in measuring:
        terms |= _terms(text[start:end], params["generic"])
    return _Figured(False, terms)


def _measures_effect(pt: prose.ProseText, sentence, changes) -> bool:
    """A figure in the sentence that measures an effect: a percentage, a zero
    result, or a count in a clause that states a change."""
    figures = pt.figures(*sentence)
    if any(f.kind in ("percent", "zero") for f in figures):
        return True
    if changes is None or not figures:
        return False
    for start, end in pt.clauses(*sentence):
        if pt.has_figure(start, end) and changes.search(pt.text, start, end):
            return True
    return False


# The items of a phrase's head: 政治判断力、政治领悟力和政治执行力.
_ITEMS = recache.compile(r"以及|[、和与及]")


def _is_stance(phrase: str, stances) -> bool:
    """Whether the head of phrase (what follows its last 的) is a stance in
    every item."""
    head = phrase[phrase.rfind("的") + 1:]
    return bool(head) and all(stances.search(item) for item in _ITEMS.split(head))


def _goal_ends(pt: prose.ProseText, sentence, goals, year) -> list[int]:
    """Where each cue (`goals`) in the sentence that opens a statement of goals
    ends, in order: not one inside 《》 or “”, and a cue's `year`, if any,
    after the report year (any year when it is unknown)."""
    text = pt.text
    ends = []
    for goal in goals:
        for m in goal.finditer(text, *sentence):
            if pt.inside_quotes(m.start(), m.end()):
                continue  # a title's or a quotation's words (《纲要（2021年至2025年）》)
            if "year" in goal.groupindex and m.group("year") and year is not None \
                    and int(m.group("year")) <= year:
                continue
            ends.append(m.end())
    return sorted(ends)


def _in_goals(pt: prose.ProseText, ends: list[int], clause_start: int, claim_start: int) -> bool:
    """Whether a cue before the claim opens a statement of goals that runs on
    to it: no count between the cue and the claim's clause. The cue ending
    last before the claim is the one to look at (an earlier one has at least
    its counts between)."""
    i = bisect_right(ends, claim_start) - 1
    return i >= 0 and not any(f.kind == "count" for f in pt.figures(ends[i], clause_start))


def _backing_starts(pt: prose.ProseText, sentence, backing) -> list[int]:
    """Where each piece of others' evidence in the sentence starts (no pattern
    crosses a clause mark, so none starts in one clause and ends in another)."""
    return [m.start() for m in backing.finditer(pt.text, *sentence)]


def _following(pt: prose.ProseText, sentence):
    """The next sentence of the paragraph, unless it opens a new run-in item."""
    text = pt.text
    at = sentence[1]
    while at < len(text) and text[at] in _SPACES:
        at += 1
    if at >= len(text) or text[at] == "\n":
        return None  # the paragraph ends with the claim's sentence
    following = pt.sentence_at(at)
    return following if following is not None and not _NEW_ITEM.match(text, following[0]) else None


def _backed(pt: prose.ProseText, sentence, clause_end: int, found) -> bool:
    """Whether the rest of the sentence after the claim's clause, or the next
    sentence of its paragraph, reports others' evidence for it; found(sentence)
    gives a sentence's evidence starts."""
    starts = found(sentence)
    if starts and starts[-1] >= clause_end:
        return True
    following = _following(pt, sentence)
    return following is not None and bool(found(following))


def check(doc, params, ctx):
    claims, purposes, aims, changes = params["claims"], params["purposes"], params["aims"], params["changes"]
    contributions, completions = params["contributions"], params["completions"]
    pt, spans = prose.spans_of(doc, params["roles"], ctx.figures)
    text = pt.text
    seen = set()
    goal_ends: dict = {}  # sentence -> where its cues end, each sentence read once
    backing_found: dict = {}  # sentence -> where its evidence starts
    figured_found: dict = {}  # sentence -> the figure backing its next sentence offers

    def figured_after(sentence):
        if sentence not in figured_found:
            following = _following(pt, sentence)
            figured_found[sentence] = None if following is None else _figured(pt, following, params)
        return figured_found[sentence]

    def backing_of(sentence):
        found = backing_found.get(sentence)
        if found is None:
            found = backing_found[sentence] = _backing_starts(pt, sentence, params["backing"])
        return found

    for span in spans:
        for place in claims.candidates(text, *span):
            sentence = pt.sentence_at(place)  # pt.clause_at(place), keeping the sentence
            clause = pt.clause_in(sentence, place) if sentence is not None else None
            if clause is None or clause in seen:
                continue
            seen.add(clause)
            start, end = clause
            # the cheap tests first: a figure of its own, a purpose
            if pt.has_figure(start, end):
                continue
            if purposes and purposes.match(text, start, end) and not (
                    contributions is not None and contributions.search(text, start, end)):
                continue
            m = claims.search(text, start, end)
            if not m or text[m.end():m.end() + 1] == "的":  # none, or an attribute, not a claim
                continue
            if params["modals"] and params["modals"].search(text, max(start, m.start() - 8), m.start()):
                continue  # an aim or a requirement (要深入人心), not an effect achieved
            if params["stances"] and (_is_stance(text[start:m.start()], params["stances"])
                                      or _is_stance(text[m.start():end], params["stances"])):
                continue  # political consciousness or stance, which no figure measures
            if aims and start > sentence[0] and aims.match(text, start, end):  # the aim of the measure before it
                continue
            if params["credited"] and params["credited"].search(text, start, end):
                continue
            if params["outcomes"] and contributions is not None and contributions.search(text, start, end) \
                    and params["outcomes"].search(text, start, end):  # a share in a checkable event
                continue
            if completions is not None and completions.full.match(text, m.start(), m.end()) \
                    and any(f.kind == "count" for f in pt.figures(*sentence)):  # what was done, counted
                continue
            if pt.is_item_head(*sentence) or _measures_effect(pt, sentence, changes):
                continue
            if pt.inside_quotes(m.start(), m.end()):
                continue  # the wording of a title, a document or a slogan
            if params["goals"] and "了" not in text[m.start():m.end() + 1]:
                ends = goal_ends.get(sentence)
                if ends is None:
                    ends = goal_ends[sentence] = _goal_ends(pt, sentence, params["goals"], doc.report_year)
                if _in_goals(pt, ends, start, m.start()):
                    continue  # a goal the plan or document states, not a result
            if params["backing"] and _backed(pt, sentence, end, backing_of):
                continue  # the overview, its evidence following at once
            if params["measures"] is not None or params["elaborations"] is not None:
                figured = figured_after(sentence)
                if figured is not None and figured.terms is not None and (
                        figured.elaborates or figured.terms & _terms(
                            text[start:m.start()] + "|" + text[m.end():end], params["generic"])):
                    continue  # the next sentence measures the claim's own subject
            line, column = pt.locate(start)
            yield Hit(line, column, column + end - start, {"claim": m.group(), "clause": text[start:end][:24]})
