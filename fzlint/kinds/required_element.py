"""required-element: the document has a given element.

Elements: content (anything besides blank lines and web residue), headings (a
heading structure at all), title, recipient (主送机关), date (成文日期),
signature (落款). Only content is checked on an empty document.

A finding on headings says how the text is laid out ({layout}): one undivided
paragraph, or paragraphs none of which stands under a heading.
"""

from __future__ import annotations

from ._spans import end_of_body_hit, line_hit, start_of_body_hit
from ..ruleset import Text
from . import Hit

KIND = "required-element"
PARAMS = {"element": (str, None)}
VARIANTS = ("default",)
HANDLES_EMPTY = True
ELEMENTS = ("content", "headings", "title", "recipient", "date", "signature")


def validate(params, vocabulary):
    if params["element"] not in ELEMENTS:
        return f"element: expected one of {', '.join(ELEMENTS)}, got {params['element']!r}"
    return None


def check(doc, params, ctx):
    element = params["element"]
    if element == "content":
        if doc.is_empty:
            yield Hit(1, 1, 1)
        return
    if doc.is_empty:
        return
    if element == "headings" and not doc.sections:
        n = len(doc.preface)
        layout = (Text("全文是一整段文字", "the report is one undivided text") if n <= 1 else
                  Text(f"全文{n}段文字都不在任何标题之下", f"none of its {n} paragraphs stands under a heading"))
        yield start_of_body_hit(doc, {"layout": layout})
    elif element == "title" and not doc.title:
        yield start_of_body_hit(doc)
    elif element == "recipient" and doc.recipient is None:
        yield line_hit(doc.title[-1]) if doc.title else start_of_body_hit(doc)
    elif element == "date" and doc.date is None:
        yield line_hit(doc.signature[-1]) if doc.signature else (
            line_hit(doc.closing) if doc.closing else end_of_body_hit(doc))
    elif element == "signature" and not doc.signature:
        yield line_hit(doc.date.line) if doc.date else (
            line_hit(doc.closing) if doc.closing else end_of_body_hit(doc))
