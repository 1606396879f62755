"""Hostile variants of drafts, shared by tests/test_fuzz.py and benchmarks/fuzz.py.

A mutant is made from a base (a seed report as .txt or .md, a .docx built
from a seed with python-docx or saved by LibreOffice, a seed wrapped in a
government web page) by a chain of one to four mutations. Each mutation is
chosen and parametrised by a random.Random seeded with the campaign's seed,
the format and the mutant's index, so that

    mutant("docx", 17, 2024)

makes the same bytes on every machine and every run: a failing mutant is
reproduced from those three values alone (the tests also save its bytes).

The mutations, by level:
  * bytes: bits flipped, bytes inserted or deleted, truncation, a splice of
    two files (of any formats), NULs, invalid UTF-8 and GB18030 sequences,
    byte-order marks in the middle, another format's signature in front;
  * text (.txt, .md, and the markup of a web page): lines that are only a
    heading marker or only Unicode white space (\\x0c, U+2003, U+2028,
    U+0085 …), markers with huge numerals (九九九、), dates with absurd
    numbers, long runs of one character, figures thousands of digits long,
    lines duplicated, deleted and reordered, mixed line endings, Markdown
    comments and fences, tabs, full-width/half-width swaps; the text is then
    written in one of the encodings drafts come in;
  * .docx: attributes of numbering.xml, styles.xml and document.xml set to
    junk (non-integers, "²", 5,000 digits, huge starts), numbering formats
    and level texts changed, parts removed, a DTD, a paragraph repeated
    thousands of times, nesting, a damaged archive; or the draft rebuilt
    from a mutated text;
  * .html: deep nesting, stray end tags, odd <meta charset> labels (rot13,
    base64 …), unclosed tags and comments, scripts, floods of <br> and <pre>;
  * .pdf (seeds printed by LibreOffice): truncation, a page count of 0 or a
    billion, wrong stream lengths, a broken cross-reference, an object
    deleted, random bytes in a content or font stream.

Sizes are drawn mostly small, sometimes large (tens to hundreds of
thousands of characters, within fzlint's limits), so that work that grows
faster than the input shows up as time.
"""

from __future__ import annotations

import codecs
import io
import random
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE / "formats") not in sys.path:  # docxbuild and pagebuild, as the format tests import them
    sys.path.insert(0, str(HERE / "formats"))

FORMATS = ("txt", "md", "docx", "html", "pdf")
SPLICED = ("txt", "md", "docx", "html")  # what b_splice takes from (as before .pdf: the campaigns stay the same)
RUNS_ENV, SEED_ENV = "FZLINT_FUZZ_RUNS", "FZLINT_FUZZ_SEED"
DEFAULT_SEED = 12
SUFFIX = {"txt": ".txt", "md": ".md", "docx": ".docx", "html": ".html", "pdf": ".pdf"}


@dataclass
class Mutant:
    fmt: str  # the base's format: txt, md, docx, html, pdf
    index: int
    seed: int
    base: str  # the base's name
    chain: list[str] = field(default_factory=list)  # each mutation as applied, with its parameters
    data: bytes = b""

    @property
    def name(self) -> str:
        return f"{self.fmt}-{self.index:04d}"

    @property
    def filename(self) -> str:
        return self.name + SUFFIX[self.fmt]

    def describe(self) -> str:
        """What reproduces it: the call that makes the same bytes, and what was done."""
        return (f"mutant({self.fmt!r}, {self.index}, {self.seed}) from {self.base}: "
                + " → ".join(self.chain) + f" ({len(self.data):,} bytes)")


def mutant(fmt: str, index: int, seed: int) -> Mutant:
    """The index-th mutant of a format in the campaign with this seed."""
    rng = random.Random(f"{seed}:{fmt}:{index}")
    base, data = rng.choice(bases(fmt))
    m = Mutant(fmt, index, seed, base)
    data = _MAKERS[fmt](rng, m, data)
    m.data = data
    return m


# -- the bases ---------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_texts() -> tuple[tuple[str, str], ...]:
    """The five seeds (conftest.SEEDS) and the example draft, by name. A
    checkout without the seeds beside it (a clone under /tmp) fuzzes the
    example draft alone, so that the fuzz tests still run there; its mutants
    differ from those made with the seeds, and a failure names the bases it
    had (describe())."""
    from conftest import SEEDS

    found = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in found]
    texts.append(("examples/draft.txt", (ROOT / "examples" / "draft.txt").read_text(encoding="utf-8")))
    return tuple(texts)


