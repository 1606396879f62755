"""The formats a draft comes in, one module each, and the table read.py consults.

TABLE declares each format: the module that reads it (imported only when a
file is read by it, so that a run over .txt files loads no reader of Word
files or web pages), the extensions it claims, and the content it claims
whatever the file's name (a .txt that is really a .docx, a .doc saved as
.docx or .wps). choose() asks the contents in the table's order, then the
extensions; text.py reads whatever no other format claims. Each module's
read(path, data) -> Source raises FormatError with a one-line reason.

docx.py, html.py, office.py (.doc, .wps, .odt, .rtf through LibreOffice, the
one converter: libreoffice.py), pdf.py (the text layer, with pypdfium2) and
text.py turn a file into a Source whose
lines are paragraphs (with LineHints for headings and table cells);
markdown.py tells parse.py what of a .md file is not text. Every format
reaches the same Document, so every rule works unchanged.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
from typing import NamedTuple

from .. import recache


class FormatError(Exception):
    """A file its format's reader cannot read; zh and en say why in one line."""

    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh, self.en = zh, en


class Format(NamedTuple):
    module: str  # formats/<module>.py, with read(path, data) -> Source
    suffixes: tuple[str, ...]  # lower case
    content: re.Pattern | None = None  # matched at the start of the bytes: the format whatever the name
    confirm: bool = False  # content only says it may be: the module's sniff(data) decides
    converted: bool = False  # read through LibreOffice: seconds a file, not milliseconds


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .doc, .wps, an encrypted .docx
RTF = b"{\\rtf"
ODT = rb"PK\x03\x04.{26}mimetypeapplication/vnd\.oasis\.opendocument\.text"  # its first entry, stored
OFFICE = recache.compile(re.escape(OLE) + b"|" + re.escape(RTF) + b"|" + ODT, re.S)
# In the order their contents are asked: the binary formats, whose signatures
# cannot be mistaken (an OpenDocument package, a zip like a .docx, before the
# .docx), then the web page; plain text last, claiming what nothing else does.
TABLE = (
    Format("office", (".doc", ".dot", ".wps", ".wpt", ".odt", ".rtf"), OFFICE, converted=True),
    Format("docx", (".docx",), recache.compile(rb"PK\x03\x04")),
    Format("pdf", (".pdf",), recache.compile(rb"%PDF-")),
    Format("html", (".html", ".htm"), recache.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n<]"), confirm=True),
    Format("text", (".txt", ".md", ".markdown")),
)
SUFFIXES = tuple(s for f in TABLE for s in f.suffixes)  # a folder's drafts: every one checked or reported


CONVERTED = frozenset(s for f in TABLE if f.converted for s in f.suffixes)


def converted(path: str) -> bool:
    """Whether a file's name says it is read through LibreOffice (seconds a file)."""
    return os.path.splitext(path)[1].lower() in CONVERTED


def ahead(paths: list[str], jobs: int):
    """A context for linting paths in which the files LibreOffice converts
    are converted already, many a run of it (office.ahead)."""
    slow = [p for p in paths if converted(p)]
    if not slow:
        return contextlib.nullcontext()
    from . import office

    return office.ahead(slow, jobs)


def choose(path: str, data: bytes) -> Format:
    """The format of a file: by content where a format recognises it, else by
    extension, else plain text."""
    for entry in TABLE:
        if entry.content is not None and entry.content.match(data) and (not entry.confirm
                                                                         or reader(entry).sniff(data)):
            return entry
    suffix = os.path.splitext(path)[1].lower()
    return next((f for f in TABLE if suffix in f.suffixes), TABLE[-1])


def reader(entry: Format):
    return importlib.import_module(f"{__name__}.{entry.module}")


def read(path: str, data: bytes):
    """The Source of a file by its format; raises FormatError."""
    return reader(choose(path, data)).read(path, data)
