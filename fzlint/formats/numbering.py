"""Word's automatic numbering (word/numbering.xml), rendered as shown on screen.

A paragraph is numbered by a list instance (w:num, by w:numId) and a level
(w:ilvl, 0–8), given in its own properties or in its style's. The instance
points at an abstract definition (w:abstractNum) whose levels say where
counting starts (w:start), how a number is written (w:numFmt: decimal,
chineseCounting …) and the text around it (w:lvlText such as "%1、" or
"（%2）"); the instance may override a level's start or the whole level
(w:lvlOverride). Instances of one abstract definition continue one another's
counting; one that overrides a level counts on its own (how a list is
restarted at 一), and a level restarts whenever a higher
level of its list advances (unless w:lvlRestart says otherwise).

Counters advance in document order, so render() must be called for every
paragraph in turn.

Every number is read through integer(), which takes only a plain decimal
within the range Word itself accepts and otherwise falls back as if the
attribute were absent (Word ignores what it cannot read), and no number
renders to more characters than Word's 31-character marker can hold, so a
hostile numbering part costs no more than a sound one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..parse import cn_numeral
from .. import recache

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = recache.compile(r"%([1-9])")

# Word's own limits ([MS-DOC] 2.9.150 LVLF, [MS-OE376] and [MS-OI29500] 2.1.283):
# a level's start is 0..32767; a list has the levels 0..8; the marker a level's
# text (w:lvlText) renders is at most 31 characters, with at most 9 numbers in it.
MAX_START = 0x7FFF
LEVELS = range(9)
MAX_MARKER = 31
_MAX_PLACEHOLDERS = 9

# A decimal as XML Schema writes one: a sign, digits (leading zeros dropped
# here, so that a long run of them reads as what it is), white space around.
_INTEGER = recache.compile(r"[ \t\r\n]*([+-]?)0*([0-9]{1,10})[ \t\r\n]*")


def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(W + tag) if element is not None else None
    if child is None:
        return default
    return child.get(W + "val", default)


def integer(value: str | None, low: int, high: int, default: int | None = None) -> int | None:
    """The number an attribute's value writes, if it is a plain decimal within
    low..high; else default, as if the attribute were absent. Only ASCII digits
    count ("²".isdigit() is true, but it is no number), and a value of any
    length is read in time bounded by a dozen characters."""
    m = _INTEGER.fullmatch(value) if value is not None else None
    if m is None:
        return default
    n = int(m.group(1) + m.group(2))
    return n if low <= n <= high else default


@dataclass
class Level:
    """One level of a Word numbering definition (w:lvl)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: every number of the text as decimal

    def __post_init__(self):
        # The text split at its numbers: literal, level (1-based), literal, ... literal.
        self.split = _PLACEHOLDER.split(self.text)

    @classmethod
    def of(cls, lvl) -> "Level":
        text = _val(lvl, "lvlText", "") or ""
        if len(_PLACEHOLDER.sub("", text)) > MAX_MARKER or len(_PLACEHOLDER.findall(text)) > _MAX_PLACEHOLDERS:
            text = ""  # a text Word cannot show as a marker; it has none
        return cls(
            start=integer(_val(lvl, "start"), 0, MAX_START, 1),
            fmt=_val(lvl, "numFmt", "decimal") or "decimal",
            text=text,
            restart=integer(_val(lvl, "lvlRestart"), 0, len(LEVELS)),
            legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
        )


@dataclass
class Instance:
    """One w:num: its abstract definition's levels with its overrides applied."""

    key: str  # whose counters it advances: its abstract definition's, or its own when it overrides a level
    levels: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride by level

    def __post_init__(self):
        # Each level's first number: its start, or this instance's override of it.
        self.first = {i: self.starts.get(i, lv.start) for i, lv in self.levels.items()}
        # The deeper levels that restart when a level advances (w:lvlRestart).
        self.resets = {i: tuple(deeper for deeper in LEVELS[i + 1:]
                                if deeper not in self.levels or self.levels[deeper].restart is None
                                or (self.levels[deeper].restart != 0 and i < self.levels[deeper].restart))
                       for i in LEVELS}
        # The levels whose marker is always empty (bullets, or numbers written as "none"
        # and nothing else), which render() need not write.
        self.silent = {i: lv.fmt == "bullet" or (not "".join(lv.split[::2]) and not lv.legal and all(
            self.levels.get(int(n) - 1, Level()).fmt == "none" for n in lv.split[1::2]))
            for i, lv in self.levels.items()}


