import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def spans(text):
    """(line, column, end_column, fix) of each FZ503 finding on text."""
    return [(f.line, f.column, f.end_column, f.fix.replacement) for f in lint(text, select=["FZ503"])]


def test_002_line_12_one_finding_per_name():
    findings = lint(seed_text(2), select=["FZ503"])
    line = seed_text(2).split("\n")[11]
    assert [(f.line, line[f.column - 1:f.end_column - 1]) for f in findings] == [
        (12, "宪法"), (12, "民法典"), (12, "禁毒法")]
    assert [f.fix.replacement for f in findings] == ["《宪法》", "《民法典》", "《禁毒法》"]


def test_seeds_without_unmarked_citations():
    # 000, 003 and 004 mark every law they cite; 003's “宪法宣传月” is an event in quotes.
    for number in (0, 3, 4):
        assert lint(seed_text(number), select=["FZ503"]) == [], number


def test_001_line_16():
    # 突出宪法、民法典等重点内容普法: the laws as the content of legal education.
    assert [(f.line, f.column) for f in lint(seed_text(1), select=["FZ503"])] == [(16, 16), (16, 19)]


def fixes(text):
    """(column, end_column, replacement) of each FZ503 fix on text."""
    return [(f.fix.column, f.fix.end_column, f.fix.replacement) for f in lint(text, select=["FZ503"])]


def test_names_in_a_paragraph():
    assert spans(M + "向村民宣传宪法、民法典、禁毒法等法律法规。") == [
        (2, 6, 8, "《宪法》"), (2, 9, 12, "《民法典》"), (2, 13, 16, "《禁毒法》")]


def test_the_fix_drops_the_enumeration_comma_between_titles():
    # 《宪法》《民法典》《禁毒法》: no 顿号 between titles in 《》.
    assert fixes(M + "宣传宪法、民法典、禁毒法等法律法规。") == [
        (3, 6, "《宪法》"), (6, 10, "《民法典》"), (10, 13, "《禁毒法》")]
    assert fixes(M + "宣传宪法、《民法典》。") == [(3, 6, "《宪法》")]
    # ... but not before a word that is not a title.
    assert fixes(M + "宣传宪法、开展民法典宣传月。") == [(3, 5, "《宪法》")]


def test_the_prefix_goes_inside_the_marks():
    assert spans(M + "学习中华人民共和国行政处罚法。") == [(2, 3, 15, "《中华人民共和国行政处罚法》")]


@pytest.mark.parametrize("years", ["（2021—2025年）", "(2021-2025年)"])
def test_the_year_range_goes_inside_the_marks(years):
    name = "法治政府建设实施纲要" + years
    assert spans(M + f"贯彻落实{name}。") == [(2, 5, 5 + len(name), f"《{name}》")]


def test_a_law_followed_by_its_provisions_is_cited():
    assert spans(M + "依照行政处罚法规定从轻处罚。") == [(2, 3, 8, "《行政处罚法》")]


def test_the_longest_listed_name_is_taken():
    assert spans(M + "学习行政复议法实施条例。") == [(2, 3, 12, "《行政复议法实施条例》")]


def test_heading_phrase_and_run_in_body():
    text = "一、深入贯彻实施民法典\n（一）加强普法。宣传宪法。"
    assert spans(text) == [(1, 9, 12, "《民法典》"), (2, 11, 13, "《宪法》")]


