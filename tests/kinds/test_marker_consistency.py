from conftest import codes, lint


def test_one_family_with_mixed_punctuation_is_left_to_fz203():
    assert codes("一、甲\n（一）子\n(二)子\n（三）、子", select=["FZ202"]) == []
    assert codes("一、甲\n1.子\n2、子", select=["FZ202"]) == []


def test_the_odd_family_out_is_reported_once():
    findings = lint("一、甲\n1.子\n2.子\n（三）子\n（四）子\n3.子", select=["FZ202"])
    # （三） pops 1./2. off the stack and becomes their sibling; 3. then nests under （四）.
    assert [(f.line, f.column) for f in findings] == [(4, 1)]
    assert "“1.”" in findings[0].message


def test_top_level_of_a_different_family():
    assert codes("（一）甲\n（二）乙\n一、丙", select=["FZ202"]) == [("FZ202", 3)]
