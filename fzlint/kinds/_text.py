"""Helpers for the kinds that read every line of a draft as typed."""

from __future__ import annotations


from ..model import LineKind
from .. import recache

# Lines that are not the author's text: page furniture and page numbers.
_NOT_TEXT = (LineKind.RESIDUE, LineKind.PAGE_NUMBER)


def text_lines(doc):
    """Every line the author wrote: title, recipient, headings, paragraphs,
    signature, date and contact lines; not web residue or page numbers."""
    return [line for line in doc.lines if line.kind not in _NOT_TEXT]


# Chinese characters and full-width marks: what makes text Chinese text. The
# body of a regular-expression character class (CJK ideographs, extension A,
# CJK symbols and punctuation, full-width forms, and “”‘’…—), so that a whole
# stretch of text is tested in C; CJK_CHAR matches one such character.
CJK_CLASS = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’…—"
CJK_CHAR = recache.compile(f"[{CJK_CLASS}]")
_EXTRA = "“”‘’…—"


def is_cjk(ch: str) -> bool:
    """Whether ch (one character, or "" for none) is Chinese text."""
    return ("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\u3400" <= ch <= "\u4dbf"
            or "\uff00" <= ch <= "\uffef" or (ch != "" and ch in _EXTRA))

