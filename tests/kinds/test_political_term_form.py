import pytest

from conftest import assert_load_fails, document, lint, linter, seed_text
from fzlint import ruleset
from fzlint.kinds import political_term_form
from fzlint.model import Fix, Source

TITLE = "某某区关于2023年度法治政府建设情况的报告"


def fz603(body):
    text = f"{TITLE}\n一、主要举措和成效\n{body}"
    return [(f.line, f.column, f.end_column, f.message) for f in lint(text, select=["FZ603"])]


# -- the seeds ------------------------------------------------------------------

@pytest.mark.parametrize("number", [0, 1, 2, 3, 4])
def test_no_seed_misspells_a_formulation(number):
    # They write 习近平法治思想, 两个确立, 四个意识, 全面依法治国 … right, and 全面依法治市,
    # 全面依法治区 are ordinary phrases.
    assert lint(seed_text(number), select=["FZ603"]) == []


# -- what is found ----------------------------------------------------------------

@pytest.mark.parametrize("body,found,term,how", [
    ("深入学习贯彻习近平法制思想。", "习近平法制思想", "习近平法治思想", "“制”应为“治”"),
    ("深入学习习进平法治思想。", "习进平法治思想", "习近平法治思想", "“进”应为“近”"),
    ("深入学习习近平治法思想。", "习近平治法思想", "习近平法治思想", "“治法”前后颠倒"),
    ("深入学习习近平法思想。", "习近平法思想", "习近平法治思想", "漏了“治”"),
    ("坚持以习近平新时期中国特色社会主义思想为指导。", "习近平新时期中国特色社会主义思想",
     "习近平新时代中国特色社会主义思想", "“期”应为“代”"),
    ("坚持以习近平新时代中国特色社会主思想为指导。", "习近平新时代中国特色社会主思想",
     "习近平新时代中国特色社会主义思想", "漏了“义”"),
    ("建设中国特色社会主义法制体系。", "中国特色社会主义法制体系", "中国特色社会主义法治体系", "“制”应为“治”"),
    ("坚决做到“二个维护”。", "二个维护", "两个维护", "“二”应为“两”"),
    ("深刻领悟二个确立。", "二个确立", "两个确立", "“二”应为“两”"),
    ("推进全面依法制国。", "全面依法制国", "全面依法治国", "“制”应为“治”"),
    ("坚持严格规范公平文明执法。", "严格规范公平文明执法", "严格规范公正文明执法", "“平”应为“正”"),
    ("落实法治政府建设与责任落实督查工作规定。", "法治政府建设与责任落实督查工作规定",
     "法治政府建设与责任落实督察工作规定", "“查”应为“察”"),
    ("坚持科学立法、严格执法、公正司法、全民普法。", "科学立法、严格执法、公正司法、全民普法",
     "科学立法、严格执法、公正司法、全民守法", "“普”应为“守”"),
    ("坚持依法治国、依法执政、依法行政共同推进。", None, None, None),
])
def test_misspelt_formulations(body, found, term, how):
    findings = fz603(body)
    if found is None:
        assert findings == []
        return
    [(line, column, end_column, message)] = findings
    start = f"{TITLE}\n一、主要举措和成效\n{body}".split("\n")[2].index(found) + 1
    assert (line, column, end_column) == (3, start, start + len(found))
    assert message == f"固定提法写错了：“{found}”应为“{term}”（{how}）。请按规范提法改正。"


def test_exact_span_and_several_on_a_line():
    assert [(c, e) for _, c, e, _ in fz603("学习习近平法制思想，做到二个维护，增强四个意识。")] == [(3, 10), (13, 17)]


def test_a_misspelt_regulation_name_as_a_title_in_its_marks_is_left_to_fz604():
    # FZ604 (document-title) reads the titles in 《》 and reports it, once.
    body = "贯彻《党政主要负责人履行推行法治建设第一责任人职责规定》。"
    assert fz603(body) == []
    text = f"{TITLE}\n一、主要举措和成效\n{body}"
    assert [(f.code, f.column, f.end_column) for f in lint(text, select=["FZ6"])] == [("FZ604", 3, 29)]
    # inside a longer title, which FZ604 does not know, it stays FZ603's
    [(_, column, end_column, message)] = fz603("贯彻《关于落实党政主要负责人履行推行法治建设第一责任人职责规定的意见》。")
    assert (column, end_column) == (8, 32)
    assert "（“行”应为“进”）" in message


# -- what is not found ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # the terms themselves
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
    "深刻领悟“两个确立”，坚决做到“两个维护”，增强“四个意识”、坚定“四个自信”。",
    "推进全面依法治国，建设中国特色社会主义法治体系，坚定不移走中国特色社会主义法治道路。",
    "坚持法治国家、法治政府、法治社会一体建设。",
    # short terms: ordinary phrases one character away
    "推进全面依法治理，落实全面依法治市、全面依法治区工作要求。",
    "提出四个意见，解决四个问题，开展四个自查。",
    "第二个维护是坚决维护党中央权威。",
    # legitimate phrases one character away from a long term
    "形成中国特色社会主义法律体系，发展中国特色社会主义法学体系。",
    "走中国特色社会主义法治之路。",
    "坚持严格规范公正文明司法。",
    "学习习近平文化思想、习近平经济思想、习近平强军思想、习近平外交思想、习近平生态文明思想。",
    # punctuation is not a misspelling; paraphrases further away are not near misses
    "坚持法治国家法治政府、法治社会一体建设。",
    "坚持法治国家、法治政府、法治社会一体化建设。",
    "坚持法治国家，法治政府，法治社会一体建设。",
    "学习习近平总书记关于法治建设的重要论述。",
])
def test_legitimate_phrases_are_left_alone(body):
    assert fz603(body) == []


