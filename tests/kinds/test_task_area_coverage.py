import json

import pytest
import yaml
from click.testing import CliRunner

from conftest import codes, document, lint, linter, seed
from fzlint import ruleset
from fzlint.cli import main
from fzlint.kinds import task_area_coverage
from fzlint.model import Source

# One statement on each of the nine task areas, each in the wording of a different report.
AREAS = {
    "leadership": "区政府常务会议专题学习习近平法治思想4次。",
    "functions": "深化“放管服”改革，公布权责清单事项320项。",
    "institutions": "审核行政规范性文件23件。",
    "decisions": "对12项重大行政决策开展合法性审查。",
    "enforcement": "评查行政执法案卷120卷。",
    "emergencies": "修订应急预案12件，开展演练30次。",
    "disputes": "办理行政复议案件45件。",
    "oversight": "办理人大代表建议和政协委员提案86件。",
    "technology": "建成“互联网+监管”系统，接入数据12万条。",
}
NAMES = {a.key: a.name.zh for a in ruleset.default().vocabulary.areas.areas}


# A paragraph on none of the areas: a report's account runs to thousands of characters,
# and one under min_chars (300) is too short to be judged area by area.
FILLER = ("全年累计投入专项经费860万元，比上年增长12%。新建基层工作站点24个，覆盖全区14个街道和126个社区。"
          "组织开展各类专题活动120场，参与群众3.2万人次，群众满意度达到96.5%。") * 4


def report(*keys, year=2023, plan=""):
    body = FILLER + "".join(AREAS[k] for k in keys)
    return (f"某区{year}年度法治政府建设情况的报告\n一、{year}年度推进法治政府建设的主要举措和成效\n{body}\n"
            f"二、{year}年度推进法治政府建设存在的不足和原因\n执法人员不足，原因是编制有限。\n"
            f"三、{year + 1}年度推进法治政府建设的主要安排\n{plan or '6月底前完成执法人员轮训。'}\n")


def test_a_report_touching_every_area_is_silent():
    assert codes(report(*AREAS), select=["FZ410"]) == []


@pytest.mark.parametrize("left_out", list(AREAS))
def test_each_area_left_out_is_named_alone(left_out):
    [finding] = lint(report(*(k for k in AREAS if k != left_out)), select=["FZ410"])
    assert (finding.code, finding.line, finding.column, finding.severity.label) == ("FZ410", 2, 1, "info")
    assert f"的1项任务：{NAMES[left_out]}。" in finding.message


def test_the_message_names_every_area_left_out_in_the_menus_order():
    [finding] = lint(report("leadership", "enforcement", "disputes"), select=["FZ410"])
    assert finding.message == (
        "报告的“主要举措和成效”部分没有涉及《法治政府建设实施纲要（2021—2025年）》的6项任务："
        "政府机构职能体系、依法行政制度体系、行政决策制度体系、突发事件应对体系、行政权力制约和监督体系、"
        "法治政府建设科技保障体系。请逐项核对，本年度有相关工作的，补写举措和成效，以免遗漏。")


def test_the_message_names_the_duties_part_only_where_the_report_has_one():
    text = report("leadership", "enforcement", "disputes").replace(
        "三、", "三、党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持召开常务会议3次。\n四、")
    [finding] = lint(text, select=["FZ410"])
    assert finding.message.startswith("报告的“主要举措和成效”和“第一责任人职责履行情况”部分没有涉及")


def test_english_message():
    findings = linter(select=["FZ410"], lang="en").lint_source(
        Source("d.txt", report(*(k for k in AREAS if k != "emergencies")), "utf-8")).findings
    assert [f.message for f in findings] == [
        "The report's parts on measures and results never touch 1 task areas of "
        "the Implementation Outline for Building a Rule-of-Law Government (2021—2025): the system for responding to "
        "emergencies. Check each; where the year had work on it, add the measures and results so that nothing is left out."]


