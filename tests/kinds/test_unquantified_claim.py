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


def test_a_purpose_is_read_in_any_paragraph():
    # the purpose words are matched where the clause begins, not only at the start of the text
    assert codes_lines(M + "开展培训6期。\n为全面完成年度任务提供保障。\n推动治理效能持续增强。") == []


def test_a_contribution_made_is_a_claim_though_it_opens_with_wei():
    assert codes_lines(M + "开展培训6期。\n为全区发展提供了有力法治保障。") == [("FZ401", 3)]
    assert codes_lines(M + "开展培训6期。\n为全区发展提供有力法治保障。") == []  # the purpose


# Issue 13: a completion claimed (圆满完成/全面完成 a task) is supported by a count in
# its sentence, which gives what was done; a count never supports a claimed effect.
def test_a_completion_is_supported_by_the_counts_of_its_sentence():
    text = M + ("三是示范创建取得阶段性进展。从5个申报地区和96个申报项目中优选1个综合地区和4个单项项目参评，"
                "圆满完成示范创建省级推荐工作。\n"
                "全年办理行政复议案件45件，全面完成年度案件办理任务。\n"
                "全面完成年度目标任务。\n"  # nothing counted
                "2023年12月，圆满完成示范创建迎检工作。\n"  # a date is no count
                "开展普法宣传20场，获得群众广泛好评。\n")  # counts never support an effect
    assert codes_lines(text) == [("FZ401", 4), ("FZ401", 5), ("FZ401", 6)]


# Issue 13: a contribution made to a named, checkable outcome (a title won, a list
# entered) points to an event a reader can check; one to an effect is a claim.
@pytest.mark.parametrize("text", [
    "抓实各项指标任务落实，为我市成功入围全国法治政府建设示范创建城市贡献了市场监管力量。",
    "为全县获评省级法治政府建设示范县作出了积极贡献。",
    "为我区被命名为全国民主法治示范社区提供了有力保障。",
])
def test_a_contribution_to_a_checkable_outcome_is_no_claim(text):
    assert codes_lines(M + text) == []


