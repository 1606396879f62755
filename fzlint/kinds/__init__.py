"""Rule kinds: one module per kind, found by scanning this package.

A kind module declares
  KIND      its name as rule files write it (kebab-case);
  PARAMS    {parameter: (type, default)}; a default of None means required;
  VARIANTS  the message variants it uses (rule files must give each);
  check(doc, params, ctx)  a generator of Hit;
and may declare FOR_USERS = True when it is a generic kind for rules users
write in their own rule files (pattern, substitution, required-heading), which
no shipped rule needs; validate(params, vocabulary) -> problem or None; prepare(params)
-> params, which compiles what the parameters describe once when the rule
loads (re.error and ValueError are reported with the rule's file and key) and
whose result is what check() receives (a prepare that takes two arguments,
prepare(params, vocabulary), also receives the Vocabulary, for kinds whose data
lives in a vocabulary file such as rules/terms.yaml); and HANDLES_EMPTY = True
when it has something to say about a document with no content (all other
kinds are not run on such a document).
A rule instance in rules/*.yaml binds a kind to a code, severity, messages and
parameter values; the same kind can serve several rules.
"""

from __future__ import annotations

import importlib
import re
import pkgutil
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from .. import recache

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Fix
    from ..prose import FigureFinder
    from ..ruleset import Vocabulary


class Hit(NamedTuple):
    """What a kind found: a span, the message variant and its arguments. (A
    named tuple: immutable and several times cheaper to make than a frozen
    dataclass, which counts when a rule reports every line of a draft.)"""

    line: int
    column: int
    end_column: int
    args: dict = {}  # noqa: RUF012 - never mutated
    variant: str = "default"
    fix: "Fix | None" = None
    end_line: int = 0  # 0: same as line


@dataclass(frozen=True)
class Context:
    """What every rule's check() is given besides the document and its params."""

    vocabulary: "Vocabulary"
    today: date
    figures: "FigureFinder"  # compiled from the vocabulary once per run


def any_of(patterns: list[str]) -> re.Pattern | None:
    """One pattern matching any of the regular expressions, or None for none."""
    return recache.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def validate_roles(roles: list, vocabulary: "Vocabulary") -> str | None:
    """The problem with a roles parameter, for a kind's validate(), or None."""
    unknown = [r for r in roles if r not in vocabulary.roles]
    return f"roles: unknown role {unknown[0]!r} (allowed: {', '.join(vocabulary.roles)})" if unknown else None


@lru_cache(maxsize=1)
def _registry() -> dict[str, ModuleType]:
    registry = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        registry[module.KIND] = module
    return registry


def get(name: str) -> ModuleType | None:
    return _registry().get(name)


def names() -> list[str]:
    return sorted(_registry())
