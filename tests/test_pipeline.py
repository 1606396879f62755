"""The stages in order for one text: the collector held off while it is linted."""

from __future__ import annotations

import gc

import pytest

from conftest import linter
from fzlint.model import Source


def _source(text: str) -> Source:
    return Source("draft.txt", text, "utf-8")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_held_off_while_a_text_is_linted_and_left_as_it_was(enabled, monkeypatch):
    lint = linter()
    seen = []
    document = lint.document
    monkeypatch.setattr(lint, "document", lambda source: (seen.append(gc.isenabled()), document(source))[1])
    (gc.enable if enabled else gc.disable)()
    try:
        result = lint.lint_source(_source("一、甲\n乙\n"))
        assert seen == [False] and gc.isenabled() is enabled
        assert [f.code for f in result.findings][:1] == ["FZ105"]
    finally:
        gc.enable()


def test_the_collector_runs_again_after_a_failure(monkeypatch):
    lint = linter()

    def broken(source):
        raise RuntimeError("broken")

    monkeypatch.setattr(lint, "document", broken)
    with pytest.raises(RuntimeError):
        lint.lint_source(_source("一、甲\n"))
    assert gc.isenabled()
