"""LibreOffice, the one converter: every format fzlint reads by conversion
(office.py: .doc, .wps, .odt, .rtf) comes through convert().

LibreOffice is a real program, found as FZLINT_SOFFICE names it or as
soffice/libreoffice on PATH. Each conversion runs headless in a private
temporary folder that is always removed, holding the input, the output and a
throw-away user profile (-env:UserInstallation), so that parallel workers
(--jobs) never share a profile or a file; it runs in a process group of its
own, killed whole when it passes limits.CONVERSION_SECONDS.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..limits import CONVERSION_SECONDS
from . import FormatError

ENV = "FZLINT_SOFFICE"
INSTALL_ZH = "请安装 LibreOffice（Debian/Ubuntu：apt install libreoffice-writer-nogui；或设置环境变量 FZLINT_SOFFICE 指向 soffice），或在 Word/WPS 中另存为 .docx 后再检查"
INSTALL_EN = ("install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui; or set FZLINT_SOFFICE to "
              "its soffice), or save the file as .docx in Word/WPS")


def find() -> str | None:
    """The soffice program to run, or None when there is none."""
    configured = os.environ.get(ENV)
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, suffix: str, infilter: str, target: str = "docx", what: str = "此文件") -> bytes:
    """The bytes of data (a file of type suffix, e.g. ".doc") read by
    LibreOffice's import filter infilter and converted to target; raises
    FormatError when LibreOffice is missing, fails, or takes too long. The
    filter is named, not detected: LibreOffice reads what no filter of its
    own recognises as plain text, and a damaged .doc would come back as a
    page of junk characters instead of an error."""
    program = find()
    if program is None:
        configured = os.environ.get(ENV)
        if configured:
            raise FormatError(f"读取{what}需要 LibreOffice，但 {ENV}={configured} 不是可执行的程序",
                              f"reading this file needs LibreOffice, but {ENV}={configured} is no program to run")
        raise FormatError(f"读取{what}需要 LibreOffice，本机没有安装：{INSTALL_ZH}",
                          f"reading this file needs LibreOffice, which is not installed: {INSTALL_EN}")
    with tempfile.TemporaryDirectory(prefix="fzlint-soffice-") as tmp:
        source = Path(tmp, "draft" + suffix)
        source.write_bytes(data)
        out = Path(tmp, "out")
        command = [program, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--infilter={infilter}",
                   "--convert-to", target, "--outdir", str(out), str(source)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, cwd=tmp, start_new_session=True)
        try:
            output, _ = process.communicate(timeout=CONVERSION_SECONDS)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise FormatError(f"LibreOffice 转换超时（超过 {CONVERSION_SECONDS} 秒），文件可能已损坏或受密码保护",
                              f"LibreOffice took over {CONVERSION_SECONDS} s to convert it; the file may be "
                              "damaged or protected by a password") from None
        finally:
            _kill(process)  # whatever it left running in its group
        result = out / f"draft.{target}"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            said = " ".join(" ".join(line.split()) for line in output.decode("utf-8", "replace").splitlines()
                            if line.startswith("Error"))[:160]  # not its warnings (javaldx …)
            raise FormatError(f"LibreOffice 无法读取{what}（文件可能已损坏、加密，或是 Word 95 及更早版本、WPS 专有格式），"
                              "请在 Word/WPS 中另存为 .docx 后再检查" + (f"：{said}" if said else ""),
                              "LibreOffice cannot read it (the file may be damaged or encrypted, or be in the format "
                              "of Word 95 or earlier or WPS's own); save it as .docx in Word/WPS"
                              + (f": {said}" if said else ""))
        return result.read_bytes()


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
