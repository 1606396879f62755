"""Saved web pages: the main text, block by block, findings on the page's lines."""

from __future__ import annotations

import codecs
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, linter, seed, seed_text
from fzlint import read
from fzlint.formats import FormatError
from fzlint.formats import html as html_format
from fzlint.formats.html import looks_like_html
from fzlint.limits import MAX_HTML_BYTES
from pagebuild import page

STRUCTURE = ["FZ1", "FZ2", "FZ3", "FZ9"]


@pytest.mark.parametrize("number", [1, 4])
def test_seed_on_a_government_page_gives_the_txt_findings_on_the_page_lines(tmp_path, number):
    markup, where = page(seed_text(number), title="法治政府建设年度报告")
    path = tmp_path / "report.html"
    path.write_text(markup, encoding="utf-8")
    lint = linter(select=STRUCTURE)
    expected = [(f.code, where[f.line]) for f in lint.lint_file(str(seed(number))).findings]
    assert [(f.code, f.line) for f in lint.lint_file(str(path)).findings] == expected
    # And every other rule alike: nothing of the page's furniture reaches the text.
    everything = linter()
    assert ([(f.code, f.line) for f in everything.lint_file(str(path)).findings]
            == [(f.code, where[f.line]) for f in everything.lint_file(str(seed(number))).findings])


def test_the_page_furniture_is_left_out_and_lines_point_into_the_file(tmp_path):
    markup, where = page("一、主要举措和成效\n全年办理案件12件。", title="标题")
    path = tmp_path / "p.htm"
    path.write_text(markup, encoding="utf-8")
    source = read.read(str(path))
    assert source.lines == ["一、主要举措和成效", "全年办理案件12件。"]
    assert list(source.origins) == [where[1], where[2]]
    assert markup.split("\n")[where[2] - 1] == "<p>全年办理案件12件。</p>"


def test_gb2312_page_is_decoded_by_its_meta_charset(tmp_path):
    markup, _ = page(seed_text(4), charset="gb2312")
    path = tmp_path / "gbk.html"
    path.write_bytes(markup.encode("gb18030"))
    source = read.read(str(path))
    assert source.encoding == "gb18030"
    assert source.lines == [ln.strip() for ln in seed_text(4).split("\n") if ln.strip()]


@pytest.mark.parametrize("data,encoding", [
    (codecs.BOM_UTF8 + '<html><meta charset="gbk"><p>法治政府</p></html>'.encode("utf-8"), "utf-8"),
    ('<html><meta charset="utf-8"><p>法治政府</p></html>'.encode("utf-8"), "utf-8"),
    ('<html><p>法治政府</p></html>'.encode("gb18030"), "gb18030"),
    ('<html><meta charset="no-such-codec"><p>法治政府</p></html>'.encode("utf-8"), "utf-8"),
])
def test_charset_from_bom_then_meta_then_utf8_then_gb18030(tmp_path, data, encoding):
    path = tmp_path / "p.html"
    path.write_bytes(data)
    source = read.read(str(path))
    assert (source.text, source.encoding) == ("法治政府", encoding)


@pytest.mark.parametrize("markup,lines", [
    ("<p>一行<br>二行</p>", ["一行", "二行"]),
    ("<div>甲<div>乙</div>丙</div>", ["甲", "乙", "丙"]),
    ("<p>全年\n  办理 <b>12</b> 件。</p>", ["全年 办理 12 件。"]),
    ("<p>A&amp;B&nbsp;&lt;法&gt;&#x4E00;</p>", ["A&B\xa0<法>一"]),
    ("<p>正文</p><p hidden>藏</p><p style='display: none'>藏</p><!-- 注释 -->", ["正文"]),
    ("<nav>导航</nav><div role='navigation'>导航</div><p>正文</p>", ["正文"]),
    ("<header>页头</header><article><header><h1>文章标题</h1></header><p>正文</p></article><footer>页脚</footer>",
     ["文章标题", "正文"]),
    ("<ul><li>一<li>二</ul>", ["一", "二"]),
    ("<table><tr><td>项目</td><td>数量</td></tr></table>", ["项目", "数量"]),
    ("<pre>第一行\n  第二行</pre>", ["第一行", "  第二行"]),
    ("<p>正文</span></p>", ["正文"]),
    ("<select><option>北京</option></select><textarea>写</textarea><p>正文</p>", ["正文"]),
])
def test_block_elements_make_lines(tmp_path, markup, lines):
    path = tmp_path / "p.html"
    path.write_text("<!DOCTYPE html><html><body>" + markup + "</body></html>", encoding="utf-8")
    assert read.read(str(path)).lines == lines


