"""formats/pdf.py: the text layer of a .pdf, read with pypdfium2, rebuilt into
the paragraphs a reader sees. The PDFs are made by the real LibreOffice from
the seeds (skipped without it, except in CI), or by hand where no program
makes what a test needs (a scan, a broken page tree)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import linter, seed, seed_text, seeds
from fzlint import formats, read
from fzlint.cli import main
from fzlint.formats import pdf
from pdfbuild import ENCRYPT, IMAGE_PAGE, RESTRICT, by_hand, printed, soffice_pdf

STRUCTURE = ("FZ1", "FZ2", "FZ3")


def structure(result) -> list[tuple[str, str]]:
    """The structure findings (FZ1xx-FZ3xx) as (code, the text of the line
    they point at): a .pdf's lines are its paragraphs, not the .txt's lines."""
    lines = result.source.lines
    return sorted((f.code, lines[f.line - 1].strip()) for f in result.findings if f.code.startswith(STRUCTURE))


def roles(result) -> list[tuple[str | None, str]]:
    return [(s.role, s.title) for s in result.document.sections]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The five seeds printed to PDF by LibreOffice from their .txt, and seed
    0 from .docx files laid out as printed reports (a centred title at 22 pt,
    justified text with first-line indents, a running header, page numbers
    in the footer in three styles), all in one run of LibreOffice."""
    folder = tmp_path_factory.mktemp("pdf")
    texts = []
    for number, path in enumerate(seeds()):
        texts.append(folder / f"{number}.txt")
        shutil.copyfile(path, texts[-1])
    texts.append(folder / "spaced.txt")
    texts[-1].write_text(SPACED, encoding="utf-8")
    # Seed 0 ends with the page number its web page had (— 9 —), which a
    # printed report's text would not; and the spaces a .txt holds beside a
    # CJK character are not told apart from those PDFium adds (see the tests below).
    text = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", seed_text(0).replace("\n— 9 —", ""))
    styles = {"dash": ("某区人民政府法治政府建设年度报告", ("— ", " —")), "hyphen": ("某区人民政府", ("- ", " -")),
              "page": (None, ("第 ", " 页"))}
    docs = []
    for name, (header, footer) in styles.items():
        docs.append(folder / f"printed-{name}.docx")
        printed(text, docs[-1], header=header, footer=footer)
    soffice_pdf(folder, texts + docs)
    return folder


# -- the seeds ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("number", range(5))
def test_a_seed_printed_to_pdf_gives_the_roles_and_structure_findings_of_its_txt(made, number):
    lint = linter()
    txt, printed_ = lint.lint_file(str(seed(number))), lint.lint_file(str(made / "pdf" / f"{number}.pdf"))
    assert printed_.error is None and printed_.source.format == "pdf"
    assert roles(printed_) == roles(txt) and roles(txt)
    assert structure(printed_) == structure(txt)


def test_a_seeds_paragraphs_come_back_whole_across_lines_and_pages(made):
    source = read.read(str(made / "pdf" / "3.pdf"))
    expected = [line.strip() for line in seed_text(3).split("\n") if line.strip()]
    assert source.lines == expected
    assert source.pages[0] == (1, 1) and len(source.pages) == len(expected)
    assert max(page for page, _ in source.pages) > 1  # it runs over more than one page


SPACED = "一、主要举措和成效\n2025年开展执法培训18次，覆盖执法人员312人，办理行政复议案件7件。\n"


def test_spaces_pdfium_puts_between_cjk_and_figures_are_not_in_the_text_nor_reported(made):
    # LibreOffice sets a gap between 2025 and 年, which PDFium reads as a space it made (2025 年)
    source = read.read(str(made / "pdf" / "spaced.pdf"))
    assert source.lines == SPACED.split("\n")[:2]
    lint = linter()
    on_pdf = [(f.code, f.line, f.column, f.message) for f in lint.lint_file(str(made / "pdf" / "spaced.pdf")).findings]
    on_txt = [(f.code, f.line, f.column, f.message) for f in lint.lint_file(str(made / "spaced.txt")).findings]
    assert on_pdf == on_txt and on_txt


