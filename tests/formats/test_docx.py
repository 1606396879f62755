"""Word .docx drafts: the same findings as the same text typed, lines as paragraphs."""

from __future__ import annotations

import io
import json
import random
import re
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
        "encrypted.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "加密文档"),
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
    return {**{name: reason for name, (_, reason) in cases.items()}, "xxe.docx": "DTD", "laughs.docx": "DTD"}


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


def test_a_main_part_that_is_no_document_is_refused(tmp_path):
    typed("\n".join(REPORT), tmp_path / "d.docx")
    with_part(tmp_path / "d.docx", tmp_path / "tbl.docx", "word/document.xml",
              lambda data: data.replace(b"<w:document ", b"<w:tbl ", 1).replace(b"</w:document>", b"</w:tbl>"))
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path / "tbl.docx"))
    assert info.value.zh == "Word 文档已损坏：正文部件的根元素不是 w:document，而是 tbl"


JUNK = ("", "x", "-1", "1.5", "²", "9" * 5000, "0", "9", "99999", "%1%2%3%4%5%6%7%8%9", "lowerLetter", "none", "bullet")
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
            kind = rng.randrange(4)
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
            elif (empty := list(re.finditer(r"<w:\w+[^>]*/>", xml))):
                m = rng.choice(empty)
                xml = xml[:m.start()] + m.group() * rng.randrange(0, 4) + xml[m.end():]
        return xml

    for case in range(40):
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
