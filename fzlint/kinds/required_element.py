"""required-element: the document has a given element.

Elements: content (anything besides blank lines and web residue), headings (a
heading structure at all), title, recipient (主送机关), date (成文日期),
signature (落款). Only content is checked on an empty document.

A finding on headings says how the text is laid out ({layout}): one undivided
paragraph, or paragraphs none of which stands under a heading, and that the
report's required parts cannot be checked until its parts have headings on
lines of their own (required-section is silent on such a text). A text whose
level-1 heading stands run into a paragraph (……报告如下：一、坚持党的领导……,
doc.run_in_heading) is told so instead, at that heading.
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
    if element == "headings" and not doc.sections and doc.run_in_heading is not None:
        run_in = doc.run_in_heading
        layout = Text(f"标题“{run_in.text}……”写在段落之中，没有单独成行，在此之前无法核对报告是否具备规定的各部分",
                      f"the heading “{run_in.text}…” stands inside a paragraph, not on a line of its own, "
                      "and until it does the report's required parts cannot be checked")
        yield Hit(run_in.line, run_in.column, run_in.end_column, {"layout": layout})
    elif element == "headings" and not doc.sections:
        n = len(doc.preface)
        zh, en = (("全文是一整段文字", "the report is one undivided text") if n <= 1 else
                  (f"全文{n}段文字都不在任何标题之下", f"none of its {n} paragraphs stands under a heading"))
        layout = Text(f"{zh}，在各部分的标题单独成行之前无法核对报告是否具备规定的各部分",
                      f"{en}, and until the parts have headings on lines of their own the report's required "
                      "parts cannot be checked")
        yield start_of_body_hit(doc, {"layout": layout})
    elif element == "title" and not doc.title:
        yield start_of_body_hit(doc)
    elif element == "recipient" and doc.recipient is None:
        # where the recipient belongs: under the title and its 题注 (……会议上)
        above = doc.caption or doc.title
        yield line_hit(above[-1]) if above else start_of_body_hit(doc)
    elif element == "date" and doc.date is None:
        yield line_hit(doc.signature[-1]) if doc.signature else (
            line_hit(doc.closing) if doc.closing else end_of_body_hit(doc))
    elif element == "signature" and not doc.signature:
        yield line_hit(doc.date.line) if doc.date else (
            line_hit(doc.closing) if doc.closing else end_of_body_hit(doc))
