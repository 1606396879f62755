"""relative-time: a relative time word in the body (今年, 去年, 近年来, 目前 …),
with the explicit year as the suggestion. `words` maps each word to its
suggestion, in which {year}, {prev} and {next} stand for the report year, the
year before and the year after. Not inside quotes or 《》 titles; 年初 after a
numeral (2022年初) is explicit already."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import prose
from . import Hit

KIND = "relative-time"
PARAMS = {"words": (dict, None)}
VARIANTS = ("default", "no-year")


def validate(params, vocabulary):
    for word, suggestion in params["words"].items():
        if not isinstance(suggestion, str):
            return f"words.{word}: expected the suggested wording (a string)"
        try:
            suggestion.format(year=2022, prev=2021, next=2023)
        except (KeyError, IndexError, ValueError):
            return f"words.{word}: only {{year}}, {{prev}} and {{next}} may stand in the suggestion"
    return None


_AFTER_NUMERAL = frozenset("0123456789〇一二三四五六七八九十年")  # 2022年初 is explicit already


@lru_cache(maxsize=8)
def _pattern(words: tuple) -> re.Pattern:
    return prose.literal_pattern(words)


def check(doc, params, ctx):
    words = params["words"]
    pattern = _pattern(tuple(words))
    year = doc.report_year
    for paragraph in prose.body_paragraphs(doc):
        quoted = None
        for m in pattern.finditer(paragraph.text):
            if m.start() and paragraph.text[m.start() - 1] in _AFTER_NUMERAL:
                continue
            if quoted is None:
                quoted = prose.quoted_spans(paragraph.text)
            if prose.inside(quoted, m.start(), m.end()):
                continue
            args = {"word": m.group()}
            if year:
                args["suggestion"] = words[m.group()].format(year=year, prev=year - 1, next=year + 1)
            yield Hit(paragraph.line, paragraph.column + m.start(), paragraph.column + m.end(), args,
                      "default" if year else "no-year")