def test_headings_are_level_hints(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><body><h1>某区2023年度法治政府建设情况的报告</h1><p>区委：</p>"
                    "<h2>主要举措和成效</h2><p>办理案件12件。</p></body></html>", encoding="utf-8")
    source = read.read(str(path))
    assert source.hints == {1: (1, False), 3: (2, False)}
    doc = linter().document(source)
    assert doc.title_text == "某区2023年度法治政府建设情况的报告"
    assert [(s.level, s.title, s.role) for s in doc.sections] == [(2, "主要举措和成效", "measures")]


def test_furniture_left_inside_the_article_is_reported_by_fz308(tmp_path):
    markup, where = page("一、主要举措和成效\n全年办理案件12件。\n【打印本页】\n浏览次数：1024")
    path = tmp_path / "p.html"
    path.write_text(markup, encoding="utf-8")
    findings = linter(select=["FZ308"]).lint_file(str(path)).findings
    assert [(f.code, f.line, f.context) for f in findings] == [
        ("FZ308", where[3], "【打印本页】"), ("FZ308", where[4], "浏览次数：1024")]


def test_a_txt_holding_a_web_page_is_read_as_one(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text("<!DOCTYPE html>\n<html><body><p>一、主要举措</p></body></html>", encoding="utf-8")
    source = read.read(str(path))
    assert source.format == "html" and source.lines == ["一、主要举措"]


def test_a_txt_mentioning_tags_stays_text(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("正文写到了<p>标签。\n第二行", encoding="utf-8")
    assert read.read(str(path)).format == "text"


# -- charsets a browser does not have ---------------------------------------------

@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "utf-16", "utf-16le",
                                   "utf-32", "utf-7", "unicode_escape", "idna", "punycode", "undefined", "x-no-such"])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_a_meta_charset_naming_no_web_encoding_falls_back_as_a_browser_does(tmp_path, label, codec):
    path = tmp_path / "p.html"
    path.write_bytes(f'<html><meta charset="{label}"><p>法治政府</p></html>'.encode(codec))
    source = read.read(str(path))
    assert (source.text, source.encoding) == ("法治政府", codec)


