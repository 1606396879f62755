"""Word .docx drafts: the same findings as the same text typed, lines as paragraphs."""

from __future__ import annotations

import codecs
import io
import itertools
import json
import random
import re
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import ROOT, linter, seed, seed_text
from docxbuild import numbered, typed, with_part
from fzlint import read
from fzlint.formats import FormatError
from fzlint.formats import docx as docx_format
from fzlint.limits import MAX_CENTRAL_DIRECTORY

FIXTURES = ROOT / "tests" / "fixtures"
STRUCTURE = ["FZ1", "FZ2"]


def findings(path, select=None):
    return [(f.code, f.line) for f in linter(select=select).lint_file(str(path)).findings]


@pytest.mark.parametrize("number", range(5))
def test_seed_as_typed_docx_gives_the_txt_findings_on_its_paragraphs(tmp_path, number):
    paragraph = typed(seed_text(number), tmp_path / "d.docx")
    expected = [(code, paragraph[line]) for code, line in findings(seed(number))]
    assert findings(tmp_path / "d.docx") == expected


def test_a_finding_names_the_paragraph_and_its_opening_words(tmp_path):
    paragraph = typed(seed_text(2), tmp_path / "d.docx")
    result = linter(select=["FZ601"]).lint_file(str(tmp_path / "d.docx"))
    (f,) = result.findings
    assert f.line == paragraph[8] == 4
    assert f.context == seed_text(2).split("\n")[7].strip()[:16] + "…"
    assert f.fix is None  # a .docx is never rewritten


@pytest.mark.parametrize("number", [0, 3])
def test_word_numbering_gives_the_typed_outline_and_findings(tmp_path, number):
    paragraph = numbered(seed_text(number), tmp_path / "n.docx")
    lint = linter(select=STRUCTURE)
    txt = lint.lint_file(str(seed(number)))
    doc = lint.lint_file(str(tmp_path / "n.docx"))
    # The typed half-width (一) is FZ203's; Word's numbering writes （一）.
    halfwidth = {f.line for f in txt.findings if f.code == "FZ203" and "(" in seed_text(number).split("\n")[f.line - 1]}
    expected = [(f.code, paragraph[f.line]) for f in txt.findings if not (f.code == "FZ203" and f.line in halfwidth)]
    assert [(f.code, f.line) for f in doc.findings] == expected
    assert outline(doc.document) == [(level, n, title, role, paragraph[line])
                                     for level, n, title, role, line in outline(txt.document)]


def outline(document):
    return [(s.level, s.number, s.title, s.role, s.line) for s in document.headings()]


def test_a_second_list_starting_again_at_one_is_a_numbering_fault(tmp_path):
    # 000's third part (三、不足和原因, line 21) put in a list of its own: Word shows 一、 again.
    paragraph = numbered(seed_text(0), tmp_path / "n.docx", restart_at=21)
    source = read.read(str(tmp_path / "n.docx"))
    assert source.lines[paragraph[21] - 1].startswith("一、")
    assert source.lines[paragraph[25] - 1].startswith("二、")
    assert findings(tmp_path / "n.docx", ["FZ201"]) == [("FZ201", paragraph[21])]


def test_libreoffice_docx_of_seed_000_gives_the_txt_findings():
    assert findings(FIXTURES / "000-libreoffice.docx") == findings(seed(0))


def test_libreoffice_resaved_word_numbering_gives_the_typed_structure(tmp_path):
    paragraph = numbered(seed_text(0), tmp_path / "n.docx")  # the mapping the fixture was made with
    expected = [(code, paragraph[line]) for code, line in findings(seed(0), STRUCTURE) if code != "FZ203"]
    assert findings(FIXTURES / "000-numbered-libreoffice.docx", STRUCTURE) == expected


# -- what is text, and where it counts ---------------------------------------

def build(tmp_path, make) -> Path:
    document = docx.Document()
    make(document)
    path = tmp_path / "t.docx"
    document.save(path)
    return path


REPORT = ["某区司法局关于2023年度法治政府建设情况的报告", "区委、区政府：", "一、主要举措和成效",
          "全年办理行政复议案件12件。", "二、存在的不足和原因", "执法人员不足，原因是编制少。",
          "三、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人主持学法4次。",
          "四、2024年工作安排", "完成培训3次。", "某区司法局", "2024年1月30日"]


