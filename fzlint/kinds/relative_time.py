"""relative-time: a relative time word in the body (今年, 去年, 近年来, 目前 …),
with the explicit year as the suggestion. `words` maps each word to its
suggestion, in which {year}, {prev} and {next} stand for the report year, the
year before and the year after. Not inside quotes or 《》 titles; 年初 after a
numeral (2022年初) is explicit already. A word after one of `not_preceded_by`
(每年初召开工作会议: each year's start) names a practice that recurs, not a
date, and writing the year in would change what it says. So does a word
within one of `cycles`, the set phrases naming the stages of every year's work
(年初有部署、年中有检查、年底有总结): the year's start there is each year's.

`frames` are patterns of the sentences in which the report names itself, such
as the preamble's 现将本年度法治政府建设情况报告如下: there the report's own
frame defines the time (本年度 is the year the report is about), so a word
within a match of a frame is no fault.

`anchored` are the words that count years from the report year (本年度, 今年,
去年, 年初 …): in a sentence that names the report year itself (编制《2025年度
重大行政决策事项目录》，本年度对规范性文件开展清理; 年初制定公布2025年重大行政
决策目录) the reader knows which year is meant, and they are no fault. The same
word in a sentence without the year (本年度对规范性文件开展清理。) is still
reported: read a year later it no longer says which year. Words that name no
year (目前, 近期, 近年来) are reported wherever they stand."""

from __future__ import annotations

import re

from .. import prose
from . import Hit, any_of
from .. import recache

KIND = "relative-time"
PARAMS = {"words": (dict, None), "frames": (list, []), "anchored": (list, []), "not_preceded_by": (list, []),
          "cycles": (list, [])}
VARIANTS = ("default", "no-year")
_AFTER_NUMERAL = frozenset("0123456789〇一二三四五六七八九十年")
_SENTENCE_END = recache.compile(r"[。！？!?；;\n]")


def validate(params, vocabulary):
    if not all(isinstance(w, str) and w for w in params["not_preceded_by"]):
        return "not_preceded_by: expected a list of words"
    unknown = [w for w in params["anchored"] if w not in params["words"]]
    if unknown:
        return f"anchored: {unknown[0]} is not one of the words"
    for word, suggestion in params["words"].items():
        if not isinstance(suggestion, str):
            return f"words.{word}: expected the suggested wording (a string)"
        try:
            suggestion.format(year=2022, prev=2021, next=2023)
        except (KeyError, IndexError, ValueError):
            return f"words.{word}: only {{year}}, {{prev}} and {{next}} may stand in the suggestion"
    return None


def prepare(params):
    return {**params, "pattern": prose.literal_pattern(params["words"]), "before": tuple(params["not_preceded_by"]),
            "frames": any_of(params["frames"]), "cycles": any_of(params["cycles"])}


def check(doc, params, ctx):
    words = params["words"]
    year = doc.report_year
    pt = prose.of_body(doc, ctx.figures)
    text = pt.text
    frames, before = params["frames"], params["before"]
    # The frame sentences and the yearly cycles: a word within one is no fault.
    framed = [m.span() for pattern in (frames, params["cycles"]) if pattern for m in pattern.finditer(text)]
    for m in params["pattern"].finditer(text):
        start = m.start()
        if (start and text[start - 1] in _AFTER_NUMERAL) or pt.inside_quotes(start, m.end()):
            continue
        if before and text.endswith(before, 0, start):  # 每年初: a practice, each year
            continue
        if framed and any(s <= start and m.end() <= e for s, e in framed):
            continue
        if year and m.group() in params["anchored"] and _names_year(text, start, m.end(), year):
            continue
        line, column = pt.locate(start)
        args = {"word": m.group()}
        if year:
            args["suggestion"] = words[m.group()].format(year=year, prev=year - 1, next=year + 1)
        yield Hit(line, column, column + len(m.group()), args, "default" if year else "no-year")


_REACH = 200  # characters either side: a sentence longer than that is read only so far


def _names_year(text: str, start: int, end: int, year: int) -> bool:
    """Whether the sentence around text[start:end] names the year (2025年, 2025 年度)."""
    low = max(0, start - _REACH)
    before = max(max(text.rfind(c, low, start) for c in "。！？!?；;\n") + 1, low)
    after = _SENTENCE_END.search(text, end, end + _REACH)
    return re.search(rf"(?<!\d){year}\s*年", text[before:after.start() if after else end + _REACH]) is not None