_MD_LEVEL = (re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）"))


def as_markdown(text: str) -> str:
    """A seed as a Markdown draft: # on the title, ## and ### on the first two
    levels of headings, a comment and a fenced block after its eighth line."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i == 0 and line.strip():
            line = "# " + line
        elif _MD_LEVEL[0].match(line):
            line = "## " + line
        elif _MD_LEVEL[1].match(line):
            line = "### " + line
        out.append(line)
    at = min(len(out), 8)
    out[at:at] = ["<!-- 备注：数据以统计局口径为准 -->", "", "```", "一、这不是正文", "1、也不是", "```", ""]
    return "\n".join(out)


@lru_cache(maxsize=None)
def bases(fmt: str) -> tuple[tuple[str, bytes], ...]:
    texts = seed_texts()
    if fmt == "txt":
        return tuple((name, text.encode("utf-8")) for name, text in texts)
    if fmt == "md":
        return tuple((name.replace(".txt", ".md"), as_markdown(text).encode("utf-8")) for name, text in texts)
    if fmt == "html":
        from pagebuild import page

        out = []
        for name, text in texts:
            out.append((name.replace(".txt", ".html"), page(text, title="法治政府建设年度报告")[0].encode("utf-8")))
            out.append((name.replace(".txt", "-gb2312.html"),
                        page(text, title="法治政府建设年度报告", charset="gb2312")[0].encode("gb18030")))
        return tuple(out)
    if fmt == "docx":
        out = [(p.name, p.read_bytes()) for p in sorted((HERE / "fixtures").glob("*.docx"))]
        for name, text in texts:
            out.append((name.replace(".txt", "-typed.docx"), docx_bytes(text, numbered=False)))
            out.append((name.replace(".txt", "-numbered.docx"), docx_bytes(text, numbered=True)))
        return tuple(out)
    if fmt == "pdf":
        return pdf_bases(texts)
    raise ValueError(fmt)


def pdf_bases(texts) -> tuple[tuple[str, bytes], ...]:
    """The seeds printed to PDF by the real LibreOffice: each .txt as it is,
    and the first also from a .docx laid out as a printed report (a running
    header, page numbers in the footer, first-line indents). Needs soffice."""
    import shutil
    import subprocess

    import pdfbuild

    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("the .pdf mutants are made by LibreOffice (soffice), which is not installed")
    with tempfile.TemporaryDirectory(prefix="fzlint-fuzz-pdf-") as tmp:
        folder = Path(tmp)
        sources = []
        for number, (name, text) in enumerate(texts):
            sources.append(folder / f"{number}.txt")
            sources[-1].write_text(text, encoding="utf-8")
        sources.append(folder / "printed.docx")
        pdfbuild.printed(texts[0][1], sources[-1])
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, sources)],
                       capture_output=True, timeout=600, check=True)
        names = [name.replace(".txt", ".pdf").replace("/", "-") for name, _ in texts] + ["printed-docx.pdf"]
        return tuple((name, (folder / "pdf" / f"{source.stem}.pdf").read_bytes())
                     for name, source in zip(names, sources))


def docx_bytes(text: str, numbered: bool) -> bytes:
    """A .docx of text's lines built by docxbuild (markers by automatic numbering, or typed)."""
    import docxbuild

    with tempfile.TemporaryDirectory(prefix="fzlint-fuzz-") as tmp:
        path = Path(tmp) / "d.docx"
        (docxbuild.numbered if numbered else docxbuild.typed)(text, path)
        return path.read_bytes()


# -- sizes and samples ---------------------------------------------------------


def size(rng: random.Random) -> int:
    """Mostly small, sometimes large: 1–30 (60%), to 2,000 (25%), to 60,000 (12%), to 300,000 (3%)."""
    r = rng.random()
    if r < 0.60:
        return rng.randint(1, 30)
    if r < 0.85:
        return rng.randint(31, 2000)
    if r < 0.97:
        return rng.randint(2001, 60000)
    return rng.randint(60001, 300000)


MARKER_LINES = ("一、", "（一）", "1.", "（1）", "十、", "1、", "(一)", "（１）", "１．", "一.", "#", "## ", "### 一、",
                "###### （1）", "####### 1.", "一、 ", "　一、", "\t1.", "（ 一 ）、", "九九九九、")
WHITE = ("\x0c", "\u2003", "\u2028", "\u2029", "\x85", "\u3000", "\xa0", "\x0b", "\u200b", "\ufeff", "\x1c",
         "\x1d", "\x1e", "\t", " ", "\u2000", "\u205f", "\u180e", "\r")
HUGE_MARKERS = ("九九九、", "九九九九、", "（九九九九）", "999.", "（999）", "十十十十、", "〇、", "0.", "000.", "（0）",
                "十九九九、", "９９９．", "(九九九九),", "一二三四、", "（十十十十）、")
DATES = ("9999年99月99日", "0000年00月00日", "2023年2月30日", "二〇二三年十三月三十二日", "九九九九年九十九月九十九日",
         "2023年0月0日", "2023-99-99", "0000-00-00", "2023年1011日", "99999年1月1日", "2023年 1 月 1 日",
         "〇〇〇〇年〇月〇日", "2023年十十十月十十十日", "1900年2月29日", "2000年2月29日", "2023.12.31")
INLINE = ("截至2023年12月32日", "2023年13月", "第99999999999999999999季度", "99999999999999999999%",
          "共办理案件99999999999999999999件，其中行政复议1件、行政诉讼99999999999999999999件",
          "满意率达999.9%", "同比增长-0%", "其中其中其中", "1" * 5000 + "件", "2023年" + "9" * 4400 + "月",
          "办结率" + "9" * 4400 + "%", "其中" + "9" * 4400 + "件", "0." + "0" * 4400 + "1%",
          "《》", "《", "》", "“", "”", "（", "）", "[", "]", "【", "】", "‘", "\"", "'", "特此报告。",
          "联系人：张三，联系电话：12345678", "— 9 —", "【打印本页】", "𠀀😀", "\u202e", "\u0301", "\ud800")
RUN_CHARS = ("，", "一", "（", "“", "《", "0", "9", " ", "\t", "#", "、", "。", ",", "(", "-", "—", "…", "a", "年",
             "其中", "<!--", "-->", "```", "一、", "（一）", "1.", "2023年", "\n", "一、\n", "1.\n", "\u3000",
             "率", "%", "万", "亿", "\\", "*", "《行政处罚法》", "法制宣传教育", "，，", "1,", "“”")
SWAPS = (("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("！", "!"), ("？", "?"), ("．", "."),
         ("０", "0"), ("１", "1"), ("２", "2"), ("　", " "), ("“", "\""), ("”", "\""), ("、", ","), ("。", "."))


def _pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def _show(value: str, limit: int = 24) -> str:
    """A parameter as the chain records it: short, escaped."""
    text = value if len(value) <= limit else f"{value[:limit]}…({len(value):,})"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


# -- text mutations: (rng, text) -> (text, description) -------------------------


def t_marker_line(rng, text):
    lines = text.split("\n")
    marker = _pick(rng, MARKER_LINES)
    at = rng.randint(0, len(lines))
    count = rng.choice((1, 1, 1, 3, size(rng)))
    lines[at:at] = [marker] * count
    return "\n".join(lines), f"marker_line({_show(marker)}×{count}@{at})"


def t_white_line(rng, text):
    lines = text.split("\n")
    chars = "".join(_pick(rng, WHITE) for _ in range(rng.randint(1, 20)))
    at = rng.randint(0, len(lines))
    lines.insert(at, chars)
    return "\n".join(lines), f"white_line({_show(chars)}@{at})"


def t_white_inline(rng, text):
    ch = _pick(rng, WHITE) * rng.choice((1, 1, 2, size(rng)))
    at = rng.randint(0, len(text))
    return text[:at] + ch + text[at:], f"white_inline({_show(ch)}@{at})"


def t_huge_marker(rng, text):
    lines = text.split("\n")
    marker = _pick(rng, HUGE_MARKERS)
    heads = [i for i, ln in enumerate(lines) if re.match(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.、])", ln)]
    if heads and rng.random() < 0.7:
        i = _pick(rng, heads)
        lines[i] = re.sub(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.、])", marker, lines[i])
        return "\n".join(lines), f"huge_marker(replace {_show(marker)} line {i + 1})"
    at = rng.randint(0, len(lines))
    lines.insert(at, marker + "加强行政执法监督")
    return "\n".join(lines), f"huge_marker(insert {_show(marker)}@{at})"


def t_date(rng, text):
    lines = text.split("\n")
    date = _pick(rng, DATES)
    dated = [i for i, ln in enumerate(lines) if re.fullmatch(r"\s*\S{4}年\S{1,3}月\S{1,3}日\s*", ln)]
    if dated and rng.random() < 0.5:
        i = _pick(rng, dated)
        lines[i] = date
        return "\n".join(lines), f"date(replace {_show(date)} line {i + 1})"
    at = rng.choice((len(lines), rng.randint(0, len(lines))))
    lines.insert(at, date)
    return "\n".join(lines), f"date(insert {_show(date)}@{at})"


def t_inline(rng, text):
    piece = _pick(rng, INLINE)
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:], f"inline({_show(piece)}@{at})"


