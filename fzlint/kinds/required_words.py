"""required-words: every part of a role says at least one of the given words
(regular expressions) in its body and sub-headings; its own heading does not
count. FZ102 uses it to ask a shortcomings part for its causes.

With `passing`, a role that has no part of its own is judged where it stands
in passing (classify's Mentions, which FZ103 reports): the sub-heading's
section, the whole part whose heading joins it to another, or the paragraph
from the run-in item (二是……) that names it up to the next item, or from the
sentence that names it to the end of its section: the paragraphs after such a
sentence tell how (……切实履行第一责任人职责。 then the meetings presided).
All those places together are one text, with one finding at the first. A role
neither present nor mentioned gets no finding (FZ101 reports it). FZ411 uses it
to ask the duties, wherever they stand, for the leaders' concrete acts.
"""

from __future__ import annotations


from ..prose import wording_searcher
from . import Hit, any_of
from ._spans import heading_hit
from .. import recache

KIND = "required-words"
PARAMS = {"role": (str, None), "words": (list, None), "passing": (bool, False)}
VARIANTS = ("default",)

# The next run-in item after a mention's own: where its text ends.
_NEXT_ITEM = recache.compile(r"(?<=[。；;])[ \t]*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十]+[，,、])")


def validate(params, vocabulary):
    if params["role"] not in vocabulary.roles:
        return f"role: unknown role {params['role']!r} (allowed: {', '.join(vocabulary.roles)})"
    return None


def prepare(params):
    # Scanned for the characters the words begin with (prose.wording_searcher): an
    # alternation of expressions is otherwise tried at every place of the text.
    return {**params, "words": wording_searcher(params["words"]) if params["words"] else any_of([])}


def check(doc, params, ctx):
    words = params["words"]
    parts = doc.parts(params["role"])
    for part in parts:
        text = part.body_text()
        if text.strip() and not words.search(text):
            yield heading_hit(part, {"title": part.title})
    if parts or not params["passing"]:
        return
    mentions = [m for m in doc.mentions if m.role == params["role"]]
    texts = [_text_of(doc, m) for m in mentions]
    if mentions and any(t.strip() for t in texts) and not any(words.search(t) for t in texts):
        m = mentions[0]
        yield Hit(m.line, m.column, m.end_column, {"title": m.text if m.how != "paragraph" else m.text[:20]})


def _text_of(doc, mention) -> str:
    """What a mention holds of its role (see the module's docstring)."""
    for part in doc.sections:
        if mention.how == "heading" and part.line == mention.line:
            return part.body_text()
        for section in part.walk():
            if section.line == mention.line and mention.how == "subheading" and section is not part:
                return section.body_text()
            if mention.how in ("paragraph", "closing-paragraph"):
                for i, p in enumerate(section.paragraphs):
                    if p.line == mention.line and p.column <= mention.column <= p.end_column:
                        start = mention.column - p.column
                        end = _NEXT_ITEM.search(p.text, start + len(mention.text))
                        if end is not None:
                            return p.text[start:end.start()]
                        return "\n".join([p.text[start:], *(q.text for q in section.paragraphs[i + 1:])])
    return ""
