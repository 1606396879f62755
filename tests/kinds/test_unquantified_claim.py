import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def test_000_praise_after_activity_counts():
    findings = [f for f in lint(seed_text(0), select=["FZ401"]) if f.line == 7]
    assert [(f.line, seed_text(0).split("\n")[6][f.column - 1:f.end_column - 1]) for f in findings] == [
        (7, "获得居民群众广泛好评")]


def test_000_aims_after_measures_are_not_claims():
    # lines 9, 11 and 13 end their measures with 不断提升……/有效提升……水平: the aim
    assert [f.line for f in lint(seed_text(0), select=["FZ401"])] == [7]


def codes_lines(text):
    return [(f.code, f.line) for f in lint(text, select=["FZ401"])]


@pytest.mark.parametrize("text", [
    "组织专题学法12次，切实提高党员干部的法治意识。",
    "开展执法人员培训4期，不断提升执法人员业务能力。",
    "修订内控制度26项，进一步规范行政决策程序。",
    "建立镇村联动机制，有效提升基层治理水平。",  # the measure need not carry a figure
    "开展普法宣传15场，着力增强群众法治观念。",
    "严格落实审核制度，多措并举切实提升审查质量。",
])
def test_an_aim_after_the_measure_is_not_a_claim(text):
    assert codes_lines(M + text) == []


@pytest.mark.parametrize("text", [
    "组织专题学法12次，党员干部法治意识明显增强。",  # subject first: an outcome
    "开展宣传20场，全镇普法知晓率大幅提高。",
    "开展培训4期，干部依法行政意识不断增强。",
    "组织培训3期，有效提升了执法人员办案能力。",  # 了: accomplished
    "切实提高了党员干部的法治意识。",
    "开展专题学法12次，取得显著成效。",
])
def test_an_outcome_after_the_measure_is_a_claim(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


def test_an_aim_verb_opening_its_sentence_is_still_read_as_a_claim():
    # no measure before it in the sentence: read as a statement of result
    assert codes_lines(M + "开展专题学法12次。有效提升基层治理水平。") == [("FZ401", 2)]


@pytest.mark.parametrize("text", [
    "开展宣传15次，取得明显成效。", "法治意识全面加强。", "群众满意度显著提升。", "各项数据位居全市前列。",
    "有效遏制了违法建设。", "圆满完成年度目标任务。",
])
def test_claims_without_support(text):
    assert [f.code for f in lint(M + text, select=["FZ401"])] == ["FZ401"]


@pytest.mark.parametrize("text", [
    "违法建设有效遏制，违建发生率同比下降11.3%。",  # a figure measuring the effect
    "群众满意率达90.31%，取得明显成效。",
    "实现行政诉讼案件“零新增”，矛盾纠纷化解成效明显。",
    "群众满意度提升至96.5%。",  # the figure is in the claim's own clause
    "开展执法人员培训4期。",  # a measure, not a claim
    "全面加强规范性文件合法性审查。",  # an action with its object
    "对成效明显的单位予以表扬。",  # an attribute
    "为全面完成年度任务提供保障。",  # a purpose
])
def test_not_unsupported_claims(text):
    assert lint(M + text, select=["FZ401"]) == []


def test_only_measures_and_duties_parts():
    assert lint("一、下一年度主要安排\n确保执法水平显著提升。", select=["FZ401"]) == []
