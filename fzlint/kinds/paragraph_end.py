"""paragraph-end: a body paragraph that ends without terminal punctuation.

Read: the preface and the paragraphs of every part, with the run-in body of a
heading line (（一）切实提高政治站位。带头……). Never a heading that stands alone,
the title, the 主送机关, 特此报告, the signature, the 成文日期, contact lines, page
numbers or web residue: none of these is a paragraph of the body.

A paragraph is terminated when its last mark, after any closing quotes and
brackets (。” ！） ……》), is 。！？ or …… (the half-width ! and ? count too:
their width is a matter for the half-width punctuation rule); a bracketed
note after the closing mark (……12件。（数据截至12月31日）) does not reopen it.
： and ； may end a paragraph, as they introduce a list (……报告如下：) or
continue one (一是……；). A half-width "." ending a paragraph of Chinese text
is reported as its own variant: the paragraph is closed, but with the wrong
mark (an ellipsis typed as ... is left to the punctuation rules). So is a
paragraph whose last sentence is closed and followed by a short phrase with no
punctuation at all (……取得成效。全面推进依法行政): a heading that lost its
numeral, glued to the end of the paragraph, or a sentence cut off; a full
stop would be wrong advice for the first.

Not reported: a short line with no punctuation at all (at most `heading_max`
characters; not the run-in body of a heading), which reads as a heading that
lost its numeral (主要工作) or a label; a note in brackets standing alone
(（此件公开发布）); an 附件 line, written without a full stop."""

from __future__ import annotations

from .. import prose, recache
from ..model import LineKind
from . import Hit

KIND = "paragraph-end"
PARAMS = {"heading_max": (int, 30)}
VARIANTS = ("default", "halfwidth", "glued-heading")

_TERMINAL = frozenset("。！？!?…")
_LIST_MARKS = frozenset("：；:;")
_ENDS = _TERMINAL | _LIST_MARKS
_CLOSERS = "”’」』）)】〕》〉]］\"' \t\u3000"
_PAUSES = frozenset("，,、；;：:。！？!?")
_BRACKETS = (("（", "）"), ("(", ")"), ("【", "】"), ("〔", "〕"))
_BRACKET_PAIRS = frozenset(_BRACKETS)
_TAIL = 12


def validate(params, vocabulary):
    return None if params["heading_max"] >= 0 else "heading_max: expected a number of characters, 0 or more"


# A Chinese character or a full-width mark: a paragraph with one is Chinese text.
_CJK = recache.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def _exempt(text: str, heading_max: int, run_in: bool) -> bool:
    if not run_in and len(text) <= heading_max and text[-1] != "." and _PAUSES.isdisjoint(text):
        return True  # a heading without its numeral, or a label
    if (text[0], text[-1]) in _BRACKET_PAIRS:
        return True  # a note standing alone
    return text.startswith("附件")


def _note_after_sentence(text: str) -> bool:
    """A bracketed note after a closed sentence: ……12件。（数据截至12月31日）"""
    for opening, closing in _BRACKETS:
        if text[-1] == closing:
            i = text.rfind(opening)
            return i > 0 and text[i - 1] in _TERMINAL
    return False


def _glued_heading(core: str, heading_max: int) -> str | None:
    """The phrase after a paragraph's last closed sentence, when it reads as a
    heading: at most heading_max characters, no punctuation, not a note."""
    k = max(core.rfind(mark) for mark in _TERMINAL)
    if k < 0:
        return None
    phrase = core[k + 1:].strip(_CLOSERS)
    if not 2 <= len(phrase) <= heading_max or not _PAUSES.isdisjoint(phrase) or any(ch in _CLOSERS for ch in phrase):
        return None
    return phrase


def check(doc, params, ctx):
    heading_max = params["heading_max"]
    kinds = None
    for p in prose.body_paragraphs(doc):
        text = p.text.rstrip()
        if not text:
            continue
        core = text.rstrip(_CLOSERS)
        if not core:
            continue
        last = core[-1]
        if last in _ENDS or core.endswith("..") or _note_after_sentence(text):
            continue  # the usual case: terminated, whatever the line is
        if last == "." and not _CJK.search(core):
            continue  # an English paragraph may end so
        if kinds is None:
            kinds = {line.number: line.kind for line in doc.lines}
        kind = kinds.get(p.line)
        if kind not in (LineKind.TEXT, LineKind.HEADING):
            continue  # 特此报告, a date or a contact line standing among the paragraphs
        if _exempt(text, heading_max, kind is LineKind.HEADING):
            continue
        end = p.column + len(core)  # just after the last mark that counts
        tail = core if len(core) <= _TAIL else "……" + core[-_TAIL:]
        if last != ".":
            phrase = _glued_heading(core, heading_max) if kind is LineKind.TEXT else None
            if phrase is not None:
                yield Hit(p.line, end - len(phrase), end, {"tail": phrase}, "glued-heading")
            else:
                yield Hit(p.line, end - 1, end, {"tail": tail})
        else:  # a paragraph of Chinese text (the others were passed over above)
            yield Hit(p.line, end - 1, end, {"tail": tail}, "halfwidth")