def t_run(rng, text):
    ch = _pick(rng, RUN_CHARS)
    n = size(rng)
    run = ch * max(1, n // len(ch))
    at = rng.randint(0, len(text))
    return text[:at] + run + text[at:], f"run({_show(ch)}×{n // len(ch) or 1}@{at})"


def t_duplicate(rng, text):
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 20))
    times = rng.choice((1, 2, 5, size(rng) // 10 + 1))
    block = lines[i:j]
    lines[j:j] = block * times
    return "\n".join(lines), f"duplicate(lines {i + 1}-{j} ×{times})"


def t_delete(rng, text):
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 30))
    del lines[i:j]
    return "\n".join(lines), f"delete(lines {i + 1}-{j})"


def t_reorder(rng, text):
    lines = text.split("\n")
    if rng.random() < 0.3:
        rng.shuffle(lines)
        return "\n".join(lines), "reorder(shuffle all)"
    i, j = sorted(rng.sample(range(len(lines) + 1), 2)) if len(lines) > 1 else (0, 0)
    block = lines[i:j]
    del lines[i:j]
    at = rng.randint(0, len(lines))
    lines[at:at] = block
    return "\n".join(lines), f"reorder(lines {i + 1}-{j} to {at})"


def t_endings(rng, text):
    lines = text.split("\n")
    style = rng.choice(("mixed", "one-crlf", "one-cr", "all-cr", "cr-crlf"))
    if style == "mixed":
        ends = [rng.choice(("\n", "\r\n", "\r")) for _ in lines[:-1]]
    elif style == "one-crlf":
        ends = ["\n"] * (len(lines) - 1)
        if ends:
            ends[rng.randrange(len(ends))] = "\r\n"
    elif style == "one-cr":
        ends = ["\n"] * (len(lines) - 1)
        if ends:
            ends[rng.randrange(len(ends))] = "\r"
    elif style == "all-cr":
        ends = ["\r"] * (len(lines) - 1)
    else:
        ends = [rng.choice(("\r", "\r\n", "\r\r\n", "\n\r")) for _ in lines[:-1]]
    return "".join(ln + e for ln, e in zip(lines, ends + [""])), f"endings({style})"


MD_PIECES = ("<!-- 备注 -->", "<!--", "-->", "<!-- fzlint-disable -->", "<!-- fzlint-enable -->",
             "<!-- fzlint-disable-next-line FZ501 -->", "<!-- fzlint-disable FZ", "<!---->", "<!-- a\nb -->",
             "<!-- TODO -->", "<!-- <!-- -->", "<!-- 一、主要举措和成效 -->")
FENCES = ("```", "~~~", "````", "```python", "   ```", "    ```", "``` inline ```", "~~~~~", "```\n一、代码\n```",
          "~~~\n", "```\n")


def t_md_comment(rng, text):
    piece = _pick(rng, MD_PIECES)
    if rng.random() < 0.5:
        lines = text.split("\n")
        at = rng.randint(0, len(lines))
        lines.insert(at, piece)
        return "\n".join(lines), f"md_comment(line {_show(piece)}@{at})"
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:], f"md_comment(inline {_show(piece)}@{at})"


def t_md_fence(rng, text):
    lines = text.split("\n")
    piece = _pick(rng, FENCES)
    at = rng.randint(0, len(lines))
    lines.insert(at, piece)
    return "\n".join(lines), f"md_fence({_show(piece)}@{at})"


def t_tabs(rng, text):
    lines = text.split("\n")
    count = rng.randint(1, max(1, len(lines) // 3))
    for _ in range(count):
        i = rng.randrange(len(lines))
        j = rng.randint(0, len(lines[i])) if rng.random() < 0.5 else 0
        lines[i] = lines[i][:j] + "\t" * rng.randint(1, 4) + lines[i][j:]
    return "\n".join(lines), f"tabs({count} lines)"


def t_swap(rng, text):
    chosen = rng.sample(SWAPS, rng.randint(1, 5))
    rate = rng.choice((0.1, 0.5, 1.0))
    out = []
    table = {}
    for full, half in chosen:
        if rng.random() < 0.5:
            table[full] = half
        else:
            table[half] = full
    for ch in text:
        out.append(table[ch] if ch in table and rng.random() < rate else ch)
    return "".join(out), f"swap({''.join(f'{a}→{b}' for a, b in table.items())} at {rate})"


def t_join(rng, text):
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.choice((2, 10, len(lines))))
    lines[i:j] = ["".join(lines[i:j])]
    return "\n".join(lines), f"join(lines {i + 1}-{j})"


def t_split(rng, text):
    count = rng.randint(1, 20)
    for _ in range(count):
        at = rng.randint(0, len(text))
        text = text[:at] + "\n" + text[at:]
    return text, f"split({count})"


def t_nest(rng, text):
    """A cascade of headings, each level under the last, repeated."""
    levels = ("一、", "（一）", "1.", "（1）")
    n = rng.choice((5, 50, size(rng)))
    lines = [f"{levels[k % 4]}标题{k}" for k in range(n)]
    at = rng.randint(0, text.count("\n") + 1)
    all_lines = text.split("\n")
    all_lines[at:at] = lines
    return "\n".join(all_lines), f"nest({n}@{at})"


TEXT_MUTATIONS = (t_marker_line, t_white_line, t_white_inline, t_huge_marker, t_date, t_inline, t_run, t_duplicate,
                  t_delete, t_reorder, t_endings, t_tabs, t_swap, t_join, t_split, t_nest)
MD_MUTATIONS = (t_md_comment, t_md_fence)


def encode_text(rng: random.Random, text: str) -> tuple[bytes, str]:
    """text in one of the encodings drafts come in (UTF-8 mostly)."""
    encoding = rng.choice(("utf-8",) * 6 + ("utf-8-sig", "gb18030", "utf-16-le", "utf-16-be"))
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    prefix = codecs.BOM_UTF8 if encoding == "utf-8-sig" else boms.get(encoding, b"")
    errors = "replace" if codec == "gb18030" else "surrogatepass"
    return prefix + text.encode(codec, errors), encoding


# -- byte mutations: (rng, data, mutant) -> (data, description) -----------------

BAD_UTF8 = (b"\xff", b"\xc3", b"\xe4\xb8", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80",
            b"\x80", b"\xfe")
BAD_GB = (b"\x81", b"\x81\x30", b"\x81\x30\x81", b"\xff\xff", b"\x80", b"\x81\x7f", b"\xa1", b"\x84\x31\xa5\x30")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
MAGICS = (b"PK\x03\x04", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"<html>", b"<!DOCTYPE html>", b"\xd0\xcf\x11\xe0",
          b"\x7fELF", b"GIF89a", b"<?xml version=\"1.0\"?>", b"{\\rtf1", b"\x1f\x8b\x08")


def _at(rng, data: bytes) -> int:
    return rng.randint(0, len(data))


def b_flip(rng, data, m):
    out = bytearray(data)
    count = rng.choice((1, 2, 8, 64))
    for _ in range(count):
        if out:
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip({count} bits)"


def b_insert(rng, data, m):
    n = rng.choice((1, 4, 64, size(rng)))
    at = _at(rng, data)
    return data[:at] + rng.randbytes(n) + data[at:], f"insert({n} random bytes@{at})"


def b_delete(rng, data, m):
    at = _at(rng, data)
    n = rng.choice((1, 2, 3, 100, size(rng)))
    return data[:at] + data[at + n:], f"delete({n}@{at})"


def b_truncate(rng, data, m):
    at = _at(rng, data)
    return data[:at], f"truncate({at})"


def b_splice(rng, data, m):
    other_fmt = rng.choice(SPLICED)
    name, other = rng.choice(bases(other_fmt))
    at, at2 = _at(rng, data), _at(rng, other)
    return data[:at] + other[at2:], f"splice({at} + {name}[{at2}:])"


def b_nul(rng, data, m):
    n = rng.choice((1, 2, 50, size(rng)))
    at = _at(rng, data)
    return data[:at] + b"\x00" * n + data[at:], f"nul({n}@{at})"


def b_bad_utf8(rng, data, m):
    seq = _pick(rng, BAD_UTF8)
    at = _at(rng, data)
    return data[:at] + seq + data[at:], f"bad_utf8({seq!r}@{at})"


def b_bad_gb(rng, data, m):
    seq = _pick(rng, BAD_GB)
    at = _at(rng, data)
    return data[:at] + seq + data[at:], f"bad_gb18030({seq!r}@{at})"


def b_bom(rng, data, m):
    bom = _pick(rng, BOMS)
    at = rng.choice((0, _at(rng, data)))
    return data[:at] + bom + data[at:], f"bom({bom!r}@{at})"


def b_magic(rng, data, m):
    magic = _pick(rng, MAGICS)
    return magic + data, f"magic({magic!r})"


def b_controls(rng, data, m):
    out = bytearray(data)
    count = rng.randint(1, 40)
    for _ in range(count):
        out.insert(rng.randint(0, len(out)), rng.randint(1, 8))
    return bytes(out), f"controls({count})"


BYTE_MUTATIONS = (b_flip, b_insert, b_delete, b_truncate, b_splice, b_nul, b_bad_utf8, b_bad_gb, b_bom, b_magic,
                  b_controls)


# -- .docx mutations: (rng, parts, mutant) -> description; parts: name -> bytes, in archive order -----

JUNK = ("", "x", "-1", "-999999", "²", "١", "８", "1.5", "1e3", " 1", "0x1F", "9" * 5000, "99999999999999999999",
        "2147483648", "NaN", "%1%1%1", "%0", "%10", "\u202e", "true", "none", "-0", "+3", "٣", "Ⅻ", "①")
STARTS = ("999999999", "9" * 5000, "-5", "0", "4000", "1000", "²", "99999999999999999999", "2147483647", "-1")
NUM_FMTS = ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "chineseCounting", "decimalEnclosedCircle",
            "bullet", "none", "junk", "ideographDigital", "decimalZero", "ideographZodiac", "chineseLegalSimplified",
            "decimalFullWidth", "taiwaneseCountingThousand", "")
