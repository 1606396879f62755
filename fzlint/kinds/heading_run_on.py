"""heading-run-on: a heading of the listed levels whose phrase (up to the
first 。！？ or the end of the line) is longer than max_chars: its 。 is
missing and the body ran into it."""

from __future__ import annotations

from . import Hit

KIND = "heading-run-on"
PARAMS = {"levels": (list, [1, 2]), "max_chars": (int, 50)}
VARIANTS = ("default",)


def check(doc, params, ctx):
    for section in doc.headings():
        h = section.heading
        if section.level in params["levels"] and len(h.title) > params["max_chars"]:
            yield Hit(h.number, h.column, h.title_column + len(h.title),
                      {"chars": len(h.title), "max": params["max_chars"], "start": h.title[:12]})