class Numbering:
    def __init__(self, numbering_element, styles: dict[str, dict] | None = None):
        """numbering_element: the w:numbering root (or None for a document without lists);
        styles: style id -> {"numId", "ilvl"} for styles that carry numbering."""
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, list[int | None]] = {}
        level_styles: dict[str, dict[str, int]] = {}  # numId -> pStyle -> level
        if numbering_element is not None:
            self._read(numbering_element, level_styles)
        # Each style's list and level, read once: (numId, level or None).
        self.styles: dict[str, tuple[str | None, int | None]] = {}
        for sid, style in (styles or {}).items():
            num_id = style.get("numId")
            level = _level(style.get("ilvl"))
            self.styles[sid] = num_id, level if level is not None else level_styles.get(num_id, {}).get(sid)

    def _read(self, numbering_element, level_styles: dict[str, dict[str, int]]) -> None:
        abstract: dict[str, dict[int, Level]] = {}
        abstract_styles: dict[str, dict[str, int]] = {}  # abstract id -> pStyle -> level
        for a in numbering_element.findall(W + "abstractNum"):
            aid = a.get(W + "abstractNumId")
            abstract[aid] = {}
            for lvl in a.findall(W + "lvl"):
                ilvl = _level(lvl.get(W + "ilvl"))
                if ilvl is None:
                    continue  # a level of no list level Word has
                abstract[aid][ilvl] = Level.of(lvl)
                style = _val(lvl, "pStyle")
                if style:
                    abstract_styles.setdefault(aid, {})[style] = ilvl
        for num in numbering_element.findall(W + "num"):
            nid = num.get(W + "numId")
            aid = _val(num, "abstractNumId")
            levels = dict(abstract.get(aid, {}))
            starts: dict[int, int] = {}
            overrides = False
            for override in num.findall(W + "lvlOverride"):
                ilvl = _level(override.get(W + "ilvl"))
                if ilvl is None:
                    continue  # an override of no level Word has is no override
                overrides = True
                start = integer(_val(override, "startOverride"), 0, MAX_START)
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = Level.of(lvl)
            key = f"num:{nid}" if overrides else f"abstract:{aid}"
            self.instances[nid] = Instance(key, levels, starts)
            level_styles[nid] = abstract_styles.get(aid, {})

    def render(self, num_id: str | None, ilvl: str | None, style_id: str | None) -> str:
        """The marker Word shows before a paragraph with this list (w:numId) and
        level (w:ilvl) in its properties, and this style, advancing the counters;
        "" when it has none."""
        level_number = _level(ilvl) if ilvl is not None else None
        if num_id is None:  # numbering carried by the paragraph's style, if any
            if style_id not in self.styles:
                return ""  # most paragraphs
            num_id, style_level = self.styles[style_id]
            if level_number is None:
                level_number = style_level
        instance = self.instances.get(num_id) if num_id != "0" else None
        ilvl = level_number or 0
        level = instance.levels.get(ilvl) if instance is not None else None
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.key, [None] * len(LEVELS))
        counters[ilvl] = instance.first.get(ilvl, 1) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in instance.resets[ilvl]:
            counters[deeper] = None
        if instance.silent[ilvl]:
            return ""  # a bullet is not a 序数, and "none" writes nothing
        shown = level.split[:]
        for i in range(1, len(shown), 2):
            shown[i] = self._number(instance, counters, int(shown[i]) - 1, level.legal)
        return "".join(shown)

    def _number(self, instance: Instance, counters, ilvl: int, legal: bool) -> str:
        value = counters[ilvl] if counters[ilvl] is not None else instance.first.get(ilvl, 1)
        level = instance.levels.get(ilvl, Level())
        return format_number(value, "decimal" if legal else level.fmt)


def _level(value: str | None) -> int | None:
    """A list level (w:ilvl), 0–8, or None."""
    return integer(value, LEVELS.start, LEVELS.stop - 1)


# LibreOffice writes Word's chineseCounting as taiwaneseCountingThousand.
_COUNTING = frozenset(("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                       "taiwaneseCountingThousand", "koreanCounting"))
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = str.maketrans("一二三四五六七八九十百千〇", "壹贰叁肆伍陆柒捌玖拾佰仟零")
_LEGAL_TRADITIONAL = str.maketrans("一二三四五六七八九十百千万亿〇", "壹貳參肆伍陸柒捌玖拾佰仟萬億零")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(n: int, fmt: str) -> str:
    """A number as a w:numFmt writes it (unknown formats as decimal, like Word)."""
    if fmt == "decimal":
        return str(n)
    if fmt == "none":
        return ""
    if fmt in _COUNTING and n >= 0:  # counted as read, at any size: 一千零一, 一万, 十万
        return cn_numeral(n)
    if fmt == "chineseLegalSimplified" and n > 0:
        return cn_numeral(n).translate(_LEGAL)
    if fmt == "ideographLegalTraditional" and n > 0:
        return cn_numeral(n).translate(_LEGAL_TRADITIONAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand") and n >= 0:
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and n > 0:
        return _IDEOGRAPH_TRADITIONAL[(n - 1) % 10]
    if fmt == "ideographZodiac" and n > 0:
        return _ZODIAC[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2") and n >= 0:
        return str(n).translate(_FULLWIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return _PARENTHESIZED[n - 1]
    if fmt == "decimalEnclosedFullstop" and 0 < n <= 20:
        return _FULLSTOP[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26 * MAX_MARKER:  # z repeated 31 times at most
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                out, rest = out + digits, rest - value
        return out.upper() if fmt == "upperRoman" else out
    return str(n)
