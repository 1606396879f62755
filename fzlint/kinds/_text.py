"""Helpers for the kinds that read every line of a draft as typed."""

from __future__ import annotations

from ..model import LineKind

# Lines that are not the author's text: page furniture and page numbers.
_NOT_TEXT = (LineKind.RESIDUE, LineKind.PAGE_NUMBER)


def text_lines(doc):
    """Every line the author wrote: title, recipient, headings, paragraphs,
    signature, date and contact lines; not web residue or page numbers."""
    return [line for line in doc.lines if line.kind not in _NOT_TEXT]


def is_cjk(ch: str) -> bool:
    """A Chinese character or a full-width mark: what makes text Chinese text."""
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\u3000" <= ch <= "\u303f"
            or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—")
