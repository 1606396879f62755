"""rules/*.yaml: every rule loads, is documented, and its examples are true."""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT, assert_load_fails, codes, edit
from fzlint import kinds, ruleset

RULES = ruleset.default().rules
DOCUMENT_RULES = [r for r in RULES if r.kind not in ruleset.BUILTIN_KINDS]


def test_codes_match_the_catalogue():
    """The codes this release implements, with their names and severities (RULES.md)."""
    assert [(r.code, r.name, r.severity.label, r.fixable) for r in RULES] == [
        ("FZ101", "missing-section", "error", False),
        ("FZ102", "shortcomings-without-causes", "warning", False),
        ("FZ103", "section-in-passing", "warning", False),
        ("FZ104", "section-order", "info", False),
        ("FZ105", "thin-section", "warning", False),
        ("FZ106", "duplicate-section", "warning", False),
        ("FZ201", "numbering-sequence", "error", False),
        ("FZ202", "inconsistent-marker", "warning", False),
        ("FZ203", "marker-punctuation", "warning", True),
        ("FZ204", "heading-run-on", "info", False),
        ("FZ301", "missing-title", "error", False),
        ("FZ302", "title-content", "warning", False),
        ("FZ303", "missing-date", "warning", False),
        ("FZ304", "date-format", "warning", True),
        ("FZ305", "late-report", "warning", False),
        ("FZ306", "year-mismatch", "error", False),
        ("FZ307", "missing-signature", "info", False),
        ("FZ308", "web-residue", "warning", False),
        ("FZ309", "missing-recipient", "info", False),
        ("FZ310", "late-publication", "warning", False),
        ("FZ311", "not-for-publication", "warning", False),
        ("FZ401", "unquantified-claim", "warning", False),
        ("FZ402", "vague-quantity", "warning", False),
        ("FZ403", "low-data-density", "warning", False),
        ("FZ404", "relative-time", "warning", False),
        ("FZ405", "numeric-inconsistency", "error", False),
        ("FZ406", "formulaic-shortcomings", "info", False),
        ("FZ407", "plan-without-targets", "info", False),
        ("FZ408", "placeholder", "error", False),
        ("FZ409", "percentage-points", "warning", False),
        ("FZ410", "task-area-coverage", "info", False),
        ("FZ411", "duties-without-acts", "warning", False),
        ("FZ501", "halfwidth-punctuation", "warning", True),
        ("FZ502", "unbalanced-pairs", "error", False),
        ("FZ503", "law-name-without-book-title", "warning", True),
        ("FZ504", "malformed-date", "error", False),
        ("FZ505", "repeated-punctuation", "warning", True),
        ("FZ506", "unterminated-paragraph", "warning", False),
        ("FZ507", "year-range", "warning", True),
        ("FZ601", "term-substitution", "warning", True),
        ("FZ602", "obsolete-reference", "warning", False),
        ("FZ603", "political-term-form", "error", False),
        ("FZ604", "document-title", "warning", True),
        ("FZ901", "unreadable", "error", False),
        ("FZ902", "empty-document", "error", False),
        ("FZ903", "no-structure", "warning", False),
    ]


@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=lambda r: r.code)
def test_wrong_example_is_found(rule):
    assert rule.code in {code for code, _ in codes(rule.doc.wrong, select=[rule.code])}


@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=lambda r: r.code)
def test_right_example_is_not_found(rule):
    assert codes(rule.doc.right, select=[rule.code]) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_messages_cite_only_what_domain_marks_verified(rule):
    """A rule cites the regulation by name (an article only for 第二十四条) and GB/T
    15834 only through 附录B.3, as DOMAIN.md verifies; GB/T 9704 only for the date."""
    for text in rule.messages.values():
        articles = set(re.findall(r"第[一二三四五六七八九十]+条", text.zh))
        assert articles <= {"第二十四条"}
        if "9704" in text.zh:
            assert rule.code == "FZ304"


def test_every_kind_is_used_by_a_shipped_rule():
    assert {r.kind for r in DOCUMENT_RULES} == {n for n in kinds.names() if not getattr(kinds.get(n), "FOR_USERS", False)}


def test_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert re.search(rf"\|\s*{rule.code}\s*\|\s*{rule.name}\s*\|", readme), rule.code


# -- validation: a bad rule file names the file and the key ------------------

