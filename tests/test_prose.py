"""Sentences, clauses and figures (fzlint/prose.py)."""

from __future__ import annotations

import re

import pytest

from conftest import linter
from fzlint import prose
from fzlint.model import Paragraph

FINDER = linter().context.figures


def text(*paragraphs: str, column: int = 1) -> prose.ProseText:
    return prose.ProseText([Paragraph(i + 1, column, p) for i, p in enumerate(paragraphs)], FINDER)


def sentences(pt: prose.ProseText) -> list[str]:
    return [pt.text[s:e] for s, e in pt.sentences]


def figures(pt: prose.ProseText):
    return [(f.text, f.kind, f.value, f.approx) for f in pt.figures(0, len(pt.text))]


def test_sentences_clauses_and_their_places():
    pt = text("开展培训4期，覆盖312人。评查案卷120卷；整改问题17个", "　　第二段。", column=3)
    assert sentences(pt) == ["开展培训4期，覆盖312人。", "评查案卷120卷；", "整改问题17个", "第二段。"]
    first = pt.sentences[0]
    assert [pt.text[s:e] for s, e in pt.clauses(*first)] == ["开展培训4期", "覆盖312人"]
    assert [pt.locate(s) for s, _ in pt.sentences] == [(1, 3), (1, 17), (1, 26), (2, 5)]


def test_quotes_and_brackets_are_kept_whole():
    pt = text("推行“说理式执法。柔性执法”模式，编印《执法手册（试行）。第二版》1册。完成。")
    assert sentences(pt) == ["推行“说理式执法。柔性执法”模式，编印《执法手册（试行）。第二版》1册。", "完成。"]
    assert [pt.text[s:e] for s, e in pt.clauses(*pt.sentences[0])] == ["推行“说理式执法。柔性执法”模式", "编印《执法手册（试行）。第二版》1册"]


def test_an_unmatched_quote_does_not_swallow_the_paragraph():
    pt = text("发挥法律明白人”“法治带头人的作用。加强培训。")
    assert sentences(pt) == ["发挥法律明白人”“法治带头人的作用。", "加强培训。"]


def test_a_quote_does_not_run_into_the_next_paragraph():
    assert sentences(text("开展“法治进社区", "活动。完成。")) == ["开展“法治进社区", "活动。", "完成。"]


@pytest.mark.parametrize("line,found", [
    ("依法拆除违法建筑187处、1.1万余平方米", [("187处", "count", 187, ""), ("1.1万余平方米", "count", 11000, "lower")]),
    ("群众满意率90.31%", [("90.31%", "percent", 90.31, "")]),
    ("调解各类纠纷1000余件，开展30余次", [("1000余件", "count", 1000, "lower"), ("30余次", "count", 30, "lower")]),
    ("涉及金额近1500万元", [("近1500万元", "count", 15000000, "about")]),
    ("召开三次会议，举办两场讲座，建成十余个站点，选派一名干部", [
        ("三次", "count", 3, ""), ("两场", "count", 2, ""), ("十余个", "count", 10, "lower"), ("一名", "count", 1, "")]),
    ("3月18日印发，9月成立，2023年1月起施行", [("3月18日", "date", None, ""), ("9月", "date", None, ""), ("2023年1月", "date", None, "")]),
    ("幅度为15%～30%", [("15%", "percent", 15, ""), ("30%", "percent", 30, "")]),
    ("行政诉讼案件“零新增”", [("零新增", "zero", 0, "")]),
])
def test_figures(line, found):
    assert figures(text(line)) == found


@pytest.mark.parametrize("line", [
    "深刻领悟“两个确立”，增强四个意识。",  # fixed terms
    "全面启动八五普法，落实三项制度，推行一站式服务和一村一法律顾问。",
    "2022年，街道推进法治建设。",  # a year
    "召开第六次、第七次会议，出版第四卷。",  # ordinals
    "回复12319热线，推行“1+N”模式，利用“4·8”司法日。",  # codes and names
    "印发《2022年工作要点》，实现“三个统一”。",  # titles and slogans
    "统一部署，作为一项重要任务，受教面达数万人次，成千上万群众参与。",  # 一 in words, vague amounts
    "一次性告知，推进二期项目。",
])
def test_not_figures(line):
    pt = text(line)
    assert figures(pt) == [] and pt.figure_starts == []


