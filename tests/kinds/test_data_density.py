from conftest import codes, lint, seed


def test_only_002_is_thin_on_figures():
    from conftest import linter

    found = {n: [f.message for f in linter(select=["FZ403"]).lint_file(str(seed(n))).findings] for n in range(5)}
    assert [n for n, messages in found.items() if messages] == [2]
    assert "11/43句（26%）" in found[2][0]


def test_threshold_and_minimum():
    body = "一、主要举措和成效\n" + "深入推进依法行政。" * 4 + "审核文件12件。"
    assert codes(body, select=["FZ403"]) == [("FZ403", 1)]  # 1/5 = 20%
    assert codes(body.replace("深入推进依法行政。" * 4, "深入推进依法行政。" * 3), select=["FZ403"]) == []  # 4 statements: too few


def test_item_heads_do_not_count():
    body = "一、主要举措和成效\n一是强学习。审核文件12件。二是建制度。评查案卷120卷。三是抓执法。整改问题17个。"
    assert lint(body, select=["FZ403"]) == []  # 3 of 3 statements, not 3 of 6
