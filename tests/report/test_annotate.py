"""fzlint annotate: findings as Word comments anchored to the text they point
at, in a .docx that is otherwise the input, or one made from a text input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from conftest import linter, program, seed, seeds
from fzlint import read
from fzlint.cli import main
from fzlint.formats.numbering import W
from fzlint.model import Finding, Severity, Source
from fzlint.report import annotate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "formats"))
from docxbuild import abstract_num, num, numbering_part, set_numbering  # noqa: E402

INSTALL = "apt-get install libreoffice-writer-nogui (Debian's package)"
TITLE = "某市司法局2025年法治政府建设年度报告"


def build(path: Path) -> Path:
    """A small draft with what a real one has: a centred title, headings
    numbered by Word (the third restarts at 一, a numbering fault), runs of
    different formatting, a tracked insertion and deletion, a table, a header
    and a footer."""
    d = docx.Document()
    numbering_part(d, [abstract_num(10)], [num(10, 10), num(11, 10, restart_level=0)])
    d.add_paragraph(TITLE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("2025年,我局坚持以习近平法治思想为指导，全面推进法治政府建设。")
    set_numbering(d.add_paragraph("主要举措和成效"), 10, 0)
    p = d.add_paragraph()
    p.add_run("我们").bold = True
    p.add_run("完成了")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="901" w:author="起草人" w:date="2025-01-01T00:00:00Z">'
                          '<w:r><w:rPr><w:i/></w:rPr><w:t>大量</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="902" w:author="起草人" w:date="2025-01-01T00:00:00Z">'
                          '<w:r><w:delText>很多</w:delText></w:r></w:del>'))
    p.add_run("工作,取得明显成效。").underline = True
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "复议案件"
    table.cell(0, 1).text = "办理复议案件12件,结案率100%。"
    set_numbering(d.add_paragraph("存在的不足和原因"), 10, 0)
    d.add_paragraph("执法队伍力量不足。原因是人员编制有限。")
    set_numbering(d.add_paragraph("下一年度工作安排"), 11, 0)
    d.add_paragraph("2026年，我局将继续推进法治政府建设。")
    d.sections[0].header.paragraphs[0].text = "内部资料"
    d.sections[0].footer.paragraphs[0].text = "第1页"
    d.save(path)
    return path


def anchors(path) -> list[tuple[str, str, str]]:
    """(comment text, the text its range holds, author) for every comment, in
    the order of their ids, read back with python-docx."""
    document = docx.Document(path if isinstance(path, io.BytesIO) else str(path))
    comments = {c.comment_id: c for c in document.comments}
    open_ranges: set[str] = set()
    held: dict[str, str] = {}
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            open_ranges.add(element.get(W + "id"))
            held.setdefault(element.get(W + "id"), "")
        elif element.tag == W + "commentRangeEnd":
            open_ranges.discard(element.get(W + "id"))
        elif element.tag in (W + "t", W + "tab"):
            for i in open_ranges:
                held[i] += element.text or "" if element.tag == W + "t" else "\t"
    assert set(held) == {str(i) for i in comments}, "every comment has one range"
    return [(comments[int(i)].text, held[i], comments[int(i)].author) for i in sorted(held, key=int)]


def span_text(lines: list[str], f) -> str:
    """The text of the lines a finding's span covers, as its comment's anchor must be."""
    if f.end_line == f.line:
        return lines[f.line - 1][f.column - 1:f.end_column - 1]
    return "".join([lines[f.line - 1][f.column - 1:]] + lines[f.line:f.end_line - 1]
                   + [lines[f.end_line - 1][:f.end_column - 1]])


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


DRAFT_COMMENTS = [
    ("fzlint：2 个错误，9 个警告，3 条提示", TITLE),  # the summary, on the title
    ("FZ309", TITLE),
    ("FZ501", ","),
    ("FZ105", "主要举措和成效"),  # the heading's span counts 一、, which no run holds
    ("FZ402", "大量"),  # inside the tracked insertion (the deleted 很多 counts for nothing)
    ("FZ501", ","),  # in a run of its own formatting, split in three
    ("FZ401", "取得明显成效"),
    ("FZ501", ","),  # in the table's cell
    ("FZ105", "存在的不足和原因"),
    ("FZ101", "下一年度工作安排"),  # a missing part: where it should stand
    ("FZ105", "下一年度工作安排"),
    ("FZ201", "下一年度工作安排"),  # the marker Word renders (一、 again): the paragraph's first run
    ("FZ303", "2026年，我局将继续推进法治政府建设。"),
    ("FZ307", "2026年，我局将继续推进法治政府建设。"),
    ("FZ407", "2026年，我局将继续推进法治政府建设。"),
]


def _short(text: str) -> str:
    return text if text.startswith("fzlint") else text.split(" ", 1)[0]


def test_comments_anchor_exactly_what_each_finding_points_at(tmp_path):
    draft = build(tmp_path / "draft.docx")
    result = run("annotate", draft, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    assert result.output == f"{tmp_path / 'out' / 'draft.docx'}：15 条批注\n"
    got = anchors(tmp_path / "out" / "draft.docx")
    assert [(_short(text), anchor) for text, anchor, _ in got] == DRAFT_COMMENTS
    assert {author for _, _, author in got} == {"fzlint"}
    findings = sorted(linter().lint_file(str(draft)).findings, key=Finding.sort_key)
    assert [text for text, _, _ in got[1:]] == [f"{f.code} {f.message}" for f in findings]
    # Read again, the annotated draft is the same draft: the same findings.
    again = linter().lint_file(str(tmp_path / "out" / "draft.docx")).findings
    assert [f[1:] for f in again] == [f[1:] for f in linter().lint_file(str(draft)).findings]


def test_author_initials_english_and_no_summary(tmp_path):
    draft = build(tmp_path / "draft.docx")
    result = run("annotate", draft, "-o", tmp_path / "out", "--no-config", "--author", "市司法局", "--initials", "SF",
                 "--lang", "en", "--no-summary", "--select", "FZ5")
    assert result.exit_code == 0, result.output  # warnings only, as check
    document = docx.Document(str(tmp_path / "out" / "draft.docx"))
    comments = list(document.comments)
    assert [(c.author, c.initials) for c in comments] == [("市司法局", "SF")] * 3
    assert all(c.text.startswith("FZ501 ") and "half-width" in c.text for c in comments)


def _normalized(xml: bytes) -> bytes:
    """document.xml without comment anchors and with runs a split cut apart
    joined again: adjacent runs of the same properties merged, their
    adjacent w:t merged."""
    root = etree.fromstring(xml)
    for element in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        element.getparent().remove(element)
    for reference in list(root.iter(W + "commentReference")):
        r = reference.getparent()
        r.getparent().remove(r)
    for t in root.iter(W + "t"):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)

    def properties(r):
        rpr = r.find(W + "rPr")
        return (dict(r.attrib), etree.tostring(rpr) if rpr is not None else None)

    for parent in list(root.iter()):
        previous = None
        for child in list(parent):
            if previous is not None and child.tag == W + "r" == previous.tag and properties(child) == properties(previous):
                for c in list(child):
                    if c.tag != W + "rPr":
                        previous.append(c)
                parent.remove(child)
                continue
            previous = child
    for r in root.iter(W + "r"):
        previous = None
        for child in list(r):
            if previous is not None and child.tag == W + "t" == previous.tag:
                previous.text = (previous.text or "") + (child.text or "")
                r.remove(child)
                continue
            previous = child
    return etree.tostring(root, method="c14n")


def test_everything_else_stays_as_it_was(tmp_path):
    draft = build(tmp_path / "draft.docx")
    assert run("annotate", draft, "-o", tmp_path / "out").exit_code == 1
    with zipfile.ZipFile(draft) as before, zipfile.ZipFile(tmp_path / "out" / "draft.docx") as after:
        old, new = before.namelist(), after.namelist()
        assert new[:len(old)] == old and new[len(old):] == ["word/comments.xml"]
        changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
        for name in old:
            if name not in changed:
                assert after.read(name) == before.read(name), name  # styles, numbering, header, footer …
        body_before, body_after = before.read("word/document.xml"), after.read("word/document.xml")
        assert body_after != body_before
        assert _normalized(body_after) == _normalized(body_before)
        types = after.read("[Content_Types].xml").decode()
        override = f'<Override PartName="/word/comments.xml" ContentType="{annotate.COMMENTS_TYPE}"/>'
        assert types.replace(override, "") == before.read("[Content_Types].xml").decode()

        def relationships(data):
            return {(r.get("Type"), r.get("Target")) for r in etree.fromstring(data)}

        added = relationships(after.read("word/_rels/document.xml.rels")) - relationships(
            before.read("word/_rels/document.xml.rels"))
        assert relationships(before.read("word/_rels/document.xml.rels")) <= relationships(
            after.read("word/_rels/document.xml.rels"))
        assert [target for _, target in added] == ["comments.xml"]
    document = docx.Document(str(tmp_path / "out" / "draft.docx"))
    assert document.sections[0].header.paragraphs[0].text == "内部资料"
    assert document.sections[0].footer.paragraphs[0].text == "第1页"
    assert document.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    runs = document.paragraphs[3].runs  # 我们 (bold) 完成了 [大量 inserted] [很多 deleted] 工作,取得明显成效。(underlined)
    assert [(r.text, r.bold, r.underline) for r in runs if r.text] == [
        ("我们", True, None), ("完成了", None, None), ("工作", None, True), (",", None, True), ("取得明显成效", None, True),
        ("。", None, True)]
    ins = document.paragraphs[3]._p.find(W + "ins")
    assert "".join(t.text for t in ins.iter(W + "t")) == "大量" and ins.find(f"{W}r/{W}rPr/{W}i") is not None
    assert document.paragraphs[3]._p.find(W + "del") is not None


TEXT = f"""{TITLE}

