"""The typed model every stage shares: source, lines, document, finding.

read.py makes a Source, parse.py a Document, classify.py fills in the roles
and years, the rule kinds turn a Document into Findings, report.py prints them.
Lines and columns are 1-based; columns count characters; end columns are
exclusive (the column just after the span).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.upper()]


_LABELS = {s: s.name.lower() for s in Severity}  # asked once a finding by every report


class LineHint(NamedTuple):
    """What a format says of one line beyond its text."""

    heading: int = 0  # a heading level: Word's Heading 1–4 / 标题 1–4 style, or <h1>–<h4>
    table: bool = False  # a table cell's paragraph: text, never a heading


FORMATS = ("text", "markdown", "docx", "html", "doc", "odt", "rtf", "pdf")
WRITABLE_FORMATS = ("text", "markdown")  # --fix writes these back; the others are read only


@dataclass(frozen=True)
class Source:
    """A decoded draft: text with line breaks normalised to \\n.

    For .txt and .md the text is the file's own text. For .docx each line is
    one paragraph as Word shows it (automatic numbering rendered), so line N is
    paragraph N; for .html each line is one block of the page's main text, and
    origins maps it back to the line of the .html file where the block starts;
    for .pdf each line is one paragraph rebuilt from the page's lines, and
    pages gives the page and the line on it where the paragraph starts.
    """

    path: str
    text: str
    encoding: str  # Python codec name: utf-8, utf-8-sig (with BOM), gb18030, utf-16-le/-be (with BOM)
    newline: str = "\n"  # the file's own line break, for writing it back
    format: str = "text"  # one of FORMATS
    hints: dict[int, LineHint] = field(default_factory=dict)  # by line number
    origins: tuple[int, ...] = ()  # html: origins[n - 1] is the file line of text line n
    line_endings: tuple[str, ...] = ()  # every line break as the file has it, when it mixes kinds (else empty)
    pages: tuple[tuple[int, int], ...] = ()  # pdf: pages[n - 1] is (page, line on the page) where text line n starts

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines (split once: reports ask for them once a finding)."""
        return self.text.split("\n")

    @property
    def writable(self) -> bool:
        return self.format in WRITABLE_FORMATS


class LineKind(enum.Enum):
    TEXT = "text"
    HEADING = "heading"
    DATE = "date"
    PAGE_NUMBER = "page-number"
    CONTACT = "contact"
    CLOSING = "closing"
    RESIDUE = "residue"


@dataclass
class Marker:
    """A heading's 序数 as typed, e.g. "(一)" or "1、"."""

    family: str  # cn 一、 | paren-cn （一） | arabic 1. | paren-arabic （1）
    level: int  # 1..4, the family's place in 一、 → （一） → 1. → （1）
    number: int
    text: str  # as typed
    canonical: str  # as GB/T 15834 wants it
    column: int
    end_column: int
    # Whether the canonical form, put in its place, still begins the same heading:
    # 1、2023年 would become 1.2023年, a decimal, and no heading at all.
    rewritable: bool = True
    # Whether the numeral is missing: a line "、坚持党的领导" read as the level-1
    # heading it stands for (parse.py); number and canonical are those its place
    # in the sequence calls for. FZ201 reports it; it is no punctuation fault.
    lost: bool = False

    @property
    def faulty(self) -> bool:
        """Punctuated against GB/T 15834 (FZ203): typed otherwise than its canonical form."""
        return self.text != self.canonical and not self.lost


@dataclass
class Line:
    """One non-blank line as the grammar typed it."""

    number: int
    kind: LineKind
    text: str  # the content from its first non-space character, right-stripped
    column: int  # column of that first character
    marker: Marker | None = None  # headings
    atx: int = 0  # Markdown heading hashes
    title: str = ""  # headings: the heading phrase (up to the first 。！？ or the end)
    title_column: int = 0
    body: str = ""  # headings: run-in body text after the heading phrase
    body_column: int = 0

    @property
    def end_column(self) -> int:
        return self.column + len(self.text)


@dataclass
class Paragraph:
    """A body line of a section: where it starts and its text."""

    line: int
    column: int
    text: str

    @property
    def end_column(self) -> int:
        return self.column + len(self.text)


@dataclass
class Section:
    """A heading and what is under it: its paragraphs and its sub-sections."""

    heading: Line
    level: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    role: str | None = None  # top-level parts only, set by classify

    @property
    def line(self) -> int:
        return self.heading.number

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def number(self) -> int | None:
        return self.heading.marker.number if self.heading.marker else None

    def walk(self):
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self):
        for section in self.walk():
            yield from section.paragraphs

    def body_text(self) -> str:
        """Everything under the heading: paragraphs and sub-headings, in order."""
        parts: list[str] = []
        for section in self.walk():
            if section is not self:
                parts.append(section.heading.title)
            parts.extend(p.text for p in section.paragraphs)
        return "".join(parts)


@dataclass
class DateLine:
    """The 成文日期 line: the date it gives and how it should be written."""

    line: Line
    value: date | None  # None when the written date cannot exist
    canonical: str | None  # how it should be written, e.g. 2023年1月30日


@dataclass
class Mention:
    """Where a role's content stands when it has no part of its own (FZ103)."""

    role: str
    line: int
    column: int
    end_column: int
    how: str  # "heading" (a part joining it to its own) | "subheading" | "closing-paragraph" | "paragraph" (a paragraph or run-in item of another part)
    text: str


