"""The lines the author wrote (title, headings, paragraphs, signature …; not web
residue or page numbers), joined into one text with a line break between
lines, for the kinds that look for marks or words anywhere (FZ501, FZ502,
FZ505, FZ6): one scan per pattern instead of one per line. Made once per document and shared (doc.derived)."""

from __future__ import annotations

from bisect import bisect_right

from ..prose import join
from ._text import text_lines

_KEY = "joined-lines"


class Joined:
    def __init__(self, lines):
        self.lines = lines
        self.text, self.starts = join(lines)

    def line_at(self, index: int) -> int:
        """The position in self.lines of the line holding text index."""
        return bisect_right(self.starts, index) - 1

    def bounds(self, i: int) -> tuple[int, int]:
        """[start, end) of line i of self.lines in the text."""
        start = self.starts[i]
        return start, start + len(self.lines[i].text)

    def position(self, i: int, index: int) -> tuple[int, int]:
        """The (line number, column) in the draft of text index on line i."""
        line = self.lines[i]
        return line.number, line.column + index - self.starts[i]

    def locate(self, index: int) -> tuple[int, int]:
        """The (line number, column) in the draft of a text index (as ProseText.locate)."""
        return self.position(self.line_at(index), index)


def of(doc) -> Joined:
    joined = doc.derived.get(_KEY)
    if joined is None:
        joined = doc.derived[_KEY] = Joined(text_lines(doc))
    return joined


def inside_title(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether text[start:end] lies inside a 《》 title within text[lo:hi] (a line)."""
    opening = text.rfind("《", lo, start)
    return opening >= 0 and text.rfind("》", opening, start) < 0 and text.find("》", end, hi) >= 0