def test_a_meta_charset_of_a_web_encoding_is_used(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes('<html><meta charset="big5"><p>法治政府</p></html>'.encode("big5"))
    assert (read.read(str(path)).text, read.read(str(path)).encoding) == ("法治政府", "big5")


def test_outline_of_a_page_in_a_codec_that_is_no_text_encoding_is_no_traceback(tmp_path):
    (tmp_path / "p.html").write_text('<html><meta charset="rot13"><h1>某区2023年度法治政府建设情况的报告</h1></html>',
                                     encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "fzlint", "outline", str(tmp_path / "p.html")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and run.stderr == "" and "某区2023年度法治政府建设情况的报告" in run.stdout


# -- what is a web page: comments are skipped once -------------------------------

@pytest.mark.parametrize("data,html", [
    (b"<!---->" * 280 + b"<html><p>x</p></html>", True),
    (b"<!---->" * 280 + b"x", False),  # the regex took 2**n steps to say so: 22 comments 0.3 s, 30 a minute
    (b"\xef\xbb\xbf  <!-- a --> \n<!-- b --><!DOCTYPE html>", True),
    (b"<!-- a --> x --> <html>", False),  # a comment ends at its first -->
    (b"<!-- unclosed <html>", False),
    (b"  <meta charset=utf-8>", True),
])
def test_looks_like_html(data, html):
    started = time.perf_counter()
    assert looks_like_html(data) is html
    assert time.perf_counter() - started < 1


def test_a_txt_that_starts_with_many_comments_is_read_in_time(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"<!---->" * 40 + "x\n第二行".encode("utf-8"))
    started = time.perf_counter()
    assert read.read(str(path)).format == "text"
    assert time.perf_counter() - started < 2


# -- hostile markup is read in one pass -------------------------------------------

@pytest.mark.parametrize("body,lines", [
    # Quadratic in the old extractor, which walked its stack for each end tag: 40,000 of each took 31 s.
    ("<div>" * 40_000 + "</span>" * 40_000 + "<p>正文</p>", ["正文"]),
    ("<p>正文" + "</b>" * 200_000 + "</p><p>后</p>", ["正文", "后"]),
    ("<header><div>" * 20_000 + "页头", [""]),  # page furniture, however deep: no text
    # Quadratic in HTMLParser (Python 3.11.7): 13,000 unclosed tags (40 KB) took 16 s, 40,000
    # comments without their end (320 KB) 11 s; each is read to the end of the file and dropped.
    ("<p>正文</p>" + "<a " * 40_000, ["正文"]),
    ("<p>正文</p>" + "<a<a" * 40_000, ["正文"]),
    ("<p>正文</p>" + "</a" * 40_000, ["正文"]),
    ("<p>正文</p>" + "<!--x<b>" * 40_000, ["正文"]),
    ("<p>正文</p>" + "<![CDATA[x<b>" * 40_000, ["正文"]),
    ("<p>正文</p>" + "<?x<b>" * 40_000, ["正文"]),
    ("<p>正文</p>" + "</<b>" * 40_000, ["正文"]),
    ("<p>正文</p><script>" + "</scrip" * 40_000, ["正文"]),
    ("<p>正文</p><textarea>" + "</textare" * 40_000, ["正文"]),
    ("<p>正文</p>" + '<a b="' * 30_000, ["正文"]),
    ("<p>" + "<" * 200_000 + "</p>", ["<" * 200_000]),
    ("<p " + 'a="b" ' * 100_000 + ">正文</p>", ["正文"]),
])
def test_hostile_markup_is_read_in_time(tmp_path, body, lines):
    path = tmp_path / "p.html"
    path.write_text("<!DOCTYPE html><html><body>" + body, encoding="utf-8")
    started = time.perf_counter()
    assert read.read(str(path)).lines == lines
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("markup,lines", [
    ("<p>正文<b", ["正文"]),  # a tag the file ends in
    ("<p>正文<!-- 注释", ["正文"]),
    ("<p>正文<!DOCTYPE", ["正文"]),
    ("<p>正文</p><script>document.write('<p>')", ["正文"]),
    ('<p title="a>b">引号里的大于号</p>', ["引号里的大于号"]),
    ("<p class=it's>撇号</p>", ["撇号"]),
    ("<p>一<!-->二<!--->三</p>", ["一二三"]),
    ("<p>a</>b</3>c</p>", ["abc"]),
    ("<textarea></textarea><p>正文</p><noscript><p>不显示</div></noscript><p>后</p>", ["正文", "后"]),
])
def test_what_is_not_closed_runs_to_the_end_as_in_a_browser(tmp_path, markup, lines):
    path = tmp_path / "p.html"
    path.write_text("<html><body>" + markup, encoding="utf-8")
    assert read.read(str(path)).lines == lines


def test_a_pre_blocks_lines_point_at_their_own_lines_of_the_file(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><body>\n<pre>第一行\n\n  第三行</pre>\n<p>后</p>", encoding="utf-8")
    source = read.read(str(path))
    assert (source.lines, source.origins) == (["第一行", "  第三行", "后"], (2, 4, 5))


# -- limits ------------------------------------------------------------------------

def test_a_page_beyond_the_byte_limit_is_refused_and_one_at_it_is_read(tmp_path):
    head = "<html><body><p>正文</p><!--".encode("utf-8")
    at_limit = head + b"x" * (MAX_HTML_BYTES - len(head) - 3) + b"-->"
    (tmp_path / "at.html").write_bytes(at_limit)
    assert read.read(str(tmp_path / "at.html")).lines == ["正文"]
    (tmp_path / "over.html").write_bytes(at_limit + b" ")
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path / "over.html"))
    assert info.value.zh == f"网页过大（{MAX_HTML_BYTES + 1:,} 字节，上限 {MAX_HTML_BYTES:,}），不像是一份报告"
    assert info.value.en == f"page too large ({MAX_HTML_BYTES + 1:,} bytes, limit {MAX_HTML_BYTES:,}); not a report"


def test_a_text_over_the_limit_stops_the_reading_where_it_passes_the_limit(tmp_path, monkeypatch):
    from fzlint.formats import html

    monkeypatch.setattr(html, "MAX_TEXT_CHARS", 10)
    path = tmp_path / "p.html"
    path.write_text("<html><body>" + "<p>一二</p>" * 3, encoding="utf-8")
    assert read.read(str(path)).text == "一二\n一二\n一二"  # 8 characters
    path.write_text("<html><body>" + "<p>一二</p>" * 100_000, encoding="utf-8")
    tags = []
    monkeypatch.setattr(html._Extractor, "start_tag", lambda self, tag, *args, start=html._Extractor.start_tag:
                        tags.append(tag) or start(self, tag, *args))
    with pytest.raises(read.ReadError) as info:
        read.read(str(path))
    assert info.value.zh == "正文过长（超过 10 字符），不像是一份报告"
    assert tags.count("p") == 4  # the fourth paragraph passes the limit; the other 99,996 are not read


def test_hostile_pages_beside_a_good_one_on_the_command_line(tmp_path):
    markup, _ = page("一、主要举措和成效\n全年办理案件12件。")
    (tmp_path / "good.html").write_text(markup, encoding="utf-8")
    (tmp_path / "big.html").write_bytes(b"<html><body><p>x</p>" + b" " * MAX_HTML_BYTES)
    (tmp_path / "rot13.html").write_text('<html><meta charset="rot13"><p>正文。</p></html>', encoding="utf-8")
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 40_000 + "</span>" * 40_000, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "fzlint", "--format", "json", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "Traceback" not in run.stdout + run.stderr
    files = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in json.loads(run.stdout)["files"]}
    assert files["big.html"] == ["FZ901"] and files["deep.html"] == ["FZ902"]
    assert "FZ901" not in files["rot13.html"] + files["good.html"]