def test_item_heads_are_not_statements():
    pt = text("一是强学习，提升法治意识。深入学习习近平法治思想。")
    assert [pt.text[s:e] for s, e in pt.statements([(0, len(pt.text))])] == ["深入学习习近平法治思想。"]


def test_lexicon_finds_what_the_full_pattern_finds():
    patterns = ["(显著|明显)(提升|提高)了?$", "取得了?[^，。；]{0,6}?成效", "(位居|居)[^，。；]{0,6}前列"]
    lexicon = prose.Lexicon(patterns)
    line = "执法水平显著提升，取得了明显成效，居全市前列"
    assert lexicon.search(line, 0, 8).group() == "显著提升"
    assert [lexicon.search(line, s, e).group() for s, e in ((9, 16), (17, 22))] == ["取得了明显成效", "居全市前列"]
    assert lexicon.search("显著提升了水平") is None  # $ is the end of the clause searched


def test_lexicon_refuses_a_pattern_without_a_leading_word():
    with pytest.raises(ValueError, match="must begin with a word"):
        prose.Lexicon(["成效", "[^，]{2}提升"])


def test_prose_text_is_cached_per_document():
    doc = linter().document(__import__("fzlint.model", fromlist=["Source"]).Source("d", "一、主要举措\n开展培训4期。", "utf-8"))
    assert prose.of_body(doc, FINDER) is prose.of_body(doc, FINDER)
    pt, spans = prose.spans_of(doc, ["measures"], FINDER)
    assert [pt.text[s:e] for s, e in spans] == ["开展培训4期。"]


@pytest.mark.parametrize("pattern", [
    r"(?<!增长)(?<![利汇税])率|满意度|知晓度",
    r"(?:[0-9]{1,2}月(底|末)?(前|内))|(?:年底前|[0-9]+个?(月|工作日)内)|(?:由[^，。；]{1,12}负责)",
    r"\b(?:ab|c)+d?",
    r"(a)?b", r"a{0,2}(?:c|d)", r"(?:办结|审结)*率",  # an optional part: its first characters and the next part's
])
def test_searcher_finds_what_the_pattern_finds(pattern):
    fast = prose.searcher(pattern)
    assert isinstance(fast, prose.Searcher)
    full = __import__("re").compile(pattern)
    line = "办结率100%，增长率12%，满意度达98%，6月底前完成，由区司法局负责；3个工作日内 ab abcd c cd xab"
    for pos, endpos in ((0, len(line)), (3, 20), (13, 14), (20, len(line) - 2)):
        assert [m.span() for m in fast.finditer(line, pos, endpos)] == [m.span() for m in full.finditer(line, pos, endpos)]
        found, expected = fast.search(line, pos, endpos), full.search(line, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in fast.finditer(line)] == [m.span() for m in full.finditer(line)]


@pytest.mark.parametrize("pattern", ["同比|环比", "(a)?", "[^a]b", "(?:x|)y", "(?i)ab", "a{0,2}", r"a?\db", "(a?)b"])
def test_searcher_leaves_alone_what_the_engine_skips_through_or_what_may_match_empty(pattern):
    assert isinstance(prose.searcher(pattern), __import__("re").Pattern)


def test_trie_matches_the_longest_word_with_leaves_as_a_class():
    words = ["个", "个月", "个工作日", "人", "人次", "米", "a-b", "-", "^", "c]", "c\\"]
    line = "个月人次a-b-^c]c\\x人个工作米"
    assert prose.literal_pattern(words).findall(line) == ["个月", "人次", "a-b", "-", "^", "c]", "c\\", "人", "个", "米"]
    embedded = __import__("re").compile(f"(?:{prose._trie(words, embedded=True)})")
    assert embedded.findall(line) == prose.literal_pattern(words).findall(line)