def test_table_cells_are_paragraphs_of_their_own_and_never_headings(tmp_path):
    def make(document):
        for text in REPORT[:4]:
            document.add_paragraph(text)
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "二、指标", "数值"
        table.cell(1, 0).text, table.cell(1, 1).text = "（一）复议", "12件"
        for text in REPORT[4:]:
            document.add_paragraph(text)

    path = build(tmp_path, make)
    source = read.read(str(path))
    assert source.lines[4:8] == ["二、指标", "数值", "（一）复议", "12件"]
    assert all(source.hints[n].table for n in range(5, 9))
    doc = linter().lint_file(str(path))
    assert [s.title for s in doc.document.sections] == ["主要举措和成效", "存在的不足和原因",
                                                       "党政主要负责人履行推进法治建设第一责任人职责情况", "2024年工作安排"]
    assert [s.line for s in doc.document.sections] == [3, 9, 11, 13]  # counting the table's four paragraphs
    assert [f.code for f in doc.findings if f.code.startswith("FZ2")] == []


def test_heading_styles_are_level_hints(tmp_path):
    def make(document):
        document.add_paragraph(REPORT[0], style="Title")
        document.add_paragraph(REPORT[1])
        for i in range(2, 10, 2):
            document.add_heading(REPORT[i].split("、", 1)[1], level=1)
            document.add_paragraph(REPORT[i + 1])
        document.add_paragraph(REPORT[10])
        document.add_paragraph(REPORT[11])

    path = build(tmp_path, make)
    doc = linter().lint_file(str(path)).document
    assert [(s.level, s.line, s.role) for s in doc.sections] == [
        (1, 3, "measures"), (1, 5, "shortcomings"), (1, 7, "duties"), (1, 9, "plan")]


def test_tracked_changes_read_as_the_final_text_and_headers_are_left_out(tmp_path):
    w = nsdecls("w")

    def make(document):
        for text in REPORT[:3]:
            document.add_paragraph(text)
        p = document.add_paragraph("全年办理行政复议案件")
        p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>10</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>'))
        p.add_run("件。")
        for text in REPORT[4:]:
            document.add_paragraph(text)
        document.sections[0].header.paragraphs[0].text = "一、页眉里的字"
        document.sections[0].footer.paragraphs[0].text = "— 1 —"

    source = read.read(str(build(tmp_path, make)))
    assert source.lines[3] == "全年办理行政复议案件12件。"
    assert "页眉" not in source.text and "— 1 —" not in source.text
    assert len(source.lines) == len(REPORT)