LVL_TEXTS = ("%1%2%3%4%5%6%7%8%9", "%0", "%1" * 1000, "%", "%%1", "（%9）", "", "%1.%2.%3.%4.%5.%6.%7.%8.%9.",
             "\u2028%1", "%1、" * 50)
PARTS = ("word/numbering.xml", "word/styles.xml", "word/document.xml", "[Content_Types].xml", "_rels/.rels",
         "word/_rels/document.xml.rels", "word/settings.xml", "docProps/core.xml")
_ATTR = re.compile(rb'(w:[A-Za-z]+)="([^"]*)"')
_XML_DECL = re.compile(rb"^<\?xml[^>]*\?>")


def _part_name(rng, parts, prefer=("word/numbering.xml", "word/styles.xml", "word/document.xml")) -> str | None:
    names = [p for p in prefer if p in parts]
    return rng.choice(names) if names else None


def _xml_attr(value: str) -> bytes:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").encode("utf-8")


def d_junk_attr(rng, parts, m):
    name = _part_name(rng, parts)
    if name is None:
        return "junk_attr(no part)"
    found = list(_ATTR.finditer(parts[name]))
    if not found:
        return f"junk_attr({name}: no attribute)"
    wanted = [f for f in found if f.group(1) in (b"w:val", b"w:ilvl", b"w:numId", b"w:abstractNumId", b"w:styleId")]
    hit = rng.choice(wanted or found)
    junk = _pick(rng, JUNK)
    data = parts[name]
    parts[name] = data[:hit.start(2)] + _xml_attr(junk) + data[hit.end(2):]
    return f"junk_attr({name} {hit.group(1).decode()}#{found.index(hit)}={_show(junk)})"


def _set_all(parts, name, pattern: bytes, value: bytes, rng) -> int:
    data = parts.get(name)
    if data is None:
        return 0
    hits = list(re.finditer(pattern, data))
    if not hits:
        return 0
    chosen = [h for h in hits if rng.random() < 0.5] or [rng.choice(hits)]
    for h in reversed(chosen):
        data = data[:h.start(1)] + value + data[h.end(1):]
    parts[name] = data
    return len(chosen)


def d_start(rng, parts, m):
    start, fmt = _pick(rng, STARTS), _pick(rng, NUM_FMTS)
    n = _set_all(parts, "word/numbering.xml", rb'<w:start w:val="([^"]*)"', _xml_attr(start), rng)
    n += _set_all(parts, "word/numbering.xml", rb'<w:startOverride w:val="([^"]*)"', _xml_attr(start), rng)
    f = _set_all(parts, "word/numbering.xml", rb'<w:numFmt w:val="([^"]*)"', _xml_attr(fmt), rng)
    return f"start({_show(start)} on {n}, numFmt {fmt or '∅'} on {f})"


def d_lvl_text(rng, parts, m):
    text = _pick(rng, LVL_TEXTS)
    n = _set_all(parts, "word/numbering.xml", rb'<w:lvlText w:val="([^"]*)"', _xml_attr(text), rng)
    return f"lvl_text({_show(text)} on {n})"


def d_remove(rng, parts, m):
    name = rng.choice([p for p in PARTS if p in parts] or list(parts))
    del parts[name]
    return f"remove({name})"


def d_dtd(rng, parts, m):
    name = _part_name(rng, parts, PARTS)
    if name is None:
        return "dtd(no part)"
    dtd = rng.choice((b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>', b'<!DOCTYPE w SYSTEM "http://example.com/x.dtd">',
                      b'<!ENTITY x SYSTEM "file:///etc/passwd">'))
    data = parts[name]
    m_ = _XML_DECL.match(data)
    at = m_.end() if m_ else 0
    # beyond the first 4 KiB as well, where a check of the part's head does not look
    if rng.random() < 0.3:
        at = len(data) // 2
    parts[name] = data[:at] + dtd + data[at:]
    return f"dtd({name}@{at})"