@pytest.mark.parametrize("text", [
    "为优化营商环境提供了有力法治支撑。",
    "为创建全国法治政府建设示范市奠定了坚实基础。",  # an aim pursued, not a title won
    "为全市经济社会高质量发展贡献了司法行政力量。",
])
def test_a_contribution_to_an_effect_is_still_a_claim(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


def test_only_measures_and_duties_parts():
    assert lint("一、下一年度主要安排\n确保执法水平显著提升。", select=["FZ401"]) == []


# A labelled set of invented clauses (issue 13): claims assert an outcome with no
# figure measuring it; plain clauses state a measure, its aim or a supported result.
CLAIMS = [
    "群众法治意识明显增强。",
    "全镇普法知晓率大幅提高。",
    "干部依法行政意识不断增强。",
    "法治政府建设取得显著成效。",
    "行政执法规范化水平全面提升。",
    "开展普法宣传20场，获得群众广泛好评。",
    "为优化营商环境提供了有力法治支撑。",
    "为乡村振兴营造了良好法治氛围。",
    "为全区高质量发展提供了坚强法治保障。",
    "矛盾纠纷得到有效化解。",
    "行政执法质量显著改善。",
    "营商环境持续优化。",
    "基层治理效能明显提升。",
    "法治宣传教育成效凸显。",
    "组织培训3期，有效提升了执法人员办案能力。",
    "各项工作走在全市前列。",
    "依法行政水平迈上新台阶。",
    "为建设法治乡镇奠定了坚实基础。",
    "全区法治环境进一步优化。",
    "群众获得感、满意度不断提升。",
    "全区行政执法水平得到明显提升。",
    "普法工作成效明显。",
    "法治宣传深入人心。",
    "形成了良好的法治氛围。",
    "群众法治观念显著增强。",
    "为全县经济发展提供了有力保障。",
    "执法队伍素质进一步提高。",
    "经验做法受到社会各界一致好评。",
]
PLAIN = [
    "组织专题学法12次，切实提高党员干部的法治意识。",
    "开展执法人员培训4期，不断提升执法人员业务能力。",
    "修订内控制度26项，进一步规范行政决策程序。",
    "建立镇村联动机制，有效提升基层治理水平。",
    "开展普法宣传15场，着力增强群众法治观念。",
    "为优化营商环境提供法治保障，出台措施12条。",
    "审核规范性文件18件。",
    "全面加强规范性文件合法性审查。",
    "对成效明显的单位予以表扬。",
    "群众满意率达96.5%，取得明显成效。",
    "行政诉讼案件同比下降12%，矛盾纠纷化解成效明显。",
    "办理行政复议案件45件，纠错率为8.9%。",
    "深化“放管服”改革，持续优化营商环境。",
    "严格落实行政执法三项制度。",
    "组织旁听庭审2次，参加人员80人。",
    "为确保工作落实，成立工作专班。",
    "聘请法律顾问3名，全面提升决策合法性审查质量。",
    "实现行政诉讼案件“零新增”，营商环境持续优化。",
    "开展“法律进乡村”活动36场，为乡村振兴营造良好法治氛围。",
    "新建法治文化阵地5个，覆盖全镇12个村。",
    "组织开展“宪法宣传周”活动8场。",
    "持续优化政务服务流程。",
    "全面推行行政执法公示制度。",
    "进一步完善重大行政决策程序。",
    "为提升执法水平，开展培训6期。",
    "邀请专家授课3次，进一步增强领导干部运用法治思维的能力。",
    "深入开展“八五”普法，营造浓厚法治氛围。",
    # praise a named organ or leader gave is a reported event, not a claim
    "受邀在全省研讨会上交流经验，获司法部领导充分肯定。",
    "行政复议工作得到省委高度认可。",
]


def test_the_labelled_set_recall_and_false_alarms():
    found = [text for text in CLAIMS if codes_lines(M + text)]
    false = [text for text in PLAIN if codes_lines(M + text)]
    assert len(CLAIMS) >= 17 and len(PLAIN) >= 18
    assert len(found) / len(CLAIMS) >= 0.85 and false == []


@pytest.mark.parametrize("text", CLAIMS)
def test_each_labelled_claim(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


@pytest.mark.parametrize("text", PLAIN)
def test_each_labelled_plain_clause(text):
    assert codes_lines(M + text) == []


# Issue 13: a modal before the claim in its clause (要, 应, 须, 必须, 力争, 努力,
# 争取) makes it an aim or a requirement, not an effect achieved.
@pytest.mark.parametrize("text", [
    "推进“八五”普法，法治意识要深入人心，形成内化于心、外化于行的良好常态。",
    "全镇干部法治意识必须明显增强。",
    "行政执法质量应当显著改善。",
    "依法行政水平要进一步持续提升。",
    "各项工作力争走在全市前列。",
    "矛盾纠纷要得到有效化解。",
    "执法队伍素质须明显提高。",
])
def test_a_claim_after_a_modal_is_an_aim_not_an_effect(text):
    assert codes_lines(M + text) == []


@pytest.mark.parametrize("text", [
    "推进“八五”普法，法治意识深入人心，形成内化于心、外化于行的良好常态。",
    "全镇干部法治意识明显增强。",
    "法治政府建设实施纲要深入人心。",  # 要 in 纲要 is no modal
    "重点领域执法主要取得了明显成效。",  # nor in 主要
    "要求落实到位，执法水平明显提升。",  # the modal in another clause
])
def test_a_claim_without_a_modal_before_it_is_still_reported(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


# Issue 13: praise a named organ gave, with 的 between the organ and the praise or
# written 被……肯定, is an event a reader can check; praise from no organ is a claim.
@pytest.mark.parametrize("text", [
    "经验做法得到省委全面依法治省委员会第三督察组的充分肯定。",
    "“首违不罚”清单得到中央依法治国办的高度认可。",
    "行政复议工作被市委依法治市办肯定推广。",
    "工作做法3次被省委依法治省办肯定推广，得到国务院第五督查组的充分肯定。",
    "调解工作获得市中级人民法院的充分肯定。",
])
def test_praise_a_named_organ_gave_is_no_claim(text):
    assert codes_lines(M + text) == []


@pytest.mark.parametrize("text", [
    "工作做法得到群众的充分肯定。",
    "普法活动获得社会各界的一致好评。",
    "便民措施得到办事群众的高度认可。",  # 办 in 办事 names no organ
    "法律顾问工作得到服务对象的一致肯定。",
])
def test_praise_from_no_organ_is_still_a_claim(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


# Issue 13 (fresh8): a claim about political consciousness or stance (政治自觉,
# 政治站位, “四个意识”, “两个维护”, 理想信念, 党性 …) states where the unit stands,
# and no 满意率 or 同比 measures it; a claim about a measurable effect is reported,
# and so is a stance listed with one.
@pytest.mark.parametrize("text", [
    "召开局党组会24次、中心组学习12次，坚决捍卫“两个确立”、做到“两个维护”的政治自觉持续加强。",
    "全局党员干部政治判断力、政治领悟力、政治执行力不断提高。",
    "干部职工“四个意识”“四个自信”进一步增强。",
    "党员干部的“四个意识”、“四个自信”、“两个维护”不断增强。",
    "全系统理想信念更加坚定，党性修养不断加强。",
    "组织专题研讨6次，有效提升了党员干部的政治判断力、政治领悟力和政治执行力。",  # the object
    "班子成员政治站位显著提高。",
])
def test_a_claim_about_political_stance_is_no_effect_claim(text):
    assert codes_lines(M + text) == []


@pytest.mark.parametrize("text", [
    "开展宪法宣传20场，全镇普法知晓率大幅提高。",
    "组织旁听庭审3次，干部法治意识不断增强。",
    "法治政府建设取得显著成效。",
    "为优化营商环境提供了有力法治支撑。",
    "党员干部的法治意识和政治站位不断提升。",  # a stance listed with an effect
    "“四个意识”教育取得明显成效。",  # the head is 教育, not the stance
    "有效提升了全局干部的政治素养和业务能力。",  # 业务能力 is measurable
    "开展党性教育4次，行政执法质量显著改善。",  # 党性 in the measure, not the claim's subject
])
def test_a_claim_about_a_measurable_effect_beside_the_stance_words_is_reported(text):
    assert codes_lines(M + text) == [("FZ401", 2)]


# Issue 13 (fresh10): a claim in the statement of a plan's or a document's goals
# (after 目标是, 提出……目标：, 《方案》明确提出， 到2025年, or the issuing of a plan
# that runs past the report year, with no count between) is an aim, not a result.
T22 = "某县人民政府关于2022年法治政府建设情况的报告\n一、主要举措和成效\n"


def claim_lines(text):
    return [(f.code, f.line) for f in lint(T22 + text, select=["FZ401"])]


@pytest.mark.parametrize("text", [
    "制定《某县法治政府建设实施方案（2021-2025年）》，依法行政体系更加健全，执法质量和效能全面提升，"
    "应急处突能力显著增强，为2025年创建示范县奠定坚实基础。",
    "印发《甲镇“八五”普法规划（2021—2025年）》，全镇群众法治意识明显增强。",
    "到2025年，全县行政执法质量全面提升。",
    "力争2025年全县行政执法质量全面提升。",
    "《实施方案》明确提出，行政执法质量全面提升，群众满意度显著提高。",
    "方案的目标是执法质量全面提升、群众满意度显著提高。",
    "明确了三项工作目标：执法质量全面提升，群众满意度显著提高。",
    "开展“法治宣传深入人心”主题活动。",  # a slogan's words in quotes
])
def test_a_claim_in_a_statement_of_goals_is_an_aim(text):
    assert claim_lines(text) == []


@pytest.mark.parametrize("text", [
    "制定《某县法治政府建设实施方案（2021-2025年）》，开展培训12期，执法水平明显提升。",  # a count between
    "制定《某县法治政府建设实施方案（2021-2022年）》，执法质量和效能全面提升。",  # the plan ends in the report year
    "制定《某县2022年法治政府建设工作要点》，执法水平明显提升。",  # the year's plan, no range
    "贯彻落实《某省法治政府建设实施纲要（2021年至2025年）》，法治政府建设取得新成效。",  # carried out, not issued
    "按照《纲要》要求，扎实推进各项工作，法治政府建设取得明显成效。",  # the requirement followed
    "以建设法治政府目标为引领，法治政府建设取得明显成效。",
    "到2022年底，全县行政执法质量全面提升。",  # the report year: no goal
    "截至2025年底，全县行政执法质量全面提升。",  # a status, not a target
    "法治宣传深入人心，“谁执法谁普法”责任制落实到位。",  # the claim outside the quotes
])
def test_a_claim_outside_a_statement_of_goals_is_reported(text):
    assert claim_lines(text) == [("FZ401", 3)]


# Issue 13 (fresh10): an overview claim backed at once (the rest of its sentence or
# the next sentence of its paragraph) by others' evidence, an honour a named organ
# gave or counted reports and 推介, is supported; activity counts are not.
@pytest.mark.parametrize("text", [
    "全区法治政府建设取得明显成效。区司法局被司法部授予“先进集体”荣誉称号，相关做法15次被国家级媒体宣传报道。",
    "法治政府建设取得明显成效，被省委省政府命名为省级法治政府建设示范县。",
    "法治政府建设取得明显成效。相关经验被省司法厅推广3次。",
    "普法工作成效显著。甲镇荣获“全国民主法治示范村”称号。",
])
def test_a_claim_backed_at_once_by_others_evidence_is_supported(text):
    assert claim_lines(text) == []


@pytest.mark.parametrize("text,found", [
    ("全区法治政府建设取得明显成效。", [("FZ401", 3)]),  # nothing after it
    ("法治政府建设取得明显成效。全年开展宣传15次，发放资料2000份。", [("FZ401", 3)]),  # activities counted
    ("法治政府建设取得明显成效。\n区司法局被司法部授予“先进集体”荣誉称号。", [("FZ401", 3)]),  # another paragraph
    ("区司法局被司法部授予“先进集体”荣誉称号。法治政府建设取得明显成效。", [("FZ401", 3)]),  # before it
    ("法治政府建设取得明显成效。二是示范创建，甲县被命名为全国法治政府建设示范县。", [("FZ401", 3)]),  # a new item
    ("法治政府建设取得明显成效。甲镇被确定为试点，组织开展推广活动3次。", [("FZ401", 3)]),  # no honour
    ("法治政府建设取得新成效。示范创建工作成效显著，已通过省级评估，排名全省靠前。",
     [("FZ401", 3), ("FZ401", 3)]),  # a second claim, no evidence
])
def test_a_claim_without_others_evidence_right_after_it_is_reported(text, found):
    assert claim_lines(text) == found


def test_a_sentence_of_thousands_of_claims_takes_linear_time():
    # each sentence's cues and evidence are read once, not once per claim
    import time

    start = time.process_time()
    findings = lint(T22 + "执法水平明显提升，" * 20000 + "。\n" + "目标是，" + "执法水平明显提升，" * 20000 + "。",
                    select=["FZ401"])
    assert len(findings) == 20000 and time.process_time() - start < 10


# Issue 13 (fresh11): a figure in the next sentence of the paragraph backs the
# claim when it measures the claim's own subject: the sentence opens as an
# elaboration of it (……方面，, 其中, 具体来看) or shares a content term with it,
# and it carries a measuring figure (a rate, a change, 优良天数, a target exceeded).
@pytest.mark.parametrize("text", [
    # an elaboration (……方面，) with a count of days and a target exceeded
    "统筹推进污染防治攻坚，甲区生态环境质量持续改善。大气环境质量方面，全区空气优良天数为301天，"
    "超额完成296天的市级考核目标任务。水环境质量方面，乙河断面水质稳定达标。",
    # the subject taken up, a rate
    "推行政务服务“好差评”制度，群众满意度不断提高。经第三方测评，某县政务服务群众满意度达97.6%。",
    # the subject taken up, a change counted
    "某镇生态环境质量持续改善。全镇环境空气质量优良天数312天，同比增加9天。",
    # 其中 with a rate (no term shared)
    "某县行政复议质量明显提升。其中，直接纠错率为8.5%。",
    # ……方面， with a count of days (no term shared)
    "甲区生态环境持续改善。大气方面，全区空气优良天数为301天。",
    # a rank given, shared term 营商环境 (an ordinal: no figure, the rank is the measure)
    "某县营商环境持续优化。在全省营商环境评价中，某县排名全省第3位。",
    # 具体来看 with a zero result
    "某县安全生产形势持续向好。具体来看，全年道路交通事故零死亡。",
])
def test_a_claim_whose_next_sentence_measures_its_own_subject_is_supported(text):
    assert claim_lines(text) == []


@pytest.mark.parametrize("text,found", [
    # a figure on another subject (the ranking is not the rate of transfers)
    ("甲县“政务服务一网通办”工作名列全市前茅。持续深化相对集中许可权改革，许可事项划转同步率达到100%。",
     [("FZ401", 3)]),
    # the satisfaction figure backs the claim on satisfaction, not the one before it
    ("窗口服务不断优化，群众满意度不断提高。经第三方测评，某县群众满意度达97.6%。", [("FZ401", 3)]),
    # a count of activities on the same subject
    ("某县生态环境质量持续改善。全年开展环境质量专项检查36次，出动执法人员420人次。", [("FZ401", 3)]),
    # a ranking claimed, the rank not given (进入第一方阵 is no rank)
    ("甲县政务服务工作名列全市前茅。甲县政务服务考核进入第一方阵。", [("FZ401", 3)]),
    # a measure's name in a count of activities
    ("甲区群众满意度不断提高。全年开展群众满意度回访1200次。", [("FZ401", 3)]),
    # an elaboration that only counts activities
    ("甲区群众满意度不断提高。其中，全年办理政务服务事项1.5万件。", [("FZ401", 3)]),
    # shares only generic words with the claim (全区, 法治, 建设, 工作)
    ("全区法治建设工作取得明显成效。全区行政复议案件办结率为100%。", [("FZ401", 3)]),
    # the measuring sentence is in the next paragraph
    ("某镇生态环境质量持续改善。\n全镇环境空气质量优良天数312天，同比增加9天。", [("FZ401", 3)]),
    # the measuring sentence opens a new run-in item
    ("某镇生态环境质量持续改善。二是生态环境质量考核得分96分，同比提高3分。", [("FZ401", 3)]),
    # the measuring figure comes two sentences later
    ("某镇生态环境质量持续改善。乙街道推进河道整治。全镇环境空气质量优良天数312天，同比增加9天。",
     [("FZ401", 3)]),
])
def test_a_claim_whose_next_sentence_measures_no_subject_of_its_own_is_reported(text, found):
    assert claim_lines(text) == found