def test_the_duties_part_counts_the_shortcomings_and_the_plan_do_not():
    duties = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持召开常务会议3次，部署防汛应急工作。\n"
    text = report(*(k for k in AREAS if k != "emergencies"))
    assert codes(text.replace("三、2024", duties + "四、2024"), select=["FZ410"]) == []
    # 应急 only in next year's plan or among the shortcomings: not touched.
    assert codes(report(*(k for k in AREAS if k != "emergencies"), plan="修订应急预案，6月底前完成。"),
                 select=["FZ410"]) == [("FZ410", 2)]
    assert codes(text.replace("执法人员不足", "应急预案陈旧"), select=["FZ410"]) == [("FZ410", 2)]


def test_a_topic_heading_names_its_area():
    # 二、健全突发事件应对体系 with a body that never says 应急 still touches it.
    text = report(*(k for k in AREAS if k != "emergencies")).replace(
        "二、2023年度", "二、健全突发事件应对体系\n全年处置险情5起。\n三、2023年度").replace("三、2024", "四、2024")
    assert codes(text, select=["FZ410"]) == []


@pytest.mark.parametrize("near_miss", [
    "清理违规种菜31处。",  # 清理 of a vegetable plot, not of documents
    "持续推进各项规范性制度建设。",  # internal rules, not 规范性文件
])
def test_words_that_only_look_like_an_area_do_not_touch_it(near_miss):
    text = report(*(k for k in AREAS if k != "institutions")).replace("评查行政执法案卷120卷。", "评查行政执法案卷120卷。" + near_miss)
    [finding] = lint(text, select=["FZ410"])
    assert "1项任务：依法行政制度体系。" in finding.message


def test_an_account_too_short_to_judge_is_not_judged():
    text = report("enforcement")
    assert codes(text, select=["FZ410"]) == [("FZ410", 2)]
    assert codes(text.replace(FILLER, FILLER[:100]), select=["FZ410"]) == []  # under 300 characters


def test_reports_before_the_outline_are_not_judged():
    assert codes(report("enforcement", year=2020), select=["FZ410"]) == []
    assert codes(report("enforcement", year=2021), select=["FZ410"]) == [("FZ410", 2)]
    # A report whose year is unknown is judged.
    text = report("enforcement").replace("某区2023年度法治政府建设情况的报告\n", "").replace("2023年度", "").replace("2024年度", "下一年度")
    assert codes(text, select=["FZ410"]) == [("FZ410", 1)]


@pytest.mark.parametrize("text", ["", "\n\n", "某区报告\n无标题的一段话。", "三、2024年度主要安排\n修订应急预案。",
                                  "一、主要举措和成效\n", "一、主要举措和成效\n" + "甲" * 200_000,
                                  "一、主要举措和成效\n" + "甲" * 299])
def test_odd_documents(text):
    # (the long paragraph touches no area: all nine are named)
    found = codes(text, select=["FZ410"])
    assert found == ([("FZ410", 1)] if len(text) > 1000 else [])


def test_the_first_measures_part_carries_the_finding_when_duties_come_first():
    text = ("一、党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持召开常务会议3次。\n"
            f"二、主要举措和成效\n{FILLER}评查行政执法案卷120卷。\n三、不足和原因\n原因是人手不足。\n")
    assert codes(text, select=["FZ410"]) == [("FZ410", 3)]


def test_the_coverage_is_computed_once_a_document():
    doc = document(report("enforcement"))
    params = ruleset.default().by_code()["FZ410"].params
    first = task_area_coverage.coverage(doc, params, linter().context.figures)
    assert task_area_coverage.coverage(doc, params, None) is first
    assert [a.key for a in first[1]] == [k for k in AREAS if k != "enforcement"]


# -- a menu of one's own (a city's 事项指引) -----------------------------------

CITY = """\
params:
  FZ410:
    source: 《某市法治政府建设年度报告事项指引》
    areas:
      - name: 法治政府示范创建
        keywords: ['示范创建', '示范(市|区|县|项目)']
      - {name: 行政执法, keywords: ['执法']}
"""


