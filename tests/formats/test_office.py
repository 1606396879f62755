"""formats/office.py and formats/libreoffice.py: .doc, .wps, .odt and .rtf read
through the real LibreOffice (skipped without it, except in CI), and the
formats table that chooses a reader by content before name."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import tempfile
import time

import pytest
from click.testing import CliRunner

from conftest import linter, program, seed, seeds
from fzlint import formats, read
from fzlint.cli import main
from fzlint.formats import libreoffice

INSTALL = "apt-get install libreoffice-writer-nogui (Debian's package)"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT = b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text"


# -- the table ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,module", [
    ("a.doc", OLE + b"\0" * 100, "office"),
    ("a.wps", OLE + b"\0" * 100, "office"),
    ("a.docx", OLE + b"\0" * 100, "office"),  # a .doc saved under the new name, or an encrypted .docx
    ("a.txt", b"{\\rtf1\\ansi hello}", "office"),  # an RTF file whatever its name
    ("a.docx", ODT, "office"),  # an OpenDocument package is a zip too, but not a .docx
    ("a.txt", b"PK\x03\x04rest", "docx"),
    ("a.odt", b"PK\x03\x04rest", "docx"),  # a zip that is no OpenDocument: the .docx reader says what it is
    ("a.txt", b"<!DOCTYPE html><html>", "html"),
    ("a.htm", "正文".encode(), "html"),
    ("a.doc", "正文".encode(), "office"),  # by name: office.read says the content is not what the name says
    ("a.md", b"# x", "text"),
    ("a.unknown", b"x", "text"),
])
def test_the_table_chooses_by_content_then_by_name(name, data, module):
    assert formats.choose(name, data).module == module


def test_every_suffix_of_the_table_is_a_draft_in_a_folder():
    assert {".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".doc", ".wps", ".odt", ".rtf", ".dot",
            ".wpt"} <= set(formats.SUFFIXES)


def test_a_name_that_promises_a_word_file_with_text_in_it_is_refused_by_name():
    with pytest.raises(read.ReadError) as info:
        read.from_bytes("a.doc", "正文".encode())
    assert "文件内容与扩展名不符" in info.value.zh


def test_an_encrypted_word_package_is_refused_before_libreoffice_is_asked(monkeypatch):
    monkeypatch.setenv(libreoffice.ENV, "/nonexistent/soffice")  # would be said if it were asked
    with pytest.raises(read.ReadError) as info:
        read.from_bytes("a.docx", OLE + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"))
    assert "文档已加密" in info.value.zh and "password" in info.value.en


# -- without LibreOffice --------------------------------------------------------------------------------

def test_without_libreoffice_fz901_says_what_to_install_or_how_to_save(tmp_path, monkeypatch):
    monkeypatch.delenv(libreoffice.ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no libreoffice
    draft = tmp_path / "甲区.doc"
    draft.write_bytes(OLE + b"\0" * 512)
    result = CliRunner().invoke(main, ["--no-color", str(draft)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = [ln for ln in result.output.splitlines() if "FZ901" in ln]
    assert "需要 LibreOffice" in line and "apt install libreoffice-writer-nogui" in line and "另存为 .docx" in line


def test_a_configured_program_that_is_not_there_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(libreoffice.ENV, str(tmp_path / "soffice"))
    with pytest.raises(read.ReadError) as info:
        read.from_bytes("a.doc", OLE + b"\0" * 512)
    assert f"{libreoffice.ENV}={tmp_path / 'soffice'}" in info.value.zh


def test_a_conversion_that_hangs_is_killed_with_its_children_and_its_folder_removed(tmp_path, monkeypatch):
    # A stand-in for soffice that never finishes and leaves a child behind,
    # as soffice (a script that starts soffice.bin) would.
    fake = tmp_path / "soffice"
    pids = tmp_path / "pids"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pids}\nsleep 60\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(libreoffice.ENV, str(fake))
    monkeypatch.setattr(libreoffice, "CONVERSION_SECONDS", 1)
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    with pytest.raises(read.ReadError) as info:
        read.from_bytes("a.doc", OLE + b"\0" * 512)
    assert "转换超时" in info.value.zh
    assert list(work.iterdir()) == []  # the private folder is gone
    child = int(pids.read_text())
    deadline = time.monotonic() + 5  # SIGKILL is delivered, not waited for
    while _state(child) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _state(child) in (None, "Z")  # gone, or dead and not yet reaped by init


def _state(pid: int) -> str | None:
    """A process's state letter from /proc (R, S, Z …), None when there is none."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return None


# -- with the real LibreOffice ----------------------------------------------------------------------------