def test_a_txt_that_is_really_a_docx_is_read_as_one(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    (tmp_path / "d.txt").write_bytes((tmp_path / "d.docx").read_bytes())
    source = read.read(str(tmp_path / "d.txt"))
    assert source.format == "docx" and source.lines == REPORT


# -- untrusted files -----------------------------------------------------------

def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def unsafe_files(tmp_path) -> dict[str, str]:
    """Broken and hostile .docx files in tmp_path: name -> what the refusal says."""
    typed("\n".join(REPORT), tmp_path / "good.docx")
    good = (tmp_path / "good.docx").read_bytes()
    cases = {
        "bomb.docx": (zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (30 << 20)}), "压缩炸弹"),
        "entries.docx": (zip_of({f"word/media/{i}.xml": b"<x/>" for i in range(2500)}), "条目过多"),
        "truncated.docx": (good[: len(good) // 2], "损坏或不完整"),
        "notword.docx": (zip_of({"hello.txt": b"hi"}), "不是 Word 文档"),
        "plain.docx": (b"just text", "损坏或不完整"),
        # Word's encrypted package: an OLE compound file holding an EncryptedPackage stream.
        "encrypted.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"),
                           "文档已加密"),
        "directory.docx": (with_end(good, size=2 << 20), "ZIP 包目录过大"),  # its end record says 2 MB
        "huge-xml.docx": (claiming(good, "word/document.xml", 190 << 20), "部件 word/document.xml 解压后过大"),
    }
    xxe = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    with_part(tmp_path / "good.docx", tmp_path / "xxe.docx", "word/document.xml",
              lambda data: xxe + data.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&x;", 1))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')
    with_part(tmp_path / "good.docx", tmp_path / "laughs.docx", "word/styles.xml",
              lambda data: laughs + data.split(b"?>", 1)[1])
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    hidden = {name: f"{part} 含有 DTD" for name, part in dtd_files(tmp_path).items()}
    return {**{name: reason for name, (_, reason) in cases.items()}, "xxe.docx": "DTD", "laughs.docx": "DTD", **hidden}


def test_refusals(tmp_path):
    for name, reason in unsafe_files(tmp_path).items():
        with pytest.raises(read.ReadError) as info:
            read.read(str(tmp_path / name))
        assert reason in info.value.zh, (name, info.value.zh)
        assert "\n" not in info.value.zh and info.value.en


def test_bad_docx_files_beside_a_good_one_on_the_command_line(tmp_path):
    bad = sorted(unsafe_files(tmp_path))
    run = subprocess.run([sys.executable, "-m", "fzlint", "--format", "json",
                          *(str(tmp_path / name) for name in bad), str(tmp_path / "good.docx")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "Traceback" not in run.stderr + run.stdout
    files = json.loads(run.stdout)["files"]
    assert [[d["code"] for d in f["diagnostics"]] for f in files[:-1]] == [["FZ901"]] * len(bad)
    assert files[-1]["path"].endswith("good.docx")
    assert [(d["code"], d["line"]) for d in files[-1]["diagnostics"]] == [("FZ105", 3), ("FZ105", 5), ("FZ105", 7), ("FZ105", 9)]


def test_fix_leaves_a_docx_alone(tmp_path):
    typed(seed_text(2), tmp_path / "d.docx")
    before = (tmp_path / "d.docx").read_bytes()
    run = subprocess.run([sys.executable, "-m", "fzlint", "--fix", str(tmp_path / "d.docx")],
                         capture_output=True, text=True, cwd=ROOT)
    assert (tmp_path / "d.docx").read_bytes() == before
    assert "只修复 .txt 和 .md 文件" in run.stderr and "FZ601" in run.stdout
    assert "可用 --fix" not in run.stdout  # nothing on a .docx is offered as fixable


def test_chinese_heading_style_names_and_outline_levels():
    styles = {"a1": {"name": "标题 1", "based": None}, "mine": {"name": "我的标题", "based": "a1"},
              "body": {"name": "Normal", "based": None}, "ol": {"name": "x", "based": None, "outline": 2}}
    levels = docx_format._style_levels(styles)
    assert [docx_format._heading_level(None, sid, levels) for sid in ("a1", "mine", "body", "ol", None)] == [1, 1, 0, 3, 0]
    assert docx_format._heading_level("1", "body", levels) == 2
    assert docx_format._heading_level("9", "a1", levels) == 0  # body text, whatever its style


# -- numbers that cannot be read, and numbers too large to show ------------------------

LEVEL_0 = b'<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1\xe3\x80\x81"/>'


def junk_numbers(path: Path, target: Path) -> None:
    """path's .docx with every number Word reads written as junk: the levels of
    paragraphs, list levels, overrides, starts, restart rules and outline levels."""
    def styles(data):
        return data.replace(b"<w:pPr>", '<w:pPr><w:outlineLvl w:val="²"/>'.encode(), 1)

    def document(data):
        return (data.replace(b'<w:ilvl w:val="1"/>', b'<w:ilvl w:val="1.5"/>')
                .replace(b"<w:pPr>", '<w:pPr><w:outlineLvl w:val="9999999999999"/>'.encode(), 1))

    def numbering(data):
        return (data.replace(b'<w:lvl w:ilvl="3">', b'<w:lvl w:ilvl="x">')
                .replace(b'<w:start w:val="1"/>', ('<w:start w:val="' + "9" * 5000 + '"/>').encode())
                .replace(b'<w:startOverride w:val="1"/>', '<w:startOverride w:val="²"/>'.encode())
                .replace(b'<w:lvlOverride w:ilvl="0">', b'<w:lvlOverride w:ilvl=""><w:lvlRestart w:val="x"/>'))

    with_part(path, target.with_suffix(".1"), "word/styles.xml", styles)
    with_part(target.with_suffix(".1"), target.with_suffix(".2"), "word/document.xml", document)
    with_part(target.with_suffix(".2"), target, "word/numbering.xml", numbering)


def test_numbers_that_cannot_be_read_are_as_if_absent(tmp_path):
    text = "\n".join(REPORT[:2] + ["一、主要举措和成效", "（一）复议", "（二）诉讼", "（1）应诉", "二、存在的不足和原因"])
    numbered(text, tmp_path / "n.docx", restart_at=7)
    junk_numbers(tmp_path / "n.docx", tmp_path / "junk.docx")
    # The unreadable starts count from 1; a paragraph level of 1.5 is level 0; the list level
    # "x" is no level (no marker); the second list overrides nothing it can read, so it counts on.
    assert read.read(str(tmp_path / "junk.docx")).lines == REPORT[:2] + [
        "一、主要举措和成效", "二、复议", "三、诉讼", "应诉", "四、存在的不足和原因"]
    run = subprocess.run([sys.executable, "-m", "fzlint", "outline", str(tmp_path / "junk.docx")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and run.stderr == "" and "一、主要举措和成效" in run.stdout


def test_a_document_without_a_body_is_empty(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with_part(tmp_path / "d.docx", tmp_path / "nobody.docx", "word/document.xml",
              lambda data: re.sub(rb"<w:body>.*</w:body>", b"", data, flags=re.S))
    assert findings(tmp_path / "nobody.docx") == [("FZ902", 1)]


def test_a_start_of_a_billion_letters_is_read_in_time(tmp_path):
    # 35 KB: 60 headings numbered in lowerLetter from 1,040,000,000, which is
    # beyond Word's largest start (32767) and would be 40,000,000 letters each
    # (this took 26 s and 9 GB).
    numbered("\n".join(f"{'一二三四五六七八九'[i % 9]}、第{i}项" for i in range(60)), tmp_path / "n.docx")
    with_part(tmp_path / "n.docx", tmp_path / "letters.docx", "word/numbering.xml",
              lambda data: data.replace(LEVEL_0, LEVEL_0.replace(b'"1"', b'"1040000000"')
                                        .replace(b"chineseCounting", b"lowerLetter"), 1))
    started = time.perf_counter()
    lines = read.read(str(tmp_path / "letters.docx")).lines
    assert time.perf_counter() - started < 5
    assert lines[:3] == ["a、第0项", "b、第1项", "c、第2项"] and lines[-1] == "hhh、第59项"


def test_a_small_sound_archive_passes_the_checks():
    data = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    assert docx_format.check_archive(data) is None


# -- the reader's work, bounded by what it reads ---------------------------------


def test_a_text_over_the_limit_stops_the_reading_where_it_passes_the_limit(tmp_path, monkeypatch):
    # Word's empty paragraphs are six bytes each: 10 MB of them are 1,750,000 lines.
    monkeypatch.setattr(docx_format, "MAX_TEXT_CHARS", 30)
    typed("\n".join(["一、主要举措和成效"] * 3), tmp_path / "fits.docx")  # 3 x 9 characters and 2 line breaks
    assert len(read.read(str(tmp_path / "fits.docx")).text) == 29
    with_part(tmp_path / "fits.docx", tmp_path / "empty.docx", "word/document.xml",
              lambda data: data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 100_000, 1))
    seen = []
    monkeypatch.setattr(docx_format, "_text", lambda p, text=docx_format._text: seen.append(p) or text(p))
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path / "empty.docx"))
    assert info.value.zh == "正文过长（超过 30 字符），不像是一份报告" and len(seen) == 32


@pytest.mark.parametrize("target", ["../docProps/thumbnail.jpeg", "../customXml/item1.xml", "styles.xml"])
def test_lists_and_styles_related_to_a_part_that_holds_none_are_absent(tmp_path, target):
    numbered("\n".join(REPORT[:2] + ["一、主要举措和成效", "全年办理案件12件。"]), tmp_path / "n.docx")
    with_part(tmp_path / "n.docx", tmp_path / "other.docx", "word/_rels/document.xml.rels",
              lambda data: data.replace(b'Target="numbering.xml"', f'Target="{target}"'.encode())
              .replace(b'Target="styles.xml"', f'Target="{target}"'.encode()))
    assert read.read(str(tmp_path / "other.docx")).lines == REPORT[:2] + ["主要举措和成效", "全年办理案件12件。"]


def test_a_main_part_that_is_no_document_is_refused(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with_part(tmp_path / "d.docx", tmp_path / "tbl.docx", "word/document.xml",
              lambda data: data.replace(b"<w:document ", b"<w:tbl ", 1).replace(b"</w:document>", b"</w:tbl>"))
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path / "tbl.docx"))
    assert info.value.zh == "Word 文档已损坏：正文部件的根元素不是 w:document，而是 tbl"


JUNK = ("", "x", "-1", "1.5", "²", "9" * 5000, "0", "9", "99999", "%1%2%3%4%5%6%7%8%9", "lowerLetter", "none", "bullet")
PARTS = ("styles.xml", "numbering.xml", "document.xml", "settings.xml", "../docProps/thumbnail.jpeg",
         "../customXml/item1.xml", "theme/theme1.xml", "../[Content_Types].xml", "none.xml")
TAGS = ("p", "pPr", "numPr", "ilvl", "numId", "pStyle", "outlineLvl", "tbl", "tc", "r", "t", "body", "style",
        "basedOn", "name", "abstractNum", "num", "lvl", "lvlOverride", "startOverride", "start", "numFmt", "lvlText",
        "abstractNumId", "lvlRestart", "isLgl", "ins", "del", "sdt", "tab")


@pytest.mark.parametrize("seed", range(3))
def test_any_mutation_of_the_xml_parts_is_read_or_refused_with_a_format_error(tmp_path, seed):
    """Fuzz: attribute values replaced by junk, elements inserted, renamed,
    repeated or removed in document.xml, styles.xml, numbering.xml, the content
    types and the relationships. Reading gives lines or a FormatError, never
    another exception."""
    rng = random.Random(seed)
    numbered("\n".join(REPORT[:2] + ["一、主要举措和成效", "（一）复议", "1.案件", "（1）应诉", "二、不足"]), tmp_path / "n.docx")
    with zipfile.ZipFile(tmp_path / "n.docx") as archive:
        parts = {info.filename: archive.read(info).decode("utf-8") for info in archive.infolist()
                 if info.filename.endswith((".xml", ".rels"))}

    def mutate(xml: str) -> str:
        for _ in range(rng.randrange(1, 6)):
            kind = rng.randrange(5)
            if kind == 0 and (values := list(re.finditer(r'w:\w+="([^"]*)"', xml))):
                m = rng.choice(values)
                xml = xml[:m.start(1)] + rng.choice(JUNK) + xml[m.end(1):]
            elif kind == 1:
                at = rng.choice([m.end() for m in re.finditer(">", xml)])
                tag = rng.choice(TAGS)
                xml = xml[:at] + f'<w:{tag} w:val="{rng.choice(JUNK)}" w:ilvl="{rng.choice(JUNK)}"/>' + xml[at:]
            elif kind == 2 and (names := sorted(set(re.findall(r"<w:(\w+)[ >/]", xml)))):
                old, new = rng.choice(names), rng.choice(TAGS)
                xml = re.sub(rf"<w:{old}([ >/])", rf"<w:{new}\1", xml, count=1).replace(f"</w:{old}>", f"</w:{new}>", 1)
            elif kind == 3 and (targets := list(re.finditer(r'Target="([^"]*)"', xml))):
                m = rng.choice(targets)
                xml = xml[:m.start(1)] + rng.choice(PARTS) + xml[m.end(1):]
            elif (empty := list(re.finditer(r"<w:\w+[^>]*/>", xml))):
                m = rng.choice(empty)
                xml = xml[:m.start()] + m.group() * rng.randrange(0, 4) + xml[m.end():]
        return xml

    for case in range(25):
        mutated = dict(parts)
        for name in rng.sample(["word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml",
                                "word/_rels/document.xml.rels"], rng.randrange(1, 4)):
            mutated[name] = mutate(parts[name])
        with zipfile.ZipFile(tmp_path / "n.docx") as src, zipfile.ZipFile(tmp_path / "m.docx", "w") as dst:
            for info in src.infolist():
                dst.writestr(info.filename, mutated[info.filename].encode() if info.filename in mutated else src.read(info))
        try:
            docx_format.read("m.docx", (tmp_path / "m.docx").read_bytes())
        except FormatError:
            pass


# -- the central directory, read before zipfile reads it ---------------------------

END = struct.Struct("<4s4H2LH")
SMALL = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


def with_end(data: bytes, entries: int | None = None, size: int | None = None, comment: bytes = b"") -> bytes:
    """data (an archive without a comment) with its end record's count and
    directory size replaced, and a comment appended."""
    sig, disk, cd_disk, here, total, cd_size, cd_offset, _ = END.unpack(data[-END.size:])
    return data[:-END.size] + END.pack(sig, disk, cd_disk, here if entries is None else min(entries, 0xFFFF),
                                       total if entries is None else min(entries, 0xFFFF),
                                       cd_size if size is None else size, cd_offset, len(comment)) + comment


def million_entries() -> bytes:
    """A small sound package whose central directory is followed by 1,000,000
    more records (47 MB), each a one-letter name pointing at the first entry."""
    sig, disk, cd_disk, here, total, cd_size, cd_offset, _ = END.unpack(SMALL[-END.size:])
    record = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) + b"x"
    size = cd_size + len(record) * 1_000_000
    return SMALL[:-END.size] + record * 1_000_000 + END.pack(sig, disk, cd_disk, 0xFFFF, 0xFFFF, size, cd_offset, 0)


@pytest.fixture
def no_zipfile(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("zipfile.ZipFile was made")
    monkeypatch.setattr(docx_format.zipfile, "ZipFile", refuse)


def test_a_million_entries_are_refused_by_the_end_record_before_zipfile_reads_them(no_zipfile):
    # Before, zipfile built all 1,000,000 entries first: 3.9 s and 438 MB.
    started = time.perf_counter()
    with pytest.raises(FormatError) as info:
        docx_format.check_archive(million_entries())
    assert time.perf_counter() - started < 2
    assert info.value.zh == "ZIP 包目录过大（47,000,128 字节，上限 1,048,576），疑为压缩炸弹，拒绝读取"


def test_the_end_record_refuses_a_count_or_a_directory_beyond_the_limits(no_zipfile):
    good = SMALL
    with pytest.raises(FormatError, match="条目过多（2,001 个，上限 2,000）"):
        docx_format.check_directory(with_end(good, entries=2001))
    with pytest.raises(FormatError, match="目录过大（1,048,577 字节"):
        docx_format.check_directory(with_end(good, size=(1 << 20) + 1))
    # A fake end record in the comment is the one zipfile takes, and so is it here.
    fake = END.pack(b"PK\x05\x06", 0, 0, 3, 3, 5 << 20, 0, 0)
    with pytest.raises(FormatError, match="目录过大"):
        docx_format.check_directory(with_end(good, comment=b"note " + fake))
    assert docx_format.check_directory(with_end(good, entries=2000, size=1 << 20)) is None


def zip64(data: bytes, entries: int, size: int, locator_offset: int | None = None) -> bytes:
    """data with a ZIP64 end record and its locator put before its end record."""
    end = data[-END.size:]
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, 0)
    at = len(data) - END.size
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, at if locator_offset is None else locator_offset, 1)
    return data[:-END.size] + record + locator + end


