import pytest

from conftest import codes, lint, seed_text

M = "一、主要举措和成效\n"


def test_002_vague_amounts():
    findings = [f for f in lint(seed_text(2), select=["FZ402"])]
    lines = seed_text(2).split("\n")
    assert [(f.line, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in findings] == [
        (8, "数万"), (10, "一大批"), (12, "一大批")]


@pytest.mark.parametrize("text", ["做了大量工作。", "开展一系列专项行动。", "多次召开专题会议。", "培育了若干示范点。"])
def test_found(text):
    assert [c for c, _ in codes(M + text, select=["FZ402"])] == ["FZ402"]


@pytest.mark.parametrize("text", [
    "多次召开专题会议12次。",  # a figure in the same clause gives the amount
    "多次召开专题会议，共12次。",  # the next clause gives the total
    "开展“大量普法”行动。",  # inside quotes
])
def test_not_found(text):
    assert codes(M + text, select=["FZ402"]) == []


def test_not_in_the_plan():
    assert codes("一、下一年度主要安排\n开展一系列专项行动。", select=["FZ402"]) == []


@pytest.mark.parametrize("text,found", [
    ("研究制定进一步加强法治服务保障的若干举措。", []),  # a document's name, written without 书名号
    ("出台关于优化法治化营商环境的若干措施，推动政策落地。", []),
    ("制定了若干措施，推动政策落地。", ["FZ402"]),  # no name: an amount
    ("化解了群众反映的若干问题。", ["FZ402"]),  # 问题 is no kind of document
])
def test_a_document_name_holding_若干_is_no_amount(text, found):
    assert [c for c, _ in codes(M + text, select=["FZ402"])] == found


P = "一、主要举措和成效\n（一）深入开展普法宣传\n"


@pytest.mark.parametrize("body,found", [
    # Issue 13: the amount counted right after the word, by a list of counted items
    # in the next sentence of the paragraph or later in the same sentence ...
    ("甲镇围绕禁毒、反诈等主题开展一系列的法治宣传活动。通过举办法治讲座4次、悬挂横幅12条、发放资料2000余册，扩大宣传影响。", []),
    ("开展大量普法工作；全年举办讲座6场、送法下乡9次。", []),
    ("开展一系列宣传活动，举办讲座4次、发放资料800份。", []),
    ("多项制度相继出台，累计8项。", []),
    # ... but not by figures that are no list (they count something else), nor by a
    # list in the next paragraph, nor by a list two sentences on.
    ("涌现出一大批群众认可的调解品牌。今年以来，全镇共调解纠纷331件，成功321件。", [(3, "一大批")]),
    ("开展一系列的法治宣传活动。\n举办法治讲座4次、悬挂横幅12条。", [(3, "一系列")]),
    ("开展一系列的法治宣传活动。扩大了宣传影响。举办法治讲座4次、悬挂横幅12条。", [(3, "一系列")]),
    ("开展一系列的法治宣传活动。举办法治讲座4次，悬挂横幅12条。", [(3, "一系列")]),
    ("多次召开专题会议，其中第3次会议研究了执法工作。", [(3, "多次")]),
    ("开展一系列的法治宣传活动。1月、3月分别召开推进会。", [(3, "一系列")]),  # dates count nothing
])
def test_an_amount_counted_right_after_is_supported(body, found):
    assert [(f.line, f.message.split("”")[0].lstrip("“")) for f in lint(P + body, select=["FZ402"])] == found


@pytest.mark.parametrize("body,found", [
    # Issue 13: another body's directives are received, not the unit's work to count.
    ("按照上级关于法治乡镇的一系列工作部署，结合本乡实际明确工作目标。", []),
    ("认真贯彻党中央、国务院关于法治政府建设的一系列决策部署。", []),
    ("深入学习习近平总书记关于全面依法治国的一系列重要讲话精神。", []),
    ("落实省委一系列要求，推进依法行政。", []),
    # The unit's own work stays reported: no other body, no 的, or no directive after it.
    ("甲镇作出一系列工作部署，推进法治乡镇建设。", [(3, "一系列")]),
    ("按照上级要求，出台一系列制度。", [(3, "一系列")]),
    ("按照市委部署，开展一系列专项整治。", [(3, "一系列")]),
    ("结合市委要求开展了大量工作部署。", [(3, "大量")]),
])
def test_another_bodys_directives_are_no_amount(body, found):
    assert [(f.line, f.message.split("”")[0].lstrip("“")) for f in lint(P + body, select=["FZ402"])] == found


def test_the_next_sentence_after_a_space_is_read():
    assert lint(P + "开展一系列的法治宣传活动。 举办法治讲座4次、悬挂横幅12条。", select=["FZ402"]) == []


@pytest.mark.parametrize("body", ["一系列", "的一系列部署", "上级的一系列", "开展一系列活动。\n", "一系列。举办讲座4次、"])
def test_odd_text_does_not_crash(body):
    lint(P + body, select=["FZ402"])