@pytest.mark.parametrize("text", [
    "学习《宪法》《民法典》。",
    "学习《中华人民共和国宪法》。",
    "学习《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》。",
    "贯彻《法治政府建设实施纲要(2021-2025年)》。",
    "利用“宪法宣传月”等节点开展普法。",
    "开展宪法宣传周活动。",
    "组织民法典宣传月活动，开展民法典进万家活动。",
    "在12月4日宪法日举办讲座。",
    "弘扬宪法精神，增强宪法意识，维护宪法权威。",
    "在宪法和法律范围内活动。",
    "建成宪法主题公园1个。",
    "落实安全生产责任制。",  # 安全生产 is no law's name
    "宣传安全生产法律法规和禁毒法规。",  # the name's 法 begins 法律, 法规
    "开展禁毒法治教育，坚持行政处罚法定原则。",
    "今年是我国现行宪法公布施行四十周年。",
    "让师生感受宪法的魅力，开展宪法“七进”活动，推动民法典走进千家万户。",
    # the oath, and 宪法/民法典 as the subject of study or of a campaign
    "新任职干部宣誓忠于宪法、遵守宪法、维护宪法。",
    "组织宪法宣誓3次，开展宪法宣传周活动。",
    "组织干部学习宪法、学习民法典。",
    "开展宪法及民法典宣传12场，举办民法典宣传活动。",
    "组织宪法、民法典宣传月活动，开展民法典进万家活动。",
])
def test_not_found(text):
    assert spans(M + text) == []


def test_title_back_matter_and_residue_are_not_read():
    text = ("某某区司法局关于民法典实施情况的报告\n您当前的位置：首页 > 民法典专栏\n"
            "一、主要举措和成效\n开展普法活动。\n某某区司法局\n2023年1月30日")
    assert spans(text) == []


def test_the_fix_marks_the_name_once():
    text = M + "宣传宪法。"
    [f] = lint(text, select=["FZ503"])
    line = text.split("\n")[1]
    fixed = line[:f.fix.column - 1] + f.fix.replacement + line[f.fix.end_column - 1:]
    assert fixed == "宣传《宪法》。" and spans(M + fixed) == []


@pytest.mark.parametrize(("text", "names"), [
    ("依据行政处罚法第三十二条从轻处罚。", ["行政处罚法"]),
    ("根据行政复议法规定受理申请。", ["行政复议法"]),
    ("贯彻实施行政许可法。", ["行政许可法"]),
    # only 宪法 and 民法典 are subjects after 学习; other laws are cited
    ("组织学习行政处罚法。", ["行政处罚法"]),
    # a list closed by 等法律法规 cites the laws, even after 宣传
    ("宣传宪法、民法典等法律法规。", ["宪法", "民法典"]),
    # coordination with a citation is no campaign: 宪法 is cited here
    ("学习贯彻宪法和行政处罚法第三十二条。", ["宪法", "行政处罚法"]),
])
def test_citations_beside_subjects_are_found(text, names):
    line = (M + text).split("\n")[1]
    assert [line[c - 1:e - 1] for _, c, e, _ in spans(M + text)] == names


@pytest.mark.parametrize("body,names", [
    # 宪法 and 民法典 as items of study beside a body of thought: no citation.
    ("将习近平法治思想、宪法、民法典纳入党委理论学习中心组学习重点。", []),
    ("把习近平法治思想、宪法作为学习重点。", []),
    # A list that begins with a law, or a law after the thought, cites.
    ("宣传宪法、民法典、禁毒法等法律法规。", ["宪法", "民法典", "禁毒法"]),
    ("学习习近平法治思想、行政处罚法。", ["行政处罚法"]),
    ("贯彻实施行政处罚法、宪法。", ["行政处罚法", "宪法"]),
])
def test_subjects_listed_as_items_of_study_are_not_cited(body, names):
    found = lint("一、主要举措和成效\n" + body, select=["FZ503"])
    assert [f.message.split("”")[0].lstrip("“") for f in found] == names


@pytest.mark.parametrize("body,names", [
    # Issue 13: 宪法 listed or ranged with other levels of legal norms names a kind of law.
    ("组织法治培训，从宪法到行政法规，从理论解读到案例剖析，提升干部法治素养。", []),
    ("向群众宣传宪法、法律、行政法规和规章。", []),
    ("向群众宣传宪法、法律法规，开展法治讲座3场。", []),
    ("向群众宣传法律、行政法规和宪法。", []),
    ("梳理从宪法至党内法规的各类规范，汇编成册。", []),
    # A level must be the whole word: 法律援助法 is a law, 行政法规制定程序条例 no level.
    ("向群众宣传宪法、法律援助法。", ["宪法", "法律援助法"]),
    ("向群众宣传宪法、行政法规制定程序条例。", ["宪法"]),
    # Citations stay citations: of an article, or beside another law.
    ("依据宪法第三十三条开展工作。", ["宪法"]),
    ("从宪法到民法典，开展普法宣传。", ["宪法", "民法典"]),
    ("宣传宪法和行政处罚法第三十二条。", ["宪法", "行政处罚法"]),
])
def test_constitution_beside_levels_of_legal_norms_is_a_kind_of_law(body, names):
    found = lint("一、主要举措和成效\n" + body, select=["FZ503"])
    assert [(f.line, f.message.split("”")[0].lstrip("“")) for f in found] == [(2, n) for n in names]