def d_entity(rng, parts, m):
    name = "word/document.xml"
    if name not in parts:
        return "entity(no document)"
    junk = rng.choice((b"&#0;", b"&#xD800;", b"&undefined;", b"&#99999999999;", b"<", b"&", b"]]>", b"<w:t>",
                       b"</w:body>", b"\xff\xfe"))
    data = parts[name]
    texts = [mm.end() for mm in re.finditer(rb"<w:t(?: [^>]*)?>", data)]
    at = rng.choice(texts) if texts else len(data) // 2
    parts[name] = data[:at] + junk + data[at:]
    return f"entity({junk!r}@{at})"


def d_repeat(rng, parts, m):
    """One paragraph repeated many times: long documents, numbering counters run far."""
    name = "word/document.xml"
    data = parts.get(name)
    if data is None:
        return "repeat(no document)"
    paras = list(re.finditer(rb"<w:p[ >].*?</w:p>", data, re.S))
    if not paras:
        return "repeat(no paragraph)"
    p = rng.choice(paras)
    times = rng.choice((10, 1000, size(rng)))
    times = min(times, 40000)
    parts[name] = data[:p.end()] + p.group() * times + data[p.end():]
    return f"repeat(paragraph {paras.index(p) + 1} ×{times})"


def d_nest(rng, parts, m):
    """A paragraph wrapped in elements nested deep (smart tags, hyperlinks, runs)."""
    name = "word/document.xml"
    data = parts.get(name)
    if data is None:
        return "nest(no document)"
    paras = list(re.finditer(rb"<w:p[ >].*?</w:p>", data, re.S))
    if not paras:
        return "nest(no paragraph)"
    p = rng.choice(paras)
    depth = rng.choice((10, 100, 250, 1000, 5000))
    tag = rng.choice((b"w:sdt", b"w:customXml", b"w:smartTag", b"w:ins"))
    if tag == b"w:sdt":
        opening, closing = b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"
    else:
        opening, closing = b"<" + tag + b">", b"</" + tag + b">"
    parts[name] = data[:p.start()] + opening * depth + p.group() + closing * depth + data[p.end():]
    return f"nest({tag.decode()}×{depth} around paragraph {paras.index(p) + 1})"


def d_numpr(rng, parts, m):
    """Paragraphs given numbering that points nowhere or at deep levels."""
    name = "word/document.xml"
    data = parts.get(name)
    if data is None:
        return "numpr(no document)"
    ilvl, num_id = _pick(rng, ("0", "8", "9", "-1", "99", "x", "²")), _pick(rng, ("1", "10", "11", "0", "999", "x", ""))
    numpr = (b'<w:pPr><w:numPr><w:ilvl w:val="' + _xml_attr(ilvl) + b'"/><w:numId w:val="' + _xml_attr(num_id)
             + b'"/></w:numPr></w:pPr>')
    chosen = 0

    def add(m):
        nonlocal chosen
        if rng.random() < 0.3:
            chosen += 1
            return m.group() + numpr
        return m.group()

    parts[name] = re.sub(rb"<w:p>", add, data)
    return f"numpr(ilvl={_show(ilvl)} numId={_show(num_id)} on {chosen})"


DOCX_MUTATIONS = (d_junk_attr, d_junk_attr, d_start, d_start, d_lvl_text, d_remove, d_dtd, d_entity, d_repeat, d_nest,
                  d_numpr)


def _unzip(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {i.filename: z.read(i) for i in z.infolist()}
    except Exception:  # noqa: BLE001 - a base already damaged by a byte mutation
        return None


def _zip(parts: dict[str, bytes], rng, m) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if rng.random() < 0.9 else rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_BZIP2,
                                                                         zipfile.ZIP_LZMA))
    if method != zipfile.ZIP_DEFLATED:
        m.chain.append(f"zip_method({method})")
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return out.getvalue()


# -- .html mutations: (rng, markup) -> (markup, description) -------------------

CHARSETS = ("rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "utf-7", "utf-32", "idna", "punycode",
            "unicode_escape", "raw_unicode_escape", "undefined", "mbcs", "x-user-defined", "big5", "shift_jis",
            "iso-2022-jp", "utf-16", "utf-16-le", "cp1252", "latin1", "ascii", "gb2312", "utf-8", "utf8", "",
            "string_escape", "rot_13", "base64_codec", "cp037", "utf_32_be", "koi8-r", "euc-kr", "charmap")
END_TAGS = ("</p>", "</div>", "</html>", "</body>", "</script>", "</pre>", "</li>", "</td>", "</table>", "</h1>",
            "</a>", "</span>", "</head>", "</style>", "</title>")
UNCLOSED = ("<p", "<div class=", "<!--", "<script>", "<![CDATA[", "<?xml", "<!DOCTYPE", "<style>", "<pre>",
            "<textarea>", "<title>", "<a href=\"", "<h1>", "<table><tr><td>", "<noscript>", "<xmp>", "<plaintext>",
            "<iframe>", "<svg>", "<math>", "<template>")
SCRIPTS = ('<script>document.write("</p><p>一、脚本</p>");</script>', "<script><!--\n一、注释里的脚本\n", "<script>",
           "<style>p{}</style", '<script type="text/template"><p>一、模板</p></script>',
           "<noscript><p>一、无脚本</p></noscript>",
           "<script>var a = '</script>';</script>", "<script>" + "x" * 1000)
ENTITIES = ("&#0;", "&#xD800;", "&#99999999999;", "&nbsp;", "&lt;!--", "&amp;lt;", "&#x2028;", "&#12;", "&#133;",
            "&unknown;", "&#x110000;", "&", "&#", "&#x;")
TAGS = ("div", "span", "p", "li", "ul", "table", "td", "section", "font", "b", "pre", "h2", "blockquote", "a", "tr")


def h_nest(rng, markup):
    depth = rng.choice((10, 500, 5000, 50000))
    tag = _pick(rng, TAGS)
    close = rng.random() < 0.5
    at = markup.find("<p>")
    at = at if at >= 0 else len(markup) // 2
    inner = f"<{tag}>" * depth + "<p>一、嵌套很深的段落</p>" + (f"</{tag}>" * depth if close else "")
    return markup[:at] + inner + markup[at:], f"nest(<{tag}>×{depth}{'' if close else ' unclosed'})"


