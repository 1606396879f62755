"""Sibling groups: the headings that share a parent, in order."""

from __future__ import annotations

from ..model import Document, Section


def sibling_groups(doc: Document):
    """Yield each list of sibling sections: the top-level parts, then each section's children."""
    if doc.sections:
        yield doc.sections
    for top in doc.sections:
        for section in top.walk():
            if section.children:
                yield section.children


def numbered(group: list[Section]) -> list[Section]:
    return [s for s in group if s.heading.marker is not None]