@pytest.mark.parametrize("seed", range(3))
def test_any_soup_of_markup_is_read_or_refused_with_a_format_error(seed):
    """Fuzz: pages made of random pieces of markup (tags, attributes and quotes,
    comments, declarations, character references, raw-text elements, lone < and &)."""
    rng = random.Random(seed)
    pieces = ["<p>", "</p>", "<div class=nav>", "</div>", "<li>", "<br/>", "<b>", "</b>", "<pre>", "</pre>",
              "<h2>", "</h2>", "<script>", "</script>", "<textarea>", "<!--", "-->", "<!DOCTYPE html>", "<?x?>",
              "</>", "</3", "<", ">", "&", "&amp;", "&#x4E00;", "&#99999999;", '"', "'", "=", "/", " ", "\n",
              "<a href='javascript:x'>", "<p hidden>", '<p style="display:none">', "<article>", "<header>",
              "法治", "政府", "一、", "x"]
    for _ in range(300):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 200)))
        try:
            source = html_format.read("p.html", markup.encode("utf-8"))
        except FormatError:
            continue
        assert len(source.origins) == len(source.lines) or (source.text == "" and not source.origins)


def test_a_title_three_times_over_is_one_title_and_the_recipient_is_found(tmp_path):
    # Issue 13: the page's <h1>, the content's headline and the document's own
    # title block (split over two lines); then the 主送机关.
    title = "某县人民政府关于2025年度法治政府建设情况的报告"
    markup = (f"<html><head><title>{title}_某县人民政府网</title></head><body>\n"
              f"<div>您现在所在的位置 : 首页 &gt; 专题专栏</div>\n<h1>{title}</h1>\n"
              "<div>发布时间：2026-03-28 来源：某县司法局 浏览次数：</div>\n"
              f"<div class=\"content\"><p>{title}</p>\n<p>某县人民政府</p>\n<p>关于2025年度法治政府建设情况的报告</p>\n"
              "<p>市委、市政府：</p>\n<p>2025年，我县深入推进法治政府建设。</p>\n<p>一、主要举措和成效</p>\n<p>正文。</p></div>"
              "</body></html>\n")
    path = tmp_path / "report.html"
    path.write_text(markup, encoding="utf-8")
    result = linter().lint_file(str(path))
    doc = linter().document(read.read(str(path)))
    assert doc.title_text == "某县人民政府关于2025年度法治政府建设情况的报告" and len(doc.title) == 2
    assert doc.recipient.text == "市委、市政府："
    assert [(f.code, f.line) for f in result.findings if f.code in ("FZ301", "FZ302", "FZ308", "FZ309")] == [
        ("FZ308", 2), ("FZ308", 3), ("FZ308", 4), ("FZ308", 5)]