市委、市政府：
2025年,我局坚持以习近平法治思想为指导，全面推进法治政府建设。
一、主要举措和成效
（一）完善制度
我们完成了大量工作,取得明显成效。
二、存在的不足和原因
执法队伍力量不足。
"""


def test_a_text_draft_becomes_a_docx_with_headings_and_the_same_comments(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    result = run("annotate", draft, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    out = tmp_path / "out" / "draft.docx"
    document = docx.Document(str(out))
    lines = TEXT.split("\n")
    assert [p.text for p in document.paragraphs] == lines
    styles = {p.text: p.style.name for p in document.paragraphs if p.style.name != "Normal"}
    assert styles == {"一、主要举措和成效": "Heading 1", "（一）完善制度": "Heading 2", "二、存在的不足和原因": "Heading 1"}
    assert document.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(p.alignment is None for p in document.paragraphs[1:])
    findings = sorted(linter().lint_file(str(draft)).findings, key=Finding.sort_key)
    got = anchors(out)
    assert got[0][0].startswith("fzlint：") and got[0][1] == TITLE
    assert [(text, anchor) for text, anchor, _ in got[1:]] == [
        (f"{f.code} {f.message}", lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in findings]
    assert ("FZ402", "大量") in [(t.split(" ")[0], a) for t, a, _ in got]
    # The .docx read back gives the same findings on the same lines and columns.
    again = linter().lint_file(str(out)).findings
    assert [(f.code, f.line, f.column, f.end_column) for f in again] == [
        (f.code, f.line, f.column, f.end_column) for f in linter().lint_file(str(draft)).findings]


def test_findings_without_a_span_go_to_the_title_or_their_paragraph():
    source = Source("draft.txt", f"前言\n{TITLE}\n正文第一段。\n", "utf-8")
    result = linter().lint_source(source, located=False)
    title = result.document.title[0].number
    assert title == 2

    def finding(line, column, end_line, end_column, code="FZ101"):
        return Finding("draft.txt", code, "x", Severity.ERROR, line, column, end_line, end_column, "消息")

    findings = [finding(1, 1, 1, 1), finding(3, 3, 3, 3, "FZ303"), finding(99, 1, 99, 5, "FZ304"),
                finding(3, 2, 3, 4, "FZ501"), finding(4, 1, 4, 1, "FZ305")]
    data, count = annotate.text_with_comments(source, result, findings, annotate.Options(summary=False))
    assert count == 5
    got = anchors(io.BytesIO(data))
    assert [(t, a) for t, a, _ in got] == [("FZ101 消息", TITLE), ("FZ303 消息", "正文第一段。"), ("FZ304 消息", TITLE),
                                           ("FZ501 消息", "文第"), ("FZ305 消息", TITLE)]


def test_output_names_are_unique_and_deterministic(tmp_path):
    names = annotate.output_names(["a/report.docx", "b/report.docx", "b/report.txt", "c/x.md", "d/REPORT.DOCX"], "out")
    assert names == {"a/report.docx": os.path.join("out", "report.docx"),
                     "b/report.docx": os.path.join("out", "report (b).docx"),
                     "b/report.txt": os.path.join("out", "report (2).docx"),
                     "c/x.md": os.path.join("out", "x.docx"),
                     "d/REPORT.DOCX": os.path.join("out", "REPORT (d).DOCX")}
    assert annotate.output_names(list(names), "out") == names


def test_name_clashes_between_folders_both_written(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXT, encoding="utf-8")
    build(tmp_path / "a" / "report.docx")
    result = run("annotate", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    # a/report.docx, a/report.txt, b/report.txt in the order given
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report (a).docx", "report (b).docx",
                                                                     "report.docx"]
    assert anchors(tmp_path / "out" / "report.docx")[1:] and [
        a for _, a, _ in anchors(tmp_path / "out" / "report.docx")][1] == TITLE


def test_refuses_to_overwrite_an_input(tmp_path):
    draft = build(tmp_path / "draft.docx")
    before = draft.read_bytes()
    result = run("annotate", draft, "-o", tmp_path)
    assert result.exit_code == 2
    assert "覆盖输入文件" in result.output and str(draft) in result.output
    assert draft.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]  # no temporary file left either
    # A text input in its own folder: the .docx beside it is a new name, allowed.
    text = tmp_path / "notes.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert run("annotate", text, "-o", tmp_path).exit_code == 1
    assert (tmp_path / "notes.docx").exists() and draft.read_bytes() == before


def test_unreadable_input_is_fz901_and_the_others_are_written(tmp_path):
    bad = tmp_path / "in" / "bad.docx"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    good = tmp_path / "in" / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(bad), str(good), "-o", str(tmp_path / "new" / "out")])
    assert result.exit_code == 2
    assert f"fzlint: {bad}:" in result.stderr
    assert sorted(p.name for p in (tmp_path / "new" / "out").iterdir()) == ["good.docx"]  # the folder was made


def test_a_docx_without_findings_is_copied_unchanged(tmp_path):
    draft = build(tmp_path / "draft.docx")
    assert run("annotate", draft, "-o", tmp_path / "out", "--no-summary", "--select", "FZ999").exit_code == 2
    assert run("annotate", draft, "-o", tmp_path / "out", "--no-summary", "--select", "FZ308").exit_code == 0
    assert (tmp_path / "out" / "draft.docx").read_bytes() == draft.read_bytes()


def _office_annotations(tmp_path, docx_path: Path) -> int:
    """The comments LibreOffice finds in the .docx: office:annotation elements
    of its conversion to .odt, with a profile of its own."""
    soffice = program("soffice", INSTALL)
    out = tmp_path / "odt"
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "odt", "--outdir", str(out), str(docx_path)],
                          capture_output=True, text=True, timeout=180)
    converted = out / f"{docx_path.stem}.odt"
    assert converted.exists(), done.stderr
    with zipfile.ZipFile(converted) as odt:
        content = etree.fromstring(odt.read("content.xml"))
    return len(content.findall(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"))


def test_libreoffice_opens_the_annotated_docx_with_every_comment(tmp_path):
    draft = build(tmp_path / "draft.docx")
    assert run("annotate", draft, "-o", tmp_path / "out").exit_code == 1
    assert _office_annotations(tmp_path, tmp_path / "out" / "draft.docx") == len(DRAFT_COMMENTS)


def test_the_five_seeds(tmp_path):
    paths = seeds()
    result = run("annotate", *paths, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    for path in paths:
        findings = sorted(linter().lint_file(str(path)).findings, key=Finding.sort_key)
        lines = path.read_text(encoding="utf-8").split("\n")
        got = anchors(tmp_path / "out" / f"{path.stem}.docx")
        assert len(got) == len(findings) + 1, path.name
        title = linter().lint_file(str(path)).document.title
        # The summary holds the whole title; without one (a web copy), the first line with text.
        assert got[0][1] == ("".join(line.text for line in title) or next(line for line in lines if line.strip()))
        for (text, anchor, _), f in zip(got[1:], findings):
            assert text == f"{f.code} {f.message}"
            if (f.end_line, f.end_column) > (f.line, f.column):
                assert anchor == span_text(lines, f), (path.name, f)
    assert _office_annotations(tmp_path, tmp_path / "out" / f"{seed(0).stem}.docx") == len(
        linter().lint_file(str(seed(0))).findings) + 1


def test_a_web_page_is_annotated_on_its_text_lines(tmp_path):
    page = tmp_path / "report.html"
    body = "".join(f"<p>{line}</p>" if not line.startswith(("一", "二")) else f"<h2>{line}</h2>"
                   for line in TEXT.split("\n") if line)
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title></head>"
                    f"<body><h1>{TITLE}</h1>{body[len(f'<p>{TITLE}</p>'):]}</body></html>", encoding="utf-8")
    assert run("annotate", page, "-o", tmp_path / "out", "--no-config").exit_code == 1
    source_result = linter().lint_source(read.read(str(page)), located=False)
    lines = source_result.source.lines
    got = anchors(tmp_path / "out" / "report.docx")
    findings = sorted(source_result.findings, key=Finding.sort_key)
    assert len(got) == len(findings) + 1
    assert ("FZ402", "大量") in [(t.split(" ")[0], a) for t, a, _ in got]
    for (text, anchor, _), f in zip(got[1:], findings):
        if f.line == f.end_line and f.end_column > f.column:
            assert anchor == lines[f.line - 1][f.column - 1:f.end_column - 1]


def test_an_odt_is_annotated_in_its_conversion_to_docx(tmp_path):
    soffice = program("soffice", INSTALL)
    draft = build(tmp_path / "draft.docx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(draft)],
                   capture_output=True, timeout=180, check=True)
    odt = tmp_path / "odt" / "draft.odt"
    result = run("annotate", odt, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    got = anchors(tmp_path / "out" / "draft.docx")
    findings = sorted(linter().lint_file(str(odt)).findings, key=Finding.sort_key)
    assert [t for t, _, _ in got[1:]] == [f"{f.code} {f.message}" for f in findings]
    assert ("FZ402", "大量") in [(t.split(" ")[0], a) for t, a, _ in got]
    assert ("FZ501", ",") in [(t.split(" ")[0], a) for t, a, _ in got]


def test_comments_already_in_a_docx_are_kept(tmp_path):
    draft = build(tmp_path / "draft.docx")
    assert run("annotate", draft, "-o", tmp_path / "once").exit_code == 1
    assert run("annotate", tmp_path / "once" / "draft.docx", "-o", tmp_path / "twice").exit_code == 1
    once, twice = anchors(tmp_path / "once" / "draft.docx"), anchors(tmp_path / "twice" / "draft.docx")
    assert twice[:len(once)] == once and twice[len(once):] == once  # the first round's, then the second's


def _content_types(shape: str, xml: bytes) -> bytes:
    """[Content_Types].xml as other writers make it: UTF-16 (with its BOM), or with a prefix (<ct:Types>)."""
    import re

    text = xml.decode("utf-8")
    if shape == "utf-16":
        assert re.search("encoding=['\"]UTF-8['\"]", text)
        return re.sub("encoding=['\"]UTF-8['\"]", 'encoding="UTF-16"', text).encode("utf-16")
    if shape == "prefixed":
        text = text.replace("<Types xmlns=", "<ct:Types xmlns:ct=").replace("</Types>", "</ct:Types>")
        return re.sub(r"<(Default|Override)\b", r"<ct:\1", text).encode("utf-8")
    return xml


@pytest.mark.parametrize("shape", ["utf-8", "utf-16", "prefixed"])
def test_content_types_in_utf16_or_with_a_prefix_get_the_comments_override(tmp_path, shape):
    plain = build(tmp_path / "plain.docx")
    draft = tmp_path / "in" / "draft.docx"
    draft.parent.mkdir()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, _content_types(shape, data) if info.filename == "[Content_Types].xml" else data)
    assert "Override" in zipfile.ZipFile(draft).read("[Content_Types].xml").decode(shape.replace("prefixed", "utf-8"))
    result = run("annotate", draft, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    assert [(_short(text), anchor) for text, anchor, _ in anchors(tmp_path / "out" / "draft.docx")] == DRAFT_COMMENTS
    with zipfile.ZipFile(tmp_path / "out" / "draft.docx") as out:
        types = out.read("[Content_Types].xml")
    assert types.startswith(b"\xff\xfe" if shape == "utf-16" else b"<?xml")  # written back in its encoding
    root = etree.fromstring(types)
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName"): o.get("ContentType") for o in root.iter(ct + "Override")}
    assert overrides["/word/comments.xml"] == annotate.COMMENTS_TYPE
    assert len(root.findall(ct + "Override")) == len(overrides)  # one each
    assert (root.prefix == "ct") == (shape == "prefixed")


def test_a_file_already_in_the_output_folder_is_not_replaced_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "报告.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "其他.txt").write_text(TEXT, encoding="utf-8")
    own = build(tmp_path / "报告.docx").read_bytes()  # the drafter's own 报告.docx beside the .txt
    result = CliRunner().invoke(main, ["annotate", "报告.txt", "其他.txt", "-o", ".", "--no-config"])
    assert result.exit_code == 2
    assert result.stderr == ("fzlint: 报告.txt: ./报告.docx 已存在，未替换：加 --force 替换它，或用 -o 换一个输出目录\n")
    assert (tmp_path / "报告.docx").read_bytes() == own
    assert anchors(tmp_path / "其他.docx")  # the other input is still annotated
    assert sorted(p.name for p in tmp_path.iterdir()) == ["其他.docx", "其他.txt", "报告.docx", "报告.txt"]
    result = CliRunner().invoke(main, ["annotate", "报告.txt", "-o", ".", "--no-config", "--lang", "en"])
    assert result.exit_code == 2 and result.stderr == (
        "fzlint: 报告.txt: ./报告.docx exists and was not replaced: use --force to replace it, or another folder "
        "with -o\n")
    assert (tmp_path / "报告.docx").read_bytes() == own
    # With --force it is replaced: the annotated 报告.txt, as 其他.txt's.
    result = CliRunner().invoke(main, ["annotate", "报告.txt", "其他.txt", "-o", ".", "--no-config", "--force"])
    assert result.exit_code == 1 and result.stderr == ""
    assert [a for _, a, _ in anchors(tmp_path / "报告.docx")] == [a for _, a, _ in anchors(tmp_path / "其他.docx")]


def test_force_still_never_overwrites_an_input(tmp_path):
    draft = build(tmp_path / "draft.docx")
    before = draft.read_bytes()
    result = run("annotate", draft, "-o", tmp_path, "--force")
    assert result.exit_code == 2 and "覆盖输入文件" in result.output
    assert draft.read_bytes() == before


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Seed 1 as LibreOffice saves it as .doc and prints it to .pdf."""
    import shutil

    soffice = program("soffice", INSTALL)
    folder = tmp_path_factory.mktemp("converted")
    shutil.copyfile(seed(1), folder / "乙区.txt")
    for target in ("doc", "pdf"):
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(folder), str(folder / "乙区.txt")],
                       capture_output=True, timeout=300, check=True)
    return folder


@pytest.mark.parametrize("suffix", [".doc", ".pdf"])
def test_a_doc_or_pdf_is_annotated_with_anchors_equal_to_the_findings_text(converted, tmp_path, suffix):
    path = converted / f"乙区{suffix}"
    result = run("annotate", path, "-o", tmp_path / "out", "--no-config")
    assert result.exit_code == 1, result.output
    checked = linter().lint_source(read.read(str(path)), located=False)
    lines = checked.source.lines
    findings = sorted(checked.findings, key=Finding.sort_key)
    got = anchors(tmp_path / "out" / "乙区.docx")
    assert len(got) == len(findings) + 1 and got[0][0].startswith("fzlint：")
    spans = 0
    for (text, anchor, _), f in zip(got[1:], findings):
        assert text == f"{f.code} {f.message}"
        if (f.end_line, f.end_column) > (f.line, f.column):
            assert anchor == span_text(lines, f), f
            spans += 1
    assert spans > 10  # most findings point at text
