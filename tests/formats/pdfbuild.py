"""Making PDFs in tests: by the real LibreOffice from a .txt or a .docx (with
a running header and page numbers in the footer, a centred title set large,
first-line indents, justified text, as a report is printed), and by hand,
byte by byte, where no program makes what a test needs (a scan: pages that
are only an image; a page tree that promises more pages than it has)."""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from conftest import program

INSTALL = "apt-get install libreoffice-writer-nogui (Debian's package)"
ENCRYPT = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
           '"DocumentOpenPassword":{"type":"string","value":"x"}}')
RESTRICT = ('pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},'
            '"PermissionPassword":{"type":"string","value":"x"}}')


def soffice_pdf(folder: Path, sources: list[Path], target: str = "pdf") -> list[Path]:
    """The PDFs LibreOffice makes of sources, in one run, with a profile of its own."""
    soffice = program("soffice", INSTALL)
    out = folder / "pdf"
    out.mkdir(exist_ok=True)
    done = subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                           "--convert-to", target, "--outdir", str(out), *map(str, sources)],
                          capture_output=True, text=True, timeout=300)
    made = [out / f"{source.stem}.pdf" for source in sources]
    assert done.returncode == 0 and all(p.is_file() for p in made), done.stderr[-2000:]
    return made


def printed(text: str, path: Path, header: str | None = "某区人民政府法治政府建设年度报告",
            footer: tuple[str, str] = ("— ", " —"), title_lines: int = 2) -> list[str]:
    """A .docx of text's non-blank lines laid out as a printed report: the
    first title_lines centred at 22 pt, the rest at 16 pt justified with a
    two-character first-line indent, a running header, and the page number
    between footer's two halves (— 3 —, 第 3 页 …). Returns its paragraphs."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Noto Serif CJK SC"
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(footer[0])
    foot._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    foot.add_run(footer[1])
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines):
        paragraph = document.add_paragraph(line)
        if n < title_lines:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.runs[0].font.size = Pt(22)
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Pt(32)
    document.save(path)
    return lines


def by_hand(pages: list[bytes], image: bool = False, count: int | None = None) -> bytes:
    """A PDF whose pages draw the given content streams (b"" for an empty
    page), each with the same small grey image as /Im0 when image is set;
    count, when given, is the page count the page tree claims."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    resources = b"<< >>"
    if image:
        pixels = zlib.compress(bytes(range(64)) * 64)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels)
                       + pixels + b"\nendstream")
        resources = b"<< /XObject << /Im0 %d 0 R >> >>" % len(objects)
    kids = []
    for content in pages:
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                       % (resources, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages) if count is None else count)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


IMAGE_PAGE = b"q 500 0 0 700 40 70 cm /Im0 Do Q"