def test_a_zip64_end_record_is_read_where_zipfile_looks_for_it(no_zipfile):
    good = SMALL
    with pytest.raises(FormatError, match="条目过多（1,000,000 个"):
        docx_format.check_directory(zip64(good, 1_000_000, 100))
    with pytest.raises(FormatError, match="目录过大（4,294,967,296 字节"):
        docx_format.check_directory(zip64(good, 2, 1 << 32))
    # A locator pointing at another record: the one newer Pythons read.
    elsewhere = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 10 ** 6, 10 ** 6, 100, 0)
    with pytest.raises(FormatError, match="条目过多"):
        docx_format.check_directory(zip64(elsewhere + good, 2, 100, locator_offset=0))
    assert docx_format.check_directory(zip64(good, 2, 100)) is None


@pytest.mark.parametrize("seed", range(4))
def test_any_end_of_archive_is_refused_with_a_format_error_or_bounds_zipfiles_work(seed):
    """Fuzz: truncated archives, bytes changed near the end, signatures planted
    in comments. check_directory raises FormatError or nothing; when it passes,
    zipfile builds no more entries than the directory limit allows."""
    rng = random.Random(seed)
    good = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 50,
                   "word/styles.xml": b"<w:styles/>"})
    signatures = (b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07", b"PK\x01\x02")
    for _ in range(500):
        data = bytearray(with_end(good, comment=bytes(rng.randrange(256) for _ in range(rng.randrange(40)))))
        for _ in range(rng.randrange(1, 6)):
            kind, at = rng.randrange(4), rng.randrange(max(len(data) - 160, 0), len(data) + 1)
            if kind == 0:
                del data[at:]
            elif kind == 1 and at < len(data):
                data[at] = rng.randrange(256)
            elif kind == 2:
                data[at:at] = rng.choice(signatures) + bytes(rng.randrange(256) for _ in range(rng.randrange(60)))
            else:
                data[at:at + 8] = struct.pack("<Q", rng.choice((0, 1, 0xFFFF, 0xFFFFFFFF, 1 << 40, rng.randrange(1 << 64))))
        data = bytes(data)
        try:
            docx_format.check_directory(data)
        except FormatError:
            continue
        try:
            built = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
        except Exception:  # noqa: BLE001 - zipfile refusing it is fine; check_archive says it is damaged
            continue
        assert built <= MAX_CENTRAL_DIRECTORY // 46


# -- a DTD wherever an XML parser meets one ---------------------------------------

DTD = b'<!DOCTYPE w:document [<!ENTITY x "injected">]>'


def dtd_files(tmp_path) -> dict[str, str]:
    """Packages with a DTD that sniffing the first 4 KB of *.xml and *.rels
    missed, each with the part the refusal names."""
    typed("\n".join(REPORT), tmp_path / "good.docx")
    good = tmp_path / "good.docx"

    def after(data: bytes, extra: bytes) -> bytes:
        declaration, rest = data.split(b"?>", 1)
        return declaration + b"?>" + extra + rest.replace(b"<w:t>", b"<w:t>&x;", 1)

    with_part(good, tmp_path / "comment.docx", "word/document.xml",
              lambda data: after(data, b"<!--" + b"c" * 5000 + b"-->" + DTD))
    with_part(good, tmp_path / "utf16.docx", "word/document.xml",
              lambda data: after(data, DTD).decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
              .encode("utf-16"))
    with_part(good, tmp_path / "types.docx", "[Content_Types].xml",
              lambda data: after(data, b'<!DOCTYPE Types [<!ENTITY x "y">]>'))
    with_part(good, tmp_path / "rels.docx", "_rels/.rels", lambda data: after(data, b"\n\n" + DTD))
    # The main part renamed word/document.bin: python-docx parses it as XML
    # because [Content_Types].xml says it is the document.
    renamed = {"word/document.xml": "word/document.bin", "word/_rels/document.xml.rels": "word/_rels/document.bin.rels"}
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "renamed.docx", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = after(data, DTD)
            data = data.replace(b"/word/document.xml", b"/word/document.bin").replace(
                b'Target="word/document.xml"', b'Target="word/document.bin"')
            dst.writestr(renamed.get(info.filename, info.filename), data)
    return {"comment.docx": "word/document.xml", "utf16.docx": "word/document.xml",
            "types.docx": "[Content_Types].xml", "rels.docx": "_rels/.rels", "renamed.docx": "word/document.bin"}


def test_a_dtd_is_refused_in_any_part_python_docx_parses_whatever_its_name_or_encoding(tmp_path):
    for name, part in dtd_files(tmp_path).items():
        with pytest.raises(read.ReadError) as info:
            read.read(str(tmp_path / name))
        assert info.value.zh == f"{part} 含有 DTD（可能引用外部实体或构成实体炸弹），出于安全原因拒绝读取", name
        assert info.value.en == f"{part} holds a DTD (external entities, entity bombs?); refused for safety"
    # Without the DTD the same packages read, the renamed part and the UTF-16 one included.
    assert read.read(str(tmp_path / "good.docx")).lines == REPORT


def test_a_part_python_docx_does_not_parse_may_hold_anything(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with zipfile.ZipFile(tmp_path / "d.docx", "a") as archive:
        archive.writestr("word/media/notes.xml", DTD + b"<x>&x;</x>")  # no content type python-docx parses
        archive.writestr("customXml/item9.xml", b"\xff not xml at all")
    assert read.read(str(tmp_path / "d.docx")).lines == REPORT


def test_an_entity_bomb_is_refused_at_its_doctype_before_anything_is_expanded(tmp_path, monkeypatch):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    entities = b"".join(b'<!ENTITY e%d "%s">' % (i + 1, b"&e%d;" % i * 10) for i in range(1, 30))
    bomb = b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY e1 "ha">' + entities + b']><w:styles>&e29;</w:styles>'
    with_part(tmp_path / "d.docx", tmp_path / "bomb.docx", "word/styles.xml", lambda data: bomb)

    def parse_nothing(*args, **kwargs):
        raise AssertionError("python-docx parsed a part")
    import docx.oxml.parser
    monkeypatch.setattr(docx.oxml.parser.etree, "fromstring", parse_nothing)
    started = time.perf_counter()
    with pytest.raises(read.ReadError, match="word/styles.xml 含有 DTD"):
        read.read(str(tmp_path / "bomb.docx"))
    assert time.perf_counter() - started < 1


def test_whenever_lxml_meets_a_dtd_the_part_is_refused():
    """python-docx's lxml parser and the expat scan agree: a part in which lxml
    would meet a DTD, in any encoding lxml reads, is refused; a part in UTF-8
    or UTF-16 (the encodings of Word's parts) is refused exactly when it has one."""
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    root = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">text</w:document>'
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE, "gb18030": b"", "cp500": b""}
    for codec, bom, label, middle, dtd in itertools.product(
            boms, (False, True), (None, "UTF-8", "UTF-16", "GB18030", "UTF-32", "IBM500"),
            ("", "<!--" + "c" * 5000 + "-->"), ("", DTD.decode())):
        text = (f'<?xml version="1.0" encoding="{label}"?>' if label else "") + middle + dtd + root
        data = boms[codec] * bom + text.encode(codec)
        try:
            tree = etree.fromstring(data, oxml_parser).getroottree()
            lxml_meets = tree.docinfo.internalDTD is not None or bool(tree.docinfo.doctype)
        except etree.XMLSyntaxError:
            lxml_meets = None
        archive = zipfile.ZipFile(io.BytesIO(zip_of({"p.xml": data})))
        try:
            docx_format._refuse_dtd(archive, archive.getinfo("p.xml"))
            refused = None
        except FormatError as exc:
            refused = exc.zh
        case = (codec, bom, label, middle[:4], dtd[:9])
        if lxml_meets:
            assert refused is not None, case
        if codec.startswith("utf-16") and label in (None, "UTF-16") or codec == "utf-8" and label in (None, "UTF-8"):
            assert refused == ("p.xml 含有 DTD（可能引用外部实体或构成实体炸弹），出于安全原因拒绝读取" if dtd else None), case


