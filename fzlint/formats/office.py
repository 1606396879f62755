"""Word's and WPS's other formats: .doc, .wps (WPS Office saves a .doc under
this name), .odt, .rtf and the templates .dot/.wpt.

Each is converted to .docx by LibreOffice (libreoffice.py) and read by
docx.py, so Word's automatic numbering and heading styles count exactly as
they do in a .docx, and a finding's line is the paragraph's number. The
format is known by content first (an OLE compound file, an OpenDocument
package, an RTF header), so a .doc saved as .docx or .wps is read as what it
is; an encrypted Word package (an OLE file holding an EncryptedPackage) is
refused before LibreOffice is asked.
"""

from __future__ import annotations

import dataclasses
import os
import stat

from ..limits import MAX_FILE_BYTES
from ..model import Source
from . import OFFICE, OLE, RTF, FormatError, docx, libreoffice

_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream of an encrypted .docx


# LibreOffice's import filter for each kind of content: Word 97-2003 (what WPS
# saves as .doc or .wps too), RTF, OpenDocument Text.
_FILTERS = {".doc": "MS Word 97", ".rtf": "Rich Text Format", ".odt": "writer8"}


def _kind(data: bytes) -> str:
    """The suffix LibreOffice is given, by content (formats.OFFICE has matched it)."""
    if data.startswith(OLE):
        return ".doc"
    return ".rtf" if data.startswith(RTF) else ".odt"


def read(path: str, data: bytes) -> Source:
    kind, converted = to_docx(data)
    source = docx.read(path, converted)
    return dataclasses.replace(source, format=kind[1:])


def to_docx(data: bytes) -> tuple[str, bytes]:
    """(the kind by content: .doc, .rtf or .odt; the document converted to
    .docx by LibreOffice); raises FormatError. annotate.py writes its
    comments into the converted .docx."""
    kind = _convertible(data)
    return kind, libreoffice.convert(data, kind, _FILTERS[kind], "docx")


def _convertible(data: bytes) -> str:
    """The kind of an office document LibreOffice may be given; raises
    FormatError for content that is none, or an encrypted Word package."""
    if not OFFICE.match(data):
        raise FormatError("文件内容与扩展名不符：不是 Word/WPS（.doc/.wps）、OpenDocument（.odt）或 RTF 文档",
                          "the content does not match the name: not a Word/WPS (.doc/.wps), OpenDocument (.odt) "
                          "or RTF document")
    kind = _kind(data)
    if kind == ".doc" and _ENCRYPTED in data[:1 << 20]:
        raise FormatError("文档已加密（设有打开密码），无法读取：请取消密码后另存为 .docx",
                          "the document is encrypted (it has a password to open); remove the password and save it "
                          "as .docx")
    return kind


def ahead(paths: list[str], jobs: int):
    """A context in which the files among paths that LibreOffice must convert
    are converted already, many a run (libreoffice.ahead). A file that cannot
    be read here, or whose content is no office document LibreOffice may be
    given, is left for read() to say why."""
    items = []
    for path in paths:
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                continue
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            kind = _convertible(data)
        except (OSError, FormatError):
            continue
        items.append((data, kind, _FILTERS[kind]))
    return libreoffice.ahead(items, jobs)