@pytest.mark.parametrize("file,old,new,expected", [
    ("structure.yaml", "severity: error", "severity: fatal", r"structure\.yaml: FZ101\.severity: expected error, warning or info"),
    ("structure.yaml", "kind: required-section", "kind: no-such-kind", r"structure\.yaml: FZ101\.kind: unknown kind 'no-such-kind'"),
    ("structure.yaml", "min_chars: 50", "min_chars: lots", r"structure\.yaml: FZ105\.params\.min_chars: expected int"),
    ("structure.yaml", "min_chars: 50", "min_words: 50", r"FZ105\.params: unknown parameter 'min_words' \(allowed: min_chars, roles\)"),
    ("structure.yaml", "roles: [measures, shortcomings, duties, plan]", "roles: [measures, budget]", r"FZ101\.params: roles: unknown role 'budget'"),
    ("headings.yaml", "code: FZ201", "code: FZ2O1", r"headings\.yaml: rules\[0\]\.code: expected a code like FZ101"),
    ("headings.yaml", "name: numbering-sequence", "name: missing-section", r"missing-section is already defined"),
    ("matter.yaml", "  - code: FZ301", "  - code: FZ301\n    colour: red", r"unknown key 'colour'"),
    ("sections.yaml", "precedence: [duties, shortcomings, plan, other, measures]", "precedence: [duties]", r"sections\.yaml: precedence"),
    ("residue.yaml", "  - '^首\\s*页$'", "  - '^首\\s*页($'", r"residue\.yaml: patterns\[0\]: bad regular expression"),
    ("residue.yaml", "  - '^导\\s*读", "  - '^导(\\s*读", r"residue\.yaml: summary\[1\]: bad regular expression"),
    ("residue.yaml", "list_items:", "list_items: 3\nx:", r"residue\.yaml: list_items: expected a list"),
    ("residue.yaml", "  - '\\s*[-", "  - '(\\s*[-", r"residue\.yaml: title_tails\[0\]: bad regular expression"),
    ("residue.yaml", "\\s*\\][^\\[\\]]*(\\[", "\\s*\\][^\\[\\]]*((\\[", r"residue\.yaml: long_rows\[0\]: bad regular expression"),
    ("residue.yaml", "  - '^[\\u4e00-\\u9fa5]{2,8}(", "  - '^[\\u4e00-\\u9fa5]{2,8}((", r"residue\.yaml: columns\[0\]: bad regular expression"),
    ("residue.yaml", "  - '^[\\u4e00-\\u9fa5]{0,6}(", "  - '^[\\u4e00-\\u9fa5]{0,6}((", r"residue\.yaml: news_columns\[0\]: bad regular expression"),
    ("residue.yaml", "  - '(?i:微信|", "  - '((?i:微信|", r"residue\.yaml: share_items\[0\]: bad regular expression"),
    ("input.yaml", "rules:", "rules: [", r"input\.yaml:\d+: not valid YAML"),
    ("evidence.yaml", "- '有效遏制'", "- '有效遏制('", r"evidence\.yaml: FZ401\.params: bad regular expression"),
    ("evidence.yaml", "- '有效遏制'", "- '.{0,2}有效遏制'", r"FZ401\.params: claims\[3\]: .* must begin with a word"),
    ("evidence.yaml", "completions: ['(全面|圆满|超额)完成']", "completions: ['.?完成']",
     r"FZ401\.params: completions\[0\]: .* must begin with a word"),
    ("evidence.yaml", "not_preceded_by: [每, 每年的]", "not_preceded_by: [每, '']",
     r"FZ404\.params: not_preceded_by: expected a list of words"),
    ("language.yaml", "levels: [宪法]", "levels: [宪法, '']", r"FZ503\.params: levels: expected a list of words"),
])
def test_bad_rule_files_name_file_and_key(rules_copy, file, old, new, expected):
    assert_load_fails(rules_copy, file, old, new, expected)


def test_select_and_ignore_by_code_prefix_and_name():
    rs = ruleset.default()
    assert [r.code for r in rs.select(["FZ2"], None)] == ["FZ201", "FZ202", "FZ203", "FZ204"]
    assert [r.code for r in rs.select(["FZ2"], ["marker-punctuation", "FZ204"])] == ["FZ201", "FZ202"]
    assert rs.unknown_selectors(["FZ2", "FZ7", "no-such-rule", "web-residue"]) == ["FZ7", "no-such-rule"]


def test_parsed_rule_files_are_cached_between_runs_but_never_stale(rules_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = ruleset.load(rules_copy)
    [cache] = (tmp_path / "cache" / "fzlint").glob("rules-*.pickle")
    ruleset._parsed.clear()  # as in a new process: the cache file is all there is
    assert ruleset.load(rules_copy).by_code()["FZ105"].params == first.by_code()["FZ105"].params
    edit(rules_copy / "structure.yaml", "min_chars: 50", "min_chars: 77")
    ruleset._parsed.clear()
    assert ruleset.load(rules_copy).by_code()["FZ105"].params["min_chars"] == 77
    assert len(list((tmp_path / "cache" / "fzlint").glob("rules-*.pickle"))) == 2
    cache.write_bytes(b"not a pickle")
    edit(rules_copy / "structure.yaml", "min_chars: 77", "min_chars: 50")
    ruleset._parsed.clear()
    assert ruleset.load(rules_copy).by_code()["FZ105"].params["min_chars"] == 50


def test_only_the_newest_rule_caches_are_kept(rules_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "fzlint"
    folder.mkdir(parents=True)
    for i in range(12):  # caches of earlier versions and edits, the oldest first
        old = folder / f"rules-old{i:02d}.pickle"
        old.write_bytes(b"")
        os.utime(old, ns=(10**18 + i, 10**18 + i))
    (folder / "re-0000.marshal").write_bytes(b"")  # not a rule cache: left alone
    ruleset._parsed.clear()
    ruleset.load(rules_copy)
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    assert len(kept) == ruleset._KEPT_CACHES
    assert [k for k in kept if k.startswith("rules-old")] == [f"rules-old{i:02d}.pickle" for i in range(5, 12)]
    assert (folder / "re-0000.marshal").exists()