def _with_config(tmp_path, config: str, text: str):
    folder = tmp_path / str(len(list(tmp_path.iterdir())))  # a folder each: configurations are cached by path
    folder.mkdir()
    (folder / ".fzlint.yaml").write_text(config, encoding="utf-8")
    (folder / "r.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "json", "--jobs", "1", "--select", "FZ410", str(folder / "r.txt")])
    if result.exit_code == 2:
        return result.output
    return [(d["code"], d["line"], d["message"]) for f in json.loads(result.output)["files"] for d in f["diagnostics"]]


def test_a_configuration_replaces_the_menu(tmp_path):
    assert _with_config(tmp_path, CITY, report(*AREAS)) == [
        ("FZ410", 2, "报告的“主要举措和成效”部分没有涉及《某市法治政府建设年度报告事项指引》"
                     "的1项任务：法治政府示范创建。请逐项核对，本年度有相关工作的，补写举措和成效，以免遗漏。")]
    # The city's menu applies to any year, and only its areas are asked for.
    assert [f[:2] for f in _with_config(tmp_path, CITY, report("enforcement", year=2019))] == [("FZ410", 2)]
    assert _with_config(tmp_path, CITY, report("enforcement", plan="创建法治政府示范区。").replace(
        "评查行政执法案卷120卷。", "评查行政执法案卷120卷，获评市级法治政府建设示范区。")) == []
    # Its mistakes name the configuration and the key.
    out = _with_config(tmp_path, CITY.replace("keywords: ['执法']", "keywords: ['执法(']"), report("enforcement"))
    assert ".fzlint.yaml" in out and "FZ410" in out and "areas[1].keywords[0]: bad regular expression" in out


@pytest.mark.parametrize("areas, expected", [
    ("[{name: 甲}]", r"FZ410\.params: areas\[0\]\.keywords: required"),
    ("[{name: 甲, keywords: ['(']}]", r"FZ410\.params: areas\[0\]\.keywords\[0\]: bad regular expression"),
    ("[{name: 甲, keywords: []}]", r"FZ410\.params: areas\[0\]\.keywords: expected at least one"),
    ("[{name: 甲, keywords: [a], colour: red}]", r"FZ410\.params: areas\[0\]: unknown key 'colour'"),
    ("[{key: A, name: 甲, keywords: [a]}]", r"FZ410\.params: areas\[0\]\.key: expected a new lower-case key"),
    ("[a]", r"FZ410\.params: areas\[0\]: expected a mapping"),
])
def test_a_bad_menu_names_the_key(areas, expected):
    rule = ruleset.default().by_code()["FZ410"]
    with pytest.raises(ruleset.RuleSetError, match=expected):
        ruleset.configure(rule, ruleset.default().vocabulary, "cfg: FZ410.params", {"areas": yaml.safe_load(areas)})


def test_the_seeds(seeds_dir):
    found = {n: [(f.line, f.message.split("：", 1)[1].split("。")[0]) for f in
                 linter(select=["FZ410"]).lint_file(str(seed(n))).findings] for n in range(5)}
    assert found == {
        0: [(5, "政府机构职能体系、突发事件应对体系")],
        1: [],
        2: [(8, "依法行政制度体系、突发事件应对体系、行政权力制约和监督体系")],
        3: [(2, "依法行政制度体系、突发事件应对体系")],
        4: [(18, "政府机构职能体系、依法行政制度体系、突发事件应对体系、法治政府建设科技保障体系")],
    }


def test_the_readme_example_of_a_city_menu(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = readme.split("### Task areas of the 纲要 (FZ410)", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    found = _with_config(tmp_path, config, report(*AREAS))
    assert [(code, line) for code, line, _ in found] == [("FZ410", 2)]
    assert "《某市法治政府建设年度报告事项指引》的2项任务：法治政府示范创建、数字法治政府。" in found[0][2]
    touched = report(*AREAS).replace("评查行政执法案卷120卷。", "评查行政执法案卷120卷，大数据平台接入率100%，获评示范区。")
    assert _with_config(tmp_path, config, touched) == []