class Indicator(NamedTuple):
    """A key figure (指标) the report states for its year (indicators.py,
    rules/indicators.yaml): reconsideration.received 93 件 on line 10."""

    key: str  # reconsideration.received, appearance.rate …
    value: float  # 93.0; a rate in percent: 100.0
    unit: str  # 件, 宗 …; % for a rate
    line: int
    text: str  # the sentence it is stated in
    column: int = 0  # the figure's span on its line (end exclusive)
    end_column: int = 0
    figure: str = ""  # the figure as written: 93件, 1000余件, 24.2%
    approx: str = ""  # "" exact | "lower" (余, 多, 超: at least the value)


@dataclass
class Document:
    """A parsed and classified draft: its lines, front matter, sections and figures."""

    source: Source
    lines: list[Line]  # non-blank lines, in order
    text: str = ""  # the text as parsed (Markdown code blocks and comments blanked out)
    title: list[Line] = field(default_factory=list)
    # The page's publication date at the end of the title's last line (…报告 (2024-02-26)):
    # web residue, which the title's text leaves out (title_cut characters with the blanks before it;
    # the line holds at most one of title_date and title_label).
    title_date: Line | None = None
    # A field of the page's metadata run onto the end of the title's last line (…报告 - 文号:):
    # web residue too, left out of the title's text the same way.
    title_label: Line | None = None
    title_cut: int = 0
    # The 题注 under the title (——2026年3月17日在……会议上, and the speaker's line under it):
    # part of the document, neither title nor body.
    caption: list[Line] = field(default_factory=list)
    # A cover letter (报送函) before the report's own title: its paragraph (现将……随文上报。),
    # 特此报告, sender and date (the recipient above it is doc.recipient). Neither title nor body.
    letter: list[Line] = field(default_factory=list)
    recipient: Line | None = None
    document_number: Line | None = None  # 发文字号 in the front matter (某府〔2025〕26号)
    preface: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # the top-level parts
    closing: Line | None = None
    signature: list[Line] = field(default_factory=list)
    date: DateLine | None = None
    contact: list[Line] = field(default_factory=list)
    page_numbers: list[Line] = field(default_factory=list)
    residue: list[Line] = field(default_factory=list)
    # A text with no heading line whose paragraphs hold a level-1 heading run in
    # (……报告如下：一、坚持党的领导……): where that 一、 stands, its text the opening
    # words of the heading (parse.py). None otherwise.
    run_in_heading: Paragraph | None = None
    # Set by classify:
    mentions: list[Mention] = field(default_factory=list)
    report_year: int | None = None
    report_year_from: str | None = None  # option | title | body | date | plan
    title_year: int | None = None
    body_year: int | None = None
    plan_year: int | None = None
    plan_year_line: Line | Paragraph | None = None
    # Set by the indicators stage (after classify): the key figures, in order.
    indicators: list[Indicator] = field(default_factory=list)
    # Analyses the rules share, computed on first use (see prose.of_body):
    derived: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def is_empty(self) -> bool:
        """Nothing but blank lines, web residue and page numbers."""
        return all(ln.kind in (LineKind.RESIDUE, LineKind.PAGE_NUMBER) for ln in self.lines)

    @property
    def title_text(self) -> str:
        text = "".join(line.text for line in self.title)
        return text[: len(text) - self.title_cut]

    def headings(self):
        for top in self.sections:
            for section in top.walk():
                yield section

    def parts(self, role: str) -> list[Section]:
        return [s for s in self.sections if s.role == role]

    def body_end_line(self) -> int:
        """The last line of the body (preface and parts), or the last content line.
        Computed once (the rules that report at the body's end ask for it in
        turn, and each walk visits every part and paragraph)."""
        last = self.derived.get("body_end_line")
        if last is None:
            last = self.derived["body_end_line"] = self._body_end_line()
        return last

    def _body_end_line(self) -> int:
        last = 0
        for p in self.preface:
            last = max(last, p.line)
        for section in self.headings():
            last = max(last, section.line, *(p.line for p in section.paragraphs))
        if not last:
            content = [ln for ln in self.lines if ln.kind is not LineKind.RESIDUE]
            last = content[-1].number if content else 1
        return last


class Fix(NamedTuple):
    """Replace the text of one line from column to end_column with replacement.
    An unsafe fix (one that may change the meaning, or that a person should
    confirm) is shown but never applied by --fix."""

    line: int
    column: int
    end_column: int
    replacement: str
    safe: bool = True


class Finding(NamedTuple):
    """One finding of one rule. A tuple: made by the thousand and sent back
    from worker processes, where a frozen dataclass cost several times as
    much to build and to pickle."""

    path: str
    code: str
    name: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Fix | None = None
    context: str = ""  # .docx/.html: the opening words of the paragraph, to find it by; .pdf: p3:12 “…”

    @property
    def fixable(self) -> bool:
        """Whether it carries a fix, safe or not (a suggestion shown to the user)."""
        return self.fix is not None

    @property
    def safe_fix(self) -> bool:
        """Whether --fix may apply its fix."""
        return self.fix is not None and self.fix.safe

    def sort_key(self):
        return (self.line, self.column, self.code, self.end_line, self.end_column)
