"""Where the shipped data lives: rules/*.yaml and grammar/report.lark.

In a wheel both directories are installed inside the package (fzlint/rules,
fzlint/grammar); in a source checkout they stand beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fzlint is installed without its {name}/ directory")


def rules_dir() -> Path:
    return data_dir("rules")


def grammar_path() -> Path:
    return data_dir("grammar") / "report.lark"
