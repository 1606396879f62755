"""web-residue: lines of web page furniture (rules/residue.yaml, and a page
headline repeating the title) that parse kept out of the structure, and the
page's publication date left at the end of the title's line (variant
title-date) or a field of its metadata run onto it (…报告 - 文号:, variant
title-label)."""

from __future__ import annotations

from ._spans import line_hit

KIND = "web-residue"
PARAMS = {}
VARIANTS = ("default", "title-date", "title-label")


def check(doc, params, ctx):
    for line in doc.residue:
        yield line_hit(line, {"text": line.text[:20]})
    if doc.title_date is not None:
        yield line_hit(doc.title_date, {"text": doc.title_date.text}, "title-date")
    if doc.title_label is not None:
        yield line_hit(doc.title_label, {"text": doc.title_label.text}, "title-label")
