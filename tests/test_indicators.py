"""Key figures (指标): extraction (fzlint/indicators.py, rules/indicators.yaml),
measured on the seeds against hand-written labels, and their FZ405 checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import assert_load_fails, codes, document, lint, linter, seed
from fzlint import read, ruleset
from fzlint.model import Source
from fzlint.pipeline import Linter, Options

LABELS = Path(__file__).parent / "data" / "indicators-labels.yaml"
T = "某某区关于2023年度法治政府建设情况的报告\n"
M = T + "一、主要举措和成效\n"


def found(text: str, year=None) -> list[tuple[str, float, int]]:
    return [(i.key, i.value, i.line) for i in document(text, year).indicators]


# --- the seeds against the labels ----------------------------------------------------------------

def _labels():
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))["seeds"]


@pytest.mark.parametrize("number", range(5))
def test_seed_indicators_are_the_labelled_ones(number):
    label = _labels()[number]
    doc = linter().document(read.read(str(seed(number))))
    got = [(i.key, i.value, i.line) for i in doc.indicators]
    assert got == [(k, float(v), line) for k, v, line in label["expected"]]
    for key, value, line, _why in label["misses"] + label["not"]:
        assert (key, float(value), line) not in got


def test_precision_and_recall_on_the_seeds():
    labels = _labels()
    extracted = correct = wanted = 0
    for number in range(5):
        doc = linter().document(read.read(str(seed(number))))
        got = [(i.key, i.value, i.line) for i in doc.indicators]
        expected = [(k, float(v), line) for k, v, line in labels[number]["expected"]]
        extracted += len(got)
        correct += sum(1 for g in got if g in expected)
        wanted += len(expected) + len(labels[number]["misses"])
    precision, recall = correct / extracted, correct / wanted
    assert (extracted, correct, wanted) == (19, 19, 21)  # the two misses: 无行政复议事项, “零新增”
    assert precision == 1.0 and recall >= 0.9


# --- extraction on invented text ---------------------------------------------------------------

def test_a_reconsideration_sentence_in_the_shape_reports_give_it():
    text = M + "全年收到行政复议申请1113件，依法受理1033件，审结977件，直接纠错236件，纠错率24.2%。"
    assert found(text) == [("reconsideration.received", 1113, 3), ("reconsideration.accepted", 1033, 3),
                           ("reconsideration.closed", 977, 3), ("reconsideration.corrected", 236, 3),
                           ("reconsideration.correction_rate", 24.2, 3)]


def test_an_indicator_carries_its_sentence_line_and_span():
    doc = document(M + "加强应诉工作。全年行政机关负责人出庭应诉率达100%。")
    [i] = doc.indicators
    assert (i.key, i.value, i.unit, i.line, i.text) == ("appearance.rate", 100.0, "%", 3, "全年行政机关负责人出庭应诉率达100%。")
    assert (i.column, i.end_column, i.figure) == (23, 27, "100%")


def test_litigation_counts_and_rates():
    text = M + "全年办理行政诉讼案件42件，审结38件，败诉3件，撤诉5件，败诉率7.9%。"
    assert found(text) == [("litigation.cases", 42, 3), ("litigation.closed", 38, 3), ("litigation.lost", 3, 3),
                           ("litigation.loss_rate", 7.9, 3)]


def test_documents_reviews_licences_penalties_legal_aid_mediation():
    text = M + ("审核规范性文件12件，报送备案规范性文件9件。开展合法性审查56件。"
                "办理行政许可2300件，查处行政处罚案件140件。受理法律援助案件88件。调解矛盾纠纷310件。")
    assert found(text) == [("normative_documents.reviewed", 12, 3), ("normative_documents.filed", 9, 3),
                           ("legality_review.count", 56, 3), ("license.cases", 2300, 3), ("penalty.cases", 140, 3),
                           ("legal_aid.cases", 88, 3), ("mediation.cases", 310, 3)]


def test_the_nearest_topic_decides():
    # 受理 belongs to the reconsideration counts only where 复议 is the nearest topic
    text = M + "加强行政复议工作，收到申请20件，受理18件。全年受理法律援助案件30件。"
    assert found(text) == [("reconsideration.received", 20, 3), ("reconsideration.accepted", 18, 3),
                           ("legal_aid.cases", 30, 3)]


@pytest.mark.parametrize("sentence", [
    "受理行政复议申请量同比增长12件。",  # a change
    "行政复议纠错率同比上升5.42个百分点。",  # a change in points
    "2022年收到行政复议申请80件。",  # another year
    "近年来，调解矛盾纠纷600件。",  # several years
    "目前，累计办理法律援助案件200余件。",  # a total to date
    "调解矛盾纠纷约300件。",  # approximate
    "共有调解员71名，其中调解矛盾纠纷的30名。",  # not a count of cases
    "办理信访事项120件，其中受理80件。",  # no topic of reconsideration
])
def test_not_an_indicator(sentence):
    assert found(M + sentence) == []


def test_a_part_after_qizhong_is_taken_only_for_part_indicators():
    text = M + "审结行政复议案件50件，其中纠错6件。审核规范性文件30件，其中审核规范性文件5件。"
    assert found(text) == [("reconsideration.closed", 50, 3), ("reconsideration.corrected", 6, 3),
                           ("normative_documents.reviewed", 30, 3)]


def test_the_plan_states_targets_not_figures_and_the_preface_counts():
    text = (T + "2023年，收到行政复议申请40件。\n一、主要举措和成效\n受理法律援助案件30件。\n"
            "二、2024年度推进法治政府建设的主要安排\n行政机关负责人出庭应诉率保持100%。\n")
    assert found(text) == [("reconsideration.received", 40, 2), ("legal_aid.cases", 30, 4)]


def test_outline_json_and_text_show_the_indicators(tmp_path):
    from click.testing import CliRunner

    from fzlint.cli import main

    path = tmp_path / "r.txt"
    path.write_text(M + "全年收到行政复议申请93件，受理79件。调解矛盾纠纷1000余件。", encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["outline", "--format", "json", str(path)]).output)
    assert data["indicators"] == [
        {"key": "reconsideration.received", "value": 93, "unit": "件", "line": 3,
         "text": "全年收到行政复议申请93件，受理79件。", "figure": "93件"},
        {"key": "reconsideration.accepted", "value": 79, "unit": "件", "line": 3,
         "text": "全年收到行政复议申请93件，受理79件。", "figure": "79件"},
        {"key": "mediation.cases", "value": 1000, "unit": "件", "line": 3, "text": "调解矛盾纠纷1000余件。",
         "figure": "1000余件"}]
    out = CliRunner().invoke(main, ["outline", "--no-color", str(path)]).output
    assert "  指标：\n     3  收到行政复议申请 93件  [reconsideration.received]\n" in out
    assert "     3  调解纠纷 ≥1000件  [mediation.cases]" in out


# --- FZ405 on the indicators -------------------------------------------------------------------

def test_one_indicator_stated_twice_with_different_values():
    text = (M + "全年收到行政复议申请93件，受理79件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "主要负责人督办行政复议工作，全年收到行政复议申请95件。")
    [f] = lint(text, select=["FZ405"])
    assert (f.line, f.column, f.end_column) == (5, 25, 28)
    assert f.message == "数据矛盾：收到行政复议申请此处写为95件，第3行写为93件。同一指标前后应一致，请核对数据。"


def test_the_english_messages():
    from conftest import linter as make

    text = M + "全年收到行政复议申请66件，受理60件，审结48件，纠错6件，纠错率10%。"
    source = Source("d.txt", text, "utf-8")
    [f] = make(select=["FZ405"], lang="en").lint_source(source).findings
    assert f.message == ("Figures contradict each other: reconsideration correction rate is given as 10%, but "
                         "reconsideration decisions correcting the act 6件 over reconsideration cases concluded 48件 "
                         "is 12.5%; check the figures (a rate is computed against its defined base).")


def test_the_correction_rate_is_computed_over_the_cases_concluded_not_accepted():
    over_accepted = M + "全年收到行政复议申请1113件，受理1033件，审结977件，直接纠错236件，纠错率22.8%。"
    [f] = lint(over_accepted, select=["FZ405"])
    assert f.message == ("数据矛盾：行政复议纠错率写为22.8%，但按行政复议纠错236件/审结（办结）行政复议案件977件"
                         "计算为24.2%。请核对数据（比率须以其规定的基数计算）。")
    assert (f.line, f.column) == (3, 44)
    right = over_accepted.replace("22.8%", "24.2%")
    assert codes(right, select=["FZ405"]) == []


@pytest.mark.parametrize("text", [
    # more closed than accepted: cases carried over from the year before
    "收到行政复议申请93件，受理79件，已办结82件，其中经调解和解，终止复议的8件，调解率达到9.8%。",
    # rounding: 236/977 = 24.16%
    "受理行政复议案件1033件，审结977件，纠错236件，纠错率24.16%。",
    "受理行政复议案件1033件，审结977件，纠错236件，纠错率24%。",
    # a withdrawn suit is no loss: 3/38
    "审结行政诉讼案件38件，败诉3件，撤诉5件，败诉率7.9%。",
    # the loss rate over all cases, where the report gives no number concluded: 3/42
    "全年办理行政诉讼案件42件，败诉3件，败诉率7.1%。",
    # the same value stated twice
    "行政机关负责人出庭应诉率达100%。全年行政机关负责人出庭应诉率100%。",
    # a count not `single` (mediation of several kinds) may differ
    "调解矛盾纠纷310件。成功调解商事纠纷21件。",
    # a lower bound is not compared
    "收到行政复议申请90余件。全年收到行政复议申请93件。",
    # no base stated: nothing to compute
    "纠错6件，纠错率12%。",
])
def test_consistent_indicators_are_not_reported(text):
    assert codes(M + text, select=["FZ405"]) == []


def test_the_loss_rate_against_its_counts():
    text = M + "审结行政诉讼案件38件，败诉3件，撤诉5件，败诉率21.1%。"  # 8/38: withdrawn counted as lost
    [f] = lint(text, select=["FZ405"])
    assert "行政诉讼败诉率写为21.1%，但按行政诉讼败诉3件/审结行政诉讼案件38件计算为7.9%" in f.message


def test_a_rate_wrong_within_its_sentence_is_reported_once():
    text = M + "审结行政复议案件40件，其中调解结案10件，调解率达到40%。"
    assert codes(text, select=["FZ405"]) == [("FZ405", 3)]


def test_no_finding_on_the_seeds_from_the_indicators():
    for number in range(5):
        doc = linter().document(read.read(str(seed(number))))
        assert doc.indicators is not None
        assert codes(doc.source.text, select=["FZ405"]) == []


# --- the vocabulary: validated, and extended by a user's rule file ----------------------------

@pytest.mark.parametrize("old,new,expected", [
    ("key: reconsideration.received", "key: Received", r"indicators\[0\]\.key: expected a dotted"),
    ("    figure: count\n    units: [件, 宗, 起, 个]\n    topic: '复议'\n    patterns: ['收到",
     "    figure: many\n    units: [件, 宗, 起, 个]\n    topic: '复议'\n    patterns: ['收到",
     r"\(reconsideration\.received\)\.figure: expected count or rate"),
    ("patterns: ['收到|收案", "patterns: ['(收到|收案", r"\(reconsideration\.received\)\.patterns\[0\]: bad regular"),
    ("over: [reconsideration.closed]}", "over: [reconsideration.nothing]}", r"'reconsideration\.nothing' is not a count"),
    ("roles: [measures, duties, shortcomings]", "roles: [measures, future]", r"indicators\.yaml: roles: expected"),
    ("    single: true\n  - key: reconsideration.accepted", "    single: yes please\n  - key: reconsideration.accepted",
     r"\(reconsideration\.received\)\.single: expected true or false"),
])
def test_a_broken_indicators_file_names_the_key(rules_copy, old, new, expected):
    assert_load_fails(rules_copy, "indicators.yaml", old, new, expected)


def test_a_user_rule_file_adds_wordings_and_indicators(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "indicators:\n"
        "  - key: legal_aid.cases\n"
        "    patterns: ['援助案件']\n"
        "  - key: petition.cases\n"
        "    name: {zh: 信访事项, en: petitions}\n"
        "    figure: count\n"
        "    units: [件, 件次]\n"
        "    patterns: ['信访(事项|案件)']\n"
        "    single: true\n", encoding="utf-8")
    rules = ruleset.extend(ruleset.default(), path)
    lin = Linter(rules, Options(rules=[r for r in rules.rules if r.code == "FZ405"]))
    text = M + "办理援助案件12件。办理信访事项2300件次。全年办理信访事项2400件次。"
    doc = lin.document(Source("d.txt", text, "utf-8"))
    assert [(i.key, i.value) for i in doc.indicators] == [
        ("legal_aid.cases", 12), ("petition.cases", 2300), ("petition.cases", 2400)]
    assert [(f.code, f.line) for f in lin.lint_source(Source("d.txt", text, "utf-8")).findings] == [("FZ405", 3)]
    assert [i.key for i in linter().document(Source("d.txt", text, "utf-8")).indicators] == []  # fzlint's own


def test_a_user_indicator_is_validated(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("indicators:\n  - key: legal_aid.cases\n    name: {zh: 援助, en: aid}\n    patterns: ['援助']\n",
                    encoding="utf-8")
    with pytest.raises(ruleset.RuleSetError, match=r"mine\.yaml: indicators\[0\] \(legal_aid\.cases\): unknown key 'name'"):
        ruleset.extend(ruleset.default(), path)


# --- the README's part on key figures ------------------------------------------------------------

def _readme_part() -> str:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("### Key figures (指标)", 1)[1].split("\n### ", 1)[0]


def test_the_readme_lists_every_key():
    listed = [line.split("`")[1] for line in _readme_part().splitlines() if line.startswith("| `")]
    assert sorted(listed) == sorted(s.key for s in ruleset.default().vocabulary.indicators.specs)


def test_the_readme_example_extends_the_indicators(tmp_path):
    block = _readme_part().split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "city.yaml"
    path.write_text(block, encoding="utf-8")
    specs = ruleset.extend(ruleset.default(), path).vocabulary.indicators.by_key()
    assert specs["petition.cases"].single and len(specs["legal_aid.cases"].patterns) == 2