# -- a printed report: page furniture, the title block, locations -----------------------------------------

@pytest.mark.parametrize("style", ["dash", "hyphen", "page"])
def test_page_numbers_and_running_headers_are_not_text_and_findings_are_the_docx_ones(made, style):
    docx_path, pdf_path = made / f"printed-{style}.docx", made / "pdf" / f"printed-{style}.pdf"
    source = read.read(str(pdf_path))
    paragraphs = read.read(str(docx_path)).lines
    assert source.lines == paragraphs  # the title's two lines stay two; wrapped lines are joined
    assert "某区人民政府法治政府建设年度报告" not in source.text and not re.search(r"^[-— 第]*\d+[-— 页]*$", source.text, re.M)
    lint = linter()
    on_pdf = [(f.code, f.line, f.column, f.message) for f in lint.lint_file(str(pdf_path)).findings]
    on_docx = [(f.code, f.line, f.column, f.message) for f in lint.lint_file(str(docx_path)).findings]
    assert on_pdf == on_docx and on_pdf


def test_a_finding_says_its_page_and_line_on_the_page(made):
    pdf_path = made / "pdf" / "printed-dash.pdf"
    result = linter().lint_file(str(pdf_path))
    source = result.source
    # the header is the first line of every page: the title starts on line 2 of page 1
    assert source.pages[:2] == ((1, 2), (1, 3))
    for f in result.findings:
        page, on_page = source.pages[f.line - 1]
        assert f.context.startswith(f"p{page}:{on_page} “")
    later = [f for f in result.findings if source.pages[f.line - 1][0] > 1]
    assert later, "findings beyond the first page"
    out = CliRunner().invoke(main, ["--no-color", "--format", "concise", str(pdf_path)], env={"NO_COLOR": "1"})
    f = later[0]
    page, on_page = source.pages[f.line - 1]
    assert f"{pdf_path}:{f.line}:{f.column}: " in out.output
    assert f"〔p{page}:{on_page} “" in out.output and "〔“p" not in out.output


def test_the_review_page_and_english_output_show_the_location_unquoted(made, tmp_path):
    pdf_path = made / "pdf" / "printed-dash.pdf"
    out = CliRunner().invoke(main, ["--no-color", "--lang", "en", str(pdf_path)], env={"NO_COLOR": "1"})
    assert re.search(r"\[p\d+:\d+ “[^\]]+”\]", out.output) and "[\u201cp" not in out.output
    page = tmp_path / "review.html"
    CliRunner().invoke(main, ["report", "--html", str(page), str(pdf_path)])
    assert re.search(r'class="context">〔p\d+:\d+ “', page.read_text(encoding="utf-8"))


# -- what cannot be read ----------------------------------------------------------------------------------

def reason(path) -> str:
    result = linter().lint_file(str(path))
    [finding] = result.findings
    assert finding.code == "FZ901" and result.error is not None
    return finding.message


def test_a_scan_without_a_text_layer_is_refused_with_no_ocr(tmp_path):
    for name, pages in (("scan.pdf", [IMAGE_PAGE] * 3), ("blank.pdf", [b""] * 2)):
        (tmp_path / name).write_bytes(by_hand(pages, image=name == "scan.pdf"))
        assert "扫描版 PDF，没有文字层，无法检查（不支持文字识别 OCR）" in reason(tmp_path / name)
    assert "scanned PDF without text; OCR is not supported" in linter(lang="en").lint_file(
        str(tmp_path / "scan.pdf")).findings[0].message


def test_a_pdf_with_a_password_to_open_is_refused_and_one_with_only_permissions_reads(tmp_path):
    text = tmp_path / "2.txt"
    shutil.copyfile(seed(2), text)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    [locked] = soffice_pdf(tmp_path / "a", [text], ENCRYPT)
    assert "PDF 已加密（设有打开密码），无法读取：请取消密码后再检查" in reason(locked)
    [restricted] = soffice_pdf(tmp_path / "b", [text], RESTRICT)
    assert b"/Encrypt" in restricted.read_bytes()
    assert structure(linter().lint_file(str(restricted))) == structure(linter().lint_file(str(seed(2))))