# -- runs of numerals and of unclosed marks take time linear in their length -------------

def _random_texts(alphabet, count=3000, longest=14, seed=12):
    import random

    rng = random.Random(seed)
    return [''.join(rng.choice(alphabet) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def test_figures_from_run_starts_are_the_patterns_own_matches():
    # Tried only at each run's first numeral (and, for the date forms, its last
    # four digits), the patterns find what finditer finds at every numeral.
    alphabet = list("0123456789一二十百千万") + ["年", "月", "日", "件", "人", "%", ".", "余", "个", "份", "第", "，", "元"]
    texts = _random_texts(alphabet) + ["12023年1月5日", "123月4日", "99月1日", "1.5万元12件", "20231月份"]
    anything = re.compile("")  # as if every text had a long run, so that the runs are read one by one
    for pattern, run, tail in ((FINDER.arabic, prose._ARABIC_RUN, 4), (FINDER.chinese, prose._CN_RUN, 0)):
        for t in texts:
            assert [m.span() for m in FINDER._runs(pattern, run, anything, t, tail)] == [m.span() for m in pattern.finditer(t)], t


def test_sentences_and_clauses_are_those_of_the_text_with_its_marks():
    # paired_only makes the marks left open inert; the spans are the same
    alphabet = list("“”《》（）()[]【】甲乙，。；\n ")
    for t in _random_texts(alphabet, longest=18):
        assert [m.span() for m in prose._SENTENCE.finditer(prose.paired_only(t))] == [m.span() for m in prose._SENTENCE.finditer(t)], t
        assert [m.span() for m in prose._CLAUSE.finditer(prose.paired_only(t))] == [m.span() for m in prose._CLAUSE.finditer(t)], t


@pytest.mark.parametrize("line", [
    "1" * 20000,  # 30 s
    "办结" + "9" * 20000 + "件",  # 3.6 s
    "万" * 44840,  # 24 s
    ("1" * 63 + "，") * 15000,  # many runs, none long: 4 s
    "落实" + "《" * 20000 + "法。",  # 1.9 s
    "落实" + "“" * 40000 + "（" * 40000 + "法，完成。",
])
def test_runs_of_numerals_or_unclosed_marks_take_linear_time(line):
    import time

    start = time.process_time()
    pt = text("开展培训4期，覆盖312人。", line)
    for sentence in pt.sentences:
        pt.clauses(*sentence)
    found = figures(pt)
    assert time.process_time() - start < 1
    assert found[:2] == [("4期", "count", 4.0, ""), ("312人", "count", 312.0, "")]
    assert len(found) == 2 + line.startswith("办结")


@pytest.mark.parametrize("pattern,needed", [
    (r"^(\S.{0,40}\s)?\d{1,4}\s*(秒|分钟|小时|天)前$", {"前"}),  # the fewest a match must hold
    (r"(https?://|www\.)[!-~]+", {"h", "w"}),
    (r"[>＞»]\s*\S+|首页>", {">", "＞", "»", "首"}),  # one of each branch's
    (r"a?b(?:c|d)+", {"b"}),
    (r"(?i:ab)c", {"c"}),
])
def test_required_chars_are_characters_every_match_holds_one_of(pattern, needed):
    import re
    from re import _parser

    assert prose.required_chars(_parser.parse(pattern)) == needed
    for line in ("3天前", "www.x.cn", "http://a", "首页>政务", "> 首页 >", "bd", "ABc", "前天", "abc"):
        if re.search(pattern, line):
            assert set(line) & needed


@pytest.mark.parametrize("pattern", [r"a?", r"\d+", r"[^a]\d", r".x?", r"(?i:ab)", r"[a-z]", r"a|\d"])
def test_required_chars_are_none_where_no_character_is_plainly_required(pattern):
    from re import _parser

    assert prose.required_chars(_parser.parse(pattern)) is None
