from conftest import codes, lint, seed_text


def test_002_relative_times():
    findings = lint(seed_text(2), select=["FZ404"])
    words = [f.message.split("”")[0][1:] for f in findings]
    assert [(f.line, w) for f, w in zip(findings, words) if w in ("今年以来", "近年来")] == [
        (6, "今年以来"), (10, "近年来"), (12, "近年来"), (14, "近年来")]
    assert "如“2023年以来”" in findings[0].message


def test_001_both_jinnian_yilai():
    assert [line for _, line in codes(seed_text(1), select=["FZ404"])] == [14, 25]


def test_suggestions_use_the_report_year():
    text = "某某区关于2022年度法治政府建设情况的报告\n一、主要举措\n去年同期相比，目前在册19人，近年来成效明显。"
    assert [f.message.split("如")[1] for f in lint(text, select=["FZ404"])] == ["“2021年”。", "“截至2022年底”。", "“2021—2022年”。"]


def test_not_in_quotes_titles_or_after_a_year():
    text = "某某区关于2022年度法治政府建设情况的报告\n一、主要举措\n学习《今年工作要点》，开展“今年我当家”活动，2022年初完成。"
    assert lint(text, select=["FZ404"]) == []


def test_without_a_year_the_message_asks_for_one():
    [f] = lint("一、主要举措\n今年办理案件12件。", select=["FZ404"])
    assert "应写明具体年份" in f.message


def test_the_reports_own_frame_defines_benniandu():
    text = ("某某区关于2025年度法治政府建设情况的报告\n"
            "2025年，某某区坚持依法行政。现将本年度法治政府建设情况报告如下：\n"
            "一、主要举措和成效\n"
            "现将本年度工作情况报告如下。本年度对规范性文件开展清理。\n")
    # the preamble's 现将本年度……报告如下 (twice, with either wording) names the report itself;
    # 本年度 in a statement of the body (line 4) is still relative
    assert codes(text, select=["FZ404"]) == [("FZ404", 4)]
    [f] = lint(text, select=["FZ404"])
    assert f.column == 15 and "如“2025年度”" in f.message


def test_other_relative_words_in_a_frame_sentence_are_still_reported():
    text = ("某某区关于2025年度法治政府建设情况的报告\n"
            "现将今年法治政府建设情况报告如下：\n"
            "一、主要举措和成效\n"
            "去年，本年度的计划全部完成。\n")
    assert codes(text, select=["FZ404"]) == [("FZ404", 2), ("FZ404", 4), ("FZ404", 4)]


def test_a_sentence_that_names_the_report_year_anchors_the_words_counted_from_it():
    head = "某某区关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n"
    text = head + ("编制《某某区2025年度重大行政决策事项目录》，本年度对规范性文件开展1次全面清理。\n"
                   "年初制定公布2025年重大行政决策目录，召开听证会3次。\n"
                   "2025 年，今年以来共办理复议案件45件，较去年增长12%。\n")
    assert codes(text, select=["FZ404"]) == []


def test_words_that_name_no_year_and_sentences_without_the_year_are_still_reported():
    head = "某某区关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n"
    text = head + ("2025年，截至目前共办理复议案件45件，近年来纠错率逐年下降。\n"  # 目前, 近年来: no year says when
                   "编制重大行政决策事项目录。本年度对规范性文件开展清理。\n"  # the year is in no sentence of 本年度
                   "年初制定公布2024年重大行政决策目录。\n"  # another year: not the report year
                   "12025年，今年办理案件3件。\n")  # not the year 2025
    found = [(f.line, text.split("\n")[f.line - 1][f.column - 1:f.end_column - 1]) for f in lint(text, select=["FZ404"])]
    assert found == [(3, "截至目前"), (3, "近年来"), (4, "本年度"), (5, "年初"), (6, "今年")]


def test_a_practice_each_year_is_no_relative_date():
    # Issue 13: 每年初召开…会议 is what is done at the start of every year; “2023年初”
    # would change what it says. 年初 standing alone is still the report year's start.
    head = "某某区关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"
    text = head + ("每年初召开街道行政执法工作会议，安排部署年度法治政府建设工作任务。\n"
                   "每年的年初召开会议听取法治建设工作汇报，每年年初制定年度计划。\n"
                   "年初召开街道行政执法工作会议，安排部署全年工作。\n"
                   "今年以来办理案件12件，较去年增长5件。\n")
    found = [(f.line, text.split("\n")[f.line - 1][f.column - 1:f.end_column - 1]) for f in lint(text, select=["FZ404"])]
    assert found == [(5, "年初"), (6, "今年以来"), (6, "去年")]


def test_the_stages_of_every_year_listed_as_a_set_phrase_are_no_relative_date():
    # Issue 13 (a struck finding in a held-out set): 年初有部署、年中有检查、年底有总结 names
    # the stages of each year's work; “2023年初有部署” would change what it says. A
    # narrative of the report year in clauses is still the report year's start.
    head = "某某区关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"
    text = head + ("严格落实法治建设责任，做到年初有部署、年中有检查、年底有总结。\n"
                   "坚持年初定目标、年中抓推进、年末严考核，压实各部门责任。\n"
                   "实行年初有计划、年终有总结的工作机制。\n"
                   "年初制定工作方案，年中开展督查，年底进行考核。\n"
                   "年初有部署，年中有检查。\n"
                   "年初召开会议、年中听取汇报。\n")
    found = [(f.line, text.split("\n")[f.line - 1][f.column - 1:f.end_column - 1]) for f in lint(text, select=["FZ404"])]
    assert found == [(6, "年初"), (7, "年初"), (8, "年初")]
