import pytest

from conftest import document, lint, seed_text

HEAD = "一、主要举措和成效\n"


def test_seed_004_line_50():
    findings = lint(seed_text(4), select=["FZ502"])
    assert [(f.line, f.column) for f in findings] == [(50, 94), (50, 95)]
    assert "前半个" in findings[0].message and "后半个" in findings[1].message


@pytest.mark.parametrize("line,columns", [
    ("发挥“法律明白人作用。", [3]),
    ("印发《工作要点，落实。", [3]),
    ("开展培训（线上12场。", [5]),
    ("开展培训线上12场）。", [10]),
    ("推行“说理式执法（试行”模式）。", [9, 15]),  # the bracket is left open inside the quote; the last ） closes nothing
    ('开展"法治进社区活动。', [3]),
])
def test_unmatched_marks_are_found_where_they_stand(line, columns):
    assert [f.column for f in lint(HEAD + line, select=["FZ502"])] == columns


@pytest.mark.parametrize("line", [
    "推行“说理式执法”模式，编印《执法手册（试行）》1册，学习《〈宪法〉修正案》。",
    "依据渝府发〔2021〕3号【重点】，开展(线上)培训（线下12场)。",
    '开展"法治进社区"活动。',
])
def test_matched_pairs_including_ascii_stand_ins_are_not(line):
    assert lint(HEAD + line, select=["FZ502"]) == []


def test_no_other_finding_on_the_seeds():
    assert [(n, f.line) for n in range(5) for f in lint(seed_text(n), select=["FZ502"])] == [(4, 50), (4, 50)]


# -- the fast path (pairs deleted in C) agrees with reading every mark ----------------

SHIPPED = [["“", "”"], ["‘", "’"], ["《", "》"], ["〈", "〉"], ["（(", "）)"], ["〔", "〕"], ["【", "】"], ["[", "]"]]


def _both(text, pairs=SHIPPED):
    from fzlint.kinds import unbalanced_pairs

    p = unbalanced_pairs.prepare({"pairs": pairs})
    exact = unbalanced_pairs.unmatched(text, p["opening"], p["closing"], p["marks"])
    return exact, unbalanced_pairs.unmatched(text, p["opening"], p["closing"], p["marks"], p["fast"])


def test_the_fast_path_agrees_with_the_exact_scan_on_random_text():
    import random

    rng = random.Random(502)
    alphabet = list("“”‘’《》〈〉（）()〔〕【】[]\"\n") + ["字"] * 8
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        exact, fast = _both(text)
        assert fast == exact, text


def test_the_fast_path_agrees_on_the_seeds():
    from fzlint.kinds import _joined

    for n in range(5):
        text = _joined.of(document(seed_text(n))).text
        exact, fast = _both(text)
        assert fast == exact


def test_a_mark_that_both_opens_and_closes_is_read_mark_by_mark():
    from fzlint.kinds import unbalanced_pairs

    assert unbalanced_pairs.prepare({"pairs": [["|", "|"], ["（", "）"]]})["fast"] is None
    assert unbalanced_pairs.prepare({"pairs": [['"', '"']]})["fast"] is None
    assert unbalanced_pairs.prepare({"pairs": SHIPPED})["fast"] is not None


def test_a_run_of_the_same_unmatched_mark_is_one_finding():
    findings = lint(HEAD + "落实" + "《" * 20000 + "法。\n印发“通知“要点。", select=["FZ502"])
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [
        ("FZ502", 2, 3, 20003), ("FZ502", 3, 3, 4), ("FZ502", 3, 6, 7)]  # two “ apart: two findings


def test_a_paragraph_gets_ten_findings_at_most_in_linear_time():
    import time

    start = time.process_time()
    findings = lint(HEAD + "落实" + "《（" * 100000 + "。\n开展培训（线上12场。", select=["FZ502"])
    assert time.process_time() - start < 3
    assert [(f.line, f.column) for f in findings] == [(2, 3 + k) for k in range(10)] + [(3, 5)]


def test_pairs_nested_deeper_than_prose_are_read_mark_by_mark_in_linear_time():
    import time

    deep = "《" * 20 + "“" + "》" * 20 + "\n" + "（" * 30 + "）" * 29
    exact, fast = _both(deep)
    assert fast == exact == [(20, "opening"), (42, "opening")]
    start = time.process_time()
    findings = lint(HEAD + "落实" + "《" * 50000 + "》" * 50000 + "。\n" + "（“" * 25000 + "”）" * 25000 + "。",
                    select=["FZ502"])  # was 40 s
    assert time.process_time() - start < 2
    assert findings == []
