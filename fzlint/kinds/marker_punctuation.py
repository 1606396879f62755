"""marker-punctuation: a heading marker punctuated as GB/T 15834-2011 附录B.3
asks: 一、 （一） 1. （1）, with full-width brackets and nothing after a bracket.
Fixable: the marker is replaced by its canonical form, unless that would
unmake the heading (1、 before a digit: 1.2023年 reads as a decimal)."""

from __future__ import annotations

from ..model import Fix
from . import Hit

KIND = "marker-punctuation"
PARAMS = {}
VARIANTS = ("default", "after-bracket", "bracket-width", "arabic-separator")


def _variant(marker) -> str:
    text = marker.text.rstrip()
    if marker.family.startswith("paren") and text[-1] not in ")）":
        return "after-bracket"
    if marker.family.startswith("paren"):
        return "bracket-width"
    if marker.family == "arabic":
        return "arabic-separator"
    return "default"


def check(doc, params, ctx):
    for section in doc.headings():
        marker = section.heading.marker
        if marker is None or not marker.faulty:
            continue
        # No fix where the canonical form would unmake the heading (1、2023年 → 1.2023年):
        # the finding stands, and the writer rewords the line.
        fix = Fix(section.line, marker.column, marker.end_column, marker.canonical) if marker.rewritable else None
        yield Hit(section.line, marker.column, marker.end_column,
                  {"found": marker.text, "expected": marker.canonical}, _variant(marker), fix)