def test_a_slip_fz601_explains_is_left_to_fz601():
    text = f"{TITLE}\n一、主要举措和成效\n坚持法治国家、法制政府、法治社会一体建设。"
    assert [(f.code, f.column, f.end_column) for f in lint(text, select=["FZ6"])] == [("FZ601", 8, 12)]


def test_web_residue_is_not_read():
    text = f"首页 > 习近平法制思想专栏\n{TITLE}\n一、主要举措和成效\n开展普法活动32场。"
    assert document(text).lines[0].kind.value == "residue"
    assert lint(text, select=["FZ603"]) == []


def test_the_kind_offers_the_term_as_an_unsafe_fix():
    rule = ruleset.default().by_code()["FZ603"]
    lint_ = linter(select=["FZ603"])
    doc = lint_.document(Source("d.txt", f"{TITLE}\n一、主要举措和成效\n学习习近平法制思想。", "utf-8"))
    [hit] = political_term_form.check(doc, rule.params, lint_.context)
    assert hit.fix == Fix(3, 3, 10, "习近平法治思想", safe=False)
    assert not rule.fixable  # so the finding itself carries no fix


# -- near_miss ----------------------------------------------------------------------

@pytest.mark.parametrize("found,expected", [
    ("习近平法制思想", "“制”应为“治”"),
    ("习近平治法思想", "“治法”前后颠倒"),
    ("习近法治思想", "漏了“平”"),
    ("习近平法治思想", None),  # the term itself
    ("学近平法治思想", None),  # the first character is the term's own
    ("习近平法治思路", None),  # and so is the last
    ("习近平法a思想", None),  # only Chinese characters
    ("习近平经济思想", None),  # two characters off
    ("近习平法治思想", None),  # a swap that moves the first character
])
def test_near_miss(found, expected):
    how = political_term_form.near_miss("习近平法治思想", found)
    assert (how.zh if how else None) == expected


def test_near_miss_ignores_punctuation_and_finds_a_doubled_character():
    term = "法治国家、法治政府、法治社会一体建设"
    assert political_term_form.near_miss(term, term.replace("、", "", 1)) is None
    assert political_term_form.near_miss(term, term.replace("、", "，", 1)) is None
    assert political_term_form.near_miss("中国特色社会主义思想", "中国特色社会主思想").zh == "漏了“义”"


# -- parameters naming the rule and key ---------------------------------------------

@pytest.mark.parametrize("old,new,expected", [
    ("        二个维护: 两个维护", "        二个维护: 三个维护", r"FZ603\.params: variants\.二个维护: '三个维护' is not one of terms"),
    ("        二个维护: 两个维护", "        两个确立: 两个维护", r"FZ603\.params: variants\.两个确立: a variant cannot be a term"),
    ("      min_length: 7", "      min_length: 3", r"FZ603\.params: min_length: expected 5 or more"),
    ("        - 第二个维护", "        - 两个维护", r"FZ603\.params: exceptions\[5\]"),
    ("        - 四个自信\n", "        - 四个意识\n", r"FZ603\.params: terms: a formulation is listed twice"),
])
def test_bad_parameters_name_the_rule_and_key(rules_copy, old, new, expected):
    assert_load_fails(rules_copy, "terminology.yaml", old, new, expected)


def test_span_overlap_search_agrees_with_a_scan():
    import random

    from fzlint.kinds.political_term_form import _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(1, 12)) for s in (rng.randint(0, 80) for _ in range(rng.randint(0, 8)))]
        overlaps = _Spans(spans)
        for start in range(0, 90, 3):
            end = start + rng.randint(1, 10)
            assert overlaps(start, end) == any(s < end and start < e for s, e in spans)


@pytest.mark.parametrize("tail,found", [
    ("习近平法冶思想", ["习近平法冶思想"]),
    ("习近平法思想", ["习近平法思想"]),
    ("习近平法治思", []),
    ("习近平", []),
    ("学习习近", []),
    ("冶思想", []),
])
def test_an_anchor_at_the_end_of_the_text(tail, found):
    # The windows after a prefix anchor run past the end of the text.
    assert [m.split("“")[1].split("”")[0] for *_, m in fz603("深入学习" + tail)] == found


@pytest.mark.parametrize("body,found", [
    # A term made local by the level that writes it: 国 replaced by 省, 县, 镇 …
    ("坚持依法治镇、依法执政、依法行政共同推进。", []),
    ("坚持依法治省、依法执政、依法行政共同推进。", []),
    ("坚持依法治县、依法执政、依法行政共同推进。", []),
    ("坚持依法治疆、依法执政、依法行政共同推进。", []),  # a province's short name
    # Any other character in its place, or a second slip, is still a misspelling.
    ("坚持依法治园、依法执政、依法行政共同推进。", ["依法治园、依法执政、依法行政共同推进"]),
    ("坚持依法治国、依法执证、依法行政共同推进。", ["依法治国、依法执证、依法行政共同推进"]),
])
def test_a_term_made_local_is_no_misspelling(body, found):
    assert [m.split("“")[1].split("”")[0] for *_, m in fz603(body)] == found
