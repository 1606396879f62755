"""Helpers for the kinds that read every line of a draft as typed."""

from __future__ import annotations

from ..model import LineKind

# Lines that are not the author's text: page furniture and page numbers.
_NOT_TEXT = (LineKind.RESIDUE, LineKind.PAGE_NUMBER)


def text_lines(doc):
    """Every line the author wrote: title, recipient, headings, paragraphs,
    signature, date and contact lines; not web residue or page numbers."""
    return [line for line in doc.lines if line.kind not in _NOT_TEXT]


# Chinese characters and full-width marks: what makes text Chinese text. A set,
# because a membership test is the cheapest check per character in Python.
CJK = frozenset(map(chr, [*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0), *range(0x3000, 0x3040),
                          *range(0xFF00, 0xFFF0)])) | frozenset("“”‘’…—")


def is_cjk(ch: str) -> bool:
    return ch in CJK
