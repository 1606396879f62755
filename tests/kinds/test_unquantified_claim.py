import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def test_000_praise_after_activity_counts():
    findings = [f for f in lint(seed_text(0), select=["FZ401"]) if f.line == 7]
    assert [(f.line, seed_text(0).split("\n")[6][f.column - 1:f.end_column - 1]) for f in findings] == [
        (7, "获得居民群众广泛好评")]


def test_000_clauses_with_figures_are_not_claims():
    assert [f.line for f in lint(seed_text(0), select=["FZ401"]) if f.line == 11] == [11]  # only 有效提升……水平
    [f] = [f for f in lint(seed_text(0), select=["FZ401"]) if f.line == 11]
    assert "有效提升依法行政公正执法水平" in f.message


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