def h_stray(rng, markup):
    n = rng.choice((1, 10, size(rng)))
    tags = "".join(_pick(rng, END_TAGS) for _ in range(min(n, 50)))
    times = max(1, n // 50)
    at = rng.randint(0, len(markup))
    return markup[:at] + tags * times + markup[at:], f"stray_end({n}@{at})"


def h_deep_stray(rng, markup):
    """Elements left open deep, then end tags that close none of them."""
    depth = rng.choice((100, 2000, 10000))
    tag, stray = _pick(rng, TAGS), _pick(rng, END_TAGS)
    at = max(0, markup.find("<p>"))
    inner = f"<{tag}>" * depth + "<p>一、深处的段落</p>" + stray * rng.choice((10, depth))
    return markup[:at] + inner + markup[at:], f"deep_stray(<{tag}>×{depth} then {stray}s)"


def h_charset(rng, markup):
    label = _pick(rng, CHARSETS)
    new, n = re.subn(r"charset=[^\"'>\s]*", f"charset={label}", markup, count=1)
    if not n:
        new = f'<meta charset="{label}">' + markup
    return new, f"charset({label or '∅'})"


def h_unclosed(rng, markup):
    piece = _pick(rng, UNCLOSED)
    at = rng.choice((markup.find("<p>"), rng.randint(0, len(markup))))
    at = max(at, 0)
    return markup[:at] + piece + markup[at:], f"unclosed({_show(piece)}@{at})"


def h_script(rng, markup):
    piece = _pick(rng, SCRIPTS)
    at = rng.choice((markup.find("<p>"), rng.randint(0, len(markup))))
    at = max(at, 0)
    return markup[:at] + piece + markup[at:], f"script({_show(piece)}@{at})"


def h_flood(rng, markup):
    tag = rng.choice(("<br>", "<br/>", "<p></p>", "<pre>\n\n\n</pre>", "<hr>", "<h1>一、</h1>", "<li>", "<td>", "&nbsp;",
                      "<p>一、</p>", "<wbr>", "<pre>" + "\n" * 100 + "</pre>", "<p>（一）标题</p>"))
    n = size(rng)
    at = rng.randint(0, len(markup))
    return markup[:at] + tag * n + markup[at:], f"flood({_show(tag)}×{n}@{at})"


def h_entity(rng, markup):
    piece = _pick(rng, ENTITIES) * rng.choice((1, 1, 3, size(rng)))
    at = rng.randint(0, len(markup))
    return markup[:at] + piece + markup[at:], f"entity({_show(piece)}@{at})"


def h_attrs(rng, markup):
    attr = rng.choice(('style="display:none"', 'hidden', 'role="navigation"', 'class="' + "x " * 5000 + '"',
                       'class="footer"', 'id="nav"', 'style="' + "a" * 10000 + '"', 'a="' + "\n" * 1000 + '"'))
    tag = rng.choice(("<div class=\"TRS_Editor\">", "<div class=\"main-content\">", "<body>", "<p>"))
    return markup.replace(tag, tag[:-1] + " " + attr + ">", 1), f"attrs({_show(tag)} += {_show(attr)})"


def h_heading(rng, markup):
    piece = rng.choice(("<h1><p>一、段中标题</p></h1>", "<h2><h3>（一）</h3></h2>", "<h9>一、</h9>", "<h1>" + "标" * 5000 + "</h1>",
                        "<h4>1.</h4><h4>1.</h4>", "<h1></h1>", "<h2>" + "<br>" * 100 + "</h2>",
                        "<h1>一、<pre>\n\n</pre></h1>"))
    at = max(0, markup.find("<p>"))
    return markup[:at] + piece + markup[at:], f"heading({_show(piece)})"


HTML_MUTATIONS = (h_nest, h_stray, h_deep_stray, h_charset, h_charset, h_unclosed, h_script, h_flood, h_entity,
                  h_attrs, h_heading)


# -- one mutant per format -------------------------------------------------------


def _chain_length(rng) -> int:
    return rng.choice((1, 1, 2, 2, 3, 4))


def _text_of(data: bytes, fmt: str) -> str:
    return data.decode("gb18030" if fmt == "html" and b"gb2312" in data[:1000] else "utf-8")


def make_text(rng, m: Mutant, data: bytes) -> bytes:
    """A .txt or .md: text mutations, then an encoding, then (sometimes) byte mutations."""
    text = _text_of(data, m.fmt)
    pool = TEXT_MUTATIONS + (MD_MUTATIONS * 4 if m.fmt == "md" else ())
    for _ in range(_chain_length(rng)):
        text, what = rng.choice(pool)(rng, text)
        m.chain.append(what)
    data, encoding = encode_text(rng, text)
    m.chain.append(f"encode({encoding})")
    if rng.random() < 0.25:
        data = _bytes(rng, m, data)
    return data


def _bytes(rng, m: Mutant, data: bytes) -> bytes:
    for _ in range(rng.choice((1, 1, 2))):
        data, what = rng.choice(BYTE_MUTATIONS)(rng, data, m)
        m.chain.append(what)
    return data


REBUILD_LINES = 1500
_XML_SAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def make_docx(rng, m: Mutant, data: bytes) -> bytes:
    """A .docx: its parts mutated (or the draft rebuilt from a mutated text), then sometimes its bytes."""
    r = rng.random()
    if r < 0.15:  # rebuilt from a mutated text, as a Word user would type it
        name, text = rng.choice(seed_texts())
        for _ in range(_chain_length(rng)):
            text, what = rng.choice(TEXT_MUTATIONS)(rng, text)
            m.chain.append(what)
        numbered = rng.random() < 0.5
        # python-docx takes time quadratic in the paragraphs to build: large
        # documents are made by d_repeat instead
        text = "\n".join(_XML_SAFE.sub("", text.replace("\r", "")).split("\n")[:REBUILD_LINES])
        m.chain.append(f"rebuild({'numbered' if numbered else 'typed'} from {name})")
        data = docx_bytes(text, numbered)
    elif r < 0.85:
        parts = _unzip(data)
        for _ in range(_chain_length(rng)):
            m.chain.append(rng.choice(DOCX_MUTATIONS)(rng, parts, m))
        data = _zip(parts, rng, m)
    if r >= 0.70:
        data = _bytes(rng, m, data)
    return data


def make_html(rng, m: Mutant, data: bytes) -> bytes:
    """A web page: markup mutations (and text mutations on the markup's lines), an encoding, sometimes bytes."""
    gb = b"gb2312" in data[:1000]
    markup = _text_of(data, "html")
    for _ in range(_chain_length(rng)):
        if rng.random() < 0.7:
            markup, what = rng.choice(HTML_MUTATIONS)(rng, markup)
        else:
            markup, what = rng.choice(TEXT_MUTATIONS)(rng, markup)
        m.chain.append(what)
    data = markup.encode("gb18030" if gb else "utf-8", "replace" if gb else "surrogatepass")
    if rng.random() < 0.2:
        data = _bytes(rng, m, data)
    return data


# -- .pdf mutations: (rng, data, mutant) -> (data, description) -----------------


def p_truncate(rng, data, m):
    if not data:
        return data, "pdf_truncate(empty)"
    at = rng.choice((rng.randint(0, len(data)), len(data) - rng.randint(1, min(len(data), 2000))))
    return data[:at], f"pdf_truncate({at})"


def p_count(rng, data, m):
    value = _pick(rng, (b"0", b"-1", b"1", b"999999999", b"2147483648", b"501", b"1e9", b"x"))
    return re.sub(rb"/Count \d+", b"/Count " + value, data, count=rng.choice((0, 1))), f"pdf_count({value!r})"


def p_length(rng, data, m):
    lengths = [mt.span(1) for mt in re.finditer(rb"/Length (\d+)", data)]
    if not lengths:
        return data, "pdf_length(none)"
    start, end = rng.choice(lengths)
    value = str(rng.choice((0, 1, int(data[start:end]) // 2, int(data[start:end]) + 100, 10 ** 9))).encode()
    return data[:start] + value + data[end:], f"pdf_length({value.decode()}@{start})"


def p_xref(rng, data, m):
    at = data.rfind(b"startxref")
    if at < 0:
        return data, "pdf_xref(none)"
    value = str(rng.choice((0, 1, at // 2, at + 1000))).encode()
    return data[:at] + b"startxref\n" + value + b"\n%%EOF\n", f"pdf_xref({value.decode()})"


def p_object(rng, data, m):
    objects = [mt.span() for mt in re.finditer(rb"\n\d+ 0 obj\b.*?endobj", data, re.S)]
    if not objects:
        return data, "pdf_object(none)"
    start, end = rng.choice(objects)
    return data[:start] + data[end:], f"pdf_object(delete {start}:{end})"


def p_stream(rng, data, m):
    streams = [mt.span(1) for mt in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)]
    if not streams:
        return data, "pdf_stream(none)"
    start, end = rng.choice(streams)
    n = min(end - start, rng.choice((1, 16, 256)))
    at = rng.randint(start, max(start, end - n))
    return data[:at] + rng.randbytes(n) + data[at + n:], f"pdf_stream({n} random bytes@{at})"


PDF_MUTATIONS = (p_truncate, p_truncate, p_count, p_length, p_xref, p_object, p_stream, p_stream)


def make_pdf(rng, m: Mutant, data: bytes) -> bytes:
    """A .pdf printed by LibreOffice: its objects, streams, lengths and
    cross-reference damaged or cut off, then sometimes its bytes."""
    for _ in range(_chain_length(rng)):
        data, what = rng.choice(PDF_MUTATIONS)(rng, data, m)
        m.chain.append(what)
    if rng.random() < 0.3:
        data = _bytes(rng, m, data)
    return data


_MAKERS = {"txt": make_text, "md": make_text, "docx": make_docx, "html": make_html, "pdf": make_pdf}


# -- drafts for the --fix property: small, text level only ------------------------------


FIX_MUTATIONS = (t_marker_line, t_white_line, t_white_inline, t_huge_marker, t_date, t_duplicate, t_delete,
                 t_reorder, t_endings, t_tabs, t_swap, t_join, t_split, t_md_comment, t_md_fence)
FIX_PIECES = ("工作推进,<!-- 备注 -->完成;", "二<!-- TODO -->、加强监督", "1、2023年开展培训", "开展培训4期,,覆盖312人。",
              "落实行政处罚法,推进法制宣传教育。", "2024年01月26日", "（一）、健全制度", "覆盖。，，全体人员", "开展培训4期,，覆盖312人。", "(1)完善机制",
              "依据行政复议法(2023年修订)办理", "宪法宣传周", "一.主要举措", "成效明显;;", "《行政许可法》》", "```\n开展培训,,\n```")


FIX_LINES = 120


def fix_draft(index: int, seed: int) -> tuple[bytes, str, list[str]]:
    """(bytes, file name, chain): a window of a seed with text mutations and
    the shapes --fix meets (comments, fences, mixed line endings, the pieces
    of FIX_PIECES), as .txt or .md, in one of the encodings drafts come in."""
    rng = random.Random(f"{seed}:fix:{index}")
    name, text = rng.choice(seed_texts())
    lines = text.split("\n")
    start = rng.randrange(max(1, len(lines) - 10))
    lines = lines[start:start + rng.randint(5, 40)]
    path = rng.choice(("draft.txt", "draft.md"))
    chain = [f"{name}[{start + 1}:{start + len(lines)}] as {path}"]
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.4:
            piece = _pick(rng, FIX_PIECES)
            at = rng.randint(0, len(lines))
            lines[at:at] = piece.split("\n")
            chain.append(f"piece({_show(piece)}@{at})")
        else:
            joined, what = rng.choice(FIX_MUTATIONS)(rng, "\n".join(lines))
            lines = joined.split("\n")
            chain.append(what)
    if len(lines) > FIX_LINES:  # thousands of drafts are fixed: each stays small
        lines = lines[:FIX_LINES]
        chain.append(f"cut({FIX_LINES} lines)")
    data, encoding = encode_text(rng, "\n".join(lines))
    chain.append(f"encode({encoding})")
    return data, path, chain


# -- running fzlint on a mutant and judging the outcome --------------------------------

# The commands each mutant goes through, after the path.
COMMANDS = {
    "check": ["--no-color", "--format", "concise", "--quiet", "--jobs", "1"],
    "outline": ["outline", "--format", "json"],
    "diff": ["--no-color", "--diff"],
    "report": ["report", "--lang", "zh", "--html", "{page}"],  # {page}: the path and .review.html
}
PAGE_SUFFIX = ".review.html"


def argv(command: str, path: str) -> list[str]:
    """The arguments of fzlint for one command on one file."""
    return [a.replace("{page}", path + PAGE_SUFFIX) for a in COMMANDS[command]] + [path]


def take_page(command: str, path: str) -> str | None:
    """The review page `fzlint report` wrote for path (then removed), None when
    it wrote none; "" for the other commands."""
    if command != "report":
        return ""
    page = Path(path + PAGE_SUFFIX)
    try:
        text = page.read_text(encoding="utf-8")
    except OSError:
        return None
    page.unlink()
    return text
FINDING_LINE = re.compile(r"^.+?:\d+:\d+: (?:error|warning|info) [A-Z]{2}\d{3} \S")
_TRACEBACK = "Traceback (most recent call last)"
_RAISED = re.compile(r"^([A-Za-z_][\w.]*)(?::.*)?$", re.M)
_EXCEPTION = re.compile(r"(?:内部错误（|internal error \()(\w+)|^(\w+(?:Error|Exception|Exit|Interrupt))\b")
_FRAME = re.compile(r'File "(?P<file>[^"]*fzlint[/\\][^"]+\.py)", line \d+, in (?P<func>\S+)')
INTERNAL = ("内部错误", "internal error")
TIME_LIMIT = 5.0  # CPU seconds a file may take, per command (issue 12: any single file under 5 s)
ABORT_AFTER = 30.0  # an in-process run still going after this many CPU seconds is stopped, as too slow


@dataclass(frozen=True)
class Failure:
    """One way a command failed on one input. kind: traceback, internal-error,
    exit-code, multi-line, too-slow, too-much-memory; where: the innermost
    frame in fzlint ("formats/numbering.py:of"), when there is a traceback."""

    kind: str
    command: str
    detail: str  # one line: the exception, the offending output line, the time
    where: str = ""
    exception: str = ""  # the exception's type, when there is one

    @property
    def cause(self) -> tuple[str, str, str, str]:
        """What makes two failures the same defect: kind, command, where in fzlint, exception type."""
        return self.kind, self.command, self.where, self.exception

    def __str__(self) -> str:
        where = f" at {self.where}" if self.where else ""
        return f"{self.kind} in `fzlint {self.command}`{where}: {self.detail}"


def innermost(text: str) -> str:
    """The last frame of a printed traceback that is in fzlint's package, as
    its module path and function: "formats/numbering.py:of"."""
    from fzlint import __file__ as package_init

    package = Path(package_init).resolve().parent
    for file, func in reversed(_FRAME.findall(text)):
        file = file.replace("\\", "/")
        rest = file[file.rindex("fzlint/") + len("fzlint/"):]
        if (package / rest).is_file():
            return f"{rest}:{func}"
    return ""


def _frame_of(tb) -> str:
    import traceback

    return innermost("".join(traceback.format_tb(tb)))


def _line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _exception(line: str) -> str:
    m = _EXCEPTION.search(line)
    return (m.group(1) or m.group(2)) if m else ""


def judge(command: str, exit_code: int, stdout: str, stderr: str, seconds: float, busy: str = "",
          page: str | None = "") -> list[Failure]:
    """The failures shown by one run of a command (what a user would see);
    busy: where it was when it passed the time limit, if that is known; page:
    the review page `report` wrote (take_page), whose findings are judged
    with its standard output."""
    found: list[Failure] = []
    if page is None:
        if exit_code == 0:
            found.append(Failure("exit-code", command, "exit 0 without writing the review page"))
        page = ""
    stdout += page
    if _TRACEBACK in stdout:
        found.append(Failure("traceback", command, "a traceback on standard output", innermost(stdout)))
    internal = [ln for ln in (stdout + "\n" + stderr).splitlines() if any(w in ln for w in INTERNAL)]
    if internal:
        found.append(Failure("internal-error", command, _line(internal[0]), innermost(stderr),
                             _exception(internal[0])))
    elif _TRACEBACK in stderr:
        raised = list(_RAISED.finditer(stderr, stderr.rindex(_TRACEBACK)))  # the exception's line, unindented
        line = raised[-1].group() if raised else stderr.strip().splitlines()[-1]
        found.append(Failure("traceback", command, _line(line), innermost(stderr),
                             raised[-1].group(1).rsplit(".", 1)[-1] if raised else ""))
    unreadable = "FZ901" in stdout or (command != "check" and stderr.startswith("fzlint: "))
    allowed = {"check": (0, 1, 2), "outline": (0, 2), "diff": (0, 1, 2), "report": (0,)}[command]
    uncaught = any(f.kind == "traceback" for f in found)  # Python exits with 1 then: the traceback says it all
    if not uncaught and (exit_code not in allowed or (command == "check" and unreadable != (exit_code == 2))):
        found.append(Failure("exit-code", command, f"exit {exit_code}" + (" with FZ901" if unreadable else "")))
    if command == "check":
        for ln in stdout.splitlines():
            if not FINDING_LINE.match(ln):
                found.append(Failure("multi-line", command, f"not a finding line: {_line(repr(ln), 120)}"))
                break
    if seconds > TIME_LIMIT:
        found.append(Failure("too-slow", command, f"{seconds:.1f} s (limit {TIME_LIMIT:g} s)", busy))
    return found


class Known(NamedTuple):
    """A defect this harness finds that is known and being fixed elsewhere."""

    key: str
    kinds: tuple[str, ...]  # the failure kinds it shows as
    wheres: tuple[str, ...]  # the innermost fzlint frame, or its beginning ("formats/numbering.py:": any function)
    exceptions: tuple[str, ...]  # the exception types it raises (() for any)
    what: str  # the defect, with a minimal reproducer


# Defects the harness finds that are known and not yet fixed, each with its
# reproducer, so that a campaign can go on past them; a failure that matches
# none of them fails tests/test_fuzz.py. Every defect issue 12's campaigns
# found is fixed: none is excused.
KNOWN: tuple[Known, ...] = ()


def known(failure: Failure) -> Known | None:
    for entry in KNOWN:
        if (failure.kind in entry.kinds and failure.where.startswith(entry.wheres)
                and (not entry.exceptions or failure.exception in entry.exceptions)):
            return entry
    return None


class _Abort(BaseException):
    """Raised by the alarm in a run that takes far too long; a BaseException,
    so that no `except Exception` on the way turns it into a finding."""


def _where_running(frame) -> str:
    """The innermost frame in fzlint's package of a running stack, as innermost() names it."""
    import traceback

    return innermost("".join(traceback.format_stack(frame)))


def run_in_process(path: str, commands=tuple(COMMANDS)) -> tuple[list[Failure], dict[str, float]]:
    """Each command on path through click's CliRunner on fzlint.cli.main, as a
    user would run it; (failures, CPU seconds per command). FZLINT_DEBUG=1
    makes an internal error print its traceback, which names where it
    happened. Time is this process's CPU time, which other work on a shared
    machine does not inflate: a run still going when TIME_LIMIT of it has
    passed is looked at then (where it is busy names its too-slow failure),
    and stopped at ABORT_AFTER."""
    import signal
    import time

    from click.testing import CliRunner

    from fzlint.cli import main

    failures: list[Failure] = []
    times: dict[str, float] = {}
    busy: list[str] = []  # where the running command was when it passed the time limit

    def alarm(signum, frame):
        if busy or ABORT_AFTER <= TIME_LIMIT:
            raise _Abort
        busy.append(_where_running(frame))
        signal.setitimer(signal.ITIMER_PROF, ABORT_AFTER - TIME_LIMIT)

    previous = signal.signal(signal.SIGPROF, alarm)
    try:
        for command in commands:
            args = argv(command, path)
            busy.clear()
            start = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, min(TIME_LIMIT, ABORT_AFTER))
            try:
                result = CliRunner().invoke(main, args, env={"FZLINT_DEBUG": "1", "NO_COLOR": "1", "FZLINT_LANG": None})
            except _Abort:
                times[command] = time.process_time() - start
                failures.append(Failure("too-slow", command, f"stopped after {ABORT_AFTER:g} s", "".join(busy)))
                continue
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            times[command] = seconds = time.process_time() - start
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                exc = result.exception
                failures.append(Failure("traceback", command, _line(f"{type(exc).__name__}: {exc}"),
                                        _frame_of(result.exc_info[2]) if result.exc_info else "", type(exc).__name__))
                continue
            failures.extend(judge(command, result.exit_code, result.stdout, result.stderr, seconds, "".join(busy),
                                  take_page(command, path)))
    finally:
        signal.signal(signal.SIGPROF, previous)
    return failures, times
