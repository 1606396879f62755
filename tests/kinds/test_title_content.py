import pytest

from conftest import lint


@pytest.mark.parametrize("title,missing", [
    ("某某区人民政府关于2022年度法治政府建设情况的报告", None),
    ("某某街道2023年度法治政府建设工作报告", None),
    ("关于2022年度法治政府建设情况的报告", "报告主体"),
    ("某某区人民政府关于法治政府建设情况的报告", "年度"),
    ("某某区2022年度工作总结", "法治政府建设"),
    # the body after the year, or two issuers apart by blanks (issue 13)
    ("2025年某某区法治政府建设情况报告", None),
    ("2025年度某某区法治政府建设情况报告", None),
    ("中共某某县委  某某县人民政府关于2025年法治政府建设情况的报告", None),
    ("2025年法治政府建设情况报告", "报告主体"),
    ("2025年度法治政府建设情况报告", "报告主体"),
    ("2025年 关于法治政府建设情况的报告", "报告主体"),
])
def test_title_requirements(title, missing):
    findings = lint(f"{title}\n一、主要举措", select=["FZ302"])
    if missing is None:
        assert findings == []
    else:
        assert [f.line for f in findings] == [1] and missing in findings[0].message


def test_a_two_line_title_is_read_as_one():
    findings = lint("某某区人民政府\n关于2022年度法治政府建设情况的报告\n一、主要举措", select=["FZ302"])
    assert findings == []
