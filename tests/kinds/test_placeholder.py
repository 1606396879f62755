import pytest

from conftest import lint, seed_text

M = "一、主要举措和成效\n"


def found(text):
    """(line, column, reported text, variant word) of each FZ408 finding."""
    lines = text.split("\n")
    return [(f.line, f.column, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in lint(text, select=["FZ408"])]


@pytest.mark.parametrize("text,blank", [
    ("全年共受理行政复议案件XX件。", "XX"),
    ("××区司法局牵头开展专项行动。", "××"),
    ("全年办结案件xx件。", "xx"),
    ("□□镇开展普法宣传12场。", "□□"),
    ("○○村调解纠纷8件。", "○○"),
    ("〇〇县开展普法宣传12场。", "〇〇"),
    ("于2025年X月召开专题会议。", "X"),  # one before 月
    ("印发《关于加强法治政府建设的意见》（国发〔〕33号）。", "〔〕"),  # the year left out
    ("全年办理案件（待补充）件。", "（待补充）"),
    ("全年办理案件45件（数据待核实）。", "（数据待核实）"),
    ("全年办理案件45件【待定】。", "【待定】"),
    ("全年办理案件45件TODO。", "TODO"),
    ("投入普法资金亿元。", "资金亿元"),
    ("挽回经济损失万元。", "损失万元"),
    ("全年受理件，办结案件12件。", "受理件"),
    ("群众反映问题共件，全部回复。", "共件"),
    ("全年共培训人次。", "培训人次"),
    ("群众满意率达%。", "群众满意率达%"),  # quoted with the words before it
    ("满意率较上年提高了个百分点。", "较上年提高了个百分点"),
    ("接通率、办结率、满意率分别为%、%、%。", "接通率、办结率、满意率分别为%、%、%"),
    ("12345热线接通率、办结率、满意率均达到。", "12345热线接通率、办结率、满意率均达到"),
    ("全年，接通率,办结率,满意率均达到，群众反映良好。", "接通率,办结率,满意率均达到"),
    ("行政复议纠错率为，", "行政复议纠错率为"),
])
def test_found(text, blank):
    [(line, column, reported)] = found(M + text)
    assert (line, column, reported) == (2, text.index(blank) + 1, blank)
    assert lint(M + text, select=["FZ408"])[0].severity.label == "error"


def test_messages_say_what_is_missing():
    [blank, note, unit, rates] = lint(M + "XX镇（待补充）投入资金亿元，满意率均达到。", select=["FZ408"])
    assert "“XX”是没有填写的占位符" in blank.message
    assert "“（待补充）”是起草时留下的待办标记" in note.message
    assert "“资金亿元”只有单位、没有数字" in unit.message
    assert "“满意率均达到”列出了比率，却没有写数值" in rates.message


@pytest.mark.parametrize("text", [
    "群众满意率达100%。",  # a figure after 达
    "满意率达到百分之百。",
    "接通率、办结率、满意率均达到100%。",
    "接通率、办结率、满意率均达到规定要求。",
    "接通率、办结率、满意率均达到\n100%。",  # a line broken before the figure
    "于二〇二五年三月召开专题会议。",  # 〇 the digit zero
    "二○○八年以来坚持开展。",
    "针对〇〇后青年开展普法。",  # a generation
    "当事人张××撤回申请，申请人王○○到场。",  # persons anonymised
    "配备X光机2台，规格3×4米。",
    "投入资金近亿元，其中超亿元项目2个。",  # approximate amounts with a figure word
    "（单位：万元）",
    "受理件数同比下降，调解人到场。",
    "提高了两个百分点，提高了几个百分点，每个百分点都来之不易。",
    "建成污水处理场，已结案件，报备案件，按时送达答复件。",  # a verb and a measure word making a noun
    "执行GB/T 9704-2012，网址www.example.gov.cn，型号XXL。",
    "有待补充完善的制度3项。",  # 待补充 outside brackets is prose
    "组织开展“TODOS”活动。",
])
def test_not_found(text):
    assert found(M + text) == []


def test_found_in_the_title_and_the_date_but_not_in_web_residue():
    text = "××县关于2025年度法治政府建设情况的报告\n当前位置：首页 > XX栏目\n" + M + "开展工作12次。\n某县人民政府\n2026年X月X日"
    assert [f[:3] for f in found(text)] == [(1, 1, "××"), (6, 6, "X"), (6, 8, "X")]


@pytest.mark.parametrize("number", range(5))
def test_none_on_the_seeds(number):
    assert found(seed_text(number)) == []


def test_odd_text_does_not_crash():
    assert found("") == []
    [(line, column, reported)] = found("率达" * 3000)  # only the last: nothing follows it
    assert (line, column + len(reported)) == (1, 6001) and len(reported) == 42
    assert len(found(M + "X" * 20000)) == 1
    assert len(found(M + "（待补充" * 3000)) == 0
