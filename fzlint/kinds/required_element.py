"""required-element: the document has a given element.

Elements: content (anything besides blank lines and web residue), headings (a
heading structure at all), title, recipient (主送机关), date (成文日期),
signature (落款). Only content is checked on an empty document.
"""

from __future__ import annotations

from ._spans import end_of_body_hit, line_hit, start_of_body_hit
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
        yield start_of_body_hit(doc)
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