def _convert(folder, target, sources):
    soffice = program("soffice", INSTALL)
    done = subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                           "--convert-to", target, "--outdir", str(folder), *map(str, sources)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The five seeds as LibreOffice saves them: .doc, .odt, .rtf (one run of soffice a format)."""
    program("soffice", INSTALL)
    folder = tmp_path_factory.mktemp("office")
    texts = []
    for number in range(len(seeds())):
        texts.append(folder / f"{number}.txt")
        shutil.copyfile(seed(number), texts[-1])
    for target in ("doc", "odt", "rtf"):
        _convert(folder, target, texts)
    return folder


def findings(path):
    return [(f.code, f.line) for f in linter().lint_file(str(path)).findings]


@pytest.mark.parametrize("number", range(5))
def test_a_seed_saved_as_doc_gives_the_txt_findings(made, number):
    # LibreOffice makes one paragraph of each line, so paragraph N is line N.
    assert findings(made / f"{number}.doc") == findings(seed(number))


@pytest.mark.parametrize("suffix,number", [(".odt", 0), (".rtf", 3)])
def test_a_seed_saved_as_odt_or_rtf_gives_the_txt_findings(made, suffix, number):
    assert findings(made / f"{number}{suffix}") == findings(seed(number))


def test_a_doc_saved_under_wps_or_docx_is_read_as_the_doc_it_is(made, tmp_path):
    for name in ("丙区.wps", "丙区.docx"):
        shutil.copyfile(made / "2.doc", tmp_path / name)
        assert findings(tmp_path / name) == findings(seed(2))


def test_a_damaged_doc_is_one_line_of_fz901_and_the_next_file_is_checked(made, tmp_path):
    program("soffice", INSTALL)
    (tmp_path / "甲区.doc").write_bytes(OLE + os.urandom(4096))
    shutil.copyfile(seed(0), tmp_path / "乙区.txt")
    result = CliRunner().invoke(main, ["--no-color", "--format", "concise", str(tmp_path)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = [ln for ln in result.output.splitlines() if "FZ901" in ln]
    assert line.startswith(str(tmp_path / "甲区.doc")) and "LibreOffice 无法读取" in line
    assert any(ln.startswith(str(tmp_path / "乙区.txt")) for ln in result.output.splitlines())


def test_a_folder_of_submissions_checks_every_one(made, tmp_path):
    shutil.copyfile(made / "0.doc", tmp_path / "甲区.doc")
    shutil.copyfile(made / "1.doc", tmp_path / "丙区.wps")
    shutil.copyfile(made / "2.odt", tmp_path / "丁区.odt")
    shutil.copyfile(seed(3), tmp_path / "戊区.TXT")
    (tmp_path / "说明.xlsx").write_bytes(b"PK\x03\x04")  # not a submission's extension
    result = CliRunner().invoke(main, ["--no-color", "--format", "json", str(tmp_path)], env={"NO_COLOR": "1"})
    import json

    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert sorted(os.path.basename(p) for p in paths) == sorted(["甲区.doc", "丙区.wps", "丁区.odt", "戊区.TXT"])


# -- conversions made ahead for a batch ---------------------------------------------------------------------

def _counting_soffice(tmp_path, monkeypatch):
    """FZLINT_SOFFICE as a wrapper that logs each run of the real soffice."""
    real = program("soffice", INSTALL)
    log = tmp_path / "runs.log"
    wrapper = tmp_path / "soffice-counting"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(libreoffice.ENV, str(wrapper))
    return lambda: len(log.read_text().splitlines()) if log.exists() else 0


def test_a_batch_is_converted_a_run_of_libreoffice_a_filter_and_the_findings_are_the_same(made, tmp_path,
                                                                                          monkeypatch):
    runs = _counting_soffice(tmp_path, monkeypatch)
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(5):
        shutil.copyfile(made / f"{number}.doc", folder / f"{number}.doc")
    shutil.copyfile(made / "3.rtf", folder / "3r.rtf")
    shutil.copyfile(made / "0.doc", folder / "0copy.doc")  # the same bytes: converted once
    (folder / "损坏.doc").write_bytes(OLE + os.urandom(2048))
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    result = CliRunner().invoke(main, ["--no-color", "--format", "json", "--jobs", "2", str(folder)],
                                env={"NO_COLOR": "1"})
    import json

    files = {os.path.basename(f["path"]): [(d["code"], d["line"]) for d in f["diagnostics"]]
             for f in json.loads(result.output)["files"]}
    for number in range(5):
        assert files[f"{number}.doc"] == findings(seed(number))
    assert files["0copy.doc"] == files["0.doc"] and files["3r.rtf"] == files["3.doc"]
    [(code, _)] = files["损坏.doc"]
    assert code == "FZ901"
    # one run for the .doc files, one for the .rtf, one for the damaged file alone (which says why)
    assert runs() == 3
    assert list(work.iterdir()) == [] and libreoffice.AHEAD_ENV not in os.environ


# -- a run stopped while LibreOffice converts ----------------------------------------------------------------

def _stopped_run(tmp_path, command):
    """fzlint command (its arguments) in a process of its own with a private
    TMPDIR, on a draft.doc, with a stand-in soffice that hangs (its pid in a
    file, then exec: the pid is the hanging process); returns (the fzlint
    process, the stand-in's pid, the TMPDIR) once the stand-in runs."""
    import sys

    fake, pid_file, work = tmp_path / "soffice", tmp_path / "pid", tmp_path / "tmp"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}.new\nmv {pid_file}.new {pid_file}\nexec sleep 777\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    work.mkdir()
    (tmp_path / "draft.doc").write_bytes(OLE + b"\0" * 512)
    env = {**os.environ, libreoffice.ENV: str(fake), "TMPDIR": str(work), "NO_COLOR": "1"}
    env.pop(libreoffice.AHEAD_ENV, None)
    process = subprocess.Popen([sys.executable, "-m", "fzlint", *command], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not pid_file.exists():
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    return process, int(pid_file.read_text()), work


def _gone(pid: int, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while _state(pid) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    return _state(pid) in (None, "Z")


@pytest.mark.parametrize("signum,command", [
    (15, ["--no-config", "draft.doc"]),  # check: the conversion made ahead for the batch
    (1, ["--no-config", "draft.doc"]),
    (15, ["outline", "draft.doc"]),  # one conversion alone
    (15, ["annotate", "draft.doc", "-o", "out"]),
])
def test_sigterm_or_sighup_during_a_conversion_kills_soffice_and_removes_the_folder(tmp_path, signum, command):
    process, soffice, work = _stopped_run(tmp_path, command)
    assert list(work.iterdir())  # the private folder is there while it converts
    process.send_signal(signum)
    try:
        _, err = process.communicate(timeout=10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(soffice, 9)  # no sleep left behind by a failing test
    assert process.returncode == 128 + signum and "Traceback" not in err
    assert _gone(soffice)
    assert list(work.iterdir()) == []


def test_ctrl_c_during_a_conversion_exits_130_with_one_line_and_cleans_up(tmp_path):
    process, soffice, work = _stopped_run(tmp_path, ["--no-config", "draft.doc"])
    process.send_signal(2)
    try:
        out, err = process.communicate(timeout=10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(soffice, 9)
    assert process.returncode == 130
    assert [line for line in err.splitlines() if line] == ["fzlint: 已中断 / interrupted"] and out == ""
    assert _gone(soffice) and list(work.iterdir()) == []


def test_soffice_dies_with_a_parent_killed_outright(tmp_path):
    # SIGKILL runs no clean-up (the folder stays), but soffice must not run on.
    if not os.path.exists("/proc/self/stat"):
        pytest.skip("PR_SET_PDEATHSIG is Linux's")
    process, soffice, work = _stopped_run(tmp_path, ["outline", "draft.doc"])
    process.kill()
    process.communicate(timeout=10)
    try:
        assert _gone(soffice)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(soffice, 9)


def test_the_signal_handlers_are_only_there_while_converting():
    import signal

    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    with libreoffice._stoppable():
        assert signal.getsignal(signal.SIGTERM) is libreoffice._stop
        assert signal.getsignal(signal.SIGHUP) is libreoffice._stop
    assert {s: signal.getsignal(s) for s in before} == before


# -- Word's automatic numbering and heading styles through a .doc ----------------------------------------------

def _styled(text: str, path) -> None:
    """A .docx of text's non-blank lines whose level-1 headings carry no typed
    marker but Word's Heading 1 style (the title in Title), as a drafter who
    picks 标题 1 from the style gallery writes them."""
    import docx

    from docxbuild import MARKERS

    document = docx.Document()
    first = True
    for line in text.split("\n"):
        if not line.strip():
            continue
        m = MARKERS[0][1].match(line.strip())
        if first:
            document.add_paragraph(line, style="Title")
            first = False
        elif m:
            document.add_heading(line.strip()[m.end():], level=1)
        else:
            document.add_paragraph(line)
    document.save(path)


@pytest.fixture(scope="module")
def word_made(tmp_path_factory):
    """.docx files with Word's automatic numbering (seed 0 with its third part
    in a list of its own, restarting at 一: a numbering fault; seed 3) and with
    Heading styles (seed 1), and the .doc LibreOffice saves of each (one run)."""
    from conftest import seed_text
    from docxbuild import numbered

    program("soffice", INSTALL)
    folder = tmp_path_factory.mktemp("word")
    numbered(seed_text(0), folder / "n0.docx", restart_at=21)
    numbered(seed_text(3), folder / "n3.docx")
    _styled(seed_text(1), folder / "h1.docx")
    sources = sorted(folder.glob("*.docx"))
    _convert(folder, "doc", sources)
    return folder


# LibreOffice 7.4 reads the .doc's restarted list right (it prints 一、不足和原因,
# 二、下一年度…), but the .docx it converts the .doc to puts the paragraph after
# the restart in a list of its own (another w:num, no override), which Word
# and fzlint number 一、 again: a second FZ201 that the .docx does not have.
RESTART_LOST = ("LibreOffice's .doc -> .docx conversion puts the paragraph after a restarted list in a list of its "
                "own (shown 一、 again), so a .doc gives one more FZ201 than its .docx")


@pytest.mark.parametrize("name", ["n3", "h1", pytest.param("n0", marks=pytest.mark.xfail(strict=True,
                                                                                          reason=RESTART_LOST))])
def test_word_numbering_and_heading_styles_survive_a_doc_conversion(word_made, name):
    docx_result = linter().lint_file(str(word_made / f"{name}.docx"))
    doc_result = linter().lint_file(str(word_made / f"{name}.doc"))
    assert [(f.code, f.line) for f in doc_result.findings] == [(f.code, f.line) for f in docx_result.findings]
    outline = [(s.level, s.number, s.title, s.role, s.line) for s in doc_result.document.headings()]
    assert outline == [(s.level, s.number, s.title, s.role, s.line) for s in docx_result.document.headings()]
    assert doc_result.source.lines == docx_result.source.lines  # the markers Word shows are in the text
    if name == "n3":  # the markers are Word's: none is typed in the .docx
        assert docx_result.findings and sum(line.startswith("一、") for line in doc_result.source.lines) == 1
    if name == "h1":  # the parts are found by their Heading 1 style alone, no marker typed
        sections = [(s.level, s.role, s.line) for s in docx_result.document.sections]
        assert len([s for s in sections if s[0] == 1 and s[1]]) >= 3
        assert [(s.level, s.role, s.line) for s in doc_result.document.sections] == sections


def test_a_list_restarting_at_one_is_still_the_numbering_fault_in_a_doc(word_made):
    # Paragraph 21 (不足和原因) starts a second list at 一、: FZ201 there, in the .docx and the .doc.
    docx_result = linter(select=["FZ201"]).lint_file(str(word_made / "n0.docx"))
    doc_result = linter(select=["FZ201"]).lint_file(str(word_made / "n0.doc"))
    assert [(f.code, f.line) for f in docx_result.findings] == [("FZ201", 21)]
    assert ("FZ201", 21) in [(f.code, f.line) for f in doc_result.findings]
    assert doc_result.source.lines[20].startswith("一、不足和原因")


def test_report_on_a_folder_of_every_format_makes_one_row_a_file(made, tmp_path):
    import csv
    import json

    from conftest import seed_text
    from docxbuild import typed

    folder = tmp_path / "submissions"
    folder.mkdir()
    shutil.copyfile(made / "0.doc", folder / "甲区.doc")
    shutil.copyfile(made / "1.doc", folder / "乙区.wps")
    shutil.copyfile(seed(4), tmp_path / "丙区.txt")
    _convert(tmp_path, "pdf", [tmp_path / "丙区.txt"])
    shutil.copyfile(tmp_path / "丙区.pdf", folder / "丙区.pdf")
    typed(seed_text(2), folder / "丁区.docx")
    shutil.copyfile(seed(3), folder / "戊区.TXT")
    (folder / "说明.xlsx").write_bytes(b"PK\x03\x04")  # not a submission's extension
    names = ["丁区.docx", "丙区.pdf", "乙区.wps", "戊区.TXT", "甲区.doc"]
    result = CliRunner().invoke(main, ["report", str(folder), "--csv", str(tmp_path / "review.csv"), "--no-config"])
    assert result.exit_code == 0, result.output
    assert "5 份报告" in result.output and "0 份无法读取" in result.output
    with open(tmp_path / "review.csv", encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert sorted(os.path.basename(row[header.index("文件")]) for row in rows) == sorted(names)
    with open(tmp_path / "review-findings.csv", encoding="utf-8-sig", newline="") as fh:
        header, *found = list(csv.reader(fh))
    assert "FZ901" not in {row[header.index("规则")] for row in found}
    # The same files check covers.
    checked = CliRunner().invoke(main, ["--no-color", "--format", "json", "--no-config", str(folder)],
                                 env={"NO_COLOR": "1"})
    assert sorted(os.path.basename(f["path"]) for f in json.loads(checked.output)["files"]) == sorted(names)