def test_a_truncated_or_damaged_pdf_is_one_line_of_fz901(made, tmp_path):
    data = (made / "pdf" / "2.pdf").read_bytes()
    for size in (100, 1000, len(data) // 2, len(data) - 200):
        (tmp_path / "cut.pdf").write_bytes(data[:size])
        assert "PDF 文件已损坏或不完整，无法读取" in reason(tmp_path / "cut.pdf")
    (tmp_path / "tree.pdf").write_bytes(by_hand([b""], count=3))  # the page tree promises pages it has not
    assert "PDF 文件已损坏：第 2 页无法读取" in reason(tmp_path / "tree.pdf")
    result = CliRunner().invoke(main, ["--no-color", "--format", "concise", str(tmp_path / "cut.pdf"), str(seed(2))],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert [ln for ln in result.output.splitlines() if "cut.pdf" in ln] == [
        f"{tmp_path / 'cut.pdf'}:1:1: error FZ901 无法读取：PDF 文件已损坏或不完整，无法读取。其他文件照常检查。"]
    assert any(str(seed(2)) in ln for ln in result.output.splitlines())


def test_the_page_and_text_limits_refuse_before_reading_on(tmp_path, monkeypatch):
    (tmp_path / "many.pdf").write_bytes(by_hand([b""] * 6))
    monkeypatch.setattr(pdf, "MAX_PAGES", 5)
    assert "PDF 页数过多（6 页，上限 5），不像是一份报告" in reason(tmp_path / "many.pdf")


def test_a_text_past_the_limit_is_refused_at_the_page_that_passes_it(made, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_TEXT_CHARS", 3000)
    assert "正文过长（超过 3,000 字符），不像是一份报告" in reason(made / "pdf" / "0.pdf")


def test_characters_beyond_ucs2_are_read(made, tmp_path):
    draft = tmp_path / "ext.txt"
    draft.write_text("一、测试𠀀字\n正文𠀀。\n", encoding="utf-8")
    [made_pdf] = soffice_pdf(tmp_path, [draft])
    assert read.read(str(made_pdf)).lines == ["一、测试𠀀字", "正文𠀀。"]


# -- the table, a folder ----------------------------------------------------------------------------------

def test_a_pdf_is_known_by_content_and_by_name():
    assert formats.choose("a.txt", b"%PDF-1.7\n").module == "pdf"
    assert formats.choose("a.pdf", b"junk").module == "pdf"
    assert ".pdf" in formats.SUFFIXES
    with pytest.raises(read.ReadError) as info:
        read.from_bytes("a.pdf", b"junk")
    assert "PDF 文件已损坏或不完整" in info.value.zh


def test_a_folder_with_a_pdf_beside_a_txt_checks_both(made, tmp_path):
    shutil.copyfile(made / "pdf" / "1.pdf", tmp_path / "甲区.pdf")
    shutil.copyfile(seed(1), tmp_path / "乙区.txt")
    result = CliRunner().invoke(main, ["--no-color", "--format", "json", str(tmp_path)], env={"NO_COLOR": "1"})
    files = {f["path"].rsplit("/", 1)[1]: f for f in json.loads(result.output)["files"]}
    assert sorted(files) == ["乙区.txt", "甲区.pdf"]
    lint = linter()
    assert len(files["甲区.pdf"]["diagnostics"]) == len(lint.lint_file(str(tmp_path / "甲区.pdf")).findings) > 0
    assert all(re.match(r"p\d+:\d+ “", d["context"]) for d in files["甲区.pdf"]["diagnostics"])
    assert all(d["context"] == "" for d in files["乙区.txt"]["diagnostics"])


# -- the rebuild, line by line ------------------------------------------------------------------------------

def line(page, number, text, x0=56.8, x1=538.0, size=10.0, lead=10.0, width=595.3):
    return pdf.VisualLine(page, number, text, x0, x1, 800.0 - 20 * number, size, lead, width)


def test_furniture_is_a_page_number_or_words_repeated_at_the_same_edge_of_most_pages():
    lines = []
    for page, word in zip((1, 2, 3), "甲乙丙"):
        lines += [line(page, 1, f"某区报告（{2025 + page}）"), line(page, 2, "正文" * 25),
                  line(page, 3, f"{word}项工作结束。", x1=120.0), line(page, 4, f"第 {page} 页 共 3 页", x0=270.0, x1=330.0)]
    assert pdf.furniture(lines) == {(p, n) for p in (1, 2, 3) for n in (1, 4)}
    # the same words on one page of three, or in the middle of the pages, are text
    body = [line(1, 1, "一、主要举措"), line(1, 2, "甲"), line(1, 3, "某区报告"), line(1, 4, "乙"), line(1, 5, "结束"),
            line(2, 1, "二、存在的不足"), line(2, 2, "丙"), line(2, 3, "某区报告"), line(2, 4, "丁"), line(2, 5, "完毕"),
            line(3, 1, "三、下一步"), line(3, 2, "正文" * 25), line(3, 3, "戊"), line(4, 1, "己"), line(4, 2, "正文" * 25)]
    assert pdf.furniture(body) == set()


@pytest.mark.parametrize("text", ["— 3 —", "- 3 -", "第3页", "第 3 页 共 20 页", "3", "3/20", "Page 3 of 20"])
def test_page_number_shapes(text):
    assert pdf.PAGE_NUMBER.fullmatch(text)


@pytest.mark.parametrize("text", ["3月", "第3章", "2025年", "一、3"])
def test_not_page_numbers(text):
    assert not pdf.PAGE_NUMBER.fullmatch(text)


def test_a_paragraph_breaks_at_an_indent_a_short_line_a_new_size_or_a_heading():
    lines = [line(1, 1, "标题", x0=250.0, x1=340.0, size=22.0),
             line(1, 2, "　正文第一行", x0=76.8), line(1, 3, "接着第二行"), line(1, 4, "结束。", x1=200.0),
             line(1, 5, "一、标题", x1=120.0), line(1, 6, "2025年正文", lead=30.0), line(1, 7, "续行", x1=300.0),
             line(1, 8, "小字", size=8.0)] + [line(1, n, "填充行", x1=300.0) for n in range(9, 17)]
    text, starts = pdf.rebuild(lines)
    assert text[:6] == ["标题", "　正文第一行接着第二行结束。", "一、标题", "2025年正文续行", "小字", "填充行"]
    assert starts[:6] == [(1, 1), (1, 2), (1, 5), (1, 6), (1, 8), (1, 9)]


def test_room_left_for_what_cannot_be_parted_is_still_a_full_line():
    # 《 cannot end a line: LibreOffice moves it down with the character after it
    full = [line(1, n, "正文" * 20, x1=538.0) for n in range(1, 10)]
    lines = full + [line(1, 10, "深入开展", x1=518.8), line(1, 11, "《宪法》宣传。", lead=20.0, x1=200.0)]
    text, _ = pdf.rebuild(lines)
    assert text == ["正文" * 180 + "深入开展《宪法》宣传。"]
    assert pdf._unit(list("《宪法》")) == 2 and pdf._unit(list("2025年")) == 4 and pdf._unit(list("年。正文")) == 2


def test_latin_words_wrapped_apart_keep_their_space():
    assert pdf._join(["Produced By", "Hanweb 网络"]) == "Produced By Hanweb 网络"
    assert pdf._join(["正文", "续行"]) == "正文续行"


def test_a_pdf_of_nothing_but_furniture_is_an_empty_text():
    assert pdf.rebuild([line(1, 1, "— 1 —"), line(2, 1, "— 2 —")]) == ([""], [(1, 1)])