# -- the XML parts' size, read from the directory before anything is unpacked ---------

def claiming(data: bytes, name: str, size: int) -> bytes:
    """data with the central directory claiming that entry `name` unpacks to
    size bytes from size // 10 (a ratio no zip bomb check minds)."""
    at = data.index(b"PK\x01\x02" + data[data.index(b"PK\x01\x02") + 4:][:0])
    while True:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name.encode():
            return data[:at + 20] + struct.pack("<LL", size // 10, size) + data[at + 28:]
        at = data.index(b"PK\x01\x02", at + 46)


def only_content_types_unpacked(monkeypatch):
    """From now on, unpacking any entry but [Content_Types].xml (which says
    which parts are XML) fails the test."""
    unpack = zipfile.ZipFile.open

    def open_content_types(archive, name, *args, **kwargs):
        assert getattr(name, "filename", name) == "[Content_Types].xml", f"{name} was unpacked"
        return unpack(archive, name, *args, **kwargs)
    monkeypatch.setattr(zipfile.ZipFile, "open", open_content_types)


def test_xml_parts_beyond_their_limits_are_refused_before_they_are_unpacked(tmp_path, monkeypatch):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    data = (tmp_path / "d.docx").read_bytes()
    only_content_types_unpacked(monkeypatch)
    # A document.xml of 190 MB (50 s and 2.1 GB to read before).
    with pytest.raises(FormatError) as info:
        docx_format.check_archive(claiming(data, "word/document.xml", 190 << 20))
    assert info.value.zh == "部件 word/document.xml 解压后过大（199,229,440 字节，上限 10,485,760），不像是一份报告，拒绝读取"
    assert info.value.en == "part word/document.xml too large unpacked (199,229,440 bytes, limit 10,485,760); not a report"
    # [Content_Types].xml itself, and a relationships part, one byte over.
    with pytest.raises(FormatError, match=r"部件 \[Content_Types\].xml 解压后过大（10,485,761 字节"):
        docx_format.check_archive(claiming(data, "[Content_Types].xml", (10 << 20) + 1))
    with pytest.raises(FormatError, match="部件 word/_rels/document.xml.rels 解压后过大（10,485,761 字节"):
        docx_format.check_archive(claiming(data, "word/_rels/document.xml.rels", (10 << 20) + 1))
    # Each within its limit, but not together.
    together = claiming(claiming(data, "word/document.xml", 9 << 20), "word/styles.xml", 4 << 20)
    with pytest.raises(FormatError) as info:
        docx_format.check_archive(together)
    assert info.value.zh.startswith("XML 部件解压后共 13,6")
    assert info.value.zh.endswith(" 字节（上限 12,582,912），不像是一份报告，拒绝读取")


def test_parts_python_docx_does_not_parse_keep_only_the_archive_limit(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    data = claiming((tmp_path / "d.docx").read_bytes(), "docProps/thumbnail.jpeg", 40 << 20)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "docProps/thumbnail.jpeg" not in {e.filename for e in docx_format._xml_parts(archive, archive.infolist())}
        assert archive.getinfo("docProps/thumbnail.jpeg").file_size == 40 << 20
    assert docx_format.check_archive(data) is None


def test_xml_parts_at_their_limits_are_read(tmp_path, monkeypatch):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with zipfile.ZipFile(tmp_path / "d.docx") as archive:
        sizes = {e.filename: e.file_size for e in docx_format._xml_parts(archive, archive.infolist())}
    limit = max(sizes.values()) + 1000  # styles.xml, the largest, and document.xml padded to the limit
    monkeypatch.setattr(docx_format, "MAX_XML_PART", limit)
    monkeypatch.setattr(docx_format, "MAX_XML_TOTAL", sum(sizes.values()) - sizes["word/document.xml"] + limit)

    def padded(extra):
        return lambda data: data.replace(b"<w:body>", b"<w:body>" + b" " * (limit - len(data) + extra), 1)
    with_part(tmp_path / "d.docx", tmp_path / "full.docx", "word/document.xml", padded(0))
    assert read.read(str(tmp_path / "full.docx")).lines == REPORT
    with_part(tmp_path / "d.docx", tmp_path / "over.docx", "word/document.xml", padded(1))
    with pytest.raises(read.ReadError, match=f"部件 word/document.xml 解压后过大（{limit + 1:,} 字节"):
        read.read(str(tmp_path / "over.docx"))


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_compression_method_word_does_not_use_is_refused(tmp_path, method):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with zipfile.ZipFile(tmp_path / "d.docx") as src, zipfile.ZipFile(tmp_path / "m.docx", "w", method) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path / "m.docx"))
    assert info.value.zh == ("条目 [Content_Types].xml 的压缩方式不是 Word 文档所用的（只有存储和 Deflate），文件已损坏")