@pytest.mark.parametrize("body,names", [
    # Issue 13: 宪法 (or 民法典) framed by 以……为 names the law as such, not its text.
    ("以全民普法为主线，深入开展以宪法为核心的法治宣传教育，举办讲座6场。", []),
    ("坚持以宪法为根本遵循，依法履行政府职能。", []),
    ("以宪法、民法典为重点开展“法律进社区”活动12场。", []),
    ("以民法典为重点开展普法。", []),
    # Citations stay citations: an article framed by 以……为, a law that is no subject,
    # 宪法 without the frame, and 宪法 beside a law inside the frame.
    ("以宪法第三十三条为依据开展工作。", ["宪法"]),
    ("以行政处罚法为重点开展执法培训。", ["行政处罚法"]),
    ("深入开展宪法为核心的法治宣传。", ["宪法"]),
    ("以宪法、行政处罚法为重点开展学习。", ["宪法", "行政处罚法"]),
    ("以法治讲座为载体宣传宪法。", ["宪法"]),
])
def test_constitution_framed_as_the_centre_is_the_law_as_such(body, names):
    found = lint(M + body, select=["FZ503"])
    assert [(f.line, f.message.split("”")[0].lstrip("“")) for f in found] == [(2, n) for n in names]


# Issue 13: a name's match never starts inside a longer name. A law whose name
# ends in a listed name is taken whole (海洋环境保护法, not 海洋《环境保护法》);
# after a place (省, 市, 县 …) the name is the tail of a local regulation, whose
# start cannot be told, and is left alone. A name after a verb is still cited.
@pytest.mark.parametrize("body,expected", [
    ("配合完成海洋环境保护法、某高原生态保护法制修订。", [(2, 5, 12, "《海洋环境保护法》")]),
    ("严格执行环境保护法，查处违法案件12件。", [(2, 5, 10, "《环境保护法》")]),
    ("宣传中华人民共和国海洋环境保护法。", [(2, 3, 17, "《中华人民共和国海洋环境保护法》")]),
    ("严格执行某省信访条例，及时受理信访事项。", []),
    ("认真贯彻甲市优化营商环境条例，优化审批流程。", []),
    ("认真贯彻乙自治区政府信息公开条例。", []),
    ("认真贯彻优化营商环境条例，优化审批流程。", [(2, 5, 13, "《优化营商环境条例》")]),
])
def test_a_name_never_starts_inside_a_longer_name(body, expected):
    assert spans(M + body) == expected


# Issue 13: laws a ministry reports on in its own field, written without 书名号;
# a draft's note in brackets goes inside the marks with the name.
@pytest.mark.parametrize("body,expected", [
    ("配合完成社会救助法（草案）审核工作。", [(2, 5, 14, "《社会救助法（草案）》")]),
    ("配合完成社会救助法(修订草案)审核工作。", [(2, 5, 16, "《社会救助法(修订草案)》")]),
    ("协调加快审核城市居民委员会组织法。", [(2, 7, 17, "《城市居民委员会组织法》")]),
    ("推动修改完善村民委员会组织法。", [(2, 7, 15, "《村民委员会组织法》")]),
    ("配合做好慈善法修订草案相关工作。", [(2, 5, 8, "《慈善法》")]),
    ("开展慈善法宣传周活动。", []),
    ("学习《慈善法》《村民委员会组织法》。", []),
])
def test_a_ministrys_own_laws_and_drafts(body, expected):
    assert spans(M + body) == expected
