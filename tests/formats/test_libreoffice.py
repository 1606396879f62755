"""Documents made by the real LibreOffice, now: what tests/fixtures/*.docx were
made by (make-libreoffice.sh), run live so that a LibreOffice of today's
making reads as the committed fixtures do. Needs soffice (Debian's
libreoffice-writer-nogui); skipped without it, except in CI."""

from __future__ import annotations

import shutil
import subprocess

from conftest import linter, program, seed, seed_text
from docxbuild import numbered

INSTALL = "apt-get install libreoffice-writer-nogui (Debian's package)"


def convert(tmp_path, source, target: str):
    """soffice --headless --convert-to target, with a profile of its own (a
    running LibreOffice or a parallel test cannot collide with it)."""
    soffice = program("soffice", INSTALL)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", target, "--outdir", str(out), str(source)],
                          capture_output=True, text=True, timeout=180)
    converted = out / f"{source.stem}.{target}"
    assert done.returncode == 0 and converted.is_file(), done.stderr[-2000:]
    return converted


def findings(path, select=None):
    return [(f.code, f.line) for f in linter(select=select).lint_file(str(path)).findings]


def test_a_report_saved_as_docx_by_libreoffice_gives_the_txt_findings(tmp_path):
    text = tmp_path / "000.txt"
    shutil.copyfile(seed(0), text)
    # LibreOffice makes one paragraph of each line, so paragraph N is line N.
    assert findings(convert(tmp_path, text, "docx")) == findings(seed(0))


def test_word_numbering_resaved_by_libreoffice_gives_the_typed_structure(tmp_path):
    structure = ["FZ1", "FZ2"]
    paragraph = numbered(seed_text(0), tmp_path / "numbered.docx")
    resaved = convert(tmp_path, convert(tmp_path, tmp_path / "numbered.docx", "odt"), "docx")
    # LibreOffice writes its own numbering part (一 as taiwaneseCountingThousand);
    # the typed half-width (一) of the text is FZ203's, which Word's numbering cannot have.
    expected = [(code, paragraph[line]) for code, line in findings(seed(0), structure) if code != "FZ203"]
    assert findings(resaved, structure) == expected
