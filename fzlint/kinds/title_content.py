"""title-content: the title block says what each requirement's pattern asks
(reporting body, year, 法治政府建设……报告); one finding lists what is missing."""

from __future__ import annotations

import re

from ..ruleset import Text
from . import Hit
from .. import recache

KIND = "title-content"
PARAMS = {"requirements": (list, None)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    for i, req in enumerate(params["requirements"]):
        if not isinstance(req, dict) or set(req) != {"pattern", "what"}:
            return f"requirements[{i}]: expected the keys pattern and what (zh/en)"
        try:
            recache.compile(req["pattern"])
        except re.error as exc:
            return f"requirements[{i}].pattern: bad regular expression: {exc}"
    return None


def prepare(params):
    return {**params, "requirements": [(recache.compile(r["pattern"]), r["what"]) for r in params["requirements"]]}


def check(doc, params, ctx):
    if not doc.title:
        return
    text = doc.title_text
    missing = [what for pattern, what in params["requirements"] if not pattern.search(text)]
    if missing:
        first, last = doc.title[0], doc.title[-1]
        yield Hit(first.number, first.column, last.end_column,
                  {"missing": Text("、".join(m["zh"] for m in missing), ", ".join(m["en"] for m in missing)),
                   "title": text},
                  end_line=last.number)
